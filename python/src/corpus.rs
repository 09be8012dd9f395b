//! The corpus-wide steps of `claimlint report` on rows that travelled as JSON: claim
//! statements (consensus conflicts), spellings (house-style drift), and the assembly of
//! the report's JSON object. Each calls the root crate's own code where there is one.

use std::collections::BTreeMap;

use claimlint::expr::Interval;
use claimlint::finding::{Kind, RuleId, Span};
use claimlint::workspace::batch::{
    self, form_role, Batch, CorpusStatement, Counts, HouseStyle, Spellings, Totals,
};
use serde_json::{json, Map, Value};

/// A row that does not have the shape the engine wrote.
pub type RowError = String;

fn field<'a>(v: &'a Value, name: &str) -> Result<&'a Value, RowError> {
    v.get(name)
        .ok_or_else(|| format!("a row has no \"{name}\" field"))
}

fn string(v: &Value, name: &str) -> Result<String, RowError> {
    field(v, name)?
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("\"{name}\" must be a string"))
}

fn number(v: &Value, name: &str) -> Result<usize, RowError> {
    field(v, name)?
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("\"{name}\" must be a non-negative integer"))
}

fn boolean(v: &Value, name: &str) -> Result<bool, RowError> {
    field(v, name)?
        .as_bool()
        .ok_or_else(|| format!("\"{name}\" must be true or false"))
}

/// A bound: `null` for an unbounded side (JSON has no infinity).
fn bound(v: &Value, name: &str, infinite: f64) -> Result<f64, RowError> {
    match field(v, name)? {
        Value::Null => Ok(infinite),
        n => n
            .as_f64()
            .ok_or_else(|| format!("\"{name}\" must be a number or null")),
    }
}

fn finite(x: f64) -> Value {
    if x.is_finite() {
        json!(x)
    } else {
        Value::Null
    }
}

/// A statement row: the statement, its document's path and its index in the document.
pub fn statement_json(s: &CorpusStatement, index: usize) -> Value {
    json!({
        "path": s.path,
        "index": index,
        "rule": s.rule.to_string(),
        "about": s.about,
        "value": s.value,
        "text": s.text,
        "context": s.context,
        "interval": {
            "lo": finite(s.interval.lo),
            "lo_inclusive": s.interval.lo_inclusive,
            "hi": finite(s.interval.hi),
            "hi_inclusive": s.interval.hi_inclusive,
        },
        "span": {
            "start": s.span.start,
            "end": s.span.end,
            "line": s.span.line,
            "column": s.span.column,
            "end_line": s.span.end_line,
            "end_column": s.span.end_column,
            "source_start": s.span.source.start,
            "source_end": s.span.source.end,
        },
    })
}

fn statement_from_json(v: &Value) -> Result<(usize, CorpusStatement), RowError> {
    let interval = field(v, "interval")?;
    let span = field(v, "span")?;
    let statement = CorpusStatement {
        document: 0,
        path: string(v, "path")?,
        rule: RuleId::from(string(v, "rule")?.as_str()),
        about: string(v, "about")?,
        value: string(v, "value")?,
        interval: Interval::new(
            bound(interval, "lo", f64::NEG_INFINITY)?,
            boolean(interval, "lo_inclusive")?,
            bound(interval, "hi", f64::INFINITY)?,
            boolean(interval, "hi_inclusive")?,
        ),
        span: Span {
            start: number(span, "start")?,
            end: number(span, "end")?,
            line: number(span, "line")?,
            column: number(span, "column")?,
            end_line: number(span, "end_line")?,
            end_column: number(span, "end_column")?,
            source: number(span, "source_start")?..number(span, "source_end")?,
        },
        text: string(v, "text")?,
        context: string(v, "context")?,
    };
    Ok((number(v, "index")?, statement))
}

/// Cross-document conflicts of statement rows (any subset holding every statement of
/// the rules it names, e.g. one Spark group per rule): `{"diagnostics", "conflicts"}`.
/// Rows are put in the order `claimlint report` sees them (documents by path, then
/// statements in document order), so the result does not depend on the input order.
pub fn consensus(rows: &[Value]) -> Result<Value, RowError> {
    let mut statements = rows
        .iter()
        .map(statement_from_json)
        .collect::<Result<Vec<_>, _>>()?;
    statements.sort_by(|(i, a), (j, b)| (&a.path, i).cmp(&(&b.path, j)));
    let mut document = 0;
    let mut previous: Option<String> = None;
    let statements: Vec<CorpusStatement> = statements
        .into_iter()
        .map(|(_, mut s)| {
            if previous.as_ref().is_some_and(|p| *p != s.path) {
                document += 1;
            }
            previous = Some(s.path.clone());
            s.document = document;
            s
        })
        .collect();
    let (findings, groups) = batch::conflicts(&statements);
    Ok(json!({
        "diagnostics": serde_json::to_value(&findings).map_err(|e| e.to_string())?,
        "conflicts": serde_json::to_value(&groups).map_err(|e| e.to_string())?,
    }))
}

