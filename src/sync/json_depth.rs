//! Unknown fields nested deeply: the contract says unknown fields are ignored, but
//! serde_json refuses any line nested deeper than 128 levels, even inside a field it
//! would skip. A line refused for that is read again with every value nested deeper
//! than [`KEEP`] levels replaced by `null`: the record types' own fields are never
//! nested more than a few levels, so only unknown fields change. The digest is taken
//! over the raw line, never over this copy.

use serde::de::DeserializeOwned;

/// Values deeper than this many levels are replaced (serde_json stops at 128).
pub const KEEP: usize = 64;

/// Whether a parse failed only because the line nests too deeply.
pub fn too_deep(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
}

/// Parses a line, reading it again without its deepest values if it nests too deeply.
pub fn parse<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    match serde_json::from_str(text) {
        Err(e) if too_deep(&e) => serde_json::from_str(&shallow(text, KEEP)),
        other => other,
    }
}

/// `text` with every array or object that would open level `keep + 1` replaced by
/// `null`. Strings (with their escapes) are copied as they are. A malformed line stays
/// malformed.
pub fn shallow(text: &str, keep: usize) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'[' | b'{' if depth == keep => {
                out.push_str(&text[start..i]);
                out.push_str("null");
                i = skip_value(b, i);
                start = i;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    out.push_str(&text[start.min(text.len())..]);
    out
}

/// The index just past the string opening at `i`.
fn skip_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The index just past the array or object opening at `i`.
fn skip_value(b: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'"' => {
                j = skip_string(b, j);
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
        j += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_values_become_null_and_strings_stay() {
        assert_eq!(
            shallow(r#"{"a":[[1]],"b":"[[\"]"}"#, 2),
            r#"{"a":[null],"b":"[[\"]"}"#
        );
        assert_eq!(shallow(r#"{"a":1}"#, 1), r#"{"a":1}"#);
        let deep = format!(
            r#"{{"type":"x","u":{}{}}}"#,
            "[".repeat(500),
            "]".repeat(500)
        );
        let v: serde_json::Value = parse(&deep).expect("parsed without the deep part");
        assert_eq!(v["type"], "x");
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    }

    #[test]
    fn malformed_stays_malformed() {
        let bad = format!("{{\"a\":{}", "[".repeat(300));
        assert!(parse::<serde_json::Value>(&bad).is_err());
    }
}
