//! Durations: an amount of years, decades… with an optional qualifier
//! ("plus de trente ans", "about three decades", "une dizaine d'années").

use super::number::english_article;
use super::quantity::{qualified_numbers, qualifier_prefixes, vague_amounts};
use super::scan::{at_boundary, lookup, prefix, ws1};
use super::{Duration, DurationUnit, Interval, Parsed, Qualifier};
use crate::Lang;

fn unit_words(lang: Lang) -> &'static [(&'static str, DurationUnit)] {
    use DurationUnit::*;
    match lang {
        Lang::Fr => &[
            ("an", Years),
            ("ans", Years),
            ("annee", Years),
            ("annees", Years),
            ("decennie", Decades),
            ("decennies", Decades),
            ("siecle", Centuries),
            ("siecles", Centuries),
            ("mois", Months),
        ],
        Lang::En => &[
            ("year", Years),
            ("years", Years),
            ("decade", Decades),
            ("decades", Decades),
            ("century", Centuries),
            ("centuries", Centuries),
            ("month", Months),
            ("months", Months),
        ],
    }
}

/// The unit word at `pos`, and its end.
fn unit_at(s: &str, pos: usize, lang: Lang) -> Option<(DurationUnit, usize)> {
    lookup(s, pos, unit_words(lang)).filter(|&(_, e)| at_boundary(s, e))
}

/// A unit after an amount ending at `end`; a noun amount may take "de"/"of"
/// first ("une dizaine d'années", "dozens of years").
fn unit_after(
    s: &str,
    end: usize,
    noun: bool,
    lang: Lang,
    found: &mut impl FnMut(DurationUnit, usize),
) {
    // English compounds: "his 31-year rule", "a three-decade grip" (not "69-year-old").
    if lang == Lang::En && s.get(end..).is_some_and(|t| t.starts_with('-')) {
        let singular = |e: usize| s.get(..e).is_some_and(|t| !t.ends_with(['s', 'S']));
        if let Some((unit, e)) = unit_at(s, end + 1, lang).filter(|&(_, e)| singular(e)) {
            let age = s.get(e..).is_some_and(|t| {
                t.get(..4)
                    .is_some_and(|old| old.eq_ignore_ascii_case("-old"))
            });
            if !age {
                found(unit, e);
            }
        }
    }
    let Some(p) = ws1(s, end) else { return };
    if let Some((unit, e)) = unit_at(s, p, lang) {
        found(unit, e);
    }
    if noun {
        let link = match lang {
            Lang::Fr => "de",
            Lang::En => "of",
        };
        if let Some((unit, e)) = prefix(s, p, link, lang).and_then(|q| unit_at(s, q, lang)) {
            found(unit, e);
        }
    }
}

impl DurationUnit {
    /// Years in one unit, as a fraction `numerator / denominator`, so that
    /// month amounts stay as exact as they can.
    fn years_ratio(self) -> (f64, f64) {
        match self {
            DurationUnit::Months => (1.0, 12.0),
            DurationUnit::Years => (1.0, 1.0),
            DurationUnit::Decades => (10.0, 1.0),
            DurationUnit::Centuries => (100.0, 1.0),
        }
    }
}

impl Duration {
    /// "N units" asserts [N, N+1) units: thirty years is anything from thirty
    /// years to just under thirty-one. Qualifiers apply to the amount in years
    /// as they do to numbers; a vague count [a, b] asserts [a, b+1) units.
    pub fn new(qualifier: Qualifier, amount: f64, unit: DurationUnit) -> Self {
        use Qualifier::*;
        let (num, den) = unit.years_ratio();
        let years = |units: f64| units * num / den;
        let interval = match qualifier {
            Exact => Interval::new(years(amount), true, years(amount + 1.0), false),
            AtMost => Interval::new(0.0, true, years(amount + 1.0), false),
            MoreThan | AtLeast | LessThan | Nearly | About => {
                let i = qualifier.interval(amount);
                Interval {
                    lo: years(i.lo),
                    hi: years(i.hi),
                    ..i
                }
            }
            _ => {
                let (lo, hi) = qualifier.vague_range().unwrap_or((0.0, f64::INFINITY));
                Interval::new(years(lo), true, years(hi + 1.0), false)
            }
        };
        Duration {
            qualifier,
            amount,
            unit,
            years: interval,
        }
    }
}

/// `phrase` at `pos`, its words split at spaces and hyphens, as the end of an
/// expression; French "de" also matches "d'".
fn phrase_words_end(s: &str, pos: usize, phrase: &str, lang: Lang) -> Option<usize> {
    let mut p = pos;
    let mut words = phrase.split([' ', '-']).peekable();
    let mut separators = phrase.chars().filter(|c| *c == ' ' || *c == '-');
    while let Some(w) = words.next() {
        let (end, _) = super::scan::phrase_end(s, p, w, lang)?;
        p = end;
        if words.peek().is_some() {
            p = match separators.next() {
                Some('-') => p + s.get(p..)?.starts_with('-').then_some(1)?,
                _ => ws1(s, p)?,
            };
        }
    }
    at_boundary(s, p).then_some(p)
}

