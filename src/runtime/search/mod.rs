//! The fuzzy filter at any size: a worker thread keeps the current view's searchable
//! texts, scores them on both cores, narrows from the previous matches when the query
//! grows, and abandons a scan as soon as a newer query arrives. The UI thread never
//! waits for it; results come back as actions.

use super::Msg;
use crate::app::Action;
use crate::domain::words;
use crate::store::{SearchTexts, Store, StoreError, TEXTS_PROGRESS_EVERY, TextsStamp, ViewQuery};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

mod score;

pub use score::matcher;
use score::{Scorer, Span};

/// Scans report progress after this many entries, so a long scan shows its first
/// matches early.
const FIRST_RESULTS_AFTER: usize = 200_000;

/// Scoring and ranking split their work over two threads from this many entries.
const TWO_THREADS_FROM: usize = 20_000;

/// The texts of the view filtered before the current one are kept while they take
/// no more than this (a view of about 400,000 complaints), so going back to it and
/// filtering again reads nothing; a larger one is dropped before the next is read,
/// which keeps a desk of a million complaints under its memory target.
const KEEP_BESIDE_BYTES: usize = 48 << 20;

/// One view's texts and what they were read from.
struct ViewTexts {
    view: ViewQuery,
    texts: SearchTexts,
    stamp: TextsStamp,
    /// The cache changed since they were read: check them before the next search.
    stale: bool,
}

/// What the filter searches and what it last found.
#[derive(Default)]
pub struct Searcher {
    /// The texts of the last views filtered, the current one last (at most two).
    views: Vec<ViewTexts>,
    /// What the last query found, to narrow from.
    last: Option<Found>,
}

/// The last query and what it found.
struct Found {
    query: String,
    /// The entries (indices into the current texts) that matched it, in order, or may
    /// match it (entries new to the view after a change of the cache).
    entries: Vec<u32>,
    /// Where the query was found in each of those texts, when known.
    spans: Option<Vec<Span>>,
}

/// What one scan found: each match's score and entry, in the scan's order, and where
/// the query was found in each (when the scorer knows it).
struct Scored {
    hits: Vec<(i64, u32)>,
    spans: Option<Vec<Span>>,
}

impl Scored {
    /// Adds the next part of the same scan.
    fn extend(&mut self, part: Scored) {
        self.hits.extend(part.hits);
        self.spans = match (self.spans.take(), part.spans) {
            (Some(mut spans), Some(more)) => {
                spans.extend(more);
                Some(spans)
            }
            _ => None,
        };
    }
}

impl Searcher {
    /// Makes `view`'s texts current and up to date: kept ones as they are, stale ones
    /// checked (only the view's rows are read again while the texts did not change),
    /// others read. `progress(done, all)` hears how far a long read is.
    pub fn prepare(
        &mut self,
        store: &Store,
        view: &ViewQuery,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        match self.views.iter().position(|v| &v.view == view) {
            Some(i) => {
                if i + 1 != self.views.len() {
                    let v = self.views.remove(i);
                    self.views.push(v);
                    self.last = None;
                }
                if self.views.last().is_some_and(|v| v.stale) {
                    self.bring_up_to_date(store, progress)?;
                }
                Ok(())
            }
            None => self.read(store, view, progress),
        }
    }

    /// Reads a view's texts whole, keeping the current ones beside them if small.
    fn read(
        &mut self,
        store: &Store,
        view: &ViewQuery,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        self.last = None;
        // At most one other view is kept, and only a small one.
        self.views
            .retain(|v| &v.view != view && v.texts.text.len() <= KEEP_BESIDE_BYTES);
        while self.views.len() > 1 {
            self.views.remove(0);
        }
        let stamp = store.texts_stamp()?;
        let texts = store.search_texts_reporting(view, TEXTS_PROGRESS_EVERY, progress)?;
        self.views.push(ViewTexts {
            view: view.clone(),
            texts,
            stamp,
            stale: false,
        });
        Ok(())
    }

    /// The current texts after a change of the cache: read again whole if an import
    /// changed them, else only the view's rows, keeping what was found so far (with
    /// the rows new to the view) to narrow from.
    fn bring_up_to_date(
        &mut self,
        store: &Store,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let Some(current) = self.views.pop() else {
            return Ok(());
        };
        if store.texts_stamp()? != current.stamp {
            let view = current.view.clone();
            drop(current);
            return self.read(store, &view, progress);
        }
        let again = store.search_texts_again(&current.view, &current.texts)?;
        if let Some(found) = &mut self.last {
            let mut kept: Vec<u32> = found
                .entries
                .iter()
                .filter_map(|i| again.moved.get(*i as usize).copied().flatten())
                .chain(again.fresh.iter().copied())
                .collect();
            kept.sort_unstable();
            found.entries = kept;
            // The texts moved: where the query was found is looked for again.
            found.spans = None;
        }
        self.views.push(ViewTexts {
            texts: again.texts,
            stale: false,
            ..current
        });
        Ok(())
    }

