//! The `index-builder` command: a thin shell around the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

/// Builds the help widget's search bundle from a help-center content folder.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds a bundle folder from CONTENT_DIR.
    Build {
        /// The help-center folder, holding `articles/<locale>/*.md`.
        content_dir: PathBuf,
        /// Where to write the bundle. It is replaced atomically.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build { content_dir, out } => {
            let content = index_builder::load_content(&content_dir)?;
            let bundle = index_builder::build_bundle(&content);
            index_builder::write_bundle(&bundle, &out)
                .with_context(|| format!("writing the bundle to {}", out.display()))?;
            println!(
                "built {} article(s) in {} locale(s) into {}",
                content.articles.len(),
                bundle.manifest.locales.len(),
                out.display()
            );
            Ok(())
        }
    }
}
