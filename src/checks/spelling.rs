//! The spelling checks of RULES.md: wrong forms, house style, inconsistent variants and
//! near-misses, from the mentions the name automaton found.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::checks::{Check, Context, Diagnostic, Sink};
use crate::document::Document;
use crate::finding::{Kind, RuleId, Severity};
use crate::grammar::{self, Agreed};
use crate::lang::Lang;
use crate::names::{Mention, Names, NearMiss};
use crate::pack::{Entity, FormRole, Pack};

/// The entities of every pack: wrong forms, house style, inconsistent variants and
/// near-misses.
pub struct Spelling;

impl Check for Spelling {
    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        check_into(
            cx.doc,
            &cx.packs.packs,
            &cx.packs.names,
            &cx.mentions,
            &cx.near,
            &mut |d| sink.report(d),
        );
    }
}

/// One mention of one entity.
struct Use<'a> {
    range: std::ops::Range<usize>,
    form: &'a str,
    role: FormRole,
    /// The known form whose agreement the words before it follow (the form itself, or
    /// for a near-miss the form it is nearest to).
    known: &'a str,
}

/// What a fix needs to keep French grammar: the entity's agreements, and the apostrophe
/// the document writes.
#[derive(Clone, Copy)]
struct Grammar<'a> {
    entity: &'a Entity,
    apostrophe: char,
}

/// The spelling findings of a document, each reported as it is made (the sink caps them
/// as they come: a document naming an entity a million times never holds a million
/// findings).
fn check_into(
    doc: &Document,
    packs: &[Pack],
    names: &Names,
    mentions: &[Mention],
    near: &[NearMiss],
    out: &mut dyn FnMut(Diagnostic),
) {
    let by_entity = uses_by_entity(names, mentions, near);
    let apostrophe = document_apostrophe(doc);
    for (&(p, e), uses) in &by_entity {
        entity_findings(doc, &packs[p], e, uses, apostrophe, out);
    }
    for n in near {
        if names_a_relative(doc, names, n) {
            continue;
        }
        out(near_miss_finding(doc, packs, names, n, apostrophe));
    }
}

/// Whether a near-miss is the other gender's form of the known surname it is near
/// ("Tikhanovsky" beside "Tikhanovskaya"): a husband, wife or sibling named in the same
/// story, not a misspelling (published copy, docs/REAL-COPY.md).
fn names_a_relative(doc: &Document, names: &Names, n: &NearMiss) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_owned);
    match (
        doc.text.get(n.range.clone()).and_then(last),
        last(&names.form(n.form).text),
    ) {
        (Some(written), Some(known)) => crate::checks::drift::gendered_pair(&written, &known),
        _ => false,
    }
}

/// Mentions grouped by entity (pack index, entity index), in document order.
fn uses_by_entity<'a>(
    names: &'a Names,
    mentions: &[Mention],
    near: &[NearMiss],
) -> BTreeMap<(usize, usize), Vec<Use<'a>>> {
    let mut by_entity: BTreeMap<(usize, usize), Vec<Use<'a>>> = BTreeMap::new();
    // Near-misses by start, with the furthest end reached so far: whether one holds a
    // mention is a binary search, not a pass over them all per mention.
    let mut spans: Vec<(usize, usize)> =
        near.iter().map(|n| (n.range.start, n.range.end)).collect();
    spans.sort_unstable();
    let mut reach = 0;
    for span in &mut spans {
        reach = reach.max(span.1);
        span.1 = reach;
    }
    for mention in mentions {
        // A known form inside a near-miss of a longer one ("Valdorenko" in "Alexander
        // Valdorenko") is reported as part of that near-miss.
        let before = spans.partition_point(|&(start, _)| start <= mention.range.start);
        if before > 0 && mention.range.end <= spans[before - 1].1 {
            continue;
        }
        // A form the pack marks as shared by several entities says nothing about which
        // one is meant: no house style or consistency to check.
        let first = names.form(mention.forms[0]);
        if mention.forms.iter().any(|&f| {
            let form = names.form(f);
            (form.pack, form.entity) != (first.pack, first.entity)
        }) {
            continue;
        }
        for &f in &mention.forms {
            let form = names.form(f);
            let uses = by_entity.entry((form.pack, form.entity)).or_default();
            // A form shared by two roles of one entity counts once.
            if uses.last().is_some_and(|u| u.range == mention.range) {
                continue;
            }
            uses.push(Use {
                range: mention.range.clone(),
                form: &form.text,
                role: form.role,
                known: &form.text,
            });
        }
    }
    by_entity
}

/// One look at the text: the apostrophe a fix writes when it adds one ("l'", "d'").
fn document_apostrophe(doc: &Document) -> char {
    if doc.text.contains('\u{2019}') {
        '\u{2019}'
    } else {
        '\''
    }
}