    /// Forgets the last query, so the next one scans every text.
    pub fn forget_query(&mut self) {
        self.last = None;
    }

    /// The cache changed: every text held is checked before it is searched again.
    pub fn invalidate(&mut self) {
        for v in &mut self.views {
            v.stale = true;
        }
    }

    /// The cache ids matching `query`, best first (view order among equals); `None`
    /// when `stale()` said a newer query came meanwhile. `early` receives the first
    /// matches of a long scan.
    pub fn search(
        &mut self,
        query: &str,
        stale: &(dyn Fn() -> bool + Sync),
        early: &mut dyn FnMut(Vec<i64>),
    ) -> Option<Vec<i64>> {
        let texts = self.views.last().map(|v| &v.texts)?;
        search_texts(texts, &mut self.last, query, stale, early)
    }
}

/// [`Searcher::search`] in `texts`, narrowing from what `last` found and leaving
/// there what this query found.
fn search_texts(
    texts: &SearchTexts,
    last: &mut Option<Found>,
    query: &str,
    stale: &(dyn Fn() -> bool + Sync),
    early: &mut dyn FnMut(Vec<i64>),
) -> Option<Vec<i64>> {
    // A longer query only narrows what the shorter one found.
    // (Not across quotes: a quoted query matches whole words, a fuzzy one letters.)
    let narrowing = last.as_ref().filter(|f| {
        !f.query.is_empty() && query.starts_with(f.query.as_str()) && !query.contains('"')
    });
    let scored = match narrowing {
        // Narrowing scores fewer texts than the query before it did, so its results
        // come soon enough: they are ranked once, at the end. Each text is searched
        // from where the shorter query was found in it.
        Some(found) => {
            let from = found.spans.as_deref().map(|s| (s, found.query.len()));
            score_parallel(texts, &found.entries, from, query, stale)?
        }
        None => {
            let all: Vec<u32> = (0..texts.len() as u32).collect();
            let mut scored = Scored {
                hits: Vec::new(),
                spans: Some(Vec::new()),
            };
            for (n, chunk) in all.chunks(FIRST_RESULTS_AFTER).enumerate() {
                scored.extend(score_parallel(texts, chunk, None, query, stale)?);
                // The first matches of a long scan are shown once; ranking what was
                // found so far after every chunk cost more than the final ranking.
                if n == 0 && chunk.len() < all.len() {
                    early(ranked(texts, &scored.hits));
                }
            }
            scored
        }
    };
    let rows = ranked(texts, &scored.hits);
    // In the scan's order, which is the entries' order.
    let entries: Vec<u32> = scored.hits.iter().map(|(_, i)| *i).collect();
    debug_assert!(entries.is_sorted());
    *last = Some(Found {
        query: query.to_owned(),
        entries,
        spans: scored.spans,
    });
    Some(rows)
}

/// Best score first; equal scores in the view's order. The order is one integer per
/// match (the score inverted, then the place in the view), so sorting compares plain
/// numbers instead of looking places up. A long list is sorted in two halves on two
/// threads, each looking its cache ids up, then merged.
fn ranked(texts: &SearchTexts, scored: &[(i64, u32)]) -> Vec<i64> {
    let sorted = |part: &[(i64, u32)]| -> Vec<(u64, i64)> {
        let mut keys: Vec<(u64, u32)> = part
            .iter()
            .map(|&(score, i)| {
                let place = texts.place.get(i as usize).copied().unwrap_or(u32::MAX);
                let score = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX));
                let worse = (i64::from(i32::MAX) - score) as u64;
                ((worse << 32) | u64::from(place), i)
            })
            .collect();
        keys.sort_unstable();
        keys.iter()
            .map(|&(key, i)| (key, texts.rowids[i as usize]))
            .collect()
    };
    if scored.len() < TWO_THREADS_FROM {
        return sorted(scored).iter().map(|(_, rowid)| *rowid).collect();
    }
    let (a, b) = scored.split_at(scored.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let other = s.spawn(|| sorted(b));
        let a = sorted(a);
        match other.join() {
            Ok(b) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    // Every key differs (each entry has its own place), so the merge orders as one
    // sort would.
    let mut rows = Vec::with_capacity(a.len() + b.len());
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (x.peek(), y.peek()) {
            (Some(p), Some(q)) if p <= q => x.next(),
            (Some(_), Some(_)) => y.next(),
            (Some(_), None) => x.next(),
            (None, _) => y.next(),
        };
        match next {
            Some((_, rowid)) => rows.push(*rowid),
            None => return rows,
        }
    }
}

