//! An article file's text through front matter parsing, Markdown rendering
//! and sanitizing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        index_builder::fuzzing::parse_and_render(text);
    }
});
