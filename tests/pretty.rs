//! The terminal output on paragraphs longer than the terminal is wide.

use claimlint::finding::Severity;
use claimlint::report::{self, OutputFormat, PrettyOptions};
use claimlint::Lang;

mod common;

fn pretty(text: &str, width: usize, min_severity: Severity) -> String {
    let engine = common::builtin_engine();
    let checked = common::check(&engine, "long.txt", text.as_bytes(), Some(Lang::Fr));
    let outcome = common::outcome_of(&mut [checked]);
    let options = PrettyOptions {
        color: false,
        width,
        summary: true,
        min_severity,
        show_claims: false,
    };
    report::render(&outcome, OutputFormat::Pretty, options)
}

fn paragraph() -> String {
    concat!(
        "Un long préambule ne dit rien de notable sur le sujet du jour et prend de la place. ",
        "Il se poursuit par une deuxième phrase tout aussi vide, écrite pour la longueur. ",
        "Le banquier Viktor Babaryka reste détenu depuis l’été dernier, et Babariko ne voit personne. ",
        "Suit une longue suite de propos sans intérêt particulier pour ce qui nous occupe. ",
        "Et une dernière phrase referme ce paragraphe interminable sans rien y ajouter."
    )
    .to_owned()
}

#[test]
fn a_label_near_the_span_on_a_long_line_shares_its_window() {
    let out = pretty(&paragraph(), 80, Severity::Info);
    // Source rows (line number, bar, text) fit the width.
    let source_rows = out
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains(" │ "));
    for line in source_rows {
        assert!(line.chars().count() <= 80, "{line}");
    }
    assert!(
        out.contains("╰── \"Babaryka\" is the spelling used most"),
        "{out}"
    );
    assert!(out.contains("╰── elsewhere \"Babaryka\""), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("…") && l.contains("Babaryka") && l.contains("Babariko")),
        "{out}"
    );
}

#[test]
fn findings_below_the_minimum_are_counted_not_shown() {
    let text = format!("{}\nLe port attend Mink.\n", paragraph());
    let out = pretty(&text, 100, Severity::Error);
    assert!(
        out.starts_with("long.txt: 1 error, 1 warning (not shown: 1 warning)\n"),
        "{out}"
    );
    assert!(out.contains("spelling.wrong"));
    assert!(!out.contains("spelling.inconsistent"));
    // The summary still counts everything.
    assert!(
        out.ends_with("1 file checked: 1 error, 1 warning, 0 info\n"),
        "{out}"
    );
}
