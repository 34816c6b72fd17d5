//! The desk's summary for `sigap status` and the status bar: counts, the outbox, and
//! the inbound streams with their missing sequence numbers.

use super::error::Named;
use super::row::{col, columns};
use super::{Store, StoreError};
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
    /// Batches recorded as exported whose file is not yet written (the next export or
    /// writing open writes them).
    pub unwritten: Vec<String>,
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

columns!(
    /// Complaints per status.
    StatusCols = ["status", "n"];
    const STATUS_COUNTS = "FROM status_counts WHERE n > 0 ORDER BY status";
);
columns!(
    /// Operations per state.
    StateCols = ["state", "n"];
    const OP_COUNTS = "FROM op_counts";
);
columns!(
    /// The imported batches' streams and sequences.
    StreamCols = ["agency", "sequence"];
    const STREAMS = "FROM inbound_batches ORDER BY agency, sequence";
);

impl Store {
    /// The desk's state on `today`.
    pub fn status(&self, scope: &[AgencyCode], today: NaiveDate) -> Result<DeskStatus, StoreError> {
        // Maintained counts (see migration 3): nothing is counted here.
        let mut counts = ComplaintCounts::default();
        let by_status: Vec<(String, i64)> = self
            .conn
            .prepare_cached(STATUS_COUNTS)
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok((
                        r.get(col!(StatusCols, "status"))?,
                        r.get(col!(StatusCols, "n"))?,
                    ))
                })?
                .collect()
            })
            .named("read the status counts")?;
        for (status, n) in by_status {
            counts.total += n as u64;
            counts.by_status.insert(status, n as u64);
        }
        counts.out_of_scope = self
            .conn
            .prepare_cached("SELECT left_desk FROM view_counts WHERE id = 1")
            .and_then(|mut s| s.query_row([], |r| r.get::<_, i64>("left_desk")))
            .named("read the view counts")? as u64;
        let overdue = self
            .conn
            .prepare_cached("SELECT ifnull(sum(n), 0) AS n FROM due_counts WHERE due < ?1")
            .and_then(|mut s| s.query_row([today.to_string()], |r| r.get::<_, i64>("n")))
            .named("sum the due-date counts")? as u64;
        let by_state: BTreeMap<String, u64> = self
            .conn
            .prepare_cached(OP_COUNTS)
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok((
                        r.get(col!(StateCols, "state"))?,
                        r.get::<_, i64>(col!(StateCols, "n"))? as u64,
                    ))
                })?
                .collect()
            })
            .named("read the operation counts")?;
        let state = |s: &str| by_state.get(s).copied().unwrap_or(0);

        let mut streams: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        let imported: Vec<(String, i64)> = self
            .conn
            .prepare_cached(STREAMS)
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok((
                        r.get(col!(StreamCols, "agency"))?,
                        r.get(col!(StreamCols, "sequence"))?,
                    ))
                })?
                .collect()
            })
            .named("read the imported sequences")?;
        for (agency, sequence) in imported {
            streams.entry(agency).or_default().push(sequence as u64);
        }
        let inbound = streams
            .into_iter()
            .map(|(agency, seqs)| InboundStream {
                last_sequence: seqs.last().copied().unwrap_or(0),
                missing: missing_sequences(&seqs),
                agency,
            })
            .collect();
        let outbound = self
            .conn
            .prepare_cached(
                "SELECT ifnull(max(sequence), 0) AS last,
                        (SELECT count(*) FROM outbound_batches b WHERE EXISTS (
                            SELECT 1 FROM operations o
                            WHERE o.batch_id = b.batch_id AND o.state = 'exported')
                         OR EXISTS (
                            SELECT 1 FROM export_spans s JOIN operations o
                                ON o.state = 'pending' AND o.agency = s.agency
                                AND o.queued > s.after AND o.queued <= s.upto
                            WHERE s.batch_id = b.batch_id)) AS waiting
                 FROM outbound_batches",
            )
            .and_then(|mut s| {
                s.query_row([], |r| {
                    Ok(OutboundSummary {
                        last_sequence: r.get::<_, i64>("last")? as u64,
                        unacknowledged_batches: r.get::<_, i64>("waiting")? as u64,
                        unwritten: Vec::new(),
                    })
                })
            })
            .named("read the outbound streams")?;
        let outbound = OutboundSummary {
            unwritten: self.unplaced_names()?,
            ..outbound
        };
        let (last_import, last_export) = self.last_sync()?;
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
            last_import,
            last_export,
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
