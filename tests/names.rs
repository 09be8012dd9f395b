//! How names are found in copy: full names across no-break spaces, names after a
//! modifier-letter apostrophe, hybrids of two languages' spellings, two-edit near-misses
//! of long names, and forms listed under two entities.

use claimlint::finding::{Finding, Kind};
use claimlint::pack;
use claimlint::Lang;

mod common;

fn spelling(engine: &std::sync::Arc<claimlint::Engine>, text: &str, lang: Lang) -> Vec<Finding> {
    common::spelling_findings(engine, text, lang)
}

use common::summary;

#[test]
fn a_full_name_with_a_no_break_space_is_the_full_name() {
    let engine = common::builtin_engine();
    for space in ["\u{a0}", "\u{202f}", "  "] {
        let text = format!("Le dirigeant, Aliaksandr{space}Lukashenka, a reçu l'émissaire.");
        let found = spelling(&engine, &text, Lang::Fr);
        let written = format!("Aliaksandr{space}Lukashenka");
        assert_eq!(
            summary(&found),
            vec![(
                Kind::SpellingStyle,
                written.as_str(),
                Some("Alexandre Loukachenko")
            )],
            "{space:?}"
        );
        let clean = format!("Le président Alexandre{space}Loukachenko a reçu l'émissaire.");
        assert_eq!(summary(&spelling(&engine, &clean, Lang::Fr)), vec![]);
    }
}

const OPPOSITION: &str = r#"format = 1
[pack]
id = "t"

[[entity]]
id = "liabedzka"
preferred = { fr = "Anatol Liabedzka", en = "Anatol Liabedzka" }
variants = ["Anatoli Lebedko"]
"#;

#[test]
fn a_modifier_letter_apostrophe_does_not_hide_the_name_after_it() {
    let engine = common::engine_of("t.toml", OPPOSITION);
    for apostrophe in ['\u{2bc}', '\u{2019}', '\''] {
        let text = format!("Le parti d{apostrophe}Anatoli Lebedko a protesté.");
        assert_eq!(
            summary(&spelling(&engine, &text, Lang::Fr)),
            vec![(
                Kind::SpellingStyle,
                "Anatoli Lebedko",
                Some("Anatol Liabedzka")
            )],
            "{apostrophe:?}"
        );
    }
}

#[test]
fn a_hybrid_full_name_is_a_near_miss_of_the_full_name() {
    let engine = common::builtin_engine();
    // An English first name before the French surname, in French copy.
    let found = spelling(
        &engine,
        "Le président Alexander Loukachenko a reçu l'émissaire.",
        Lang::Fr,
    );
    assert_eq!(
        summary(&found),
        vec![(
            Kind::SpellingNearMiss,
            "Alexander Loukachenko",
            Some("Alexandre Loukachenko")
        )]
    );
    assert!(found[0].message.contains("\"Alexandre Loukachenko\""));
    // The French first name before the English surname, in English copy.
    let found = spelling(&engine, "President Alexandre Lukashenko spoke.", Lang::En);
    // "Alexandre Lukashenko" is a listed variant: a style finding, not a near-miss.
    assert_eq!(
        summary(&found),
        vec![(
            Kind::SpellingStyle,
            "Alexandre Lukashenko",
            Some("Alexander Lukashenko")
        )]
    );
    // A known first name before an unknown word is no hybrid.
    let found = spelling(&engine, "Le président Alexandre Dupont a parlé.", Lang::Fr);
    assert_eq!(summary(&found), vec![]);
}

#[test]
fn long_names_take_near_misses_two_edits_away() {
    let engine = common::builtin_engine();
    assert_eq!(
        summary(&spelling(
            &engine,
            "President Alexander Kashenko spoke in Minsk.",
            Lang::En
        )),
        vec![(
            Kind::SpellingNearMiss,
            "Alexander Kashenko",
            Some("Alexander Lukashenko")
        )]
    );
    // A short name stays at one edit: "Litaonie" is two from "Lituanie".
    assert_eq!(
        summary(&spelling(&engine, "La Litaonie observe.", Lang::Fr)),
        vec![]
    );
    // An entity's own `near_miss` wins over the default by length.
    let strict = r#"format = 1
[pack]
id = "t"
[[entity]]
id = "long"
preferred = { en = "Valdorianska" }
near_miss = 1
"#;
    let engine = common::engine_of("t.toml", strict);
    assert_eq!(
        summary(&spelling(&engine, "Valdorenska voted.", Lang::En)),
        vec![]
    );
    assert_eq!(
        summary(&spelling(&engine, "Valdorianka voted.", Lang::En)),
        vec![(Kind::SpellingNearMiss, "Valdorianka", Some("Valdorianska"))]
    );
}

#[test]
fn near_miss_messages_name_the_nearest_form() {
    let engine = common::builtin_engine();
    let found = spelling(&engine, "La Biolorussie a libéré des détenus.", Lang::Fr);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "\"Biolorussie\" looks like a misspelling of \"Biélorussie\""
    );
    // The fix is the house style (with its article: see the grammar tests).
    assert!(found[0]
        .fix
        .as_ref()
        .is_some_and(|f| f.replacement.ends_with("Bélarus")));
}

const SHARED: &str = r#"format = 1
[pack]
id = "t"

[[entity]]
id = "husband"
preferred = { fr = "Sergueï Tsikhanovski", en = "Siarhei Tsikhanouski" }
variants = ["Tsikhanouski"]

[[entity]]
id = "rights-group"
preferred = { fr = "Viasna", en = "Viasna" }

[[entity]]
id = "rights-group-old"
variants = ["Viasna", "Viasna 96"]
"#;

#[test]
fn a_form_under_two_entities_is_a_pack_error_pointing_at_it() {
    let problems = pack::load("t.toml", SHARED).expect_err("shared form");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(&SHARED[p.span.clone()], "\"Viasna\"");
    assert!(p.span.start > SHARED.find("rights-group-old").expect("present"));
    assert!(p.message.contains("rights-group"), "{}", p.message);
    assert!(p.help.as_deref().is_some_and(|h| h.contains("ambiguous")));
    // Marked ambiguous, it loads, and its mentions take no house-style finding.
    let marked = SHARED.replace(
        "variants = [\"Viasna\", \"Viasna 96\"]",
        "variants = [\"Viasna\", \"Viasna 96\"]\nambiguous = [\"Viasna\"]",
    );
    let engine = common::engine_of("t.toml", &marked);
    assert_eq!(
        summary(&spelling(&engine, "Le centre Viasna documente.", Lang::Fr)),
        vec![]
    );
    // `ambiguous` names a form of the entity.
    let wrong = SHARED.replace(
        "variants = [\"Viasna\", \"Viasna 96\"]",
        "variants = [\"Viasna 96\"]\nambiguous = [\"Vesna\"]",
    );
    let problems = pack::load("t.toml", &wrong).expect_err("unknown ambiguous form");
    assert_eq!(&wrong[problems[0].span.clone()], "\"Vesna\"");
}