/// House-style drift of spelling rows (`path`, `entity`, `lang`, `form`, `count`,
/// `role`): `{"spellings", "drift"}` as the report shows them.
pub fn drift(rows: &[Value]) -> Result<Value, RowError> {
    let mut spellings = Spellings::new();
    let mut roles: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for row in rows {
        let entity = string(row, "entity")?;
        let lang = string(row, "lang")?;
        let form = string(row, "form")?;
        roles.insert(
            (entity.clone(), lang.clone(), form.clone()),
            string(row, "role")?,
        );
        *spellings
            .entry(entity)
            .or_default()
            .entry(lang)
            .or_default()
            .entry(form)
            .or_default()
            .entry(string(row, "path")?)
            .or_default() += number(row, "count")?;
    }
    let batch = Batch {
        spellings,
        ..Batch::default()
    };
    let drift: Vec<Value> = batch
        .drift()
        .map(|(entity, lang, forms)| {
            json!({
                "entity": entity,
                "lang": lang,
                "forms": forms.keys().collect::<Vec<_>>(),
                "roles": forms.iter().map(|(form, docs)| json!({
                    "form": form,
                    "role": roles
                        .get(&(entity.clone(), lang.clone(), form.clone()))
                        .map_or("unlisted", String::as_str),
                    "documents": docs.keys().collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(json!({
        "spellings": serde_json::to_value(&batch.spellings).map_err(|e| e.to_string())?,
        "drift": drift,
    }))
}

/// A spelling row of one document.
pub fn spelling_json(
    path: &str,
    entity: &str,
    lang: &str,
    form: &str,
    count: usize,
    house: Option<&HouseStyle>,
) -> Value {
    json!({
        "path": path,
        "entity": entity,
        "lang": lang,
        "form": form,
        "count": count,
        "role": form_role(house, lang, form),
    })
}

/// What the report assembles from the corpus-wide pieces.
pub struct Parts {
    pub files: Vec<Value>,
    pub diagnostics: Vec<Value>,
    pub conflicts: Vec<Value>,
    pub spellings: Value,
    pub drift: Vec<Value>,
}

/// The order of `claimlint`'s output: by file, offset, kind (registry order), rule,
/// message.
type SortKey = (String, u64, u64, Option<Kind>, String, String);

fn sort_key(f: &Value) -> SortKey {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
    let span = f.get("span");
    let at = |name: &str| span.and_then(|s| s.get(name)).and_then(Value::as_u64);
    (
        text(f.get("path")),
        at("start").unwrap_or(0),
        at("end").unwrap_or(0),
        f.get("kind").and_then(Value::as_str).and_then(Kind::parse),
        text(f.get("rule")),
        text(f.get("message")),
    )
}

/// The JSON object of `claimlint report -o FILE.json`, with the same text.
pub fn report(parts: Parts, house: BTreeMap<String, HouseStyle>) -> Result<String, RowError> {
    let Parts {
        mut files,
        mut diagnostics,
        mut conflicts,
        spellings,
        mut drift,
    } = parts;
    let text = |v: &Value, name: &str| v.get(name).and_then(Value::as_str).unwrap_or("").to_owned();
    files.sort_by_key(|f| text(f, "path"));
    diagnostics.sort_by_cached_key(sort_key);
    conflicts.sort_by_key(|g| text(g, "rule"));
    drift.sort_by_key(|d| (text(d, "entity"), text(d, "lang")));
    let spellings: Spellings =
        serde_json::from_value(spellings).map_err(|e| format!("spellings: {e}"))?;
    let mut totals = Totals::default();
    let mut summary = Counts::default();
    for f in &diagnostics {
        let severity = text(f, "severity");
        let add = |c: &mut Counts| match severity.as_str() {
            "error" => c.errors += 1,
            "warning" => c.warnings += 1,
            _ => c.infos += 1,
        };
        add(&mut summary);
        add(totals.by_rule.entry(text(f, "rule")).or_default());
        add(totals.by_kind.entry(text(f, "kind")).or_default());
        add(totals.by_file.entry(text(f, "path")).or_default());
    }
    for f in &files {
        totals.by_file.entry(text(f, "path")).or_default();
    }
    let mut house = house;
    house.retain(|entity, _| spellings.contains_key(entity));
    let ranked = Batch {
        totals,
        ..Batch::default()
    };
    let worst = ranked.worst();
    let mut object = Map::new();
    object.insert("version".into(), json!(1));
    let n_files = files.len();
    object.insert("files".into(), Value::Array(files));
    object.insert("diagnostics".into(), Value::Array(diagnostics));
    object.insert(
        "summary".into(),
        json!({
            "files": n_files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        }),
    );
    object.insert(
        "totals".into(),
        serde_json::to_value(&ranked.totals).map_err(|e| e.to_string())?,
    );
    object.insert(
        "worst".into(),
        serde_json::to_value(&worst).map_err(|e| e.to_string())?,
    );
    object.insert("conflicts".into(), Value::Array(conflicts));
    object.insert(
        "house".into(),
        serde_json::to_value(&house).map_err(|e| e.to_string())?,
    );
    object.insert(
        "spellings".into(),
        serde_json::to_value(&spellings).map_err(|e| e.to_string())?,
    );
    object.insert("drift".into(), Value::Array(drift));
    let pretty = serde_json::to_string_pretty(&Value::Object(object)).map_err(|e| e.to_string())?;
    let mut out = claimlint::escape::json(pretty);
    out.push('\n');
    Ok(out)
}
