//! Matching and checking claims end to end, on a small fictional pack.

use jiff::civil::{date, Date};

use crate::document::{DocOptions, Document};
use crate::engine::Engine;
use crate::finding::Kind;
use crate::lang::Lang;
use crate::pack;

const PACK: &str = r#"format = 1
[pack]
id = "valdoria"

[[entity]]
id = "ruler"
preferred = { fr = "Varenko", en = "Varenko" }
wrong = ["Varenco"]

[[entity]]
id = "valdoria"
preferred = { fr = "Valdorie", en = "Valdoria" }

[[claim]]
id = "ruler-in-power"
about = "Varenko has led Valdoria"
source = "Electoral commission"
since = "2003-03-14"
patterns.fr = ["{entity:ruler} {...} (dirige|gouverne) {...} depuis {when}"]
patterns.en = ["{entity:ruler} {...} (ruled|led) {...} (for|since) {when}"]

[[claim]]
id = "freed"
about = "detainees freed since the amnesty"
source = "Rights group, 1 March 2025"
quantity = { at_least = 300, as_of = "2025-03-01", trend = "increasing" }
patterns.fr = ["libér* {n} (détenus|prisonniers) depuis l'amnistie",
               "libér* {n} de (détenus|prisonniers) depuis l'amnistie"]
patterns.en = ["(freed|released) {n} (detainees|prisoners) since the amnesty"]
requires = ["valdoria"]

[[claim]]
id = "dam-opened"
about = "the Orlen dam opened"
date = "2019-05-02"
patterns.fr = ["barrage d'Orlen {...} inauguré le {date}"]
patterns.en = ["Orlen dam {...} opened on {date}"]

[[claim]]
id = "casualties"
about = "people hurt in the Orlen flood"
patterns.fr = ["{n} blessés"]
patterns.en = ["{n} (people|residents) (were|was) hurt"]
"#;

fn engine() -> Engine {
    let pack = pack::load("valdoria.toml", PACK).expect("the test pack loads");
    Engine::new(vec![pack]).expect("the test pack compiles")
}

fn doc(text: &str, lang: Lang, at: Date) -> Document {
    let mut opts = DocOptions::new(at);
    opts.lang = Some((lang, "test"));
    opts.date = Some(at);
    Document::load("t.txt", text.as_bytes(), &opts).expect("a UTF-8 text loads")
}

/// The claim findings of a text: (kind, rule, the text under the span).
fn claims(engine: &Engine, text: &str, lang: Lang, at: Date) -> Vec<(Kind, String, String)> {
    let mut out: Vec<_> = engine
        .check(&doc(text, lang, at))
        .into_iter()
        .filter(|f| f.kind.as_str().starts_with("claim."))
        .map(|f| (f.kind, f.rule.to_string(), f.text))
        .collect();
    out.sort();
    out
}

const AT: Date = date(2025, 12, 13);

#[test]
fn correct_claims_have_no_finding() {
    let engine = engine();
    let cases = [
        (Lang::Fr, "Varenko dirige la Valdorie depuis 2003."),
        (
            Lang::Fr,
            "M. Varenko dirige d'une main ferme ce pays depuis plus de vingt ans.",
        ),
        (Lang::Fr, "Varenco, qui gouverne depuis mars 2003, a parlé."),
        (Lang::En, "Varenko has ruled Valdoria since 2003."),
        (
            Lang::En,
            "Varenko has led the country for more than two decades.",
        ),
        (
            Lang::Fr,
            "La Valdorie a libéré 312 détenus depuis l'amnistie.",
        ),
        (
            Lang::Fr,
            "La Valdorie a libéré des centaines de détenus depuis l’amnistie.",
        ),
        (
            Lang::Fr,
            "La Valdorie a libéré plus de trois cents détenus depuis l'amnistie.",
        ),
        (
            Lang::En,
            "Valdoria has freed 1,200 detainees since the amnesty.",
        ),
        (
            Lang::En,
            "Valdoria has released hundreds of prisoners since the amnesty.",
        ),
        (Lang::Fr, "Le barrage d'Orlen a été inauguré le 2 mai 2019."),
        (Lang::En, "The Orlen dam was opened on May 2, 2019."),
        (
            Lang::Fr,
            "Il y a eu 40 blessés, puis une quarantaine de blessés.",
        ),
    ];
    for (lang, text) in cases {
        assert_eq!(claims(&engine, text, lang, AT), vec![], "{text}");
    }
}

