//! The `index-builder` command: a thin shell around the library.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use help_core::{Audience, SearchOptions};
use index_builder::{BuildOptions, Problems, Visibility};

/// Builds the help widget's search bundle from a help-center content folder.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    /// Only public articles: safe to serve to anyone.
    Public,
    /// Every article: serve only to signed-in publishers.
    SignedIn,
}

impl From<AudienceArg> for Audience {
    fn from(arg: AudienceArg) -> Audience {
        match arg {
            AudienceArg::Public => Audience::Public,
            AudienceArg::SignedIn => Audience::SignedIn,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Builds a bundle folder from CONTENT_DIR.
    Build {
        /// The help-center folder, holding `articles/<locale>/*.md`.
        content_dir: PathBuf,
        /// Where to write the bundle. It is replaced atomically, and left
        /// untouched if anything is wrong.
        #[arg(long)]
        out: PathBuf,
        /// Who the bundle is for.
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
    },
    /// Checks CONTENT_DIR and reports every problem, writing nothing.
    Check {
        /// The help-center folder.
        content_dir: PathBuf,
    },
    /// Searches a built bundle, to try content as the widget would.
    Search {
        /// The bundle folder.
        bundle_dir: PathBuf,
        /// The query, as typed into the search box.
        query: String,
        /// The reader's locale.
        #[arg(long, default_value = "en")]
        locale: String,
        /// The dashboard route the reader is on.
        #[arg(long)]
        context: Option<String>,
        /// How many results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print `[{"id", "title", "score"}]`, best first.
        #[arg(long)]
        json: bool,
    },
    /// Imports articles from another help center into a content folder.
    #[command(subcommand)]
    Import(ImportSource),
    /// Writes an elasticlunr.js index of one locale of CONTENT_DIR, for
    /// tools that read that format.
    ExportElasticlunr {
        /// The help-center folder.
        content_dir: PathBuf,
        /// The JSON file to write. It is replaced atomically.
        #[arg(long)]
        out: PathBuf,
        /// The locale to export: en, fr, de or pt-BR.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Who the index is for.
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// Converts a Zendesk Help Center export (the JSON of
    /// `GET /api/v2/help_center/articles.json`, or an array of its
    /// articles) into content files. Drafts are skipped; every imported
    /// article gets `contexts = ["/support"]`.
    Zendesk {
        /// The export file.
        articles_json: PathBuf,
        /// The content folder to create. It is written atomically, and must
        /// be absent or empty unless --force is given.
        #[arg(long)]
        out: PathBuf,
        /// Replace a non-empty --out folder.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let mut out = String::new();
    let result = run(Cli::parse(), &mut out);
    // A reader that went away (`… | head`) has all it wanted: end quietly.
    let written = match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {err}");
            false
        }
        _ => true,
    };
    match result {
        Ok(()) if !written => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            match err.downcast_ref::<Problems>() {
                Some(problems) => eprintln!("{problems}"),
                None => eprintln!("error: {err:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// Runs the command, writing what it prints to standard output into `stdout`.
fn run(cli: Cli, stdout: &mut String) -> anyhow::Result<()> {
    match cli.command {
        Command::Build {
            content_dir,
            out,
            audience,
        } => {
            let content = index_builder::load_content(&content_dir)?;
            for note in index_builder::unstemmed_notes(content.locales()) {
                eprintln!("note: {note}");
            }
            let audience: Audience = audience.into();
            let options = BuildOptions {
                audience,
                ..BuildOptions::default()
            };
            let bar = progress_bar(content.articles.len() as u64);
            let bundle = index_builder::build_bundle(&content, &options, &mut || bar.inc(1));
            bar.finish_and_clear();
            index_builder::write_bundle(&bundle, &out)
                .with_context(|| format!("writing the bundle to {}", out.display()))?;
            let counts = content.counts();
            let (articles, files, whom) = match audience {
                Audience::Public => (
                    counts.articles - counts.signed_in,
                    content
                        .articles
                        .iter()
                        .filter(|a| a.front.visibility == Visibility::Public)
                        .count(),
                    format!("for everyone, {} signed-in left out", counts.signed_in),
                ),
                Audience::SignedIn => (
                    counts.articles,
                    counts.files,
                    "for signed-in publishers".to_string(),
                ),
            };
            writeln!(
                stdout,
                "built {articles} article(s) in {} locale(s) ({files} files, {whom}): \
                 {} bundle files, {} KB, into {}",
                bundle.manifest.locales.len(),
                bundle.files.len(),
                bundle.bytes() / 1024,
                out.display()
            )?;
            Ok(())
        }
        Command::Check { content_dir } => {
            let content = index_builder::load_content(&content_dir)?;
            for note in index_builder::unstemmed_notes(content.locales()) {
                eprintln!("note: {note}");
            }
            let counts = content.counts();
            writeln!(
                stdout,
                "{}: {} article(s) in {} locale(s), no problems ({} files, {} signed-in)",
                content_dir.display(),
                counts.articles,
                counts.locales,
                counts.files,
                counts.signed_in
            )?;
            Ok(())
        }
        Command::Search {
            bundle_dir,
            query,
            locale,
            context,
            limit,
            json,
        } => {
            let bundle = index_builder::open_bundle(&bundle_dir)?;
            let mut index = bundle.locale(&locale)?;
            let options = SearchOptions {
                limit,
                context,
                ..SearchOptions::default()
            };
            let hits = bundle.search(&mut index, &query, &options)?;
            if json {
                writeln!(stdout, "{}", index_builder::hits_json(&hits))?;
            } else if hits.is_empty() {
                writeln!(stdout, "no results for {query:?}")?;
            } else {
                for (rank, hit) in hits.iter().enumerate() {
                    writeln!(
                        stdout,
                        "{:>2}. {} [{}] ({:.3})",
                        rank + 1,
                        hit.title,
                        hit.id,
                        hit.score
                    )?;
                    writeln!(stdout, "    {}", hit.snippet)?;
                }
            }
            Ok(())
        }
        Command::Import(ImportSource::Zendesk {
            articles_json,
            out,
            force,
        }) => {
            let import = index_builder::import_zendesk(&articles_json, &out, force)?;
            for skipped in &import.skipped {
                eprintln!("warning: {skipped}");
            }
            writeln!(
                stdout,
                "imported {} article(s) in {} locale(s) ({}) into {}; {} draft(s) skipped{}",
                import.articles(),
                import.locales.len(),
                import.locales.join(", "),
                out.display(),
                import.drafts_skipped,
                match import.skipped.len() {
                    0 => String::new(),
                    n => format!(", {n} untranslated article(s) skipped"),
                }
            )?;
            Ok(())
        }
        Command::ExportElasticlunr {
            content_dir,
            out,
            locale,
            audience,
        } => {
            let content = index_builder::load_content(&content_dir)?;
            let export = index_builder::export_elasticlunr(&content, &locale, audience.into())?;
            index_builder::write_elasticlunr(&export, &out)?;
            writeln!(
                stdout,
                "exported {} article(s) of locale {locale} ({} pipeline) to {}, {} KB",
                export.articles,
                export.language,
                out.display(),
                export.json.len() / 1024
            )?;
            writeln!(
                stdout,
                "search it with elasticlunr.js: index.search(query, {})",
                index_builder::elasticlunr_search_config()
            )?;
            Ok(())
        }
    }
}

/// A progress bar for large corpora; hidden for small ones and when
/// standard error is not a terminal.
fn progress_bar(len: u64) -> indicatif::ProgressBar {
    if len < 500 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} indexing {pos}/{len} articles [{bar:30}] {eta}",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    bar
}
