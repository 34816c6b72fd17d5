//! Whole words in a text, for the filters: a word of the query found as a whole word
//! ranks above a scattered fuzzy match, and a query in double quotes ("jalan rusak")
//! matches whole words only. Texts and queries are compared lower-cased.

/// Which bytes a text holds, as one bit per class: the 26 letters, the ten digits in
/// two classes, other ASCII in three, and any non-ASCII byte. A text can match a
/// query only if its letters hold the query's (`text & query == query`): an exact
/// test, never a guess, that lets the filter skip most texts without scoring them.
pub fn letters(text: &[u8]) -> u32 {
    text.iter().fold(0, |m, b| m | letter_bit(*b))
}

fn letter_bit(b: u8) -> u32 {
    let class = match b {
        b' ' => return 0,
        b'a'..=b'z' => b - b'a',
        b'A'..=b'Z' => b - b'A',
        b'0'..=b'4' => 26,
        b'5'..=b'9' => 27,
        b'-' | b'/' | b'.' | b',' => 28,
        0..=0x7f => 29 + b % 2,
        _ => 31,
    };
    1 << class
}

/// The words of a query in double quotes; `None` for an ordinary (fuzzy) query.
pub fn quoted(query: &str) -> Option<Vec<&str>> {
    let inner = query.trim().strip_prefix('"')?;
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    Some(inner.split_whitespace().collect())
}

/// The words of an ordinary query.
pub fn words(query: &str) -> Vec<&str> {
    query.split_whitespace().collect()
}

/// How many of `words` appear in `hay` as whole words (not inside a longer word).
pub fn whole_words(hay: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| has_word(hay, w)).count()
}

/// Whether `word` stands in `hay` with no letter or digit right before or after it.
pub fn has_word(hay: &str, word: &str) -> bool {
    has_found_word(hay, word.len(), |from| hay[from..].find(word))
}

/// [`whole_words`] for one query over many texts: each word's searcher is built once
/// (`str::find` sets one up on every call).
pub struct WholeWords {
    finders: Vec<memchr::memmem::Finder<'static>>,
}

impl WholeWords {
    pub fn new(words: &[&str]) -> WholeWords {
        WholeWords {
            finders: words
                .iter()
                .filter(|w| !w.is_empty())
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
        }
    }

    /// How many of the words appear in `hay` as whole words.
    pub fn count(&self, hay: &str) -> usize {
        self.finders
            .iter()
            .filter(|f| {
                has_found_word(hay, f.needle().len(), |from| {
                    f.find(&hay.as_bytes()[from..])
                })
            })
            .count()
    }
}

/// Whether a word of `len` bytes that `find(from)` finds (its offset after `from`)
/// stands in `hay` with no letter or digit right before or after it.
fn has_found_word(hay: &str, len: usize, find: impl Fn(usize) -> Option<usize>) -> bool {
    if len == 0 {
        return false;
    }
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(rel) = find(from) {
        let at = from + rel;
        let end = at + len;
        // A word of whole characters found at `at` starts and ends on character
        // boundaries, so these slices hold.
        if boundary(hay[..at].chars().next_back()) && boundary(hay[end..].chars().next()) {
            return true;
        }
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// How much a whole-word match adds to a fuzzy score: more than any fuzzy score, so
/// exact words always rank first.
pub const WHOLE_WORD_BONUS: i64 = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(has_word("jalan rusak di kalianget", "jalan"));
        assert!(!has_word("guru jarang masuk kelas", "jalan"));
        assert!(!has_word("jalanan licin", "jalan"));
        assert!(has_word("lap-2026 (jalan)", "jalan"));
        assert_eq!(
            whole_words("jalan rusak parah", &["jalan", "rusak", "x"]),
            2
        );
        assert!(has_word("café jalan", "jalan"));
    }

    #[test]
    fn the_prepared_words_count_as_whole_words_does() {
        let words = ["jalan", "rusak", "é", "x", ""];
        let prepared = WholeWords::new(&words);
        for hay in [
            "jalan rusak parah",
            "jalanan rusak",
            "café jalan é",
            "xjalan x",
            "",
            "rusakrusak rusak",
        ] {
            assert_eq!(prepared.count(hay), whole_words(hay, &words), "{hay}");
        }
    }

    #[test]
    fn quoted_queries() {
        assert_eq!(quoted("\"jalan rusak\""), Some(vec!["jalan", "rusak"]));
        assert_eq!(quoted("\"jalan"), Some(vec!["jalan"]), "while it is typed");
        assert_eq!(quoted("jalan"), None);
    }
}
