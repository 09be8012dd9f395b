//! Quantity, date and duration expressions in French and English text, and the
//! intervals they assert (RULES.md, "Expressions and the intervals they assert").
//!
//! Every parser reads an expression that starts at byte 0 of its input and
//! returns every reading, longest first, so that a pattern matcher can take
//! the longest and back off to shorter ones. Parsing is hand-written scanning:
//! no regex, no allocation besides the result `Vec`, and no panic on any input.
//!
//! Beyond the contract (documented here for the project docs):
//! - slashed dates are read as day/month/year in French and month/day/year in
//!   English, with a four-digit year only;
//! - "quelques"/"a few"/"several" alone assert [2, 9]; "des millions"/"millions"
//!   [2 000 000, 999 999 999]; "a dozen" is "about 12", like "une douzaine";
//! - durations also come in months and centuries, and "des décennies"/"decades"
//!   mean a few decades, [20, 100) years;
//! - "at most N years" asserts [0, N+1) years, in line with "N years";
//! - bare "years" and "des années" are no duration ("des années 1990" is a
//!   decade of the calendar); French month abbreviations need their full stop
//!   ("déc."), English ones do not ("Dec 8");
//! - a date whose day does not exist ("31 février", or "le 29 février" in a
//!   common `doc_year`) is no date; an invalid "2021-13-01" is not even "2021".
//!
//! Display writes short English: "430", "more than 1,500", "about 2,300,000",
//! "dozens", "more than 40 years", "a few decades", "2021-12-08", "2021-12",
//! "1994". Numbers are written in full without grouping, decimals only when
//! needed ("9.5").

mod date;
pub mod dateline;
mod duration;
mod number;
mod quantity;
mod scan;

#[cfg(test)]
mod properties;

use std::fmt;

use jiff::civil::Date;

use crate::Lang;

/// Numeric interval with open or closed bounds; `hi` may be `f64::INFINITY`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub lo_inclusive: bool,
    pub hi: f64,
    pub hi_inclusive: bool,
}

impl Interval {
    pub fn new(lo: f64, lo_inclusive: bool, hi: f64, hi_inclusive: bool) -> Self {
        Interval {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }

    pub fn exact(v: f64) -> Self {
        Interval::new(v, true, v, true)
    }

    /// [lo, hi]
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval::new(lo, true, hi, true)
    }

    pub fn contains(&self, v: f64) -> bool {
        let above = if self.lo_inclusive {
            v >= self.lo
        } else {
            v > self.lo
        };
        let below = if self.hi_inclusive {
            v <= self.hi
        } else {
            v < self.hi
        };
        above && below
    }

    /// Whether some value lies in both; `disjoint == !intersects`.
    pub fn intersects(&self, other: &Interval) -> bool {
        // The tighter of the two lower bounds and of the two upper bounds; at
        // equal values, the bound is inclusive only if both are.
        let (lo, lo_inclusive) = tighter(
            (self.lo, self.lo_inclusive),
            (other.lo, other.lo_inclusive),
            |a, b| a > b,
        );
        let (hi, hi_inclusive) = tighter(
            (self.hi, self.hi_inclusive),
            (other.hi, other.hi_inclusive),
            |a, b| a < b,
        );
        lo < hi || (lo == hi && lo_inclusive && hi_inclusive)
    }
}

fn tighter(a: (f64, bool), b: (f64, bool), stricter: impl Fn(f64, f64) -> bool) -> (f64, bool) {
    if stricter(a.0, b.0) {
        a
    } else if stricter(b.0, a.0) {
        b
    } else {
        (a.0, a.1 && b.1)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.lo_inclusive { '[' } else { '(' };
        let close = if self.hi_inclusive { ']' } else { ')' };
        write!(f, "{open}{}, {}{close}", self.lo, self.hi)
    }
}

/// Inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub first: Date,
    pub last: Date,
}

impl DayRange {
    pub fn contains(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }

