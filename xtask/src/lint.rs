//! `cargo xtask lint`: rustfmt's check, clippy with warnings denied, and
//! the module graph ([`crate::modgraph`]: no two modules of a crate import
//! each other), over the whole workspace. `cargo xtask test` runs it first.

use std::process::{Command, ExitCode};

use crate::cmd::{describe, root};
use crate::modgraph;
use crate::tools::ensure_lint_tools;

/// The checks, in the order they run: a short name and its command.
fn checks() -> [(&'static str, Command); 2] {
    let cargo = env!("CARGO");
    let root = root();
    let mut fmt = Command::new(cargo);
    fmt.args(["fmt", "--all", "--check"]).current_dir(&root);
    let mut clippy = Command::new(cargo);
    clippy
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&root);
    [("fmt", fmt), ("clippy", clippy)]
}

/// Runs every check, each even when one before it fails, and returns the
/// names of those that failed. The tools must be installed already
/// ([`ensure_lint_tools`]).
pub(crate) fn run_checks() -> Vec<&'static str> {
    let mut failed = Vec::new();
    for (name, mut cmd) in checks() {
        println!("\nxtask: $ {}", describe(&cmd));
        match cmd.status() {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("xtask: `{}` failed with {status}", describe(&cmd));
                failed.push(name);
            }
            Err(err) => {
                eprintln!("xtask: could not start `{}`: {err}", describe(&cmd));
                failed.push(name);
            }
        }
    }
    println!("\nxtask: module graph of {}", modgraph::CRATES.join(", "));
    match modgraph::check(&root()) {
        Ok(cycles) if cycles.is_empty() => {}
        Ok(cycles) => {
            for cycle in cycles {
                eprintln!("xtask: modules import each other: {cycle}");
            }
            failed.push("modules");
        }
        Err(err) => {
            eprintln!("xtask: could not read the module graph: {err:#}");
            failed.push("modules");
        }
    }
    failed
}

/// One line on what the checks found, for the terminal.
pub(crate) fn summary(failed: &[&str]) -> String {
    if failed.is_empty() {
        "xtask: lint (fmt, clippy, modules): clean".to_string()
    } else {
        format!(
            "xtask: lint (fmt, clippy, modules): {} failed ({})",
            failed.len(),
            failed.join(", ")
        )
    }
}

/// `cargo xtask lint`: installs rustfmt and clippy if missing, runs every
/// check, and fails if any finds anything.
pub(crate) fn lint() -> anyhow::Result<ExitCode> {
    ensure_lint_tools()?;
    let failed = run_checks();
    println!("\n{}", summary(&failed));
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_are_fmt_then_clippy_denying_warnings() {
        let lines: Vec<String> = checks().iter().map(|(_, cmd)| describe(cmd)).collect();
        assert!(lines[0].ends_with(" fmt --all --check"), "{lines:?}");
        assert!(
            lines[1].ends_with(" clippy --workspace --all-targets -- -D warnings"),
            "{lines:?}"
        );
    }

    #[test]
    fn the_summary_names_what_failed() {
        assert_eq!(summary(&[]), "xtask: lint (fmt, clippy, modules): clean");
        assert_eq!(
            summary(&["clippy", "modules"]),
            "xtask: lint (fmt, clippy, modules): 2 failed (clippy, modules)"
        );
    }
}
