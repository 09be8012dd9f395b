//! Every known form of every entity of every pack in one automaton, and an index of the
//! forms for near-miss lookups. A document is scanned once, whatever the number of forms.

use std::ops::Range;
use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::pack::{FormRole, Pack};

/// Lowercases `text` char by char where that keeps the byte length, so that offsets into
/// the folded text are offsets into `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// One known form of one entity.
#[derive(Clone, Debug)]
pub struct Form {
    pub pack: usize,
    pub entity: usize,
    pub text: String,
    pub role: FormRole,
    pub case_sensitive: bool,
    pub near_miss: u8,
    /// The form with white space runs folded to one space, for window comparisons.
    words: Vec<String>,
}

impl Form {
    /// How many words the form has.
    pub fn words(&self) -> usize {
        self.words.len()
    }
}

/// A stretch of text naming an entity: every form (of possibly several entities) it is.
#[derive(Clone, Debug)]
pub struct Mention {
    pub range: Range<usize>,
    pub forms: Vec<usize>,
}

/// A word or run of words close to a known form without being one.
#[derive(Clone, Debug)]
pub struct NearMiss {
    pub range: Range<usize>,
    pub form: usize,
    pub distance: usize,
}

#[derive(Clone, Copy, Debug)]
struct WindowSize {
    words: usize,
    min_chars: usize,
    max_chars: usize,
    any_case_insensitive: bool,
}

pub struct Names {
    forms: Vec<Form>,
    automaton: Option<AhoCorasick>,
    /// Automaton pattern → forms with that folded text.
    by_pattern: Vec<Vec<usize>>,
    /// Deletion neighbourhoods (up to 2 deletions) of folded near-miss forms → forms, as
    /// (hash of a deletion, form) sorted: a few bytes per entry, no string per entry; a
    /// hash that collides only brings a form to the distance test, which decides.
    /// Built on the first near-miss candidate (a capitalised word of a fitting length
    /// that is no known form): most of the cost of loading a large pack, and one short
    /// article (an editor's keystroke) rarely needs it.
    deletions: OnceLock<DeletionIndex>,
    /// Per word count of the forms that take near-misses (largest first): the range of
    /// their lengths in chars, and whether any is case-insensitive. Cheap filters that
    /// keep most windows of a document away from the deletion index.
    window_sizes: Vec<WindowSize>,
    max_distance: usize,
    /// The fewest characters a candidate two edits from a form can have: shorter
    /// candidates need only the one-edit neighbourhood (far cheaper).
    two_edits_from: usize,
    allow: HashSet<String>,
}

impl Names {
    pub fn new(packs: &[Pack]) -> Names {
        let (forms, allow) = read_forms(packs);
        let (patterns, by_pattern) = pattern_index(&forms);
        let near = NearMissIndex::new(&forms);
        // Forms are matched in the folded text, where runs of white space stay as written;
        // a form with spaces also matches its no-break-space spellings via `normalize_spaces`.
        let automaton = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Names {
            forms,
            automaton,
            by_pattern,
            deletions: OnceLock::new(),
            window_sizes: near.window_sizes,
            max_distance: near.max_distance,
            two_edits_from: near.two_edits_from,
            allow,
        }
    }

    pub fn form(&self, i: usize) -> &Form {
        &self.forms[i]
    }

    /// Whether a pack's `allow` list names `word`.
    pub fn is_allowed(&self, word: &str) -> bool {
        self.allow.contains(&fold(word))
    }

