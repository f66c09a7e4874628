//! `cargo xtask bench`: our bundle and engine against Pagefind 1.6.0,
//! MiniSearch 7.2.0 and lunr.js 2.3.9, measured in the same run.
//!
//! It prints ratios against the peers and writes `target/bench/report.md`
//! with `target/bench/chart.svg`. Every derived file (corpora, bundles,
//! pages) goes under `target/bench/`; the GNOME corpus is read in place
//! from `../shared/corpus/`. Each measurement is isolated: one that fails
//! is reported as "not measured: why", and the rest go on.
//!
//! ```text
//! target/bench/
//!   gnome/articles/<locale>/<id>.md   GNOME help as help-center content
//!   gnome-html/<locale>/<id>.html     the same pages for Pagefind
//!   gnome-pagefind/                   Pagefind's output
//!   syn10k/, syn100k/                 synthetic English content
//!   site/                             what Chromium is served:
//!     page/ (from bench/page), widget/, vendor/minisearch.js,
//!     bundle/<corpus>/, docs/<corpus>.json
//! ```
//!
//! This file is the driver: it prepares the served folder, then calls
//! each measurement in turn (`--only` picks some: see [`Part`]). One
//! module per measurement: `relevance` (MRR@10 on the example help
//! center), `gnome_relevance` (MRR@10 of `bench/gnome-queries.toml` on
//! the GNOME help in four locales, by query type), `feedback` (the feedback
//! server's votes per second), `widget` (the widget's cold opens on the
//! demo dashboard), `build` (the corpora, build throughput, index size)
//! and `latency` (per-call query latency, first-query transfer). They
//! share `harness` (paths, node scripts, timing, percentiles, the figures
//! measured so far) and write into `report`; `environment` records the
//! machine, `targets` turns the figures into target lines, and `corpus`
//! converts the corpora.

mod build;
mod corpus;
mod environment;
mod feedback;
mod gnome_relevance;
mod harness;
mod latency;
mod relevance;
mod report;
mod targets;
mod widget;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::Context as _;

use crate::cmd::{root, run};
use crate::serve::Server;
use crate::{site, tools};
use harness::{Bench, Latency, Measured, not_run, text};
use report::{Report, number};

/// Above this MiniSearch build time at 10k articles, 100k (about ten times
/// longer) is not attempted.
const MINISEARCH_10K_BUILD_LIMIT_MS: f64 = 12_000.0;

/// A part of the benchmark, for `cargo xtask bench --only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Part {
    /// MRR@10 on the example help center and on the GNOME judged set,
    /// ours against MiniSearch and lunr.js (no browser: about a minute).
    Relevance,
    /// The feedback server's votes per second.
    Feedback,
    /// The widget's cold opens on the demo dashboard: loader, first-open
    /// weight, click to results.
    Widget,
    /// Build throughput and index size on the GNOME help, against Pagefind.
    Build,
    /// Query latency and first-query transfer in Chromium, against
    /// MiniSearch (GNOME, example and synthetic corpora).
    Latency,
}

