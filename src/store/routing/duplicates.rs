//! Likely duplicates: complaints about the same place, submitted within a number of
//! days of each other, whose titles share most of their words. They are only linked
//! (the detail names them, the officer can mark the group); nothing is merged.

use crate::domain::ComplaintId;
use crate::domain::routing::terms::lower_words;
use crate::store::error::Named;
use crate::store::{Store, StoreError};

/// The share of title words two complaints must have in common (of all their words).
const SIMILAR_TITLES: f64 = 0.5;

/// A lower-cased title's words as a sorted set in `out`, without the words of the
/// place both complaints share (a title often names its village; that alone makes no
/// two complaints alike), unless the title has no other word. `place` is sorted.
fn title_words<'a>(lower: &'a str, place: &[String], out: &mut Vec<&'a str>) {
    out.clear();
    out.extend(lower_words(lower));
    out.sort_unstable();
    out.dedup();
    if out
        .iter()
        .any(|w| place.binary_search_by(|p| p.as_str().cmp(w)).is_err())
    {
        out.retain(|w| place.binary_search_by(|p| p.as_str().cmp(w)).is_err());
    }
}

/// Whether two sorted word sets overlap by at least [`SIMILAR_TITLES`].
fn alike(a: &[&str], b: &[&str]) -> bool {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    union > 0 && both as f64 / union as f64 >= SIMILAR_TITLES
}

/// The place's words, sorted.
fn place_words(place: &str) -> Vec<String> {
    let mut w: Vec<String> = lower_words(&place.to_lowercase())
        .map(str::to_owned)
        .collect();
    w.sort_unstable();
    w
}

/// The complaints of a place submitted between two Julian days, by the place index:
/// those from `?2` up to `?3`, nearest first, at most `?4` of them.
const LATER: &str = "SELECT rowid, id, title, julianday(submitted_at) AS day
     FROM complaints INDEXED BY complaints_by_place
     WHERE location = ?1 AND julianday(submitted_at) >= ?2 AND julianday(submitted_at) <= ?3
     ORDER BY julianday(submitted_at) LIMIT ?4";
/// The same, before `?2` down to `?3`, nearest first.
const EARLIER: &str = "SELECT rowid, id, title, julianday(submitted_at) AS day
     FROM complaints INDEXED BY complaints_by_place
     WHERE location = ?1 AND julianday(submitted_at) < ?2 AND julianday(submitted_at) >= ?3
     ORDER BY julianday(submitted_at) DESC LIMIT ?4";

/// How many complaints of the place nearest in time are compared on each side. The
/// window of a busy village can hold thousands (the benchmarks' ten places hold 1,800
/// at 100,000 complaints), the desk asks for every complaint the cursor rests on, and
/// a duplicate is a near one.
const NEAREST: i64 = 100;

/// Whether two titles of complaints at `place` are alike.
#[cfg(test)]
fn similar_titles(a: &str, b: &str, place: &str) -> bool {
    let place = place_words(place);
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (mut x, mut y) = (Vec::new(), Vec::new());
    title_words(&a, &place, &mut x);
    title_words(&b, &place, &mut y);
    alike(&x, &y)
}

impl Store {
    /// The complaints that are likely duplicates of `id` (same place, submitted at most
    /// `days` days apart, give or take a second, a similar title), oldest first; among
    /// the [`NEAREST`] complaints of the place before it and after it.
    ///
    /// Two ranges of the place index, and the titles of at most twice [`NEAREST`]
    /// complaints.
    pub fn duplicates(&self, id: &str, days: u32) -> Result<Vec<ComplaintId>, StoreError> {
        const READ: &str = "look for likely duplicates";
        let me: Option<(i64, Option<String>, String, Option<f64>)> = self
            .conn
            .prepare_cached(
                "SELECT rowid, location, title, julianday(submitted_at) AS day
                 FROM complaints WHERE id = ?1",
            )
            .and_then(|mut s| {
                rusqlite::OptionalExtension::optional(s.query_row([id], |r| {
                    Ok((
                        r.get("rowid")?,
                        r.get("location")?,
                        r.get("title")?,
                        r.get("day")?,
                    ))
                }))
            })
            .named(READ)?;
        let Some((rowid, Some(place), title, Some(day))) = me else {
            return Ok(Vec::new());
        };
        let place_words = place_words(&place);
        let title = title.to_lowercase();
        let mut mine = Vec::new();
        title_words(&title, &place_words, &mut mine);
        let mut lower = String::new();
        let reach = f64::from(days) + 1.0 / 86_400.0;
        let mut found: Vec<(f64, String)> = Vec::new();
        for (sql, to) in [(LATER, day + reach), (EARLIER, day - reach)] {
            let mut s = self.conn.prepare_cached(sql).named(READ)?;
            let mut rows = s
                .query(rusqlite::params![place, day, to, NEAREST])
                .named(READ)?;
            while let Some(r) = rows.next().named(READ)? {
                let other: i64 = r.get("rowid").named(READ)?;
                if other == rowid {
                    continue;
                }
                let title = r
                    .get_ref("title")
                    .and_then(|v| v.as_str().map_err(Into::into));
                lower.clear();
                lower.extend(title.named(READ)?.chars().flat_map(char::to_lowercase));
                let mut theirs = Vec::with_capacity(mine.len() + 8);
                title_words(&lower, &place_words, &mut theirs);
                if alike(&mine, &theirs) {
                    found.push((r.get("day").named(READ)?, r.get("id").named(READ)?));
                }
            }
        }
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        Ok(found.into_iter().map(|(_, id)| ComplaintId(id)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::similar_titles;

    #[test]
    fn titles_alike_share_most_words() {
        let place = "Desa Batuan, Kec. Batuan";
        assert!(similar_titles(
            "Jalan berlubang di Desa Batuan",
            "jalan BERLUBANG desa batuan!",
            place
        ));
        assert!(!similar_titles(
            "Jalan berlubang di Desa Batuan",
            "PKH tidak cair di Desa Batuan",
            place
        ));
        assert!(!similar_titles("", "", place));
    }

    #[test]
    fn the_place_named_in_both_titles_does_not_make_them_alike() {
        let place = "Desa Pinggir Papas, Kec. Kalianget, Kab. Sumenep";
        // Five of the nine words are the place's: alike by words, not by subject.
        assert!(!similar_titles(
            "Jalan rusak di Desa Pinggir Papas, Kec. Kalianget",
            "Lampu mati di Desa Pinggir Papas, Kec. Kalianget",
            place
        ));
        // A title that is only the place is compared whole.
        assert!(similar_titles(
            "Desa Pinggir Papas",
            "desa pinggir papas",
            place
        ));
    }
}

#[cfg(test)]
mod plan {
    /// The look-up the desk makes on every cursor move reads a range of the place
    /// index, in its order (no sort), whatever else the cache holds.
    #[test]
    fn the_duplicates_look_up_reads_a_range_of_the_place_index() {
        for sql in [super::LATER, super::EARLIER] {
            assert_eq!(
                crate::store::query_plan(sql, rusqlite::params!["x", 1.0, 2.0, 3]),
                ["SEARCH complaints USING INDEX complaints_by_place \
                  (location=? AND <expr>>? AND <expr><?)"],
                "{sql}"
            );
        }
    }
}
