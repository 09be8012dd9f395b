use std::ops::Range;

use proptest::prelude::*;

use crate::checks::{Context, Diagnostic, Sink, CHECKS};
use crate::compiled::CompiledPacks;
use crate::document::Document;
use crate::finding::Kind;
use crate::sentence::sentences;
use crate::Lang;

/// Runs every registered hygiene check over `text` with the given blocks, as the engine
/// does, in text order.
fn check(
    text: &str,
    lang: Lang,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<Diagnostic> {
    let doc = Document::from_text("t.txt", text, lang, jiff::civil::date(2025, 12, 13));
    let packs = CompiledPacks::empty();
    let cx = Context::with_blocks(&doc, &packs, paragraphs.to_vec(), sentences.to_vec());
    let mut sink = Sink::default();
    for check in CHECKS
        .iter()
        .filter(|c| c.builtin().is_some_and(|r| r.id.starts_with("hygiene/")))
    {
        check.run(&cx, &mut sink);
    }
    let mut found = sink.diagnostics;
    found.sort_by(|a, b| {
        (a.range.start, a.kind, a.range.end).cmp(&(b.range.start, b.kind, b.range.end))
    });
    // Overlapping caller paragraphs would report one thing twice.
    found.dedup();
    found
}

/// Paragraphs as a txt/md caller computes them: blocks separated by a blank line.
fn paragraphs_of(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        if start < at {
            out.push(start..at);
        }
        start = at + 2;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn run(text: &str, lang: Lang) -> Vec<Diagnostic> {
    let paragraphs = paragraphs_of(text);
    let sentences: Vec<Range<usize>> = paragraphs
        .iter()
        .flat_map(|p| sentences(text, p.clone(), lang))
        .collect();
    check(text, lang, &paragraphs, &sentences)
}

/// (span text, fix) of the findings of one check.
fn of(text: &str, lang: Lang, which: Kind) -> Vec<(&str, Option<String>)> {
    run(text, lang)
        .into_iter()
        .filter(|f| f.kind == which)
        .map(|f| (&text[f.range], f.fix))
        .collect()
}

fn spans(text: &str, lang: Lang, which: Kind) -> Vec<&str> {
    of(text, lang, which).into_iter().map(|(s, _)| s).collect()
}

fn fixed(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// Correctly typeset French: « » with U+00A0 inside, U+202F before ; ! ?,
/// U+00A0 before :, apostrophes, decimals, abbreviations, times and URLs.
const CLEAN_FR: &str = "Le ministre a qualifié les discussions de «\u{a0}très productives\u{a0}», \
selon l’agence officielle. M.\u{a0}Durand a ajouté\u{a0}: «\u{a0}Nous levons les sanctions\u{202F}; \
nous libérons des prisonniers.\u{a0}» Vraiment\u{202F}? Oui\u{202F}!\n\
La croissance atteint 9,5\u{a0}% et 1.200 personnes restent détenues, etc., \
a-t-il précisé à 14:30 sur https://example.org/page?id=3.\n\n\
Mme\u{a0}Ionescu a cité un mot anglais, «\u{a0}le “deal” du siècle\u{a0}», puis s’est tue. \
Il a dit \"non\" deux fois. Quoi\u{202F}?! Rien. Oui. Oui.";

const CLEAN_EN: &str = "The minister called the talks “very productive,” the state agency said. \
Mr. Durand added: “We are lifting sanctions; we are freeing prisoners.” Really? Yes!\n\
Growth reached 9.5 percent, and 1,200 people remain detained, e.g. in Minsk, \
he said at 14:30 on https://example.org/page?id=3.\n\n\
Valdoria's envoy quoted the students' letter, ‘a real deal,’ and said \"no\" twice. \
What?! Nothing. Yes. Yes.";

#[test]
fn clean_french_produces_nothing() {
    assert_eq!(run(CLEAN_FR, Lang::Fr), Vec::new());
}

#[test]
fn clean_english_produces_nothing() {
    assert_eq!(run(CLEAN_EN, Lang::En), Vec::new());
}

// ---- duplicate-sentence ----

#[test]
fn duplicate_exact_repeat_is_reported_with_the_earlier_one() {
    let text = "Le gouvernement a annoncé une réforme. Il l’a fait lundi. Le gouvernement a annoncé une réforme.";
    let found = run(text, Lang::Fr);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.kind, Kind::HygieneDuplicate);
    assert_eq!(
        &text[f.range.clone()],
        "Le gouvernement a annoncé une réforme."
    );
    assert!(f.range.start > 40);
    assert_eq!(f.message, "sentence repeats an earlier one: remove it");
    assert_eq!(f.fix, None);
    let (related, label) = f.related.first().cloned().unwrap_or((0..0, String::new()));
    assert_eq!(related, 0..text.find(" Il").unwrap_or(0));
    assert_eq!(label, "first written here");
}

#[test]
fn duplicate_folds_accents_quotes_case_space_and_terminal_mark() {
    let text = "Les États-Unis veulent lever les «\u{a0}sanctions\u{a0}». \
                Rien d’autre. LES  Etats-Unis veulent lever les \"sanctions\"\u{202F}!";
    assert_eq!(
        spans(text, Lang::Fr, Kind::HygieneDuplicate),
        ["LES  Etats-Unis veulent lever les \"sanctions\"\u{202F}!"]
    );
    let en = "The minister resigned on Monday. Then silence. The Minister resigned on Monday!";
    assert_eq!(
        spans(en, Lang::En, Kind::HygieneDuplicate),
        ["The Minister resigned on Monday!"]
    );
}

#[test]
fn duplicate_across_paragraphs() {
    let text = "Le port reste fermé aux engrais.\n\nLe port reste fermé aux engrais.";
    assert_eq!(spans(text, Lang::Fr, Kind::HygieneDuplicate).len(), 1);
}

#[test]
fn duplicate_leftover_fragment() {
    let text = "La décision peut concerner la Pologne, qui a fermé sa frontière en 2021. \
                Elle est attendue. La décision peut concerner la Pologne.";
    let found: Vec<Diagnostic> = run(text, Lang::Fr)
        .into_iter()
        .filter(|f| f.kind == Kind::HygieneDuplicate)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].range.clone()],
        "La décision peut concerner la Pologne."
    );
    assert_eq!(
        found[0].message,
        "leftover fragment of an earlier sentence: remove it"
    );
    assert_eq!(found[0].related.first().map(|r| r.0.start), Some(0));
    let en = "The ruling may affect Poland, which closed its border in 2021. The ruling may affect Poland.";
    assert_eq!(
        spans(en, Lang::En, Kind::HygieneDuplicate),
        ["The ruling may affect Poland."]
    );
}