    pub fn intersects(&self, other: &DayRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// How an amount is qualified. The first seven qualify a number; the rest
/// are vague amounts that stand for a range of their own (see
/// [`Qualifier::vague_range`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// N: [N, N]
    Exact,
    /// plus de N / more than N, over N: (N, ∞)
    MoreThan,
    /// au moins N / at least N: [N, ∞)
    AtLeast,
    /// moins de N / fewer than N, less than N, under N: [0, N)
    LessThan,
    /// jusqu'à N / up to N, at most N: [0, N]
    AtMost,
    /// près de N, presque N / nearly N, almost N: [0.9·N, N]
    Nearly,
    /// environ N, une cinquantaine / about N, some N: [0.9·N, 1.1·N]
    About,
    /// quelques, plusieurs / a few, several: [2, 9]
    Few,
    /// des dizaines / dozens: [20, 99]
    Dozens,
    /// des centaines / hundreds: [200, 999]
    Hundreds,
    /// des milliers / thousands: [2 000, 9 999]
    Thousands,
    /// des dizaines de milliers / tens of thousands: [20 000, 99 999]
    TensOfThousands,
    /// des centaines de milliers / hundreds of thousands: [200 000, 999 999]
    HundredsOfThousands,
    /// des millions / millions: [2 000 000, 999 999 999]
    Millions,
    /// des dizaines de millions / tens of millions: [20 000 000, 99 999 999]
    TensOfMillions,
    /// des centaines de millions / hundreds of millions: [200 000 000, 999 999 999]
    HundredsOfMillions,
}

impl Qualifier {
    /// How the qualifier reads before a number in English, e.g. "more than".
    fn english(self) -> &'static str {
        use Qualifier::*;
        match self {
            Exact => "",
            MoreThan => "more than",
            AtLeast => "at least",
            LessThan => "less than",
            AtMost => "at most",
            Nearly => "nearly",
            About => "about",
            Few => "a few",
            Dozens => "dozens",
            Hundreds => "hundreds",
            Thousands => "thousands",
            TensOfThousands => "tens of thousands",
            HundredsOfThousands => "hundreds of thousands",
            Millions => "millions",
            TensOfMillions => "tens of millions",
            HundredsOfMillions => "hundreds of millions",
        }
    }

    pub fn is_vague(self) -> bool {
        self.vague_range().is_some()
    }
}

/// A quantity expression: "plus de 1 500", "about 50", "des centaines".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub qualifier: Qualifier,
    /// The number qualified; for a vague qualifier, the low end of its range.
    pub amount: f64,
    pub interval: Interval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Months,
    Years,
    Decades,
    Centuries,
}

impl DurationUnit {
    fn english(self, plural: bool) -> &'static str {
        match (self, plural) {
            (DurationUnit::Months, false) => "month",
            (DurationUnit::Months, true) => "months",
            (DurationUnit::Years, false) => "year",
            (DurationUnit::Years, true) => "years",
            (DurationUnit::Decades, false) => "decade",
            (DurationUnit::Decades, true) => "decades",
            (DurationUnit::Centuries, false) => "century",
            (DurationUnit::Centuries, true) => "centuries",
        }
    }
}

/// A duration expression: "plus de trente ans", "about three decades".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    pub qualifier: Qualifier,
    /// The number of units qualified; for a vague qualifier, the low end of its range.
    pub amount: f64,
    pub unit: DurationUnit,
    /// The time asserted, in years.
    pub years: Interval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// A date expression: the days it names and how precisely it names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateExpr {
    pub days: DayRange,
    pub precision: DatePrecision,
}

/// What `{when}` matches: a date ("depuis 1994") or a duration ("depuis plus
/// de trente ans").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum When {
    Date(DateExpr),
    Duration(Duration),
}

impl When {
    /// The years elapsed, at `at`, since the start the expression asserts: a
    /// duration's own interval, or for a date, the years from its last day to
    /// its first day back from `at`. Comparing these intervals compares start
    /// dates, as conflicts between `{when}`s need.
    pub fn years_before(&self, at: Date) -> Interval {
        match self {
            When::Duration(d) => d.years,
            When::Date(d) => Interval::closed(
                years_between(d.days.last, at),
                years_between(d.days.first, at),
            ),
        }
    }
}

/// A parse of an expression that starts at byte 0 of `input`; `len` = bytes consumed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parsed<T> {
    pub len: usize,
    pub value: T,
}

/// Sorts readings longest first (stable, so equal lengths keep the order they
/// were found in) and drops repeats.
fn longest_first<T: PartialEq>(out: &mut Vec<Parsed<T>>) {
    out.sort_by_key(|p| std::cmp::Reverse(p.len));
    out.dedup();
}

/// Every way a quantity expression can start at byte 0 of `input`, longest first.
pub fn quantities(input: &str, lang: Lang) -> Vec<Parsed<Quantity>> {
    quantity::quantities(input, lang)
}

/// Every way a date expression can start at byte 0 of `input`, longest first.
/// A day and month without a year take `doc_year`.
pub fn dates(input: &str, lang: Lang, doc_year: i16) -> Vec<Parsed<DateExpr>> {
    date::dates(input, lang, doc_year)
}

/// Whether `word` names a month ("décembre", "Dec"), case and accents aside.
pub fn is_month_name(word: &str, lang: Lang) -> bool {
    date::is_month_name(word, lang)
}

