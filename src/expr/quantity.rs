//! Quantity expressions: a number with an optional qualifier ("plus de 1 500",
//! "about 50") or a vague amount ("des centaines", "tens of thousands").

use super::number::{numbers, Num};
use super::scan::{may_start, phrase_at_end, prefix, word_end};
use super::{Interval, Parsed, Qualifier, Quantity};
use crate::Lang;

/// Lead-ins that qualify the number after them.
fn qualifier_phrases(lang: Lang) -> &'static [(&'static str, Qualifier)] {
    use Qualifier::*;
    match lang {
        Lang::Fr => &[
            ("plus de", MoreThan),
            ("bien plus de", MoreThan),
            ("au moins", AtLeast),
            ("pas moins de", AtLeast),
            ("au minimum", AtLeast),
            ("moins de", LessThan),
            ("au plus", AtMost),
            ("tout au plus", AtMost),
            ("pas plus de", AtMost),
            ("au maximum", AtMost),
            ("jusqu' a", AtMost),
            ("pres de", Nearly),
            ("presque", Nearly),
            ("quasiment", Nearly),
            ("environ", About),
            ("quelque", About),
            // a frequent misspelling of "quelque 200"
            ("quelques", About),
            ("autour de", About),
            ("aux alentours de", About),
            ("a peu pres", About),
            ("approximativement", About),
            ("de l' ordre de", About),
        ],
        Lang::En => &[
            ("more than", MoreThan),
            ("over", MoreThan),
            ("well over", MoreThan),
            ("just over", MoreThan),
            ("upwards of", MoreThan),
            ("in excess of", MoreThan),
            ("at least", AtLeast),
            ("no fewer than", AtLeast),
            ("no less than", AtLeast),
            ("not less than", AtLeast),
            ("fewer than", LessThan),
            ("less than", LessThan),
            ("under", LessThan),
            ("just under", LessThan),
            ("at most", AtMost),
            ("no more than", AtMost),
            ("not more than", AtMost),
            ("up to", AtMost),
            ("nearly", Nearly),
            ("almost", Nearly),
            ("close to", Nearly),
            ("about", About),
            ("some", About),
            ("around", About),
            ("roughly", About),
            ("approximately", About),
            ("an estimated", About),
            ("circa", About),
        ],
    }
}

/// Calls `found` with every qualifier that can start at 0 (`Exact` for none)
/// and where the qualified thing starts.
pub(super) fn qualifier_prefixes(s: &str, lang: Lang, found: &mut impl FnMut(Qualifier, usize)) {
    found(Qualifier::Exact, 0);
    let Some(word) = word_end(s, 0).and_then(|end| s.get(..end)) else {
        return;
    };
    for &(phrase, qualifier) in qualifier_phrases(lang) {
        if !may_start(word, phrase, lang) {
            continue;
        }
        if let Some(p) = prefix(s, 0, phrase, lang) {
            found(qualifier, p);
        }
    }
}

/// Calls `found` with every qualified number at 0: the qualifier, the number.
pub(super) fn qualified_numbers(s: &str, lang: Lang, found: &mut impl FnMut(Qualifier, Num)) {
    qualifier_prefixes(s, lang, &mut |qualifier, p| {
        numbers(s, p, lang, &mut |n| found(qualifier, n));
    });
}

/// A plural noun of vague amount and what it means alone, before "de
/// milliers"/"of thousands" and before "de millions"/"of millions".
struct VagueNoun {
    noun: &'static str,
    plain: Option<Qualifier>,
    thousands: Option<Qualifier>,
    millions: Option<Qualifier>,
}

const fn vague_noun(
    noun: &'static str,
    plain: Option<Qualifier>,
    thousands: Option<Qualifier>,
    millions: Option<Qualifier>,
) -> VagueNoun {
    VagueNoun {
        noun,
        plain,
        thousands,
        millions,
    }
}

#[rustfmt::skip]
const FR_VAGUE_NOUNS: &[VagueNoun] = {
    use Qualifier::*;
    &[
        vague_noun("dizaines", Some(Dozens), Some(TensOfThousands), Some(TensOfMillions)),
        vague_noun("centaines", Some(Hundreds), Some(HundredsOfThousands), Some(HundredsOfMillions)),
        vague_noun("milliers", Some(Thousands), None, None),
        vague_noun("millions", Some(Millions), None, None),
    ]
};

