//! claimlint for Python: the same engine as the command line, compiled once per
//! `Engine`, with Arrow record batches in and out for Spark's `mapInArrow`, and the
//! corpus-wide steps of `claimlint report` (consensus conflicts, house-style drift, the
//! report's JSON) as functions over the rows the engine writes.

mod arrow;
mod corpus;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use claimlint::document::DocOptions;
use claimlint::document::EncodingChoice;
use claimlint::lang::Lang;
use claimlint::report::{OutputFormat, PrettyOptions};
use claimlint::workspace::batch::{corpus_statements, house_styles, HouseStyle};
use claimlint::workspace::check::check_bytes;
use claimlint::workspace::{Checked, Outcome, Settings, Workspace};
use claimlint::Severity;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde_json::Value;

create_exception!(
    _claimlint,
    ClaimlintError,
    PyException,
    "The config or a rule pack is broken. The message is claimlint's diagnostic text \
     (what the command line prints), pointing into the file."
);

/// Packs and config loaded and compiled once; checks any number of documents.
///
/// `config`: a `claimlint.toml` (none by default: unlike the command line, the engine
/// does not look for one upwards from the working folder). `rules`: pack files or
/// folders replacing the config's and the built-in packs. `lang`, `date`: defaults for
/// documents that do not declare theirs (as `--lang`, `--date`). `today`: what "today"
/// is for undated documents (`CLAIMLINT_TODAY`, else the clock). `encoding`: as
/// `--encoding` for bytes without a byte-order mark.
///
/// Raises `ClaimlintError` with claimlint's diagnostics when the config or a pack is
/// broken, and `ValueError` for a bad argument.
#[pyclass(frozen, module = "claimlint._claimlint")]
struct Engine {
    workspace: Workspace,
    house: BTreeMap<String, HouseStyle>,
    /// The constructor's arguments (with "today" resolved): pickling an engine sends
    /// them, and the receiving process compiles its own.
    arguments: Py<PyDict>,
}

fn parse_lang(lang: &str) -> PyResult<Lang> {
    Lang::from_tag(lang).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown language {lang:?}: claimlint checks \"fr\" and \"en\""
        ))
    })
}

fn parse_date(date: &str) -> PyResult<jiff::civil::Date> {
    date.trim()
        .parse()
        .map_err(|e| PyValueError::new_err(format!("{date:?} is not a date (YYYY-MM-DD): {e}")))
}

/// A document's name with an extension telling its format, when `format` is given and
/// the name does not already say it (`article-7` + `md` → `article-7.md`).
fn document_name(path: &str, format: Option<&str>) -> PyResult<String> {
    let Some(format) = format else {
        return Ok(path.to_owned());
    };
    let wanted = match format.to_ascii_lowercase().as_str() {
        "md" | "markdown" => "md",
        "txt" | "text" | "plain" => "txt",
        "html" | "htm" => "html",
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?}: md, txt or html"
            )))
        }
    };
    let has = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let current = match has.as_deref() {
        Some("md" | "markdown") => "md",
        Some("html" | "htm" | "xhtml") => "html",
        _ => "txt",
    };
    if current == wanted && (wanted != "txt" || has.is_some()) {
        Ok(path.to_owned())
    } else {
        Ok(format!("{path}.{wanted}"))
    }
}

/// Text or bytes of a document.
fn document_bytes(text: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = text.cast::<PyString>() {
        return Ok(s.to_str()?.as_bytes().to_vec());
    }
    if let Ok(b) = text.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(PyTypeError::new_err("text must be str or bytes"))
}

/// A Python value from JSON (Python's own parser: fast, exact for floats).
fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// JSON from a dict, or from a JSON string (the `json` column of the engine's rows).
fn from_python(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let text: String = if let Ok(s) = obj.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else {
        obj.py()
            .import("json")?
            .call_method1("dumps", (obj,))?
            .extract()?
    };
    serde_json::from_str(&text).map_err(|e| PyValueError::new_err(format!("not a row: {e}")))
}

