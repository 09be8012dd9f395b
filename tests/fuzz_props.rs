//! The fuzz targets' properties (fuzz/props.rs) under `cargo test`: on generated
//! hostile documents, and on every input kept in fuzz/regressions/.

use proptest::prelude::*;

include!("../fuzz/props.rs");

/// Pieces real copy and attacks are made of: names and their misspellings, markup,
/// controls, workflow commands, UTF-16 BOMs.
const PIECES: &[&str] = &[
    "Mink",
    "Minsk",
    "Lukashenko",
    "Loukachenko",
    "Alexandre ",
    "Alexander ",
    "Biélorussie",
    "Bélarus",
    "Belarus",
    " ",
    "\n",
    "\r\n",
    "\r",
    ". ",
    "à ",
    "le président ",
    "<b>",
    "</b>",
    "<i>",
    "*",
    "_",
    "[",
    "](https://example.org)",
    "<!-- x -->",
    "<!-- claimlint-enable -->",
    "&amp;",
    "&ldquo;",
    "`",
    "\u{1b}[2J",
    "\u{1b}]52;c;Zm9v\u{7}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "::error::",
    "::add-mask::",
    "%",
    ",",
    ":",
    "e\u{301}",
    "\u{a0}",
    "« ",
    " »",
    "\u{0}",
    "\t",
];

fn document() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u8>(),
        prop::collection::vec(0..PIECES.len(), 0..40),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(first, pieces, utf16)| {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let mut data = vec![first];
            if utf16 {
                data.extend([0xFF, 0xFE]);
                data.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            } else {
                data.extend(text.into_bytes());
            }
            data
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn fixes_touch_only_their_spans(data in document()) {
        fix_roundtrip(&data);
    }

    #[test]
    fn renderers_keep_one_finding_per_line(data in document()) {
        renderers(&data);
    }

    #[test]
    fn arbitrary_bytes_too(data in prop::collection::vec(any::<u8>(), 0..200)) {
        fix_roundtrip(&data);
        renderers(&data);
    }
}

#[test]
fn regression_inputs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    for (target, run) in [("fix", fix_roundtrip as fn(&[u8])), ("render", renderers)] {
        let entries = std::fs::read_dir(root.join(target)).expect("a regressions folder");
        let mut count = 0;
        for entry in entries.filter_map(Result::ok) {
            let data = std::fs::read(entry.path()).expect("a regression input");
            run(&data);
            count += 1;
        }
        assert!(count > 0, "no regression input for {target}");
    }
}
