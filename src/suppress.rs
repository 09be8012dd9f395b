//! Suppression comments, in any format:
//! `<!-- claimlint-disable-next-line RULE_OR_KIND ... -->`,
//! `<!-- claimlint-disable-line RULE_OR_KIND ... -->` (the line the comment stands on),
//! `<!-- claimlint-disable RULE_OR_KIND ... -->` … `<!-- claimlint-enable -->`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*claimlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->")
        .expect("static regex compiles")
});

/// Byte ranges of claimlint's own comments in `source`.
pub fn comment_ranges(source: &str) -> Vec<Range<usize>> {
    if !source.contains("claimlint-") {
        return Vec::new();
    }
    COMMENT.find_iter(source).map(|m| m.range()).collect()
}

#[derive(Clone, Debug)]
struct Region {
    /// Source range the region covers.
    range: Range<usize>,
    /// Rule ids, kinds or pack ids; empty means all.
    names: Vec<String>,
    /// The comment that opened the region.
    comment: Range<usize>,
}

/// The suppressed regions of one document, in source offsets.
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    regions: Vec<Region>,
    /// Every rule, kind or pack named in a comment, with its range in the source.
    pub names: Vec<(String, Range<usize>)>,
}

impl Suppressions {
    pub fn parse(source: &str) -> Suppressions {
        let mut regions = Vec::new();
        let mut written = Vec::new();
        let mut open: Option<(usize, Vec<String>, Range<usize>)> = None;
        if !source.contains("claimlint-") {
            return Suppressions::default();
        }
        for caps in COMMENT.captures_iter(source) {
            let (Some(whole), Some(verb)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let names: Vec<String> = caps
                .get(2)
                .map(|m| m.as_str().split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default();
            if let Some(list) = caps.get(2) {
                let mut at = list.start();
                for name in list.as_str().split_whitespace() {
                    let start = source[at..].find(name).map_or(at, |i| at + i);
                    written.push((name.to_owned(), start..start + name.len()));
                    at = start + name.len();
                }
            }
            match verb.as_str() {
                "disable-next-line" => {
                    let next_start = source[whole.end()..]
                        .find('\n')
                        .map_or(source.len(), |i| whole.end() + i + 1);
                    let next_end = source[next_start..]
                        .find('\n')
                        .map_or(source.len(), |i| next_start + i);
                    regions.push(Region {
                        range: next_start..next_end,
                        names,
                        comment: whole.range(),
                    });
                }
                "disable-line" => {
                    let line_start = source[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = source[whole.end()..]
                        .find('\n')
                        .map_or(source.len(), |i| whole.end() + i);
                    regions.push(Region {
                        range: line_start..line_end,
                        names,
                        comment: whole.range(),
                    });
                }
                "disable" => {
                    if let Some((start, names, comment)) = open.take() {
                        regions.push(Region {
                            range: start..whole.start(),
                            names,
                            comment,
                        });
                    }
                    open = Some((whole.end(), names, whole.range()));
                }
                _ => {
                    if let Some((start, names, comment)) = open.take() {
                        regions.push(Region {
                            range: start..whole.start(),
                            names,
                            comment,
                        });
                    }
                }
            }
        }
        if let Some((start, names, comment)) = open {
            regions.push(Region {
                range: start..source.len(),
                names,
                comment,
            });
        }
        Suppressions {
            regions,
            names: written,
        }
    }

    /// Whether a finding of `rule` (`pack/id`) and `kind` starting at source offset `at`
    /// is suppressed.
    pub fn suppresses(&self, at: usize, rule: &str, kind: &str) -> bool {
        self.suppressing(at, rule, kind).next().is_some()
    }

    /// The indices of the regions that suppress a finding of `rule` and `kind` at `at`.
    pub fn suppressing<'a>(
        &'a self,
        at: usize,
        rule: &'a str,
        kind: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        let pack = rule.split('/').next().unwrap_or(rule);
        self.regions.iter().enumerate().filter_map(move |(i, r)| {
            (r.range.contains(&at)
                && (r.names.is_empty()
                    || r.names.iter().any(|n| n == rule || n == kind || n == pack)))
            .then_some(i)
        })
    }

    /// How many regions the comments open (indices for [`Suppressions::suppressing`]).
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// The source range of the comment opening region `i`, and the names it lists.
    pub fn comment(&self, i: usize) -> Option<(Range<usize>, &[String])> {
        self.regions
            .get(i)
            .map(|r| (r.comment.clone(), r.names.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_and_blocks() {
        let src = "a\n<!-- claimlint-disable-next-line spelling.near-miss -->\nMink\nMink\n\
                   <!-- claimlint-disable -->\nMink\n<!-- claimlint-enable -->\nMink";
        let s = Suppressions::parse(src);
        let first = src.find("Mink").expect("mink");
        assert!(s.suppresses(first, "belarus/minsk", "spelling.near-miss"));
        assert!(!s.suppresses(first, "belarus/minsk", "spelling.wrong"));
        let second = first + 5;
        assert!(!s.suppresses(second, "belarus/minsk", "spelling.near-miss"));
        let third = src.rfind("Mink\n<!--").expect("third");
        assert!(s.suppresses(third, "belarus/minsk", "spelling.wrong"));
        let last = src.rfind("Mink").expect("last");
        assert!(!s.suppresses(last, "belarus/minsk", "spelling.wrong"));
        assert_eq!(comment_ranges(src).len(), 3);
    }

    #[test]
    fn same_line_and_the_names_written() {
        let src = "Mink <!-- claimlint-disable-line belarus/minsk spelling.style -->\nMink";
        let s = Suppressions::parse(src);
        assert!(s.suppresses(0, "belarus/minsk", "spelling.wrong"));
        assert!(!s.suppresses(src.rfind("Mink").unwrap_or(0), "belarus/minsk", "x"));
        let names: Vec<&str> = s.names.iter().map(|(_, r)| &src[r.clone()]).collect();
        assert_eq!(names, ["belarus/minsk", "spelling.style"]);
    }
}
