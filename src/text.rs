//! The one sanitiser for text that came from outside (batch files): control
//! characters, escape sequences, C1 codes, bidi overrides and zero-width characters
//! are replaced by visible, inert symbols, so nothing from a complaint can steer the
//! terminal. Every place that shows such text (CLI output, every pane, the terminal
//! title) goes through here.

/// Makes one line of text safe to show: every control character, including newlines
/// and tabs, becomes a visible symbol or a space.
pub fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => push_inert(&mut out, c),
        }
    }
    out
}

/// Makes multi-line text safe to show: newlines are kept (a `\r\n` becomes one), tabs
/// become spaces, and everything else dangerous becomes a visible symbol.
pub fn block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push_str("    "),
            c => push_inert(&mut out, c),
        }
    }
    out
}

/// Whether a character would be dangerous or invisible on a terminal.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_format(c)
}

fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{061C}'                // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{180E}'                // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'   // zero-width spaces, joiners, LRM/RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{206F}'   // word joiner, invisible operators, bidi isolates
        | '\u{FEFF}'                // zero-width no-break space (BOM)
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotations
        | '\u{E0000}'..='\u{E007F}' // tag characters
    )
}

fn push_inert(out: &mut String, c: char) {
    let code = c as u32;
    if code < 0x20 {
        // C0 controls (ESC included) become their Control Pictures symbol: ESC → ␛.
        out.push(char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'));
    } else if code == 0x7F {
        out.push('\u{2421}'); // ␡
    } else if (0x80..0xA0).contains(&code) || is_format(c) {
        out.push('\u{FFFD}');
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = line("a\u{1b}]0;pwned\u{7}b\u{1b}[2J\u{9b}31m");
        assert_eq!(s, "a␛]0;pwned␇b␛[2J\u{FFFD}31m");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn bidi_and_zero_width_are_inert() {
        let s = line("abc\u{202E}fdp.exe\u{200B}\u{2066}x\u{FEFF}");
        assert!(!s.chars().any(is_unsafe), "{s:?}");
        assert_eq!(s.chars().filter(|&c| c == '\u{FFFD}').count(), 4);
    }

    #[test]
    fn blocks_keep_lines_and_drop_carriage_returns() {
        assert_eq!(block("satu\r\ndua\tx\rtiga"), "satu\ndua    x␍tiga");
        assert_eq!(line("satu\r\ndua"), "satu  dua");
        assert_eq!(
            line("Jalan rusak 🚧 di Kalianget"),
            "Jalan rusak 🚧 di Kalianget"
        );
    }
}