#[test]
fn duplicate_leaves_alone_what_is_not_a_repeat() {
    let cases = [
        // Short repeats: "Oui." twice is normal in an interview.
        "Oui. Non. Oui. Non, merci. Non, merci.",
        // A fragment of fewer than four words.
        "Il a refusé, dit-on, hier. Il a refusé.",
        // Not on a word boundary.
        "Les sanctions visent les banques russes. Les sanctions visent les ban.",
        // The shorter sentence comes first: the longer one is not a leftover.
        "La décision peut concerner la Pologne. La décision peut concerner la Pologne, qui a fermé sa frontière.",
        // Same words, different ending.
        "Le port de Klaipėda reste fermé. Le port de Klaipėda reste ouvert.",
    ];
    for text in cases {
        assert_eq!(
            spans(text, Lang::Fr, Kind::HygieneDuplicate),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn duplicate_three_word_repeat_is_reported() {
    let text = "Il a refusé. Puis non. Il a refusé.";
    assert_eq!(
        spans(text, Lang::Fr, Kind::HygieneDuplicate),
        ["Il a refusé."]
    );
}

#[test]
fn duplicate_points_at_the_first_of_several() {
    let text = "Ils ont libéré des prisonniers. Ils ont libéré des prisonniers. Ils ont libéré des prisonniers.";
    let found = run(text, Lang::Fr);
    assert_eq!(found.len(), 2);
    assert!(found
        .iter()
        .all(|f| f.related.first().map(|r| r.0.start) == Some(0)));
}

// ---- markup ----

#[test]
fn markup_entities_are_reported_with_their_character() {
    let text =
        "Il dit &amp; répète &ldquo;oui&rdquo; et&nbsp;non, &#8220;x&#x201C; &#146; &Eacute;tat.";
    assert_eq!(
        of(text, Lang::Fr, Kind::HygieneMarkup),
        [
            ("&amp;", fixed("&")),
            ("&ldquo;", fixed("“")),
            ("&rdquo;", fixed("”")),
            ("&nbsp;", fixed("\u{A0}")),
            ("&#8220;", fixed("“")),
            ("&#x201C;", fixed("“")),
            ("&#146;", fixed("’")),
            ("&Eacute;", fixed("É")),
        ]
    );
    let found = run(text, Lang::Fr);
    assert!(found
        .iter()
        .any(|f| f.message == "HTML entity \"&amp;\" left in text: write &"));
    assert!(found.iter().any(
        |f| f.message == "HTML entity \"&nbsp;\" left in text: write a no-break space (U+00A0)"
    ));
}

#[test]
fn markup_broken_entities() {
    let text = "selon Belta&ldquo ;, puis &rdquo\u{a0}; et &hellip suite &#8220 ; fin &laquo";
    assert_eq!(
        of(text, Lang::Fr, Kind::HygieneMarkup),
        [
            ("&ldquo ;", fixed("“")),
            ("&rdquo\u{a0};", fixed("”")),
            ("&hellip", fixed("…")),
            ("&#8220 ;", fixed("“")),
            ("&laquo", fixed("«")),
        ]
    );
    let found = run("Belta&ldquo ;.", Lang::Fr);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message, "broken HTML entity \"&ldquo ;\": write “");
}

#[test]
fn markup_double_escaped_entities() {
    let text = "Il a dit &amp;ldquo;oui&amp;rdquo; et &amp;amp;#8220;";
    assert_eq!(
        of(text, Lang::En, Kind::HygieneMarkup),
        [
            ("&amp;ldquo;", fixed("“")),
            ("&amp;rdquo;", fixed("”")),
            ("&amp;amp;#8220;", fixed("“")),
        ]
    );
}

#[test]
fn markup_tags() {
    let text =
        "Un<br>deux<br/>trois<br />quatre</p> <em>cinq</em> <a href=\"https://x.org\">six</a> \
                <P>sept <!-- note --> huit <img src=x.png/>";
    assert_eq!(
        spans(text, Lang::Fr, Kind::HygieneMarkup),
        [
            "<br>",
            "<br/>",
            "<br />",
            "</p>",
            "<em>",
            "</em>",
            "<a href=\"https://x.org\">",
            "</a>",
            "<P>",
            "<!-- note -->",
            "<img src=x.png/>",
        ]
    );
    let found = run("Fin<br>", Lang::En);
    assert_eq!(
        found[0].message,
        "HTML tag \"<br>\" left in text: remove it"
    );
    assert_eq!(found[0].fix, None);
}

#[test]
fn markup_leaves_prose_alone() {
    let cases = [
        "If a < b and b > c, then a < c.",
        "We <3 Minsk.",
        "AT&T and R&D and Q&A and B&B.",
        "See https://x.org/?a=1&copy=2&lang=fr for more.",
        "Le nombre <brother> et x <a and b> puis <p",
        "Il est &unknown; et &ldquox puis & seul et &#; et &#xZZ;",
        "Fin <",
        "Fin &",
    ];
    for text in cases {
        assert_eq!(
            spans(text, Lang::En, Kind::HygieneMarkup),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn markup_numeric_reference_to_nothing() {
    let found = run("Un &#0; deux", Lang::En);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].fix, None);
    assert_eq!(
        found[0].message,
        "HTML entity \"&#0;\" left in text stands for no character: remove it"
    );
}

// ---- quotes ----

#[test]
fn quotes_german_low_quote_in_french() {
    let text = "selon l’agence „Belta“, hier.";
    let found: Vec<Diagnostic> = run(text, Lang::Fr)
        .into_iter()
        .filter(|f| f.kind == Kind::HygieneQuotes)
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(&text[found[0].range.clone()], "„");
    assert_eq!(found[0].fix, fixed("«\u{A0}"));
    assert_eq!(
        found[0].message,
        "„ is a German/Lithuanian quotation mark; French uses « »"
    );
    assert_eq!(&text[found[1].range.clone()], "“");
    assert_eq!(found[1].fix, fixed("\u{A0}»"));
    assert_eq!(
        found[1].related.first().map(|r| r.0.clone()),
        Some(found[0].range.clone())
    );
    // Touching words get their spaces too; ” closes „ as well.
    assert_eq!(
        of("par„Belta”a dit", Lang::Fr, Kind::HygieneQuotes),
        [("„", fixed(" «\u{A0}")), ("”", fixed("\u{A0}» "))]
    );
}

#[test]
fn quotes_low_quote_closed_by_an_entity_is_unclosed() {
    let text = "cité par „Belta&ldquo ;.";
    let found: Vec<Diagnostic> = run(text, Lang::Fr)
        .into_iter()
        .filter(|f| f.kind == Kind::HygieneQuotes)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].range.clone()], "„");
    assert_eq!(
        found[0].message,
        "„ is a German/Lithuanian quotation mark; French uses « »; it is also not closed in this paragraph"
    );
    assert_eq!(found[0].fix, fixed("«\u{A0}"));
}

