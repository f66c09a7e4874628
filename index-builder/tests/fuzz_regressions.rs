//! Replays every input the article and support.toml fuzzers kept, through
//! the same entry points the fuzz targets use.

use std::path::Path;

fn replay(target: &str, run: fn(&str)) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        eprintln!("replaying {}", path.display());
        run(&String::from_utf8_lossy(&bytes));
        count += 1;
    }
    assert!(count > 0, "{} holds no inputs", dir.display());
}

#[test]
fn front_matter_regressions() {
    replay("front_matter", index_builder::fuzzing::parse_and_render);
}

#[test]
fn support_toml_regressions() {
    replay("support_toml", index_builder::fuzzing::parse_support);
}
