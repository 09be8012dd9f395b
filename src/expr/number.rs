//! Numbers as written in running text: digits with each language's grouping
//! and decimals, number words, scale words ("9,5 millions") and approximate
//! nouns ("une trentaine", "a dozen").

use super::scan::{
    at_boundary, byte_at, char_at, digit_at, is_group_space, lookup, phrase_end, prefix, word_is,
    ws1,
};
use crate::Lang;

/// A number read at some position, before any qualifier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Num {
    /// Byte offset just past the number.
    pub end: usize,
    pub value: f64,
    /// Written as an approximation: "une trentaine", "un millier", "a dozen".
    pub approx: bool,
    /// A noun that takes "de"/"of" before what it counts: "une dizaine d'années",
    /// "deux millions d'euros".
    pub noun: bool,
    /// For a number with a scale word or written in words, the unit of its last stated
    /// digit: "9,5 millions" → 100 000, "neuf millions" → 1 000 000, "trente" → 10. Such a
    /// figure stands for its rounding interval (RULES.md); plain digits are exact (`None`).
    pub rounding: Option<f64>,
}

/// An exact decimal: `mantissa / 10^decimals`. Kept apart until the end so that
/// "2.3 million" is 23 × 10⁶ / 10, exactly 2 300 000.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Decimal {
    mantissa: u64,
    decimals: u32,
}

impl Decimal {
    fn times(self, factor: f64) -> f64 {
        self.mantissa as f64 * factor / 10f64.powi(self.decimals as i32)
    }

    /// The unit of the last non-zero digit, for numbers written in words: "trente" is
    /// stated to the ten, "deux mille" to the thousand, "cinquante-deux" to the unit.
    fn last_digit_unit(self) -> f64 {
        let mut unit = 1.0;
        let mut m = self.mantissa;
        while m != 0 && m.is_multiple_of(10) {
            m /= 10;
            unit *= 10.0;
        }
        unit / 10f64.powi(self.decimals as i32)
    }
}

/// More digits than this and a number is not a count a desk would check; the
/// limit also keeps the mantissa inside a `u64`.
const MAX_DIGITS: u32 = 18;

/// Calls `found` with every number that starts at `pos`, in no particular order.
pub(super) fn numbers(s: &str, pos: usize, lang: Lang, found: &mut impl FnMut(Num)) {
    digit_numbers(s, pos, lang, &mut |end: usize, value: Decimal, _| {
        found(Num {
            end,
            value: value.times(1.0),
            approx: false,
            noun: false,
            rounding: None,
        });
        scaled(s, end, value, false, lang, found);
    });
    word_numbers(
        s,
        pos,
        lang,
        &mut |end: usize, value: Decimal, article_only: bool| {
            if !article_only {
                found(Num {
                    end,
                    value: value.times(1.0),
                    approx: false,
                    noun: false,
                    rounding: Some(value.last_digit_unit()),
                });
            }
            scaled(s, end, value, true, lang, found);
        },
    );
}

/// A number followed by a scale word ("9,5 millions", "two billion") or an
/// approximate noun ("une dizaine", "deux centaines de milliers", "two dozen").
fn scaled(
    s: &str,
    end: usize,
    value: Decimal,
    in_words: bool,
    lang: Lang,
    found: &mut impl FnMut(Num),
) {
    let Some(p) = ws1(s, end) else { return };
    let scales = scale_words(lang);
    if let Some((factor, e)) = lookup(s, p, scales).filter(|&(_, e)| at_boundary(s, e)) {
        // factor / 10^decimals rather than × 0.1…: exact for "9,5 millions"
        let unit = if in_words {
            value.last_digit_unit() * factor
        } else {
            factor / 10f64.powi(value.decimals as i32)
        };
        found(Num {
            end: e,
            value: value.times(factor),
            approx: false,
            noun: true,
            rounding: Some(unit),
        });
    }
    let nouns = approximate_nouns(lang);
    let Some((unit, e)) = lookup(s, p, nouns).filter(|&(_, e)| at_boundary(s, e)) else {
        return;
    };
    let value = value.times(unit);
    found(Num {
        end: e,
        value,
        approx: true,
        noun: lang == Lang::Fr,
        rounding: None,
    });
    // "une dizaine de milliers", "une centaine de millions"
    if lang == Lang::Fr && unit < 1e3 {
        for (phrase, factor) in [("de milliers", 1e3), ("de millions", 1e6)] {
            if let Some((e2, false)) = ws1(s, e).and_then(|q| phrase_end(s, q, phrase, lang)) {
                if at_boundary(s, e2) {
                    found(Num {
                        end: e2,
                        value: value * factor,
                        approx: true,
                        noun: true,
                        rounding: None,
                    });
                }
            }
        }
    }
}