#[test]
fn quotes_english_pairs_in_french() {
    let text = "Il a parlé de “petits pas”.";
    let found: Vec<Diagnostic> = run(text, Lang::Fr)
        .into_iter()
        .filter(|f| f.kind == Kind::HygieneQuotes)
        .collect();
    assert_eq!(found.len(), 2);
    assert!(found
        .iter()
        .all(|f| f.fix.is_none() && f.label == "foreign quotation mark"));
    assert_eq!(
        found[0].message,
        "“ is an English quotation mark; French uses « » (“ ” only inside « »)"
    );
    // ‹ › at top level too; inside « » both are fine.
    assert_eq!(
        spans("Un ‹ mot › ici.", Lang::Fr, Kind::HygieneQuotes),
        ["‹", "›"]
    );
    let nested = "«\u{a0}Il a dit ‹\u{a0}non\u{a0}› et “oui”\u{a0}»";
    assert_eq!(
        spans(nested, Lang::Fr, Kind::HygieneQuotes),
        Vec::<&str>::new()
    );
}

#[test]
fn quotes_unbalanced_in_french() {
    assert_eq!(
        of(
            "«\u{a0}Nous levons les sanctions, a-t-il dit.",
            Lang::Fr,
            Kind::HygieneQuotes
        ),
        [("«", None)]
    );
    let found = run("Il a dit\u{a0}: non\u{a0}».", Lang::Fr);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "closing quotation mark » closes no open quotation in this paragraph"
    );
    assert_eq!(found[0].label, "unmatched quotation mark");
    let found = run("Il a parlé de \"petits pas, puis rien.", Lang::Fr);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "quotation mark \" is not closed in this paragraph"
    );
    // „ is closed only by “ or ”, not by ".
    assert_eq!(
        spans(
            "„Nous levons les sanctions\", a-t-il dit.",
            Lang::Fr,
            Kind::HygieneQuotes
        ),
        ["„", "\""]
    );
    // An inner quote left open when the outer one closes.
    assert_eq!(
        spans(
            "«\u{a0}Il a dit \"oui\u{a0}» puis.",
            Lang::Fr,
            Kind::HygieneQuotes
        ),
        ["\""]
    );
}

