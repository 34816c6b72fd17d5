//! The statements a transaction runs once per imported record, prepared at their first
//! use and held until the transaction ends.
//!
//! rusqlite's statement cache hashes a statement's whole SQL text to find it, and again
//! to put it back, at every use: about a tenth of a large import's writing thread went
//! there. A transaction holds its few hot statements instead and finds them among
//! themselves by their text, which differ in length.

use rusqlite::{Connection, Statement};
use std::cell::{RefCell, RefMut};

/// A transaction's held statements (see the module's doc).
pub(super) struct Held<'c> {
    conn: &'c Connection,
    statements: RefCell<Vec<(&'static str, Statement<'c>)>>,
}

impl<'c> Held<'c> {
    pub(super) fn new(conn: &'c Connection) -> Held<'c> {
        Held {
            conn,
            statements: RefCell::new(Vec::new()),
        }
    }

    /// The statement of `sql`, prepared at its first use. Each use binds every one of
    /// its parameters; rusqlite resets the statement after each `execute` and when a
    /// query's rows are dropped. The returned borrow must end before the next call.
    pub(super) fn get(&self, sql: &'static str) -> rusqlite::Result<RefMut<'_, Statement<'c>>> {
        let mut held = self.statements.borrow_mut();
        let at = match held.iter().position(|(s, _)| *s == sql) {
            Some(at) => at,
            None => {
                held.push((sql, self.conn.prepare(sql)?));
                held.len() - 1
            }
        };
        Ok(RefMut::map(held, |h| &mut h[at].1))
    }
}

#[cfg(test)]
mod tests {
    use super::Held;
    use rusqlite::Connection;

    #[test]
    fn a_held_statement_runs_again_with_new_values_and_sees_later_writes() {
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")
            .expect("table");
        let held = Held::new(&conn);
        const PUT: &str = "INSERT INTO t (k, v) VALUES (?1, ?2)";
        const GET: &str = "SELECT v FROM t WHERE k = ?1";
        for (k, v) in [("a", 1), ("b", 2)] {
            held.get(PUT)
                .and_then(|mut s| s.execute(rusqlite::params![k, v]))
                .expect("put");
        }
        let read = |k: &str| -> Option<i64> {
            held.get(GET)
                .and_then(|mut s| s.query_row([k], |r| r.get(0)))
                .ok()
        };
        assert_eq!(read("a"), Some(1));
        assert_eq!(read("b"), Some(2));
        // A write by another statement between two uses is seen.
        conn.execute("UPDATE t SET v = 5 WHERE k = 'a'", [])
            .expect("update");
        assert_eq!(read("a"), Some(5));
        // A failing use leaves the statement usable.
        assert!(
            held.get(PUT)
                .and_then(|mut s| s.execute(rusqlite::params!["a", 9]))
                .is_err()
        );
        held.get(PUT)
            .and_then(|mut s| s.execute(rusqlite::params!["c", 3]))
            .expect("put after a failure");
        assert_eq!(read("c"), Some(3));
        assert_eq!(held.statements.borrow().len(), 2, "each prepared once");
    }
}
