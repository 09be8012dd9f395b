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

#[test]
fn wrong_claims_have_exactly_one_finding() {
    let engine = engine();
    let since = Kind::ClaimSince;
    let cases = [
        (
            Lang::Fr,
            "Varenko dirige la Valdorie depuis 2008.",
            since,
            "2008",
        ),
        (
            Lang::Fr,
            "Varenko dirige ce pays depuis plus de quarante ans.",
            since,
            "plus de quarante ans",
        ),
        (
            Lang::Fr,
            "Varenco, qui gouverne depuis 12 ans, a parlé.",
            since,
            "12 ans",
        ),
        (
            Lang::En,
            "Varenko has ruled Valdoria since 2010.",
            since,
            "2010",
        ),
        (
            Lang::En,
            "Varenko has led the country for more than three decades.",
            since,
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
    for (lang, text, kind, expr) in cases {
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