fn rows(items: &Bound<'_, PyAny>) -> PyResult<Vec<Value>> {
    if items.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(
            "expected a list of rows (dicts or JSON strings), not one string",
        ));
    }
    items.try_iter()?.map(|item| from_python(&item?)).collect()
}

fn row_error(e: corpus::RowError) -> PyErr {
    PyValueError::new_err(e)
}

/// The schema of the rows `Engine.check_arrow` writes.
fn rows_schema() -> Arc<Schema> {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        text("id", true),
        text("path", false),
        text("type", false),
        text("rule", true),
        text("kind", true),
        text("severity", true),
        Field::new("line", DataType::Int64, true),
        Field::new("column", DataType::Int64, true),
        text("lang", true),
        text("form", true),
        Field::new("count", DataType::Int64, true),
        text("json", false),
    ]))
}

/// Builders of the rows.
struct Rows {
    id: StringBuilder,
    path: StringBuilder,
    kind_of_row: StringBuilder,
    rule: StringBuilder,
    kind: StringBuilder,
    severity: StringBuilder,
    line: Int64Builder,
    column: Int64Builder,
    lang: StringBuilder,
    form: StringBuilder,
    count: Int64Builder,
    json: StringBuilder,
}

/// One row; `None` fields are nulls.
struct Row<'a> {
    kind_of_row: &'a str,
    rule: Option<&'a str>,
    kind: Option<&'a str>,
    severity: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    lang: Option<&'a str>,
    form: Option<&'a str>,
    count: Option<usize>,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            id: StringBuilder::new(),
            path: StringBuilder::new(),
            kind_of_row: StringBuilder::new(),
            rule: StringBuilder::new(),
            kind: StringBuilder::new(),
            severity: StringBuilder::new(),
            line: Int64Builder::new(),
            column: Int64Builder::new(),
            lang: StringBuilder::new(),
            form: StringBuilder::new(),
            count: Int64Builder::new(),
            json: StringBuilder::new(),
        }
    }

    fn push(&mut self, id: Option<&str>, path: &str, row: Row<'_>, json: &Value) {
        let int = |n: Option<usize>| n.and_then(|n| i64::try_from(n).ok());
        self.id.append_option(id);
        self.path.append_value(path);
        self.kind_of_row.append_value(row.kind_of_row);
        self.rule.append_option(row.rule);
        self.kind.append_option(row.kind);
        self.severity.append_option(row.severity);
        self.line.append_option(int(row.line));
        self.column.append_option(int(row.column));
        self.lang.append_option(row.lang);
        self.form.append_option(row.form);
        self.count.append_option(int(row.count));
        self.json
            .append_value(serde_json::to_string(json).unwrap_or_default());
    }

    fn finish(mut self) -> PyResult<RecordBatch> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.path.finish()),
            Arc::new(self.kind_of_row.finish()),
            Arc::new(self.rule.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.severity.finish()),
            Arc::new(self.line.finish()),
            Arc::new(self.column.finish()),
            Arc::new(self.lang.finish()),
            Arc::new(self.form.finish()),
            Arc::new(self.count.finish()),
            Arc::new(self.json.finish()),
        ];
        RecordBatch::try_new(rows_schema(), columns)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl Engine {
    fn options(&self, lang: Option<&str>, date: Option<&str>) -> PyResult<DocOptions> {
        let mut opts = self.workspace.opts.clone();
        if let Some(lang) = lang {
            opts.lang = Some((parse_lang(lang)?, "cli"));
        }
        if let Some(date) = date {
            opts.date = Some(parse_date(date)?);
        }
        Ok(opts)
    }

    fn check_one(&self, name: &str, bytes: &[u8], opts: &DocOptions) -> Checked {
        let ws = &self.workspace;
        check_bytes(name, bytes, &ws.engine, opts, &ws.policy())
    }

    /// The rows of one checked document.
    fn write_rows(&self, rows: &mut Rows, id: Option<&str>, checked: &Checked) {
        let path = checked
            .info
            .as_ref()
            .map(|i| i.path.as_str())
            .or_else(|| checked.findings.first().map(|f| f.path.as_str()))
            .unwrap_or_default();
        if let Some(info) = &checked.info {
            let json = serde_json::to_value(info).unwrap_or_default();
            let row = Row {
                kind_of_row: "file",
                rule: None,
                kind: None,
                severity: None,
                line: None,
                column: None,
                lang: Some(&info.lang),
                form: None,
                count: None,
            };
            rows.push(id, path, row, &json);
        }
        for f in &checked.findings {
            let json = serde_json::to_value(f).unwrap_or_default();
            let row = Row {
                kind_of_row: "finding",
                rule: Some(&*f.rule),
                kind: Some(f.kind.as_str()),
                severity: Some(severity(f.severity)),
                line: Some(f.span.line),
                column: Some(f.span.column),
                lang: None,
                form: None,
                count: None,
            };
            rows.push(id, &f.path, row, &json);
        }
        let source = checked.source.as_ref().map(|(_, s)| s);
        for (index, s) in corpus_statements(0, checked, source).iter().enumerate() {
            let row = Row {
                kind_of_row: "statement",
                rule: Some(&*s.rule),
                kind: None,
                severity: None,
                line: Some(s.span.line),
                column: Some(s.span.column),
                lang: None,
                form: None,
                count: None,
            };
            rows.push(id, path, row, &corpus::statement_json(s, index));
        }
        if let Some(info) = &checked.info {
            let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
            for (entity, form) in &checked.spellings {
                *counts.entry((&**entity, form.as_str())).or_default() += 1;
            }
            for ((entity, form), count) in counts {
                let json = corpus::spelling_json(
                    path,
                    entity,
                    &info.lang,
                    form,
                    count,
                    self.house.get(entity),
                );
                let row = Row {
                    kind_of_row: "spelling",
                    rule: Some(entity),
                    kind: None,
                    severity: None,
                    line: None,
                    column: None,
                    lang: Some(&info.lang),
                    form: Some(form),
                    count: Some(count),
                };
                rows.push(id, path, row, &json);
            }
        }
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (config=None, rules=None, *, lang=None, date=None, today=None, encoding=None, max_findings=100_000))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        config: Option<PathBuf>,
        rules: Option<Bound<'_, PyAny>>,
        lang: Option<&str>,
        date: Option<&str>,
        today: Option<&str>,
        encoding: Option<&str>,
        max_findings: usize,
    ) -> PyResult<Engine> {
        let today = match today {
            Some(t) => parse_date(t)?,
            None => std::env::var("CLAIMLINT_TODAY")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
        };
        let mut settings = Settings::new(today);
        settings.no_config = config.is_none();
        settings.config = config;
        settings.max_findings = max_findings;
        if let Some(rules) = rules {
            settings.rules = if rules.cast::<PyString>().is_ok() || rules.hasattr("__fspath__")? {
                vec![rules.extract::<PathBuf>()?]
            } else {
                rules.extract::<Vec<PathBuf>>()?
            };
        }
        settings.lang = lang.map(parse_lang).transpose()?;
        settings.date = date.map(parse_date).transpose()?;
        settings.encoding = match encoding {
            None => None,
            Some(label) => Some(
                EncodingChoice::parse(label)
                    .ok_or_else(|| PyValueError::new_err(format!("unknown encoding {label:?}")))?,
            ),
        };
        let workspace = py.detach(|| Workspace::load(&settings));
        let problems = workspace.problems();
        if !problems.is_empty() {
            let outcome = Outcome {
                files: Vec::new(),
                findings: problems.findings.clone(),
                sources: problems.sources.clone(),
            };
            let text = claimlint::report::render(
                &outcome,
                OutputFormat::Pretty,
                PrettyOptions {
                    color: false,
                    width: 100,
                    summary: false,
                    min_severity: Severity::Info,
                    show_claims: false,
                },
            );
            return Err(ClaimlintError::new_err(text.trim_end().to_owned()));
        }
        let house = house_styles(workspace.engine.packs());
        let arguments = PyDict::new(py);
        arguments.set_item("config", settings.config.as_ref())?;
        arguments.set_item(
            "rules",
            (!settings.rules.is_empty()).then_some(&settings.rules),
        )?;
        arguments.set_item("lang", lang)?;
        arguments.set_item("date", date)?;
        arguments.set_item("today", today.to_string())?;
        arguments.set_item("encoding", encoding)?;
        arguments.set_item("max_findings", max_findings)?;
        Ok(Engine {
            workspace,
            house,
            arguments: arguments.unbind(),
        })
    }

    /// Checks one document. `text`: str or bytes (bytes are decoded as the command line
    /// decodes a file). `path`: its name in the output (its extension gives its format
    /// unless `format`, "md", "txt" or "html", is given). `lang`, `date`: defaults for
    /// this document if it does not declare its own.
    ///
    /// Returns what `claimlint check --format json` prints for the document: a dict with
    /// `version`, `files` (its language, date, and every claim statement with its
    /// verdict), `diagnostics` and `summary`.
    #[pyo3(signature = (text, path=None, *, format=None, lang=None, date=None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        path: Option<&str>,
        format: Option<&str>,
        lang: Option<&str>,
        date: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let bytes = document_bytes(text)?;
        let name = document_name(path.unwrap_or("<text>"), format)?;
        let opts = self.options(lang, date)?;
        let json = py.detach(|| {
            let mut results = vec![self.check_one(&name, &bytes, &opts)];
            let outcome = self.workspace.outcome(&mut results);
            claimlint::report::render(
                &outcome,
                OutputFormat::Json,
                PrettyOptions {
                    color: false,
                    width: 100,
                    summary: false,
                    min_severity: Severity::Info,
                    show_claims: false,
                },
            )
        });
        let value: Value =
            serde_json::from_str(&json).map_err(|e| PyValueError::new_err(e.to_string()))?;
        to_python(py, &value)
    }

    /// Checks a `pyarrow.RecordBatch` of documents, one per row, and returns a
    /// `pyarrow.RecordBatch` of rows (see `claimlint.ROWS_SCHEMA`).
    ///
    /// Input columns: `text` (string or binary, required); `path` or `id` (the name
    /// shown; `path` wins when both are there); optional `format`, `lang`, `date`
    /// (strings; null for the default). Output: one row per file (`type` "file"),
    /// finding ("finding"), claim statement taking part in cross-document consensus
    /// ("statement") and spelling of an entity ("spelling"), each with its JSON in
    /// `json` and its key fields in columns.
    fn check_arrow<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input = arrow::import_batch(batch)?;
        let column = |name: &str| -> PyResult<Option<arrow::BytesColumn<'_>>> {
            input
                .column_by_name(name)
                .map(|c| arrow::BytesColumn::new(name, c))
                .transpose()
        };
        let text = column("text")?
            .ok_or_else(|| PyValueError::new_err("the batch has no \"text\" column"))?;
        let (id, path) = (column("id")?, column("path")?);
        let (format, lang, date) = (column("format")?, column("lang")?, column("date")?);
        let mut documents = Vec::with_capacity(input.num_rows());
        for i in 0..input.num_rows() {
            let id_text = id.as_ref().and_then(|c| c.text(i));
            let shown = path
                .as_ref()
                .and_then(|c| c.text(i))
                .or_else(|| id_text.clone())
                .unwrap_or_else(|| format!("row-{i}"));
            let name = document_name(&shown, format.as_ref().and_then(|c| c.text(i)).as_deref())?;
            let opts = self.options(
                lang.as_ref().and_then(|c| c.text(i)).as_deref(),
                date.as_ref().and_then(|c| c.text(i)).as_deref(),
            )?;
            documents.push((id_text, name, opts));
        }
        let out = py.detach(|| {
            let mut rows = Rows::new();
            for (i, (id, name, opts)) in documents.iter().enumerate() {
                let bytes = text.get(i).unwrap_or_default();
                let checked = self.check_one(name, bytes, opts);
                self.write_rows(&mut rows, id.as_deref(), &checked);
            }
            rows.finish()
        })?;
        arrow::export_batch(py, out)
    }

    /// Pickling sends the constructor's arguments; the receiving process (a Spark
    /// executor) loads and compiles the packs again, from the same paths.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (Py<PyDict>,))> {
        let rebuild = py.import("claimlint")?.getattr("_rebuild")?;
        Ok((rebuild, (self.arguments.clone_ref(py),)))
    }

    /// What the packs list for each entity (house style per language, accepted
    /// variants, wrong forms), by entity rule id: the report's `house` section.
    fn house_styles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value =
            serde_json::to_value(&self.house).map_err(|e| PyValueError::new_err(e.to_string()))?;
        to_python(py, &value)
    }

    /// The JSON text of `claimlint report -o FILE.json` from its corpus-wide pieces:
    /// `files` and `diagnostics` (the "file" and "finding" rows, plus the diagnostics
    /// of `consensus`), `conflicts` (of `consensus`), `spellings` and `drift` (of
    /// `drift`, merged). Rows may be dicts or JSON strings; order does not matter.
    #[pyo3(signature = (files, diagnostics, conflicts, spellings, drift))]
    fn report_json(
        &self,
        py: Python<'_>,
        files: &Bound<'_, PyAny>,
        diagnostics: &Bound<'_, PyAny>,
        conflicts: &Bound<'_, PyAny>,
        spellings: &Bound<'_, PyAny>,
        drift: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        let parts = corpus::Parts {
            files: rows(files)?,
            diagnostics: rows(diagnostics)?,
            conflicts: rows(conflicts)?,
            spellings: from_python(spellings)?,
            drift: rows(drift)?,
        };
        let house = self.house.clone();
        py.detach(|| corpus::report(parts, house))
            .map_err(row_error)
    }
}

