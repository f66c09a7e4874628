//! `cargo xtask test`: the lint checks, then every suite (or those
//! asked for), one totals line.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::{Arc, Mutex};

use crate::cmd::{describe, root, run};
use crate::lint;
use crate::serve::Server;
use crate::site;
use crate::tools::{ensure_lint_tools, ensure_test_tools, tool_path};

/// Passed and failed counts of one suite or of all of them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// A suite `cargo xtask test --suite` can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Suite {
    /// `cargo test --workspace`: the native unit and integration tests.
    Native,
    /// The widget's wasm-bindgen tests in headless Chromium.
    Wasm,
    /// The end-to-end tests in `tests/e2e/` against the served site.
    E2e,
    /// The released binary alone (`tests/release/`): init, check, dist,
    /// serve, and its dist folder in Chromium.
    Release,
}

/// Runs the lint checks, then the suites in `only` (every suite when it
/// is empty) in their usual order, and prints `N passed, N failed` last.
/// Each failed lint check counts as one failure.
pub(crate) fn test(only: &[Suite]) -> anyhow::Result<ExitCode> {
    // Without rustfmt or clippy the lint fails, but the suites still run.
    let lint_tools = ensure_lint_tools();
    ensure_test_tools()?;
    let lint_failed = match lint_tools {
        Ok(()) => lint::run_checks(),
        Err(err) => {
            eprintln!("xtask: could not install the lint tools: {err:#}");
            vec!["lint tools"]
        }
    };
    let wanted = |suite: Suite| only.is_empty() || only.contains(&suite);
    let root = root();
    let cargo = env!("CARGO");
    let mut results: Vec<(&str, Counts)> = Vec::new();

    if wanted(Suite::Native) {
        results.push((
            "native",
            run_suite(
                Command::new(cargo)
                    .args(["test", "--workspace"])
                    .current_dir(&root),
            ),
        ));
    }

    if wanted(Suite::Wasm) {
        results.push(("wasm (Chromium)", wasm_suite(&root)));
    }

    if wanted(Suite::E2e) {
        results.push(("end-to-end (Chromium)", e2e_suite(&root)?));
    }

    if wanted(Suite::Release) {
        results.push(("release binary (Chromium)", release_suite(&root)));
    }

    let mut total = Counts {
        passed: 0,
        failed: lint_failed.len() as u64,
    };
    println!();
    println!("{}", lint::summary(&lint_failed));
    for (name, counts) in &results {
        println!(
            "xtask: {name}: {} passed, {} failed",
            counts.passed, counts.failed
        );
        total += *counts;
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    Ok(if total.failed == 0 && total.passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The widget's wasm-bindgen tests in headless Chromium.
fn wasm_suite(root: &Path) -> Counts {
    let cargo = env!("CARGO");
    run_suite(
        Command::new(cargo)
            .args([
                "test",
                "--package",
                "help-widget",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
            ])
            .current_dir(root)
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("PATH", tool_path()),
    )
}

/// The end-to-end tests against the site served with a fresh feedback
/// server; a site that cannot be built or served counts as one failure.
fn e2e_suite(root: &Path) -> anyhow::Result<Counts> {
    let cargo = env!("CARGO");
    let db = root.join("target/e2e/feedback.sqlite");
    let served = site::build_site(&root.join(site::DEFAULT_CONTENT)).and_then(|site| {
        // Each run starts with no votes, so the end-to-end counts are exact.
        std::fs::create_dir_all(root.join("target/e2e"))?;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        run(Command::new(cargo)
            .args(["build", "--quiet", "--package", "feedback-server"])
            .current_dir(root))?;
        Ok((Server::start_with_feedback(&site, 0, &db)?, site))
    });
    let e2e = match served {
        Ok((server, site)) => {
            let mut files: Vec<_> = std::fs::read_dir(root.join("tests/e2e"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
                .collect();
            files.sort();
            run_suite(
                Command::new("node")
                    .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
                    .args(&files)
                    .current_dir(root)
                    .env("BASE_URL", server.url())
                    .env("E2E_OUT", root.join("target/e2e"))
                    .env(
                        "FEEDBACK_SERVER_BIN",
                        root.join("target/debug/feedback-server"),
                    )
                    .env("FEEDBACK_BUNDLE", site.join("bundle-signed-in")),
            )
        }
        Err(err) => {
            eprintln!("xtask: could not build or serve the site: {err:#}");
            Counts {
                passed: 0,
                failed: 1,
            }
        }
    };
    Ok(e2e)
}

/// The released binary's tests; a binary that cannot be built counts as
/// one failure.
fn release_suite(root: &Path) -> Counts {
    match crate::release::build_binary() {
        Ok(binary) => run_suite(
            Command::new("node")
                .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
                .arg(root.join("tests/release/release.test.mjs"))
                .current_dir(root)
                .env("INDEX_BUILDER_BIN", binary),
        ),
        Err(err) => {
            eprintln!("xtask: could not build the release binary: {err:#}");
            Counts {
                passed: 0,
                failed: 1,
            }
        }
    }
}

/// Runs one suite, echoing its output, and counts its results from the
/// runners' summary lines. A suite that fails without reporting a failed
/// test (a build error, a crash) counts as one failure.
fn run_suite(cmd: &mut Command) -> Counts {
    println!("\nxtask: $ {}", describe(cmd));
    let mut child = match cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(err) => {
            eprintln!("xtask: could not start `{}`: {err}", describe(cmd));
            return Counts {
                passed: 0,
                failed: 1,
            };
        }
    };
    let counts = Arc::new(Mutex::new(Counts::default()));
    let echo = |stream: Box<dyn Read + Send>, to_stderr: bool| {
        let counts = counts.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if to_stderr {
                    eprintln!("{line}")
                } else {
                    println!("{line}")
                }
                if let Some(found) = parse_summary(&line) {
                    *counts.lock().expect("no poisoning") += found;
                }
            }
        })
    };
    let out = echo(Box::new(child.stdout.take().expect("piped")), false);
    let err = echo(Box::new(child.stderr.take().expect("piped")), true);
    let _ = out.join();
    let _ = err.join();
    let status = child.wait();
    let mut counts = *counts.lock().expect("no poisoning");
    let succeeded = status.as_ref().is_ok_and(|s| s.success());
    if !succeeded && counts.failed == 0 {
        eprintln!(
            "xtask: `{}` failed without reporting a failed test",
            describe(cmd)
        );
        counts.failed += 1;
    }
    counts
}

/// The counts in a runner's summary line: libtest's and
/// wasm-bindgen-test's `test result: … N passed; N failed`, or node's TAP
/// `# pass N` / `# fail N` / `# cancelled N`.
fn parse_summary(line: &str) -> Option<Counts> {
    let line = line.trim();
    if let Some(rest) = line.split_once("test result:").map(|(_, r)| r) {
        let number_before = |label: &str| {
            rest.split(';').find_map(|part| {
                part.trim()
                    .strip_suffix(label)?
                    .trim()
                    .rsplit(' ')
                    .next()?
                    .parse::<u64>()
                    .ok()
            })
        };
        return Some(Counts {
            passed: number_before("passed")?,
            failed: number_before("failed")?,
        });
    }
    let tap = |label: &str| {
        line.strip_prefix(label)
            .and_then(|n| n.trim().parse::<u64>().ok())
    };
    if let Some(n) = tap("# pass ") {
        return Some(Counts {
            passed: n,
            failed: 0,
        });
    }
    if let Some(n) = tap("# fail ").or_else(|| tap("# cancelled ")) {
        return Some(Counts {
            passed: 0,
            failed: n,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_and_wasm_bindgen_summaries() {
        let line = "test result: ok. 15 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s";
        assert_eq!(
            parse_summary(line),
            Some(Counts {
                passed: 15,
                failed: 0
            })
        );
        let line =
            "test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 filtered out; finished in 0.03s";
        assert_eq!(
            parse_summary(line),
            Some(Counts {
                passed: 1,
                failed: 2
            })
        );
    }

    #[test]
    fn reads_node_tap_summaries() {
        assert_eq!(
            parse_summary("# pass 3"),
            Some(Counts {
                passed: 3,
                failed: 0
            })
        );
        assert_eq!(
            parse_summary("# fail 1"),
            Some(Counts {
                passed: 0,
                failed: 1
            })
        );
        assert_eq!(
            parse_summary("# cancelled 2"),
            Some(Counts {
                passed: 0,
                failed: 2
            })
        );
        assert_eq!(parse_summary("# tests 4"), None);
        assert_eq!(parse_summary("ok 1 - opens the panel"), None);
    }
}