/// Every way a duration expression can start at byte 0 of `input`, longest first.
pub fn durations(input: &str, lang: Lang) -> Vec<Parsed<Duration>> {
    duration::durations(input, lang)
}

/// Dates and durations merged, longest first (a date before a duration of the
/// same length).
pub fn whens(input: &str, lang: Lang, doc_year: i16) -> Vec<Parsed<When>> {
    let dates = dates(input, lang, doc_year).into_iter().map(|p| Parsed {
        len: p.len,
        value: When::Date(p.value),
    });
    let durations = durations(input, lang).into_iter().map(|p| Parsed {
        len: p.len,
        value: When::Duration(p.value),
    });
    let mut out: Vec<_> = dates.chain(durations).collect();
    longest_first(&mut out);
    out
}

/// Years from `from` to `to`, fractional: whole years to the last anniversary,
/// plus the part of the year after it (1994-07-20 → 2025-12-13 ≈ 31.4).
/// Negative when `to` is before `from`. A 29 February anniversary falls on
/// 28 February in common years.
pub fn years_between(from: Date, to: Date) -> f64 {
    if to < from {
        return -years_between(to, from);
    }
    let (year, month, day) = (
        i64::from(from.year()),
        i64::from(from.month()),
        i64::from(from.day()),
    );
    let anniversary = |k: i64| {
        let y = year + k;
        days_from_civil(y, month, day.min(days_in_month(y, month)))
    };
    let target = days_from_civil(
        i64::from(to.year()),
        i64::from(to.month()),
        i64::from(to.day()),
    );
    let mut k = i64::from(to.year()) - year;
    if anniversary(k) > target {
        k -= 1;
    }
    let (start, next) = (anniversary(k), anniversary(k + 1));
    k as f64 + (target - start) as f64 / (next - start) as f64
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A number for English messages: thousands grouped with commas ("1,500", "9,500,000"),
/// decimals only when needed ("9.5").
pub fn format_amount(n: f64) -> String {
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return format!("{n}");
    }
    let digits = format!("{}", n.abs() as i64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Quantity {
    /// "430", "more than 1,500", "about 50", "dozens".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.qualifier {
            Qualifier::Exact => f.write_str(&format_amount(self.amount)),
            q if q.is_vague() => f.write_str(q.english()),
            q => write!(f, "{} {}", q.english(), format_amount(self.amount)),
        }
    }
}

impl fmt::Display for Duration {
    /// "31 years", "more than 40 years", "about 3 decades", "a few decades",
    /// "dozens of years".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = self.qualifier;
        if q == Qualifier::Few {
            return write!(f, "a few {}", self.unit.english(true));
        }
        if q.is_vague() {
            return write!(f, "{} of {}", q.english(), self.unit.english(true));
        }
        let unit = self.unit.english(self.amount != 1.0);
        match q {
            Qualifier::Exact => write!(f, "{} {unit}", self.amount),
            q => write!(f, "{} {} {unit}", q.english(), self.amount),
        }
    }
}

