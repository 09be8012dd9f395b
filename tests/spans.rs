//! Property tests: whatever the encoding, normalisation, line ends or format, every span
//! slices the original bytes to exactly the text the finding names, and the same names
//! are found.

use std::sync::Arc;

use claimlint::finding::Finding;
use claimlint::Engine;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

mod common;

fn engine() -> Arc<Engine> {
    common::builtin_engine()
}

fn check(engine: &Arc<Engine>, name: &str, bytes: &[u8]) -> Vec<Finding> {
    common::check(engine, name, bytes, Some(claimlint::Lang::Fr)).findings
}

const PIECES: &[&str] = &[
    "Minsk",
    "Mink",
    "Bélarus",
    "Biélorussie",
    "Loukachenko",
    "Lukashenko",
    "Lukachenko",
    "Alexandre Loukachenko",
    "Aliaksandr Lukashenko",
    "Belaruskalij",
    "Lituanie",
    "Klaipėda",
    "le",
    "président",
    "été",
    "à",
    "ça",
    "œuvre",
    "a dit",
    "«\u{a0}oui\u{a0}»",
    "n°",
    "Été",
    ",",
    ".",
    ";",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\u{a0}",
    "l'",
    "d’",
    "É",
    "x",
    "Pinsk",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..40).prop_map(|parts| {
        let mut s = String::new();
        for p in parts {
            s.push_str(p);
            s.push(' ');
        }
        s
    })
}

/// The spelling findings as (kind, rule, NFC text), for comparing variants of one article.
fn names(findings: &[Finding]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .filter(|f| f.kind.as_str().starts_with("spelling."))
        .map(|f| {
            (
                f.kind.to_string(),
                f.rule.to_string(),
                f.text.nfc().collect::<String>().replace("\r\n", "\n"),
            )
        })
        .collect()
}

