//! Throughput of `Engine::check` (bytes per second): a 5 MB single-line article, a
//! 1 MB article of distinct sentences (hygiene must stay linear), and one article checked
//! with 10 and with 1,000 claim rules (the cost must not grow with the number of rules).
//! Run with `cargo bench`.

use claimlint::document::{DocOptions, Document};
use claimlint::engine::Engine;
use claimlint::pack;
use claimlint::workspace::load;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

fn engine() -> Engine {
    let (packs, _) = load::load_packs(load::PackOrigin::Builtin);
    Engine::new(packs).expect("built-in packs compile")
}

/// A deterministic pseudo-random article of `bytes` bytes on one line.
fn single_line(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "le",
        "président",
        "Minsk",
        "Bélarus",
        "Loukachenko",
        "a",
        "dit",
        "que",
        "les",
        "relations",
        "sont",
        "bonnes",
        "avec",
        "Washington",
        "et",
        "Mink",
        "depuis",
        "trente",
        "ans",
        "potasse",
        "sanctions",
        "Biélorussie",
    ];
    let mut state = 0x2545_f491_u32;
    let mut out = String::with_capacity(bytes + 16);
    while out.len() < bytes {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        out.push_str(WORDS[state as usize % WORDS.len()]);
        out.push(' ');
    }
    out
}

/// Distinct sentences, one paragraph per line.
fn distinct_sentences(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while out.len() < bytes {
        out.push_str(&format!(
            "La séance numéro {i} a réuni {} délégués à Minsk le matin.\n",
            i * 7 + 3
        ));
        i += 1;
    }
    out
}

fn bench_text(bencher: Bencher, name: &str, text: &str) {
    let engine = engine();
    let opts = DocOptions::new(jiff::civil::Date::constant(2025, 12, 13));
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::load(name, black_box(text.as_bytes()), &opts).expect("utf-8");
        black_box(engine.check(&doc).len())
    });
}

#[divan::bench(sample_count = 10)]
fn five_mb_single_line(bencher: Bencher) {
    bench_text(bencher, "big.txt", &single_line(5_000_000));
}

#[divan::bench(sample_count = 10, args = [250_000, 500_000, 1_000_000])]
fn distinct_sentences_hygiene(bencher: Bencher, bytes: usize) {
    bench_text(bencher, "sentences.txt", &distinct_sentences(bytes));
}

/// The shipped packs plus a pack of `rules` claim rules, each anchored on its own word.
fn engine_with_claims(rules: usize) -> Engine {
    let (mut packs, _) = load::load_packs(load::PackOrigin::Builtin);
    let mut toml = String::from("format = 1\n[pack]\nid = \"synthetic\"\n");
    for i in 0..rules {
        toml.push_str(&format!(
            "[[claim]]\nid = \"c{i}\"\nabout = \"output of plant {i}\"\nquantity = {{ at_least = {i} }}\n\
             patterns.fr = [\"usine{i} {{...}} {{n}} tonnes\"]\npatterns.en = [\"plant{i} {{...}} {{n}} tonnes\"]\n"
        ));
    }
    packs.push(pack::load("synthetic.toml", &toml).expect("synthetic pack loads"));
    Engine::new(packs).expect("engine compiles")
}

#[divan::bench(sample_count = 10, args = [10, 1_000])]
fn claim_rules(bencher: Bencher, rules: usize) {
    let engine = engine_with_claims(rules);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 500_000 {
        text.push_str(&format!(
            "M. Loukachenko dirige le Bélarus depuis plus de trente ans. L'usine{} a produit {} tonnes en 2024. \
             Depuis juillet 2024, le Bélarus a libéré plus de 430 prisonniers politiques.\n",
            i % 7,
            i * 3
        ));
        i += 1;
    }
    let opts = DocOptions::new(jiff::civil::Date::constant(2025, 12, 13));
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::load("claims.txt", black_box(text.as_bytes()), &opts).expect("utf-8");
        black_box(engine.check(&doc).len())
    });
}

/// A pack of `rules` claims `{n} NOUN were counted` (or, with `regex`, the same as a
/// regular expression): every rule shares "were counted", each begins with its figure.
fn engine_with_counted_claims(rules: usize, regex: bool) -> Engine {
    let (mut packs, _) = load::load_packs(load::PackOrigin::Builtin);
    let mut toml = String::from("format = 1\n[pack]\nid = \"counted\"\n");
    for i in 0..rules {
        let noun = counted_noun(i);
        let matcher = if regex {
            format!("regex.en = '(?<n>\\d[\\d,]*) {noun} were counted'")
        } else {
            format!("patterns.en = [\"{{n}} {noun} were counted\"]")
        };
        toml.push_str(&format!(
            "[[claim]]\nid = \"c{i}\"\nabout = \"{noun} counted\"\nquantity = {{ exact = {} }}\n{matcher}\n",
            100 + i
        ));
    }
    packs.push(pack::load("counted.toml", &toml).expect("counted pack loads"));
    Engine::new(packs).expect("engine compiles")
}

/// A made-up noun of six letters, shorter than "counted".
fn counted_noun(i: usize) -> String {
    const SYL: [&str; 16] = [
        "fa", "lo", "mi", "te", "gu", "za", "pe", "ri", "do", "va", "bu", "se", "ti", "no", "ku",
        "we",
    ];
    format!(
        "{}{}{}s",
        SYL[i % 16],
        SYL[(i / 16) % 16],
        &"bcdfglmnpr"[(i / 256) % 10..][..1]
    )
}

fn bench_counted(bencher: Bencher, rules: usize, regex: bool) {
    let engine = engine_with_counted_claims(rules, regex);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 500_000 {
        text.push_str(&format!(
            "In the northern district, {} {} were counted last year. Officials said the talks had stalled on Monday.\n",
            100 + i % 200,
            counted_noun(i % 200)
        ));
        i += 1;
    }
    let opts = DocOptions::new(jiff::civil::Date::constant(2025, 12, 13));
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::load("counted.md", black_box(text.as_bytes()), &opts).expect("utf-8");
        black_box(engine.check(&doc).len())
    });
}

/// Claims that share their words and begin with `{n}`: the cost per byte must stay flat
/// from 10 to 2,000 rules.
#[divan::bench(sample_count = 10, args = [10, 200, 2_000])]
fn shared_word_claims(bencher: Bencher, rules: usize) {
    bench_counted(bencher, rules, false);
}

/// The same claims as regular expressions: 2,000 of these regexes together exceed the
/// `regex` crate's size limit, which is a pack error (`regex_set_problem`), so 500.
#[divan::bench(sample_count = 10, args = [10, 200, 500])]
fn shared_word_regex_claims(bencher: Bencher, rules: usize) {
    bench_counted(bencher, rules, true);
}
