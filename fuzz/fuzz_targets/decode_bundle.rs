//! Every bundle decoder, fed arbitrary bytes: an error is fine, a panic,
//! a hang or an unbounded allocation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    help_core::fuzzing::decode_everything(data);
});
