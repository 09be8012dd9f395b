//! The keys a TOML file may hold, described once: the readers (`TableReader::declared`
//! in `toml_reader`) read exactly these keys, with these shapes, and [`json_schema`]
//! turns the same description into the JSON Schema that editors (Taplo, Even Better
//! TOML) use to complete and check the file.

use serde_json::{json, Map, Value};

/// One key of a table.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
    /// One line for the editor's hover.
    pub doc: &'static str,
}

impl Key {
    pub const fn optional(name: &'static str, shape: Shape, doc: &'static str) -> Key {
        Key {
            name,
            shape,
            required: false,
            doc,
        }
    }

    pub const fn required(name: &'static str, shape: Shape, doc: &'static str) -> Key {
        Key {
            name,
            shape,
            required: true,
            doc,
        }
    }
}

/// What a key holds.
#[derive(Debug)]
pub enum Shape {
    String,
    /// One of these strings.
    Choice(&'static [&'static str]),
    /// A language: `"fr"`, `"en"`, a regional tag of them (`"fr-CA"`, `"en_GB"`), or
    /// `"auto"`.
    LangOrAuto,
    /// A list of strings, or one string standing for a list of one.
    Strings,
    Number,
    Boolean,
    /// Exactly this integer (`format = 1`).
    Const(i64),
    /// A full date: a TOML date or a `"YYYY-MM-DD"` string.
    Date,
    /// A date of a year, a month or a day: a TOML date, `"YYYY-MM-DD"`, `"YYYY-MM"` or
    /// `"YYYY"`, or the year as an integer.
    PartialDate,
    /// A table with these keys and no other.
    Table(&'static Table),
    /// An array of such tables (`[[key]]`).
    Tables(&'static Table),
    /// A table whose keys are free (forms, rule ids) and whose values all have this shape.
    Map(&'static Shape),
}

/// A table's keys, named for the schema's definitions.
#[derive(Debug)]
pub struct Table {
    /// The definition's name in the schema (`entity`, `claim`…).
    pub name: &'static str,
    pub doc: &'static str,
    pub keys: &'static [Key],
}

impl Table {
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }
}

/// The JSON Schema (draft-07) of a file whose top-level table is `root`.
pub fn json_schema(root: &'static Table, title: &str) -> Value {
    let mut definitions = Map::new();
    collect(root, &mut definitions);
    // The root is described inline; every other table is a definition.
    definitions.remove(root.name);
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    schema.insert("title".into(), json!(title));
    if let Value::Object(body) = table_schema(root) {
        schema.extend(body);
    }
    if !definitions.is_empty() {
        schema.insert("definitions".into(), Value::Object(definitions));
    }
    Value::Object(schema)
}

/// [`json_schema`] as the text committed under `docs/schema/` and printed by
/// `claimlint schema`: pretty JSON ending with a newline.
pub fn render(root: &'static Table, title: &str) -> String {
    let mut text = serde_json::to_string_pretty(&json_schema(root, title))
        .unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

/// Every table reachable from `table`, by name (once: tables may refer to themselves).
fn collect(table: &'static Table, out: &mut Map<String, Value>) {
    if out.contains_key(table.name) {
        return;
    }
    out.insert(table.name.to_owned(), Value::Null);
    for key in table.keys {
        let mut shape = &key.shape;
        while let Shape::Map(inner) = shape {
            shape = inner;
        }
        if let Shape::Table(t) | Shape::Tables(t) = shape {
            collect(t, out);
        }
    }
    out.insert(table.name.to_owned(), table_schema(table));
}

fn table_schema(table: &Table) -> Value {
    let properties: Map<String, Value> = table
        .keys
        .iter()
        .map(|key| {
            let mut value = shape_schema(&key.shape);
            if let Value::Object(o) = &mut value {
                o.insert("description".into(), json!(key.doc));
            }
            (key.name.to_owned(), value)
        })
        .collect();
    let required: Vec<&str> = table
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    let mut schema = Map::new();
    schema.insert("description".into(), json!(table.doc));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    schema.insert("additionalProperties".into(), json!(false));
    Value::Object(schema)
}

fn shape_schema(shape: &Shape) -> Value {
    match shape {
        Shape::String => json!({"type": "string"}),
        Shape::Choice(values) => json!({"type": "string", "enum": values}),
        Shape::LangOrAuto => json!({
            "type": "string",
            "anyOf": [
                {"enum": ["fr", "en", "auto"]},
                {"pattern": "^\\s*([fF][rR]|[eE][nN])([-_][^\\s]*)?\\s*$"}
            ]
        }),
        Shape::Strings => json!({"type": ["array", "string"], "items": {"type": "string"}}),
        Shape::Number => json!({"type": "number"}),
        Shape::Boolean => json!({"type": "boolean"}),
        Shape::Const(n) => json!({"const": n}),
        Shape::Date => json!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        }),
        Shape::PartialDate => json!({
            "anyOf": [
                {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                {"type": "integer"}
            ]
        }),
        Shape::Table(t) => json!({"$ref": format!("#/definitions/{}", t.name)}),
        Shape::Tables(t) => json!({
            "type": "array",
            "items": {"$ref": format!("#/definitions/{}", t.name)}
        }),
        Shape::Map(inner) => json!({
            "type": "object",
            "additionalProperties": shape_schema(inner)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static ITEM: Table = Table {
        name: "item",
        doc: "an item",
        keys: &[
            Key::required("id", Shape::String, "its id"),
            Key::optional("children", Shape::Tables(&ITEM), "nested items"),
        ],
    };
    static ROOT: Table = Table {
        name: "root",
        doc: "a file",
        keys: &[
            Key::required("format", Shape::Const(1), "the format"),
            Key::optional("item", Shape::Tables(&ITEM), "items"),
            Key::optional("levels", Shape::Map(&Shape::Choice(&["a", "b"])), "levels"),
        ],
    };

    #[test]
    fn tables_become_definitions_and_may_nest_themselves() {
        let schema = json_schema(&ROOT, "t");
        assert_eq!(schema["required"], json!(["format"]));
        assert_eq!(schema["additionalProperties"], json!(false));
        assert_eq!(
            schema["properties"]["item"]["items"]["$ref"],
            "#/definitions/item"
        );
        assert_eq!(
            schema["definitions"]["item"]["properties"]["children"]["items"]["$ref"],
            "#/definitions/item"
        );
        assert_eq!(
            schema["properties"]["levels"]["additionalProperties"]["enum"],
            json!(["a", "b"])
        );
        assert!(schema["definitions"].get("root").is_none());
    }
}