/// A wrong statement of each claim: (language, text, finding kind, text under its span).
const WRONG_CLAIMS: &[(Lang, &str, Kind, &str)] = &[
    (
        Lang::Fr,
        "Varenko dirige la Valdorie depuis 2008.",
        Kind::ClaimSince,
        "2008",
    ),
    (
        Lang::Fr,
        "Varenko dirige ce pays depuis plus de quarante ans.",
        Kind::ClaimSince,
        "plus de quarante ans",
    ),
    (
        Lang::Fr,
        "Varenco, qui gouverne depuis 12 ans, a parlé.",
        Kind::ClaimSince,
        "12 ans",
    ),
    (
        Lang::En,
        "Varenko has ruled Valdoria since 2010.",
        Kind::ClaimSince,
        "2010",
    ),
    (
        Lang::En,
        "Varenko has led the country for more than three decades.",
        Kind::ClaimSince,
        "more than three decades",
    ),
    (
        Lang::Fr,
        "La Valdorie a libéré 120 détenus depuis l'amnistie.",
        Kind::ClaimValue,
        "120",
    ),
    (
        Lang::Fr,
        "La Valdorie a libéré des dizaines de détenus depuis l'amnistie.",
        Kind::ClaimValue,
        "des dizaines",
    ),
    (
        Lang::Fr,
        "La Valdorie a libéré moins de deux cents détenus depuis l'amnistie.",
        Kind::ClaimValue,
        "moins de deux cents",
    ),
    (
        Lang::En,
        "Valdoria has freed about 150 detainees since the amnesty.",
        Kind::ClaimValue,
        "about 150",
    ),
    (
        Lang::En,
        "Valdoria has freed fifty prisoners since the amnesty.",
        Kind::ClaimValue,
        "fifty",
    ),
    (
        Lang::Fr,
        "Le barrage d'Orlen a été inauguré le 2 mai 2018.",
        Kind::ClaimDate,
        "2 mai 2018",
    ),
    (
        Lang::En,
        "The Orlen dam was opened on June 2, 2019.",
        Kind::ClaimDate,
        "June 2, 2019",
    ),
];

#[test]
fn wrong_claims_have_exactly_one_finding() {
    let engine = engine();
    for &(lang, text, kind, expr) in WRONG_CLAIMS {
        let found = claims(&engine, text, lang, AT);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].0, found[0].2.as_str()), (kind, expr), "{text}");
    }
}

#[test]
fn messages_say_what_is_claimed_and_known() {
    let engine = engine();
    let findings = engine.check(&doc(
        "Varenko dirige ce pays depuis plus de quarante ans.",
        Lang::Fr,
        AT,
    ));
    let f = findings
        .iter()
        .find(|f| f.kind == Kind::ClaimSince)
        .expect("a claim.since finding");
    assert_eq!(
        f.message,
        "the text says more than 40 years; Varenko has led Valdoria since 2003-03-14, 22 years at 2025-12-13"
    );
    assert_eq!(f.rule, "valdoria/ruler-in-power");
    assert_eq!(f.label.as_deref(), Some("more than 40 years"));
    assert_eq!(
        f.help.as_deref(),
        Some("source: Electoral commission · claimlint explain valdoria/ruler-in-power")
    );
}

#[test]
fn trend_lifts_the_bound_after_as_of_only() {
    let engine = engine();
    let text = "La Valdorie a libéré 280 détenus depuis l'amnistie.";
    assert_eq!(claims(&engine, text, Lang::Fr, date(2025, 3, 1)).len(), 1);
    // Later, more may have been freed, but never fewer.
    assert_eq!(
        claims(
            &engine,
            "La Valdorie a libéré 900 détenus depuis l'amnistie.",
            Lang::Fr,
            AT
        ),
        vec![]
    );
    assert_eq!(claims(&engine, text, Lang::Fr, AT).len(), 1);
}

