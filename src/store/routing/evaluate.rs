//! Measuring the suggester on the cache itself: each complaint whose final agency is
//! known is left out of the counts in turn and ranked by the rest (top-1 and top-3
//! accuracy); the misrouted mark is simulated at the agency the complaint was first
//! sent to, and compared with whether it was transferred away from there.

use super::{load_model, parse_snapshot};
use crate::domain::routing::{self, MISROUTED_CONFIDENCE, Query, Region};
use crate::store::error::Named;
use crate::store::{Store, StoreError};

/// The thresholds the precision and recall of the mark are also given at.
const THRESHOLDS: [f64; 7] = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];

/// The mark's precision and recall at one confidence threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkAt {
    pub threshold: f64,
    pub precision: f64,
    pub recall: f64,
}

/// The suggester measured on the cache.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Complaints whose final agency is known (each left out in turn).
    pub complaints: usize,
    pub top1: f64,
    pub top3: f64,
    /// Of those, the ones first sent elsewhere, and the ones the mark would flag.
    pub misrouted: usize,
    pub marked: usize,
    pub misrouted_precision: f64,
    pub misrouted_recall: f64,
    /// Precision and recall at other thresholds than the desk's.
    pub curve: Vec<MarkAt>,
    /// The first complaints whose best suggestion was not their final agency (for
    /// looking at what fails).
    pub misses: Vec<Miss>,
}

/// A complaint the suggester got wrong in the evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    pub id: String,
    /// Where it ended.
    pub agency: String,
    /// The best suggestion instead.
    pub suggested: String,
}

/// How many misses the evaluation keeps as examples.
const MISSES_KEPT: usize = 50;

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Store {
    /// Leave-one-out over every complaint whose final agency is known.
    pub fn evaluate_routing(&self) -> Result<Evaluation, StoreError> {
        let model = load_model(&self.conn, &self.ctx, None)?;
        const READ: &str = "read the learned complaints";
        let mut s = self
            .conn
            .prepare(
                "SELECT c.id AS id, c.route_label AS label, s.snapshot AS snapshot,
                        (SELECT a.agency FROM complaint_agencies a
                         WHERE a.complaint_id = c.id ORDER BY a.rowid LIMIT 1) AS first
                 FROM complaints c JOIN complaint_snapshots s ON s.rid = c.rowid
                 WHERE c.route_label IS NOT NULL ORDER BY c.id",
            )
            .named(READ)?;
        let mut rows = s.query([]).named(READ)?;
        let (mut n, mut top1, mut top3) = (0usize, 0usize, 0usize);
        let mut misses = Vec::new();
        // Per complaint: truly misrouted, and the score of a mark at its first agency.
        let mut marks: Vec<(bool, Option<f64>)> = Vec::new();
        while let Some(r) = rows.next().named(READ)? {
            let id: String = r.get("id").named(READ)?;
            let label: String = r.get("label").named(READ)?;
            let data: String = r.get("snapshot").named(READ)?;
            let first: Option<String> = r.get("first").named(READ)?;
            let Ok(c) = parse_snapshot(&id, &data) else {
                continue;
            };
            let terms = routing::terms(&c);
            let q = Query {
                terms: &terms,
                region: c.location.as_deref().and_then(Region::of_location),
                learned_at: Some(&label),
                ..Query::default()
            };
            let mut ranked = model.rank(&q, 1);
            n += 1;
            let hit = ranked.first().is_some_and(|s| s.agency.as_str() == label);
            top1 += usize::from(hit);
            if !hit && misses.len() < MISSES_KEPT {
                let got = ranked
                    .first()
                    .map(|s| s.agency.0.clone())
                    .unwrap_or_default();
                misses.push(Miss {
                    id: id.clone(),
                    agency: label.clone(),
                    suggested: got,
                });
            }
            top3 += usize::from(ranked.iter().take(3).any(|s| s.agency.as_str() == label));
            let first = first.unwrap_or_else(|| label.clone());
            // The mark's rule at any threshold: take the top score as if it were at 1.
            let top_score = ranked.first().map(|s| s.score);
            if let Some(top) = ranked.first_mut() {
                top.score = 1.0;
            }
            let outside = ranked
                .first()
                .is_some_and(|s| matches!(s.reason, routing::Reason::OutsideRegion { .. }));
            let vetoed = !outside && model.speaks_of(&routing::title_terms(&c.title), &first);
            let would = routing::misrouted(&ranked, &first)
                .filter(|_| !vetoed)
                .and(top_score);
            marks.push((first != label, would));
        }
        let at = |threshold: f64| {
            let flagged = marks.iter().filter(|m| m.1.is_some_and(|s| s >= threshold));
            let (mut tp, mut fp) = (0usize, 0usize);
            for m in flagged {
                if m.0 { tp += 1 } else { fp += 1 }
            }
            let truth = marks.iter().filter(|m| m.0).count();
            (tp + fp, ratio(tp, tp + fp), ratio(tp, truth))
        };
        let (marked, precision, recall) = at(MISROUTED_CONFIDENCE);
        Ok(Evaluation {
            complaints: n,
            top1: ratio(top1, n),
            top3: ratio(top3, n),
            misrouted: marks.iter().filter(|m| m.0).count(),
            marked,
            misrouted_precision: precision,
            misrouted_recall: recall,
            curve: THRESHOLDS
                .iter()
                .map(|&t| {
                    let (_, precision, recall) = at(t);
                    MarkAt {
                        threshold: t,
                        precision,
                        recall,
                    }
                })
                .collect(),
            misses,
        })
    }
}
