//! Arbitrary query strings through parsing, ranking and presenting, in
//! every language.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        help_core::fuzzing::search_everything(text);
    }
});
