//! `--fix` and `--diff`: the replacements of `spelling.*` findings, applied to the very
//! bytes that were checked.
//!
//! A fix is only offered where its span is plain text ([`vet`]); overlapping fixes are
//! resolved into one edit per span ([`plan`]); a file is rewritten only if, under an
//! advisory lock, it still holds the bytes that were checked, and through
//! [`super::write::replace`] (random temporary file, rename, links followed and kept).

use std::fs::{File, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{self, Read, Seek};
use std::ops::Range;
use std::path::Path;

use super::check::{check_bytes, Checked, Policy};
use super::inputs::Input;
use super::write::{self, FileId};
use crate::document::{DocOptions, Document};
use crate::engine::Engine;
use crate::finding::{Finding, Kind, RuleId, Severity};

/// Characters of markup syntax: a span holding one is never rewritten, whatever the format.
const MARKUP: &[char] = &['<', '>', '*', '[', ']', '`'];

/// A digest of the checked bytes, to tell whether a file still holds them.
pub fn digest(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Keeps the first input naming each file: a file given twice, or reached through a
/// symlink as well as by its own name, is checked (and fixed) once.
pub fn dedup_inputs(inputs: &mut Vec<Input>) {
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| match input {
        Input::File { path, .. } => seen.insert(FileId::of_path(path)),
        Input::Stdin { .. } => true,
    });
}

/// Withdraws the fix of every finding whose span is not plain text (a tag, a comment, an
/// entity, emphasis or link syntax inside it): replacing such a span would destroy the
/// markup. The help says what to write by hand instead.
pub fn vet(doc: &Document, findings: &mut [Finding]) {
    for f in findings.iter_mut().filter(|f| f.kind.autofix()) {
        let Some(fix) = &f.fix else { continue };
        let plain = doc
            .source()
            .get(f.span.source.clone())
            .is_some_and(|s| !s.contains(MARKUP))
            && doc.is_verbatim(f.span.source.clone());
        if plain {
            continue;
        }
        f.help = Some(format!(
            "edit by hand to read \"{}\": the passage holds markup (a tag, comment, entity, \
             emphasis or link), which --fix never rewrites",
            fix.replacement
        ));
        f.fix = None;
    }
}

/// One replacement: `source` is its range in the decoded text, `bytes` in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub source: Range<usize>,
    pub bytes: Range<usize>,
    pub line: usize,
    pub old: String,
    pub new: String,
}

/// The edits of one document: at most one per span, none overlapping. `conflicts` are
/// fixes that overlap without one covering the others (or two different fixes of one
/// span): none of them is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub edits: Vec<Edit>,
    pub conflicts: Vec<Edit>,
}

/// The edits the fixable findings ask for. Overlapping fixes become one edit: the fix of
/// the span covering all the others (a full name over its surname) wins; when none covers
/// the rest, or one span gets two different fixes, the group is left alone.
pub fn plan(findings: &[Finding]) -> Plan {
    let mut edits: Vec<Edit> = findings
        .iter()
        .filter(|f| f.kind.autofix())
        .filter_map(|f| {
            let fix = f.fix.as_ref()?;
            Some(Edit {
                source: f.span.source.clone(),
                bytes: f.span.start..f.span.end,
                line: f.span.line,
                old: f.text.clone(),
                new: fix.replacement.clone(),
            })
        })
        .filter(|e| e.old != e.new)
        .collect();
    edits.sort_by(|a, b| {
        (a.source.start, std::cmp::Reverse(a.source.end), &a.new).cmp(&(
            b.source.start,
            std::cmp::Reverse(b.source.end),
            &b.new,
        ))
    });
    edits.dedup_by(|b, a| a.source == b.source && a.new == b.new);
    let mut plan = Plan::default();
    let mut group: Vec<Edit> = Vec::new();
    let mut group_end = 0;
    for edit in edits {
        let overlaps = group.last().is_some()
            && (edit.source.start < group_end
                || (edit.source.is_empty() && edit.source.start == group_end));
        if !overlaps {
            settle(&mut plan, std::mem::take(&mut group));
            group_end = edit.source.end;
        }
        group_end = group_end.max(edit.source.end);
        group.push(edit);
    }
    settle(&mut plan, group);
    plan
}

fn settle(plan: &mut Plan, mut group: Vec<Edit>) {
    if group.is_empty() {
        return;
    }
    let end = group.iter().map(|e| e.source.end).max().unwrap_or(0);
    // Sorted by start, longest first: a covering edit is the first.
    let covers =
        group[0].source.end == end && !group[1..].iter().any(|e| e.source == group[0].source);
    if covers {
        group.truncate(1);
        plan.edits.append(&mut group);
    } else {
        plan.conflicts.append(&mut group);
    }
}

