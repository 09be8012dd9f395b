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
                let decoded = htmlize::unescape(slice);
                prop_assert!(!decoded.contains('&'), "{}", slice);
            }
        }
        let md = format!("# Titre\n\n*{}*\n\n`Mink` et Mink.\n", text.trim());
        for f in check(&engine, "a.md", md.as_bytes()) {
            prop_assert_eq!(&md[f.span.start..f.span.end], f.text.as_str());
        }
    }
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