/// Scores entries on two threads; `None` if the query went stale meanwhile. `from`
/// is, for each entry, where the query's first `n` bytes were found in its text, with
/// that `n`.
fn score_parallel(
    texts: &SearchTexts,
    entries: &[u32],
    from: Option<(&[Span], usize)>,
    query: &str,
    stale: &(dyn Fn() -> bool + Sync),
) -> Option<Scored> {
    let needle: Vec<u8> = query.bytes().filter(|b| *b != b' ').collect();
    let ascii = query.is_ascii();
    let quoted = words::quoted(query);
    // Cheaper still: a text without every letter of the query is never looked at.
    let wanted = match &quoted {
        _ if !ascii => 0,
        Some(q) => q.iter().fold(0, |m, w| m | words::letters(w.as_bytes())),
        None => words::letters(&needle),
    };
    let plain = words::WholeWords::new(&words::words(query));
    let score = |part: &[u32], spans: Option<&[Span]>| -> Option<Scored> {
        let mut scorer = Scorer::new(query);
        let keep_spans = quoted.is_none() && scorer.has_spans();
        // Room for every entry: growing a vector of half a million matches by doubling
        // cost an eighth of a scan. (Pages never written cost nothing.)
        let mut out = Vec::with_capacity(part.len());
        let mut out_spans = Vec::with_capacity(if keep_spans { part.len() } else { 0 });
        for (n, &i) in part.iter().enumerate() {
            if n % 4096 == 0 && stale() {
                return None;
            }
            if texts.letters.get(i as usize).copied().unwrap_or(0) & wanted != wanted {
                continue;
            }
            let text = texts.get(i as usize);
            // In quotes: every word whole, in the view's order.
            if let Some(q) = &quoted {
                if !q.is_empty() && words::whole_words(text, q) == q.len() {
                    out.push((0, i));
                }
                continue;
            }
            let found = spans
                .and_then(|s| s.get(n).copied())
                .zip(from.map(|(_, len)| len));
            if let Some(s) = scorer.score(text, found) {
                // Whole words of the query rank above letters scattered in a text.
                let exact = plain.count(text) as i64;
                out.push((s + exact * words::WHOLE_WORD_BONUS, i));
                if keep_spans {
                    out_spans.push(scorer.span());
                }
            }
        }
        Some(Scored {
            hits: out,
            spans: keep_spans.then_some(out_spans),
        })
    };
    // Spans that do not go with the entries one for one are not used.
    let spans = from.map(|(s, _)| s).filter(|s| s.len() == entries.len());
    if entries.len() < TWO_THREADS_FROM {
        return score(entries, spans);
    }
    let half = entries.len() / 2;
    let (a, b) = entries.split_at(half);
    let (sa, sb) = match spans {
        Some(s) => (Some(&s[..half]), Some(&s[half..])),
        None => (None, None),
    };
    std::thread::scope(|s| {
        let other = s.spawn(|| score(b, sb));
        let mut first = score(a, sa)?;
        let second = other.join().ok()??;
        first.extend(second);
        Some(first)
    })
}

/// A request to the search thread.
pub struct Request {
    pub generation: u64,
    pub view: ViewQuery,
    /// `None` only loads the view's texts (the officer pressed `/`).
    pub query: Option<String>,
    /// Forget loaded texts first (the cache changed).
    pub refresh: bool,
}

/// The search thread and the way to talk to it.
pub struct SearchThread {
    requests: Sender<Request>,
    latest: Arc<AtomicU64>,
    _handle: JoinHandle<()>,
}

impl SearchThread {
    /// Starts the thread with its own connection to the cache.
    pub fn start(store: Store, results: Sender<Msg>) -> SearchThread {
        let (requests, inbox) = channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        let handle = std::thread::spawn(move || serve(store, inbox, results, seen));
        SearchThread {
            requests,
            latest,
            _handle: handle,
        }
    }

    /// Sends a request; any scan for an older one stops at its next check.
    pub fn send(&self, req: Request) {
        self.latest.store(req.generation, Ordering::SeqCst);
        let _ = self.requests.send(req);
    }
}