    /// Whole-word mentions of known forms in `text`, leftmost-longest, non-overlapping.
    /// `folded` is `fold(normalize_spaces(text))`; `active` says which packs apply.
    pub fn mentions(&self, text: &str, folded: &str, active: &[bool]) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        // Forms hold one space between words; copy may hold a no-break space (two bytes,
        // two spaces in `folded`) or several spaces: the automaton reads the text with
        // each run of spaces as one, and `at` maps its offsets back.
        let (compact, shifts) = compact_spaces(folded);
        let at = |p: usize| {
            let i = shifts.partition_point(|&(from, _)| from <= p);
            p + if i == 0 { 0 } else { shifts[i - 1].1 }
        };
        let mut candidates: Vec<Mention> = Vec::new();
        for m in automaton.find_overlapping_iter(&compact) {
            let range = at(m.start())..at(m.end() - 1) + 1;
            if !is_word_boundary(text, range.start) || !is_word_boundary(text, range.end) {
                continue;
            }
            let slice = &text[range.clone()];
            let forms: Vec<usize> = self.by_pattern[m.pattern().as_usize()]
                .iter()
                .copied()
                .filter(|&f| {
                    let form = &self.forms[f];
                    active[form.pack] && (!form.case_sensitive || same_spaced(slice, &form.text))
                })
                .collect();
            if !forms.is_empty() {
                candidates.push(Mention { range, forms });
            }
        }
        candidates.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut out: Vec<Mention> = Vec::new();
        for c in candidates {
            if out
                .last()
                .is_none_or(|last| c.range.start >= last.range.end)
            {
                out.push(c);
            }
        }
        out
    }

    /// Words and runs of words outside `mentions` that are within the allowed edits of a
    /// form of 5+ characters.
    pub fn near_misses(
        &self,
        text: &str,
        words: &[Range<usize>],
        mentions: &[Mention],
        active: &[bool],
    ) -> Vec<NearMiss> {
        if self.window_sizes.is_empty() {
            return Vec::new();
        }
        let mention_of = mention_of_words(words, mentions);
        let mut taken = vec![false; words.len()];
        let mut cache: HashMap<String, Option<(usize, usize)>> = HashMap::new();
        let mut out = Vec::new();
        for size in &self.window_sizes {
            let n = size.words;
            for i in 0..words.len().saturating_sub(n - 1) {
                let window = &words[i..i + n];
                if taken[i..i + n].iter().any(|&t| t) {
                    continue;
                }
                // A window may hold mentions of shorter forms when they lie wholly inside
                // it: "Alexander Valdorenko" (an English first name before a French
                // surname) is a near-miss of the full name though its surname is known.
                let span = window[0].start..window[n - 1].end;
                let inside = |m: &Option<usize>| {
                    m.is_none_or(|m| {
                        let r = &mentions[m].range;
                        span.start <= r.start && r.end <= span.end && *r != span
                    })
                };
                if !mention_of[i..i + n].iter().all(inside) {
                    continue;
                }
                let Some(candidate) = window_candidate(text, window, size) else {
                    continue;
                };
                let best = *cache
                    .entry(candidate.clone())
                    .or_insert_with(|| self.nearest(&candidate, n, active));
                let holds_mention = mention_of[i..i + n].iter().any(Option::is_some);
                let best =
                    best.filter(|&(form, _)| !holds_mention || self.is_hybrid(text, window, form));
                if let Some((form, distance)) = best {
                    taken[i..i + n].iter_mut().for_each(|t| *t = true);
                    out.push(NearMiss {
                        range: span,
                        form,
                        distance,
                    });
                }
            }
        }
        out.sort_by_key(|n| n.range.start);
        out
    }

    /// A window holding a known form is a hybrid only when each of its words is a word
    /// of the nearest name's own forms ("Alexander" from one language's spelling,
    /// "Valdorenko" from another's); "Mirela Dobirn" is the known "Mirela" and an
    /// unknown word, not a spelling of one name.
    fn is_hybrid(&self, text: &str, window: &[Range<usize>], form: usize) -> bool {
        let target = &self.forms[form];
        window.iter().all(|w| {
            let word = fold(&text[w.clone()]);
            self.forms.iter().any(|f| {
                (f.pack, f.entity) == (target.pack, target.entity)
                    && f.words.iter().any(|fw| same_apostrophes(&fold(fw), &word))
            })
        })
    }

    fn nearest(&self, candidate: &str, words: usize, active: &[bool]) -> Option<(usize, usize)> {
        let folded = fold(candidate);
        if self.allow.contains(&folded) || candidate.chars().count() > 64 {
            return None;
        }
        let capitalised = candidate.chars().next().is_some_and(char::is_uppercase);
        let mut seen = HashSet::new();
        let mut best: Option<(usize, usize)> = None;
        let radius = if candidate.chars().count() >= self.two_edits_from {
            self.max_distance
        } else {
            self.max_distance.min(1)
        };
        let deletions = self.deletions.get_or_init(|| deletion_index(&self.forms));
        for key in deletion_neighbourhood(&folded, radius) {
            for f in deletions.forms(key) {
                if !seen.insert(f) {
                    continue;
                }
                let form = &self.forms[f];
                if !active[form.pack]
                    || form.words.len() != words
                    || (form.case_sensitive && !capitalised)
                {
                    continue;
                }
                // Edits are counted on folded text: "Kavalenko" is two edits from
                // "Lukavalenko", not three. Case-sensitive forms still only take
                // capitalised candidates (above).
                let distance = damerau_levenshtein(&folded, &fold(&form.text));
                if distance == 0 || distance > usize::from(form.near_miss) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((b, d)) => (distance, self.role_rank(f), f) < (d, self.role_rank(b), b),
                };
                if better {
                    best = Some((f, distance));
                }
            }
        }
        best
    }

    fn role_rank(&self, f: usize) -> u8 {
        match self.forms[f].role {
            FormRole::Preferred => 0,
            FormRole::Variant => 1,
            FormRole::Wrong => 2,
        }
    }
}

