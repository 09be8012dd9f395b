//! What `{n}` never reads (RULES.md, "Patterns"): a year, a part of a date, an age, a
//! duration or prison term, a percentage or a sum of money — unless the pattern names
//! that unit right after the figure.

use super::tokens::{Token, TokenKind};
use crate::expr::{self, Qualifier, Quantity};
use crate::lang::Lang;

/// Folded words or marks that, right after a number, make it no count.
const UNITS_AFTER: &[&str] = &[
    // durations and prison terms ("10 ans de prison", "sentenced to 10 years")
    "an",
    "ans",
    "année",
    "années",
    "mois",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "heure",
    "heures",
    "décennie",
    "décennies",
    "siècle",
    "siècles",
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "decade",
    "decades",
    "century",
    "centuries", // percentages
    "%",
    "‰",
    "percent",
    "pct", // sums of money
    "€",
    "$",
    "£",
    "euro",
    "euros",
    "dollar",
    "dollars",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "franc",
    "francs",
    "pound",
    "pounds",
    "livre",
    "livres",
    "usd",
    "eur",
    "byn",
];

/// Money after a link word: "2,5 milliards d'euros", "2 billion of dollars".
const MONEY: &[&str] = &[
    "euro", "euros", "dollar", "dollars", "rouble", "roubles", "ruble", "rubles", "francs",
    "livres", "pounds",
];

/// Folded tokens right before a figure that make it no count: "$2 billion", "aged 69",
/// "âgé de 69 ans".
const BEFORE: &[&str] = &[
    "$", "€", "£", "aged", "âgé", "âgée", "âgés", "âgées", "age", "âge",
];

/// Whether a quantity read at tokens `at..next` is a count, in a text in `lang`.
/// `names_unit` says that the pattern's next step matches the token after the figure:
/// the pattern itself then says what the figure counts.
pub(super) fn is_count(
    tokens: &[Token],
    text: &str,
    lang: Lang,
    (at, next): (usize, usize),
    value: &Quantity,
    names_unit: bool,
) -> bool {
    let written = tokens
        .get(at..next)
        .and_then(|ts| Some(&text[ts.first()?.range.start..ts.last()?.range.end]))
        .unwrap_or("");
    // English copy reads "1.100" as 1.1, yet such copy (often translated) means 1,100
    // as often: either reading would be a guess, so the figure is read as no count,
    // whatever the pattern names. Scale words settle it ("1.100 million").
    if lang == Lang::En
        && written
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(is_dot_grouped)
    {
        return false;
    }
    // Nor is the tail of a number ("100" in "1.100"): a figure starts no number.
    if at > 1 && glued_after_digits(tokens, text, at) {
        return false;
    }
    if names_unit {
        return true;
    }
    let folded = |i: usize| tokens.get(i).map(|t| t.folded.as_str());
    if value.qualifier == Qualifier::Exact && is_year(written) {
        return false;
    }
    let month = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .is_some_and(|t| expr::is_month_name(&text[t.range.clone()], lang))
    };
    // "13 décembre", "December 13", "13/12/2025"
    if month(next) || (lang == Lang::En && at > 0 && month(at - 1)) {
        return false;
    }
    if folded(next) == Some("/")
        && folded(next + 1).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    if let Some(after) = folded(next) {
        if UNITS_AFTER.contains(&after) {
            return false;
        }
        let second = folded(next + 1);
        if matches!(
            (after, second),
            ("pour", Some("cent")) | ("per", Some("cent"))
        ) {
            return false;
        }
        // "milliards d'euros", "millions de dollars", "billion of dollars"
        let money_at = match (after, second) {
            ("d", Some("'")) => next + 2,
            ("de" | "of", _) => next + 1,
            _ => usize::MAX,
        };
        if folded(money_at).is_some_and(|w| MONEY.contains(&w)) {
            return false;
        }
    }
    if at > 0 {
        let before = folded(at - 1);
        if before.is_some_and(|w| BEFORE.contains(&w)) {
            return false;
        }
        // "âgé de 69", "at the age of 69"
        if matches!(before, Some("de" | "of"))
            && at > 1
            && folded(at - 2).is_some_and(|w| BEFORE.contains(&w))
        {
            return false;
        }
    }
    true
}