/// The scale words of `lang` ("millions") with their factors.
fn scale_words(lang: Lang) -> &'static [(&'static str, f64)] {
    match lang {
        Lang::Fr => &[
            ("million", 1e6),
            ("millions", 1e6),
            ("milliard", 1e9),
            ("milliards", 1e9),
            ("billion", 1e12),
            ("billions", 1e12),
        ],
        Lang::En => &[
            ("thousand", 1e3),
            ("million", 1e6),
            ("millions", 1e6),
            ("billion", 1e9),
            ("billions", 1e9),
            ("trillion", 1e12),
            ("trillions", 1e12),
        ],
    }
}

/// The approximate nouns of `lang` ("une dizaine", "a dozen") with their values.
fn approximate_nouns(lang: Lang) -> &'static [(&'static str, f64)] {
    match lang {
        Lang::Fr => &[
            ("huitaine", 8.0),
            ("dizaine", 10.0),
            ("dizaines", 10.0),
            ("douzaine", 12.0),
            ("douzaines", 12.0),
            ("quinzaine", 15.0),
            ("vingtaine", 20.0),
            ("trentaine", 30.0),
            ("quarantaine", 40.0),
            ("cinquantaine", 50.0),
            ("soixantaine", 60.0),
            ("centaine", 100.0),
            ("centaines", 100.0),
            ("millier", 1e3),
            ("milliers", 1e3),
        ],
        Lang::En => &[("dozen", 12.0)],
    }
}