/// Forms of this many characters or more (spaces included) take near-misses up to two
/// edits away when their entity does not set `near_miss`: two slips in a long name
/// ("Alexander Kavalenko" for "Alexander Lukavalenko") still leave it recognisable, while two edits from a short one
/// reach ordinary words.
pub const TWO_EDITS_FROM: usize = 12;

/// Every form of every pack's entities (white space folded), and the packs' allowed
/// words, folded.
fn read_forms(packs: &[Pack]) -> (Vec<Form>, HashSet<String>) {
    let mut forms = Vec::new();
    let mut allow = HashSet::new();
    for (p, pack) in packs.iter().enumerate() {
        allow.extend(pack.allow.iter().map(|a| fold(a)));
        for (e, entity) in pack.entities.iter().enumerate() {
            for (text, role) in entity.forms() {
                let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
                if words.is_empty() {
                    continue;
                }
                let text = words.join(" ");
                let near_miss = if entity.near_miss_set {
                    entity.near_miss
                } else {
                    default_near_miss(&text)
                };
                forms.push(Form {
                    pack: p,
                    entity: e,
                    text,
                    role,
                    case_sensitive: entity.case_sensitive,
                    near_miss,
                    words,
                });
            }
        }
    }
    (forms, allow)
}

/// The automaton's patterns (each folded form, in each apostrophe), and for each
/// pattern the forms it stands for.
fn pattern_index(forms: &[Form]) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut by_pattern: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, form) in forms.iter().enumerate() {
        let folded = fold(&form.text);
        // "Côte d'Ivoire" in a pack names "Côte d’Ivoire" in copy: one pattern per
        // apostrophe, all standing for the form.
        for spelling in apostrophe_variants(&folded) {
            let slot = *index.entry(spelling.clone()).or_insert_with(|| {
                patterns.push(spelling);
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            if !by_pattern[slot].contains(&i) {
                by_pattern[slot].push(i);
            }
        }
    }
    (patterns, by_pattern)
}

/// The deletion neighbourhoods of the folded forms that take near-misses → forms.
fn deletion_index(forms: &[Form]) -> DeletionIndex {
    let mut entries: Vec<(u64, usize)> = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        if takes_near_misses(form) {
            let keys = deletion_neighbourhood(&fold(&form.text), usize::from(form.near_miss));
            entries.extend(keys.into_iter().map(|key| (key, i)));
        }
    }
    entries.sort_unstable();
    // Eight bits per entry: most keys of a candidate are in no form's neighbourhood, and
    // one bit tells so without a binary search.
    let bits = (entries.len() * 8).next_power_of_two().max(64);
    let mut filter = vec![0u64; bits / 64];
    let mask = bits as u64 - 1;
    for &(key, _) in &entries {
        let bit = key & mask;
        filter[(bit / 64) as usize] |= 1 << (bit % 64);
    }
    DeletionIndex {
        entries,
        filter,
        mask,
    }
}

/// (hash of a deletion, form) pairs, sorted, and a bitset of the hashes present.
struct DeletionIndex {
    entries: Vec<(u64, usize)>,
    filter: Vec<u64>,
    mask: u64,
}

impl DeletionIndex {
    /// The forms with a deletion that hashes to `key`.
    fn forms(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let bit = key & self.mask;
        let maybe = self
            .filter
            .get((bit / 64) as usize)
            .is_some_and(|word| word >> (bit % 64) & 1 == 1);
        let first = if maybe {
            self.entries.partition_point(|&(k, _)| k < key)
        } else {
            self.entries.len()
        };
        self.entries[first..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, f)| f)
    }
}

fn takes_near_misses(form: &Form) -> bool {
    form.near_miss > 0 && form.text.chars().count() >= 5
}

/// What `Names` keeps to find near-misses (see its fields of the same names).
struct NearMissIndex {
    window_sizes: Vec<WindowSize>,
    max_distance: usize,
    two_edits_from: usize,
}

