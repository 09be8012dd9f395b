//! Reading TOML with every value's span, so that each problem in a pack or a config can
//! point at the exact key or value. Problems are collected, not returned one at a time.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::toml_schema::{self, Shape};

/// A problem in a TOML file, with the range it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    /// A second place worth pointing at (e.g. the first definition of a duplicate).
    pub related: Option<(Range<usize>, String)>,
}

impl Problem {
    pub fn new(
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Problem {
        Problem {
            span,
            message: message.into(),
            label: label.into(),
            help: None,
            related: None,
        }
    }

    pub fn with_related(mut self, span: Range<usize>, message: impl Into<String>) -> Problem {
        self.related = Some((span, message.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// A value read from TOML with the range it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

pub type Value<'i> = Spanned<DeValue<'i>>;

/// Parses a whole document, or returns the syntax error as a problem.
pub fn parse(source: &str) -> Result<Spanned<DeTable<'_>>, Box<Problem>> {
    DeTable::parse(source).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        let message = err.message().trim().to_owned();
        Box::new(Problem::new(
            span,
            format!("invalid TOML: {message}"),
            "here",
        ))
    })
}

/// A table being read: knows its span and what it is called in messages, and remembers
/// which keys were read so that the rest can be reported as unknown.
pub struct TableReader<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    what: String,
    seen: Vec<&'static str>,
    /// The keys this table may hold, when declared: reading another key, or reading one
    /// as another shape, is a bug the tests catch (debug assertions).
    keys: Option<&'static toml_schema::Table>,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub fn new(table: &'a DeTable<'i>, span: Range<usize>, what: impl Into<String>) -> Self {
        TableReader {
            table,
            span,
            what: what.into(),
            seen: Vec::new(),
            keys: None,
        }
    }

    /// A reader of a table whose keys are declared in `keys`; the tables read from it
    /// (`table`, `tables`) know their keys from it too. `finish` asserts that every
    /// declared key was looked up, so the declaration and the reader cannot drift.
    pub fn declared(
        table: &'a DeTable<'i>,
        span: Range<usize>,
        what: impl Into<String>,
        keys: &'static toml_schema::Table,
    ) -> Self {
        let mut reader = TableReader::new(table, span, what);
        reader.keys = Some(keys);
        reader
    }