/// See [`super::durations`].
pub(super) fn durations(s: &str, lang: Lang) -> Vec<Parsed<Duration>> {
    let mut out = Vec::new();
    let mut push = |qualifier: Qualifier, amount: f64, unit: DurationUnit, len: usize| {
        out.push(Parsed {
            len,
            value: Duration::new(qualifier, amount, unit),
        });
    };
    // "trente ans", "plus de 30 ans", "une vingtaine d'années"
    qualified_numbers(s, lang, &mut |qualifier, n| {
        let qualifier = match qualifier {
            Qualifier::Exact if n.approx => Qualifier::About,
            q => q,
        };
        unit_after(s, n.end, n.noun, lang, &mut |unit, e| {
            push(qualifier, n.value, unit, e)
        });
    });
    // "a decade", "more than a year"
    if lang == Lang::En {
        qualifier_prefixes(s, lang, &mut |qualifier, p| {
            if let Some((unit, e)) = english_article(s, p).and_then(|q| unit_at(s, q, lang)) {
                push(qualifier, 1.0, unit, e);
            }
        });
    }
    // "un quart de siècle", "half a century": fractions of a century, in years.
    let fractions = century_fractions(lang);
    qualifier_prefixes(s, lang, &mut |qualifier, p| {
        for &(phrase, years) in fractions {
            if let Some(e) = phrase_words_end(s, p, phrase, lang) {
                push(qualifier, years, DurationUnit::Years, e);
            }
        }
    });
    // "des dizaines d'années", "dozens of years"
    vague_amounts(s, 0, lang, &mut |qualifier, end| {
        let amount = qualifier.vague_range().map_or(0.0, |r| r.0);
        unit_after(s, end, true, lang, &mut |unit, e| {
            push(qualifier, amount, unit, e)
        });
    });
    // "des décennies", "plusieurs années", "decades", "a few years"
    let few: &[&str] = match lang {
        Lang::Fr => &["des", "plusieurs", "quelques"],
        Lang::En => &["", "several", "a few"],
    };
    for determiner in few {
        let start = if determiner.is_empty() {
            Some(0)
        } else {
            prefix(s, 0, determiner, lang)
        };
        let Some((unit, e)) = start.and_then(|p| unit_at(s, p, lang)) else {
            continue;
        };
        // Bare "years" is too loose to assert anything, and "des années 1990"
        // is a decade of the calendar, not a duration.
        let loose = unit == DurationUnit::Years && (determiner.is_empty() || *determiner == "des");
        let singular =
            s.get(..e).is_some_and(|t| !t.ends_with(['s', 'S'])) && unit != DurationUnit::Months;
        if !loose && !singular {
            push(Qualifier::Few, 2.0, unit, e);
        }
    }
    super::longest_first(&mut out);
    out
}