#[test]
fn requires_an_entity_somewhere_in_the_document() {
    let engine = engine();
    let text = "Le pouvoir a libéré 120 détenus depuis l'amnistie.";
    assert_eq!(claims(&engine, text, Lang::Fr, AT), vec![]);
}

#[test]
fn conflicting_instances_of_one_rule() {
    let engine = engine();
    let text = "La crue a fait 40 blessés.\n\nLe bilan officiel fait état de 75 blessés.";
    let findings = engine.check(&doc(text, Lang::Fr, AT));
    let conflicts: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == Kind::ClaimConflict)
        .collect();
    assert_eq!(conflicts.len(), 1, "{findings:?}");
    assert_eq!(conflicts[0].text, "75");
    assert_eq!(conflicts[0].labels.len(), 1);
    assert_eq!(
        conflicts[0].labels[0].span.start,
        text.find("40").unwrap_or(0)
    );
    // {when}s compare as start dates: "depuis 2003" and "for 22 years" agree.
    let agree = "Varenko dirige le pays depuis 2003. Varenko has led it for 22 years.";
    let found = claims(&engine, agree, Lang::En, AT);
    assert_eq!(found, vec![]);
}

#[test]
fn each_later_instance_conflicts_at_most_once() {
    let engine = engine();
    // 40 and 40 agree; 75 and 90 each contradict the first 40: two conflicts, not five.
    let text = "La crue a fait 40 blessés.\n\nUn témoin parle de 40 blessés.\n\n\
                Le bilan fait état de 75 blessés.\n\nLa presse parle de 90 blessés.";
    let findings = engine.check(&doc(text, Lang::Fr, AT));
    let conflicts: Vec<(&str, usize)> = findings
        .iter()
        .filter(|f| f.kind == Kind::ClaimConflict)
        .map(|f| (f.text.as_str(), f.labels[0].span.start))
        .collect();
    let first = text.find("40").unwrap_or(0);
    assert_eq!(conflicts, vec![("75", first), ("90", first)]);
}

#[test]
fn a_misspelt_name_does_not_hide_a_claim() {
    let engine = engine();
    // "Varenka" is a near-miss of "Varenko", "Varenco" a wrong form.
    for text in [
        "Varenka dirige la Valdorie depuis 2008.",
        "Varenco dirige la Valdorie depuis 2008.",
    ] {
        let found = claims(&engine, text, Lang::Fr, AT);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
    }
}

#[test]
fn patterns_tried_depend_on_the_anchors_present_not_on_the_rule_count() {
    let text = "La Valdorie a libéré 120 détenus depuis l'amnistie. Il pleut sur la ville.";
    let tried = |extra_rules: usize| {
        let mut source = PACK.to_owned();
        for i in 0..extra_rules {
            source.push_str(&format!(
                "\n[[claim]]\nid = \"extra-{i}\"\nabout = \"x\"\nquantity = {{ exact = 1 }}\npatterns.fr = [\"{{n}} motword{i} libéré\"]\n"
            ));
        }
        let pack = pack::load("valdoria.toml", &source).expect("loads");
        let engine = Engine::new(vec![pack]).expect("compiles");
        engine.analyse(&doc(text, Lang::Fr, AT)).patterns_tried
    };
    let base = tried(0);
    assert!(base >= 1);
    assert_eq!(tried(300), base);
}

#[test]
fn patterns_sharing_their_longest_word_are_tried_only_where_all_their_words_occur() {
    // "recensés" is each extra pattern's longest word: anchored on it alone, every
    // sentence with it would try all of them.
    let text = "La Valdorie a libéré 120 détenus. On a vu 40 mo7 recensés hier. Il pleut.";
    let analyse = |extra_rules: usize| {
        let mut source = PACK.to_owned();
        for i in 0..extra_rules {
            source.push_str(&format!(
                "\n[[claim]]\nid = \"extra-{i}\"\nabout = \"x\"\nquantity = {{ exact = 40 }}\npatterns.fr = [\"{{n}} mo{i} recensés\"]\n"
            ));
        }
        let pack = pack::load("valdoria.toml", &source).expect("loads");
        let engine = Engine::new(vec![pack]).expect("compiles");
        let analysis = engine.analyse(&doc(text, Lang::Fr, AT));
        let statements = analysis.statements.len();
        (analysis.patterns_tried, statements)
    };
    let (base, base_statements) = analyse(0);
    let (tried, statements) = analyse(300);
    // Only "{n} mo7 recensés" is tried on the sentence that has "recensés".
    assert_eq!(tried, base + 1);
    assert_eq!(statements, base_statements + 1);
}