#[test]
fn quotes_do_not_cross_paragraphs() {
    let text = "«\u{a0}Nous levons les sanctions.\n\nNous restons en contact.\u{a0}»";
    assert_eq!(spans(text, Lang::Fr, Kind::HygieneQuotes), ["«", "»"]);
}

#[test]
fn quotes_foreign_in_english() {
    assert_eq!(
        of("The agency «Belta» said.", Lang::En, Kind::HygieneQuotes),
        [("«", None), ("»", None)]
    );
    assert_eq!(
        of("The agency „Belta“ said.", Lang::En, Kind::HygieneQuotes),
        [("„", fixed("“")), ("“", fixed("”"))]
    );
    assert_eq!(
        of("The agency „Belta” said.", Lang::En, Kind::HygieneQuotes),
        [("„", fixed("“"))]
    );
    assert_eq!(
        of("The agency ‹Belta› said.", Lang::En, Kind::HygieneQuotes),
        [("‹", None), ("›", None)]
    );
}

#[test]
fn quotes_unbalanced_in_english() {
    assert_eq!(
        spans(
            "He said “we are lifting sanctions.",
            Lang::En,
            Kind::HygieneQuotes
        ),
        ["“"]
    );
    assert_eq!(
        spans("He said \"yes\" and \"no.", Lang::En, Kind::HygieneQuotes),
        ["\""]
    );
    assert_eq!(
        spans("He said yes.” Then left.", Lang::En, Kind::HygieneQuotes),
        ["”"]
    );
}

