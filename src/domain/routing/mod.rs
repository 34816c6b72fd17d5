//! Where a complaint belongs: the suggester's terms, its keyword table, its model and
//! the rule that marks a complaint as likely misrouted. Pure: the store keeps the
//! learned counts and the import keeps them current; the CLI and the transfer pane ask.

pub mod keywords;
pub mod model;
pub mod terms;

pub use keywords::Keywords;
pub use model::{Model, Query, Reason, Suggestion};
pub use terms::{Region, hash, term_texts, terms, title_terms};

use crate::domain::{AgencyCode, Complaint, Status};

/// The score from which the best suggestion, when it is another agency, marks a
/// complaint as likely misrouted (chosen with `sigap suggest --evaluate`, see
/// docs/routing.md).
pub const MISROUTED_CONFIDENCE: f64 = 0.8;
/// How many learned complaints the best suggestion's reason must count before the
/// mark trusts it (one or two alike can be chance).
pub const MISROUTED_EVIDENCE: u64 = 3;
/// At most this many suggestions are shown.
pub const MAX_SUGGESTIONS: usize = 5;

/// The agency a complaint's cached history says it belongs to, when known: the agency
/// where it was completed, or where a transfer took it (its last agency).
pub fn final_agency(c: &Complaint, transferred: bool) -> Option<&AgencyCode> {
    (c.status == Status::Selesai || transferred).then_some(&c.agency)
}

/// Whether a complaint at `current` is likely misrouted, given its ranking (the first
/// explained): the best suggestion is another agency (not one above or below it) with
/// high confidence, for a reason that is more than chance: a location outside the
/// region, a keyword of its kind of office, or at least [`MISROUTED_EVIDENCE`] learned
/// complaints alike.
pub fn misrouted<'a>(ranked: &'a [Suggestion], current: &str) -> Option<&'a Suggestion> {
    let top = ranked.first()?;
    let solid = match &top.reason {
        Reason::Similar { similar, .. } => *similar >= MISROUTED_EVIDENCE,
        Reason::Keyword { .. } | Reason::OutsideRegion { .. } => true,
        Reason::Handled { .. } => false,
    };
    if !solid {
        return None;
    }
    let other = top.agency.as_str();
    let related =
        current.starts_with(&format!("{other}-")) || other.starts_with(&format!("{current}-"));
    (other != current && !related && top.score >= MISROUTED_CONFIDENCE).then_some(top)
}

/// The mark of a complaint at `current`: the agency it likely belongs to instead, by
/// [`misrouted`], unless its title speaks of the business of `current` by the keyword
/// table (a title about a road at the roads office stays unmarked whatever the body
/// says); a location outside the desk's region marks it whatever it says.
pub fn mark(model: &Model, q: &Query<'_>, current: &str, title: &str) -> Option<AgencyCode> {
    // Most complaints are where they belong: the best candidate alone first.
    let (top, score) = model.best(q)?;
    if top.as_str() == current || score < MISROUTED_CONFIDENCE {
        return None;
    }
    let ranked = model.rank(q, 1);
    let top = misrouted(&ranked, current)?;
    let outside = matches!(top.reason, Reason::OutsideRegion { .. });
    (outside || !model.speaks_of(&terms::title_terms(title), current)).then(|| top.agency.clone())
}

/// The suggestions shown for a complaint at `current`: best first, never `current`, at
/// most [`MAX_SUGGESTIONS`], only those with a score worth showing.
pub fn shown(ranked: Vec<Suggestion>, current: &str) -> Vec<Suggestion> {
    ranked
        .into_iter()
        .filter(|s| s.agency.as_str() != current && s.score >= 0.01)
        .take(MAX_SUGGESTIONS)
        .collect()
}

/// Whether a complaint can be marked at all: open, in the desk's scope.
pub fn markable(status: &Status, in_scope: bool) -> bool {
    in_scope && !status.is_closed()
}