/// The wrong-spelling, house-style and inconsistency findings of one entity's uses.
fn entity_findings(
    doc: &Document,
    pack: &Pack,
    e: usize,
    uses: &[Use<'_>],
    apostrophe: char,
    out: &mut dyn FnMut(Diagnostic),
) {
    let lang = doc.lang;
    let entity = &pack.entities[e];
    let grammar = Grammar { entity, apostrophe };
    let rule = RuleId::new(&pack.id, &entity.id);
    let preferred = entity.preferred.get(&lang);
    let most_used = most_used(uses);
    for u in uses {
        let finding = if u.role == FormRole::Wrong {
            Some(wrong_form_finding(
                doc, grammar, u, &rule, preferred, most_used,
            ))
        } else if let Some(pref) = preferred {
            (u.form != pref).then(|| house_style_finding(doc, grammar, u, &rule, pref))
        } else {
            most_used.and_then(|(major, first)| {
                (u.form != major)
                    .then(|| inconsistent_finding(doc, grammar, u, &rule, major, first))
            })
        };
        if let Some(finding) = finding {
            out(finding);
        }
    }
}

/// A use of a form the pack marks wrong: fixed to the house style, else the accepted
/// form used most, else a fallback.
fn wrong_form_finding(
    doc: &Document,
    grammar: Grammar<'_>,
    u: &Use<'_>,
    rule: &RuleId,
    preferred: Option<&String>,
    most_used: Option<(&str, &std::ops::Range<usize>)>,
) -> Diagnostic {
    let lang = doc.lang;
    let entity = grammar.entity;
    let fix = preferred
        .map(String::as_str)
        .or(most_used.map(|(f, _)| f))
        .or_else(|| fallback_fix(entity, lang));
    let message = match fix {
        Some(fix) => format!(
            "\"{}\" is a wrong spelling of {}; write \"{fix}\"",
            u.form,
            entity.display_name(lang)
        ),
        None => format!(
            "\"{}\" is a wrong spelling of {}",
            u.form,
            entity.display_name(lang)
        ),
    };
    make(
        doc,
        grammar,
        u,
        rule,
        Kind::SpellingWrong,
        Severity::Error,
        message,
        fix,
        "wrong spelling".into(),
        None,
    )
}

/// A use of an accepted form other than the language's house style `pref`.
fn house_style_finding(
    doc: &Document,
    grammar: Grammar<'_>,
    u: &Use<'_>,
    rule: &RuleId,
    pref: &str,
) -> Diagnostic {
    let lang = doc.lang;
    let message = format!(
        "\"{}\" departs from the {} house style \"{pref}\"",
        u.form,
        lang.name()
    );
    let label = format!("{} style: \"{pref}\"", lang.name());
    make(
        doc,
        grammar,
        u,
        rule,
        Kind::SpellingStyle,
        Severity::Warning,
        message,
        Some(pref),
        label,
        None,
    )
}

/// A use of an accepted form other than `major`, the one the document uses most (first
/// at `first`).
fn inconsistent_finding(
    doc: &Document,
    grammar: Grammar<'_>,
    u: &Use<'_>,
    rule: &RuleId,
    major: &str,
    first: &std::ops::Range<usize>,
) -> Diagnostic {
    let message = format!(
        "\"{}\" is spelt \"{major}\" elsewhere in this document",
        u.form
    );
    let label = (
        first.clone(),
        format!("\"{major}\" is the spelling used most"),
    );
    make(
        doc,
        grammar,
        u,
        rule,
        Kind::SpellingInconsistent,
        Severity::Warning,
        message,
        Some(major),
        format!("elsewhere \"{major}\""),
        Some(label),
    )
}

/// The finding for one near-miss of a known form.
fn near_miss_finding(
    doc: &Document,
    packs: &[Pack],
    names: &Names,
    n: &NearMiss,
    apostrophe: char,
) -> Diagnostic {
    let form = names.form(n.form);
    let pack = &packs[form.pack];
    let entity = &pack.entities[form.entity];
    let rule = RuleId::new(&pack.id, &entity.id);
    // Suggest the nearest form; but where the document's language has a house style
    // (of as many words), suggest that, so the fix does not itself depart from it; and
    // never suggest a wrong form.
    let same_words = |p: &String| p.split_whitespace().count() == form.words();
    let suggestion = match entity.preferred.get(&doc.lang).filter(|p| same_words(p)) {
        Some(pref) => pref.as_str(),
        None if form.role == FormRole::Wrong => {
            fallback_fix(entity, doc.lang).unwrap_or(&form.text)
        }
        None => form.text.as_str(),
    };
    let written = &doc.text[n.range.clone()];
    let u = Use {
        range: n.range.clone(),
        form: written,
        role: FormRole::Variant,
        known: &form.text,
    };
    let grammar = Grammar { entity, apostrophe };
    // The message names the form the text is nearest to; the fix may be the house
    // style of that name instead.
    let nearest = if form.role == FormRole::Wrong {
        suggestion
    } else {
        form.text.as_str()
    };
    let message = format!("\"{written}\" looks like a misspelling of \"{nearest}\"");
    let label = if suggestion == nearest {
        format!("did you mean \"{suggestion}\"? ({rule})")
    } else {
        format!("did you mean \"{nearest}\"? house style: \"{suggestion}\" ({rule})")
    };
    make(
        doc,
        grammar,
        &u,
        &rule,
        Kind::SpellingNearMiss,
        Severity::Warning,
        message,
        Some(suggestion),
        label,
        None,
    )
}

/// The accepted form the document uses most (ties: the first used), with its first use.
fn most_used<'a>(uses: &'a [Use<'a>]) -> Option<(&'a str, &'a std::ops::Range<usize>)> {
    let mut counts: Vec<(&str, usize, &std::ops::Range<usize>)> = Vec::new();
    for u in uses.iter().filter(|u| u.role != FormRole::Wrong) {
        match counts.iter_mut().find(|(f, _, _)| *f == u.form) {
            Some(entry) => entry.1 += 1,
            None => counts.push((u.form, 1, &u.range)),
        }
    }
    let max = counts.iter().map(|c| c.1).max()?;
    counts
        .into_iter()
        .find(|c| c.1 == max)
        .map(|(f, _, r)| (f, r))
}

/// A fix when the document neither has a house style nor uses an accepted form: the
/// first variant, else another language's house style.
fn fallback_fix(entity: &crate::pack::Entity, lang: Lang) -> Option<&str> {
    entity
        .preferred
        .get(&lang)
        .or_else(|| entity.variants.first())
        .or_else(|| entity.preferred.values().next())
        .map(String::as_str)
}

#[allow(clippy::too_many_arguments)]
fn make(
    doc: &Document,
    grammar: Grammar<'_>,
    u: &Use<'_>,
    rule: &RuleId,
    kind: Kind,
    severity: Severity,
    message: String,
    fix: Option<&str>,
    label: String,
    secondary: Option<(std::ops::Range<usize>, String)>,
) -> Diagnostic {
    let mut range = u.range.clone();
    let mut replacement = fix.map(str::to_owned);
    let mut help = fix.map(|f| format!("replace with \"{f}\" (claimlint check --fix)"));
    if let (Some(to), Lang::Fr) = (fix, doc.lang) {
        let entity = grammar.entity;
        let agreed = grammar::agree(
            &doc.text,
            u.range.clone(),
            entity.agreement_of(u.known),
            to,
            entity.agreement_of(to),
            grammar.apostrophe,
        );
        match agreed {
            Agreed::Name => {}
            Agreed::Phrase {
                range: phrase,
                replacement: words,
            } => {
                let written = &doc.text[phrase.clone()];
                // The fix rewrites the original bytes: only where they read as the text
                // checked (no markup or entity inside the phrase; NFD is fine).
                let source: String = doc.source_text(&doc.span(phrase.clone())).nfc().collect();
                if source == written {
                    help = Some(format!(
                        "replace \"{written}\" with \"{words}\" (claimlint check --fix)"
                    ));
                    range = phrase;
                    replacement = Some(words);
                } else {
                    help = Some(format!("write \"{words}\" instead of \"{written}\""));
                    replacement = None;
                }
            }
            Agreed::Unsure { help: why } => {
                help = Some(why);
                replacement = None;
            }
        }
    }
    let mut diagnostic = Diagnostic::new(rule.clone(), kind, range, message)
        .with_severity(severity)
        .with_label(label);
    diagnostic.fix = replacement;
    diagnostic.help = help;
    diagnostic.related.extend(secondary);
    diagnostic
}

#[cfg(test)]
mod vectors {
    use super::Spelling;
    use crate::checks::tester::Tester;
    use crate::Lang;

    const PACK: &str = r#"format = 1
[pack]
id = "t"
[[entity]]
id = "capital"
preferred = { fr = "Varsovie", en = "Warsaw" }
wrong = ["Varsovia"]
[[entity]]
id = "leader"
variants = ["Kowalsky", "Kowalski"]
"#;

    #[test]
    fn pass_fail_and_fix() {
        Tester::with_pack(&Spelling, Lang::Fr, PACK)
            .pass(&[
                "Le sommet a lieu à Varsovie.",
                "Kowalski parle. Kowalski se tait.",
            ])
            .fail(&["À Varsovia, le sommet.", "À Warsaw.", "À Varsovle."])
            .fix(&[
                ("À Varsovia puis à Warsaw.", "À Varsovie puis à Varsovie."),
                ("À Varsovle.", "À Varsovie."),
                (
                    "Kowalski parle, Kowalski aussi, puis Kowalsky.",
                    "Kowalski parle, Kowalski aussi, puis Kowalski.",
                ),
            ]);
    }
}