/// Fractions of a century as `lang` writes them (accents folded), in years.
fn century_fractions(lang: Lang) -> &'static [(&'static str, f64)] {
    match lang {
        Lang::Fr => &[
            ("un quart de siecle", 25.0),
            ("un demi-siecle", 50.0),
            ("un demi siecle", 50.0),
        ],
        Lang::En => &[
            ("a quarter of a century", 25.0),
            ("a quarter century", 25.0),
            ("a quarter-century", 25.0),
            ("half a century", 50.0),
            ("a half century", 50.0),
            ("a half-century", 50.0),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::super::durations;
    use super::*;
    use Lang::{En, Fr};

    const INF: f64 = f64::INFINITY;

    /// (language, input, text the longest parse consumes, interval in years, display)
    type Row = (
        Lang,
        &'static str,
        &'static str,
        (f64, bool, f64, bool),
        &'static str,
    );

    #[rustfmt::skip]
    const TABLE: &[Row] = &[
        (Fr, "trente ans", "trente ans", (30.0, true, 31.0, false), "30 years"),
        (En, "31-year rule", "31-year", (31.0, true, 32.0, false), "31 years"),
        (Fr, "un quart de siècle", "un quart de siècle", (25.0, true, 26.0, false), "25 years"),
        (Fr, "plus d'un demi-siècle", "plus d'un demi-siècle", (50.0, false, INF, false), "more than 50 years"),
        (En, "more than a quarter of a century", "more than a quarter of a century", (25.0, false, INF, false), "more than 25 years"),
        (En, "half a century", "half a century", (50.0, true, 51.0, false), "50 years"),
        (En, "three-decade rule", "three-decade", (30.0, true, 40.0, false), "3 decades"),
        (Fr, "31 ans.", "31 ans", (31.0, true, 32.0, false), "31 years"),
        (Fr, "un an", "un an", (1.0, true, 2.0, false), "1 year"),
        (Fr, "plus de trente ans", "plus de trente ans", (30.0, false, INF, false), "more than 30 years"),
        (Fr, "plus de 30 années", "plus de 30 années", (30.0, false, INF, false), "more than 30 years"),
        (Fr, "près de vingt ans", "près de vingt ans", (18.0, true, 20.0, true), "nearly 20 years"),
        (Fr, "au moins dix ans", "au moins dix ans", (10.0, true, INF, false), "at least 10 years"),
        (Fr, "moins de deux ans", "moins de deux ans", (0.0, true, 2.0, false), "less than 2 years"),
        (Fr, "environ trente ans", "environ trente ans", (27.0, true, 33.0, true), "about 30 years"),
        (Fr, "trois décennies", "trois décennies", (30.0, true, 40.0, false), "3 decades"),
        (Fr, "une décennie", "une décennie", (10.0, true, 20.0, false), "1 decade"),
        (Fr, "plus d'une décennie", "plus d'une décennie", (10.0, false, INF, false), "more than 1 decade"),
        (Fr, "plus d’un an", "plus d’un an", (1.0, false, INF, false), "more than 1 year"),
        (Fr, "une trentaine d'années", "une trentaine d'années", (27.0, true, 33.0, true), "about 30 years"),
        (Fr, "une dizaine d’années", "une dizaine d’années", (9.0, true, 11.0, true), "about 10 years"),
        (Fr, "des dizaines d'années", "des dizaines d'années", (20.0, true, 100.0, false), "dozens of years"),
        (Fr, "des décennies", "des décennies", (20.0, true, 100.0, false), "a few decades"),
        (Fr, "plusieurs années", "plusieurs années", (2.0, true, 10.0, false), "a few years"),
        (Fr, "quatre-vingt-dix ans", "quatre-vingt-dix ans", (90.0, true, 91.0, false), "90 years"),
        (Fr, "dix-huit mois", "dix-huit mois", (1.5, true, 19.0 / 12.0, false), "18 months"),
        (Fr, "plus d'un siècle", "plus d'un siècle", (100.0, false, INF, false), "more than 1 century"),
        (En, "31 years", "31 years", (31.0, true, 32.0, false), "31 years"),
        (En, "more than 40 years", "more than 40 years", (40.0, false, INF, false), "more than 40 years"),
        (En, "over thirty years", "over thirty years", (30.0, false, INF, false), "more than 30 years"),
        (En, "more than two decades", "more than two decades", (20.0, false, INF, false), "more than 2 decades"),
        (En, "about three decades", "about three decades", (27.0, true, 33.0, true), "about 3 decades"),
        (En, "nearly 20 years", "nearly 20 years", (18.0, true, 20.0, true), "nearly 20 years"),
        (En, "a decade", "a decade", (10.0, true, 20.0, false), "1 decade"),
        (En, "more than a decade", "more than a decade", (10.0, false, INF, false), "more than 1 decade"),
        (En, "a year", "a year", (1.0, true, 2.0, false), "1 year"),
        (En, "three decades", "three decades", (30.0, true, 40.0, false), "3 decades"),
        (En, "decades", "decades", (20.0, true, 100.0, false), "a few decades"),
        (En, "several years", "several years", (2.0, true, 10.0, false), "a few years"),
        (En, "dozens of years", "dozens of years", (20.0, true, 100.0, false), "dozens of years"),
        (En, "two dozen years", "two dozen years", (21.6, true, 26.4, true), "about 24 years"),
        (En, "at most 5 years", "at most 5 years", (0.0, true, 6.0, false), "at most 5 years"),
    ];

    #[test]
    fn duration_table() {
        for &(lang, input, text, (lo, lo_inc, hi, hi_inc), shown) in TABLE {
            let parses = durations(input, lang);
            let first = parses
                .first()
                .unwrap_or_else(|| panic!("no parse of {input:?}"));
            assert_eq!(&input[..first.len], text, "{input:?}");
            let want = Interval::new(lo, lo_inc, hi, hi_inc);
            assert_eq!(first.value.years, want, "{input:?}");
            assert_eq!(first.value.to_string(), shown, "{input:?}");
        }
    }

    #[test]
    fn not_durations() {
        for (lang, input) in [
            (Fr, "trente"),
            (Fr, "30 ansible"),
            (Fr, "des années 1990"),
            (Fr, "années"),
            (En, "years"),
            (En, "an year"),
            (En, "40-year-old"),
            (En, "40-years"),
            (En, "a"),
            (Fr, "plus de ans"),
        ] {
            assert_eq!(durations(input, lang), vec![], "{input:?}");
        }
    }
}
