//! Check, fix, check again: edits touch only their spans, never markup, and converge.
#![no_main]

include!("../props.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| fix_roundtrip(data));