/// The suggestions for several complaints transferred together: each agency's mean
/// score over them (its reason from the first that gives one), never the current agency
/// of any of them, best first, at most [`MAX_SUGGESTIONS`].
pub fn combine(lists: &[(String, Vec<Suggestion>)]) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    for (_, list) in lists {
        for s in list {
            match out.iter_mut().find(|o| o.agency == s.agency) {
                Some(o) => o.score += s.score,
                None => out.push(s.clone()),
            }
        }
    }
    let n = lists.len().max(1) as f64;
    out.retain(|s| {
        !lists
            .iter()
            .any(|(current, _)| current == s.agency.as_str())
    });
    out.iter_mut().for_each(|s| s.score /= n);
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.agency.cmp(&b.agency))
    });
    out.truncate(MAX_SUGGESTIONS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Agency, AgencyLevel};

    fn office(code: &str, name: &str) -> Agency {
        Agency {
            code: AgencyCode::from(code),
            name: name.into(),
            parent: Some(AgencyCode::from("3529")),
            level: AgencyLevel::Opd,
            active: true,
        }
    }

    /// Roads and social offices; `roads` complaints about potholes learned by roads.
    fn model(roads: u64) -> Model {
        let dir = [
            office("3529-DPUBM", "Dinas Pekerjaan Umum Bina Marga"),
            office("3529-DINSOS", "Dinas Sosial"),
        ];
        let mut m = Model::new(&dir, &[AgencyCode::from("3529")]);
        m.add_class("3529-DPUBM", roads, roads * 2);
        m.add_term(hash("lubang"), "3529-DPUBM", roads);
        m.add_term(hash("aspal"), "3529-DPUBM", roads);
        for w in ["mengelupas", "retak", "ambles"] {
            m.add_term(hash(w), "3529-DPUBM", roads);
        }
        m.add_class("3529-DINSOS", 20, 40);
        m.add_term(hash("pkh"), "3529-DINSOS", 20);
        m.add_term(hash("cair"), "3529-DINSOS", 20);
        m.add_keywords(&Keywords::embedded());
        m
    }

    fn terms(words: &[&str]) -> Vec<i64> {
        let mut t: Vec<i64> = words.iter().map(|w| hash(w)).collect();
        t.sort_unstable();
        t
    }

    #[test]
    fn a_pothole_at_the_social_office_is_marked_for_the_roads_office() {
        let t = terms(&["lubang", "aspal"]);
        let q = Query {
            terms: &t,
            ..Query::default()
        };
        let m = model(10);
        assert_eq!(
            mark(&m, &q, "3529-DINSOS", "").map(|a| a.0),
            Some("3529-DPUBM".into())
        );
        // Where it belongs it is not marked.
        assert_eq!(mark(&m, &q, "3529-DPUBM", ""), None);
    }

    #[test]
    fn two_complaints_alike_are_chance_not_evidence() {
        // No keyword of the table: only what was learned speaks for roads.
        let t = terms(&["mengelupas", "retak", "ambles"]);
        let q = Query {
            terms: &t,
            ..Query::default()
        };
        assert_eq!(mark(&model(2), &q, "3529-DINSOS", ""), None);
        assert!(mark(&model(12), &q, "3529-DINSOS", "").is_some());
    }

    #[test]
    fn a_complaint_speaking_of_its_own_office_is_not_marked() {
        // "bantuan" is the social office's word by the keyword table.
        let t = terms(&["lubang", "aspal", "bantuan"]);
        let q = Query {
            terms: &t,
            ..Query::default()
        };
        assert!(model(10).speaks_of(&t, "3529-DINSOS"));
        assert_eq!(
            mark(&model(10), &q, "3529-DINSOS", "Bantuan dan lubang"),
            None
        );
        // A word of its office in the body alone does not keep the mark away.
        assert!(mark(&model(10), &q, "3529-DINSOS", "Aspal berlubang").is_some());
    }

    #[test]
    fn the_suggestions_shown_leave_out_the_current_agency() {
        let t = terms(&["lubang", "aspal"]);
        let q = Query {
            terms: &t,
            ..Query::default()
        };
        let ranked = model(10).rank(&q, MAX_SUGGESTIONS);
        assert!(ranked.iter().map(|s| s.score).sum::<f64>() <= 1.0 + 1e-9);
        let shown = shown(ranked, "3529-DPUBM");
        assert!(shown.iter().all(|s| s.agency.as_str() != "3529-DPUBM"));
        assert!(shown.len() <= MAX_SUGGESTIONS);
    }
}
