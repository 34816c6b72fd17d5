//! The *needs action* rule in SQL, written once: the view's query, its partial index and
//! the count triggers (migration V3) all expand [`needs_action!`], and
//! [`crate::domain::needs_action`] states it in Rust for new rows and for the desk.

/// The *needs action* rule over a complaint row, as SQL text: `$row` is the row's
/// prefix (`""` in a query, `"NEW."` or `"OLD."` in a trigger). A constant, so that it
/// can be spliced into migrations at compile time; no data goes into it.
macro_rules! needs_action {
    ($row:literal) => {
        concat!(
            $row,
            "in_scope = 1 AND ",
            $row,
            "status IN ('terdisposisi', 'diproses') AND ",
            $row,
            "first_response_at IS NULL AND ",
            $row,
            "transfer_proposed = 0"
        )
    };
}

pub(crate) use needs_action;

/// The *needs action* rule as a condition on `complaints` (word for word the partial
/// index's, so that SQLite can use it).
pub const NEEDS_ACTION: &str = needs_action!("");

#[cfg(test)]
mod tests {
    use super::NEEDS_ACTION;
    use crate::domain::{Status, needs_action};
    use rusqlite::Connection;

    #[test]
    fn the_sql_rule_and_the_rust_rule_agree() {
        let conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE TABLE complaints (id INTEGER PRIMARY KEY, in_scope INTEGER NOT NULL,
                 status TEXT NOT NULL, first_response_at TEXT, transfer_proposed INTEGER NOT NULL)",
        )
        .expect("table");
        let mut statuses: Vec<Status> = Status::KNOWN.to_vec();
        statuses.push(Status::Other("eskalasi".into()));
        let mut cases = Vec::new();
        for in_scope in [false, true] {
            for status in &statuses {
                for answered in [false, true] {
                    for transfer in [false, true] {
                        cases.push((in_scope, status.clone(), answered, transfer));
                    }
                }
            }
        }
        let mut insert = conn
            .prepare("INSERT INTO complaints VALUES (?1, ?2, ?3, ?4, ?5)")
            .expect("insert");
        for (i, (in_scope, status, answered, transfer)) in cases.iter().enumerate() {
            let first = answered.then_some("2026-11-02T02:00:00Z");
            insert
                .execute(rusqlite::params![
                    i as i64,
                    in_scope,
                    status.as_str(),
                    first,
                    transfer
                ])
                .expect("row");
        }
        let sql = format!("SELECT id, {NEEDS_ACTION} AS needs FROM complaints ORDER BY id");
        let mut stmt = conn.prepare(&sql).expect("select");
        let by_sql: Vec<bool> = stmt
            .query_map([], |r| r.get("needs"))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        let by_rust: Vec<bool> = cases
            .iter()
            .map(|(s, st, a, t)| needs_action(*s, st, *a, *t))
            .collect();
        assert_eq!(by_sql, by_rust);
        assert!(by_rust.iter().any(|n| *n) && by_rust.iter().any(|n| !*n));
    }

    #[test]
    fn the_view_index_is_written_with_the_rule() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let store =
            super::super::Store::open(dir.path(), ctx, super::super::Access::Write).expect("open");
        let sql: String = store
            .conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'complaints_needs_action'",
                [],
                |r| r.get("sql"),
            )
            .expect("index");
        assert!(sql.ends_with(NEEDS_ACTION), "{sql}");
    }
}
