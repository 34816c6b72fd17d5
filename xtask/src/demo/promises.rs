//! The story's promises across files and streams: sequences and their gap, rising
//! revisions, threads that belong to known complaints, every status, class and channel,
//! the one anonymous complaint with a reporter, the transfers away, an inactive agency,
//! and every state of the first-response and completion clocks on the reference date.

use super::Gen;
use super::verify::{CHANNELS, CLASSES, Reading, STATUSES, Summary, text_of, time};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The states the first-response and completion clocks must each show somewhere.
const FIRST_STATES: [&str; 5] = [
    "sisa",
    "hari ini",
    "terlambat",
    "tepat waktu",
    "terlambat (terpenuhi)",
];
const COMPLETION_STATES: [&str; 3] = ["sisa", "hari ini", "terlambat"];

/// Checks across files and streams, and the counts of the summary.
pub fn story_wide(
    r: &mut Reading,
    sum: &mut Summary,
    g: &Gen<'_>,
    scope: &BTreeSet<&str>,
    today: NaiveDate,
) {
    for (agency, list) in &mut r.streams {
        list.sort();
        let seqs: Vec<u64> = list.iter().map(|(s, _)| *s).collect();
        let max = seqs.last().copied().unwrap_or(0);
        let gaps: Vec<u64> = (1..=max).filter(|n| !seqs.contains(n)).collect();
        if !gaps.is_empty() {
            sum.missing.insert(agency.clone(), gaps);
        }
        if list.windows(2).any(|w| w[1].1 <= w[0].1) {
            r.problems
                .push(format!("{agency}: created_at does not rise with sequence"));
        }
    }
    let mut problems = Vec::new();
    for list in r.snaps.values_mut() {
        list.sort_by_key(|s| s.created);
    }
    let mut latest: BTreeMap<&str, &Value> = BTreeMap::new();
    for (id, list) in &r.snaps {
        let revs: Vec<u64> = list
            .iter()
            .map(|s| s.record["revision"].as_u64().unwrap_or(0))
            .collect();
        if revs.windows(2).any(|w| w[1] <= w[0]) {
            problems.push(format!(
                "{id}: a later snapshot without a higher revision {revs:?}"
            ));
        }
        let homes: BTreeSet<&str> = list
            .iter()
            .map(|s| text_of(&s.record, "agency"))
            .filter(|a| scope.contains(a))
            .collect();
        if homes.len() > 1 {
            problems.push(format!("{id}: moves between agencies of the desk"));
        }
        if let Some(s) = list.last() {
            latest.insert(id.as_str(), &s.record);
        }
    }
    let mut threads: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for m in r.messages.values() {
        threads
            .entry(text_of(m, "complaint_id"))
            .or_default()
            .push(m);
        *sum.by_author
            .entry(text_of(m, "author").to_owned())
            .or_default() += 1;
        if !latest.contains_key(text_of(m, "complaint_id")) {
            problems.push(format!("message {} of an unknown complaint", m["id"]));
        }
    }
    for list in threads.values_mut() {
        list.sort_by_key(|m| time(&m["at"]));
    }
    for (code, a) in &r.agencies {
        if !a["parent"].is_null() && !r.agencies.contains_key(text_of(a, "parent")) {
            problems.push(format!("agency {code}: unknown parent"));
        }
        if a["active"] == false {
            sum.inactive.push(code.clone());
        }
    }
    for c in latest.values() {
        *sum.by_status
            .entry(text_of(c, "status").to_owned())
            .or_default() += 1;
        *sum.by_class
            .entry(text_of(c, "classification").to_owned())
            .or_default() += 1;
        *sum.by_channel
            .entry(text_of(c, "channel").to_owned())
            .or_default() += 1;
        sum.anonymous += usize::from(c["anonymous"] == true);
        sum.confidential += usize::from(c["confidential"] == true);
        sum.supervisory += usize::from(c["supervisory"] == true);
    }
    let wanted = [
        (&sum.by_status, &STATUSES[..]),
        (&sum.by_class, &CLASSES[..]),
        (&sum.by_channel, &CHANNELS[..]),
    ];
    for (counts, names) in wanted {
        for n in names.iter().filter(|n| !counts.contains_key(**n)) {
            problems.push(format!("no complaint with {n}"));
        }
    }
    for (id, list) in &r.snaps {
        if list
            .iter()
            .any(|s| s.record["anonymous"] == true && !s.record["reporter"].is_null())
        {
            sum.anonymous_with_reporter.push(id.clone());
            if list.len() != 1 {
                problems.push(format!(
                    "{id}: the anonymous complaint with a reporter is sent twice"
                ));
            }
        }
        let (Some(first), Some(last)) = (list.first(), list.last()) else {
            continue;
        };
        let to = text_of(&last.record, "agency");
        if !scope.contains(to) {
            let from = first.file.trim_start_matches("inbound-");
            let from = from.get(..from.len().saturating_sub(11)).unwrap_or(from);
            sum.transferred
                .push((id.clone(), from.to_owned(), to.to_owned()));
        }
    }
    if sum.anonymous_with_reporter.len() != 1 {
        problems.push(format!(
            "anonymous complaints with a reporter: {:?}",
            sum.anonymous_with_reporter
        ));
    }
    if !(3..=5).contains(&sum.transferred.len()) {
        problems.push(format!(
            "{} complaints transferred away, not 3-5",
            sum.transferred.len()
        ));
    }
    if sum.missing.len() != 1 {
        problems.push(format!("streams with a gap: {:?}, not one", sum.missing));
    }
    if sum.inactive.is_empty() {
        problems.push("no inactive agency in the directory".into());
    }
    // SLA clocks on the reference date (`spec/sla.md`), for complaints in scope.
    let state = |due: NaiveDate| match due.cmp(&today) {
        std::cmp::Ordering::Greater => "sisa",
        std::cmp::Ordering::Equal => "hari ini",
        std::cmp::Ordering::Less => "terlambat",
    };
    for (id, c) in &latest {
        let thread = threads.get(id).map(Vec::as_slice).unwrap_or(&[]);
        let agency_says: Vec<&&Value> = thread.iter().filter(|m| m["author"] == "agency").collect();
        let status = text_of(c, "status");
        if matches!(status, "diproses" | "selesai") && agency_says.is_empty() {
            problems.push(format!("{id}: {status} without a word from the agency"));
        }
        let Some(disposed) = time(&c["disposed_at"]) else {
            continue;
        };
        if !scope.contains(text_of(c, "agency")) || status == "arsip" {
            continue;
        }
        let d0 = disposed.date_naive();
        let due = g.add_wd(d0, 5);
        let first = match agency_says.first().and_then(|m| time(&m["at"])) {
            Some(at) if at.date_naive() <= due => "tepat waktu",
            Some(_) => "terlambat (terpenuhi)",
            None => state(due),
        };
        *sum.first_response.entry(first).or_default() += 1;
        if status != "selesai" {
            let n = match (text_of(c, "classification"), c["supervisory"] == true) {
                ("pengaduan", true) => 60,
                ("pengaduan", false) => 14,
                _ => 5,
            };
            *sum.completion.entry(state(g.add_wd(d0, n))).or_default() += 1;
        }
    }
    for s in FIRST_STATES
        .iter()
        .filter(|s| !sum.first_response.contains_key(**s))
    {
        problems.push(format!("the first-response clock never shows {s:?}"));
    }
    for s in COMPLETION_STATES
        .iter()
        .filter(|s| !sum.completion.contains_key(**s))
    {
        problems.push(format!("the completion clock never shows {s:?}"));
    }
    sum.complaints = latest.len();
    sum.snapshots = r.snaps.values().map(Vec::len).sum();
    sum.messages = r.messages.len();
    sum.agencies = r.agencies.len();
    for p in problems {
        r.bad(p);
    }
}
