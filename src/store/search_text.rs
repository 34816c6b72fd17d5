//! What the fuzzy filter searches a complaint by, and in which order (schema 15): its
//! title, category, location and tracking ID, lower-cased, in one text.
//!
//! The title comes first. fuzzy-matcher's linear scorer walks a text from its start
//! to the last character of the match, so with the tracking ID in front (as before
//! schema 15) every title match also walked the ID's 15 or more characters first. With
//! the title first, a query found in the title costs less to score. An ID is still
//! found, at the end.
//!
//! The three places that write a text build the same one: the import
//! ([`search_text`]), the schema's trigger for a changed title, category or
//! location, and `sigap check` when it rebuilds them ([`SEARCH_TEXT`]).

use super::StoreError;
use super::error::Named;
use super::held::Held;
use rusqlite::params;

/// The text a complaint is searched by, as SQL over the complaint's columns.
pub(super) const SEARCH_TEXT: &str = "lower(title || ' ' || ifnull(category, '') || ' '
    || ifnull(location, '') || ' ' || id)";

/// Schema 15: every stored text rewritten in the new order (about 4 s at a million
/// complaints), and the trigger that writes a changed complaint's text again. A text
/// left without its complaint (which `sigap check` reports and `--repair` removes) is
/// left as it is rather than failing the migration.
pub const V15: &str = r#"
DROP TRIGGER complaints_searchable_again;
CREATE TRIGGER complaints_searchable_again AFTER UPDATE OF title, category, location ON complaints
BEGIN
    UPDATE search_text SET text = lower(NEW.title || ' ' || ifnull(NEW.category, '') || ' '
        || ifnull(NEW.location, '') || ' ' || NEW.id)
    WHERE rowid = NEW.rowid;
END;
UPDATE search_text SET text = ifnull((
    SELECT lower(c.title || ' ' || ifnull(c.category, '') || ' ' || ifnull(c.location, '')
        || ' ' || c.id)
    FROM complaints c WHERE c.rowid = search_text.rowid), text);
"#;

/// The search text of a complaint, as [`SEARCH_TEXT`] makes it: SQLite's `lower` (with
/// no ICU built in, as here) lower-cases ASCII letters only. The import's reading
/// thread builds it, so the writing thread only stores it.
pub fn search_text(
    id: &str,
    title: &str,
    category: Option<&str>,
    location: Option<&str>,
) -> String {
    let parts = [title, category.unwrap_or(""), location.unwrap_or(""), id];
    let mut text = parts.join(" ");
    text.make_ascii_lowercase();
    text
}

/// Adds the search text of the row just inserted (made by [`search_text`]).
pub(super) fn add_search_text(held: &Held<'_>, rowid: i64, text: &str) -> Result<(), StoreError> {
    held.get("INSERT INTO search_text (rowid, text) VALUES (?1, ?2)")
        .and_then(|mut s| s.execute(params![rowid, text]))
        .named("add a complaint's search text")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{SEARCH_TEXT, search_text};
    use crate::store::migrations::migrations;
    use rusqlite::Connection;

    fn text_of(conn: &Connection, id: &str) -> String {
        conn.query_row(
            "SELECT s.text FROM search_text s JOIN complaints c ON c.rowid = s.rowid
             WHERE c.id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("text")
    }

    /// A cache of schema 14 (texts led by the ID) holding one complaint with a
    /// location and one without, taken to the latest schema.
    #[test]
    fn the_migration_puts_the_title_first_in_every_text_and_in_later_changes() {
        let mut conn = Connection::open_in_memory().expect("open");
        let m = migrations();
        m.to_version(&mut conn, 14).expect("schema 14");
        for (id, location) in [("LAP-1", Some("Desa Bluto")), ("LAP-2", None)] {
            conn.execute(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, category,
                     location, submitted_at, data)
                 VALUES (?1, 1, 'h', '2026-11-20T01:00:00Z', '3529-DINSOS', 'terdisposisi',
                     'pengaduan', 0, 0, 0, 'Jalan Rusak', 'Infrastruktur', ?2,
                     '2026-11-19T09:00:00+07:00', '{}')",
                rusqlite::params![id, location],
            )
            .expect("complaint");
            conn.execute(
                "INSERT INTO search_text (rowid, text)
                 SELECT rowid, lower(id || ' ' || title || ' ' || ifnull(category, '') || ' '
                     || ifnull(location, '')) FROM complaints WHERE id = ?1",
                [id],
            )
            .expect("old text");
        }
        assert_eq!(
            text_of(&conn, "LAP-1"),
            "lap-1 jalan rusak infrastruktur desa bluto"
        );
        // A text whose complaint is gone (a damaged cache) does not stop the migration.
        conn.execute(
            "INSERT INTO search_text (rowid, text) VALUES (999, 'lap-9 yatim')",
            [],
        )
        .expect("orphan");
        m.to_latest(&mut conn).expect("latest");
        let orphan: String = conn
            .query_row("SELECT text FROM search_text WHERE rowid = 999", [], |r| {
                r.get(0)
            })
            .expect("orphan kept");
        assert_eq!(orphan, "lap-9 yatim");
        assert_eq!(
            text_of(&conn, "LAP-1"),
            "jalan rusak infrastruktur desa bluto lap-1"
        );
        assert_eq!(text_of(&conn, "LAP-2"), "jalan rusak infrastruktur  lap-2");
        conn.execute(
            "UPDATE complaints SET title = 'Lampu Mati' WHERE id = 'LAP-1'",
            [],
        )
        .expect("update");
        assert_eq!(
            text_of(&conn, "LAP-1"),
            "lampu mati infrastruktur desa bluto lap-1"
        );
        // `sigap check` expects the same text.
        let differ: i64 = conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM complaints c JOIN search_text s ON s.rowid = c.rowid
                     WHERE s.text IS NOT {SEARCH_TEXT}"
                ),
                [],
                |r| r.get(0),
            )
            .expect("compare");
        assert_eq!(differ, 0);
    }

    /// The import's text is the one SQL makes (which `sigap check` compares with):
    /// capitals outside ASCII, a missing category or location, and controls alike.
    #[test]
    fn the_imports_text_is_the_one_sql_makes() {
        let conn = Connection::open_in_memory().expect("open");
        let cases: [(&str, &str, Option<&str>, Option<&str>); 4] = [
            (
                "LAP-1",
                "Jalan RUSAK di Desa",
                Some("Infrastruktur"),
                Some("Desa Bluto"),
            ),
            (
                "LAP-2",
                "ÉCOLE İstanbul ẞTRASSE Ǆ Ωmega",
                None,
                Some("KÖLN"),
            ),
            ("lap-3", "tab\there \u{1b}[31m", Some(""), None),
            ("LAP-4", "", None, None),
        ];
        for (id, title, category, location) in cases {
            let sql: String = conn
                .query_row(
                    &format!(
                        "SELECT {SEARCH_TEXT} FROM (SELECT ?1 AS id, ?2 AS title, \
                         ?3 AS category, ?4 AS location)"
                    ),
                    rusqlite::params![id, title, category, location],
                    |r| r.get(0),
                )
                .expect("sql");
            assert_eq!(search_text(id, title, category, location), sql, "{title}");
        }
    }
}
