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
    /// Writes a starter help center into DIR (new or empty): a documented
    /// support.toml, two articles and one translation.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Serves a live preview of CONTENT_DIR: a host page embedding the
    /// widget, rebuilt and reloaded on every save.
    Serve {
        /// The help-center folder.
        content_dir: PathBuf,
        /// The port to listen on, on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        #[command(flatten)]
        widget: WidgetArg,
    },
    /// Writes the whole deployable folder for CONTENT_DIR: the loader, the
    /// app, the public bundle, _headers, integrity.txt and precompressed
    /// copies, beside any earlier version in --out.
    Dist {
        /// The help-center folder.
        content_dir: PathBuf,
        /// The folder to upload whole to a static host or CDN. Earlier
        /// versions in it are kept; it never receives signed-in articles.
        #[arg(long)]
        out: PathBuf,
        /// Where --out will be served, for the script tag.
        #[arg(long, default_value = index_builder::DEFAULT_BASE_URL)]
        base_url: String,
        /// Where to write the signed-in bundle (public and signed-in
        /// articles), to serve behind the dashboard's sign-in. Without it,
        /// signed-in articles are not written anywhere.
        #[arg(long)]
        signed_in_out: Option<PathBuf>,
        #[command(flatten)]
        widget: WidgetArg,
    },
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

#[derive(clap::Args)]
struct WidgetArg {
    /// A widget folder to use instead of the one built into this binary
    /// (help-widget.js with its app files, as `cargo xtask release` builds
    /// them).
    #[arg(long, value_name = "DIR")]
    widget: Option<PathBuf>,
}

impl WidgetArg {
    fn assets(&self) -> anyhow::Result<index_builder::WidgetAssets> {
        match &self.widget {
            Some(dir) => Ok(index_builder::WidgetAssets::from_dir(dir)?),
            None => index_builder::WidgetAssets::embedded().context(
                "this index-builder carries no widget (a development build); \
                 pass --widget DIR, or use the binary that `cargo xtask release` builds",
            ),
        }
    }
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
        /// The help center's address, such as https://help.example.com:
        /// relative links and images (`/hc/…`) are resolved against it.
        #[arg(long, value_name = "URL")]
        help_center_url: Option<String>,
        /// The Help Center's sections list (the JSON of
        /// `GET /api/v2/help_center/sections.json`, pages of several
        /// locales concatenated in one array if need be): articles are
        /// filed under their section's name rather than `section-<id>`.
        #[arg(long, value_name = "SECTIONS_JSON")]
        sections: Option<PathBuf>,
        /// Merge into an existing --out folder by Zendesk id: new articles
        /// are added, changed ones rewritten, files edited by hand kept.
        #[arg(long)]
        update: bool,
        /// Replace a non-empty --out folder; with --update, overwrite
        /// files edited by hand too.
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
        Command::Init { dir } => {
            index_builder::init(&dir).with_context(|| format!("init {}", dir.display()))?;
            let shown = dir.display();
            writeln!(
                stdout,
                "wrote a starter help center to {shown}: support.toml, 2 articles, 1 translation\n\
                 next:\n  index-builder serve {shown}               preview with live reload\n  \
                 index-builder dist {shown} --out public    the folder to deploy"
            )?;
            Ok(())
        }
        Command::Serve {
            content_dir,
            port,
            widget,
        } => {
            let preview = index_builder::Preview::start(&content_dir, widget.assets()?, port)?;
            // Printed at once: the server runs until interrupted.
            println!(
                "previewing {} at {}/ (rebuilt on every save; Ctrl-C stops)",
                content_dir.display(),
                preview.url()
            );
            preview.join();
            Ok(())
        }
        Command::Dist {
            content_dir,
            out,
            base_url,
            signed_in_out,
            widget,
        } => {
            let widget = widget.assets()?;
            let started = std::time::Instant::now();
            let content = index_builder::load_content(&content_dir)?;
            let options = index_builder::DistOptions {
                base_url,
                signed_in_out: signed_in_out.clone(),
            };
            let report = index_builder::dist(&content, &widget, &out, &options)?;
            writeln!(
                stdout,
                "dist ready in {} ({:.1} s): {} new files, {} already there",
                out.display(),
                started.elapsed().as_secs_f64(),
                report.public.added.len(),
                report.public.unchanged,
            )?;
            match (&report.signed_in, &signed_in_out) {
                (Some(private), Some(dir)) => writeln!(
                    stdout,
                    "signed-in bundle in {} ({} new files): serve it only behind your sign-in",
                    dir.display(),
                    private.added.len()
                )?,
                _ if report.signed_in_left_out > 0 => writeln!(
                    stdout,
                    "{} signed-in article file(s) left out; --signed-in-out DIR writes their bundle",
                    report.signed_in_left_out
                )?,
                _ => {}
            }
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
            if report.public.header_rules > index_builder::MAX_HEADER_RULES {
                eprintln!(
                    "warning: _headers has {} rules; Cloudflare Pages reads only {}",
                    report.public.header_rules,
                    index_builder::MAX_HEADER_RULES
                );
            }
            writeln!(stdout, "loader integrity: {}", report.integrity)?;
            writeln!(stdout, "{}", report.script_tag)?;
            Ok(())
        }
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
            help_center_url,
            sections,
            update,
            force,
        }) => {
            let options = index_builder::ImportOptions {
                help_center_url,
                sections,
                update,
                force,
            };
            let report = index_builder::import_zendesk(&articles_json, &out, &options)?;
            write!(stdout, "{report}")?;
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
