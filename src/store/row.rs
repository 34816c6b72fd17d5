//! Reading rows by column name. A query's columns are declared once with [`columns!`]:
//! the SQL list and each column's place come from the same names, and [`col!`] finds a
//! name's place when the crate is compiled (a name not in the list does not build), so
//! reading by name costs nothing per row. A single column of a rarely run query is read
//! with rusqlite's own `row.get("name")`.

/// Declares a unit struct whose `SQL` is a column list and `NAMES` its names, and
/// optionally whole statements over those columns: `const NAME = "FROM …";` makes
/// `NAME` the text `SELECT <the list> FROM …`, all at compile time.
macro_rules! columns {
    (
        $(#[$meta:meta])* $vis:vis $name:ident = [$first:literal $(, $rest:literal)* $(,)?]
        $(; $(const $stmt:ident = $tail:literal;)*)?
    ) => {
        $(#[$meta])*
        $vis struct $name;
        #[allow(dead_code)]
        impl $name {
            /// The column list, for a `SELECT`.
            pub(crate) const SQL: &'static str = concat!($first $(, ", ", $rest)*);
            /// The names, in the list's order.
            pub(crate) const NAMES: &'static [&'static str] = &[$first $(, $rest)*];
        }
        columns!(@stmts [$first $(, ", ", $rest)*] $($($stmt = $tail;)*)?);
    };
    (@stmts $list:tt $($stmt:ident = $tail:literal;)*) => {
        $(columns!(@one $list $stmt $tail);)*
    };
    (@one [$($list:tt)*] $stmt:ident $tail:literal) => {
        const $stmt: &str = concat!("SELECT ", $($list)*, " ", $tail);
    };
}

/// The place of a column in a list declared with [`columns!`], by name, at compile time.
macro_rules! col {
    ($cols:ty, $name:literal) => {
        const { $crate::store::row::place(<$cols>::NAMES, $name) }
    };
}

pub(crate) use {col, columns};

/// Where `name` stands in `names`; fails the build (in a `const`) when it is absent.
pub(crate) const fn place(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if same(names[i].as_bytes(), name.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("no such column in the list");
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    columns!(Pair = ["id", "title"]; const BY_ID = "FROM t WHERE id = ?1";);

    #[test]
    fn a_list_reads_as_sql_and_by_name() {
        assert_eq!(Pair::SQL, "id, title");
        assert_eq!(BY_ID, "SELECT id, title FROM t WHERE id = ?1");
        assert_eq!(col!(Pair, "id"), 0);
        assert_eq!(col!(Pair, "title"), 1);
    }
}