/// Digits at `pos`, grouped and with decimals as `lang` writes them. Also
/// reports the shorter readings that stop before a grouping space ("1 500" is
/// also "1" followed by "500"), since a space is not always a group separator.
fn digit_numbers(s: &str, pos: usize, lang: Lang, found: &mut impl FnMut(usize, Decimal, bool)) {
    let (mut mantissa, mut i, mut digits) = (0u64, pos, 0u32);
    while let Some(d) = digit_at(s, i) {
        if digits == MAX_DIGITS {
            return;
        }
        mantissa = mantissa * 10 + u64::from(d);
        digits += 1;
        i += 1;
    }
    if digits == 0 {
        return;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Sep {
        Space,
        Dot,
        Comma,
    }
    let mut grouped_by = None;
    if digits <= 3 {
        while let Some(c) = char_at(s, i) {
            let sep = match c {
                ' ' if lang == Lang::Fr => Sep::Space,
                // English copy groups with no-break spaces at most, never plain ones.
                c if is_group_space(c) && c != ' ' => Sep::Space,
                '.' if lang == Lang::Fr => Sep::Dot,
                ',' if lang == Lang::En => Sep::Comma,
                _ => break,
            };
            if grouped_by.is_some_and(|g| g != sep) {
                break;
            }
            let j = i + c.len_utf8();
            let Some(group) = three_digits(s, j) else {
                break;
            };
            if digits + 3 > MAX_DIGITS {
                return;
            }
            if sep == Sep::Space && valid_end(s, i) {
                found(
                    i,
                    Decimal {
                        mantissa,
                        decimals: 0,
                    },
                    false,
                );
            }
            mantissa = mantissa * 1000 + group;
            digits += 3;
            i = j + 3;
            grouped_by = Some(sep);
        }
    }
    let decimal_mark = match (byte_at(s, i), lang) {
        (Some(b','), Lang::Fr) => true,
        // Lenient: a French dot that does not group thousands ("2.5") is a decimal point.
        (Some(b'.'), Lang::Fr) => grouped_by != Some(Sep::Dot),
        (Some(b'.'), Lang::En) => true,
        _ => false,
    };
    let mut decimals = 0;
    if decimal_mark && digit_at(s, i + 1).is_some() {
        i += 1;
        while let Some(d) = digit_at(s, i) {
            if digits == MAX_DIGITS {
                return;
            }
            mantissa = mantissa * 10 + u64::from(d);
            digits += 1;
            decimals += 1;
            i += 1;
        }
    }
    if valid_end(s, i) {
        found(i, Decimal { mantissa, decimals }, false);
    }
}

/// Exactly three digits at `pos`, not followed by a fourth.
fn three_digits(s: &str, pos: usize) -> Option<u64> {
    let (a, b, c) = (
        digit_at(s, pos)?,
        digit_at(s, pos + 1)?,
        digit_at(s, pos + 2)?,
    );
    if digit_at(s, pos + 3).is_some() {
        return None;
    }
    Some(u64::from(a) * 100 + u64::from(b) * 10 + u64::from(c))
}

/// A number may not be glued to letters or digits ("3e", "20km"), nor stop
/// before a separator and more digits ("1,5" in English is no number at all).
fn valid_end(s: &str, pos: usize) -> bool {
    if !at_boundary(s, pos) {
        return false;
    }
    let separator_then_digit =
        matches!(byte_at(s, pos), Some(b'.' | b',')) && digit_at(s, pos + 1).is_some();
    !separator_then_digit
}

/// The accumulator of a number written in words: `thousands + hundreds + low`.
#[derive(Default)]
struct WordsSoFar {
    thousands: Option<u64>,
    hundreds: Option<u64>,
    /// The part below one hundred being written.
    low: Option<u64>,
}

impl WordsSoFar {
    fn value(&self) -> u64 {
        self.thousands.unwrap_or(0) + self.hundreds.unwrap_or(0) + self.low.unwrap_or(0)
    }

    /// Adds a word worth `v` below one hundred, if the grammar allows it here.
    fn add_small(&mut self, v: u64, lang: Lang) -> bool {
        let Some(low) = self.low else {
            self.low = Some(v);
            return true;
        };
        let next = match lang {
            // quatre-vingt(s)
            Lang::Fr if v == 20 && low == 4 => 80,
            // vingt-deux, soixante-dix-sept, quatre-vingt-un
            _ if low >= 20 && low % 10 == 0 && (1..=9).contains(&v) => low + v,
            // soixante-dix, soixante-treize, quatre-vingt-onze
            Lang::Fr if (low == 60 || low == 80) && (10..=16).contains(&v) => low + v,
            // dix-sept
            Lang::Fr if low == 10 && (7..=9).contains(&v) => low + v,
            _ => return false,
        };
        self.low = Some(next);
        true
    }

    /// "cent" / "hundred": multiplies what is below it ("deux cents", and
    /// "dix-neuf cent" in old-style years).
    fn add_hundred(&mut self, lang: Lang) -> bool {
        if self.hundreds.is_some() {
            return false;
        }
        let times = match (self.low, lang) {
            (Some(n), _) if n > 0 => n,
            (None, Lang::Fr) => 1,
            _ => return false,
        };
        self.hundreds = Some(times * 100);
        self.low = None;
        true
    }

    fn add_thousand(&mut self, lang: Lang) -> bool {
        if self.thousands.is_some() {
            return false;
        }
        let below = self.hundreds.unwrap_or(0) + self.low.unwrap_or(0);
        let times = match (self.hundreds.or(self.low), lang) {
            (Some(_), _) if below > 0 => below,
            (None, Lang::Fr) => 1,
            _ => return false,
        };
        self.thousands = Some(times * 1000);
        self.hundreds = None;
        self.low = None;
        true
    }
}

const FR_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("vingts", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    // Belgian and Swiss French
    ("septante", 70),
    ("huitante", 80),
    ("octante", 80),
    ("nonante", 90),
];

const EN_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const EN_AFTER_ARTICLE: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "dozen",
];

/// Words separated by hyphens or white space. Reports the value at every word
/// that a space follows as well as at the end, since a reading may stop there:
/// "vingt et un" is also "vingt". `found`'s flag marks a bare English article
/// ("a"), which only counts before a scale word or "dozen".
fn word_numbers(s: &str, pos: usize, lang: Lang, found: &mut impl FnMut(usize, Decimal, bool)) {
    let (small, hundred, thousand) = match lang {
        Lang::Fr => (FR_WORDS, &["cent", "cents"][..], "mille"),
        Lang::En => (EN_WORDS, &["hundred"][..], "thousand"),
    };
    let mut acc = WordsSoFar::default();
    let mut end = pos;
    let mut article = false;
    if lang == Lang::En {
        if let Some(e) = word_is(s, pos, "a") {
            let next = ws1(s, e);
            let before_scale =
                next.is_some_and(|p| EN_AFTER_ARTICLE.iter().any(|w| word_is(s, p, w).is_some()));
            if !before_scale {
                return;
            }
            acc.low = Some(1);
            article = true;
            end = e;
        }
    }
    let mut report = |end: usize, value: u64, article: bool| {
        if at_boundary(s, end) {
            let value = Decimal {
                mantissa: value,
                decimals: 0,
            };
            found(end, value, article);
        }
    };
    loop {
        // Where the next word starts, and whether a hyphen joins it.
        let hyphen = char_at(s, end).filter(|&c| c == '-' || c == '\u{2011}');
        let (start, joined) = if end == pos {
            (pos, false)
        } else if let Some(c) = hyphen {
            (end + c.len_utf8(), true)
        } else if let Some(p) = ws1(s, end) {
            (p, false)
        } else {
            break;
        };
        let value_before = acc.value();
        let stop = if let Some((v, e)) = lookup(s, start, small) {
            acc.add_small(v, lang).then_some(e)
        } else if let Some(e) = hundred.iter().find_map(|w| word_is(s, start, w)) {
            acc.add_hundred(lang).then_some(e)
        } else if let Some(e) = word_is(s, start, thousand) {
            acc.add_thousand(lang).then_some(e)
        } else {
            joiner(s, start, &mut acc, lang)
        };
        let Some(stop) = stop else { break };
        if end > pos && !joined && !article {
            report(end, value_before, false);
        }
        article = false;
        end = stop;
    }
    if end > pos {
        report(end, acc.value(), article);
    }
}

