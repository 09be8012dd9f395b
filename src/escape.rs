//! Untrusted text made safe to print: article text, messages quoting it and file names can
//! hold line breaks, terminal escape sequences and bidi controls. A renderer that printed
//! them raw would let an article clear a terminal, write the clipboard (OSC 52), reorder
//! what a reader sees, or start a line with a CI workflow command (`::error::`).

use std::borrow::Cow;

/// Characters never printed raw: C0 controls (tab included), DEL, C1 controls, bidi
/// embeddings, overrides, isolates and marks, zero-width characters, soft hyphen, line and
/// paragraph separators, and the BOM.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{AD}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
    )
}

/// How an unsafe character is written: `\r`, `\n`, `\t`, `\x1b`, `\u{202e}`.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\r' => out.push_str("\\r"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// One line of output: every unsafe character escaped, so the text can never break the
/// line or reach the terminal as a control.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path that starts a line of output: escaped, and never starting with `::` (a path
/// named `::error::x.txt` would otherwise be read as a workflow command by a CI runner);
/// `./` in front names the same file.
pub fn path_at_line_start(path: &str) -> Cow<'_, str> {
    let escaped = line(path);
    if escaped.starts_with(':') {
        Cow::Owned(format!("./{escaped}"))
    } else {
        escaped
    }
}

/// Text a renderer shows across several lines (a source snippet): line feeds, tabs and
/// the CR of a CRLF stay; every other unsafe character is escaped.
pub fn multiline(s: &str) -> Cow<'_, str> {
    if s.char_indices().all(|(at, c)| shown_raw(s, at, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (at, c) in s.char_indices() {
        if !shown_raw(s, at, c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether [`multiline`] shows the character `c` at byte `at` of `s` as it is.
pub fn shown_raw(s: &str, at: usize, c: char) -> bool {
    !is_unsafe(c) || c == '\n' || c == '\t' || (c == '\r' && s[at + 1..].starts_with('\n'))
}

/// JSON from serde_json with every unsafe character it leaves raw (DEL, C1 controls, bidi
/// and zero-width characters: serde_json escapes only C0) written as `\uXXXX`. They can
/// only stand inside strings, where the escape means the same character; a raw line feed
/// is the pretty printer's own.
pub fn json(s: String) -> String {
    let raw = |c: char| is_unsafe(c) && c != '\n';
    if !s.chars().any(raw) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if raw(c) {
            // Every unsafe character is in the BMP.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for HTML or Markdown: `& < > " '` as entities, unsafe characters escaped.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_unsafe(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_escape_every_control() {
        assert_eq!(line("plain «texte»"), "plain «texte»");
        assert_eq!(
            line("a\r::error::x\n\u{1b}]52;c;Zm9v\u{7}\u{202e}z\u{9b}"),
            "a\\r::error::x\\n\\x1b]52;c;Zm9v\\x07\\u{202e}z\\u{9b}"
        );
        assert_eq!(line("a\u{200b}b\u{0}"), "a\\u{200b}b\\x00");
    }

    #[test]
    fn paths_never_start_a_command() {
        assert_eq!(path_at_line_start("::error::x.txt"), "./::error::x.txt");
        assert_eq!(path_at_line_start("d/a\nb.txt"), "d/a\\nb.txt");
    }

    #[test]
    fn multiline_keeps_line_ends() {
        assert_eq!(multiline("a\r\nb\rc\td\u{1b}"), "a\r\nb\\rc\td\\x1b");
    }

    #[test]
    fn json_escapes_c1_and_bidi() {
        assert_eq!(
            json("{\n\"a\u{9b}b\u{202e}\u{7f}\"\n}".to_owned()),
            "{\n\"a\\u009bb\\u202e\\u007f\"\n}"
        );
    }

    #[test]
    fn html_escapes_tags() {
        assert_eq!(html("<b>x</b>&\u{1b}"), "&lt;b&gt;x&lt;/b&gt;&amp;\\x1b");
    }
}
