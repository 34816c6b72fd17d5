//! Scoring one text against the filter's query with fuzzy-matcher's skim scorer, doing
//! only what the score depends on: the query's characters are found in order on bytes
//! first (most texts stop there), then only the text up to the last of them is handed
//! to the matcher with those places (its own first step, not done twice), and every
//! buffer is reused from one text to the next. A query that only grows the last one
//! takes up, in each text, where the last one's characters were found, and looks only
//! for the new ones. The score is exactly the one `SkimMatcherV2::fuzzy_match` gives
//! for the whole text (the property tests below check it).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The matcher: texts and queries are lower-cased already, and scoring takes the
/// linear path (not skim's full matrix), which ranks nearly the same at a fraction of
/// the cost.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case().element_limit(1)
}

/// Where, in one text, a query's characters were found, each at its first place after
/// the one before: the first character's byte and the last one's. The matcher starts
/// from these two places alone, and a longer query finds its first characters at the
/// same places, so its search goes on from `last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    first: u32,
    last: u32,
}

/// One thread's scorer for one query.
pub struct Scorer<'q> {
    matcher: SkimMatcherV2,
    query: &'q str,
    /// The query's characters, when they are all ASCII (else every text goes to the
    /// matcher whole).
    pattern: Option<Vec<char>>,
    /// The characters of the part of a text being scored.
    choice: Vec<char>,
    /// Where each character of the query is first found in order, in `choice`.
    firsts: Vec<usize>,
    /// The span of the last text scored, on bytes.
    span: Span,
}