#[test]
fn quotes_ignore_apostrophes_and_single_quotes() {
    let cases = [
        "Valdoria's envoy met the students' union at l’agence and said ‘maybe’.",
        "C’est l'agence d’État qui l’a dit, ‘peut-être’.",
        "'Tis the season, rock 'n' roll.",
    ];
    for text in cases {
        assert_eq!(
            spans(text, Lang::En, Kind::HygieneQuotes),
            Vec::<&str>::new(),
            "{text}"
        );
        assert_eq!(
            spans(text, Lang::Fr, Kind::HygieneQuotes),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

// ---- punctuation ----

#[test]
fn punctuation_artefacts() {
    assert_eq!(
        of(
            "citant l’envoyé John Coale' ;.",
            Lang::Fr,
            Kind::HygienePunctuation
        ),
        [("' ;", fixed(""))]
    );
    assert_eq!(
        of("citant Coale’\u{a0};.", Lang::Fr, Kind::HygienePunctuation),
        [("’\u{a0};", fixed(""))]
    );
    assert_eq!(
        of("Oui,, non.", Lang::Fr, Kind::HygienePunctuation),
        [(",,", fixed(","))]
    );
    assert_eq!(
        of("Yes,,, no.", Lang::En, Kind::HygienePunctuation),
        [(",,,", fixed(","))]
    );
    assert_eq!(
        of("Il est parti ;.", Lang::Fr, Kind::HygienePunctuation),
        [(" ;.", fixed("."))]
    );
    assert_eq!(
        of("He left;.", Lang::En, Kind::HygienePunctuation),
        [(";.", fixed("."))]
    );
    assert_eq!(
        of("Il est parti., puis", Lang::Fr, Kind::HygienePunctuation),
        [(".,", None)]
    );
    assert_eq!(
        of("Il est parti , puis", Lang::Fr, Kind::HygienePunctuation),
        [(" ,", fixed(","))]
    );
    assert_eq!(
        of("He left , then", Lang::En, Kind::HygienePunctuation),
        [(" ,", fixed(","))]
    );
    assert_eq!(
        of("Il est parti.. Puis", Lang::Fr, Kind::HygienePunctuation),
        [("..", None)]
    );
    let found = run("Coale' ;.", Lang::Fr);
    assert_eq!(
        found[0].message,
        "stray \"' ;\" (machine-translation debris): remove it"
    );
}

#[test]
fn punctuation_artefacts_spare_abbreviations_and_ellipses() {
    let fr = "Des fruits, etc., et des légumes... Puis… rien, cf., p. ex., rien.";
    assert_eq!(
        spans(fr, Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
    let en = "Fruit, e.g., apples, the U.S., Mr., and so on... Fine.";
    assert_eq!(
        spans(en, Lang::En, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
    // English possessive plural before a semicolon is only a spacing matter.
    assert_eq!(
        of("the students' ; next", Lang::En, Kind::HygienePunctuation),
        [(" ;", fixed(";"))]
    );
}

#[test]
fn punctuation_doubled_spaces() {
    assert_eq!(
        of("le  pays", Lang::Fr, Kind::HygienePunctuation),
        [("  ", fixed(" "))]
    );
    assert_eq!(
        of("the   country", Lang::En, Kind::HygienePunctuation),
        [("   ", fixed(" "))]
    );
    assert_eq!(
        of("le \u{a0}pays", Lang::Fr, Kind::HygienePunctuation),
        [(" \u{a0}", fixed("\u{a0}"))]
    );
    // Indentation and trailing spaces before a line break are not doubled spaces.
    assert_eq!(
        spans("Le pays.  \n  Le port.", Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
    assert_eq!(
        spans("  Le pays.  ", Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
}

#[test]
fn punctuation_french_spacing_before_marks() {
    assert_eq!(
        of(
            "Il a dit: non; puis oui! Pourquoi? Car.",
            Lang::Fr,
            Kind::HygienePunctuation
        ),
        [
            (":", fixed("\u{a0}:")),
            (";", fixed("\u{202F};")),
            ("!", fixed("\u{202F}!")),
            ("?", fixed("\u{202F}?")),
        ]
    );
    assert_eq!(
        of(
            "Il a dit : non ; puis oui ! Pourquoi  ?",
            Lang::Fr,
            Kind::HygienePunctuation
        ),
        [
            (" :", fixed("\u{a0}:")),
            (" ;", fixed("\u{202F};")),
            (" !", fixed("\u{202F}!")),
            ("  ?", fixed("\u{202F}?")),
        ]
    );
    let found = run("Il a dit ; non.", Lang::Fr);
    assert_eq!(
        found[0].message,
        "French needs a no-break space (U+00A0 or U+202F) before \";\""
    );
    // Either no-break space is right, before any of the marks.
    let both = "Un\u{a0}; deux\u{202F}: trois\u{a0}! quatre\u{202F}?";
    assert_eq!(
        spans(both, Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
    // Only the first mark of a run needs the space.
    assert_eq!(
        of("Quoi ?!", Lang::Fr, Kind::HygienePunctuation),
        [(" ?", fixed("\u{202F}?"))]
    );
}

#[test]
fn punctuation_french_spacing_exceptions() {
    let cases = [
        "Rendez-vous à 14:30 sur https://example.org/a?b=1, ratio a:b.",
        "Bravo\u{202F}!!! Quoi\u{202F}?! Et…\u{202F}? (?) «\u{a0}?\u{a0}»",
        "Content :) ou ;) ou ;-) voilà.",
        "Le site Yahoo!Finance et x!=y.",
        "? Au début\u{202F}!",
    ];
    for text in cases {
        assert_eq!(
            spans(text, Lang::Fr, Kind::HygienePunctuation),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn punctuation_french_guillemet_spacing() {
    assert_eq!(
        of("Il a dit «oui» hier.", Lang::Fr, Kind::HygienePunctuation),
        [("«", fixed("«\u{a0}")), ("»", fixed("\u{a0}»"))]
    );
    assert_eq!(
        of("Il a dit « oui » hier.", Lang::Fr, Kind::HygienePunctuation),
        [("« ", fixed("«\u{a0}")), (" »", fixed("\u{a0}»"))]
    );
    let fine = "Il a dit «\u{a0}oui\u{a0}» et «\u{202F}non\u{202F}».";
    assert_eq!(
        spans(fine, Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
}

#[test]
fn punctuation_english_spacing() {
    assert_eq!(
        of(
            "Why ? Note : this ; that ! And\u{a0}?",
            Lang::En,
            Kind::HygienePunctuation
        ),
        [
            (" ?", fixed("?")),
            (" :", fixed(":")),
            (" ;", fixed(";")),
            (" !", fixed("!")),
            ("\u{a0}?", fixed("?")),
        ]
    );
    let found = run("Why ?", Lang::En);
    assert_eq!(
        found[0].message,
        "English puts no space before \"?\": remove it"
    );
    let fine = "He said: yes; no! Why? At 14:30, :) ;) ok.\n? At a line start.";
    assert_eq!(
        spans(fine, Lang::En, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
}

#[test]
fn punctuation_leaves_entities_to_markup() {
    // The " ;" of a broken entity is not also a spacing or semicolon artefact.
    let text = "Belta&ldquo ;. Puis &rdquo ; fin.";
    assert_eq!(
        spans(text, Lang::Fr, Kind::HygienePunctuation),
        Vec::<&str>::new()
    );
    assert_eq!(
        spans(text, Lang::Fr, Kind::HygieneMarkup),
        ["&ldquo ;", "&rdquo ;"]
    );
}

// ---- a damaged machine translation, and the API's guarantees ----

/// An invented news paragraph, machine-translated into French and damaged the
/// way such copy is: repeated sentences (one without its accents), a leftover
/// fragment, German quotes around an entity, a stray `' ;`.
const DAMAGED_FR: &str = "Le Valdoria va rouvrir le port de Klaipėda aux céréales d'Ostrava. \
C'est ce qu'a annoncé mardi l'agence d'État „Agence&ldquo ;, citant le ministre Petr Novák' ;. \
Le Valdoria va rouvrir le port de Klaipeda aux cereales d'Ostrava. \
Cette mesure peut inquiéter la Pologne, qui a fermé sa frontière au transit le 3 mars 2023. \
Cette mesure peut inquiéter la Pologne. \
Le ministre a qualifié les discussions de \"très constructives\",, selon „Agence&ldquo ;.";

#[test]
fn damaged_machine_translation_is_caught() {
    let text = DAMAGED_FR;
    let found = run(text, Lang::Fr);
    let got: Vec<(Kind, &str, Option<String>)> = found
        .iter()
        .map(|f| (f.kind, &text[f.range.clone()], f.fix.clone()))
        .collect();
    let expect = [
        (Kind::HygieneQuotes, "„", fixed("«\u{a0}")),
        (Kind::HygieneMarkup, "&ldquo ;", fixed("“")),
        (Kind::HygienePunctuation, "' ;", fixed("")),
        (
            Kind::HygieneDuplicate,
            "Le Valdoria va rouvrir le port de Klaipeda aux cereales d'Ostrava.",
            None,
        ),
        (
            Kind::HygieneDuplicate,
            "Cette mesure peut inquiéter la Pologne.",
            None,
        ),
        (Kind::HygienePunctuation, ",,", fixed(",")),
        (Kind::HygieneQuotes, "„", fixed("«\u{a0}")),
        (Kind::HygieneMarkup, "&ldquo ;", fixed("“")),
    ];
    assert_eq!(got, expect);
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert!(messages.contains(&"sentence repeats an earlier one: remove it"));
    assert!(messages.contains(&"leftover fragment of an earlier sentence: remove it"));
    assert!(messages.contains(&"broken HTML entity \"&ldquo ;\": write “"));
}

#[test]
fn bad_caller_ranges_do_not_panic() {
    let text = "Étés  « oui ».";
    let found = check(
        text,
        Lang::Fr,
        &[1..3, 0..1000, Range { start: 9, end: 2 }],
        &[0..1000, 1..2, Range { start: 5, end: 3 }],
    );
    for f in &found {
        assert!(text.get(f.range.clone()).is_some());
    }
    let whole = Range { start: 0, end: 10 };
    assert!(check(
        "",
        Lang::En,
        std::slice::from_ref(&whole),
        std::slice::from_ref(&whole)
    )
    .is_empty());
}

/// Text made of the characters the checks care about.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "É", "é", "x", "Le", "M", "1", "9", " ", "  ", "\u{a0}", "\u{202F}", "\n", "\n\n",
        ".", "...", "…", "!", "?", ";", ":", ",", "«", "»", "“", "”", "„", "\"", "'", "’", "‹",
        "›", "(", ")", "&", "&ldquo", "&amp;", "#", "x201C", ";", "<", ">", "/", "br", "p", "=",
        "\u{FFFC}", "-", "Mr", "etc", "U.S", "🙂",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str, lang: Lang) {
    let paragraphs = paragraphs_of(text);
    let sentences: Vec<Range<usize>> = paragraphs
        .iter()
        .flat_map(|p| sentences(text, p.clone(), lang))
        .collect();
    let found = check(text, lang, &paragraphs, &sentences);
    for f in &found {
        assert!(f.range.start < f.range.end, "empty span {f:?}");
        assert!(text.get(f.range.clone()).is_some(), "bad span {f:?}");
        for (r, _) in &f.related {
            assert!(text.get(r.clone()).is_some(), "bad related span {f:?}");
        }
        assert!(!f.message.is_empty() && !f.label.is_empty());
    }
    assert!(found
        .windows(2)
        .all(|w| (w[0].range.start, w[0].kind) <= (w[1].range.start, w[1].kind)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_valid_on_tricky_text(text in tricky_text()) {
        check_invariants(&text, Lang::Fr);
        check_invariants(&text, Lang::En);
    }

    #[test]
    fn spans_are_valid_on_any_text(text in any::<String>()) {
        check_invariants(&text, Lang::Fr);
        check_invariants(&text, Lang::En);
    }

    #[test]
    fn any_ranges_never_panic(
        text in tricky_text(),
        paragraphs in prop::collection::vec((0usize..200, 0usize..200), 0..4),
        sentences in prop::collection::vec((0usize..200, 0usize..200), 0..6),
    ) {
        let paragraphs: Vec<Range<usize>> = paragraphs.into_iter().map(|(a, b)| a..b).collect();
        let sentences: Vec<Range<usize>> = sentences.into_iter().map(|(a, b)| a..b).collect();
        for lang in [Lang::Fr, Lang::En] {
            for f in check(&text, lang, &paragraphs, &sentences) {
                prop_assert!(text.get(f.range.clone()).is_some());
                prop_assert!(f.range.start < f.range.end);
            }
        }
    }
}

#[test]
fn large_and_pathological_documents_stay_fast() {
    // Every check is meant to be linear; a quadratic one would take minutes here.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "Le port numéro {i} reste fermé aux engrais de la région. "
        ));
    }
    text.push_str("\n\n");
    text.push_str(&"<a x «‹ „ &aaaa ".repeat(20_000));
    text.push_str("\n\n");
    text.push_str(&" ;".repeat(20_000));
    let started = std::time::Instant::now();
    let found = run(&text, Lang::Fr);
    assert!(!found.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}