/// "et" between a French ten and "un"/"onze", "and" after an English hundred
/// or thousand: consumes the joiner and the word after it, returning its end.
fn joiner(s: &str, start: usize, acc: &mut WordsSoFar, lang: Lang) -> Option<usize> {
    let (joiner_word, followers): (&str, &[(&str, u64)]) = match lang {
        Lang::Fr => ("et", &[("un", 1), ("une", 1), ("onze", 11)]),
        Lang::En => ("and", EN_WORDS),
    };
    let e = word_is(s, start, joiner_word)?;
    let next = ws1(s, e).or_else(|| {
        // "vingt-et-un" (1990 spelling)
        (lang == Lang::Fr && char_at(s, e) == Some('-')).then_some(e + 1)
    })?;
    let (v, stop) = lookup(s, next, followers)?;
    let ok = match lang {
        Lang::Fr => matches!(
            (acc.low, v),
            (Some(20 | 30 | 40 | 50 | 60), 1) | (Some(60), 11)
        ),
        Lang::En => (acc.hundreds.is_some() || acc.thousands.is_some()) && acc.low.is_none(),
    };
    (ok && acc.add_small(v, lang)).then_some(stop)
}

/// Skips a leading "a" when it introduces a phrase ("a decade").
pub(super) fn english_article(s: &str, pos: usize) -> Option<usize> {
    prefix(s, pos, "a", Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (consumed text, value, approx) reading of `input`, longest first.
    fn readings(input: &str, lang: Lang) -> Vec<(&str, f64, bool)> {
        let mut v = Vec::new();
        numbers(input, 0, lang, &mut |n| {
            v.push((&input[..n.end], n.value, n.approx));
        });
        v.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
        v.dedup();
        v
    }

    fn longest(input: &str, lang: Lang) -> Option<(&str, f64)> {
        readings(input, lang).first().map(|&(t, v, _)| (t, v))
    }

    #[test]
    fn french_numbers() {
        let table: &[(&str, &str, f64)] = &[
            ("0", "0", 0.0),
            ("430 prisonniers", "430", 430.0),
            ("1 000 personnes", "1 000", 1000.0),
            ("1\u{A0}000 personnes", "1\u{A0}000", 1000.0),
            ("1\u{202F}000 personnes", "1\u{202F}000", 1000.0),
            ("1 234 567,5 euros", "1 234 567,5", 1_234_567.5),
            ("9,5 millions d'habitants", "9,5 millions", 9_500_000.0),
            ("1.200 morts", "1.200", 1200.0),
            ("12.345.678,25", "12.345.678,25", 12_345_678.25),
            ("2.5 millions", "2.5 millions", 2_500_000.0),
            ("1,2 milliard", "1,2 milliard", 1_200_000_000.0),
            ("2021, 30 personnes", "2021", 2021.0),
            ("trente", "trente", 30.0),
            ("Trente ans", "Trente", 30.0),
            ("cinquante-deux", "cinquante-deux", 52.0),
            ("quatre-vingt-dix", "quatre-vingt-dix", 90.0),
            ("quatre-vingts", "quatre-vingts", 80.0),
            ("quatre-vingt-un", "quatre-vingt-un", 81.0),
            ("quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf", 99.0),
            ("soixante et onze", "soixante et onze", 71.0),
            ("soixante-dix-sept", "soixante-dix-sept", 77.0),
            ("vingt et un", "vingt et un", 21.0),
            ("vingt-et-un", "vingt-et-un", 21.0),
            ("dix-sept", "dix-sept", 17.0),
            ("cent", "cent", 100.0),
            ("cent un", "cent un", 101.0),
            ("deux cents", "deux cents", 200.0),
            ("trois cent vingt", "trois cent vingt", 320.0),
            ("mille", "mille", 1000.0),
            ("deux mille", "deux mille", 2000.0),
            ("deux mille vingt-cinq", "deux mille vingt-cinq", 2025.0),
            (
                "mille neuf cent quatre-vingt-quatorze",
                "mille neuf cent quatre-vingt-quatorze",
                1994.0,
            ),
            ("dix-neuf cent", "dix-neuf cent", 1900.0),
            ("trois cent mille", "trois cent mille", 300_000.0),
            ("deux millions", "deux millions", 2_000_000.0),
            ("un million", "un million", 1_000_000.0),
            ("un", "un", 1.0),
            ("une", "une", 1.0),
            ("septante-cinq", "septante-cinq", 75.0),
            ("une dizaine", "une dizaine", 10.0),
            ("une vingtaine de", "une vingtaine", 20.0),
            ("un millier", "un millier", 1000.0),
            (
                "une centaine de milliers",
                "une centaine de milliers",
                100_000.0,
            ),
            ("deux centaines", "deux centaines", 200.0),
            ("deux trois", "deux", 2.0),
            ("vingt-dix", "vingt", 20.0),
        ];
        for &(input, text, value) in table {
            assert_eq!(longest(input, Lang::Fr), Some((text, value)), "{input:?}");
        }
    }

    #[test]
    fn english_numbers() {
        let table: &[(&str, &str, f64)] = &[
            ("430 political prisoners", "430", 430.0),
            ("1,000 people", "1,000", 1000.0),
            ("1,234,567.5", "1,234,567.5", 1_234_567.5),
            ("9.5", "9.5", 9.5),
            ("1.200", "1.200", 1.2),
            ("1\u{A0}000", "1\u{A0}000", 1000.0),
            ("2.3 million", "2.3 million", 2_300_000.0),
            ("3 billion", "3 billion", 3e9),
            ("2 thousand", "2 thousand", 2000.0),
            ("thirty", "thirty", 30.0),
            ("fifty-two", "fifty-two", 52.0),
            ("Fifty two", "Fifty two", 52.0),
            ("one hundred", "one hundred", 100.0),
            ("a hundred", "a hundred", 100.0),
            ("a thousand", "a thousand", 1000.0),
            ("a million", "a million", 1e6),
            ("two thousand", "two thousand", 2000.0),
            ("one hundred and fifty", "one hundred and fifty", 150.0),
            ("two hundred thousand", "two hundred thousand", 200_000.0),
            ("nineteen hundred", "nineteen hundred", 1900.0),
            ("a dozen", "a dozen", 12.0),
            ("two dozen", "two dozen", 24.0),
            ("one", "one", 1.0),
            ("two three", "two", 2.0),
            ("In 2021, 300", "", 0.0),
        ];
        for &(input, text, value) in table {
            let got = longest(input, Lang::En);
            if text.is_empty() {
                assert_eq!(got, None, "{input:?}");
            } else {
                assert_eq!(got, Some((text, value)), "{input:?}");
            }
        }
    }

    #[test]
    fn not_numbers() {
        for (input, lang) in [
            ("", Lang::Fr),
            ("3e", Lang::Fr),
            ("20km", Lang::En),
            ("1,5", Lang::En),
            ("1er", Lang::Fr),
            ("a", Lang::En),
            ("a year", Lang::En),
            ("hundred", Lang::En),
            ("cents", Lang::En),
            ("dizaine", Lang::Fr),
            ("unique", Lang::Fr),
            ("1234567890123456789", Lang::En),
            ("8.12.2021", Lang::Fr),
        ] {
            assert_eq!(readings(input, lang), vec![], "{input:?}");
        }
    }

    #[test]
    fn shorter_readings_are_offered() {
        let texts: Vec<&str> = readings("1 500 morts", Lang::Fr)
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(texts, ["1 500", "1"]);
        let texts: Vec<&str> = readings("2.3 million", Lang::En)
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(texts, ["2.3 million", "2.3"]);
        let texts: Vec<&str> = readings("vingt et un", Lang::Fr)
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(texts, ["vingt et un", "vingt"]);
        let r = readings("une dizaine", Lang::Fr);
        assert_eq!(r, [("une dizaine", 10.0, true), ("une", 1.0, false)]);
    }
}
