//! Replays every article text the front-matter fuzzer kept, through the
//! same entry point the fuzz target uses.

use std::path::Path;

#[test]
fn front_matter_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions/front_matter");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        eprintln!("replaying {}", path.display());
        index_builder::fuzzing::parse_and_render(&String::from_utf8_lossy(&bytes));
        count += 1;
    }
    assert!(count > 0);
}
