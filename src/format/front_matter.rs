//! Front matter at the very start of a Markdown file: YAML between `---` lines or TOML
//! between `+++` lines. Only `lang` and `date` are read; nothing in it is checked.

use std::ops::Range;

use super::MetaValue;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole block, fences included.
    pub range: Range<usize>,
    pub lang: Option<MetaValue>,
    pub date: Option<MetaValue>,
}

/// Finds front matter starting at `start` (just past any BOM).
pub fn parse(source: &str, start: usize) -> Option<FrontMatter> {
    let rest = &source[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != fence {
        return None;
    }
    // Find the closing fence line.
    let mut line_start = first_line_end + 1;
    while line_start <= rest.len() {
        let line_end = rest[line_start..]
            .find('\n')
            .map_or(rest.len(), |i| line_start + i);
        let line = &rest[line_start..line_end];
        if line.trim_end() == fence {
            let body = start + first_line_end + 1..start + line_start;
            let end = (line_end + 1).min(rest.len());
            let mut fm = FrontMatter {
                range: start..start + end,
                ..FrontMatter::default()
            };
            read_keys(source, body, &mut fm);
            return Some(fm);
        }
        if line_end >= rest.len() {
            break;
        }
        line_start = line_end + 1;
    }
    None
}

/// Reads `key: value` (YAML) or `key = value` (TOML) lines at the top level.
fn read_keys(source: &str, body: Range<usize>, fm: &mut FrontMatter) {
    let mut line_start = body.start;
    for line in source[body.clone()].split_inclusive('\n') {
        let this_start = line_start;
        line_start += line.len();
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        let Some(sep) = line.find([':', '=']) else {
            continue;
        };
        let key = line[..sep].trim();
        let raw = line[sep + 1..].trim_end();
        let lead = raw.len() - raw.trim_start().len();
        let mut value = raw.trim_start();
        let mut value_start = this_start + sep + 1 + lead;
        // Drop a trailing comment (TOML or YAML) outside quotes.
        if !value.starts_with(['"', '\'']) {
            if let Some(hash) = value.find(" #") {
                value = value[..hash].trim_end();
            }
        }
        if value.len() >= 2
            && (value.starts_with('"') && value.ends_with('"')
                || value.starts_with('\'') && value.ends_with('\''))
        {
            value = &value[1..value.len() - 1];
            value_start += 1;
        }
        let meta = MetaValue {
            value: value.to_owned(),
            span: value_start..value_start + value.len(),
        };
        match key {
            "lang" | "language" if fm.lang.is_none() => fm.lang = Some(meta),
            "date" if fm.date.is_none() => fm.date = Some(meta),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml() {
        let src = "---\ntitle: \"Potasse\"\nlang: fr\ndate: 2025-12-13\n---\nLe texte.";
        let fm = parse(src, 0).expect("front matter");
        assert_eq!(
            &src[fm.range.clone()],
            "---\ntitle: \"Potasse\"\nlang: fr\ndate: 2025-12-13\n---\n"
        );
        let lang = fm.lang.expect("lang");
        assert_eq!(lang.value, "fr");
        assert_eq!(&src[lang.span], "fr");
        let date = fm.date.expect("date");
        assert_eq!(&src[date.span], "2025-12-13");
    }

    #[test]
    fn toml_with_quotes() {
        let src = "+++\nlang = \"en\"\ndate = 2025-12-13T10:00:00Z\n+++\nText";
        let fm = parse(src, 0).expect("front matter");
        let lang = fm.lang.expect("lang");
        assert_eq!(&src[lang.span], "en");
        assert_eq!(fm.date.expect("date").value, "2025-12-13T10:00:00Z");
    }

    #[test]
    fn unclosed_is_not_front_matter() {
        assert_eq!(parse("---\nlang: fr\nText", 0), None);
        assert_eq!(parse("--- a\n---\n", 0), None);
    }
}