/// `original` with each `(range, replacement)` spliced in; ranges sorted, disjoint.
pub fn splice(original: &[u8], edits: &[(Range<usize>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(original.len());
    let mut at = 0;
    for (range, replacement) in edits {
        out.extend_from_slice(&original[at..range.start]);
        out.extend_from_slice(replacement);
        at = range.end;
    }
    out.extend_from_slice(&original[at..]);
    out
}

/// The text of a checked document with the plan's edits made (for `--diff`).
pub fn fixed_text(source: &str, plan: &Plan) -> Option<String> {
    let edits: Vec<(Range<usize>, Vec<u8>)> = plan
        .edits
        .iter()
        .map(|e| (e.source.clone(), e.new.clone().into_bytes()))
        .collect();
    let sound = plan
        .edits
        .iter()
        .all(|e| source.get(e.source.clone()) == Some(&e.old));
    sound
        .then(|| String::from_utf8(splice(source.as_bytes(), &edits)).ok())
        .flatten()
}

/// How text is written in a file: UTF-16 files (by their BOM) keep UTF-16.
fn encoder(original: &[u8]) -> fn(&str) -> Vec<u8> {
    match original {
        [0xFF, 0xFE, ..] => |s| s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        [0xFE, 0xFF, ..] => |s| s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => |s| s.as_bytes().to_vec(),
    }
}

/// The file's bytes with the plan's edits made, each checked to replace exactly the text
/// its finding names; `None` when one does not (the file is then left alone).
pub fn fixed_bytes(original: &[u8], plan: &Plan) -> Option<Vec<u8>> {
    let encode = encoder(original);
    let mut edits = Vec::with_capacity(plan.edits.len());
    for e in &plan.edits {
        if original.get(e.bytes.clone())? != encode(&e.old).as_slice() {
            return None;
        }
        edits.push((e.bytes.clone(), encode(&e.new)));
    }
    Some(splice(original, &edits))
}

/// A change `--fix` made (or `--diff` shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    pub line: usize,
    pub old: String,
    pub new: String,
}

/// What `--fix` did to one input.
#[derive(Default)]
pub struct Applied {
    /// The changes written.
    pub changes: Vec<Change>,
    /// Overlapping fixes left alone.
    pub conflicts: Vec<Change>,
    /// Why nothing was written (`input.changed`, `input.unwritable`), as findings.
    pub problems: Vec<Finding>,
    /// The check of the written file.
    pub rechecked: Option<Checked>,
}

/// Test seams of [`apply_with`].
#[derive(Default)]
pub struct Hooks<'a> {
    /// Runs once the new bytes are synced, just before the file is checked a last time
    /// and replaced: a test edits the file here to play a concurrent editor.
    pub before_commit: Option<&'a dyn Fn(&Path)>,
}