#[test]
fn pattern_problems_point_at_the_pattern() {
    let bad = [
        ("patterns.fr = [\"{n} blessés {\"]", "never closed"),
        ("patterns.fr = [\"{xyz} blessés\"]", "unknown placeholder"),
        ("patterns.fr = [\"(a||b) {n}\"]", "empty alternative"),
        (
            "quantity = { exact = 3 }\npatterns.fr = [\"des blessés\"]",
            "no {n}",
        ),
        (
            "date = \"2020\"\npatterns.fr = [\"{n} blessés\"]",
            "use {date}",
        ),
    ];
    for (lines, expected) in bad {
        let source = format!(
            "format = 1\n[pack]\nid = \"p\"\n[[claim]]\nid = \"c\"\nabout = \"x\"\n{lines}\n"
        );
        let problems = pack::load("p.toml", &source).expect_err("invalid pattern");
        assert_eq!(problems.len(), 1, "{lines}: {problems:?}");
        assert!(
            problems[0].message.contains(expected),
            "{lines}: {}",
            problems[0].message
        );
        let pointed = &source[problems[0].span.clone()];
        assert!(
            pointed.starts_with('"') && lines.contains(pointed),
            "{pointed}"
        );
    }
}

#[test]
fn a_failing_example_is_a_problem_in_the_pack() {
    let source = format!(
        "{PACK}\n[[claim]]\nid = \"c\"\nabout = \"x\"\nquantity = {{ exact = 3 }}\npatterns.fr = [\"{{n}} chats\"]\nexamples.fail = [\"Il a 3 chats.\"]\n"
    );
    let pack = pack::load("valdoria.toml", &source).expect("loads");
    let engine = Engine::new(vec![pack]).expect("compiles");
    let problems = crate::workspace::selftest::problems(&engine, AT);
    assert_eq!(problems.findings.len(), 1);
    let span = &problems.findings[0].span;
    assert_eq!(&source[span.start..span.end], "\"Il a 3 chats.\"");
}

#[test]
fn regexes_name_the_expression() {
    let source = format!(
        "{PACK}\n[[claim]]\nid = \"c\"\nabout = \"cats\"\nquantity = {{ exact = 3 }}\nregex.fr = '(?<n>\\d+) chats'\n"
    );
    let pack = pack::load("valdoria.toml", &source).expect("loads");
    let engine = Engine::new(vec![pack]).expect("compiles");
    assert_eq!(claims(&engine, "Il a 3 chats.", Lang::Fr, AT), vec![]);
    let found = claims(&engine, "Il a 4 chats.", Lang::Fr, AT);
    assert_eq!(
        found,
        vec![(Kind::ClaimValue, "valdoria/c".into(), "4".into())]
    );
}

