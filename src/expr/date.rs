//! Calendar dates: a day ("le 1er février 2022", "December 8, 2021",
//! "2021-12-08"), a month ("décembre 2021") or a year ("1994").

use jiff::civil::Date;

use super::scan::{at_boundary, byte_at, char_at, digit_at, lookup, prefix, word_is, ws1};
use super::{DateExpr, DatePrecision, DayRange, Parsed};
use crate::Lang;

const FR_MONTHS: &[(&str, i8)] = &[
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
];

/// French abbreviations, only with their full stop ("déc.").
const FR_MONTHS_SHORT: &[(&str, i8)] = &[
    ("janv", 1),
    ("fevr", 2),
    ("fev", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const EN_MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// English abbreviations, with or without their full stop ("Dec." or "Dec").
const EN_MONTHS_SHORT: &[(&str, i8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const FR_WEEKDAYS: &[(&str, ())] = &[
    ("lundi", ()),
    ("mardi", ()),
    ("mercredi", ()),
    ("jeudi", ()),
    ("vendredi", ()),
    ("samedi", ()),
    ("dimanche", ()),
];

const EN_WEEKDAYS: &[(&str, ())] = &[
    ("monday", ()),
    ("tuesday", ()),
    ("wednesday", ()),
    ("thursday", ()),
    ("friday", ()),
    ("saturday", ()),
    ("sunday", ()),
];

/// Whether `word` (a whole word) names a month in full; in English only capitalised
/// ("May", not the verb "may").
pub(super) fn is_month_name(word: &str, lang: Lang) -> bool {
    let full = match lang {
        Lang::Fr => FR_MONTHS,
        Lang::En if !word.starts_with(char::is_uppercase) => return false,
        Lang::En => EN_MONTHS,
    };
    lookup(word, 0, full).is_some_and(|(_, e)| e == word.len())
}

/// The month named at `pos` and the end of its name (its full stop included).
fn month_at(s: &str, pos: usize, lang: Lang) -> Option<(i8, usize)> {
    let (full, short) = match lang {
        Lang::Fr => (FR_MONTHS, FR_MONTHS_SHORT),
        Lang::En => (EN_MONTHS, EN_MONTHS_SHORT),
    };
    if let Some(found) = lookup(s, pos, full) {
        return Some(found);
    }
    let (month, end) = lookup(s, pos, short)?;
    match (byte_at(s, end), lang) {
        (Some(b'.'), _) => Some((month, end + 1)),
        (_, Lang::En) => Some((month, end)),
        (_, Lang::Fr) => None,
    }
}

/// A weekday name and the space after it (with an optional comma in
/// English: "Monday, December 8").
fn after_weekday(s: &str, pos: usize, lang: Lang) -> Option<usize> {
    let table = match lang {
        Lang::Fr => FR_WEEKDAYS,
        Lang::En => EN_WEEKDAYS,
    };
    let (_, end) = lookup(s, pos, table)?;
    let end = if lang == Lang::En && byte_at(s, end) == Some(b',') {
        end + 1
    } else {
        end
    };
    ws1(s, end)
}

/// Up to `max` ASCII digits at `pos` (at least one), as a number, and their end.
fn digits(s: &str, pos: usize, max: usize) -> Option<(i32, usize)> {
    let mut value = 0;
    let mut i = pos;
    while let Some(d) = digit_at(s, i) {
        if i - pos == max {
            return None;
        }
        value = value * 10 + i32::from(d);
        i += 1;
    }
    (i > pos).then_some((value, i))
}

/// A day of the month at `pos` with its ordinal mark ("1er", "8th"), and the end.
fn day_at(s: &str, pos: usize, lang: Lang) -> Option<(i8, usize)> {
    if lang == Lang::Fr {
        if let Some(end) = word_is(s, pos, "premier") {
            return Some((1, end));
        }
    }
    let (day, mut end) = digits(s, pos, 2)?;
    let suffixes: &[&str] = match (lang, day) {
        (Lang::Fr, 1) => &["er", "re", "ᵉʳ"],
        (Lang::Fr, _) => &[],
        (Lang::En, _) => &["st", "nd", "rd", "th"],
    };
    if let Some(suffix) = suffixes
        .iter()
        .find(|sfx| s.get(end..).is_some_and(|t| t.starts_with(*sfx)))
    {
        end += suffix.len();
    }
    if !at_boundary(s, end) || !(1..=31).contains(&day) {
        return None;
    }
    Some((day as i8, end))
}

/// A four-digit year at `pos` within `range`, not glued to anything after it
/// ("20210", "2021e", "2021,5").
fn year_at(s: &str, pos: usize, range: std::ops::RangeInclusive<i32>) -> Option<(i16, usize)> {
    let (year, end) = digits(s, pos, 4)?;
    let glued_number =
        matches!(byte_at(s, end), Some(b'.' | b',')) && digit_at(s, end + 1).is_some();
    if end - pos != 4 || !at_boundary(s, end) || glued_number || !range.contains(&year) {
        return None;
    }
    Some((i16::try_from(year).ok()?, end))
}

/// Years written out with a day or a month.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;
/// A bare number is a year only in this range.
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

impl DateExpr {
    pub fn day(year: i16, month: i8, day: i8) -> Option<Self> {
        let date = Date::new(year, month, day).ok()?;
        Some(DateExpr {
            days: DayRange {
                first: date,
                last: date,
            },
            precision: DatePrecision::Day,
        })
    }

    pub fn month(year: i16, month: i8) -> Option<Self> {
        let first = Date::new(year, month, 1).ok()?;
        Some(DateExpr {
            days: DayRange {
                first,
                last: first.last_of_month(),
            },
            precision: DatePrecision::Month,
        })
    }

    pub fn year(year: i16) -> Option<Self> {
        Some(DateExpr {
            days: DayRange {
                first: Date::new(year, 1, 1).ok()?,
                last: Date::new(year, 12, 31).ok()?,
            },
            precision: DatePrecision::Year,
        })
    }
}

/// See [`super::dates`].
pub(super) fn dates(s: &str, lang: Lang, doc_year: i16) -> Vec<Parsed<DateExpr>> {
    let mut out = Vec::new();
    let mut push = |len: usize, date: Option<DateExpr>| {
        if let Some(value) = date {
            out.push(Parsed { len, value });
        }
    };
    // A day and month, then an optional year: `push` both readings.
    let mut day_month = |day: i8, month: i8, end: usize, year_sep: Option<usize>| {
        push(end, DateExpr::day(doc_year, month, day));
        if let Some((year, e)) = year_sep.and_then(|p| year_at(s, p, YEARS)) {
            push(e, DateExpr::day(year, month, day));
        }
    };
    // "8 décembre 2021", "le lundi 1er février", "the 8th of December, 2021"
    let article = match lang {
        Lang::Fr => "le",
        Lang::En => "the",
    };
    for start in [Some(0), prefix(s, 0, article, lang)].into_iter().flatten() {
        let start = after_weekday(s, start, lang).unwrap_or(start);
        let Some((day, e)) = day_at(s, start, lang) else {
            continue;
        };
        let Some(mut p) = ws1(s, e) else { continue };
        if lang == Lang::En {
            p = prefix(s, p, "of", lang).unwrap_or(p);
        }
        if let Some((month, e)) = month_at(s, p, lang) {
            day_month(day, month, e, year_separator(s, e, lang));
        }
    }
    // "December 8, 2021", "Monday, Dec. 8"
    if lang == Lang::En {
        let start = after_weekday(s, 0, lang).unwrap_or(0);
        if let Some((month, e)) = month_at(s, start, lang) {
            if let Some((day, e)) = ws1(s, e).and_then(|p| day_at(s, p, lang)) {
                day_month(day, month, e, year_separator(s, e, lang));
            }
        }
    }
    // "décembre 2021", "December 2021", "Dec. 2021"
    if let Some((month, e)) = month_at(s, 0, lang) {
        if let Some((year, e)) = year_separator(s, e, lang).and_then(|p| year_at(s, p, YEARS)) {
            push(e, DateExpr::month(year, month));
        }
    }
    numeric_dates(s, lang, &mut push);
    super::longest_first(&mut out);
    out
}

/// Where a year may start after a day or month ending at `end`: after a
/// space, or in English after a comma and a space ("December 8, 2021").
fn year_separator(s: &str, end: usize, lang: Lang) -> Option<usize> {
    if lang == Lang::En && char_at(s, end) == Some(',') {
        return ws1(s, end + 1);
    }
    ws1(s, end)
}

/// "2021-12-08", "8/12/2021" (French day/month) or "12/8/2021" (English
/// month/day), and a bare year "1994".
fn numeric_dates(s: &str, lang: Lang, push: &mut impl FnMut(usize, Option<DateExpr>)) {
    let iso = digits(s, 0, 4)
        .filter(|&(_, e)| e == 4)
        .and_then(|(year, e)| iso_tail(s, e, year));
    match iso {
        // An invalid "2021-13-01" is no date, not even its year.
        Some((e, date)) => push(e, date),
        None => {
            if let Some((year, e)) = year_at(s, 0, BARE_YEARS) {
                push(e, DateExpr::year(year));
            }
        }
    }
    let slashed = || {
        let (a, e) = digits(s, 0, 2)?;
        let (b, e) = digits(s, slash(s, e)?, 2)?;
        let (year, e) = year_at(s, slash(s, e)?, YEARS)?;
        let (day, month) = match lang {
            Lang::Fr => (a, b),
            Lang::En => (b, a),
        };
        let date = DateExpr::day(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        Some((e, date))
    };
    if let Some((e, date)) = slashed() {
        push(e, date);
    }
}

fn slash(s: &str, pos: usize) -> Option<usize> {
    (byte_at(s, pos) == Some(b'/')).then_some(pos + 1)
}

/// "-MM-DD" after a four-digit year.
fn iso_tail(s: &str, pos: usize, year: i32) -> Option<(usize, Option<DateExpr>)> {
    let dash = |p: usize| (byte_at(s, p) == Some(b'-')).then_some(p + 1);
    let two = |p: usize| digits(s, p, 2).filter(|&(_, e)| e == p + 2);
    let (month, e) = two(dash(pos)?)?;
    let (day, e) = two(dash(e)?)?;
    if !at_boundary(s, e) {
        return None;
    }
    let date = DateExpr::day(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    );
    Some((e, date))
}

#[cfg(test)]
mod tests {
    use super::super::dates;
    use super::*;
    use jiff::civil::date;
    use DatePrecision::{Day, Month, Year};
    use Lang::{En, Fr};

    /// (language, input, text the longest parse consumes, first day, last day, precision)
    #[rustfmt::skip]
    const TABLE: &[(Lang, &str, &str, &str, &str, DatePrecision)] = &[
        (Fr, "8 décembre 2021", "8 décembre 2021", "2021-12-08", "2021-12-08", Day),
        (Fr, "le 8 décembre 2021, les", "le 8 décembre 2021", "2021-12-08", "2021-12-08", Day),
        (Fr, "Le 8 Décembre 2021", "Le 8 Décembre 2021", "2021-12-08", "2021-12-08", Day),
        (Fr, "le 1er février 2022", "le 1er février 2022", "2022-02-01", "2022-02-01", Day),
        (Fr, "1er février 2022", "1er février 2022", "2022-02-01", "2022-02-01", Day),
        (Fr, "1ᵉʳ février 2022", "1ᵉʳ février 2022", "2022-02-01", "2022-02-01", Day),
        (Fr, "le premier mai 2020", "le premier mai 2020", "2020-05-01", "2020-05-01", Day),
        (Fr, "lundi 8 novembre 2021", "lundi 8 novembre 2021", "2021-11-08", "2021-11-08", Day),
        (Fr, "le mardi 20 juillet 1994", "le mardi 20 juillet 1994", "1994-07-20", "1994-07-20", Day),
        (Fr, "20 fevrier 2022", "20 fevrier 2022", "2022-02-20", "2022-02-20", Day),
        (Fr, "15 août 2021", "15 août 2021", "2021-08-15", "2021-08-15", Day),
        (Fr, "15 aout 2021", "15 aout 2021", "2021-08-15", "2021-08-15", Day),
        (Fr, "8 déc. 2021", "8 déc. 2021", "2021-12-08", "2021-12-08", Day),
        (Fr, "le 8 décembre dernier", "le 8 décembre", "2025-12-08", "2025-12-08", Day),
        (Fr, "décembre 2021", "décembre 2021", "2021-12-01", "2021-12-31", Month),
        (Fr, "février 2024", "février 2024", "2024-02-01", "2024-02-29", Month),
        (Fr, "juillet 2024", "juillet 2024", "2024-07-01", "2024-07-31", Month),
        (Fr, "1994.", "1994", "1994-01-01", "1994-12-31", Year),
        (Fr, "2021-12-08", "2021-12-08", "2021-12-08", "2021-12-08", Day),
        (Fr, "8/12/2021", "8/12/2021", "2021-12-08", "2021-12-08", Day),
        (En, "December 8, 2021", "December 8, 2021", "2021-12-08", "2021-12-08", Day),
        (En, "Dec. 8, 2021", "Dec. 8, 2021", "2021-12-08", "2021-12-08", Day),
        (En, "Dec 8 2021", "Dec 8 2021", "2021-12-08", "2021-12-08", Day),
        (En, "December 8th, 2021", "December 8th, 2021", "2021-12-08", "2021-12-08", Day),
        (En, "Wednesday, December 8, 2021", "Wednesday, December 8, 2021", "2021-12-08", "2021-12-08", Day),
        (En, "February 24, 2022", "February 24, 2022", "2022-02-24", "2022-02-24", Day),
        (En, "8 December 2021", "8 December 2021", "2021-12-08", "2021-12-08", Day),
        (En, "the 8th of December, 2021", "the 8th of December, 2021", "2021-12-08", "2021-12-08", Day),
        (En, "Sept. 3", "Sept. 3", "2025-09-03", "2025-09-03", Day),
        (En, "December 8", "December 8", "2025-12-08", "2025-12-08", Day),
        (En, "December 2021", "December 2021", "2021-12-01", "2021-12-31", Month),
        (En, "Dec. 2021", "Dec. 2021", "2021-12-01", "2021-12-31", Month),
        (En, "July 2024,", "July 2024", "2024-07-01", "2024-07-31", Month),
        (En, "1994", "1994", "1994-01-01", "1994-12-31", Year),
        (En, "2021-12-08", "2021-12-08", "2021-12-08", "2021-12-08", Day),
        (En, "12/8/2021", "12/8/2021", "2021-12-08", "2021-12-08", Day),
    ];

    #[test]
    fn date_table() {
        for &(lang, input, text, first, last, precision) in TABLE {
            let parses = dates(input, lang, 2025);
            let got = parses
                .first()
                .unwrap_or_else(|| panic!("no parse of {input:?}"));
            assert_eq!(&input[..got.len], text, "{input:?}");
            assert_eq!(got.value.days.first.to_string(), first, "{input:?}");
            assert_eq!(got.value.days.last.to_string(), last, "{input:?}");
            assert_eq!(got.value.precision, precision, "{input:?}");
        }
    }

    #[test]
    fn not_dates() {
        for (lang, input) in [
            (Fr, "31 février 2022"),
            (Fr, "31 février"),
            (Fr, "décembre"),
            (Fr, "en décembre 2021"),
            (Fr, "20210"),
            (Fr, "2021e"),
            (Fr, "999"),
            (Fr, "3000"),
            (Fr, "32 décembre 2021"),
            (Fr, "8 déc 2021"),
            (Fr, "2021-13-01"),
            (Fr, "2021-02-30"),
            (Fr, "1 234"),
            (En, "May"),
            (En, "may be"),
            (En, "the"),
            (En, "13/13/2021"),
            (En, "2021,5"),
        ] {
            assert_eq!(dates(input, lang, 2025), vec![], "{input:?}");
        }
    }

    #[test]
    fn shorter_readings_follow() {
        let parses = dates("le 8 décembre 2021", Fr, 2025);
        let firsts: Vec<_> = parses.iter().map(|p| (p.len, p.value.days.first)).collect();
        assert_eq!(firsts, [(19, date(2021, 12, 8)), (14, date(2025, 12, 8))]);
        let parses = dates("2021-12-08", En, 2025);
        let lens: Vec<_> = parses.iter().map(|p| p.len).collect();
        assert_eq!(lens, [10]);
    }

    #[test]
    fn a_doc_year_out_of_range_gives_no_undated_day() {
        assert_eq!(dates("le 8 décembre", Fr, i16::MAX), vec![]);
        assert_eq!(dates("le 8 décembre 2021", Fr, i16::MIN).len(), 1);
    }
}
