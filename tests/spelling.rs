//! The spelling semantics of RULES.md, on a pack of their own.

use claimlint::finding::{Finding, Kind};
use claimlint::Lang;

const PACK: &str = r#"format = 1
[pack]
id = "t"
allow = ["Dobrinka"]

[[entity]]
id = "vasilescu"
preferred = { en = "Vasilescu" }
variants = ["Vasilescu", "Vassilescu"]
wrong = ["Vasilesco"]

[[entity]]
id = "dobrin"
variants = ["Mirela Dobrin", "Mirella Dobrin"]
wrong = ["Mirela Dobrina"]

[[entity]]
id = "mirela"
variants = ["Mirela"]

[[entity]]
id = "ardania"
preferred = { fr = "Ardanie" }
variants = ["Ardania", "Ardanija"]
wrong = ["Ardenia"]
case_sensitive = false
near_miss = 2
"#;

mod common;

fn findings(text: &str, lang: Lang) -> Vec<Finding> {
    common::spelling_findings(&common::engine_of("t.toml", PACK), text, lang)
}

use common::summary;

#[test]
fn a_form_listed_twice_is_one_form() {
    assert_eq!(summary(&findings("Vasilescu spoke.", Lang::En)), vec![]);
}

#[test]
fn wrong_forms_take_the_preferred_form_else_the_most_used_variant() {
    let found = findings("Vasilesco spoke.", Lang::En);
    assert_eq!(
        summary(&found),
        vec![(Kind::SpellingWrong, "Vasilesco", Some("Vasilescu"))]
    );
    let found = findings(
        "Mirella Dobrin, Mirella Dobrin, Mirela Dobrin, Mirela Dobrina.",
        Lang::En,
    );
    assert_eq!(
        summary(&found),
        vec![
            (
                Kind::SpellingInconsistent,
                "Mirela Dobrin",
                Some("Mirella Dobrin")
            ),
            (
                Kind::SpellingWrong,
                "Mirela Dobrina",
                Some("Mirella Dobrin")
            ),
        ]
    );
}

#[test]
fn inconsistent_variants_point_at_the_majority() {
    let text = "Mirela Dobrin came. Mirella Dobrin left. Mirela Dobrin stayed.";
    let found = findings(text, Lang::En);
    assert_eq!(
        summary(&found),
        vec![(
            Kind::SpellingInconsistent,
            "Mirella Dobrin",
            Some("Mirela Dobrin")
        )]
    );
    assert_eq!(found[0].labels[0].span.start, 0);
}

#[test]
fn the_longest_form_wins() {
    // "Mirela" inside "Mirela Dobrin" is one mention of dobrin, not also one of mirela,
    // and never a near-miss candidate.
    assert_eq!(summary(&findings("Mirela Dobrin spoke.", Lang::En)), vec![]);
}

#[test]
fn style_in_a_language_with_a_house_style_only() {
    assert_eq!(
        summary(&findings("L'Ardania a voté.", Lang::Fr)),
        vec![(Kind::SpellingStyle, "Ardania", Some("Ardanie"))]
    );
    assert_eq!(
        summary(&findings("Ardania voted. Ardania won.", Lang::En)),
        vec![]
    );
}

#[test]
fn case_insensitive_entities_match_any_case() {
    assert_eq!(
        summary(&findings("ARDENIA voted.", Lang::En)),
        vec![(Kind::SpellingWrong, "ARDENIA", Some("Ardania"))]
    );
}

#[test]
fn near_misses_respect_distance_case_and_allow_lists() {
    // Two edits from "Vasilescu" is too far for near_miss = 1.
    assert_eq!(summary(&findings("Vasiliscou spoke.", Lang::En)), vec![]);
    assert_eq!(
        summary(&findings("Vasilecsu spoke.", Lang::En)),
        vec![(Kind::SpellingNearMiss, "Vasilecsu", Some("Vasilescu"))]
    );
    // Case-sensitive entities: only capitalised words are candidates.
    assert_eq!(summary(&findings("the vasilecsu case", Lang::En)), vec![]);
    // Case-insensitive with near_miss = 2.
    assert_eq!(
        summary(&findings("in ardaniaa and ARDNIA", Lang::En)),
        vec![
            (Kind::SpellingNearMiss, "ardaniaa", Some("Ardania")),
            (Kind::SpellingNearMiss, "ARDNIA", Some("Ardania")),
        ]
    );
    // Allowed words are never near-misses.
    assert_eq!(summary(&findings("Dobrinka spoke.", Lang::En)), vec![]);
    // Windows of two words against two-word forms...
    assert_eq!(
        summary(&findings("Mirella Dobirn spoke.", Lang::En)),
        vec![(
            Kind::SpellingNearMiss,
            "Mirella Dobirn",
            Some("Mirella Dobrin")
        )]
    );
    // ...outside every known-form match: "Mirela" names the entity mirela.
    assert_eq!(summary(&findings("Mirela Dobirn spoke.", Lang::En)), vec![]);
}