/// Regexes are tried only on sentences holding the literals they need; which are tried
/// never changes what is found, with `(?i)` and alternations too.
#[test]
fn regexes_with_literals_are_found_where_their_literals_are() {
    let source = format!(
        "{PACK}\n[[claim]]\nid = \"c\"\nabout = \"cats\"\nquantity = {{ exact = 3 }}\nregex.en = '(?<n>\\d+) cats were counted'\n\
         [[claim]]\nid = \"d\"\nabout = \"dogs\"\nquantity = {{ exact = 5 }}\nregex.en = '(?i)(?<n>\\d+) DOGS barked'\n\
         [[claim]]\nid = \"e\"\nabout = \"either\"\nquantity = {{ exact = 7 }}\nregex.en = '(?<n>\\d+) (owls|bats) flew'\n"
    );
    let pack = pack::load("valdoria.toml", &source).expect("loads");
    let engine = Engine::new(vec![pack]).expect("compiles");
    let text = "Then 4 cats were seen. Later 4 cats were counted. \
                Then 6 dogs Barked. Then 6 dogs howled. Then 8 owls flew. Then 8 bats flew.";
    let found = claims(&engine, text, Lang::En, AT);
    assert_eq!(
        found,
        vec![
            (Kind::ClaimValue, "valdoria/c".into(), "4".into()),
            (Kind::ClaimValue, "valdoria/d".into(), "6".into()),
            (Kind::ClaimValue, "valdoria/e".into(), "8".into()),
            (Kind::ClaimValue, "valdoria/e".into(), "8".into()),
        ]
    );
}

/// Rules for the misreadings real copy caused (issue 8), on a pack of their own.
const READINGS: &str = r#"format = 1
[pack]
id = "readings"

[[entity]]
id = "valdoria"
preferred = { fr = "Valdorie", en = "Valdoria" }

[[claim]]
id = "to-orlen"
about = "released prisoners taken to Orlen"
quantity = { exact = 114 }
patterns.en = ["{n} {...} Orlen"]

[[claim]]
id = "bused"
about = "released prisoners bused to Orlen"
quantity = { exact = 114 }
patterns.en = ["{n} {...} bused"]

[[claim]]
id = "population"
about = "the population of Valdoria"
quantity = { approx = 9000000, tolerance = 0.02 }
patterns.fr = ["compte {n} d'habitants"]
patterns.en = ["population of {n}"]

[[claim]]
id = "held"
about = "people still held"
quantity = { at_least = 1000, as_of = "2025-12-13" }
patterns.fr = ["{n} (prisonniers|détenus) & (toujours|restent)",
               "{n} de (prisonniers|détenus) & (toujours|restent)"]
patterns.en = ["{n} prisoners & (still|remain)"]

[[claim]]
id = "freed"
about = "prisoners freed since the amnesty"
quantity = { trend = "increasing", history = [{ as_of = "2025-06-01", at_least = 300 }, { as_of = "2025-01-01", at_least = 100 }] }
patterns.en = ["{n} prisoners & freed"]

[[claim]]
id = "ruler"
about = "Varenko has led Valdoria"
since = "2003-03-14"
patterns.fr = ["depuis {when} & (dirig*|au pouvoir) & {entity:varenko}"]
patterns.en = ["(since|for) {when} & (ruled|in power|in charge) & {entity:varenko}",
               "{when} rule & {entity:varenko}"]

[[entity]]
id = "varenko"
preferred = { fr = "Varenko", en = "Varenko" }
"#;

fn readings_engine() -> Engine {
    let pack = pack::load("readings.toml", READINGS).expect("the readings pack loads");
    Engine::new(vec![pack]).expect("the readings pack compiles")
}

