//! Replays every input the fuzzers found interesting (crashes included,
//! once fixed) through the same entry points the fuzz targets use.
//! Add a file to `tests/fuzz-regressions/<target>/` to keep a case forever.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.unwrap().path();
            (path.display().to_string(), std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "{} holds no inputs", dir.display());
    out
}

#[test]
fn decoder_regressions() {
    for (name, bytes) in inputs("decode_bundle") {
        eprintln!("replaying {name}");
        help_core::fuzzing::decode_everything(&bytes);
    }
}

#[test]
fn query_regressions() {
    for (name, bytes) in inputs("query") {
        eprintln!("replaying {name}");
        help_core::fuzzing::search_everything(&String::from_utf8_lossy(&bytes));
    }
}