fn assert_utf8_spans(bytes: &[u8], findings: &[Finding]) {
    for f in findings {
        let slice =
            std::str::from_utf8(&bytes[f.span.start..f.span.end]).expect("span on char boundaries");
        assert_eq!(slice, f.text, "{f:?}");
    }
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn spans_slice_the_original_bytes(text in article()) {
        let engine = engine();
        let plain = check(&engine, "a.txt", text.as_bytes());
        assert_utf8_spans(text.as_bytes(), &plain);
        let expected = names(&plain);

        let nfd: String = text.nfd().collect();
        let found = check(&engine, "a.txt", nfd.as_bytes());
        assert_utf8_spans(nfd.as_bytes(), &found);
        prop_assert_eq!(names(&found), expected.clone());

        let bom = format!("\u{FEFF}{text}");
        let found = check(&engine, "a.txt", bom.as_bytes());
        assert_utf8_spans(bom.as_bytes(), &found);
        prop_assert_eq!(names(&found), expected.clone());

        let crlf = text.replace('\n', "\r\n");
        let found = check(&engine, "a.txt", crlf.as_bytes());
        assert_utf8_spans(crlf.as_bytes(), &found);
        prop_assert_eq!(names(&found), expected.clone());

        for little in [true, false] {
            let bytes = utf16(&text, little);
            let found = check(&engine, "a.txt", &bytes);
            for f in &found {
                prop_assert_eq!((f.span.end - f.span.start) % 2, 0);
                let units: Vec<u16> = bytes[f.span.start..f.span.end]
                    .chunks(2)
                    .map(|c| if little { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
                    .collect();
                prop_assert_eq!(String::from_utf16(&units).expect("whole units"), f.text.clone());
            }
            prop_assert_eq!(names(&found), expected.clone());
        }
    }

    #[test]
    fn html_and_markdown_spans_name_the_source(text in article()) {
        let engine = engine();
        let escaped = text.replace('é', "&eacute;").replace('\n', "<br>\n");
        let html = format!("<html lang=\"fr\"><body><p>{escaped}</p></body></html>");
        for f in check(&engine, "a.html", html.as_bytes()) {
            let slice = &html[f.span.start..f.span.end];
            prop_assert_eq!(slice, f.text.as_str());
            if f.kind.as_str().starts_with("spelling.") {
                // A name's span holds whole references, never a piece of one.
                prop_assert!(!slice.replace("&eacute;", "é").contains('&'), "{}", slice);
            }
        }
        let md = format!("# Titre\n\n*{}*\n\n`Mink` et Mink.\n", text.trim());
        for f in check(&engine, "a.md", md.as_bytes()) {
            prop_assert_eq!(&md[f.span.start..f.span.end], f.text.as_str());
        }
    }
}

/// Markup around and inside the words of an article: tags, comments, hidden elements,
/// references, CRLF line ends.
const HTML_MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<div class=\"a > b\">",
    "</div>",
    "<!-- Mink -->",
    "<script>if (a < b) { s = \"</p>Mink\"; }</script>",
    "<style>p > b {}</style>",
    "<svg><text>Mink</text></svg>",
    "&amp;",
    "&nbsp;",
    "&laquo ",
    "&#233;",
    "&ldquo ;",
    "&amp;ldquo;",
    "< ",
    "\r\n",
    "",
];

fn random_html() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(HTML_MARKUP),
        ),
        1..40,
    )
    .prop_map(|parts| {
        let mut s = String::from("<html lang=\"fr\"><body>");
        for (text, markup) in parts {
            s.push_str(&text.replace('é', "&eacute;"));
            s.push_str(markup);
            s.push(' ');
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Random HTML: every finding's span slices the file, on char boundaries, to the text
    /// it names.
    #[test]
    fn random_html_spans_name_the_source(html in random_html()) {
        let engine = engine();
        for f in check(&engine, "a.html", html.as_bytes()) {
            prop_assert!(html.is_char_boundary(f.span.start) && html.is_char_boundary(f.span.end));
            prop_assert_eq!(&html[f.span.start..f.span.end], f.text.as_str());
        }
    }
}

/// `hygiene/markup` on HTML: what is left as markup in the text a browser shows (an
/// entity broken by a space, one escaped twice, an escaped tag) is reported at the bytes
/// written; what a browser decodes (`&laquo` without `;`) is not.
#[test]
fn markup_debris_in_html_is_reported_where_it_is_written() {
    let engine = engine();
    let html = "<html lang=\"en\"><body>\r\n<p>Belta&ldquo ; said &amp;ldquo;yes&amp;rdquo; \
                &laquo oui&raquo; &lt;br&gt; here.</p></body></html>\n";
    let found: Vec<(String, String)> = check(&engine, "a.html", html.as_bytes())
        .into_iter()
        .filter(|f| f.kind.as_str() == "hygiene.markup")
        .map(|f| {
            assert_eq!(&html[f.span.start..f.span.end], f.text, "{f:?}");
            (f.text, f.message)
        })
        .collect();
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["&ldquo ;", "&amp;ldquo;", "&amp;rdquo;", "&lt;br&gt;"]
    );
    assert!(
        found[1]
            .1
            .starts_with("double-escaped HTML entity \"&amp;ldquo;\""),
        "{found:?}"
    );
}

#[test]
fn latin1_is_an_encoding_error_not_a_panic() {
    let engine = engine();
    let found = check(&engine, "a.txt", b"Le B\xe9larus");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind.as_str(), "input.encoding");
    assert_eq!(found[0].span.start, 4);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary input in every format: no panic, and every span lies in the file on
    /// char boundaries of its UTF-8 text.
    #[test]
    fn arbitrary_input_never_panics(
        text in "(\\PC|[«»„“”\"'’&;<>!?:.,\u{a0}\u{202f}\n ]|&[a-z]{2,6} ?;|<[a-z/]{1,4}>|Mink|Loukachenko|depuis|plus de|\\{|[0-9 ]{1,6})*",
        ext in prop::sample::select(vec!["txt", "md", "html"]),
    ) {
        let engine = engine();
        let name = format!("a.{ext}");
        for f in check(&engine, &name, text.as_bytes()) {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            prop_assert_eq!(&text[f.span.start..f.span.end], f.text.as_str());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let engine = engine();
        for f in check(&engine, "a.txt", &bytes) {
            prop_assert!(f.span.end <= bytes.len());
        }
    }
}

/// On a line of megabytes, the terminal output shows a window around each span.
#[test]
fn pretty_output_on_a_very_long_line_shows_a_window() {
    use claimlint::report::{render, OutputFormat, PrettyOptions};
    let engine = engine();
    let line = "le président a dit que les relations sont bonnes ".repeat(20_000);
    let text = format!("{line}Mink {line}Mink {line}");
    let outcome =
        common::outcome_of(&mut [common::check(&engine, "long.txt", text.as_bytes(), None)]);
    assert_eq!(outcome.findings.len(), 2);
    let pretty = render(
        &outcome,
        OutputFormat::Pretty,
        PrettyOptions {
            color: false,
            width: 100,
            summary: false,
            min_severity: claimlint::finding::Severity::Info,
            show_claims: false,
        },
    );
    assert!(pretty.len() < 4_000, "{} bytes", pretty.len());
    assert_eq!(pretty.matches("── wrong spelling").count(), 2);
    assert!(pretty.contains(&format!("long.txt:1:{}", line.chars().count() + 1)));
}

/// Zero-width characters and soft hyphens a CMS leaves inside words.
const INVISIBLES: &[char] = &['\u{200B}', '\u{AD}', '\u{200D}', '\u{2060}'];

/// `text` with invisible characters inserted between two letters, at the positions
/// `picks` choose among those.
fn with_invisibles(text: &str, picks: &[(usize, usize)]) -> String {
    let inside: Vec<usize> = text
        .char_indices()
        .zip(text.chars().skip(1))
        .filter(|((_, a), b)| a.is_alphabetic() && b.is_alphabetic())
        .map(|((at, a), _)| at + a.len_utf8())
        .collect();
    if inside.is_empty() {
        return text.to_owned();
    }
    let mut at: Vec<(usize, char)> = picks
        .iter()
        .map(|&(p, c)| (inside[p % inside.len()], INVISIBLES[c % INVISIBLES.len()]))
        .collect();
    at.sort();
    let mut out = text.to_owned();
    for &(pos, c) in at.iter().rev() {
        out.insert(pos, c);
    }
    out
}

fn without_invisibles(text: &str) -> String {
    text.chars().filter(|c| !INVISIBLES.contains(c)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Invisible characters inside words hide no name: the same spelling findings, their
    /// spans slicing the original bytes (the invisible characters inside), and each
    /// invisible character reported by `hygiene/invisible`.
    #[test]
    fn names_are_read_through_invisible_characters(
        text in article(),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 1..6),
    ) {
        let engine = engine();
        let expected = names(&check(&engine, "a.txt", text.as_bytes()));
        let hidden = with_invisibles(&text, &picks);
        for (is_utf8, bytes) in [(true, hidden.clone().into_bytes()), (false, utf16(&hidden, true))] {
            let found = check(&engine, "a.txt", &bytes);
            if is_utf8 {
                assert_utf8_spans(&bytes, &found);
            }
            let seen: Vec<(String, String, String)> = names(&found)
                .into_iter()
                .map(|(k, r, t)| (k, r, without_invisibles(&t)))
                .collect();
            prop_assert_eq!(seen, expected.clone());
            if hidden != text {
                prop_assert!(found.iter().any(|f| f.kind.as_str() == "hygiene.invisible"));
            }
        }
        let plain = check(&engine, "a.txt", hidden.as_bytes());
        for (at, c) in hidden.char_indices().filter(|(_, c)| INVISIBLES.contains(c)) {
            prop_assert!(
                plain.iter().any(|f| f.kind.as_str() == "hygiene.invisible"
                    && f.span.start <= at && at + c.len_utf8() <= f.span.end),
                "U+{:04X} at {} unreported", c as u32, at
            );
        }
    }
}

/// What a spelling finding says about a name with an invisible character inside: its text
/// is the original span (invisible character included), its fix replaces the whole span,
/// and `--fix` leaves the name clean (the covering spelling fix wins over the removal).
#[test]
fn a_spelling_fix_replaces_the_span_with_its_invisible_character() {
    let engine = engine();
    let text = "Lukash\u{AD}enko est à Mi\u{200B}nk.\n";
    let found = check(&engine, "a.txt", text.as_bytes());
    assert_utf8_spans(text.as_bytes(), &found);
    let summary: Vec<(&str, &str, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.kind.as_str(),
                f.text.as_str(),
                f.fix.as_ref().map(|x| x.replacement.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("spelling.style", "Lukash\u{AD}enko", Some("Loukachenko")),
            ("hygiene.invisible", "\u{AD}", Some("")),
            ("spelling.wrong", "Mi\u{200B}nk", Some("Minsk")),
            ("hygiene.invisible", "\u{200B}", Some("")),
        ]
    );
    let plan = claimlint::workspace::fix::plan(&found);
    let fixed = claimlint::workspace::fix::fixed_bytes(text.as_bytes(), &plan).expect("fixable");
    assert_eq!(
        String::from_utf8(fixed).expect("UTF-8"),
        "Loukachenko est à Minsk.\n"
    );
}

/// A claim about an entity whose name hides a soft hyphen is still checked.
#[test]
fn a_claim_through_a_soft_hyphen_is_checked() {
    let engine = engine();
    let text = "M. Lou\u{AD}kachenko dirige le pays depuis plus de quarante ans.\n";
    let found = check(&engine, "a.txt", text.as_bytes());
    assert_utf8_spans(text.as_bytes(), &found);
    let kinds: Vec<&str> = found.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, ["hygiene.invisible", "claim.since"]);
}
