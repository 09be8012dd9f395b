//! Names spelt two ways that no pack lists (`spelling/unlisted`): real transliteration
//! pairs of real names, in French and English sentences of our own, and close names that
//! are two people or ordinary words.

use claimlint::finding::{Finding, Kind};
use claimlint::Lang;

mod common;

/// A pack that knows none of the names below.
const PACK: &str = r#"format = 1
[pack]
id = "t"
[[entity]]
id = "valdoria"
preferred = { fr = "Valdorie", en = "Valdoria" }
"#;

fn unlisted(text: &str, lang: Lang) -> Vec<Finding> {
    let engine = common::engine_of("t.toml", PACK);
    common::check(&engine, "t.txt", text.as_bytes(), Some(lang))
        .findings
        .into_iter()
        .filter(|f| f.rule == "spelling/unlisted")
        .collect()
}

/// (majority spelling, other spelling): Belarusian-based and Russian-based
/// romanisations of one person's name, as French and English copy prints them.
const PAIRS: &[(&str, &str)] = &[
    ("Babaryka", "Babariko"),
    ("Kalesnikava", "Kalesnikova"),
    ("Tsikhanouskaya", "Tikhanovskaïa"),
    ("Bialiatski", "Beliatski"),
    ("Sviatlana", "Svetlana"),
    ("Statkevich", "Statkevitch"),
    ("Pratasevich", "Protassevitch"),
    ("Tsikhanouski", "Tikhanovski"),
    ("Rabkova", "Rabkava"),
    ("Seviarynets", "Sevyarynets"),
    ("Lukashenka", "Loukachenka"),
    ("Aliaksandr", "Aleksandr"),
];

#[test]
fn one_name_in_two_transliterations_is_reported_with_both_places() {
    for (major, minor) in PAIRS {
        for (lang, text) in [
            (
                Lang::Fr,
                format!("Le tribunal a entendu {major} mardi. Selon ses avocats, {major} a fait appel. La presse russe écrit {minor}."),
            ),
            (
                Lang::En,
                format!("The court heard {major} on Tuesday. Lawyers for {major} appealed. Russian media spell it {minor}."),
            ),
        ] {
            let found = unlisted(&text, lang);
            assert_eq!(found.len(), 1, "{lang:?} {major}/{minor}: {found:#?}");
            let f = &found[0];
            assert_eq!(f.kind, Kind::SpellingInconsistent);
            assert_eq!(f.text, *minor);
            assert_eq!(f.fix.as_ref().map(|x| x.replacement.as_str()), Some(*major));
            // The label points at the first use of the majority spelling.
            let first = text.find(major).expect("present");
            assert_eq!(f.labels.len(), 1);
            assert_eq!(f.labels[0].span.start, first);
            assert!(f.message.contains(&format!("\"{major}\"")), "{}", f.message);
        }
    }
}

#[test]
fn first_names_drift_with_the_same_surname() {
    let text = "Le journaliste Ihar Losik a été condamné. Son épouse a rendu visite à Igor Losik en prison. Ihar Losik reste détenu.";
    let found = unlisted(text, Lang::Fr);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "Igor");
    // Short names alone are not compared.
    assert_eq!(unlisted("Avec Ihar et Igor, deux amis.", Lang::Fr), vec![]);
}

#[test]
fn close_names_of_two_people_or_ordinary_words_are_not_reported() {
    let texts = [
        // A husband and a wife.
        (Lang::En, "Sviatlana Tsikhanouskaya spoke of her husband, Siarhei Tsikhanouski. Tsikhanouski was jailed in 2020."),
        (Lang::Fr, "Svetlana Tikhanovskaïa a parlé de son mari, Sergueï Tikhanovski, détenu depuis 2020."),
        (Lang::Fr, "Maria Kolesnikova et son père Alexandre Kolesnikov ont été réunis."),
        // Countries and their peoples.
        (Lang::En, "Russia and Lithuania disagree; Russian and Lithuanian diplomats met."),
        (Lang::Fr, "La Lituanie proteste, les Lituaniens manifestent, les Européens et les Européennes aussi."),
        (Lang::Fr, "L'Ukraine résiste et les Ukrainiens aussi."),
        // A sentence's first word is not a name.
        (Lang::Fr, "Selon lui, le Salon de Minsk ouvrira. Selon elle, non."),
        // Days and months.
        (Lang::En, "Talks began on Sunday in Vilnius and ended on Monday in Warsaw."),
        // Different names.
        (Lang::En, "Babaryka and Kalesnikava were both jailed, as were Bialiatski and Losik."),
    ];
    for (lang, text) in texts {
        assert_eq!(unlisted(text, lang), vec![], "{text}");
    }
}

#[test]
fn names_a_pack_lists_are_left_to_the_pack() {
    // Both spellings are forms of a pack entity: the pack's own checks report them.
    let text = "La Valdorie vote. Des médias écrivent Valdoria, la Valdorie répond.";
    assert_eq!(unlisted(text, Lang::Fr), vec![]);
}

/// Two surnames a letter apart, each after its own first name, are two people (seen in
/// published copy: two colleagues of one rights group); after one first name spelt two
/// ways, or with no first name at all, they are still one name spelt two ways.
#[test]
fn surnames_after_different_first_names_are_two_people() {
    let two = "The court also sentenced Anton Dravich to six years. \
               Later it heard Olga Grovich, who had been arrested in 2021.";
    assert!(
        unlisted(two, Lang::En).is_empty(),
        "{:?}",
        unlisted(two, Lang::En)
    );
    let one = "The court also sentenced Sviatlana Dubrovich to six years. \
               Later it heard Svetlana Dubrovitch, who had been arrested in 2021.";
    let found = unlisted(one, Lang::En);
    assert!(found.iter().any(|f| f.text == "Dubrovitch"), "{found:?}");
    let bare = "The court also sentenced Mr Dubrovich to six years. \
                Later it heard Dubrovitch again, who had been arrested in 2021.";
    let found = unlisted(bare, Lang::En);
    assert!(found.iter().any(|f| f.text == "Dubrovitch"), "{found:?}");
}