#[rustfmt::skip]
const EN_VAGUE_NOUNS: &[VagueNoun] = {
    use Qualifier::*;
    &[
        vague_noun("dozens", Some(Dozens), Some(TensOfThousands), Some(TensOfMillions)),
        vague_noun("tens", None, Some(TensOfThousands), Some(TensOfMillions)),
        vague_noun("hundreds", Some(Hundreds), Some(HundredsOfThousands), Some(HundredsOfMillions)),
        vague_noun("thousands", Some(Thousands), None, None),
        vague_noun("millions", Some(Millions), None, None),
    ]
};

#[rustfmt::skip]
const EN_VAGUE_SINGULARS: &[VagueNoun] = {
    use Qualifier::*;
    &[
        vague_noun("dozen", Some(Dozens), Some(TensOfThousands), Some(TensOfMillions)),
        vague_noun("hundred", Some(Hundreds), Some(HundredsOfThousands), Some(HundredsOfMillions)),
        vague_noun("thousand", Some(Thousands), None, None),
        vague_noun("million", Some(Millions), None, None),
    ]
};

/// Calls `found` with every vague amount at `pos` ("des dizaines", "hundreds
/// of thousands", "quelques") and its end.
pub(super) fn vague_amounts(
    s: &str,
    pos: usize,
    lang: Lang,
    found: &mut impl FnMut(Qualifier, usize),
) {
    use Qualifier::*;
    // (determiner, whether alone it means "a few", whether singular nouns may follow it)
    let determiners: &[(&str, bool, bool)] = match lang {
        Lang::Fr => &[
            ("des", false, false),
            ("plusieurs", true, false),
            ("quelques", true, false),
        ],
        Lang::En => &[
            ("", false, false),
            ("several", true, true),
            ("a few", true, true),
        ],
    };
    let nouns = match lang {
        Lang::Fr => FR_VAGUE_NOUNS,
        Lang::En => EN_VAGUE_NOUNS,
    };
    let of_scale = match lang {
        Lang::Fr => ("de milliers", "de millions"),
        Lang::En => ("of thousands", "of millions"),
    };
    for &(determiner, alone_is_few, singular_ok) in determiners {
        if alone_is_few {
            if let Some(end) = phrase_at_end(s, pos, determiner, lang) {
                found(Few, end);
            }
        }
        let start = if determiner.is_empty() {
            Some(pos)
        } else {
            prefix(s, pos, determiner, lang)
        };
        let Some(start) = start else { continue };
        noun_amounts(s, start, nouns, of_scale, lang, found);
        if singular_ok {
            // "several hundred", "a few hundred thousand"
            noun_amounts(
                s,
                start,
                EN_VAGUE_SINGULARS,
                ("thousand", "million"),
                lang,
                found,
            );
        }
    }
}

/// A vague noun at `start`, alone or before a scale phrase.
fn noun_amounts(
    s: &str,
    start: usize,
    nouns: &[VagueNoun],
    (of_thousands, of_millions): (&str, &str),
    lang: Lang,
    found: &mut impl FnMut(Qualifier, usize),
) {
    for noun in nouns {
        let Some(end) = phrase_at_end(s, start, noun.noun, lang) else {
            continue;
        };
        if let Some(q) = noun.plain {
            found(q, end);
        }
        let Some(p) = prefix(s, start, noun.noun, lang) else {
            continue;
        };
        for (phrase, q) in [(of_thousands, noun.thousands), (of_millions, noun.millions)] {
            if let (Some(q), Some(e)) = (q, phrase_at_end(s, p, phrase, lang)) {
                found(q, e);
            }
        }
    }
}

impl Quantity {
    /// A number under a qualifier; a number written as an approximation
    /// ("une trentaine") counts as "about" when nothing else qualifies it.
    pub fn new(qualifier: Qualifier, amount: f64) -> Self {
        Quantity {
            qualifier,
            amount,
            interval: qualifier.interval(amount),
        }
    }

    /// A figure with a scale word or in words stands for its rounding interval when
    /// nothing qualifies it ("neuf millions" → [8,5 M, 9,5 M]); plain digits stay exact.
    fn from_num(qualifier: Qualifier, n: Num) -> Self {
        let qualifier = match qualifier {
            Qualifier::Exact if n.approx => Qualifier::About,
            q => q,
        };
        let mut q = Quantity::new(qualifier, n.value);
        if let (Qualifier::Exact, Some(unit)) = (qualifier, n.rounding) {
            q.interval = Interval::closed(n.value - unit / 2.0, n.value + unit / 2.0);
        }
        q
    }
}

