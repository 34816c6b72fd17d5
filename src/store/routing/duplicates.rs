//! Likely duplicates: complaints about the same place, submitted within a number of
//! days of each other, whose titles share most of their words. They are only linked
//! (the detail names them, the officer can mark the group); nothing is merged.

use crate::domain::ComplaintId;
use crate::domain::routing::terms::words;
use crate::store::error::Named;
use crate::store::{Store, StoreError};
use chrono::DateTime;
use std::collections::BTreeSet;

/// The share of title words two complaints must have in common (of all their words).
const SIMILAR_TITLES: f64 = 0.5;

/// Whether two titles are alike: their words overlap by at least [`SIMILAR_TITLES`].
pub fn similar_titles(a: &str, b: &str) -> bool {
    let a: BTreeSet<String> = words(a).collect();
    let b: BTreeSet<String> = words(b).collect();
    let union = a.union(&b).count();
    union > 0 && a.intersection(&b).count() as f64 / union as f64 >= SIMILAR_TITLES
}

impl Store {
    /// The complaints that are likely duplicates of `id` (same place, submitted at most
    /// `days` days apart, a similar title), oldest first.
    pub fn duplicates(&self, id: &str, days: u32) -> Result<Vec<ComplaintId>, StoreError> {
        const READ: &str = "look for likely duplicates";
        let me: Option<(Option<String>, String, String)> = self
            .conn
            .prepare_cached("SELECT location, title, submitted_at FROM complaints WHERE id = ?1")
            .and_then(|mut s| {
                rusqlite::OptionalExtension::optional(s.query_row([id], |r| {
                    Ok((r.get("location")?, r.get("title")?, r.get("submitted_at")?))
                }))
            })
            .named(READ)?;
        let Some((Some(place), title, at)) = me else {
            return Ok(Vec::new());
        };
        let Ok(at) = DateTime::parse_from_rfc3339(&at) else {
            return Ok(Vec::new());
        };
        let window = chrono::Duration::days(i64::from(days));
        let mut s = self
            .conn
            .prepare_cached(
                "SELECT id, title, submitted_at FROM complaints INDEXED BY complaints_by_place
                 WHERE location = ?1 AND id <> ?2 ORDER BY submitted_at, id",
            )
            .named(READ)?;
        let mut rows = s.query([&place, id]).named(READ)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().named(READ)? {
            let other: String = r.get("submitted_at").named(READ)?;
            let Ok(other) = DateTime::parse_from_rfc3339(&other) else {
                continue;
            };
            let near = (other - at).abs() <= window;
            if near && similar_titles(&title, &r.get::<_, String>("title").named(READ)?) {
                out.push(ComplaintId(r.get("id").named(READ)?));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::similar_titles;

    #[test]
    fn titles_alike_share_most_words() {
        assert!(similar_titles(
            "Jalan berlubang di Desa Batuan",
            "jalan BERLUBANG desa batuan!"
        ));
        assert!(!similar_titles(
            "Jalan berlubang di Desa Batuan",
            "PKH tidak cair di Desa Batuan"
        ));
        assert!(!similar_titles("", ""));
    }
}
