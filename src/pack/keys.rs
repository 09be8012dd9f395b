//! Every key of a pack file (RULES.md), declared once: `load` reads exactly these keys
//! (`TableReader::declared` asserts it in debug builds) and `docs/schema/pack.schema.json`
//! is generated from them (`claimlint schema pack`).

use crate::toml_schema::{self, Key, Shape, Table};

/// The JSON Schema of pack files (`docs/schema/pack.schema.json`).
pub fn schema() -> String {
    toml_schema::render(&PACK_FILE, "claimlint rule pack")
}

/// The top level of a pack file.
pub static PACK_FILE: Table = Table {
    name: "pack-file",
    doc: "A claimlint rule pack: entities and their spellings, claims with what is known (docs/RULES.md)",
    keys: &[
        Key::required("format", Shape::Const(1), "The pack format: 1"),
        Key::required("pack", Shape::Table(&PACK), "The pack's id, title, languages and allowed words"),
        Key::optional("entity", Shape::Tables(&ENTITY), "An entity and its spellings"),
        Key::optional("claim", Shape::Tables(&CLAIM), "A checkable claim: how to spot it in text and what is known"),
    ],
};

static PACK: Table = Table {
    name: "pack",
    doc: "[pack]: the pack's id, title, languages and allowed words",
    keys: &[
        Key::required("id", Shape::String, "The pack id: lowercase letters, digits and dashes; prefixes every rule id (not hygiene, spelling, input, config or rules)"),
        Key::optional("title", Shape::String, "A title shown by `claimlint rules list`"),
        Key::optional("langs", Shape::Strings, "Languages the pack applies to (\"fr\", \"en\"); default: all"),
        Key::optional("allow", Shape::Strings, "Real words never reported as near-misses"),
    ],
};

static BY_LANG: Table = Table {
    name: "preferred",
    doc: "The house-style spelling of each language",
    keys: &[
        Key::optional("fr", Shape::String, "House style in French"),
        Key::optional("en", Shape::String, "House style in English"),
    ],
};

static ENTITY: Table = Table {
    name: "entity",
    doc: "[[entity]]: a person, place or organisation and its spellings (at least one of preferred, variants, wrong)",
    keys: &[
        Key::required("id", Shape::String, "The rule id within the pack: lowercase letters, digits, dashes, dots and underscores"),
        Key::optional("preferred", Shape::Table(&BY_LANG), "House style per language: { fr = \"…\", en = \"…\" }"),
        Key::optional("variants", Shape::Strings, "Accepted spellings that are not house style (spelling.style)"),
        Key::optional("wrong", Shape::Strings, "Spellings that are always wrong (spelling.wrong)"),
        Key::optional("gender", Shape::Map(&Shape::String), "French agreement of each form: \"m\" or \"f\", then \"pl\", then \"elided\" or \"not-elided\""),
        Key::optional("ambiguous", Shape::Strings, "Forms knowingly shared with another entity of the pack"),
        Key::optional("near_miss", Shape::Number, "Edits (0, 1 or 2) within which an unknown word is a near-miss; default by length"),
        Key::optional("case_sensitive", Shape::Boolean, "Match forms with their case (default true)"),
    ],
};

static CLAIM: Table = Table {
    name: "claim",
    doc: "[[claim]]: how to spot a claim in text (patterns or regex) and at most one known fact (quantity, date or since)",
    keys: &[
        Key::required("id", Shape::String, "The rule id within the pack"),
        Key::required("about", Shape::String, "What the claim is about, used in messages"),
        Key::optional("source", Shape::String, "Where the known fact comes from, shown in help"),
        Key::optional("quantity", Shape::Table(&QUANTITY), "A known quantity: a bound, a tolerance, its date and trend"),
        Key::optional("date", Shape::PartialDate, "The known date of the event: YYYY-MM-DD, YYYY-MM or YYYY"),
        Key::optional("since", Shape::Date, "The known start date (YYYY-MM-DD) of a state that lasts"),
        Key::optional("patterns", Shape::Table(&PATTERNS), "Patterns per language (docs/RULES.md, \"Patterns\")"),
        Key::optional("regex", Shape::Table(&REGEX), "A regex per language, naming the group n, date or when"),
        Key::optional("context", Shape::Strings, "Patterns that must also match in the same sentence"),
        Key::optional("requires", Shape::Strings, "Entities (ID or PACK/ID) that must be mentioned in the document"),
        Key::optional("severity", Shape::Choice(&["error", "warning", "info"]), "The severity of a contradiction (default error)"),
        Key::optional("examples", Shape::Table(&EXAMPLES), "Sentences the rule is tested on when the pack loads"),
    ],
};

static QUANTITY: Table = Table {
    name: "quantity",
    doc: "A known quantity: exactly one bound (exact, at_least, at_most, min and max, approx) unless history gives it",
    keys: &[
        Key::optional("exact", Shape::Number, "The exact value"),
        Key::optional("at_least", Shape::Number, "A lower bound"),
        Key::optional("at_most", Shape::Number, "An upper bound"),
        Key::optional("min", Shape::Number, "The low end of a range (with max)"),
        Key::optional("max", Shape::Number, "The high end of a range (with min)"),
        Key::optional("approx", Shape::Number, "An approximate value (with tolerance)"),
        Key::optional("tolerance", Shape::Number, "The fraction (0 to 1) an approximate value may be off"),
        Key::optional("as_of", Shape::Date, "The date (YYYY-MM-DD) the value is known at"),
        Key::optional("trend", Shape::Choice(&["stable", "increasing", "decreasing"]), "How the value moves over time"),
        Key::optional("history", Shape::Tables(&QUANTITY), "Earlier values, each with its as_of"),
    ],
};

static PATTERNS: Table = Table {
    name: "patterns",
    doc: "Patterns per language",
    keys: &[
        Key::optional("fr", Shape::Strings, "French patterns"),
        Key::optional("en", Shape::Strings, "English patterns"),
    ],
};

static REGEX: Table = Table {
    name: "regex",
    doc: "A regex per language",
    keys: &[
        Key::optional("fr", Shape::String, "The French regex"),
        Key::optional("en", Shape::String, "The English regex"),
    ],
};

static EXAMPLES: Table = Table {
    name: "examples",
    doc: "Sentences the rule is tested on when the pack loads",
    keys: &[
        Key::optional(
            "pass",
            Shape::Strings,
            "Sentences the rule recognises and finds right",
        ),
        Key::optional(
            "fail",
            Shape::Strings,
            "Sentences the rule recognises and finds wrong",
        ),
        Key::optional(
            "ignore",
            Shape::Strings,
            "Distractors the rule must not recognise",
        ),
    ],
};