impl Qualifier {
    /// The range of counts a vague qualifier stands for, inclusive.
    pub fn vague_range(self) -> Option<(f64, f64)> {
        use Qualifier::*;
        Some(match self {
            Few => (2.0, 9.0),
            Dozens => (20.0, 99.0),
            Hundreds => (200.0, 999.0),
            Thousands => (2_000.0, 9_999.0),
            TensOfThousands => (20_000.0, 99_999.0),
            HundredsOfThousands => (200_000.0, 999_999.0),
            Millions => (2e6, 999_999_999.0),
            TensOfMillions => (20e6, 99_999_999.0),
            HundredsOfMillions => (200e6, 999_999_999.0),
            Exact | MoreThan | AtLeast | LessThan | AtMost | Nearly | About => return None,
        })
    }

    /// The interval of values this qualifier asserts about `n` (ignored by
    /// vague qualifiers).
    pub fn interval(self, n: f64) -> Interval {
        use Qualifier::*;
        // × 9 / 10 rather than × 0.9: exact for whole numbers
        let (nine_tenths, eleven_tenths) = (n * 9.0 / 10.0, n * 11.0 / 10.0);
        match self {
            Exact => Interval::exact(n),
            MoreThan => Interval::new(n, false, f64::INFINITY, false),
            AtLeast => Interval::new(n, true, f64::INFINITY, false),
            LessThan => Interval::new(0.0, true, n, false),
            AtMost => Interval::new(0.0, true, n, true),
            Nearly => Interval::new(nine_tenths, true, n, true),
            About => Interval::new(nine_tenths, true, eleven_tenths, true),
            _ => {
                let (lo, hi) = self.vague_range().unwrap_or((0.0, f64::INFINITY));
                Interval::new(lo, true, hi, true)
            }
        }
    }
}

