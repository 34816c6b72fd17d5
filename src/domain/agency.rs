//! The agency directory: the targets a complaint can be transferred to.

use super::ids::AgencyCode;
use serde::{Deserialize, Serialize};

/// The tier of an agency in the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    Kementerian,
    Lembaga,
    Provinsi,
    Kabupaten,
    Kota,
    Opd,
    Unit,
    /// A level this version does not know, kept as given.
    #[serde(untagged)]
    Other(String),
}

/// One entry of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub code: AgencyCode,
    pub name: String,
    #[serde(default)]
    pub parent: Option<AgencyCode>,
    pub level: AgencyLevel,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// The directory entries that match `query` (fuzzy, over the code and the name), best
/// first, as indices into `agencies`; every entry, in directory order, for an empty
/// query. With `active_only`, agencies no longer active are left out.
pub fn search(agencies: &[Agency], query: &str, active_only: bool) -> Vec<usize> {
    use fuzzy_matcher::FuzzyMatcher;
    let m = fuzzy_matcher::skim::SkimMatcherV2::default();
    let q = query.trim().to_lowercase();
    let words = super::words::words(&q);
    let mut scored: Vec<(i64, usize)> = agencies
        .iter()
        .enumerate()
        .filter(|(_, a)| a.active || !active_only)
        .filter_map(|(i, a)| {
            if q.is_empty() {
                return Some((0, i));
            }
            let hay = format!("{} {}", a.code, a.name).to_lowercase();
            let exact = super::words::whole_words(&hay, &words) as i64;
            m.fuzzy_match(&hay, &q)
                .map(|s| (s + exact * super::words::WHOLE_WORD_BONUS, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(code: &str, name: &str, active: bool) -> Agency {
        Agency {
            code: AgencyCode::from(code),
            name: name.into(),
            parent: None,
            level: AgencyLevel::Opd,
            active,
        }
    }

    #[test]
    fn search_ranks_by_code_and_name() {
        let all = [
            agency("3529-DINSOS", "Dinas Sosial", true),
            agency("3529-DPUBM", "Dinas PU Bina Marga", true),
            agency("3529-LAMA", "Dinas Bina Marga lama", false),
        ];
        assert_eq!(search(&all, "bina marga", true), vec![1]);
        assert_eq!(search(&all, "bina marga", false).len(), 2);
        assert_eq!(search(&all, "", true), vec![0, 1]);
        assert_eq!(search(&all, "dinsos", true), vec![0]);
    }
}
