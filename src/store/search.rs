//! The fuzzy filter's texts of a view, read from a narrow table keyed by the
//! complaint's rowid: loaded once per view, and brought up to date after a change of
//! the cache by reading only the view's rows and the texts it did not hold yet.

use super::error::Named;
use super::inbox::RowidCol;
use super::row::{col, columns};
use super::{Store, StoreError, ViewQuery};

columns!(
    /// A search text with its row.
    TextCols = ["rowid", "text"];
    const ALL_TEXTS = "FROM search_text";
);
columns!(
    /// One search text.
    TextCol = ["text"];
    const TEXT_OF = "FROM search_text WHERE rowid = ?1";
);

/// Bytes reserved per row for the filter's texts (ID, title, category and place are
/// about 110 bytes; only what is written is ever resident).
const TEXT_BYTES_RESERVED: usize = 256;

/// A view holding at least one row in this many reads the filter's texts by scanning
/// the whole narrow table; a smaller one looks its rows up.
const SCAN_WHEN_ONE_IN: usize = 8;

/// How many search texts are read between two progress reports.
pub const TEXTS_PROGRESS_EVERY: u64 = 65_536;

/// The searchable texts of a view (see [`Store::search_texts`]), in the cache's
/// order (which is how they are read fastest); `place[i]` is entry `i`'s position in
/// the view, for ranking equal scores in the view's order.
#[derive(Clone, Debug, Default)]
pub struct SearchTexts {
    pub rowids: Vec<i64>,
    pub place: Vec<u32>,
    pub text: String,
    pub ends: Vec<u32>,
    /// Each text's [`crate::domain::words::letters`], computed once per load.
    pub letters: Vec<u32>,
}

impl SearchTexts {
    /// The text of entry `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends.get(i).map_or(start, |e| *e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.rowids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rowids.is_empty()
    }

    /// Adds a text lower-cased already, with its letters.
    fn push_lowered(&mut self, rowid: i64, place: u32, text: &str, letters: u32) {
        self.rowids.push(rowid);
        self.place.push(place);
        self.text.push_str(text);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.letters.push(letters);
    }

    fn push(&mut self, rowid: i64, place: u32, text: &str) {
        self.rowids.push(rowid);
        self.place.push(place);
        // SQLite lower-cases ASCII only; the rest here.
        let from = self.text.len();
        if text.is_ascii() {
            self.text.push_str(text);
        } else {
            self.text.push_str(&text.to_lowercase());
        }
        self.letters
            .push(crate::domain::words::letters(&self.text.as_bytes()[from..]));
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }
}

/// A stored text without copying it (the table is STRICT: its texts are UTF-8 text).
fn text_of(v: rusqlite::types::ValueRef<'_>) -> &str {
    match v {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
        _ => "",
    }
}

impl Store {
    /// What the fuzzy filter searches for a view: each row's cache id, its place in
    /// the view, and its title, category, location and tracking ID in lower case (in
    /// that order, see `store::search_text`). The
    /// texts share one buffer (`ends[i]` is where text `i` ends) to keep a million of
    /// them small.
    pub fn search_texts(&self, view: &ViewQuery) -> Result<SearchTexts, StoreError> {
        self.search_texts_reporting(view, u64::MAX, &mut |_, _| {})
    }