/// See [`super::quantities`].
pub(super) fn quantities(s: &str, lang: Lang) -> Vec<Parsed<Quantity>> {
    let mut out = Vec::new();
    qualified_numbers(s, lang, &mut |qualifier, n| {
        out.push(Parsed {
            len: n.end,
            value: Quantity::from_num(qualifier, n),
        });
    });
    vague_amounts(s, 0, lang, &mut |qualifier, end| {
        let amount = qualifier.vague_range().map_or(0.0, |r| r.0);
        out.push(Parsed {
            len: end,
            value: Quantity::new(qualifier, amount),
        });
    });
    super::longest_first(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::super::quantities;
    use super::*;
    use Lang::{En, Fr};

    const INF: f64 = f64::INFINITY;

    fn iv(lo: f64, lo_inclusive: bool, hi: f64, hi_inclusive: bool) -> Interval {
        Interval::new(lo, lo_inclusive, hi, hi_inclusive)
    }

    /// (language, input, text the longest parse consumes, interval, display)
    type Row = (
        Lang,
        &'static str,
        &'static str,
        (f64, bool, f64, bool),
        &'static str,
    );

    #[rustfmt::skip]
    const TABLE: &[Row] = &[
        (Fr, "430 prisonniers", "430", (430.0, true, 430.0, true), "430"),
        (Fr, "plus de 430 prisonniers", "plus de 430", (430.0, false, INF, false), "more than 430"),
        (Fr, "Plus de 1 500 personnes", "Plus de 1 500", (1500.0, false, INF, false), "more than 1,500"),
        (Fr, "plus de 1\u{202F}500", "plus de 1\u{202F}500", (1500.0, false, INF, false), "more than 1,500"),
        (Fr, "plus d'un millier de", "plus d'un millier", (1000.0, false, INF, false), "more than 1,000"),
        (Fr, "plus d’une centaine", "plus d’une centaine", (100.0, false, INF, false), "more than 100"),
        (Fr, "plus d\u{2BC}une centaine de", "plus d\u{2BC}une centaine", (100.0, false, INF, false), "more than 100"),
        (Fr, "neuf millions d'habitants", "neuf millions", (8.5e6, true, 9.5e6, true), "9,000,000"),
        (Fr, "trente personnes", "trente", (25.0, true, 35.0, true), "30"),
        (Fr, "au moins 430", "au moins 430", (430.0, true, INF, false), "at least 430"),
        (Fr, "pas moins de 12", "pas moins de 12", (12.0, true, INF, false), "at least 12"),
        (Fr, "moins de 50 morts", "moins de 50", (0.0, true, 50.0, false), "less than 50"),
        (Fr, "moins d'une dizaine", "moins d'une dizaine", (0.0, true, 10.0, false), "less than 10"),
        (Fr, "jusqu’à 300", "jusqu’à 300", (0.0, true, 300.0, true), "at most 300"),
        (Fr, "près de 200", "près de 200", (180.0, true, 200.0, true), "nearly 200"),
        (Fr, "pres de 200", "pres de 200", (180.0, true, 200.0, true), "nearly 200"),
        (Fr, "presque cent", "presque cent", (90.0, true, 100.0, true), "nearly 100"),
        (Fr, "environ 50", "environ 50", (45.0, true, 55.0, true), "about 50"),
        (Fr, "quelque 200 prisonniers", "quelque 200", (180.0, true, 220.0, true), "about 200"),
        (Fr, "quelques 200 prisonniers", "quelques 200", (180.0, true, 220.0, true), "about 200"),
        (Fr, "autour de 40", "autour de 40", (36.0, true, 44.0, true), "about 40"),
        (Fr, "à peu près 40", "à peu près 40", (36.0, true, 44.0, true), "about 40"),
        (Fr, "de l'ordre de 40", "de l'ordre de 40", (36.0, true, 44.0, true), "about 40"),
        (Fr, "une cinquantaine de", "une cinquantaine", (45.0, true, 55.0, true), "about 50"),
        (Fr, "une dizaine", "une dizaine", (9.0, true, 11.0, true), "about 10"),
        (Fr, "une centaine", "une centaine", (90.0, true, 110.0, true), "about 100"),
        (Fr, "un millier", "un millier", (900.0, true, 1100.0, true), "about 1,000"),
        (Fr, "environ une vingtaine", "environ une vingtaine", (18.0, true, 22.0, true), "about 20"),
        (Fr, "près d'un millier", "près d'un millier", (900.0, true, 1000.0, true), "nearly 1,000"),
        (Fr, "des dizaines de morts", "des dizaines", (20.0, true, 99.0, true), "dozens"),
        (Fr, "des centaines", "des centaines", (200.0, true, 999.0, true), "hundreds"),
        (Fr, "des milliers de", "des milliers", (2000.0, true, 9999.0, true), "thousands"),
        (Fr, "des dizaines de milliers de", "des dizaines de milliers", (20_000.0, true, 99_999.0, true), "tens of thousands"),
        (Fr, "des centaines de milliers", "des centaines de milliers", (200_000.0, true, 999_999.0, true), "hundreds of thousands"),
        (Fr, "plusieurs centaines", "plusieurs centaines", (200.0, true, 999.0, true), "hundreds"),
        (Fr, "quelques milliers", "quelques milliers", (2000.0, true, 9999.0, true), "thousands"),
        (Fr, "quelques manifestants", "quelques", (2.0, true, 9.0, true), "a few"),
        (Fr, "9,5 millions d'habitants", "9,5 millions", (9.45e6, true, 9.55e6, true), "9,500,000"),
        (Fr, "trente-deux", "trente-deux", (31.5, true, 32.5, true), "32"),
        (Fr, "1.200 morts", "1.200", (1200.0, true, 1200.0, true), "1,200"),
        (Fr, "2,5 %", "2,5", (2.5, true, 2.5, true), "2.5"),
        (En, "430 political prisoners", "430", (430.0, true, 430.0, true), "430"),
        (En, "more than 1,500", "more than 1,500", (1500.0, false, INF, false), "more than 1,500"),
        (En, "over 40", "over 40", (40.0, false, INF, false), "more than 40"),
        (En, "more than a thousand", "more than a thousand", (1000.0, false, INF, false), "more than 1,000"),
        (En, "at least 430", "at least 430", (430.0, true, INF, false), "at least 430"),
        (En, "fewer than 20", "fewer than 20", (0.0, true, 20.0, false), "less than 20"),
        (En, "less than 5.5", "less than 5.5", (0.0, true, 5.5, false), "less than 5.5"),
        (En, "under 300", "under 300", (0.0, true, 300.0, false), "less than 300"),
        (En, "up to 300", "up to 300", (0.0, true, 300.0, true), "at most 300"),
        (En, "nearly 200", "nearly 200", (180.0, true, 200.0, true), "nearly 200"),
        (En, "almost fifty", "almost fifty", (45.0, true, 50.0, true), "nearly 50"),
        (En, "about 50", "about 50", (45.0, true, 55.0, true), "about 50"),
        (En, "some 200", "some 200", (180.0, true, 220.0, true), "about 200"),
        (En, "around 2.3 million", "around 2.3 million", (2.07e6, true, 2.53e6, true), "about 2,300,000"),
        (En, "roughly 40", "roughly 40", (36.0, true, 44.0, true), "about 40"),
        (En, "approximately 40", "approximately 40", (36.0, true, 44.0, true), "about 40"),
        (En, "a dozen", "a dozen", (10.8, true, 13.2, true), "about 12"),
        (En, "dozens of people", "dozens", (20.0, true, 99.0, true), "dozens"),
        (En, "Hundreds of protesters", "Hundreds", (200.0, true, 999.0, true), "hundreds"),
        (En, "thousands", "thousands", (2000.0, true, 9999.0, true), "thousands"),
        (En, "tens of thousands", "tens of thousands", (20_000.0, true, 99_999.0, true), "tens of thousands"),
        (En, "hundreds of thousands", "hundreds of thousands", (200_000.0, true, 999_999.0, true), "hundreds of thousands"),
        (En, "several hundred", "several hundred", (200.0, true, 999.0, true), "hundreds"),
        (En, "a few thousand", "a few thousand", (2000.0, true, 9999.0, true), "thousands"),
        (En, "a few hundred thousand", "a few hundred thousand", (200_000.0, true, 999_999.0, true), "hundreds of thousands"),
        (En, "several dozen", "several dozen", (20.0, true, 99.0, true), "dozens"),
        (En, "a few people", "a few", (2.0, true, 9.0, true), "a few"),
        (En, "millions of", "millions", (2e6, true, 999_999_999.0, true), "millions"),
        (En, "3 billion", "3 billion", (2.5e9, true, 3.5e9, true), "3,000,000,000"),
        (En, "9.5 million", "9.5 million", (9.45e6, true, 9.55e6, true), "9,500,000"),
        (En, "fifty-two", "fifty-two", (51.5, true, 52.5, true), "52"),
        (En, "one hundred", "one hundred", (50.0, true, 150.0, true), "100"),
        (En, "two thousand", "two thousand", (1500.0, true, 2500.0, true), "2,000"),
        (En, "1,200", "1,200", (1200.0, true, 1200.0, true), "1,200"),
    ];

    #[test]
    fn quantity_table() {
        for &(lang, input, text, (lo, lo_inc, hi, hi_inc), shown) in TABLE {
            let parses = quantities(input, lang);
            let first = parses
                .first()
                .unwrap_or_else(|| panic!("no parse of {input:?}"));
            assert_eq!(&input[..first.len], text, "{input:?}");
            assert_eq!(
                first.value.interval,
                iv(lo, lo_inc, hi, hi_inc),
                "{input:?}"
            );
            assert_eq!(first.value.to_string(), shown, "{input:?}");
        }
    }

    #[test]
    fn not_quantities() {
        for (lang, input) in [
            (Fr, "Minsk"),
            (Fr, "plus de"),
            (Fr, "plus de Minsk"),
            (Fr, "plusieurs"),
            (En, "more than ever"),
            (En, "tens"),
            (En, "a"),
            (En, "some people"),
            (Fr, "3e"),
        ] {
            let got: Vec<_> = quantities(input, lang)
                .into_iter()
                .filter(|p| p.value.qualifier != Qualifier::Few)
                .collect();
            assert_eq!(got, vec![], "{input:?}");
        }
    }

    #[test]
    fn every_reading_longest_first() {
        let lens: Vec<usize> = quantities("plus de 1 500 personnes", Fr)
            .iter()
            .map(|p| p.len)
            .collect();
        assert_eq!(lens, [13, 9]);
        let all = quantities("des dizaines de milliers", Fr);
        let shown: Vec<String> = all.iter().map(|p| p.value.to_string()).collect();
        assert_eq!(shown, ["tens of thousands", "dozens"]);
    }
}