/// Runs the benchmark, or the parts in `only` when it is not empty;
/// `quick` leaves out the 100k corpus. Fails only when nothing can be
/// measured.
pub(crate) fn bench(quick: bool, only: &[Part]) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let wants = |part: Part| only.is_empty() || only.contains(&part);
    tools::ensure_test_tools()?;
    let root = root();
    // The site (the widget built by trunk) is what the browser parts load.
    let site = if wants(Part::Widget) || wants(Part::Latency) || wants(Part::Feedback) {
        Some(site::build_site(&root.join(site::DEFAULT_CONTENT))?)
    } else {
        None
    };
    // The release builder and the GNOME corpus serve the relevance, build
    // and latency parts only: `--only widget` (or feedback) skips both.
    let corpora = wants(Part::Relevance) || wants(Part::Build) || wants(Part::Latency);
    if corpora {
        run(Command::new(env!("CARGO"))
            .args(["build", "--release", "--package", "index-builder"])
            .current_dir(&root))?;
    }
    let out = root.join("target/bench");
    let www = out.join("site");
    prepare_www(&root, site.as_deref(), &www)?;
    let server = Server::start(&www, 0)?;
    let bench = Bench {
        builder: root.join("target/release/index-builder"),
        base_url: server.url(),
        root,
        out,
        www,
    };

    let mut report = Report::default();
    let mut m = Measured {
        ours_pages_per_s: not_run(),
        pagefind_pages_per_s: not_run(),
        ours_index_kb: not_run(),
        pagefind_index_kb: not_run(),
        latency: Vec::new(),
        transfer_kb: not_run(),
        mrr: [
            ("ours".into(), not_run()),
            ("MiniSearch".into(), not_run()),
            ("lunr.js".into(), not_run()),
        ],
        gnome_mrr: not_run().map(|_| Vec::new()),
        loader_kb: not_run(),
        first_open_kb: not_run(),
    };
    environment::environment(&bench, &mut report);

    if (wants(Part::Relevance) || wants(Part::Latency))
        && let Err(err) = relevance::example(
            &bench,
            wants(Part::Relevance),
            wants(Part::Latency),
            &mut report,
            &mut m,
        )
    {
        report.not_measured("example help center", &err);
    }
    if let Some(site) = &site
        && wants(Part::Feedback)
        && let Err(err) = feedback::votes_under_load(&bench, site, &mut report)
    {
        report.not_measured("feedback server under load", &err);
    }
    if let Some(site) = &site
        && wants(Part::Widget)
        && let Err(err) = widget::cold_opens(&bench, site, &mut report, &mut m)
    {
        report.not_measured("the widget on the demo dashboard", &err);
        m.loader_kb = Err(text(&err));
        m.first_open_kb = Err(text(&err));
    }
    let gnome = match corpora.then(|| build::prepare_gnome(&bench, &mut report)) {
        Some(Ok(docs)) => Some(docs),
        Some(Err(err)) => {
            report.not_measured("GNOME corpus", &err);
            None
        }
        None => None,
    };
    if let Some(docs) = &gnome
        && wants(Part::Build)
    {
        if let Err(err) = build::throughput(&bench, docs.len(), &mut report, &mut m) {
            report.not_measured("build throughput", &err);
        }
        if let Err(err) = build::index_size(&bench, &mut report, &mut m) {
            report.not_measured("index size", &err);
        }
    }
    if let Some(docs) = &gnome
        && wants(Part::Relevance)
        && let Err(err) = gnome_relevance::gnome(&bench, docs, &mut report, &mut m)
    {
        report.not_measured("relevance, GNOME judged set", &err);
        m.gnome_mrr = Err(text(&err));
    }
    if let Some(docs) = &gnome
        && wants(Part::Latency)
    {
        let queries = corpus::typed(&gnome_queries());
        let latency = latency::measure(
            &bench,
            "GNOME en (260)",
            "gnome",
            "gnome-en",
            &queries,
            true,
            &mut report,
        );
        m.latency.push(("260".into(), latency));

        let vocab = corpus::vocabulary(docs);
        let mut mini_10k_build: Option<f64> = None;
        let sizes: &[(&str, usize)] = if quick {
            &[("syn10k", 10_000)]
        } else {
            &[("syn10k", 10_000), ("syn100k", 100_000)]
        };
        for &(name, n) in sizes {
            match build::prepare_synthetic(&bench, &vocab, name, n, &mut report) {
                Ok(()) => {
                    let mini = n < 100_000
                        || mini_10k_build.is_some_and(|ms| ms <= MINISEARCH_10K_BUILD_LIMIT_MS);
                    let label = format!("synthetic {}k", n / 1000);
                    let mut latency =
                        latency::measure(&bench, &label, name, name, &queries, mini, &mut report);
                    if n < 100_000 {
                        mini_10k_build = latency.minisearch_build_ms;
                    } else if !mini {
                        latency.minisearch = Err(match mini_10k_build {
                            Some(ms) => format!(
                                "MiniSearch took {} s to index 10k articles in the page, so about {} s for 100k: measured at 10k only",
                                number(ms / 1000.0),
                                number(ms / 100.0)
                            ),
                            None => {
                                "MiniSearch could not be measured at 10k, so 100k was not tried"
                                    .into()
                            }
                        });
                    }
                    m.latency.push((format!("{}k", n / 1000), latency));
                    if n == 100_000
                        && let Err(err) = latency::transfer(&bench, name, &mut report, &mut m)
                    {
                        report.not_measured("first-query transfer at 100k", &err);
                        m.transfer_kb = Err(text(&err));
                    }
                }
                Err(err) => {
                    report.not_measured(&format!("synthetic {}k", n / 1000), &err);
                    let why = format!("the corpus could not be prepared: {err:#}");
                    m.latency.push((
                        format!("{}k", n / 1000),
                        Latency {
                            ours: Err(why.clone()),
                            minisearch: Err(why),
                            minisearch_build_ms: None,
                        },
                    ));
                }
            }
        }
    }

    report.targets = targets::targets(&m);
    let why = targets::why_missed(&report.targets);
    if !why.is_empty() {
        report
            .details
            .insert(0, ("Why targets are missed".into(), why));
    }
    report
        .environment
        .push(("load average at end".into(), environment::load_average()));
    report.environment.push((
        "bench wall time".into(),
        format!("{} s", started.elapsed().as_secs()),
    ));
    report.print();
    let chart = bench.out.join("chart.svg");
    std::fs::write(&chart, report.svg()).with_context(|| format!("writing {}", chart.display()))?;
    let md = bench.out.join("report.md");
    std::fs::write(&md, report.markdown("chart.svg"))
        .with_context(|| format!("writing {}", md.display()))?;
    println!(
        "xtask: bench: report in {} (chart {})",
        md.display(),
        chart.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The served folder: the bench page, the widget (when the site was
/// built) and MiniSearch's ES module.
fn prepare_www(root: &Path, site: Option<&Path>, www: &Path) -> anyhow::Result<()> {
    for sub in ["page", "widget", "vendor", "docs"] {
        let dir = www.join(sub);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::create_dir_all(www.join("bundle"))?;
    let copy_all = |from: &Path, to: &Path| -> anyhow::Result<()> {
        for entry in
            std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))?
        {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name()))
                    .with_context(|| format!("copying {}", entry.path().display()))?;
            }
        }
        Ok(())
    };
    copy_all(&root.join("bench/page"), &www.join("page"))?;
    if let Some(site) = site {
        copy_all(&site.join("widget"), &www.join("widget"))?;
    }
    let minisearch = root.join("node_modules/minisearch/dist/es/index.js");
    std::fs::copy(&minisearch, www.join("vendor/minisearch.js")).with_context(|| {
        format!(
            "copying {} (is MiniSearch installed?)",
            minisearch.display()
        )
    })?;
    Ok(())
}

/// The GNOME queries as owned strings.
fn gnome_queries() -> Vec<String> {
    corpus::GNOME_QUERIES
        .iter()
        .map(|q| q.to_string())
        .collect()
}