impl NearMissIndex {
    fn new(forms: &[Form]) -> NearMissIndex {
        let mut window_sizes: Vec<WindowSize> = Vec::new();
        let mut max_distance = 0;
        let mut two_edits_from = usize::MAX;
        for form in forms {
            if !takes_near_misses(form) {
                continue;
            }
            max_distance = max_distance.max(usize::from(form.near_miss));
            let chars = form.text.chars().count();
            if form.near_miss >= 2 {
                two_edits_from = two_edits_from.min(chars.saturating_sub(2));
            }
            let slack = usize::from(form.near_miss);
            match window_sizes
                .iter_mut()
                .find(|w| w.words == form.words.len())
            {
                Some(w) => {
                    w.min_chars = w.min_chars.min(chars.saturating_sub(slack));
                    w.max_chars = w.max_chars.max(chars + slack);
                    w.any_case_insensitive |= !form.case_sensitive;
                }
                None => window_sizes.push(WindowSize {
                    words: form.words.len(),
                    min_chars: chars.saturating_sub(slack),
                    max_chars: chars + slack,
                    any_case_insensitive: !form.case_sensitive,
                }),
            }
        }
        window_sizes.sort_unstable_by_key(|w| std::cmp::Reverse(w.words));
        NearMissIndex {
            window_sizes,
            max_distance,
            two_edits_from,
        }
    }
}

/// For each word, the index of the mention it is part of, if any.
fn mention_of_words(words: &[Range<usize>], mentions: &[Mention]) -> Vec<Option<usize>> {
    let mut mention_of: Vec<Option<usize>> = vec![None; words.len()];
    let mut m = 0;
    for (i, w) in words.iter().enumerate() {
        while m < mentions.len() && mentions[m].range.end <= w.start {
            m += 1;
        }
        if mentions.get(m).is_some_and(|men| men.range.start < w.end) {
            mention_of[i] = Some(m);
        }
    }
    mention_of
}

/// The words of a window joined by single spaces, when the window could be a
/// near-miss of a form of its size: capitalised (unless a form is case-insensitive),
/// of a fitting length, without digits, its words separated by spaces only.
fn window_candidate(text: &str, window: &[Range<usize>], size: &WindowSize) -> Option<String> {
    let n = window.len();
    let first = &text[window[0].clone()];
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    if !capitalised && !size.any_case_insensitive {
        return None;
    }
    let chars: usize = window
        .iter()
        .map(|w| text[w.clone()].chars().count())
        .sum::<usize>()
        + n
        - 1;
    if chars < size.min_chars || chars > size.max_chars {
        return None;
    }
    if window
        .iter()
        .any(|w| text[w.clone()].chars().any(char::is_numeric))
        || !joined_by_spaces(text, window)
    {
        return None;
    }
    Some(
        window
            .iter()
            .map(|w| &text[w.clone()])
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn default_near_miss(form: &str) -> u8 {
    if form.chars().count() >= TWO_EDITS_FROM {
        2
    } else {
        1
    }
}

/// Words of a text for near-miss windows: runs of letters and digits, joined by inner
/// hyphens ("Saint-Pétersbourg" is one word; an apostrophe ends a word).
pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text).collect()
}

/// [`words`], one at a time.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            let joins = (c == '-' || c == '\u{2010}')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if is_word_char(c) || joins || (start.is_some() && is_mark(c)) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                return Some(s..i);
            }
        }
        start.take().map(|s| s..text.len())
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// A letter or digit of a word. U+02BC (modifier letter apostrophe) is a letter to
/// Unicode, but in copy it is an apostrophe: "dʼAndrei" is "d" and "Andrei".
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !APOSTROPHES.contains(&c)
}

fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !(before.is_some_and(is_word_char) && after.is_some_and(is_word_char))
}

/// Equal, treating any run of white space in `text` as one space of `form`.
/// Equal, treating any run of white space in `text` as one space of `form`, and the
/// apostrophes ' ’ ʼ as one.
fn same_spaced(text: &str, form: &str) -> bool {
    if text == form {
        return true;
    }
    let mut a = text.split_whitespace();
    let mut b = form.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y || same_apostrophes(x, y) => {}
            _ => return false,
        }
    }
}

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2BC}'];

fn same_apostrophes(a: &str, b: &str) -> bool {
    let unify = |c: char| if APOSTROPHES.contains(&c) { '\'' } else { c };
    a.chars().map(unify).eq(b.chars().map(unify))
}