/// Applies the fixes of one checked input.
pub fn apply(
    input: &Input,
    checked: &Checked,
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Applied {
    apply_with(input, checked, engine, opts, policy, &Hooks::default())
}

/// [`apply`], with test seams.
pub fn apply_with(
    input: &Input,
    checked: &Checked,
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
    hooks: &Hooks<'_>,
) -> Applied {
    let mut applied = Applied::default();
    let plan = plan(&checked.findings);
    let display = input.display();
    let change = |e: &Edit| Change {
        path: display.to_owned(),
        line: e.line,
        old: e.old.clone(),
        new: e.new.clone(),
    };
    let path = match input {
        Input::File { path, .. } => path,
        Input::Stdin { .. } => {
            applied.problems.push(problem(
                display,
                Kind::InputUnwritable,
                "--fix rewrites files in place and cannot rewrite standard input; nothing was \
                 fixed (--diff shows the fixes)"
                    .to_owned(),
            ));
            return applied;
        }
    };
    applied.conflicts = plan.conflicts.iter().map(change).collect();
    if plan.edits.is_empty() {
        return applied;
    }
    let Some(checked_digest) = checked.digest else {
        return applied;
    };
    match rewrite(path, checked_digest, &plan, hooks) {
        Ok(fixed) => {
            applied.changes = plan.edits.iter().map(change).collect();
            let mut rechecked = check_bytes(display, &fixed, engine, opts, policy);
            rechecked.digest = Some(digest(&fixed));
            applied.rechecked = Some(rechecked);
        }
        Err(Refusal::Changed) => applied.problems.push(problem(
            display,
            Kind::InputChanged,
            format!("{display} changed on disk after it was checked; not fixed (run again)"),
        )),
        Err(Refusal::Io(err)) => applied.problems.push(problem(
            display,
            Kind::InputUnwritable,
            format!("cannot write fixes to {display}: {err}; not fixed"),
        )),
    }
    applied
}

fn problem(display: &str, kind: Kind, message: String) -> Finding {
    Finding::about_file(display, RuleId::new("input", "fix"), kind, message)
        .with_severity(Severity::Error)
}

enum Refusal {
    Changed,
    Io(io::Error),
}

impl From<io::Error> for Refusal {
    fn from(err: io::Error) -> Refusal {
        Refusal::Io(err)
    }
}

/// Rewrites `path` with the plan's edits if, under an exclusive advisory lock, it still
/// holds the checked bytes, and still does just before the rename.
fn rewrite(path: &Path, checked: u64, plan: &Plan, hooks: &Hooks<'_>) -> Result<Vec<u8>, Refusal> {
    let target = write::resolve(path)?;
    let (mut file, meta) = lock_current(&target)?;
    let original = read_all(&mut file)?;
    if digest(&original) != checked {
        return Err(Refusal::Changed);
    }
    let Some(fixed) = fixed_bytes(&original, plan) else {
        return Err(Refusal::Changed);
    };
    let mut changed = false;
    let result = write::replace(&target, &fixed, Some(&meta), &mut || {
        if let Some(hook) = hooks.before_commit {
            hook(&target);
        }
        let same_file = std::fs::metadata(&target)
            .is_ok_and(|now| FileId::of(&target, &now) == FileId::of(&target, &meta));
        if !same_file || digest(&read_all(&mut file)?) != checked {
            changed = true;
            return Err(io::Error::other("changed"));
        }
        Ok(())
    });
    match result {
        Ok(()) => Ok(fixed),
        Err(_) if changed => Err(Refusal::Changed),
        Err(err) => Err(Refusal::Io(err)),
    }
    // The lock goes with `file`.
}

/// Opens and locks the file `target` names now: if it was replaced while we waited for the
/// lock (another fixer renamed its new file over it), the lock is taken again on the new one.
fn lock_current(target: &Path) -> io::Result<(File, std::fs::Metadata)> {
    for _ in 0..16 {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(target)
            .map_err(|err| match err.kind() {
                io::ErrorKind::PermissionDenied => {
                    io::Error::new(err.kind(), "the file is read-only or not ours to write")
                }
                _ => err,
            })?;
        file.lock()?;
        let held = file.metadata()?;
        let now = std::fs::metadata(target)?;
        if FileId::of(target, &held) == FileId::of(target, &now) {
            return Ok((file, held));
        }
    }
    Err(io::Error::other("the file keeps being replaced"))
}

fn read_all(file: &mut File) -> io::Result<Vec<u8>> {
    file.rewind()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What `--fix` did over a run.
#[derive(Default)]
pub struct Log {
    pub changes: Vec<Change>,
    pub conflicts: Vec<Change>,
    pub problems: Vec<Finding>,
}

/// Applies the fixes of every input, one after the other; each input's check is replaced
/// by the check of its written file.
pub fn apply_all(
    inputs: &[Input],
    results: &mut [Checked],
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Log {
    let mut log = Log::default();
    for (input, checked) in inputs.iter().zip(results.iter_mut()) {
        let mut applied = apply(input, checked, engine, opts, policy);
        log.changes.append(&mut applied.changes);
        log.conflicts.append(&mut applied.conflicts);
        log.problems.append(&mut applied.problems);
        if let Some(rechecked) = applied.rechecked {
            *checked = rechecked;
        }
    }
    log
}

impl Log {
    /// For stderr: each change `path:line: old → new`, each fix left alone, then a count.
    pub fn render(&self, verb: &str) -> String {
        use crate::escape;
        let mut out = String::new();
        for c in &self.changes {
            out.push_str(&format!(
                "{}:{}: {} → {}\n",
                escape::path_at_line_start(&c.path),
                c.line,
                escape::line(&c.old),
                escape::line(&c.new)
            ));
        }
        for c in &self.conflicts {
            out.push_str(&format!(
                "{}:{}: {} → {}: not applied, it overlaps another fix; edit by hand\n",
                escape::path_at_line_start(&c.path),
                c.line,
                escape::line(&c.old),
                escape::line(&c.new)
            ));
        }
        let mut files: Vec<&str> = self.changes.iter().map(|c| c.path.as_str()).collect();
        files.dedup();
        out.push_str(&format!(
            "{verb} {} fix{} in {} file{}\n",
            self.changes.len(),
            if self.changes.len() == 1 { "" } else { "es" },
            files.len(),
            if files.len() == 1 { "" } else { "s" },
        ));
        out
    }
}

/// `--diff`: the unified diff of every input's fixes (nothing is written), and the log of
/// what `--fix` would change.
pub fn diff_all(inputs: &[Input], results: &[Checked]) -> (String, Log) {
    let mut out = String::new();
    let mut log = Log::default();
    for (input, checked) in inputs.iter().zip(results) {
        let Some((_, source)) = &checked.source else {
            continue;
        };
        let plan = plan(&checked.findings);
        let change = |e: &Edit| Change {
            path: input.display().to_owned(),
            line: e.line,
            old: e.old.clone(),
            new: e.new.clone(),
        };
        log.conflicts.extend(plan.conflicts.iter().map(change));
        if let Some(diff) = diff(input.display(), source, &plan) {
            out.push_str(&diff);
            log.changes.extend(plan.edits.iter().map(change));
        }
    }
    (out, log)
}

/// A unified diff of one document's fixes (`--diff`), paths escaped.
pub fn diff(display: &str, source: &str, plan: &Plan) -> Option<String> {
    let fixed = fixed_text(source, plan)?;
    if fixed == source {
        return None;
    }
    let name = crate::escape::line(display);
    let diff = similar::TextDiff::from_lines(source, fixed.as_str());
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        out.push_str(&hunk.header().to_string());
        out.push('\n');
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
                similar::ChangeTag::Equal => ' ',
            };
            out.push(sign);
            let value = change.value();
            let (line, end) = match value.strip_suffix('\n') {
                Some(line) => (line, "\n"),
                None => (value, "\n\\ No newline at end of file\n"),
            };
            out.push_str(&crate::escape::multiline(line));
            out.push_str(end);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Fix, Span};

    fn finding(text: &str, start: usize, new: &str) -> Finding {
        let mut f = Finding::about_file("a.txt", RuleId::new("p", "r"), Kind::SpellingWrong, "");
        f.span = Span {
            start,
            end: start + text.len(),
            line: 1,
            column: start + 1,
            end_line: 1,
            end_column: start + text.len() + 1,
            source: start..start + text.len(),
        };
        f.text = text.to_owned();
        f.fix = Some(Fix {
            replacement: new.to_owned(),
        });
        f
    }

    #[test]
    fn duplicates_and_covered_fixes_become_one_edit() {
        let src = "Alexandre Lukashenko at Mink.";
        let findings = [
            finding("Mink", 24, "Minsk"),
            finding("Mink", 24, "Minsk"),
            finding("Lukashenko", 10, "Loukachenko"),
            finding("Alexandre Lukashenko", 0, "Alexandre Loukachenko"),
        ];
        let plan = plan(&findings);
        assert!(plan.conflicts.is_empty());
        assert_eq!(plan.edits.len(), 2);
        assert_eq!(
            fixed_bytes(src.as_bytes(), &plan).as_deref(),
            Some("Alexandre Loukachenko at Minsk.".as_bytes())
        );
    }

    #[test]
    fn conflicting_fixes_are_left_alone() {
        let src = "Mink Minsk";
        let findings = [
            finding("Mink", 0, "Minsk"),
            finding("Mink", 0, "Pinsk"),
            finding("Minsk", 5, "Minsk"),
        ];
        let plan = plan(&findings);
        assert!(plan.edits.is_empty());
        assert_eq!(plan.conflicts.len(), 2);
        // Partial overlaps: neither covers the other.
        let plan = super::plan(&[finding("Mink Mi", 0, "X"), finding("k Minsk", 3, "Y")]);
        assert!(plan.edits.is_empty());
        assert_eq!(
            fixed_bytes(src.as_bytes(), &plan).as_deref(),
            Some(src.as_bytes())
        );
    }

    #[test]
    fn an_edit_that_names_other_bytes_is_refused() {
        let plan = plan(&[finding("Mink", 0, "Minsk")]);
        assert_eq!(fixed_bytes(b"Pink city", &plan), None);
        assert_eq!(fixed_bytes(b"Min", &plan), None);
    }

    #[test]
    fn utf16_files_keep_utf16() {
        let text = "à Mink.";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        // "Mink" starts at char 2: byte 2 + 2 * 2 of the file.
        let mut f = finding("Mink", 3, "Minsk");
        f.span.start = 6;
        f.span.end = 14;
        let fixed = fixed_bytes(&bytes, &plan(&[f])).expect("fixed");
        let mut expected = vec![0xFF, 0xFE];
        expected.extend("à Minsk.".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(fixed, expected);
    }

    #[test]
    fn diffs_are_unified_and_escaped() {
        let src = "One.\nAt Mink \u{1b}[2J.\nThree.\n";
        let plan = plan(&[finding("Mink", 8, "Minsk")]);
        let diff = diff("d/a\n.txt", src, &plan).expect("a diff");
        assert_eq!(
            diff,
            "--- a/d/a\\n.txt\n+++ b/d/a\\n.txt\n@@ -1,3 +1,3 @@\n One.\n-At Mink \\x1b[2J.\n+At Minsk \\x1b[2J.\n Three.\n"
        );
    }
}