impl<'q> Scorer<'q> {
    pub fn new(query: &'q str) -> Scorer<'q> {
        Scorer {
            matcher: matcher(),
            query,
            pattern: query.is_ascii().then(|| query.chars().collect()),
            choice: Vec::new(),
            firsts: Vec::new(),
            span: Span { first: 0, last: 0 },
        }
    }

    /// Whether [`Scorer::span`] means anything: the query is all ASCII and not empty.
    pub fn has_spans(&self) -> bool {
        self.pattern.as_ref().is_some_and(|p| !p.is_empty())
    }

    /// Where the query was found in the last text that [`Scorer::score`] matched (see
    /// [`Scorer::has_spans`]).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The matcher's score of `text`, `None` when it does not match. `found` is, when
    /// known, where the query's first `n` bytes were found in this same text (their
    /// span), `n` at least one.
    pub fn score(&mut self, text: &str, found: Option<(Span, usize)>) -> Option<i64> {
        let Some(pattern) = &self.pattern else {
            return self.matcher.fuzzy_match(text, self.query);
        };
        if pattern.is_empty() {
            return Some(0);
        }
        // The matcher's own first step, done on bytes: each character of the query at
        // its first place after the one before.
        let part = window(text, self.query.as_bytes(), found, &mut self.firsts)?;
        self.span = Span {
            first: self.firsts.first().map_or(0, |&at| at as u32),
            last: self.firsts.last().map_or(0, |&at| at as u32),
        };
        self.choice.clear();
        if part.is_ascii() {
            // Most texts: one byte per character, so the places found on bytes are
            // the characters' places, and the text is copied without decoding.
            self.choice.extend(part.bytes().map(char::from));
        } else {
            self.choice.extend(part.chars());
            self.firsts.clear();
            let mut wanted = pattern.iter();
            let mut next = wanted.next();
            for (at, c) in self.choice.iter().enumerate() {
                match next {
                    Some(p) if p == c => {
                        self.firsts.push(at);
                        next = wanted.next();
                    }
                    Some(_) => {}
                    None => break,
                }
            }
        }
        // The matcher takes this path for any text (`element_limit(1)`).
        self.matcher
            .simple_match(&self.choice, pattern, &self.firsts, true, false)
            .map(|(score, _)| score)
    }
}

/// The part of `hay` the matcher's score of the ASCII query `needle` depends on, or
/// `None` when the query's bytes are not all in `hay` in order (so the matcher would
/// not match); `firsts` receives where each byte of the query was found, each at its
/// first place after the one before. The matcher looks no further than the last of
/// those, so the text up to there scores exactly as the whole text. (The start cannot
/// be cut too: where the matcher starts scoring depends on how far into the text the
/// first match is.)
///
/// With `found`, the span of the needle's first `n` bytes in this text, only the rest
/// is looked for, after it. The matcher reads only the first and the last of `firsts`
/// (`SkimMatcherV2::simple_match`), so the places in between are then not known
/// again: they are given as the last known one.
fn window<'a>(
    hay: &'a str,
    needle: &[u8],
    found: Option<(Span, usize)>,
    firsts: &mut Vec<usize>,
) -> Option<&'a str> {
    let bytes = hay.as_bytes();
    firsts.clear();
    let mut from = 0;
    let mut rest = needle;
    if let Some((span, n)) = found.filter(|(_, n)| (1..=needle.len()).contains(n)) {
        firsts.push(span.first as usize);
        firsts.resize(n, span.last as usize);
        from = span.last as usize + 1;
        rest = &needle[n..];
    }
    for &b in rest {
        let at = from + memchr::memchr(b, bytes.get(from..)?)?;
        firsts.push(at);
        from = at + 1;
    }
    match firsts.last() {
        // The last place is an ASCII byte, so the slice ends on a character boundary.
        Some(&end) => hay.get(..=end),
        None => Some(hay),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The scorer gives the matcher's score of the whole text, and matches
        /// exactly when the matcher does.
        #[test]
        fn the_scorer_scores_as_the_matcher(
            text in "[a-z0-9 ./,éü-]{0,60}",
            query in "[a-z0-9 ./é-]{1,7}",
        ) {
            prop_assert_eq!(Scorer::new(&query).score(&text, None), matcher().fuzzy_match(&text, &query));
        }

        /// The same for queries picked from the text, which always match.
        #[test]
        fn the_scorer_scores_a_matching_query_as_the_matcher(
            text in "[a-z0-9 ./,éü-]{1,60}",
            picks in proptest::collection::vec(any::<bool>(), 60),
        ) {
            let query: String = text
                .chars()
                .zip(&picks)
                .filter(|(c, pick)| **pick && c.is_ascii())
                .map(|(c, _)| c)
                .collect();
            prop_assume!(!query.is_empty());
            let whole = matcher().fuzzy_match(&text, &query);
            prop_assert!(whole.is_some());
            prop_assert_eq!(Scorer::new(&query).score(&text, None), whole);
        }
    }

    proptest! {
        /// A query that grows a shorter one, scored from where the shorter one was
        /// found in the text, gets the matcher's score of the whole text.
        #[test]
        fn a_grown_query_scores_from_the_shorter_ones_span_as_the_matcher(
            text in "[a-z0-9 ./,éü-]{0,60}",
            query in "[a-z0-9 ./-]{1,7}",
            cut in 1usize..7,
            ends_with_it in any::<bool>(),
        ) {
            let n = cut.min(query.len());
            // Half the texts end with the shorter query, so that it is found.
            let text = if ends_with_it { format!("{text}{}", &query[..n]) } else { text };
            let mut shorter = Scorer::new(&query[..n]);
            if shorter.score(&text, None).is_none() {
                return Ok(());
            }
            let span = shorter.span();
            let mut grown = Scorer::new(&query);
            prop_assert_eq!(
                grown.score(&text, Some((span, n))),
                matcher().fuzzy_match(&text, &query)
            );
            if grown.score(&text, None).is_some() {
                let direct = grown.span();
                grown.score(&text, Some((span, n)));
                prop_assert_eq!(grown.span(), direct, "the span found again is the same");
            }
        }
    }

    #[test]
    fn one_scorer_scores_many_texts_as_the_matcher() {
        let texts = [
            "lap-2026-000001 jalan rusak di kalianget infrastruktur kalianget",
            "jln. rusak parah",
            "café jalan r",
            "",
            "j",
            "bantuan pkh tidak cair",
        ];
        for query in ["jalan r", "jln rusak", "j", "k", "pkh", "é"] {
            let mut scorer = Scorer::new(query);
            for text in texts {
                assert_eq!(
                    scorer.score(text, None),
                    matcher().fuzzy_match(text, query),
                    "{query:?} in {text:?}"
                );
            }
        }
    }
}