/// `form` with every apostrophe written each of the three ways (the form itself first).
fn apostrophe_variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_owned()];
    if form.contains(APOSTROPHES) {
        for a in APOSTROPHES {
            let variant: String = form
                .chars()
                .map(|c| if APOSTROPHES.contains(&c) { a } else { c })
                .collect();
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    out
}

/// Replaces each white space character other than ASCII space (no-break spaces, line
/// breaks) by spaces of the same byte length, so that multi-word forms match across them.
pub fn normalize_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() && c != ' ' {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each run of ASCII spaces as one, and where bytes were dropped: for each
/// offset of the result from which the bytes before it in `text` are more than in the
/// result, that offset and how many more (a list as long as the runs, not the text).
fn compact_spaces(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    let mut dropped = 0;
    let mut last_space = false;
    for c in text.chars() {
        if c == ' ' && last_space {
            dropped += 1;
            match shifts.last_mut() {
                Some(last) if last.0 == out.len() => last.1 = dropped,
                _ => shifts.push((out.len(), dropped)),
            }
            continue;
        }
        last_space = c == ' ';
        out.push(c);
    }
    (out, shifts)
}

fn joined_by_spaces(text: &str, window: &[Range<usize>]) -> bool {
    window.windows(2).all(|pair| {
        let gap = &text[pair[0].end..pair[1].start];
        !gap.is_empty() && gap.chars().all(|c| c.is_whitespace() && c != '\n')
    })
}

/// The hashes of the strings made by deleting up to two (`max`) characters of `word`
/// (`word` included), each once: hashed as they are made, without building the strings.
fn deletion_neighbourhood(word: &str, max: usize) -> Vec<u64> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let hash_without = |skip: [usize; 2]| {
        let mut h = FNV_OFFSET;
        for (i, &c) in chars.iter().enumerate() {
            if i != skip[0] && i != skip[1] {
                h = (h ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME);
            }
        }
        h
    };
    let mut out = vec![hash_without([n, n])];
    if max >= 1 {
        for a in 0..n {
            out.push(hash_without([a, n]));
            if max >= 2 {
                for b in a + 1..n {
                    out.push(hash_without([a, b]));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a over the chars of a deletion.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Damerau–Levenshtein distance (optimal string alignment) over chars.
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(damerau_levenshtein("Mink", "Minsk"), 1);
        assert_eq!(damerau_levenshtein("Minks", "Minsk"), 1);
        assert_eq!(damerau_levenshtein("Pinsk", "Minsk"), 1);
        assert_eq!(damerau_levenshtein("Belarus", "Bélarus"), 1);
        assert_eq!(damerau_levenshtein("abc", "abc"), 0);
    }

    #[test]
    fn folding_keeps_offsets() {
        let text = "ÉTATS-UNIS İstanbul Minsk";
        let folded = fold(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.starts_with("états-unis"));
    }

    #[test]
    fn apostrophes_are_one() {
        use crate::pack;
        let src = "format = 1\n[pack]\nid = \"d\"\n[[entity]]\nid = \"ci\"\npreferred = { fr = \"Côte d'Ivoire\" }\n";
        let packs = vec![pack::load("d.toml", src).expect("loads")];
        let names = Names::new(&packs);
        let text = "La Côte d’Ivoire et la Côte dʼIvoire.";
        let found = names.mentions(text, &fold(&normalize_spaces(text)), &[true]);
        let spans: Vec<&str> = found.iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(spans, ["Côte d’Ivoire", "Côte dʼIvoire"]);
    }

    #[test]
    fn runs_of_spaces_are_one_and_offsets_stay_right() {
        use crate::pack;
        let src = "format = 1\n[pack]\nid = \"d\"\n[[entity]]\nid = \"ci\"\npreferred = { fr = \"Côte d'Ivoire\" }\n";
        let packs = vec![pack::load("d.toml", src).expect("loads")];
        let names = Names::new(&packs);
        let text = "x\u{a0}\u{a0} Côte  d'Ivoire   et Côte\u{202f}d’Ivoire, Côte\nd'Ivoire.";
        let found = names.mentions(text, &fold(&normalize_spaces(text)), &[true]);
        let spans: Vec<&str> = found.iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(
            spans,
            ["Côte  d'Ivoire", "Côte\u{202f}d’Ivoire", "Côte\nd'Ivoire"]
        );
    }

    #[test]
    fn word_split() {
        let text = "l'amnistie de Saint-Pétersbourg, Valdoria's -x";
        let ws: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            ws,
            [
                "l",
                "amnistie",
                "de",
                "Saint-Pétersbourg",
                "Valdoria",
                "s",
                "x"
            ]
        );
    }
}
