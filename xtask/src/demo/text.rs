//! Text helpers of the generator: filling `{slot}` templates, and the ways people write
//! on small screens (SMS abbreviations, a swapped letter, a tweet cut to length).

use super::Error;
use super::rng::Rng;
use std::collections::BTreeMap;

/// The values of a complaint's (or a message's) slots.
pub type Ctx = BTreeMap<&'static str, String>;

/// The slot names of a template, in order.
pub fn slots(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Fills every `{slot}` of a template from `ctx`; an unknown slot is an error.
pub fn fill(template: &str, ctx: &Ctx) -> Result<String, Error> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| Error::Data(format!("unclosed slot in {template:?}")))?;
        let name = &after[..close];
        let value = ctx
            .get(name)
            .ok_or_else(|| Error::Data(format!("no value for {{{name}}} in {template:?}")))?;
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A one-off fill with the given pairs.
pub fn fill_with(template: &str, pairs: &[(&'static str, &str)]) -> Result<String, Error> {
    let ctx: Ctx = pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    fill(template, &ctx)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Replaces `word` by `with` wherever it stands as a whole word.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(i) = rest.find(word) {
        let before = rest[..i].chars().next_back().or(prev);
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        prev = word.chars().next_back();
        rest = &rest[i + word.len()..];
    }
    out.push_str(rest);
    out
}

/// Sentences: split after `.`, `!` or `?` followed by white space.
fn sentences(text: &str) -> Vec<&str> {
    let text = text.trim();
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
            out.push(&text[start..i + c.len_utf8()]);
            while chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                chars.next();
            }
            start = chars.peek().map_or(text.len(), |(j, _)| *j);
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whole sentences up to `limit` characters (a first sentence longer than that is cut).
pub fn cut(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for s in sentences(text) {
        let (have, add) = (out.chars().count(), s.chars().count());
        if !out.is_empty() && have + 1 + add > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    }
    out.chars().take(limit).collect()
}

/// The text as typed on a phone keypad: lower case, common words abbreviated (each
/// with a chance), no quotes, at most 300 characters.
pub fn smsify(rng: &mut Rng, text: &str, words: &[[String; 2]]) -> String {
    let mut t = text.to_lowercase();
    for [word, short] in words {
        if rng.chance(0.8) {
            t = replace_word(&t, word, short);
        }
    }
    cut(&t.replace('"', ""), 300)
}

/// Two neighbouring letters of one longer lower-case word swapped.
pub fn typo(rng: &mut Rng, text: &str) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    let candidates: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.chars().count() > 5 && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return text.to_owned();
    }
    let i = *rng.pick(&candidates);
    let mut chars: Vec<char> = words[i].chars().collect();
    let j = rng.range(1, chars.len() as i64 - 3) as usize;
    chars.swap(j, j + 1);
    words[i] = chars.into_iter().collect();
    words.join(" ")
}

/// The local part of an e-mail address made from a name.
pub fn slug(rng: &mut Rng, name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace("moh.", "moh")
        .replace("abd.", "abd")
        .replace("ach.", "ach");
    let kept: String = lower
        .chars()
        .filter(|c| c.is_ascii_lowercase() || *c == ' ')
        .collect();
    let parts: Vec<&str> = kept
        .split_whitespace()
        .filter(|p| !matches!(*p, "h" | "hj"))
        .take(2)
        .collect();
    parts.join(if rng.chance(0.5) { "." } else { "" })
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_and_refuse_unknown_slots() {
        let ctx: Ctx = [("desa", "Jambu".to_owned())].into_iter().collect();
        assert_eq!(
            fill("Desa {desa}.", &ctx).ok().as_deref(),
            Some("Desa Jambu.")
        );
        assert!(fill("{kec}", &ctx).is_err());
        assert_eq!(slots("a {x} b {y}"), ["x", "y"]);
    }

    #[test]
    fn whole_words_only_are_abbreviated() {
        assert_eq!(
            replace_word("yang yangka ayang yang", "yang", "yg"),
            "yg yangka ayang yg"
        );
    }

    #[test]
    fn cut_keeps_whole_sentences() {
        assert_eq!(cut("Satu dua. Tiga empat! Lima", 20), "Satu dua.");
        assert_eq!(
            cut("Satu dua. Tiga empat! Lima", 100),
            "Satu dua. Tiga empat! Lima"
        );
        assert_eq!(cut("Panjang sekali", 4), "Panj");
    }

    #[test]
    fn a_typo_swaps_two_letters_of_a_long_word() {
        let mut rng = Rng::new(1);
        let t = typo(&mut rng, "ok jembatan rusak");
        assert_ne!(t, "ok jembatan rusak");
        assert_eq!(t.len(), "ok jembatan rusak".len());
        assert_eq!(capitalise("balai desa"), "Balai desa");
    }
}
