//! `cargo xtask fuzz [--seconds N] [--target NAME]`: runs the cargo-fuzz
//! targets of `fuzz/` for a fixed time each, counts the inputs they ran,
//! and turns every failing input into a regression case.
//!
//! Each target runs as
//!
//! ```text
//! cargo +nightly fuzz run <target> fuzz/corpus/<target> <regressions> --
//!     -max_total_time=N -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
//! ```
//!
//! so it starts from its own corpus (where new finds go) and from the cases
//! already kept, an input that needs more than 2 GB or 10 seconds fails like
//! a panic does, and libFuzzer ends with the number of inputs executed.
//!
//! A failing input (crash, leak, timeout or out-of-memory) that libFuzzer
//! writes to `fuzz/artifacts/<target>/` is copied into the folder that
//! `cargo test` replays ([`REGRESSIONS`]); the command then fails naming
//! it. Only this command needs the nightly toolchain.

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Stdio};

use anyhow::{Context as _, bail};

use crate::cmd::{describe, root};
use crate::tools::{ensure_fuzz_tools, tool_path};

/// Where each target's kept inputs live (a crate's `tests/fuzz-regressions/<target>/`,
/// replayed by its `tests/fuzz_regressions.rs`), and the extension they are
/// given there.
const REGRESSIONS: &[(&str, &str, &str)] = &[
    ("decode_bundle", "core", "bin"),
    ("query", "core", "txt"),
    ("front_matter", "index-builder", "md"),
    ("support_toml", "index-builder", "toml"),
];

/// libFuzzer's memory cap, in MB: a process above it, or a single
/// allocation above it, is a failure (`-rss_limit_mb`).
const RSS_LIMIT_MB: u32 = 2048;

/// An input running longer than this many seconds is a hang (`-timeout`).
const TIMEOUT_SECONDS: u32 = 10;

/// The names libFuzzer gives failing inputs: `crash-<sha1>` and so on.
const FAILURE_KINDS: [&str; 4] = ["crash", "leak", "timeout", "oom"];

/// What one libFuzzer run printed that matters here.
#[derive(Debug, Default, PartialEq, Eq)]
struct RunOutput {
    /// How many inputs were executed, if libFuzzer said.
    executions: Option<u64>,
    /// The failing inputs libFuzzer wrote, as it named them.
    artifacts: Vec<PathBuf>,
}

/// One failing input, kept.
#[derive(Debug)]
struct Finding {
    target: String,
    kind: String,
    artifact: PathBuf,
    kept_as: PathBuf,
    /// Whether the same bytes were already a regression case.
    already_kept: bool,
}

/// Runs every target (or `only`) for `seconds` each.
pub(crate) fn fuzz(seconds: u64, only: Option<&str>) -> anyhow::Result<ExitCode> {
    ensure_fuzz_tools()?;
    let root = root();
    let fuzz_dir = root.join("fuzz");
    let all = fuzz_targets(&fuzz_dir.join("Cargo.toml"))?;
    let targets: Vec<String> = match only {
        Some(name) if all.iter().any(|t| t == name) => vec![name.to_string()],
        Some(name) => bail!(
            "fuzz/Cargo.toml has no target `{name}` (it has {})",
            all.join(", ")
        ),
        None => all,
    };
    for target in &targets {
        regression_dir(&root, target)?;
    }

    let mut build = nightly_cargo(&root);
    build.args(["fuzz", "build"]);
    if let Some(name) = only {
        build.arg(name);
    }
    println!("xtask: $ {}", describe(&build));
    let status = build
        .status()
        .context("could not start `cargo +nightly fuzz build`")?;
    if !status.success() {
        bail!("`{}` failed with {status}", describe(&build));
    }

    let mut executions: Vec<(String, Option<u64>)> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    for target in &targets {
        let (count, found) = run_target(&root, target, seconds)?;
        executions.push((target.clone(), count));
        findings.extend(found);
    }

    println!("\nxtask: fuzzing, {seconds} s per target:");
    let mut total = 0u64;
    for (target, count) in &executions {
        match count {
            Some(n) => {
                total += n;
                println!("  {target:<16} {:>14} executions", thousands(*n));
            }
            None => println!("  {target:<16} {:>14} executions", "unknown"),
        }
    }
    println!("  {:<16} {:>14} executions", "total", thousands(total));

    if findings.is_empty() {
        println!("xtask: no failing input found");
        return Ok(ExitCode::SUCCESS);
    }
    let lines: Vec<String> = findings
        .iter()
        .map(|f| {
            let kept = f.kept_as.strip_prefix(&root).unwrap_or(&f.kept_as);
            let artifact = f.artifact.strip_prefix(&root).unwrap_or(&f.artifact);
            format!(
                "{}: {} {} {} (reproduce: cargo +nightly fuzz run {} {})",
                f.target,
                f.kind,
                if f.already_kept {
                    "already kept as"
                } else {
                    "kept as"
                },
                kept.display(),
                f.target,
                artifact.display()
            )
        })
        .collect();
    bail!(
        "fuzzing found {} failing input(s); `cargo test` now replays them:\n  {}",
        findings.len(),
        lines.join("\n  ")
    )
}

