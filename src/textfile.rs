//! Text files a person edits by hand. On Windows, Notepad saves UTF-8 with a byte
//! order mark (before Windows 10 1903, and still when asked) and ends every line with
//! CRLF. The config file, the desk key and the text back from the officer's editor are
//! read through [`normalize`], so that neither reaches a parser or the cache. Batch
//! files have their own reader (`sync::reader`), which tolerates both line by line.

use std::borrow::Cow;

/// The UTF-8 byte order mark, as a character.
const BOM: char = '\u{feff}';

/// `text` without a leading byte order mark and with each CRLF made LF. A lone CR is
/// kept (it is not a line end in any file Sigap reads). Line numbers do not change.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn notepads_mark_and_line_ends_are_dropped() {
        assert_eq!(normalize("\u{feff}a = 1\r\nb = 2\r\n"), "a = 1\nb = 2\n");
        assert_eq!(normalize("a = 1\nb = 2\n"), "a = 1\nb = 2\n");
    }

    #[test]
    fn only_a_leading_mark_and_only_crlf_are_touched() {
        assert_eq!(normalize("x\u{feff}\r"), "x\u{feff}\r");
        assert_eq!(normalize("\u{feff}\u{feff}x"), "\u{feff}x");
        assert_eq!(normalize("a\r\rb\r\n"), "a\r\rb\n");
    }

    #[test]
    fn a_line_keeps_its_number() {
        let text = "\u{feff}one\r\ntwo\r\nthree";
        let n = normalize(text);
        assert_eq!(n.lines().nth(2), Some("three"));
        assert_eq!(n.lines().count(), text.lines().count());
    }
}
