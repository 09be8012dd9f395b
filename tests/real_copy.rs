//! Lessons of the review of published copy (docs/REAL-COPY.md), in our own sentences:
//! `requires` entries that any of several entities meets, and the shipped pack kept
//! quiet on other countries' prisoners.

use claimlint::Lang::{En, Fr};

mod common;

const PACK: &str = r#"format = 1
[pack]
id = "orsk"

[[entity]]
id = "orsk"
preferred = { fr = "Orskie", en = "Orskia" }

[[entity]]
id = "capital"
preferred = { fr = "Velgrad", en = "Velgrad" }

[[entity]]
id = "other"
preferred = { fr = "Tamarie", en = "Tamaria" }

[[claim]]
id = "held"
about = "prisoners still held in Orskia"
quantity = { at_least = 500 }
requires = ["orsk|capital"]
patterns.fr = ["{n} prisonniers & (restent|toujours)"]
patterns.en = ["{n} prisoners & (remain|still)"]

[[claim]]
id = "both"
about = "prisoners still held in Orskia and Tamaria together"
quantity = { at_least = 900 }
requires = ["orsk|capital", "other"]
patterns.en = ["{n} detainees & (remain|still)"]
"#;

fn claim_rules(text: &str, lang: claimlint::Lang) -> Vec<String> {
    let engine = common::engine_of("orsk.toml", PACK);
    let checked = common::check(&engine, "a.txt", text.as_bytes(), Some(lang));
    checked
        .statements
        .iter()
        .map(|s| s.rule.to_string())
        .collect()
}

#[test]
fn a_requires_entry_is_met_by_any_of_its_entities() {
    assert_eq!(
        claim_rules(
            "Orskia is tense.\n\nSome 600 prisoners remain in its jails.",
            En
        ),
        ["orsk/held"]
    );
    assert_eq!(
        claim_rules(
            "Velgrad est tendue.\n\nQuelque 600 prisonniers restent derrière les barreaux.",
            Fr
        ),
        ["orsk/held"]
    );
    // Neither entity of the entry is named: the count may be another country's.
    assert!(claim_rules("Some 600 prisoners remain in its jails.", En).is_empty());
    // Every entry must still be met.
    assert!(claim_rules("Velgrad is tense. Some 950 detainees remain.", En).is_empty());
    assert_eq!(
        claim_rules(
            "Velgrad and Tamaria are tense. Some 950 detainees remain.",
            En
        ),
        ["orsk/both"]
    );
}

#[test]
fn an_unknown_entity_in_a_requires_alternative_is_a_pack_error() {
    let bad = PACK.replace(
        "requires = [\"orsk|capital\"]",
        "requires = [\"orsk|nowhere\"]",
    );
    let err = claimlint::pack::load("orsk.toml", &bad)
        .map_err(|e| format!("{e:?}"))
        .and_then(|p| {
            claimlint::engine::Engine::new(vec![p])
                .map(|_| ())
                .map_err(|e| format!("{e:?}"))
        });
    let message = err.expect_err("an unknown entity is reported");
    assert!(message.contains("nowhere"), "{message}");
}

/// Counts of prisoners in copy about other countries: the Belarus pack says nothing.
#[test]
fn the_belarus_pack_is_quiet_on_other_countries_prisoners() {
    let engine = common::builtin_engine();
    for (lang, text) in [
        (Fr, "En Tunisie, une centaine d'opposants restent emprisonnés, selon une ONG.\n\nLe pouvoir dément."),
        (En, "About 150 political prisoners remain behind bars, a rights group said on Monday.\n\nThe government denies holding any."),
        (En, "Belarus was not mentioned in the talks.\n\nIn Egypt, some 60 political prisoners have been freed since July 2024."),
    ] {
        let checked = common::check(&engine, "other.txt", text.as_bytes(), Some(lang));
        let claims: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.kind.as_str().starts_with("claim."))
            .collect();
        assert!(claims.is_empty(), "{text}: {claims:?}");
        assert!(checked.statements.is_empty(), "{text}");
    }
}

/// The count of political prisoners held in Belarus rose above 1,000 only during 2022:
/// copy dated before then is not held to today's figure; copy dated after is.
#[test]
fn prisoners_still_held_are_checked_against_the_count_of_the_day() {
    let engine = common::builtin_engine();
    let claim_findings = |text: &str| -> Vec<String> {
        common::check(&engine, "a.md", text.as_bytes(), Some(En))
            .findings
            .iter()
            .filter(|f| f.kind.as_str().starts_with("claim."))
            .map(|f| f.text.clone())
            .collect()
    };
    let early = "---\ndate: 2020-12-31\n---\nRights groups in Belarus count 170 political prisoners still held.\n";
    assert!(claim_findings(early).is_empty());
    let later = "---\ndate: 2023-06-01\n---\nRights groups in Belarus count 170 political prisoners still held.\n";
    assert_eq!(claim_findings(later), ["170"]);
}

/// RULES.md reads "N years" as [N, N+1) years measured to the document's date, so
/// "31 years" a few weeks before the 31st anniversary is a finding (wire copy sometimes
/// rounds up; the spec does not, and a desk that wants leeway writes "about"), while
/// "about 31 years" and "more than 30 years" agree.
#[test]
fn a_count_of_years_is_measured_to_the_day() {
    let engine = common::builtin_engine();
    let since_findings = |date: &str, sentence: &str| -> Vec<String> {
        let text = format!("---\ndate: {date}\n---\n{sentence}\n");
        common::check(&engine, "a.md", text.as_bytes(), Some(En))
            .findings
            .iter()
            .filter(|f| f.kind.as_str() == "claim.since")
            .map(|f| f.text.clone())
            .collect()
    };
    let sentence = "Lukashenko has ruled Belarus for 31 years.";
    assert_eq!(since_findings("2025-07-02", sentence), ["31 years"]);
    assert!(since_findings("2025-07-21", sentence).is_empty());
    assert!(since_findings(
        "2025-07-02",
        "Lukashenko has ruled Belarus for about 31 years."
    )
    .is_empty());
    assert!(since_findings(
        "2025-07-02",
        "Lukashenko has ruled Belarus for more than 30 years."
    )
    .is_empty());
}

/// A surname's other-gender form is a relative named in the same story, not a
/// misspelling: "Dravinovsky", the husband of "Dravinovskaya", is no near-miss; a
/// misspelt "Dravinovskaja" still is.
#[test]
fn the_other_gender_of_a_known_surname_is_no_near_miss() {
    const PACK: &str = r#"format = 1
[pack]
id = "p"

[[entity]]
id = "leader"
preferred = { en = "Dravinovskaya", fr = "Dravinovskaïa" }
"#;
    let engine = common::engine_of("p.toml", PACK);
    let near = |text: &str| -> Vec<String> {
        common::spelling_findings(&engine, text, En)
            .into_iter()
            .filter(|f| f.kind.as_str() == "spelling.near-miss")
            .map(|f| f.text)
            .collect()
    };
    assert!(near("Dravinovskaya said her husband Dravinovsky was freed on Saturday.").is_empty());
    assert_eq!(
        near("Dravinovskaya, also written Dravinovskaja, spoke."),
        ["Dravinovskaja"]
    );
}