    /// The declared shape of `key`; a key the declaration does not know is a bug.
    fn shape(&self, key: &str) -> Option<&'static Shape> {
        let keys = self.keys?;
        let found = keys.key(key);
        debug_assert!(
            found.is_some(),
            "`{key}` is read but not declared in `{}`",
            keys.name
        );
        found.map(|k| &k.shape)
    }

    /// Asserts that `key` is declared with a shape `expected` accepts.
    fn expect_shape(&self, key: &str, expected: fn(&Shape) -> bool) {
        if let Some(shape) = self.shape(key) {
            debug_assert!(
                expected(shape),
                "`{key}` is read as another shape than its declared {shape:?}"
            );
        }
    }

    /// The table declared for `key`, for the reader of a sub-table.
    fn child(&self, key: &str) -> Option<&'static toml_schema::Table> {
        match self.shape(key)? {
            Shape::Table(t) | Shape::Tables(t) => Some(t),
            _ => None,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The raw value of `key`, marking it known.
    pub fn value(&mut self, key: &'static str) -> Option<&'a Value<'i>> {
        self.shape(key);
        self.seen.push(key);
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    pub fn missing(&self, key: &str, problems: &mut Vec<Problem>) {
        problems.push(Problem::new(
            self.span.clone(),
            format!("{} is missing the required key `{key}`", self.what),
            format!("`{key}` missing here"),
        ));
    }

    pub fn string(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Option<Located<String>> {
        self.expect_shape(key, |s| {
            matches!(s, Shape::String | Shape::Choice(_) | Shape::LangOrAuto)
        });
        let value = self.value(key)?;
        expect_string(value, key, problems)
    }

    pub fn required_string(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Option<Located<String>> {
        let found = self.string(key, problems);
        if found.is_none() && self.value(key).is_none() {
            self.missing(key, problems);
        }
        found
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn strings(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Vec<Located<String>> {
        self.expect_shape(key, |s| matches!(s, Shape::Strings));
        match self.value(key) {
            Some(value) => expect_strings(value, key, problems),
            None => Vec::new(),
        }
    }

    pub fn boolean(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Option<Located<bool>> {
        self.expect_shape(key, |s| matches!(s, Shape::Boolean));
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Located {
                value: *b,
                span: value.span(),
            }),
            other => {
                problems.push(wrong_type(value.span(), key, "a boolean", other));
                None
            }
        }
    }

    /// A number (integer or float).
    pub fn number(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Option<Located<f64>> {
        self.expect_shape(key, |s| matches!(s, Shape::Number));
        let value = self.value(key)?;
        expect_number(value, key, problems)
    }

    pub fn table(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Option<TableReader<'a, 'i>> {
        self.expect_shape(key, |s| matches!(s, Shape::Table(_)));
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::Table(t) => {
                let mut reader = TableReader::new(t, value.span(), format!("`{key}`"));
                reader.keys = self.child(key);
                Some(reader)
            }
            other => {
                problems.push(wrong_type(value.span(), key, "a table", other));
                None
            }
        }
    }

    /// `[[key]]` tables.
    pub fn tables(
        &mut self,
        key: &'static str,
        problems: &mut Vec<Problem>,
    ) -> Vec<TableReader<'a, 'i>> {
        self.expect_shape(key, |s| matches!(s, Shape::Tables(_)));
        let keys = self.child(key);
        let Some(value) = self.value(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            problems.push(wrong_type(
                value.span(),
                key,
                "an array of tables ([[...]])",
                value.get_ref(),
            ));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => {
                    let mut reader =
                        TableReader::new(t, item.span(), format!("[[{key}]] #{}", i + 1));
                    reader.keys = keys;
                    out.push(reader);
                }
                other => problems.push(wrong_type(item.span(), key, "a table", other)),
            }
        }
        out
    }

    /// Reports every key that was not read.
    pub fn finish(self, problems: &mut Vec<Problem>) {
        if let Some(keys) = self.keys {
            for key in keys.keys {
                debug_assert!(
                    self.seen.contains(&key.name),
                    "`{}` is declared in `{}` but never read",
                    key.name,
                    keys.name
                );
            }
        }
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if !self.seen.contains(&name) {
                let known = self.seen.join("`, `");
                problems.push(
                    Problem::new(
                        key.span(),
                        format!("unknown key `{name}` in {}", self.what),
                        "unknown key",
                    )
                    .with_help(format!("known keys: `{known}`")),
                );
            }
        }
    }
}

pub fn expect_string(
    value: &Value<'_>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<Located<String>> {
    match value.get_ref() {
        DeValue::String(s) => Some(Located {
            value: s.to_string(),
            span: value.span(),
        }),
        other => {
            problems.push(wrong_type(value.span(), key, "a string", other));
            None
        }
    }
}

pub fn expect_strings(
    value: &Value<'_>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Located<String>> {
    match value.get_ref() {
        DeValue::String(_) => expect_string(value, key, problems).into_iter().collect(),
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| expect_string(item, key, problems))
            .collect(),
        other => {
            problems.push(wrong_type(value.span(), key, "a list of strings", other));
            Vec::new()
        }
    }
}

pub fn expect_number(
    value: &Value<'_>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<Located<f64>> {
    let number = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    };
    match number {
        Some(n) if n.is_finite() => Some(Located {
            value: n,
            span: value.span(),
        }),
        _ => {
            problems.push(wrong_type(value.span(), key, "a number", value.get_ref()));
            None
        }
    }
}

/// A date written as a TOML string or a bare TOML date: its text.
pub fn date_text(value: &Value<'_>) -> Option<String> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Datetime(d) => Some(d.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_owned()),
        _ => None,
    }
}

pub fn wrong_type(span: Range<usize>, key: &str, expected: &str, found: &DeValue<'_>) -> Problem {
    Problem::new(
        span,
        format!("`{key}` must be {expected}, not {}", found.type_str()),
        format!("expected {expected}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toml_schema::{Key, Table};

    static INNER: Table = Table {
        name: "inner",
        doc: "",
        keys: &[Key::optional("n", Shape::Number, "")],
    };
    static ROOT: Table = Table {
        name: "root",
        doc: "",
        keys: &[
            Key::required("id", Shape::String, ""),
            Key::optional("inner", Shape::Table(&INNER), ""),
        ],
    };

    fn read(source: &str, body: impl FnOnce(&mut TableReader<'_, '_>, &mut Vec<Problem>)) {
        let doc = parse(source).expect("TOML");
        let mut problems = Vec::new();
        let mut root = TableReader::declared(doc.get_ref(), 0..0, "t", &ROOT);
        body(&mut root, &mut problems);
        root.finish(&mut problems);
    }

    #[test]
    fn a_reader_of_exactly_the_declared_keys_passes() {
        read("id = \"x\"\n[inner]\nn = 1\n", |root, problems| {
            assert!(root.required_string("id", problems).is_some());
            let mut inner = root.table("inner", problems).expect("inner");
            assert_eq!(inner.number("n", problems).map(|n| n.value), Some(1.0));
            inner.finish(problems);
        });
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "is read but not declared")]
    fn reading_an_undeclared_key_is_a_bug() {
        read("", |root, problems| {
            root.string("id", problems);
            root.table("inner", problems);
            root.string("colour", problems);
        });
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "as another shape")]
    fn reading_a_key_as_another_shape_is_a_bug() {
        read("", |root, problems| {
            root.number("id", problems);
        });
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "declared in `root` but never read")]
    fn a_declared_key_never_read_is_a_bug() {
        read("", |root, problems| {
            root.string("id", problems);
        });
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "declared in `inner` but never read")]
    fn sub_tables_know_their_keys() {
        read("id = \"x\"\n[inner]\n", |root, problems| {
            root.string("id", problems);
            if let Some(inner) = root.table("inner", problems) {
                inner.finish(problems);
            }
        });
    }
}
