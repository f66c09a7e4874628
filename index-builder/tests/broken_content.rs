//! The broken-content corpus: each folder under `tests/broken/` is a help
//! center with something wrong in it, and its `expected.txt` holds exactly
//! what `index-builder build` prints on standard error for it, paths made
//! relative to the case folder, then the exit code.
//!
//! For every case the real binary builds into an output folder that already
//! holds a bundle; the test checks the diagnostics, the exit code, that the
//! output folder and everything beside it are byte for byte as they were,
//! and that `check` reports the same. `UPDATE_SNAPSHOTS=1` rewrites the
//! `expected.txt` files instead of comparing them.
//!
//! A case may hold a `generate.txt` naming files too big to commit: each
//! line is `<path> <size in bytes>`, and the test writes there a valid
//! article padded to that size.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};
use tempfile::TempDir;

/// The snapshot file of a case.
const EXPECTED: &str = "expected.txt";
/// The list of generated files of a case.
const GENERATE: &str = "generate.txt";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken")
}

/// Every case folder, by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// What a run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn index_builder(args: &[&Path]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

/// Copies `from` into `to`, leaving out the case's own `expected.txt` and
/// `generate.txt`, then writes the files `generate.txt` asks for.
fn stage(from: &Path, to: &Path) {
    copy_tree(from, to, true);
    let Ok(list) = std::fs::read_to_string(from.join(GENERATE)) else {
        return;
    };
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (path, size) = line
            .split_once(char::is_whitespace)
            .unwrap_or_else(|| panic!("{GENERATE}: expected `<path> <size>`, found {line:?}"));
        let size: usize = size.trim().parse().unwrap();
        let path = to.join(path);
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut text = format!(
            "+++\nid = \"{id}\"\ntitle = \"Everything about {id}\"\ncategory = \"payments\"\ncontexts = [\"/payments\"]\n+++\n"
        );
        let filler = "Every payout method, every fee, every country, on one page.\n";
        while text.len() < size {
            text.push_str(filler);
        }
        text.truncate(size);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn copy_tree(from: &Path, to: &Path, top: bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if top && (name == EXPECTED || name == GENERATE) {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name), false);
        } else {
            std::fs::copy(&path, to.join(name)).unwrap();
        }
    }
}

/// Every folder and file under `dir`, each file with its size and SHA-256,
/// one per line: equal listings mean byte-identical trees.
fn listing(dir: &Path) -> String {
    let mut entries = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            if path.is_dir() {
                entries.insert(format!("{name}/"), String::new());
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let hash = Sha256::digest(&bytes);
                let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
                entries.insert(name, format!(" {} {hex}", bytes.len()));
            }
        }
    }
    entries
        .into_iter()
        .map(|(name, meta)| format!("{name}{meta}\n"))
        .collect()
}

/// Standard error with the content folder's path taken out, so that
/// problems read as they would from inside the case folder.
fn normalise(stderr: &str, content: &Path) -> String {
    let dir = content.display().to_string();
    stderr.replace(&format!("{dir}/"), "").replace(&dir, ".")
}

/// A previous, valid bundle folder for the output to start from, plus a
/// sentinel file a failed build must leave where it is.
fn previous_bundle(scratch: &Path) -> PathBuf {
    let content = scratch.join("good");
    std::fs::create_dir_all(content.join("articles/en")).unwrap();
    std::fs::write(
        content.join("articles/en/payouts.md"),
        "+++\nid = \"payouts\"\ntitle = \"Change your payout method\"\ncategory = \"payments\"\ncontexts = [\"/payments\"]\n+++\nOpen **Payments** and pick a new method.\n",
    )
    .unwrap();
    let bundle = scratch.join("bundle");
    let run = index_builder(&["build".as_ref(), &content, "--out".as_ref(), &bundle]);
    assert_eq!(run.code, 0, "the previous bundle builds: {}", run.stderr);
    assert!(bundle.join("manifest.json").is_file());
    std::fs::write(
        bundle.join("sentinel.txt"),
        "A failed build leaves this folder as it was.\n",
    )
    .unwrap();
    bundle
}

/// Runs one case; returns what went wrong, if anything.
fn run_case(case: &Path, previous: &Path, update: bool) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let scratch = TempDir::new().unwrap();
    let content = scratch.path().join(&name);
    stage(case, &content);
    let out = scratch.path().join("bundle");
    copy_tree(previous, &out, false);
    let before = listing(scratch.path());

    let build = index_builder(&["build".as_ref(), &content, "--out".as_ref(), &out]);
    let mut failures = String::new();
    let after = listing(scratch.path());
    if after != before {
        writeln!(
            failures,
            "the build changed the output folder or its surroundings\n--- before\n{before}--- after\n{after}"
        )
        .unwrap();
    }
    if !build.stdout.is_empty() {
        writeln!(failures, "the build printed on stdout: {}", build.stdout).unwrap();
    }
    if build.code == 0 {
        writeln!(failures, "the build succeeded on broken content").unwrap();
    }
    let got = format!(
        "{}exit code: {}\n",
        normalise(&build.stderr, &content),
        build.code
    );

    let check = index_builder(&["check".as_ref(), &content]);
    let check_got = format!(
        "{}exit code: {}\n",
        normalise(&check.stderr, &content),
        check.code
    );
    if check_got != got || !check.stdout.is_empty() {
        writeln!(
            failures,
            "`check` disagrees with `build`\n--- build\n{got}--- check\n{check_got}{}",
            check.stdout
        )
        .unwrap();
    }
    if listing(scratch.path()) != after {
        writeln!(failures, "`check` wrote something").unwrap();
    }

    let path = case.join(EXPECTED);
    if update {
        std::fs::write(&path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != got {
        writeln!(
            failures,
            "the diagnostics differ from {}; if the change is intended, rerun with UPDATE_SNAPSHOTS=1\n--- expected\n{expected}--- got\n{got}",
            path.display()
        )
        .unwrap();
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("== {name}\n{failures}"))
    }
}

#[test]
fn every_broken_folder_reports_exactly_its_snapshot_and_writes_nothing() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let scratch = TempDir::new().unwrap();
    let previous = previous_bundle(scratch.path());
    let cases = cases();
    assert!(cases.len() >= 12, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| run_case(case, &previous, update).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_reported_line_names_a_file_of_its_case() {
    // Each diagnostic names a path inside the case folder, so the snapshots
    // cannot drift into naming the temporary folder the test ran in.
    for case in cases() {
        let Ok(expected) = std::fs::read_to_string(case.join(EXPECTED)) else {
            continue;
        };
        let mut lines: Vec<&str> = expected.lines().collect();
        assert!(
            lines.pop().is_some_and(|l| l.starts_with("exit code: ")),
            "{}: the last line is the exit code",
            case.display()
        );
        let summary = lines.pop().unwrap_or_default();
        let n = lines.len();
        assert_eq!(
            summary,
            format!("{n} problem{} found", if n == 1 { "" } else { "s" }),
            "{}",
            case.display()
        );
        for line in lines {
            let path = line.split(": ").next().unwrap();
            let path = path.split(':').next().unwrap();
            let in_case = case.join(path);
            let generated = std::fs::read_to_string(case.join(GENERATE)).is_ok_and(|list| {
                list.lines()
                    .any(|l| l.split_whitespace().next() == Some(path))
            });
            assert!(
                in_case.exists() || generated || line.contains("cannot read"),
                "{}: {line:?} names no file of the case",
                case.display()
            );
        }
    }
}