/// Whether token `at` follows a mark glued to a digit with no space: "1.|100", "1,|100".
fn glued_after_digits(tokens: &[Token], text: &str, at: usize) -> bool {
    let (Some(digits), Some(mark), Some(figure)) =
        (tokens.get(at - 2), tokens.get(at - 1), tokens.get(at))
    else {
        return false;
    };
    digits.range.end == mark.range.start
        && mark.range.end == figure.range.start
        && matches!(text.get(mark.range.clone()), Some("." | ","))
        && text
            .get(..digits.range.end)
            .and_then(|t| t.bytes().last())
            .is_some_and(|b| b.is_ascii_digit())
}

/// One to three digits, a dot, and exactly three digits: "1.100".
fn is_dot_grouped(written: &str) -> bool {
    let Some((whole, group)) = written.split_once('.') else {
        return false;
    };
    (1..=3).contains(&whole.len())
        && group.len() == 3
        && whole
            .bytes()
            .chain(group.bytes())
            .all(|b| b.is_ascii_digit())
}

/// Four digits from 1800 to 2100 written without grouping: "2020", "1994".
fn is_year(written: &str) -> bool {
    written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
        && written
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::tokenize;

    /// Whether the first quantity in `text`, at the word `figure`, reads as a count.
    fn count(text: &str, figure: &str, lang: Lang) -> bool {
        let tokens = tokenize(text, 0..text.len());
        let start = text.find(figure).expect("figure in text");
        let at = tokens
            .iter()
            .position(|t| t.range.start == start)
            .expect("figure starts a token");
        let parsed = expr::quantities(&text[start..], lang);
        let first = parsed.first().expect("a quantity");
        let stop = start + first.len;
        let next = tokens
            .iter()
            .position(|t| t.range.start >= stop)
            .unwrap_or(tokens.len());
        is_count(&tokens, text, lang, (at, next), &first.value, false)
    }

    #[test]
    fn what_is_no_count() {
        use Lang::{En, Fr};
        let table = [
            (
                En,
                "Kalesnikava, jailed in 2020, was among those bused",
                "2020",
                false,
            ),
            (Fr, "arrêté en 2020 et transféré", "2020", false),
            (Fr, "le 13 décembre 2025, 123 personnes", "13", false),
            (En, "on December 13, 123 people", "13", false),
            (Fr, "le 13/12/2025", "13", false),
            (Fr, "un homme de 69 ans", "69", false),
            (En, "a man aged 69 was", "69", false),
            (Fr, "une femme âgée de 54 ans", "54", false),
            (En, "sentenced to 10 years in prison", "10", false),
            (Fr, "condamné à 10 ans de prison", "10", false),
            (Fr, "une hausse de 12 % des exportations", "12", false),
            (En, "up 12 percent this year", "12", false),
            (Fr, "une baisse de 3 pour cent", "3", false),
            (Fr, "2,5 milliards d'euros de potasse", "2,5", false),
            (En, "a $2 billion deal", "2", false),
            (En, "2 billion dollars", "2", false),
            (En, "and 114 to Ukraine", "114", true),
            (Fr, "plus de 1 200 prisonniers politiques", "plus", true),
            (En, "some 300,000 Belarusians", "some", true),
            (Fr, "1500 personnes", "1500", true),
            (En, "as many as 1,000 may remain", "1,000", true),
            (En, "some 1.100 political prisoners", "some", false),
            (En, "1.100 political prisoners", "1.100", false),
            (En, "1.100 political prisoners", "100", false),
            (En, "1.5 prisoners", "1.5", true),
            (En, "a nation of 9.5 million", "9.5", true),
            (En, "a nation of 1.100 million", "1.100", true),
            (Fr, "quelque 1.100 prisonniers politiques", "quelque", true),
        ];
        for (lang, text, figure, expected) in table {
            assert_eq!(count(text, figure, lang), expected, "{text}");
        }
    }
}
