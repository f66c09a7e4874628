//! `cargo xtask`: the project's workflow commands.
//!
//! - `cargo xtask demo [--port 8080]`: install what is missing, build the
//!   example bundle and the widget, serve the mock dashboard.
//! - `cargo xtask test [--suite native,wasm,e2e]`: the same installs plus
//!   Chromium and the npm test packages, then every suite: native, wasm in
//!   Chromium, end-to-end; `--suite` (repeatable, or a comma list) runs
//!   only those. The lint checks always run first, and a failed one counts
//!   as a failed suite.
//! - `cargo xtask lint`: `cargo fmt --all --check`, `cargo clippy
//!   --workspace --all-targets -- -D warnings` (rustfmt and clippy are
//!   installed if missing), and no module cycle in any crate.
//! - `cargo xtask bench`: the benchmark against Pagefind, MiniSearch and
//!   lunr.js; writes `target/bench/report.md`.
//! - `cargo xtask fuzz [--seconds 60] [--target NAME]`: every cargo-fuzz
//!   target (nightly) for that long; failing inputs become regression cases.
//! - `cargo xtask dist --out DIR [--base-url URL] [--content DIR]
//!   [--signed-in-out DIR]`: a folder to deploy to a CDN, beside the
//!   previous version; prints the loader's integrity hash.
//! - `cargo xtask release`: the widget, then the `index-builder` binary
//!   with the widget inside, and a tarball of it in `target/release-pkg`.

mod bench;
mod cmd;
mod dist;
mod fuzz;
mod lint;
mod modgraph;
mod release;
mod serve;
mod site;
mod suites;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd::root;

#[derive(Parser)]
#[command(about = "Project automation for the help widget")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build everything and serve the mock dashboard on 127.0.0.1.
    Demo {
        /// The port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The help-center folder to show [default: examples/help-center].
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// Install what is missing, run the lint checks, then every test suite (or those named).
    Test {
        /// Run only these suites, in their usual order; repeat the flag or
        /// give a comma list. Without it, every suite runs.
        #[arg(long = "suite", value_enum, value_delimiter = ',')]
        suites: Vec<suites::Suite>,
    },
    /// Check formatting (rustfmt), lints (clippy, warnings denied) and module cycles over the workspace.
    Lint,
    /// Benchmark against Pagefind, MiniSearch and lunr.js; writes target/bench/report.md.
    Bench {
        /// Skip the 100k-article corpus (a few minutes shorter).
        #[arg(long)]
        quick: bool,
        /// Measure only these parts (repeat the flag or give a comma
        /// list); without it, every part is measured.
        #[arg(long = "only", value_enum, value_delimiter = ',')]
        only: Vec<bench::Part>,
    },
    /// Run the fuzz targets (nightly); a failing input becomes a regression case.
    Fuzz {
        /// How long each target runs.
        #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
        seconds: u64,
        /// Run only this target (see fuzz/Cargo.toml).
        #[arg(long)]
        target: Option<String>,
    },
    /// Write a deployable folder, adding to the version already there.
    Dist {
        /// The folder to write; earlier versions in it are kept.
        #[arg(long)]
        out: PathBuf,
        /// Where the folder will be served, for the script tag.
        #[arg(long, default_value = index_builder::DEFAULT_BASE_URL)]
        base_url: String,
        /// The help-center folder [default: examples/help-center].
        #[arg(long)]
        content: Option<PathBuf>,
        /// Where the signed-in bundle goes (never inside --out).
        #[arg(long)]
        signed_in_out: Option<PathBuf>,
    },
    /// Build the widget, then the index-builder binary carrying it, and a tarball.
    Release,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Demo { port, content } => demo(port, &content_dir(content)),
        Cmd::Test { suites } => suites::test(&suites),
        Cmd::Lint => lint::lint(),
        Cmd::Bench { quick, only } => bench::bench(quick, &only),
        Cmd::Fuzz { seconds, target } => fuzz::fuzz(seconds, target.as_deref()),
        Cmd::Dist {
            out,
            base_url,
            content,
            signed_in_out,
        } => dist::dist(&content_dir(content), &out, &base_url, signed_in_out),
        Cmd::Release => release::release(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("xtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The folder given (relative to where the command runs), else the example.
fn content_dir(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| root().join(site::DEFAULT_CONTENT))
}

fn demo(port: u16, content: &std::path::Path) -> anyhow::Result<ExitCode> {
    tools::ensure_build_tools()?;
    let site = site::build_site(content)?;
    let db = root().join("target/demo-feedback.sqlite");
    let server = serve::Server::start_with_feedback(&site, port, &db)?;
    println!(
        "\nxtask: the mock dashboard is at {}/  (Ctrl-C stops it)\n\
         xtask: votes go to the feedback server at {}/feedback, stored in {}",
        server.url(),
        server.url(),
        db.display()
    );
    server.join();
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_and_dist_take_a_content_folder_and_default_to_the_example() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).unwrap().command;
        match parse(&["xtask", "demo", "--content", "my-help"]) {
            Cmd::Demo { content, .. } => assert_eq!(content_dir(content), PathBuf::from("my-help")),
            _ => panic!("not demo"),
        }
        match parse(&["xtask", "dist", "--out", "public"]) {
            Cmd::Dist {
                content,
                signed_in_out,
                ..
            } => {
                assert_eq!(content_dir(content), root().join("examples/help-center"));
                assert_eq!(signed_in_out, None);
            }
            _ => panic!("not dist"),
        }
        match parse(&[
            "xtask",
            "dist",
            "--out",
            "public",
            "--content",
            "/srv/help",
            "--signed-in-out",
            "private",
        ]) {
            Cmd::Dist {
                content,
                signed_in_out,
                ..
            } => {
                assert_eq!(content_dir(content), PathBuf::from("/srv/help"));
                assert_eq!(signed_in_out, Some(PathBuf::from("private")));
            }
            _ => panic!("not dist"),
        }
    }
}
