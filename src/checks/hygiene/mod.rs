//! Built-in checks of the `hygiene` pack: duplicated sentences, markup debris,
//! foreign or unbalanced quotation marks, and punctuation artefacts.
//!
//! One file per rule, each a [`super::Check`] registered in [`super::CHECKS`]. Every
//! check works on byte ranges of the checked text (paragraphs and sentences clamped onto
//! char boundaries by the [`super::Context`]) and never panics.

pub mod duplicate;
mod entities;
pub mod invisible;
pub mod markup;
pub mod punctuation;
pub mod quotes;

/// Quotes a piece of text for a message, shortened when long.
fn shown(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        format!("\"{s}\"")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("\"{head}…\"")
    }
}

/// How to name a character in a message: itself when visible, else its code point.
fn describe_char(c: char) -> String {
    match c {
        '\u{A0}' => "a no-break space (U+00A0)".to_string(),
        '\u{202F}' => "a narrow no-break space (U+202F)".to_string(),
        '\u{AD}' => "a soft hyphen (U+00AD)".to_string(),
        c if c.is_whitespace() || c.is_control() || is_invisible(c) => {
            format!("U+{:04X}", c as u32)
        }
        c => c.to_string(),
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests;
