//! What the officer types into the fuzzy filter. The matching itself runs in the
//! runtime, off the UI thread, over the whole view (see `runtime::search`).

/// The filter line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterInput {
    /// What the officer typed.
    pub query: String,
    /// Whether keys go into the query.
    pub editing: bool,
    /// The last query that was cleared, for `n`/`N` to bring back.
    pub last: String,
}

impl FilterInput {
    /// Whether a query is in force.
    pub fn active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Clears the query (remembering it for `n`/`N`).
    pub fn clear(&mut self) {
        if self.active() {
            self.last = std::mem::take(&mut self.query);
        }
        self.query.clear();
        self.editing = false;
    }
}