    /// [`Store::search_texts`], telling `progress(done, all)` every `every` rows read
    /// (the desk uses [`TEXTS_PROGRESS_EVERY`]), so a desk at a million can show how far
    /// it is.
    pub fn search_texts_reporting(
        &self,
        view: &ViewQuery,
        every: u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<SearchTexts, StoreError> {
        let every = every.max(1);
        let in_view = self.view_rowids(view)?;
        let most: usize = self
            .conn
            .query_row(
                "SELECT ifnull(max(rowid), 0) AS most FROM search_text",
                [],
                |r| r.get::<_, i64>("most"),
            )
            .map(|n| usize::try_from(n).unwrap_or(0))
            .named("count the search texts")?;
        // Where each cache row stands in the view (`u32::MAX`: not in it).
        let mut place = vec![u32::MAX; most + 1];
        for (i, rowid) in in_view.iter().enumerate() {
            if let Some(p) = usize::try_from(*rowid).ok().and_then(|r| place.get_mut(r)) {
                *p = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        // Room for every row at once: one large allocation per buffer is mapped straight
        // from the OS and given back whole when the texts are dropped, where growing by
        // doubling would leave freed pieces the allocator keeps. Reserved pages that are
        // never written cost no memory.
        let n = in_view.len();
        let mut out = SearchTexts {
            rowids: Vec::with_capacity(n),
            place: Vec::with_capacity(n),
            text: String::with_capacity(n.saturating_mul(TEXT_BYTES_RESERVED)),
            ends: Vec::with_capacity(n),
            letters: Vec::with_capacity(n),
        };
        let mut keep = |rowid: i64, text: &str| {
            let at = usize::try_from(rowid)
                .ok()
                .and_then(|r| place.get(r))
                .copied()
                .unwrap_or(u32::MAX);
            if at != u32::MAX {
                out.push(rowid, at, text);
            }
        };
        const TEXTS: &str = "read the search texts";
        if n.saturating_mul(SCAN_WHEN_ONE_IN) >= most {
            // A large view: read the whole narrow table once, in its own order.
            let mut stmt = self.conn.prepare_cached(ALL_TEXTS).named(TEXTS)?;
            let mut rows = stmt.query([]).named(TEXTS)?;
            let mut read = 0u64;
            while let Some(r) = rows.next().named(TEXTS)? {
                read += 1;
                if read.is_multiple_of(every) {
                    progress(read, most as u64);
                }
                let rowid = r.get(col!(TextCols, "rowid")).named(TEXTS)?;
                keep(
                    rowid,
                    text_of(r.get_ref(col!(TextCols, "text")).named(TEXTS)?),
                );
            }
        } else {
            // A small one: look its rows up, in the cache's order.
            let mut sorted = in_view;
            sorted.sort_unstable();
            let mut stmt = self.conn.prepare_cached(TEXT_OF).named(TEXTS)?;
            for (read, rowid) in (1u64..).zip(sorted) {
                if read.is_multiple_of(every) {
                    progress(read, n as u64);
                }
                let mut rows = stmt.query([rowid]).named(TEXTS)?;
                if let Some(r) = rows.next().named(TEXTS)? {
                    keep(
                        rowid,
                        text_of(r.get_ref(col!(TextCol, "text")).named(TEXTS)?),
                    );
                }
            }
        }
        Ok(out)
    }

    /// A view's cache ids in the view's order, from its own index.
    fn view_rowids(&self, view: &ViewQuery) -> Result<Vec<i64>, StoreError> {
        self.view_column(view, RowidCol::SQL, "read a view's cache ids")
    }

    /// What the search texts were read from: while it is the same, every text is
    /// (only an import writes them, and a repair that rebuilds them notes it).
    pub fn texts_stamp(&self) -> Result<TextsStamp, StoreError> {
        let most = self
            .conn
            .query_row(
                "SELECT ifnull(max(rowid), 0) AS most FROM search_text",
                [],
                |r| r.get::<_, i64>("most"),
            )
            .named("count the search texts")?;
        Ok(TextsStamp {
            import: super::get_meta(&self.conn, super::batches::LAST_IMPORT)?,
            rebuilt: super::get_meta(&self.conn, TEXTS_REBUILT)?,
            most,
        })
    }

    /// A view's texts again after the cache changed while its texts did not (the same
    /// [`Store::texts_stamp`]): the view's rows are read again, the texts `old` holds
    /// are kept, and only rows new to the view are looked up, instead of reading every
    /// text again.
    pub fn search_texts_again(
        &self,
        view: &ViewQuery,
        old: &SearchTexts,
    ) -> Result<TextsAgain, StoreError> {
        let mut order: Vec<(i64, u32)> = self
            .view_rowids(view)?
            .into_iter()
            .enumerate()
            .map(|(i, r)| (r, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        order.sort_unstable();
        let mut out = SearchTexts {
            rowids: Vec::with_capacity(order.len()),
            place: Vec::with_capacity(order.len()),
            text: String::with_capacity(old.text.len()),
            ends: Vec::with_capacity(order.len()),
            letters: Vec::with_capacity(order.len()),
        };
        let mut moved = vec![None; old.len()];
        let mut fresh = Vec::new();
        const TEXTS: &str = "read the search texts";
        let mut stmt = self.conn.prepare_cached(TEXT_OF).named(TEXTS)?;
        for (rowid, place) in order {
            // Entries are in cache order, so the old ones are found by halving.
            let here = u32::try_from(out.len()).unwrap_or(u32::MAX);
            match old.rowids.binary_search(&rowid) {
                Ok(i) => {
                    moved[i] = Some(here);
                    out.push_lowered(rowid, place, old.get(i), old.letters[i]);
                }
                Err(_) => {
                    let mut rows = stmt.query([rowid]).named(TEXTS)?;
                    if let Some(r) = rows.next().named(TEXTS)? {
                        fresh.push(here);
                        out.push(
                            rowid,
                            place,
                            text_of(r.get_ref(col!(TextCol, "text")).named(TEXTS)?),
                        );
                    }
                }
            }
        }
        Ok(TextsAgain {
            texts: out,
            moved,
            fresh,
        })
    }
}

/// The meta key a repair sets when it rebuilds the search texts.
pub(super) const TEXTS_REBUILT: &str = "search_texts_rebuilt_at";

/// See [`Store::texts_stamp`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextsStamp {
    import: Option<String>,
    rebuilt: Option<String>,
    most: i64,
}

/// A view's texts read again ([`Store::search_texts_again`]).
#[derive(Debug)]
pub struct TextsAgain {
    pub texts: SearchTexts,
    /// Where each old entry is now (`None`: it left the view).
    pub moved: Vec<Option<u32>>,
    /// The entries new to the view, ascending.
    pub fresh: Vec<u32>,
}
