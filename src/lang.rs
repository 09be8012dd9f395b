//! Document languages and their detection.

use std::fmt;

/// A language claimlint checks. Packs, patterns and typography rules are per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Parses a language tag: `fr`, `en`, and regional tags such as `fr-CA` or `en_GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in English, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

// Function words that are frequent in running text of one language and rare in the other.
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "que", "qui", "sur",
    "avec", "pas", "au", "aux", "ce", "cette", "sont", "été", "il", "elle", "ont", "par", "mais",
    "selon", "depuis", "plus", "l", "d", "qu", "n", "s",
];
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "by", "this",
    "from", "has", "have", "it", "he", "she", "its", "his", "her", "were", "been", "since", "said",
    "which", "who", "more", "than",
];

/// Guesses French or English from function-word frequencies. `None` when the text gives
/// no signal at all (the caller then falls back to English and says so).
pub fn detect(text: &str) -> Option<Lang> {
    let (mut fr, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let lower = word.to_lowercase();
        if FRENCH_MARKERS.contains(&lower.as_str()) {
            fr += 1;
        }
        if ENGLISH_MARKERS.contains(&lower.as_str()) {
            en += 1;
        }
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Fr),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn detection() {
        assert_eq!(
            detect("Le président a dit que les relations avec Minsk sont bonnes."),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect("The president said that the relations with Minsk were good."),
            Some(Lang::En)
        );
        assert_eq!(detect("Minsk 2025"), None);
    }
}
