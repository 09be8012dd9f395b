//! Rule packs: the TOML format of RULES.md, parsed and validated with spans.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

pub mod describe;
pub mod keys;
pub mod pattern;

use crate::finding::Severity;
use crate::lang::Lang;
use crate::toml_reader::{self, date_text, expect_strings, Located, Problem, TableReader};

/// A pack as loaded from one TOML file.
#[derive(Clone, Debug)]
pub struct Pack {
    pub id: String,
    pub title: Option<String>,
    /// Languages the pack applies to; empty means all.
    pub langs: Vec<Lang>,
    pub allow: Vec<String>,
    pub entities: Vec<Entity>,
    pub claims: Vec<ClaimRule>,
    /// Where the pack came from (a path, or `rules/NAME.toml` for a built-in pack).
    pub path: String,
    pub source: String,
}

impl Pack {
    pub fn applies_to(&self, lang: Lang) -> bool {
        self.langs.is_empty() || self.langs.contains(&lang)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormRole {
    Preferred,
    Variant,
    Wrong,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub span: Range<usize>,
    pub preferred: BTreeMap<Lang, String>,
    pub variants: Vec<String>,
    pub wrong: Vec<String>,
    pub near_miss: u8,
    /// `near_miss` written in the pack; otherwise the radius depends on the form's length.
    pub near_miss_set: bool,
    pub case_sensitive: bool,
    /// Forms this entity knowingly shares with another entity (`ambiguous = [...]`).
    pub ambiguous: Vec<String>,
    /// Where each listed form is written in the pack, for problems that point at it.
    pub form_spans: Vec<(String, Range<usize>)>,
    /// What the words before each French form agree with (`gender = { FORM = "f" }`).
    pub agreement: BTreeMap<String, crate::grammar::Agreement>,
}

impl Entity {
    /// The agreement the pack gives `form`, if any.
    pub fn agreement_of(&self, form: &str) -> Option<crate::grammar::Agreement> {
        self.agreement
            .iter()
            .find(|(f, _)| same_form(f, form))
            .map(|(_, a)| *a)
    }
}

impl Entity {
    /// Every known form once, with its role (preferred before variant).
    pub fn forms(&self) -> Vec<(&str, FormRole)> {
        let mut out: Vec<(&str, FormRole)> = Vec::new();
        let listed = self
            .preferred
            .values()
            .map(|f| (f.as_str(), FormRole::Preferred))
            .chain(
                self.variants
                    .iter()
                    .map(|f| (f.as_str(), FormRole::Variant)),
            )
            .chain(self.wrong.iter().map(|f| (f.as_str(), FormRole::Wrong)));
        for (form, role) in listed {
            if !out.iter().any(|(f, _)| *f == form) {
                out.push((form, role));
            }
        }
        out
    }

    pub fn is_wrong(&self, form: &str) -> bool {
        self.wrong.iter().any(|w| w == form)
    }

    /// The name to use in messages for a document in `lang`.
    pub fn display_name(&self, lang: Lang) -> &str {
        self.preferred
            .get(&lang)
            .or_else(|| self.preferred.values().next())
            .or_else(|| self.variants.first())
            .map_or(self.id.as_str(), String::as_str)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Stable,
    Increasing,
    Decreasing,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuantityBound {
    Exact(f64),
    AtLeast(f64),
    AtMost(f64),
    Range(f64, f64),
    Approx(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuantityFact {
    pub bound: QuantityBound,
    pub tolerance: Option<f64>,
    pub as_of: Option<Date>,
    pub trend: Trend,
    /// `history`: successive known values, each from its `as_of`, oldest first.
    pub history: Vec<QuantityFact>,
}

/// A date known to the day, month or year: the days it covers and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct DateFact {
    pub first: Date,
    pub last: Date,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Known {
    Quantity(QuantityFact),
    Date(DateFact),
    Since(Date),
}

#[derive(Clone, Debug)]
pub struct ClaimRule {
    pub id: String,
    pub span: Range<usize>,
    pub about: String,
    pub source: Option<String>,
    pub known: Option<Known>,
    pub known_span: Option<Range<usize>>,
    pub patterns: BTreeMap<Lang, Vec<Located<String>>>,
    pub regex: BTreeMap<Lang, Located<String>>,
    pub context: Vec<Located<String>>,
    pub requires: Vec<Located<String>>,
    pub severity: Severity,
    pub examples_pass: Vec<Located<String>>,
    pub examples_fail: Vec<Located<String>>,
    /// Sentences the rule must not recognise at all (distractors).
    pub examples_ignore: Vec<Located<String>>,
}

impl ClaimRule {
    /// Languages the rule has patterns or a regex for.
    pub fn langs(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.patterns.contains_key(l) || self.regex.contains_key(l))
            .collect()
    }
}

/// Pack ids claimlint's own rules use (`hygiene/quotes`, `input/read`, `rules/…`).
pub const RESERVED_PACK_IDS: &[&str] = &["hygiene", "spelling", "input", "config", "rules"];

static PACK_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9][a-z0-9-]*$").expect("static regex compiles"));
static RULE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9][a-z0-9_.-]*$").expect("static regex compiles"));
static ENTITY_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{entity:([^}]*)\}").expect("static regex compiles"));

/// Loads and validates one pack. Every problem found is returned, not only the first.
pub fn load(path: &str, source: &str) -> Result<Pack, Vec<Problem>> {
    let doc = toml_reader::parse(source).map_err(|p| vec![*p])?;
    let mut problems = Vec::new();
    let mut root = TableReader::declared(doc.get_ref(), 0..0, "the pack file", &keys::PACK_FILE);
    check_format(&mut root, &mut problems);
    let mut pack = Pack {
        id: String::new(),
        title: None,
        langs: Vec::new(),
        allow: Vec::new(),
        entities: Vec::new(),
        claims: Vec::new(),
        path: path.to_owned(),
        source: source.to_owned(),
    };
    read_pack_table(&mut root, &mut pack, &mut problems);
    let mut ids: HashMap<String, Range<usize>> = HashMap::new();
    for table in root.tables("entity", &mut problems) {
        if let Some(entity) = read_entity(table, &mut problems) {
            check_unique(&entity.id, entity.span.clone(), &mut ids, &mut problems);
            pack.entities.push(entity);
        }
    }
    for table in root.tables("claim", &mut problems) {
        if let Some(claim) = read_claim(table, &mut problems) {
            check_unique(&claim.id, claim.span.clone(), &mut ids, &mut problems);
            pack.claims.push(claim);
        }
    }
    root.finish(&mut problems);
    check_local_references(&pack, &mut problems);
    check_shared_forms(&pack, &mut problems);
    if problems.is_empty() {
        Ok(pack)
    } else {
        problems.sort_by_key(|p| (p.span.start, p.span.end));
        Err(problems)
    }
}

/// The file must say `format = 1`.
fn check_format(root: &mut TableReader<'_, '_>, problems: &mut Vec<Problem>) {
    match root.value("format") {
        None => problems.push(
            Problem::new(
                0..0,
                "the pack has no `format` key",
                "expected `format = 1`",
            )
            .with_help("add `format = 1` at the top of the file"),
        ),
        Some(v) => {
            let ok = matches!(v.get_ref(), toml::de::DeValue::Integer(i) if i.as_str() == "1");
            if !ok {
                problems.push(
                    Problem::new(v.span(), "unsupported pack format", "only format 1 exists")
                        .with_help("write `format = 1`"),
                );
            }
        }
    }
}

/// The `[pack]` table: id, title, languages and allowed words.
fn read_pack_table(root: &mut TableReader<'_, '_>, pack: &mut Pack, problems: &mut Vec<Problem>) {
    match root.table("pack", problems) {
        None => {
            if root.value("pack").is_none() {
                problems.push(Problem::new(
                    0..0,
                    "the pack has no [pack] table",
                    "expected [pack] with an `id`",
                ));
            }
        }
        Some(mut table) => {
            if let Some(id) = table.required_string("id", problems) {
                check_pack_id(&id, problems);
                pack.id = id.value;
            }
            pack.title = table.string("title", problems).map(|t| t.value);
            pack.langs = read_langs(table.strings("langs", problems), problems);
            pack.allow = table
                .strings("allow", problems)
                .into_iter()
                .map(|a| a.value)
                .collect();
            table.finish(problems);
        }
    }
}

/// A pack id is well-formed and not one of claimlint's own.
fn check_pack_id(id: &Located<String>, problems: &mut Vec<Problem>) {
    if !PACK_ID.is_match(&id.value) {
        problems.push(
            Problem::new(
                id.span.clone(),
                format!("invalid pack id \"{}\"", id.value),
                "invalid id",
            )
            .with_help("a pack id is lowercase letters, digits and dashes: [a-z0-9][a-z0-9-]*"),
        );
    } else if RESERVED_PACK_IDS.contains(&id.value.as_str()) {
        problems.push(
            Problem::new(
                id.span.clone(),
                format!("pack id \"{}\" is reserved for claimlint's own findings", id.value),
                "reserved id",
            )
            .with_help("choose another id: the built-in checks and messages use hygiene, spelling, input, config and rules"),
        );
    }
}

/// `gender = { "Valdorie" = "f", "Valdor" = "m", "Îles Valdores" = "f pl" }`: what the
/// determiner before each French form agrees with. Every key is a form of the entity.
fn read_agreement(
    table: &mut TableReader<'_, '_>,
    forms: &[(String, Range<usize>)],
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, crate::grammar::Agreement> {
    let mut out = BTreeMap::new();
    let Some(value) = table.value("gender") else {
        return out;
    };
    let toml::de::DeValue::Table(entries) = value.get_ref() else {
        problems.push(toml_reader::wrong_type(
            value.span(),
            "gender",
            "a table of form = \"m\" | \"f\"",
            value.get_ref(),
        ));
        return out;
    };
    for (key, v) in entries.iter() {
        let form = key.get_ref().to_string();
        if !forms.iter().any(|(f, _)| same_form(f, &form)) {
            problems.push(
                Problem::new(
                    key.span(),
                    format!("\"{form}\" is not a spelling of this entity"),
                    "not in `preferred`, `variants` or `wrong`",
                )
                .with_help("`gender` gives the gender of the entity's own forms"),
            );
            continue;
        }
        let Some(text) = toml_reader::expect_string(v, "gender", problems) else {
            continue;
        };
        match crate::grammar::Agreement::parse(&form, &text.value) {
            Ok(a) => {
                out.insert(form, a);
            }
            Err(why) => problems.push(
                Problem::new(text.span, format!("bad gender \"{}\": {why}", text.value), "bad gender")
                    .with_help("write \"m\" or \"f\", then \"pl\" for a plural, then \"elided\" or \"not-elided\" for a name that begins with an h"),
            ),
        }
    }
    out
}

/// Two spellings that match the same text: equal once runs of white space are one space.
fn same_form(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A form listed under two entities makes every mention of it ambiguous (which entity's
/// house style applies?): a pack error, unless one of them lists it in `ambiguous`.
fn check_shared_forms(pack: &Pack, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (e, entity) in pack.entities.iter().enumerate() {
        let mut own: Vec<String> = Vec::new();
        for (form, span) in &entity.form_spans {
            let key = form.split_whitespace().collect::<Vec<_>>().join(" ");
            if own.contains(&key) {
                continue; // the same entity may list a form twice (RULES.md)
            }
            own.push(key.clone());
            match seen.get(&key) {
                Some((other, first)) => {
                    let other = &pack.entities[*other];
                    let declared = |x: &Entity| x.ambiguous.iter().any(|a| same_form(a, &key));
                    if !declared(entity) && !declared(other) {
                        problems.push(
                            Problem::new(
                                span.clone(),
                                format!(
                                    "\"{form}\" is listed under two entities, \"{}\" and \"{}\"",
                                    other.id, entity.id
                                ),
                                "also a spelling of another entity",
                            )
                            .with_related(first.clone(), format!("listed under \"{}\" here", other.id))
                            .with_help(format!(
                                "a spelling names one entity; if it really names both, add `ambiguous = [\"{form}\"]` to one of them (its mentions are then not checked against either house style)"
                            )),
                        );
                    }
                }
                None => {
                    seen.insert(key, (e, span.clone()));
                }
            }
        }
    }
}

fn check_unique(
    id: &str,
    span: Range<usize>,
    ids: &mut HashMap<String, Range<usize>>,
    problems: &mut Vec<Problem>,
) {
    if let Some(first) = ids.get(id) {
        problems.push(
            Problem::new(
                span,
                format!("duplicate rule id \"{id}\""),
                "used again here",
            )
            .with_related(first.clone(), "first defined here")
            .with_help("rule ids must be unique within a pack"),
        );
    } else {
        ids.insert(id.to_owned(), span);
    }
}

fn read_langs(values: Vec<Located<String>>, problems: &mut Vec<Problem>) -> Vec<Lang> {
    let mut langs = Vec::new();
    for value in values {
        match Lang::from_tag(&value.value) {
            Some(lang) if !langs.contains(&lang) => langs.push(lang),
            Some(_) => {}
            None => problems.push(unknown_lang(&value)),
        }
    }
    langs
}

fn unknown_lang(value: &Located<String>) -> Problem {
    Problem::new(
        value.span.clone(),
        format!("unknown language \"{}\"", value.value),
        "not a language claimlint knows",
    )
    .with_help("languages are \"fr\" and \"en\"")
}

fn read_id(
    table: &mut TableReader<'_, '_>,
    problems: &mut Vec<Problem>,
) -> Option<Located<String>> {
    let id = table.required_string("id", problems)?;
    if !RULE_ID.is_match(&id.value) {
        problems.push(
            Problem::new(
                id.span.clone(),
                format!("invalid rule id \"{}\"", id.value),
                "invalid id",
            )
            .with_help("a rule id is lowercase letters, digits, dashes, dots and underscores"),
        );
    }
    Some(id)
}

/// Longest spelling a pack may list, in characters: the longest real names with titles
/// stay far below it, and near-miss indexing grows with a form's length.
pub const MAX_FORM_CHARS: usize = 120;

fn check_form_length(form: &Located<String>, problems: &mut Vec<Problem>) {
    let chars = form.value.chars().count();
    if chars > MAX_FORM_CHARS {
        problems.push(
            Problem::new(
                form.span.clone(),
                format!("a spelling of {chars} characters: at most {MAX_FORM_CHARS}"),
                "too long",
            )
            .with_help("list names and short phrases, not passages"),
        );
    }
}

fn read_entity(mut table: TableReader<'_, '_>, problems: &mut Vec<Problem>) -> Option<Entity> {
    let id = read_id(&mut table, problems);
    let mut form_spans = Vec::new();
    let preferred = read_preferred(&mut table, &mut form_spans, problems);
    let variants = table.strings("variants", problems);
    let wrong = table.strings("wrong", problems);
    form_spans.extend(
        variants
            .iter()
            .chain(&wrong)
            .map(|f| (f.value.clone(), f.span.clone())),
    );
    let agreement = read_agreement(&mut table, &form_spans, problems);
    let ambiguous = table.strings("ambiguous", problems);
    check_ambiguous(&ambiguous, &form_spans, problems);
    let near_miss_value = table.number("near_miss", problems);
    let near_miss_set = near_miss_value.is_some();
    let near_miss = near_miss_edits(near_miss_value, problems);
    let case_sensitive = table
        .boolean("case_sensitive", problems)
        .is_none_or(|b| b.value);
    check_listed_forms(&preferred, &variants, &wrong, problems);
    let span = table.span();
    if preferred.is_empty() && variants.is_empty() && wrong.is_empty() {
        problems.push(Problem::new(
            id.as_ref().map_or(span.clone(), |i| i.span.clone()),
            "an entity needs at least one spelling",
            "no `preferred`, `variants` or `wrong`",
        ));
    }
    table.finish(problems);
    let id = id?;
    Some(Entity {
        id: id.value,
        span: id.span,
        preferred,
        variants: variants.into_iter().map(|v| v.value).collect(),
        wrong: wrong.into_iter().map(|v| v.value).collect(),
        near_miss,
        near_miss_set,
        case_sensitive,
        ambiguous: ambiguous.into_iter().map(|a| a.value).collect(),
        form_spans,
        agreement,
    })
}

/// `preferred = { fr = "…", en = "…" }`: the house style of each language, whose forms
/// are added to `form_spans`.
fn read_preferred(
    table: &mut TableReader<'_, '_>,
    form_spans: &mut Vec<(String, Range<usize>)>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, String> {
    let mut preferred = BTreeMap::new();
    if let Some(mut pref) = table.table("preferred", problems) {
        for (key, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
            if let Some(form) = pref.string(key, problems) {
                check_form_length(&form, problems);
                form_spans.push((form.value.clone(), form.span));
                preferred.insert(lang, form.value);
            }
        }
        pref.finish(problems);
    }
    preferred
}

/// Every `ambiguous` form is a spelling of the entity.
fn check_ambiguous(
    ambiguous: &[Located<String>],
    form_spans: &[(String, Range<usize>)],
    problems: &mut Vec<Problem>,
) {
    for a in ambiguous {
        if !form_spans.iter().any(|(f, _)| same_form(f, &a.value)) {
            problems.push(
                Problem::new(
                    a.span.clone(),
                    format!("\"{}\" is not a spelling of this entity", a.value),
                    "not in `preferred`, `variants` or `wrong`",
                )
                .with_help("`ambiguous` lists forms of this entity that another entity shares"),
            );
        }
    }
}

/// `near_miss`: 0, 1 or 2 edits (1 when absent or out of range).
fn near_miss_edits(value: Option<Located<f64>>, problems: &mut Vec<Problem>) -> u8 {
    match value {
        Some(n) if [0.0, 1.0, 2.0].contains(&n.value) => n.value as u8,
        Some(n) => {
            problems.push(Problem::new(
                n.span,
                "`near_miss` must be 0, 1 or 2",
                "out of range",
            ));
            1
        }
        None => 1,
    }
}

/// Variants and wrong forms are non-empty and short, and no form is both wrong and
/// accepted.
fn check_listed_forms(
    preferred: &BTreeMap<Lang, String>,
    variants: &[Located<String>],
    wrong: &[Located<String>],
    problems: &mut Vec<Problem>,
) {
    for form in variants.iter().chain(wrong) {
        if form.value.trim().is_empty() {
            problems.push(Problem::new(form.span.clone(), "empty spelling", "empty"));
        }
        check_form_length(form, problems);
    }
    for w in wrong {
        if preferred.values().any(|p| *p == w.value) || variants.iter().any(|v| v.value == w.value)
        {
            problems.push(Problem::new(
                w.span.clone(),
                format!(
                    "\"{}\" is listed as wrong and as an accepted spelling",
                    w.value
                ),
                "contradicts an accepted form",
            ));
        }
    }
}

fn read_claim(mut table: TableReader<'_, '_>, problems: &mut Vec<Problem>) -> Option<ClaimRule> {
    let id = read_id(&mut table, problems);
    let about = table.required_string("about", problems);
    let source = table.string("source", problems).map(|s| s.value);
    let known = read_known(&mut table, problems);
    let patterns = read_patterns(&mut table, problems);
    let regex = read_regexes(&mut table, problems);
    let context = table.strings("context", problems);
    let requires = table.strings("requires", problems);
    let severity = read_severity(&mut table, problems);
    let (mut examples_pass, mut examples_fail) = (Vec::new(), Vec::new());
    let mut examples_ignore = Vec::new();
    if let Some(mut t) = table.table("examples", problems) {
        examples_pass = t.strings("pass", problems);
        examples_fail = t.strings("fail", problems);
        examples_ignore = t.strings("ignore", problems);
        t.finish(problems);
    }
    let span = table.span();
    if patterns.is_empty() && regex.is_empty() {
        problems.push(
            Problem::new(
                id.as_ref().map_or(span.clone(), |i| i.span.clone()),
                "a claim needs `patterns` or `regex`",
                "no way to find this claim in text",
            )
            .with_help("add patterns.fr = [\"...\"] and/or patterns.en = [\"...\"]"),
        );
    }
    table.finish(problems);
    check_patterns(
        known.first().map(|k| &k.0),
        &patterns,
        &regex,
        &context,
        problems,
    );
    let id = id?;
    let about = about?;
    let (known, known_span) = match known.into_iter().next() {
        Some((k, s)) => (Some(k), Some(s)),
        None => (None, None),
    };
    Some(ClaimRule {
        id: id.value,
        span: id.span,
        about: about.value,
        source,
        known,
        known_span,
        patterns,
        regex,
        context,
        requires,
        severity,
        examples_pass,
        examples_fail,
        examples_ignore,
    })
}

/// What a claim knows (`quantity`, `date`, `since`), each with its span; more than one
/// is a problem.
fn read_known(
    table: &mut TableReader<'_, '_>,
    problems: &mut Vec<Problem>,
) -> Vec<(Known, Range<usize>)> {
    let mut known: Vec<(Known, Range<usize>)> = Vec::new();
    if let Some(mut q) = table.table("quantity", problems) {
        if let Some(fact) = read_quantity(&mut q, problems) {
            known.push((Known::Quantity(fact), q.span()));
        }
        q.finish(problems);
    }
    if let Some(value) = table.value("date") {
        match date_text(value).and_then(|t| parse_fact_date(&t)) {
            Some(fact) => known.push((Known::Date(fact), value.span())),
            None => problems.push(bad_date(value.span(), "date")),
        }
    }
    if let Some(value) = table.value("since") {
        match date_text(value).and_then(|t| t.parse::<Date>().ok()) {
            Some(date) => known.push((Known::Since(date), value.span())),
            None => problems.push(bad_date(value.span(), "since")),
        }
    }
    if known.len() > 1 {
        problems.push(
            Problem::new(
                known[1].1.clone(),
                "a claim knows at most one of `quantity`, `date`, `since`",
                "second fact",
            )
            .with_help("split the claim into two rules"),
        );
    }
    known
}

/// `patterns.fr` / `patterns.en`: each language's non-empty list of patterns.
fn read_patterns(
    table: &mut TableReader<'_, '_>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, Vec<Located<String>>> {
    let mut patterns = BTreeMap::new();
    if let Some(mut t) = table.table("patterns", problems) {
        for (key, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
            if let Some(v) = t.value(key) {
                let list = expect_strings(v, key, problems);
                if !list.is_empty() {
                    patterns.insert(lang, list);
                }
            }
        }
        t.finish(problems);
    }
    patterns
}

/// `regex.fr` / `regex.en`: each language's regex, which must compile.
fn read_regexes(
    table: &mut TableReader<'_, '_>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, Located<String>> {
    let mut regex = BTreeMap::new();
    if let Some(mut t) = table.table("regex", problems) {
        for (key, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
            if let Some(r) = t.string(key, problems) {
                if let Err(err) = regex::Regex::new(&r.value) {
                    problems.push(
                        Problem::new(
                            r.span.clone(),
                            "the regex does not compile",
                            "invalid regex",
                        )
                        .with_help(err.to_string()),
                    );
                }
                regex.insert(lang, r);
            }
        }
        t.finish(problems);
    }
    regex
}

/// `severity`: "error" (the default), "warning" or "info".
fn read_severity(table: &mut TableReader<'_, '_>, problems: &mut Vec<Problem>) -> Severity {
    match table.string("severity", problems) {
        Some(s) => Severity::parse(&s.value).unwrap_or_else(|| {
            problems.push(
                Problem::new(
                    s.span,
                    format!("unknown severity \"{}\"", s.value),
                    "unknown severity",
                )
                .with_help("severities are \"error\", \"warning\" and \"info\""),
            );
            Severity::Error
        }),
        None => Severity::Error,
    }
}

/// Patterns must compile, and hold the expression the known fact is about: `{n}` for a
/// quantity, `{date}` (or `{when}`) for a date, `{when}` (or `{date}`) for `since`.
fn check_patterns(
    known: Option<&Known>,
    patterns: &BTreeMap<Lang, Vec<Located<String>>>,
    regex: &BTreeMap<Lang, Located<String>>,
    context: &[Located<String>],
    problems: &mut Vec<Problem>,
) {
    use pattern::Slot;
    let wanted: Option<(&[Slot], &str)> = match known {
        Some(Known::Quantity(_)) => Some((&[Slot::Quantity], "{n}")),
        Some(Known::Date(_)) => Some((&[Slot::Date, Slot::When], "{date}")),
        Some(Known::Since(_)) => Some((&[Slot::When, Slot::Date], "{when}")),
        None => None,
    };
    check_pattern_slots(wanted, patterns, problems);
    for p in context {
        if let Err(message) = pattern::parse(&p.value) {
            problems.push(invalid_pattern(p, message));
        }
    }
    if known.is_some() {
        check_regex_groups(regex, problems);
    }
}

fn invalid_pattern(p: &Located<String>, message: String) -> Problem {
    Problem::new(
        p.span.clone(),
        format!("the pattern does not compile: {message}"),
        "invalid pattern",
    )
    .with_help("see RULES.md, \"Patterns\"")
}

/// Each pattern compiles and captures a slot in `wanted` (the slots the known fact can
/// be checked through, with the one to suggest); without a known fact, every pattern
/// captures the same slot.
fn check_pattern_slots(
    wanted: Option<(&[pattern::Slot], &str)>,
    patterns: &BTreeMap<Lang, Vec<Located<String>>>,
    problems: &mut Vec<Problem>,
) {
    let mut first_slot: Option<pattern::Slot> = None;
    for p in patterns.values().flatten() {
        let compiled = match pattern::parse(&p.value) {
            Ok(c) => c,
            Err(message) => {
                problems.push(invalid_pattern(p, message));
                continue;
            }
        };
        let slot = compiled.slot();
        match (wanted, slot) {
            (Some((_, name)), None) => problems.push(invalid_pattern(
                p,
                format!(
                    "the claim has a known value but the pattern has no {name} to check against it"
                ),
            )),
            (Some((slots, name)), Some(s)) if !slots.contains(&s) => {
                problems.push(invalid_pattern(
                    p,
                    format!(
                        "{} cannot be checked against what is known; use {name}",
                        s.syntax()
                    ),
                ))
            }
            (None, Some(s)) => match first_slot {
                Some(f) if f != s => problems.push(invalid_pattern(
                    p,
                    format!(
                        "the claim's patterns capture {} and {}: instances could not be compared",
                        f.syntax(),
                        s.syntax()
                    ),
                )),
                _ => first_slot = Some(s),
            },
            _ => {}
        }
    }
}

/// A claim with a known fact needs each regex to name the group holding its expression.
fn check_regex_groups(regex: &BTreeMap<Lang, Located<String>>, problems: &mut Vec<Problem>) {
    for r in regex.values() {
        let has_group = ["n", "date", "when"].iter().any(|g| {
            r.value.contains(&format!("(?P<{g}>")) || r.value.contains(&format!("(?<{g}>"))
        });
        if !has_group {
            problems.push(
                Problem::new(
                    r.span.clone(),
                    "the regex captures no expression to check",
                    "no named group",
                )
                .with_help(
                    "name the group holding the expression `n`, `date` or `when`: (?<n>...)",
                ),
            );
        }
    }
}

fn read_quantity(q: &mut TableReader<'_, '_>, problems: &mut Vec<Problem>) -> Option<QuantityFact> {
    let bounds = BoundKeys::read(q, problems);
    let tolerance = q.number("tolerance", problems);
    let as_of = match q.value("as_of") {
        Some(v) => match date_text(v).and_then(|t| t.parse::<Date>().ok()) {
            Some(d) => Some(d),
            None => {
                problems.push(bad_date(v.span(), "as_of"));
                None
            }
        },
        None => None,
    };
    let trend = read_trend(q, problems);
    if let Some(t) = &tolerance {
        if !(0.0..1.0).contains(&t.value) {
            problems.push(Problem::new(
                t.span.clone(),
                "`tolerance` must be a fraction between 0 and 1",
                "out of range",
            ));
        }
    }
    let history = read_history(q, trend, problems);
    if bounds.is_empty() {
        if let Some(latest) = history.last() {
            return Some(QuantityFact {
                bound: latest.bound.clone(),
                tolerance: latest.tolerance,
                as_of: latest.as_of,
                trend,
                history,
            });
        }
    }
    let bound = bounds.bound(q.span(), problems)?;
    Some(QuantityFact {
        bound,
        tolerance: tolerance.map(|t| t.value),
        as_of,
        trend,
        history,
    })
}

/// The keys of a quantity that state its bound.
struct BoundKeys {
    exact: Option<Located<f64>>,
    at_least: Option<Located<f64>>,
    at_most: Option<Located<f64>>,
    min: Option<Located<f64>>,
    max: Option<Located<f64>>,
    approx: Option<Located<f64>>,
}

impl BoundKeys {
    fn read(q: &mut TableReader<'_, '_>, problems: &mut Vec<Problem>) -> BoundKeys {
        BoundKeys {
            exact: q.number("exact", problems),
            at_least: q.number("at_least", problems),
            at_most: q.number("at_most", problems),
            min: q.number("min", problems),
            max: q.number("max", problems),
            approx: q.number("approx", problems),
        }
    }

    fn is_empty(&self) -> bool {
        self.exact.is_none()
            && self.at_least.is_none()
            && self.at_most.is_none()
            && self.min.is_none()
            && self.max.is_none()
            && self.approx.is_none()
    }

    /// The bound the keys state: exactly one of them, or `min` with `max`.
    fn bound(self, span: Range<usize>, problems: &mut Vec<Problem>) -> Option<QuantityBound> {
        let bound = match (
            self.exact,
            self.at_least,
            self.at_most,
            self.min,
            self.max,
            self.approx,
        ) {
            (Some(e), None, None, None, None, None) => QuantityBound::Exact(e.value),
            (None, Some(l), None, None, None, None) => QuantityBound::AtLeast(l.value),
            (None, None, Some(m), None, None, None) => QuantityBound::AtMost(m.value),
            (None, None, None, Some(a), Some(b), None) if a.value <= b.value => {
                QuantityBound::Range(a.value, b.value)
            }
            (None, None, None, Some(a), Some(_), None) => {
                problems.push(Problem::new(
                    a.span,
                    "`min` is greater than `max`",
                    "min > max",
                ));
                return None;
            }
            (None, None, None, None, None, Some(a)) => QuantityBound::Approx(a.value),
            _ => {
                problems.push(
                    Problem::new(span, "a quantity needs exactly one of `exact`, `at_least`, `at_most`, `min` with `max`, `approx`", "ambiguous or empty quantity"),
                );
                return None;
            }
        };
        Some(bound)
    }
}

/// `trend`: "stable" (the default), "increasing" or "decreasing".
fn read_trend(q: &mut TableReader<'_, '_>, problems: &mut Vec<Problem>) -> Trend {
    match q.string("trend", problems) {
        None => Trend::Stable,
        Some(t) => match t.value.as_str() {
            "stable" => Trend::Stable,
            "increasing" => Trend::Increasing,
            "decreasing" => Trend::Decreasing,
            _ => {
                problems.push(
                    Problem::new(
                        t.span,
                        format!("unknown trend \"{}\"", t.value),
                        "unknown trend",
                    )
                    .with_help("trends are \"increasing\", \"decreasing\" and \"stable\""),
                );
                Trend::Stable
            }
        },
    }
}

/// `[[…history]]`: earlier values of the quantity, each with its `as_of`, oldest first.
fn read_history(
    q: &mut TableReader<'_, '_>,
    trend: Trend,
    problems: &mut Vec<Problem>,
) -> Vec<QuantityFact> {
    let mut history = Vec::new();
    for mut entry in q.tables("history", problems) {
        if let Some(mut fact) = read_quantity(&mut entry, problems) {
            if fact.as_of.is_none() {
                problems.push(Problem::new(
                    entry.span(),
                    "a `history` entry needs its `as_of`",
                    "no as_of",
                ));
            }
            fact.trend = trend;
            history.push(fact);
        }
        entry.finish(problems);
    }
    history.sort_by_key(|f| f.as_of);
    history
}

fn bad_date(span: Range<usize>, key: &str) -> Problem {
    let form = if key == "date" {
        "\"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""
    } else {
        "\"YYYY-MM-DD\""
    };
    Problem::new(span, format!("`{key}` is not a valid date"), "not a date")
        .with_help(format!("write {form}"))
}

/// A fact's date to the day, month or year.
pub fn parse_fact_date(text: &str) -> Option<DateFact> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (first, last) = match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)
        }
        [y, m] => {
            let first = Date::new(num(y, 4)?, i8::try_from(num(m, 2)?).ok()?, 1).ok()?;
            (first, first.last_of_month())
        }
        [_, _, _] => {
            let d = text.parse::<Date>().ok()?;
            (d, d)
        }
        _ => return None,
    };
    Some(DateFact {
        first,
        last,
        text: text.to_owned(),
    })
}

/// References to entities of the same pack (`requires`, `{entity:ID}`); references to
/// other packs (`PACK/ID`) are checked once all packs are loaded.
fn check_local_references(pack: &Pack, problems: &mut Vec<Problem>) {
    for (reference, span) in entity_references(pack) {
        if !reference.contains('/') && pack.entity(&reference).is_none() {
            problems.push(unknown_entity(&reference, span));
        }
    }
}

pub fn unknown_entity(reference: &str, span: Range<usize>) -> Problem {
    Problem::new(
        span,
        format!("unknown entity \"{reference}\""),
        "no [[entity]] has this id",
    )
    .with_help("define the entity in this pack, or write PACK/ID for another pack's")
}

/// Every entity reference in the pack's claims, with the span of the string holding it.
pub fn entity_references(pack: &Pack) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for claim in &pack.claims {
        for r in &claim.requires {
            for id in r.value.split('|') {
                out.push((id.trim().to_owned(), r.span.clone()));
            }
        }
        for p in claim.patterns.values().flatten().chain(&claim.context) {
            for caps in ENTITY_REF.captures_iter(&p.value) {
                if let Some(m) = caps.get(1) {
                    for id in m.as_str().split('|') {
                        out.push((id.trim().to_owned(), p.span.clone()));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_a_minimal_pack() {
        let src = "format = 1\n[pack]\nid = \"demo\"\n\n[[entity]]\nid = \"minsk\"\npreferred = { fr = \"Minsk\", en = \"Minsk\" }\nwrong = [\"Mink\"]\n";
        let pack = load("demo.toml", src).expect("valid pack");
        assert_eq!(pack.id, "demo");
        assert_eq!(
            pack.entities[0].forms(),
            vec![("Minsk", FormRole::Preferred), ("Mink", FormRole::Wrong)]
        );
    }

    #[test]
    fn every_problem_points_into_the_file() {
        let src = "format = 1\n[pack]\nid = \"demo\"\ncolour = \"red\"\n\n[[entity]]\nid = \"minsk\"\nvariants = [\"Minsk\"]\n\n[[entity]]\nid = \"minsk\"\nvariants = [\"Mensk\"]\n\n[[claim]]\nid = \"c\"\nabout = \"x\"\nrequires = [\"nowhere\"]\npatterns.fr = [\"{n} personnes\"]\n";
        let problems = load("demo.toml", src).expect_err("invalid");
        let texts: Vec<&str> = problems.iter().map(|p| &src[p.span.clone()]).collect();
        assert_eq!(texts, ["colour", "\"minsk\"", "\"nowhere\""]);
    }

    #[test]
    fn wrong_types_and_missing_keys() {
        let src = "format = 1\n[pack]\nid = 3\n[[entity]]\nvariants = \"x\"\nnear_miss = 5\n";
        let problems = load("demo.toml", src).expect_err("invalid");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("`id` must be a string")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("missing the required key `id`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("near_miss")),
            "{messages:?}"
        );
    }

    #[test]
    fn fact_dates() {
        let d = parse_fact_date("2021-12").expect("month");
        assert_eq!(
            (d.first, d.last),
            (Date::constant(2021, 12, 1), Date::constant(2021, 12, 31))
        );
        assert!(parse_fact_date("2021-13").is_none());
        assert!(parse_fact_date("21").is_none());
    }
}