impl fmt::Display for DateExpr {
    /// "2021-12-08", "2021-12" or "1994", as precise as the text was.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.days.first;
        match self.precision {
            DatePrecision::Day => write!(f, "{first}"),
            DatePrecision::Month => write!(f, "{:04}-{:02}", first.year(), first.month()),
            DatePrecision::Year => write!(f, "{:04}", first.year()),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => d.fmt(f),
            When::Duration(d) => d.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn intervals_contain_and_intersect() {
        let more_than_40 = Interval::new(40.0, false, f64::INFINITY, false);
        assert!(!more_than_40.contains(40.0));
        assert!(more_than_40.contains(40.5));
        assert!(more_than_40.contains(1e300));
        assert!(!more_than_40.contains(f64::NAN));
        let thirty_one = Interval::new(31.0, true, 32.0, false);
        assert!(!more_than_40.intersects(&thirty_one));
        assert!(thirty_one.intersects(&Interval::exact(31.4)));
        assert!(!thirty_one.intersects(&Interval::exact(32.0)));
        assert!(Interval::closed(1.0, 2.0).intersects(&Interval::closed(2.0, 3.0)));
        assert!(!Interval::new(1.0, true, 2.0, false).intersects(&Interval::closed(2.0, 3.0)));
        assert!(!Interval::closed(1.0, 2.0).intersects(&Interval::new(2.0, false, 3.0, true)));
        assert!(Interval::exact(430.0).intersects(&Interval::new(
            430.0,
            true,
            f64::INFINITY,
            false
        )));
        assert!(!Interval::exact(200.0).intersects(&Interval::new(
            430.0,
            true,
            f64::INFINITY,
            false
        )));
        assert_eq!(Interval::new(1.0, false, 2.0, true).to_string(), "(1, 2]");
    }

    #[test]
    fn years_between_dates() {
        let y = years_between(date(1994, 7, 20), date(2025, 12, 13));
        assert!((y - 31.4).abs() < 0.001, "{y}");
        assert_eq!(years_between(date(2000, 1, 1), date(2010, 1, 1)), 10.0);
        assert_eq!(years_between(date(2010, 1, 1), date(2000, 1, 1)), -10.0);
        assert_eq!(years_between(date(2021, 3, 5), date(2021, 3, 5)), 0.0);
        // 29 February: the anniversary falls on 28 February in common years
        assert_eq!(years_between(date(2024, 2, 29), date(2025, 2, 28)), 1.0);
        assert!(years_between(date(2024, 2, 29), date(2025, 2, 27)) < 1.0);
        assert_eq!(years_between(date(2024, 2, 29), date(2028, 2, 29)), 4.0);
        assert_eq!(
            years_between(date(-9999, 1, 1), date(9999, 12, 31)).floor(),
            19998.0
        );
    }

    #[test]
    fn whens_merge_dates_and_durations() {
        let w = whens("1994", Lang::Fr, 2025);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].value.to_string(), "1994");
        let w = whens("plus de trente ans", Lang::Fr, 2025);
        assert_eq!(w[0].len, "plus de trente ans".len());
        assert_eq!(w[0].value.to_string(), "more than 30 years");
        let w = whens("le 20 juillet 1994", Lang::Fr, 2025);
        assert_eq!(w[0].value.to_string(), "1994-07-20");
        let w = whens("July 1994", Lang::En, 2025);
        assert_eq!(w[0].value.to_string(), "1994-07");
        assert_eq!(whens("Minsk", Lang::En, 2025), vec![]);
    }

    #[test]
    fn years_before_compares_start_dates() {
        let at = date(2025, 12, 13);
        let since_1994 = whens("1994", Lang::En, 2025)[0].value.years_before(at);
        assert!(since_1994.lo > 30.9 && since_1994.lo < 31.0, "{since_1994}");
        assert!(since_1994.hi > 31.9 && since_1994.hi < 32.0, "{since_1994}");
        let more_than_40 = whens("more than 40 years", Lang::En, 2025)[0].value;
        assert!(!more_than_40.years_before(at).intersects(&since_1994));
        let more_than_30 = whens("more than 30 years", Lang::En, 2025)[0].value;
        assert!(more_than_30.years_before(at).intersects(&since_1994));
    }

    #[test]
    fn message_reads_as_in_the_rules() {
        let claim = &whens("more than 40 years", Lang::En, 2025)[0].value;
        let since = date(1994, 7, 20);
        let at = date(2025, 12, 13);
        let message = format!(
            "the text says {claim}; Lukashenko has led Belarus since {since}, {} years at {at}",
            years_between(since, at).floor()
        );
        assert_eq!(
            message,
            "the text says more than 40 years; Lukashenko has led Belarus since 1994-07-20, 31 years at 2025-12-13"
        );
    }

    #[test]
    fn display() {
        let q = |q, n| Quantity::new(q, n).to_string();
        assert_eq!(q(Qualifier::Exact, 430.0), "430");
        assert_eq!(q(Qualifier::Exact, 9.5), "9.5");
        assert_eq!(q(Qualifier::AtLeast, 430.0), "at least 430");
        assert_eq!(q(Qualifier::Hundreds, 200.0), "hundreds");
        let d = |q, n, u| Duration::new(q, n, u).to_string();
        assert_eq!(
            d(Qualifier::MoreThan, 40.0, DurationUnit::Years),
            "more than 40 years"
        );
        assert_eq!(d(Qualifier::Exact, 1.0, DurationUnit::Decades), "1 decade");
        assert_eq!(
            d(Qualifier::Few, 2.0, DurationUnit::Decades),
            "a few decades"
        );
        assert_eq!(
            d(Qualifier::Dozens, 20.0, DurationUnit::Years),
            "dozens of years"
        );
        let day = DateExpr::day(2021, 12, 8).map(|d| d.to_string());
        assert_eq!(day.as_deref(), Some("2021-12-08"));
        let month = DateExpr::month(2021, 12).map(|d| d.to_string());
        assert_eq!(month.as_deref(), Some("2021-12"));
        let year = DateExpr::year(1994).map(|d| d.to_string());
        assert_eq!(year.as_deref(), Some("1994"));
    }
}
