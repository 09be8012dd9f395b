//! A plain-text article's date from its dateline or publication line, among its first
//! lines (INTERFACE.md, "Metadata"; `date_source: "dateline"`):
//!
//! - a dateline: a place in capitals or capitalised words, a comma, a full date, then a
//!   dash, an agency in brackets or the end of the line ("MINSK, 13 décembre 2025 (AP) —",
//!   "Vilnius, Dec. 13, 2025 –");
//! - a publication line: "Publié le", "Mis à jour le", "Published", "Updated", "Posted"
//!   (with an optional "on"), then a full date ("Publié le 13/12/2025 à 10h02");
//! - a line that starts with a full date followed by a dash, or holds nothing else
//!   ("Dec. 13, 2025 — ", "13 décembre 2025").
//!
//! A full date names a day and its year: "13 décembre" alone says nothing of the year.

use std::ops::Range;

use jiff::civil::Date;

use super::scan::{phrase_end, skip_ws, word_end};
use super::{dates, DatePrecision};
use crate::Lang;

/// How many non-blank lines from the top may hold the dateline.
const FIRST_LINES: usize = 5;

/// A year no copy writes: a date parsed with it as the document's year had none.
const NO_YEAR: i16 = 1;

/// The date of a dateline or publication line among the first lines of `text`, and the
/// bytes of the date in `text`.
pub fn dateline(text: &str) -> Option<(Date, Range<usize>)> {
    let mut start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let body = line.trim_end();
        if body.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > FIRST_LINES {
            break;
        }
        if let Some((date, range)) = in_line(body) {
            return Some((date, at + range.start..at + range.end));
        }
    }
    None
}

/// Words that introduce a publication date, with the language they are in.
const LEAD_INS: &[(&str, Lang)] = &[
    ("publie le", Lang::Fr),
    ("publie", Lang::Fr),
    ("mis a jour le", Lang::Fr),
    ("modifie le", Lang::Fr),
    ("published on", Lang::En),
    ("published", Lang::En),
    ("updated on", Lang::En),
    ("updated", Lang::En),
    ("posted on", Lang::En),
    ("posted", Lang::En),
];

fn in_line(line: &str) -> Option<(Date, Range<usize>)> {
    let lead = skip_ws(line, 0);
    for &(phrase, lang) in LEAD_INS {
        if let Some((end, _)) = phrase_end(line, lead, phrase, lang) {
            let at = skip_ws(line, end);
            let at = if line[at..].starts_with(':') {
                skip_ws(line, at + 1)
            } else {
                at
            };
            if let Some(found) = full_date(line, at, &[lang, other(lang)]) {
                return Some(found);
            }
        }
    }
    // "MINSK, 13 décembre 2025 (AP) —", "VILNIUS, Lithuania, Sept. 11, 2025": a place of
    // one or two parts of at most four capitalised words each.
    let mut at = lead;
    for _ in 0..2 {
        let Some(comma) = place_then_comma(line, at) else {
            break;
        };
        at = skip_ws(line, comma + 1);
        if let Some((date, range)) = full_date(line, at, &[Lang::Fr, Lang::En]) {
            if ends_dateline(&line[range.end..]) {
                return Some((date, range));
            }
        }
    }
    let (date, range) = full_date(line, lead, &[Lang::Fr, Lang::En])?;
    ends_dateline(&line[range.end..]).then_some((date, range))
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

/// A day with its year at `at`, read in the first language that reads one.
fn full_date(line: &str, at: usize, langs: &[Lang]) -> Option<(Date, Range<usize>)> {
    let input = line.get(at..)?;
    langs.iter().find_map(|&lang| {
        let found = dates(input, lang, NO_YEAR).into_iter().find(|p| {
            p.value.precision == DatePrecision::Day && p.value.days.first.year() != NO_YEAR
        })?;
        Some((found.value.days.first, at..at + found.len))
    })
}

/// Capitalised words (or a place in capitals, hyphens and spaces allowed) up to a comma.
fn place_then_comma(line: &str, at: usize) -> Option<usize> {
    let mut pos = at;
    for _ in 0..4 {
        let end = word_end(line, pos)?;
        if !line[pos..].starts_with(char::is_uppercase) {
            return None;
        }
        let next = line[end..].chars().next()?;
        match next {
            ',' => return Some(end),
            ' ' | '-' | '\'' => pos = end + next.len_utf8(),
            _ => return None,
        }
        pos = skip_ws(line, pos);
    }
    None
}

/// What may follow a date in a dateline: a dash, an agency in brackets, or nothing.
fn ends_dateline(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', '.']).trim_start();
    rest.is_empty()
        || rest.starts_with(['—', '–', '-', '('])
        || rest.starts_with("à ")
        || rest.starts_with("at ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn datelines_and_publication_lines() {
        let table: &[(&str, Option<(Date, &str)>)] = &[
            (
                "MINSK, 13 décembre 2025 (AP) — Le Bélarus a libéré 123 prisonniers.",
                Some((date(2025, 12, 13), "13 décembre 2025")),
            ),
            (
                "Publié le 13/12/2025 à 10h02\n\nLe Bélarus a libéré…",
                Some((date(2025, 12, 13), "13/12/2025")),
            ),
            (
                "Dec. 13, 2025 — Belarus freed 123 prisoners.",
                Some((date(2025, 12, 13), "Dec. 13, 2025")),
            ),
            (
                "Published 13 December 2025\nBelarus freed 123 prisoners.",
                Some((date(2025, 12, 13), "13 December 2025")),
            ),
            (
                "VILNIUS, Lithuania, Sept. 11, 2025 (AP) —",
                Some((date(2025, 9, 11), "Sept. 11, 2025")),
            ),
            (
                "Belarus frees prisoners\n\nBy A. Writer\nUpdated on December 14, 2025 at 9:00\n\nText.",
                Some((date(2025, 12, 14), "December 14, 2025")),
            ),
            (
                "Mis à jour le 14 décembre 2025 à 8 h\nTexte.",
                Some((date(2025, 12, 14), "14 décembre 2025")),
            ),
            ("13 septembre 2024\n\nLe Bélarus…", Some((date(2024, 9, 13), "13 septembre 2024"))),
        ];
        for (text, expected) in table {
            let got = dateline(text).map(|(d, r)| (d, &text[r]));
            assert_eq!(got, *expected, "{text:?}");
        }
    }

    #[test]
    fn not_datelines() {
        for text in [
            "Alexandre Loukachenko dirige le Bélarus depuis 2001.",
            "Le 13 décembre 2025, le Bélarus a libéré 123 prisonniers.",
            "MINSK, 13 décembre — sans année.",
            "On December 13, 2025, Belarus freed 123 prisoners.",
            "Minsk said on 13 December 2025 that it would free them.",
            "1\n2\n3\n4\n5\n6\nPublished 13 December 2025",
            "",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
    }
}
