//! Arbitrary `support.toml` text through parsing and validation, then the
//! hours model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        index_builder::fuzzing::parse_support(text);
    }
});