/// Runs one target, echoing libFuzzer's output, and keeps what fails.
fn run_target(
    root: &Path,
    target: &str,
    seconds: u64,
) -> anyhow::Result<(Option<u64>, Vec<Finding>)> {
    let corpus = root.join("fuzz/corpus").join(target);
    let regressions = regression_dir(root, target)?.0;
    let artifacts = root.join("fuzz/artifacts").join(target);
    for dir in [&corpus, &regressions, &artifacts] {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let before = failing_files(&artifacts)?;

    let mut cmd = nightly_cargo(root);
    cmd.args(["fuzz", "run", target])
        .arg(&corpus)
        .arg(&regressions)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg("-print_final_stats=1");
    let (status, output) = run_echoing_stderr(&mut cmd)?;
    let parsed = parse_output(&output);

    // The files libFuzzer named, and any other failing input that appeared.
    let mut found: BTreeSet<PathBuf> = parsed
        .artifacts
        .iter()
        .map(|p| {
            if p.is_absolute() {
                p.clone()
            } else {
                root.join("fuzz").join(p)
            }
        })
        .collect();
    found.extend(failing_files(&artifacts)?.difference(&before).cloned());
    if !status.success() && found.is_empty() {
        bail!(
            "`{}` failed with {status} and wrote no failing input",
            describe(&cmd)
        );
    }
    let findings = found
        .into_iter()
        .map(|artifact| keep(root, target, &artifact))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((parsed.executions, findings))
}

/// Copies a failing input into the target's regression folder, unless the
/// same bytes are there already.
fn keep(root: &Path, target: &str, artifact: &Path) -> anyhow::Result<Finding> {
    let (dir, ext) = regression_dir(root, target)?;
    let bytes =
        std::fs::read(artifact).with_context(|| format!("reading {}", artifact.display()))?;
    let name = artifact
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "crash".into());
    let kind = failure_kind(&name).unwrap_or("crash").to_string();
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && std::fs::read(&path)? == bytes {
            return Ok(Finding {
                target: target.into(),
                kind,
                artifact: artifact.into(),
                kept_as: path,
                already_kept: true,
            });
        }
    }
    let kept_as = dir.join(format!("{name}.{ext}"));
    std::fs::write(&kept_as, &bytes).with_context(|| format!("writing {}", kept_as.display()))?;
    Ok(Finding {
        target: target.into(),
        kind,
        artifact: artifact.into(),
        kept_as,
        already_kept: false,
    })
}

/// The regression folder of `target` and the extension of its files.
fn regression_dir(root: &Path, target: &str) -> anyhow::Result<(PathBuf, &'static str)> {
    let Some(&(_, krate, ext)) = REGRESSIONS.iter().find(|(t, _, _)| *t == target) else {
        bail!(
            "fuzz target `{target}` has no regression folder: add it to REGRESSIONS in \
             xtask/src/fuzz.rs and replay it in that crate's tests/fuzz_regressions.rs"
        );
    };
    Ok((
        root.join(krate).join("tests/fuzz-regressions").join(target),
        ext,
    ))
}

/// The `[[bin]]` targets of the fuzz project.
fn fuzz_targets(manifest: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("parsing {}", manifest.display()))?;
    let names: Vec<String> = table
        .get("bin")
        .and_then(|b| b.as_array())
        .into_iter()
        .flatten()
        .filter_map(|b| b.get("name").and_then(|n| n.as_str()).map(String::from))
        .collect();
    if names.is_empty() {
        bail!("{}: no [[bin]] fuzz targets", manifest.display());
    }
    Ok(names)
}

/// `cargo +nightly …` in the workspace root, through rustup's proxy. The
/// toolchain `cargo xtask` itself runs on must not leak into it.
fn nightly_cargo(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly")
        .current_dir(root)
        .env("PATH", tool_path())
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO");
    cmd
}

