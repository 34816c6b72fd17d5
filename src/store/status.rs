//! The desk's summary for `sigap status` and the status bar: counts, the outbox, and
//! the inbound streams with their missing sequence numbers.

use super::{Store, StoreError, get_meta};
use crate::domain::AgencyCode;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// One inbound stream (per agency).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InboundStream {
    pub agency: String,
    pub last_sequence: u64,
    /// Sequence numbers below the last one that were never imported.
    pub missing: Vec<u64>,
}

/// The outbound side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OutboundSummary {
    pub last_sequence: u64,
    pub unacknowledged_batches: u64,
}

/// Complaint counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ComplaintCounts {
    pub total: u64,
    pub by_status: BTreeMap<String, u64>,
    /// Complaints whose latest snapshot names an agency outside the scope.
    pub out_of_scope: u64,
}

/// Everything `sigap status` reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeskStatus {
    pub agencies: Vec<String>,
    pub complaints: ComplaintCounts,
    pub overdue: u64,
    pub pending_operations: u64,
    pub exported_operations: u64,
    pub rejected_operations: u64,
    pub conflicts: u64,
    pub inbound: Vec<InboundStream>,
    pub outbound: OutboundSummary,
    pub last_import: Option<String>,
    pub last_export: Option<String>,
}

/// At most this many missing numbers are listed per stream.
pub const MAX_MISSING_LISTED: usize = 1000;

/// The missing numbers below the last imported one (the first
/// [`MAX_MISSING_LISTED`] of them), given the imported ones.
pub fn missing_sequences(imported: &[u64]) -> Vec<u64> {
    let Some(&last) = imported.iter().max() else {
        return Vec::new();
    };
    let have: std::collections::BTreeSet<u64> = imported.iter().copied().collect();
    (1..last)
        .filter(|n| !have.contains(n))
        .take(MAX_MISSING_LISTED)
        .collect()
}

/// Sequence numbers as runs, for people: `[1, 2, 3, 7]` reads "1-3, 7".
pub fn sequence_ranges(nums: &[u64]) -> String {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &n in nums {
        match runs.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(n) => *end = n,
            _ => runs.push((n, n)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The desk's state on `today`.
    pub fn status(&self, scope: &[AgencyCode], today: NaiveDate) -> Result<DeskStatus, StoreError> {
        // Maintained counts (see migration 3): nothing is counted here.
        let mut counts = ComplaintCounts::default();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT status, n FROM status_counts WHERE n > 0 ORDER BY status",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let n = r.get::<_, i64>(1)? as u64;
                counts.total += n;
                counts.by_status.insert(r.get(0)?, n);
            }
        }
        counts.out_of_scope =
            self.conn
                .query_row("SELECT left_desk FROM view_counts WHERE id = 1", [], |r| {
                    r.get::<_, i64>(0)
                })? as u64;
        let overdue = self.conn.query_row(
            "SELECT ifnull(sum(n), 0) FROM due_counts WHERE due < ?1",
            [today.to_string()],
            |r| r.get::<_, i64>(0),
        )? as u64;
        let mut by_state: BTreeMap<String, u64> = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare_cached("SELECT state, n FROM op_counts")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                by_state.insert(r.get(0)?, r.get::<_, i64>(1)? as u64);
            }
        }
        let state = |s: &str| by_state.get(s).copied().unwrap_or(0);

        let mut streams: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT agency, sequence FROM inbound_batches ORDER BY agency, sequence",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                streams
                    .entry(r.get(0)?)
                    .or_default()
                    .push(r.get::<_, i64>(1)? as u64);
            }
        }
        let inbound = streams
            .into_iter()
            .map(|(agency, seqs)| InboundStream {
                last_sequence: seqs.last().copied().unwrap_or(0),
                missing: missing_sequences(&seqs),
                agency,
            })
            .collect();
        let outbound = self.conn.query_row(
            "SELECT ifnull(max(sequence), 0),
                    (SELECT count(*) FROM outbound_batches b WHERE EXISTS (
                        SELECT 1 FROM operations o
                        WHERE o.batch_id = b.batch_id AND o.state = 'exported'))
             FROM outbound_batches",
            [],
            |r| {
                Ok(OutboundSummary {
                    last_sequence: r.get::<_, i64>(0)? as u64,
                    unacknowledged_batches: r.get::<_, i64>(1)? as u64,
                })
            },
        )?;
        Ok(DeskStatus {
            agencies: scope.iter().map(|a| a.to_string()).collect(),
            complaints: counts,
            overdue,
            pending_operations: state("pending"),
            exported_operations: state("exported"),
            rejected_operations: state("rejected"),
            conflicts: state("conflict"),
            inbound,
            outbound,
            last_import: get_meta(&self.conn, "last_import_at")?,
            last_export: get_meta(&self.conn, "last_export_at")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{missing_sequences, sequence_ranges};

    #[test]
    fn sequences_read_as_runs() {
        assert_eq!(sequence_ranges(&[1, 2, 3, 7, 9, 10]), "1-3, 7, 9-10");
        assert_eq!(sequence_ranges(&[4]), "4");
        assert_eq!(sequence_ranges(&[]), "");
    }

    #[test]
    fn gaps_are_listed() {
        assert_eq!(missing_sequences(&[1, 2, 4, 7]), vec![3, 5, 6]);
        assert_eq!(missing_sequences(&[3]), vec![1, 2]);
        assert!(missing_sequences(&[]).is_empty());
        assert_eq!(
            missing_sequences(&[20_261_120]).len(),
            super::MAX_MISSING_LISTED
        );
    }
}