fn serve(store: Store, inbox: Receiver<Request>, results: Sender<Msg>, latest: Arc<AtomicU64>) {
    let mut searcher = Searcher::default();
    while let Ok(mut req) = inbox.recv() {
        // Only the newest request matters.
        while let Ok(newer) = inbox.try_recv() {
            let refresh = req.refresh || newer.refresh;
            req = newer;
            req.refresh = refresh;
        }
        if req.refresh {
            searcher.invalidate();
        }
        // A long load shows how far it is wherever the officer is, and says when done.
        let mut reported = false;
        let mut progress = |done: u64, all: u64| {
            reported = true;
            let _ = results.send(Msg::Action(Action::FilterTexts(Some((done, all)))));
        };
        let prepared = searcher.prepare(&store, &req.view, &mut progress);
        if reported {
            let _ = results.send(Msg::Action(Action::FilterTexts(None)));
        }
        if let Err(e) = prepared {
            let _ = results.send(Msg::Action(Action::Failed(format!("search: {e}"))));
            continue;
        }
        let Some(query) = req.query else { continue };
        let generation = req.generation;
        let stale = || latest.load(Ordering::SeqCst) != generation;
        let mut early = |rows: Vec<i64>| {
            let _ = results.send(Msg::Action(Action::Filtered {
                generation,
                rows: Arc::new(rows),
            }));
        };
        if let Some(rows) = searcher.search(&query, &stale, &mut early) {
            let _ = results.send(Msg::Action(Action::Filtered {
                generation,
                rows: Arc::new(rows),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use proptest::prelude::*;

    /// `n` lower-cased texts of words drawn from a small list (the same every run), in
    /// a view whose order is not the texts' order.
    fn texts(n: usize) -> SearchTexts {
        const WORDS: [&str; 12] = [
            "jalan",
            "rusak",
            "lampu",
            "mati",
            "bantuan",
            "pkh",
            "kec.",
            "kalianget",
            "jln",
            "café",
            "r",
            "lap-2026-00",
        ];
        let mut t = SearchTexts::default();
        let mut seed = 0x2545_f491_u64;
        for i in 0..n {
            let mut text = String::new();
            for _ in 0..(3 + i % 7) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
                text.push(' ');
            }
            t.rowids.push(i as i64 + 1);
            t.place.push(((i * 7_919) % n) as u32);
            t.text.push_str(&text);
            t.ends.push(t.text.len() as u32);
            t.letters.push(words::letters(text.as_bytes()));
        }
        t
    }

    /// Ranking on two threads orders as one plain sort: best score first, equal
    /// scores in the view's order.
    #[test]
    fn a_long_ranking_orders_as_one_sort() {
        let texts = texts(50_000);
        for n in [10, TWO_THREADS_FROM - 1, TWO_THREADS_FROM, 50_000] {
            let scored: Vec<(i64, u32)> = (0..n as u32)
                .map(|i| (i64::from(i.wrapping_mul(2_654_435_761) >> 27) - 9, i))
                .collect();
            let mut expected = scored.clone();
            expected.sort_by_key(|&(score, i)| (-score, texts.place[i as usize]));
            let expected: Vec<i64> = expected
                .iter()
                .map(|&(_, i)| texts.rowids[i as usize])
                .collect();
            assert_eq!(ranked(&texts, &scored), expected, "{n} matches");
        }
    }

    /// Typing a query letter by letter narrows each time from what the query before
    /// found, and finds exactly what a search afresh finds, on one thread and on two.
    #[test]
    fn narrowing_letter_by_letter_finds_what_a_search_afresh_finds() {
        for n in [500, 30_000] {
            let texts = texts(n);
            for query in [
                "jalan rusak",
                "lap-2026-00 r",
                "jln  ka",
                "café r",
                "\"jalan r",
            ] {
                let mut last = None;
                for end in (1..=query.len()).filter(|e| query.is_char_boundary(*e)) {
                    let typed = &query[..end];
                    let narrowed = search_texts(&texts, &mut last, typed, &|| false, &mut |_| {});
                    let afresh = search_texts(&texts, &mut None, typed, &|| false, &mut |_| {});
                    assert_eq!(narrowed, afresh, "{typed:?} in {n} texts");
                    assert!(
                        last.as_ref().is_some_and(|f| f
                            .spans
                            .as_ref()
                            .is_none_or(|s| s.len() == f.entries.len())),
                        "one span per entry"
                    );
                }
            }
        }
    }

    proptest! {
        /// The letter prefilter is exact: it never drops a text the matcher would
        /// have matched (texts and queries lower-cased, as the desk keeps them).
        #[test]
        fn the_letter_prefilter_never_drops_a_match(
            text in "[a-z0-9 ./,éü-]{0,40}",
            query in "[a-z0-9 ./-]{1,6}",
        ) {
            let needle: Vec<u8> = query.bytes().filter(|b| *b != b' ').collect();
            let wanted = words::letters(&needle);
            if matcher().fuzzy_match(&text, &query).is_some() {
                prop_assert_eq!(words::letters(text.as_bytes()) & wanted, wanted);
            }
        }
    }
}
