//! A harness for the tests beside each check (oxc's `Tester`, ruff's fix loop): texts that
//! must pass, texts that must fail, and fixes applied until the check has nothing left to
//! fix, compared with the expected text.

use crate::checks::{Check, Context, Diagnostic, Sink};
use crate::compiled::CompiledPacks;
use crate::document::Document;
use crate::pack;
use crate::Lang;

/// Most rounds of fixing before a check is said not to converge.
const MAX_ROUNDS: usize = 10;

pub struct Tester {
    check: &'static dyn Check,
    lang: Lang,
    packs: CompiledPacks,
}

impl Tester {
    /// A check tested with no pack (the built-in checks).
    pub fn new(check: &'static dyn Check, lang: Lang) -> Tester {
        Tester {
            check,
            lang,
            packs: CompiledPacks::empty(),
        }
    }

    /// A check tested against one pack, given as TOML.
    pub fn with_pack(check: &'static dyn Check, lang: Lang, toml: &str) -> Tester {
        let pack = pack::load("test.toml", toml).expect("the test pack loads");
        let packs = CompiledPacks::new(vec![pack]).expect("the test pack compiles");
        Tester { check, lang, packs }
    }

    /// What the check reports on `text`, as a plain-text document dated 2025-12-13.
    pub fn run(&self, text: &str) -> Vec<Diagnostic> {
        let doc = Document::from_text("test.txt", text, self.lang, jiff::civil::date(2025, 12, 13));
        let cx = Context::new(&doc, &self.packs);
        let mut sink = Sink::default();
        self.check.run(&cx, &mut sink);
        for d in &sink.diagnostics {
            if let Some(rule) = self.check.builtin() {
                assert_eq!((d.rule.as_str(), d.kind), (rule.id, rule.kind), "{d:?}");
            }
            assert!(
                text.get(d.range.clone()).is_some() && !d.range.is_empty(),
                "bad span {:?} in {text:?}",
                d.range
            );
        }
        sink.diagnostics
    }

    /// Each text gives no diagnostic.
    pub fn pass(self, texts: &[&str]) -> Tester {
        for text in texts {
            let found = self.run(text);
            assert!(
                found.is_empty(),
                "expected no finding in {text:?}, got {found:#?}"
            );
        }
        self
    }

    /// Each text gives at least one diagnostic.
    pub fn fail(self, texts: &[&str]) -> Tester {
        for text in texts {
            assert!(!self.run(text).is_empty(), "expected a finding in {text:?}");
        }
        self
    }

    /// Applying the fixes, round after round until none is left, turns each text into the
    /// expected one, and the result gives no fixable diagnostic.
    pub fn fix(self, cases: &[(&str, &str)]) -> Tester {
        for (text, expected) in cases {
            let mut current = (*text).to_owned();
            let mut rounds = 0;
            loop {
                let found = self.run(&current);
                let Some(next) = apply_fixes(&current, &found) else {
                    break;
                };
                rounds += 1;
                assert!(
                    rounds <= MAX_ROUNDS,
                    "fixes of {text:?} do not converge: {current:?}"
                );
                current = next;
            }
            assert_eq!(&current, expected, "fixing {text:?}");
        }
        self
    }
}

/// The text with every fix applied (the first of overlapping ones), or `None` when there
/// is no fix.
fn apply_fixes(text: &str, found: &[Diagnostic]) -> Option<String> {
    let mut edits: Vec<_> = found
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d.range.clone(), f.as_str())))
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}