/// (language, text, figure flagged or "" for no finding of any claim rule)
const FIGURE_READINGS: &[(Lang, &str, &str)] = &[
    // The figure nearest the cue words, not the leftmost.
    (
        Lang::En,
        "Nine of those released were taken to Lithuania, and 114 to Orlen.",
        "",
    ),
    (
        Lang::En,
        "Nine of those released were taken to Lithuania, and 104 to Orlen.",
        "104",
    ),
    // A year is no count.
    (
        Lang::En,
        "Kalesnikava, jailed in 2020, was among those bused to Orlen.",
        "",
    ),
    // Rounding: "neuf millions" stands for [8.5 M, 9.5 M].
    (
        Lang::Fr,
        "La Valdorie compte neuf millions d'habitants.",
        "",
    ),
    (Lang::Fr, "La Valdorie compte 9 millions d'habitants.", ""),
    (
        Lang::Fr,
        "La Valdorie compte 8,5 millions d'habitants.",
        "8,5 millions",
    ),
    (
        Lang::Fr,
        "La Valdorie compte 8 500 000 d'habitants.",
        "8 500 000",
    ),
    (Lang::En, "Valdoria has a population of nine million.", ""),
    (
        Lang::En,
        "Valdoria has a population of 12 million.",
        "12 million",
    ),
    // ʼ (U+02BC) is an apostrophe: "plus dʼun millier" is a figure.
    (
        Lang::Fr,
        "Plus dʼun millier de détenus restent en prison.",
        "",
    ),
    (
        Lang::Fr,
        "Près dʼune centaine de détenus restent en prison.",
        "Près dʼune centaine",
    ),
    // Two figures the cues could both serve, that disagree: unknown, no finding.
    (
        Lang::En,
        "Some 500 prisoners and 1,200 prisoners still wait.",
        "",
    ),
    // An age, a prison term, a percentage, money: no count.
    (Lang::Fr, "Un homme de 69 ans est toujours détenu.", ""),
    (
        Lang::En,
        "He was sentenced to 10 years and 12 prisoners remain jailed.",
        "12",
    ),
    // Order-free tenure: fronted, possessive, subject named earlier.
    (
        Lang::Fr,
        "Au pouvoir depuis plus de vingt ans, Varenko a parlé.",
        "",
    ),
    (
        Lang::Fr,
        "Au pouvoir depuis plus de trente ans, Varenko a parlé.",
        "plus de trente ans",
    ),
    (
        Lang::En,
        "It was a rare gesture in Varenko's 22-year rule.",
        "",
    ),
    (
        Lang::En,
        "It was a rare gesture in Varenko's 12-year rule.",
        "12-year",
    ),
    (
        Lang::En,
        "Varenko met the envoy. He has been in charge since 2003.",
        "",
    ),
    (
        Lang::En,
        "Varenko met the envoy. He has been in charge since 2013.",
        "2013",
    ),
    // No stand-in, or a new paragraph: the subject is not carried over.
    (
        Lang::En,
        "Varenko met the envoy. The bank has been in charge since 2013.",
        "",
    ),
    (
        Lang::En,
        "Varenko met the envoy.\n\nHe has been in charge since 2013.",
        "",
    ),
    // A cue across a comma belongs to another clause.
    (
        Lang::Fr,
        "Varenko, qui dirige le pays, a libéré Orsk, détenu depuis 2021.",
        "",
    ),
    (Lang::En, "Some 900 prisoners, he said, still wait.", ""),
    // ...but an aside between commas is no clause of its own.
    (
        Lang::Fr,
        "Quelque 900 prisonniers, dont plusieurs journalistes, restent détenus.",
        "Quelque 900",
    ),
    (
        Lang::Fr,
        "Environ 900 détenus, selon l'ONG, sont toujours en prison.",
        "Environ 900",
    ),
    (
        Lang::En,
        "About 900 prisoners, including a Nobel laureate, still wait.",
        "About 900",
    ),
    // An apposition between commas is about the name before it, not the entity
    // named elsewhere in the sentence.
    (
        Lang::Fr,
        "Orsk, au pouvoir depuis 2017, a critiqué Varenko.",
        "",
    ),
    (
        Lang::En,
        "Orsk, in power since 2017, criticised Varenko.",
        "",
    ),
    (
        Lang::En,
        "Varenko, in power since 2013, criticised Orsk.",
        "2013",
    ),
    (
        Lang::En,
        "Varenko, 71, in power since 2013, criticised Orsk.",
        "2013",
    ),
    (
        Lang::Fr,
        "Varenko, proche allié d'Orsk, dirige le pays depuis 2013.",
        "2013",
    ),
];

#[test]
fn the_figure_read_is_the_right_one_or_none() {
    let engine = readings_engine();
    for &(lang, text, figure) in FIGURE_READINGS {
        let found = claims(&engine, text, lang, AT);
        if figure.is_empty() {
            assert_eq!(found, vec![], "{text}");
        } else {
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].2, figure, "{text}");
        }
    }
}