/// Runs `cmd`, passing its stderr through while keeping a copy (libFuzzer
/// reports on stderr).
fn run_echoing_stderr(cmd: &mut Command) -> anyhow::Result<(ExitStatus, String)> {
    println!("xtask: $ {}", describe(cmd));
    let mut child = cmd
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    let mut reader = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let mut captured = String::new();
    let mut line = Vec::new();
    let mut echo = std::io::stderr().lock();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        // A closed terminal must not stop the run.
        let _ = echo.write_all(&line);
        captured.push_str(&String::from_utf8_lossy(&line));
    }
    Ok((child.wait()?, captured))
}

/// The failing inputs in an artifacts folder.
fn failing_files(dir: &Path) -> anyhow::Result<BTreeSet<PathBuf>> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if failure_kind(&name).is_some() {
            out.insert(path);
        }
    }
    Ok(out)
}

/// `crash`, `leak`, `timeout` or `oom` for a failing input's file name.
fn failure_kind(name: &str) -> Option<&'static str> {
    FAILURE_KINDS.into_iter().find(|kind| {
        name.strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// Reads libFuzzer's stderr: the executions from its final statistics
/// (`stat::number_of_executed_units`), else its `#N DONE` or `Done N runs`
/// line, else the last progress line `#N`; and the failing inputs it wrote
/// (`Test unit written to PATH`).
fn parse_output(text: &str) -> RunOutput {
    let mut stat = None;
    let mut done = None;
    let mut progress = None;
    let mut artifacts = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            stat = n.trim().parse().ok().or(stat);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            if let Some(n) = rest.strip_suffix(')').and_then(|r| r.split(' ').next()) {
                done = n.parse().ok().or(done);
            }
        } else if let Some(rest) = line.strip_prefix('#') {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = rest[digits.len()..].trim_start();
            if let Ok(n) = digits.parse::<u64>() {
                if after.starts_with("DONE") {
                    done = Some(n);
                } else if !after.is_empty() && !after.starts_with(|c: char| c.is_ascii_digit()) {
                    progress = Some(n);
                }
            }
        }
        if let Some((_, path)) = line.split_once("Test unit written to ") {
            let path = PathBuf::from(path.trim());
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if failure_kind(&name).is_some() {
                artifacts.push(path);
            }
        }
    }
    RunOutput {
        executions: stat.or(done).or(progress),
        artifacts,
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of a clean run of `decode_bundle`, as libFuzzer prints it.
    const CLEAN: &str = "\
INFO: seed corpus: files: 2070 min: 1b max: 16489b total: 860747b rss: 53Mb
#2071\tINITED cov: 2110 ft: 6189 corp: 1550/459Kb exec/s: 0 rss: 85Mb
#65536\tpulse  cov: 2118 ft: 6251 corp: 1573/470Kb lim: 16489 exec/s: 32768 rss: 259Mb
#144429\tDONE   cov: 2120 ft: 6268 corp: 1583/470Kb lim: 16489 exec/s: 36107 rss: 398Mb
###### Recommended dictionary. ######
\"\\377\\377\\377\\377\" # Uses: 1329
###### End of recommended dictionary. ######
Done 144429 runs in 4 second(s)
stat::number_of_executed_units: 144429
stat::average_exec_per_sec:     36107
stat::new_units_added:          166
stat::slowest_unit_time_sec:    0
stat::peak_rss_mb:              398
";

    /// A panic in a seed input, as libFuzzer and cargo-fuzz print it.
    const CRASH: &str = "\
INFO: seed corpus: files: 1 min: 6b max: 6b total: 6b rss: 31Mb

thread '<unnamed>' (6975) panicked at fuzz_targets/boom.rs:5:9:
boom
==6975== ERROR: libFuzzer: deadly signal
    #0 0x562e80d9b881 in __sanitizer_print_stack_trace asan_stack.cpp:87:3
    #1 0x562e80e8dfba in fuzzer::PrintStackTrace() FuzzerUtil.cpp:210:38
SUMMARY: libFuzzer: deadly signal
MS: 0 ; base unit: 0000000000000000000000000000000000000000
0x42,0x4f,0x4d,0x78,0x79,0x7a,
BOMxyz
artifact_prefix='/work/main/fuzz/artifacts/boom/'; Test unit written to /work/main/fuzz/artifacts/boom/crash-a90c6acfb0dc563b35df1eb37592b0334945aff5
Base64: Qk9NeHl6
stat::number_of_executed_units: 2
stat::average_exec_per_sec:     0
stat::new_units_added:          0
stat::slowest_unit_time_sec:    0
stat::peak_rss_mb:              130

Failing input:

\tfuzz/artifacts/boom/crash-a90c6acfb0dc563b35df1eb37592b0334945aff5

Error: Fuzz target exited with exit status: 77
";

    #[test]
    fn a_clean_run_gives_its_executions_and_no_artifact() {
        assert_eq!(
            parse_output(CLEAN),
            RunOutput {
                executions: Some(144_429),
                artifacts: vec![],
            }
        );
    }

    #[test]
    fn a_crash_gives_the_file_libfuzzer_wrote() {
        let out = parse_output(CRASH);
        assert_eq!(out.executions, Some(2));
        assert_eq!(
            out.artifacts,
            [PathBuf::from(
                "/work/main/fuzz/artifacts/boom/crash-a90c6acfb0dc563b35df1eb37592b0334945aff5"
            )]
        );
    }

    #[test]
    fn without_final_stats_the_done_line_counts() {
        let text: String = CLEAN
            .lines()
            .filter(|l| !l.starts_with("stat::"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(parse_output(&text).executions, Some(144_429));
        let text: String = text
            .lines()
            .filter(|l| !l.contains("DONE"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(parse_output(&text).executions, Some(144_429));
    }

    #[test]
    fn a_run_cut_short_counts_its_last_progress_line() {
        let text = "#2071\tINITED cov: 2110 ft: 6189\n#65536\tpulse  cov: 2118\n\
                    #65600\tNEW    cov: 2119 ft: 6252\n==1== ERROR: libFuzzer: out-of-memory (malloc(4294967296))\n\
                    #0 0x5 in malloc\n";
        assert_eq!(parse_output(text).executions, Some(65_600));
    }

    #[test]
    fn timeouts_and_ooms_are_failures_but_slow_units_are_not() {
        let text = "\
artifact_prefix='a/'; Test unit written to a/timeout-0123
artifact_prefix='a/'; Test unit written to a/slow-unit-4567
artifact_prefix='a/'; Test unit written to a/oom-89ab
";
        assert_eq!(
            parse_output(text).artifacts,
            [PathBuf::from("a/timeout-0123"), PathBuf::from("a/oom-89ab")]
        );
        assert_eq!(failure_kind("leak-00"), Some("leak"));
        assert_eq!(failure_kind("crashes.txt"), None);
    }

    #[test]
    fn nothing_recognizable_gives_nothing() {
        assert_eq!(
            parse_output("error: no such command: `fuzz`\n"),
            RunOutput::default()
        );
    }

    #[test]
    fn every_fuzz_target_has_a_regression_folder_that_exists() {
        let root = root();
        for target in fuzz_targets(&root.join("fuzz/Cargo.toml")).unwrap() {
            let (dir, _) = regression_dir(&root, &target).unwrap();
            assert!(dir.is_dir(), "{} is missing", dir.display());
        }
    }

    #[test]
    fn a_failing_input_is_kept_once_where_its_crate_replays_it() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let dir = root.join("core/tests/fuzz-regressions/decode_bundle");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("old-case.bin"), b"old").unwrap();
        let artifact = root.join("crash-a90c6acfb0dc563b35df1eb37592b0334945aff5");
        std::fs::write(&artifact, b"BOMxyz").unwrap();

        let first = keep(root, "decode_bundle", &artifact).unwrap();
        assert_eq!(first.kind, "crash");
        assert!(!first.already_kept);
        assert_eq!(
            first.kept_as,
            dir.join("crash-a90c6acfb0dc563b35df1eb37592b0334945aff5.bin")
        );
        assert_eq!(std::fs::read(&first.kept_as).unwrap(), b"BOMxyz");

        let second = keep(root, "decode_bundle", &artifact).unwrap();
        assert!(second.already_kept);
        assert_eq!(second.kept_as, first.kept_as);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);

        let query = keep(root, "query", &artifact).unwrap();
        assert!(query.kept_as.ends_with(
            "core/tests/fuzz-regressions/query/crash-a90c6acfb0dc563b35df1eb37592b0334945aff5.txt"
        ));
        assert!(keep(root, "no_such_target", &artifact).is_err());
    }

    #[test]
    fn counts_read_with_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(144_429), "144,429");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }
}