/// Cross-document conflicts among claim statements, exactly as `claimlint report`
/// computes them: `statements` are "statement" rows of `Engine.check_arrow` (dicts or
/// their JSON strings), all those of every rule concerned (e.g. one group per `rule`).
/// Returns `{"diagnostics": [...], "conflicts": [...]}`: the `claim.conflict` findings
/// and one group per rule with outliers. The result does not depend on the row order.
#[pyfunction]
fn consensus<'py>(py: Python<'py>, statements: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let rows = rows(statements)?;
    let value = py.detach(|| corpus::consensus(&rows)).map_err(row_error)?;
    to_python(py, &value)
}

/// House-style drift among spellings, exactly as `claimlint report` computes it:
/// `spellings` are "spelling" rows of `Engine.check_arrow` (dicts or JSON strings), all
/// those of every entity concerned (e.g. one group per entity). Returns
/// `{"spellings": {entity: {lang: {form: {path: count}}}}, "drift": [...]}`: the
/// entities spelt more than one way in the documents of one language, each form with
/// its role (house, variant, wrong, unlisted) and documents.
#[pyfunction]
fn drift<'py>(py: Python<'py>, spellings: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let rows = rows(spellings)?;
    let value = py.detach(|| corpus::drift(&rows)).map_err(row_error)?;
    to_python(py, &value)
}

/// The schema of `Engine.check_arrow`'s output, as a pyarrow schema.
#[pyfunction]
fn rows_schema_capsule(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let empty = RecordBatch::new_empty(rows_schema());
    let batch = arrow::export_batch(py, empty)?;
    batch.getattr("schema")
}

#[pymodule]
fn _claimlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add_function(wrap_pyfunction!(consensus, m)?)?;
    m.add_function(wrap_pyfunction!(drift, m)?)?;
    m.add_function(wrap_pyfunction!(rows_schema_capsule, m)?)?;
    m.add("ClaimlintError", m.py().get_type::<ClaimlintError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