#[test]
fn ambiguous_statements_are_recognised_but_unknown() {
    let engine = readings_engine();
    let analysis = engine.analyse(&doc(
        "Some 500 prisoners and 1,200 prisoners still wait.",
        Lang::En,
        AT,
    ));
    // Both readings are listed as recognised but unknown, and marked ambiguous, so that
    // neither is offered for cross-document comparison.
    assert_eq!(analysis.statements.len(), 2, "{:?}", analysis.statements);
    assert!(analysis
        .statements
        .iter()
        .all(|s| s.ambiguous && s.verdict == crate::checks::claims::Verdict::Unknown));
    assert!(analysis.findings.is_empty());
}

#[test]
fn trend_and_history_follow_the_document_date() {
    let engine = readings_engine();
    let held = "Some 600 prisoners still remain in jail.";
    // A stable count known at least 1,000 in December holds before too.
    assert_eq!(claims(&engine, held, Lang::En, date(2025, 6, 1)).len(), 1);
    let freed = "Valdoria has freed 150 prisoners.";
    // The latest entry at or before the date applies: at least 100 in March…
    assert_eq!(claims(&engine, freed, Lang::En, date(2025, 3, 1)), vec![]);
    // …at least 300 from June.
    assert_eq!(claims(&engine, freed, Lang::En, date(2025, 7, 1)).len(), 1);
    // Before the earliest entry, an increasing count says nothing of a lower bound.
    let few = "Valdoria has freed 50 prisoners.";
    assert_eq!(claims(&engine, few, Lang::En, date(2024, 6, 1)), vec![]);
    assert_eq!(claims(&engine, few, Lang::En, date(2025, 2, 1)).len(), 1);
}

#[test]
fn verdicts_say_what_was_checked() {
    use crate::checks::claims::{known_text, Verdict};
    let pack = pack::load("readings.toml", READINGS).expect("loads");
    let engine = Engine::new(vec![pack]).expect("compiles");
    let text = "Some 600 prisoners still remain in jail. Over 1,100 prisoners remain jailed. \
                Some 500 prisoners and 1,200 prisoners still wait.";
    let analysis = engine.analyse(&doc(text, Lang::En, AT));
    let verdicts: Vec<Verdict> = analysis.statements.iter().map(|s| s.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Contradicts,
            Verdict::Agrees,
            Verdict::Unknown,
            Verdict::Unknown
        ]
    );
    let claim_findings = analysis
        .findings
        .iter()
        .filter(|f| f.kind.as_str().starts_with("claim."))
        .count();
    assert_eq!(claim_findings, 1);
    let packs = engine.packs();
    let held = &packs[0].claims[3];
    assert_eq!(
        known_text(held, AT).as_deref(),
        Some("at least 1,000 as of 2025-12-13")
    );
    let freed = &packs[0].claims[4];
    assert_eq!(
        known_text(freed, date(2025, 3, 1)).as_deref(),
        Some("at least 100 as of 2025-01-01, increasing")
    );
    let ruler = &packs[0].claims[5];
    assert_eq!(
        known_text(ruler, AT).as_deref(),
        Some("since 2003-03-14, 22 years at 2025-12-13")
    );
}

#[test]
fn an_entity_cue_may_name_several_entities() {
    let source = format!(
        "{PACK}\n[[claim]]\nid = \"c\"\nabout = \"x\"\nsince = \"2003-03-14\"\npatterns.fr = [\"depuis {{when}} & dirig* & {{entity:ruler|valdoria}}\"]\n"
    );
    let pack = pack::load("valdoria.toml", &source).expect("loads");
    let engine = Engine::new(vec![pack]).expect("compiles");
    for text in [
        "La Valdorie est dirigée depuis 2013 par un seul homme.",
        "Varenko dirige le pays depuis 2013.",
    ] {
        let found: Vec<_> = claims(&engine, text, Lang::Fr, AT)
            .into_iter()
            .filter(|f| f.1 == "valdoria/c")
            .collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
    }
    let unknown = format!(
        "{PACK}\n[[claim]]\nid = \"c\"\nabout = \"x\"\npatterns.fr = [\"{{n}} x & {{entity:ruler|nowhere}}\"]\n"
    );
    let problems = pack::load("valdoria.toml", &unknown).expect_err("unknown entity");
    assert!(problems[0].message.contains("nowhere"), "{problems:?}");
}
