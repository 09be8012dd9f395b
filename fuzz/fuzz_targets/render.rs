//! Every renderer on a hostile document and file name: one finding per line, no raw
//! control character, valid JSON.
#![no_main]

include!("../props.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| renderers(data));
