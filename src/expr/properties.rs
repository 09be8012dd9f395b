//! Property tests: numbers and dates written the ways each language writes
//! them parse back to what was written, and no input makes a parser panic or
//! return a length that is not a char boundary of its input.

use jiff::civil::Date;
use proptest::prelude::*;

use super::*;

/// Digits grouped by three with `seps` (cycled), e.g. "1 234 567".
fn grouped(n: u64, seps: &[char]) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        let left = digits.len() - i;
        if i > 0 && left.is_multiple_of(3) {
            out.push(seps[(left / 3) % seps.len()]);
        }
        out.push(c);
    }
    out
}

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const FR_TENS: [&str; 7] = [
    "",
    "",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

fn fr_below_100(n: u64) -> String {
    let (t, u) = (n / 10, n % 10);
    match n {
        0..=16 => FR_UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", FR_UNITS[u as usize]),
        20..=69 => match u {
            0 => FR_TENS[t as usize].to_string(),
            1 => format!("{} et un", FR_TENS[t as usize]),
            _ => format!("{}-{}", FR_TENS[t as usize], FR_UNITS[u as usize]),
        },
        70..=79 if u == 1 => "soixante et onze".to_string(),
        70..=79 => format!("soixante-{}", fr_below_100(10 + u)),
        80 => "quatre-vingts".to_string(),
        81..=89 => format!("quatre-vingt-{}", FR_UNITS[u as usize]),
        _ => format!("quatre-vingt-{}", fr_below_100(10 + u)),
    }
}

fn fr_below_1000(n: u64, last: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let hundreds = match h {
        0 => String::new(),
        1 => "cent".to_string(),
        _ if rest == 0 && last => format!("{} cents", FR_UNITS[h as usize]),
        _ => format!("{} cent", FR_UNITS[h as usize]),
    };
    match (hundreds.is_empty(), rest) {
        (true, _) => fr_below_100(rest),
        (false, 0) => hundreds,
        (false, _) => format!("{hundreds} {}", fr_below_100(rest)),
    }
}

/// French number words, traditional spelling, 0 ≤ n < 1 000 000.
fn fr_words(n: u64) -> String {
    let (th, rest) = (n / 1000, n % 1000);
    let thousands = match th {
        0 => String::new(),
        1 => "mille".to_string(),
        _ => format!("{} mille", fr_below_1000(th, false)),
    };
    match (thousands.is_empty(), rest) {
        (true, _) => fr_below_1000(rest, true),
        (false, 0) => thousands,
        (false, _) => format!("{thousands} {}", fr_below_1000(rest, true)),
    }
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn en_below_1000(n: u64, and: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let low = match rest {
        0..=19 => EN_UNITS[rest as usize].to_string(),
        _ if rest % 10 == 0 => EN_TENS[(rest / 10) as usize].to_string(),
        _ => format!(
            "{}-{}",
            EN_TENS[(rest / 10) as usize],
            EN_UNITS[(rest % 10) as usize]
        ),
    };
    match (h, rest) {
        (0, _) => low,
        (_, 0) => format!("{} hundred", EN_UNITS[h as usize]),
        _ if and => format!("{} hundred and {low}", EN_UNITS[h as usize]),
        _ => format!("{} hundred {low}", EN_UNITS[h as usize]),
    }
}

/// English number words, 0 ≤ n < 1 000 000.
fn en_words(n: u64, and: bool) -> String {
    let (th, rest) = (n / 1000, n % 1000);
    match (th, rest) {
        (0, _) => en_below_1000(rest, and),
        (_, 0) => format!("{} thousand", en_below_1000(th, and)),
        _ => format!(
            "{} thousand {}",
            en_below_1000(th, and),
            en_below_1000(rest, and)
        ),
    }
}

fn longest_value(input: &str, lang: Lang) -> Option<(usize, f64)> {
    let parses = quantities(input, lang);
    parses.first().map(|p| (p.len, p.value.amount))
}

const FR_MONTH_NAMES: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EN_MONTH_SHORT: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

fn any_date() -> impl Strategy<Value = Date> {
    (1000i16..=2999, 1i8..=12, 1i8..=31)
        .prop_filter_map("valid day", |(y, m, d)| Date::new(y, m, d).ok())
}

fn space() -> impl Strategy<Value = char> {
    prop_oneof![Just(' '), Just('\u{A0}'), Just('\u{202F}')]
}

/// Text close to what the parsers look for, so that random inputs reach deep.
fn expression_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("1".to_string()),
        Just("2021".to_string()),
        Just("000".to_string()),
        Just(" ".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{202F}".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("er".to_string()),
        Just("é".to_string()),
        Just("ᵉʳ".to_string()),
        Just("plus de".to_string()),
        Just("d".to_string()),
        Just("une".to_string()),
        Just("a".to_string()),
        Just("dizaine".to_string()),
        Just("des dizaines".to_string()),
        Just("de milliers".to_string()),
        Just("quatre-vingt".to_string()),
        Just("et".to_string()),
        Just("un".to_string()),
        Just("cent".to_string()),
        Just("mille".to_string()),
        Just("hundred".to_string()),
        Just("and".to_string()),
        Just("millions".to_string()),
        Just("décembre".to_string()),
        Just("Dec.".to_string()),
        Just("le".to_string()),
        Just("the".to_string()),
        Just("ans".to_string()),
        Just("years".to_string()),
        Just("of".to_string()),
        ".".prop_map(|s: String| s),
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

/// Every length is a char boundary within the input, readings are longest
/// first, and none is empty.
fn check_lens(input: &str, lens: &[usize]) -> Result<(), TestCaseError> {
    for &len in lens {
        prop_assert!(len > 0 && len <= input.len(), "{len} in {input:?}");
        prop_assert!(input.is_char_boundary(len), "{len} in {input:?}");
    }
    prop_assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
    Ok(())
}

fn check_all_parsers(input: &str, doc_year: i16) -> Result<(), TestCaseError> {
    for lang in [Lang::Fr, Lang::En] {
        let q: Vec<usize> = quantities(input, lang).iter().map(|p| p.len).collect();
        check_lens(input, &q)?;
        let d: Vec<usize> = dates(input, lang, doc_year).iter().map(|p| p.len).collect();
        check_lens(input, &d)?;
        let u: Vec<usize> = durations(input, lang).iter().map(|p| p.len).collect();
        check_lens(input, &u)?;
        let w: Vec<usize> = whens(input, lang, doc_year).iter().map(|p| p.len).collect();
        check_lens(input, &w)?;
        for p in whens(input, lang, doc_year) {
            let _ = p.value.to_string();
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn french_digits_parse_back(
        n in 0u64..10_000_000_000,
        decimals in proptest::option::of(1u64..100),
        seps in proptest::collection::vec(space(), 1..4),
        dot in any::<bool>(),
    ) {
        let int = if dot && n >= 1000 { grouped(n, &['.']) } else { grouped(n, &seps) };
        let text = match decimals {
            Some(d) => format!("{int},{d}"),
            None => int,
        };
        let want: f64 = match decimals {
            Some(d) => format!("{n}.{d}").parse().unwrap_or(f64::NAN),
            None => n as f64,
        };
        let input = format!("{text} personnes");
        prop_assert_eq!(longest_value(&input, Lang::Fr), Some((text.len(), want)));
    }

    #[test]
    fn english_digits_parse_back(
        n in 0u64..10_000_000_000,
        decimals in proptest::option::of(1u64..100),
    ) {
        let int = grouped(n, &[',']);
        let text = match decimals {
            Some(d) => format!("{int}.{d}"),
            None => int,
        };
        let want: f64 = text.replace(',', "").parse().unwrap_or(f64::NAN);
        let input = format!("{text} people");
        prop_assert_eq!(longest_value(&input, Lang::En), Some((text.len(), want)));
    }

    #[test]
    fn scaled_numbers_parse_back(whole in 1u64..1000, tenth in 0u64..10) {
        let fr = format!("{whole},{tenth} millions de");
        let want = (whole * 10 + tenth) as f64 * 1e5;
        prop_assert_eq!(longest_value(&fr, Lang::Fr), Some((fr.len() - 3, want)));
        let en = format!("{whole}.{tenth} billion people");
        let want = (whole * 10 + tenth) as f64 * 1e8;
        prop_assert_eq!(longest_value(&en, Lang::En), Some((en.len() - 7, want)));
    }

    #[test]
    fn french_words_parse_back(n in 0u64..1_000_000) {
        let text = fr_words(n);
        let input = format!("{text} personnes");
        prop_assert_eq!(longest_value(&input, Lang::Fr), Some((text.len(), n as f64)), "{}", text);
        // 1990 spelling: hyphens everywhere
        let hyphenated = text.replace(' ', "-");
        prop_assert_eq!(longest_value(&hyphenated, Lang::Fr), Some((hyphenated.len(), n as f64)));
    }

    #[test]
    fn english_words_parse_back(n in 0u64..1_000_000, and in any::<bool>()) {
        let text = en_words(n, and);
        let input = format!("{text} people");
        prop_assert_eq!(longest_value(&input, Lang::En), Some((text.len(), n as f64)), "{}", text);
    }

    #[test]
    fn dates_parse_back(day in any_date(), style in 0usize..8, sp in space()) {
        let (y, m, d) = (day.year(), day.month() as usize - 1, day.day());
        let fr_day = if d == 1 { "1er".to_string() } else { d.to_string() };
        let (lang, text) = match style {
            0 => (Lang::Fr, format!("{d}{sp}{} {y}", FR_MONTH_NAMES[m])),
            1 => (Lang::Fr, format!("le {fr_day} {}{sp}{y}", FR_MONTH_NAMES[m])),
            2 => (Lang::En, format!("{} {d}, {y}", EN_MONTH_NAMES[m])),
            3 => (Lang::En, format!("{} {d}, {y}", EN_MONTH_SHORT[m])),
            4 => (Lang::En, format!("{d} {}{sp}{y}", EN_MONTH_NAMES[m])),
            5 => (Lang::Fr, format!("{day}")),
            6 => (Lang::Fr, format!("{d}/{}/{y}", m + 1)),
            _ => (Lang::En, format!("{}/{d}/{y}", m + 1)),
        };
        let input = format!("{text}, a");
        let parses = dates(&input, lang, 2025);
        let first = parses.first();
        prop_assert_eq!(first.map(|p| p.len), Some(text.len()), "{}", text);
        prop_assert_eq!(first.map(|p| p.value.days), Some(DayRange { first: day, last: day }));
    }

    #[test]
    fn months_and_years_parse_back(day in any_date(), lang_fr in any::<bool>()) {
        let (y, m) = (day.year(), day.month() as usize - 1);
        let (lang, name) = if lang_fr {
            (Lang::Fr, FR_MONTH_NAMES[m])
        } else {
            (Lang::En, EN_MONTH_NAMES[m])
        };
        let text = format!("{name} {y}");
        let parses = dates(&text, lang, 2025);
        let first = parses.first().map(|p| (p.len, p.value.days.first, p.value.days.last));
        prop_assert_eq!(first, Some((text.len(), day.first_of_month(), day.last_of_month())));
        let year = format!("{y}");
        let parses = dates(&year, lang, 2025);
        prop_assert_eq!(parses.first().map(|p| p.value.precision), Some(DatePrecision::Year));
    }

    #[test]
    fn qualified_durations(n in 1u64..200, q in 0usize..4, decades in any::<bool>()) {
        let (fr, en) = [("plus de", "more than"), ("au moins", "at least"),
            ("moins de", "fewer than"), ("environ", "about")][q];
        let (fr_unit, en_unit, per) =
            if decades { ("décennies", "decades", 10.0) } else { ("ans", "years", 1.0) };
        let years = n as f64 * per;
        let want = [
            Interval::new(years, false, f64::INFINITY, false),
            Interval::new(years, true, f64::INFINITY, false),
            Interval::new(0.0, true, years, false),
            Interval::new(years * 9.0 / 10.0, true, years * 11.0 / 10.0, true),
        ][q];
        for (lang, text) in [
            (Lang::Fr, format!("{fr} {} {fr_unit}", fr_words(n))),
            (Lang::En, format!("{en} {n} {en_unit}")),
        ] {
            let parses = durations(&text, lang);
            let first = parses.first().map(|p| (p.len, p.value.years));
            prop_assert_eq!(first, Some((text.len(), want)), "{}", text);
        }
    }

    #[test]
    fn no_panic_on_arbitrary_text(input in ".{0,40}", doc_year in any::<i16>()) {
        check_all_parsers(&input, doc_year)?;
    }

    #[test]
    fn no_panic_on_expression_like_text(input in expression_like(), doc_year in any::<i16>()) {
        check_all_parsers(&input, doc_year)?;
    }

    #[test]
    fn intersects_is_symmetric_and_agrees_with_contains(
        a in (0.0f64..10.0, any::<bool>(), 0.0f64..10.0, any::<bool>()),
        b in (0.0f64..10.0, any::<bool>(), 0.0f64..10.0, any::<bool>()),
        v in 0.0f64..10.0,
    ) {
        let a = Interval::new(a.0.floor(), a.1, a.2.floor(), a.3);
        let b = Interval::new(b.0.floor(), b.1, b.2.floor(), b.3);
        prop_assert_eq!(a.intersects(&b), b.intersects(&a));
        if a.contains(v) && b.contains(v) {
            prop_assert!(a.intersects(&b));
        }
        prop_assert!(Interval::exact(v).contains(v));
    }

    #[test]
    fn years_between_is_antisymmetric_and_monotone(a in any_date(), b in any_date(), c in any_date()) {
        prop_assert_eq!(years_between(a, b), -years_between(b, a));
        let mut v = [a, b, c];
        v.sort();
        prop_assert!(years_between(v[0], v[2]) >= years_between(v[1], v[2]));
        prop_assert!(years_between(v[0], v[1]) <= years_between(v[0], v[2]));
    }
}
