//! The fuzzy filter over the current view (tracking ID, title, category, location),
//! done in memory as the officer types: a longer query narrows the previous matches
//! instead of scanning every row again. No SQL per keystroke.

use super::inbox::InboxRow;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The filter's state.
#[derive(Default)]
pub struct Filter {
    /// What the officer typed.
    pub query: String,
    /// Whether keys go into the query.
    pub editing: bool,
    /// The query `matches` was computed for.
    matched_for: String,
    /// Row indices that match `matched_for`, best first.
    matches: Vec<usize>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Filter")
            .field("query", &self.query)
            .field("editing", &self.editing)
            .finish()
    }
}

impl Filter {
    /// Whether a query is in force.
    pub fn active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Clears the query.
    pub fn clear(&mut self) {
        self.query.clear();
        self.matched_for.clear();
        self.matches.clear();
        self.editing = false;
    }

    /// Forgets cached matches (the rows or the view changed).
    pub fn invalidate(&mut self) {
        self.matched_for.clear();
        self.matches.clear();
    }

    /// The rows of `base` (indices into `rows`, in view order) that match the query,
    /// best first; `base` itself when no query is in force.
    pub fn apply(&mut self, rows: &[InboxRow], base: &[usize]) -> Vec<usize> {
        let q = self.query.trim().to_lowercase();
        if q.is_empty() {
            return base.to_vec();
        }
        let narrowing = !self.matched_for.is_empty() && q.starts_with(&self.matched_for);
        let candidates: Vec<usize> = if narrowing {
            std::mem::take(&mut self.matches)
        } else {
            base.to_vec()
        };
        let mut scored: Vec<(i64, usize, usize)> = candidates
            .into_iter()
            .enumerate()
            .filter_map(|(order, i)| {
                let row = rows.get(i)?;
                self.matcher
                    .fuzzy_match(&row.haystack, &q)
                    .map(|score| (score, order, i))
            })
            .collect();
        // Best score first; equal scores keep the view's (urgency) order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, _, i)| i).collect();
        self.matched_for = q;
        self.matches.clone()
    }
}
