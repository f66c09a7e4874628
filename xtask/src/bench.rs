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

mod corpus;
mod report;

use std::fmt::Write as _;
use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use serde_json::{Value, json};

use crate::serve::Server;
use crate::{describe, root, run, site, tools};
use corpus::Doc;
use report::{Goal, Report, Status, Target, number};

/// The GNOME help corpus, relative to the workspace root.
const GNOME_CORPUS: &str = "../shared/corpus/gnome-help.jsonl";
/// The seed of the synthetic corpora.
const SYNTHETIC_SEED: u64 = 0x5eed_2026_0003;
/// How many times each GNOME build is timed; the median counts.
const BUILD_RUNS: usize = 3;
/// Above this MiniSearch build time at 10k articles, 100k (about ten times
/// longer) is not attempted.
const MINISEARCH_10K_BUILD_LIMIT_MS: f64 = 12_000.0;
/// How many fresh browsers our latency run gets before it counts as not
/// measured: the widget's first search sometimes never settles.
const OURS_ATTEMPTS: usize = 3;
/// First queries measured for the transfer at 100k: the first letter a
/// reader types, and whole queries.
const TRANSFER_QUERIES: [&str; 4] = ["w", "wifi", "wifi password", "keyboard shortcuts"];
/// Cold opens of the demo dashboard's widget that are timed.
const WIDGET_RUNS: usize = 7;
/// The query typed into the widget as soon as its panel opens.
const WIDGET_QUERY: &str = "payment threshold";
/// Published JS weights of peer widgets on first contact, in KB (they
/// cannot be fetched here, so they are not measured in the run).
const PUBLISHED_WEIGHTS: [(&str, f64); 2] = [
    ("Zendesk Web Widget, published", 613.0),
    ("Intercom Messenger, published", 344.0),
];

/// Our figure or why it is missing.
type Figure = Result<f64, String>;

/// Figures that feed the targets, filled in step by step.
struct Measured {
    ours_pages_per_s: Figure,
    pagefind_pages_per_s: Figure,
    ours_index_kb: Figure,
    pagefind_index_kb: Figure,
    latency: Vec<(String, Latency)>,
    transfer_kb: Figure,
    mrr: [(String, Figure); 3],
    loader_kb: Figure,
    first_open_kb: Figure,
}

/// Per-call latencies of one corpus, ours and MiniSearch's, in ms.
#[derive(Clone)]
struct Latency {
    ours: Result<Vec<f64>, String>,
    minisearch: Result<Vec<f64>, String>,
    /// How long MiniSearch took to index the corpus in the page, in ms.
    minisearch_build_ms: Option<f64>,
}

fn not_run() -> Figure {
    Err("the step did not run".to_string())
}

fn text(err: &anyhow::Error) -> String {
    format!("{err:#}")
}

/// Paths and the running server.
struct Bench {
    root: PathBuf,
    out: PathBuf,
    www: PathBuf,
    builder: PathBuf,
    base_url: String,
}

/// Runs the whole benchmark; `quick` leaves out the 100k corpus. Fails
/// only when nothing can be measured.
pub(crate) fn bench(quick: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    tools::ensure_test_tools()?;
    let site = site::build_site()?;
    let root = root();
    run(Command::new(env!("CARGO"))
        .args(["build", "--release", "--package", "index-builder"])
        .current_dir(&root))?;
    let out = root.join("target/bench");
    let www = out.join("site");
    prepare_www(&root, &site, &www)?;
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
        loader_kb: not_run(),
        first_open_kb: not_run(),
    };
    bench.environment(&mut report);

    if let Err(err) = bench.example(&mut report, &mut m) {
        report.not_measured("example help center", &err);
    }
    if let Err(err) = bench.feedback_load(&site, &mut report) {
        report.not_measured("feedback server under load", &err);
    }
    if let Err(err) = bench.widget(&site, &mut report, &mut m) {
        report.not_measured("the widget on the demo dashboard", &err);
        m.loader_kb = Err(text(&err));
        m.first_open_kb = Err(text(&err));
    }
    let gnome = match bench.prepare_gnome(&mut report) {
        Ok(docs) => Some(docs),
        Err(err) => {
            report.not_measured("GNOME corpus", &err);
            None
        }
    };
    if let Some(docs) = &gnome {
        if let Err(err) = bench.throughput(docs.len(), &mut report, &mut m) {
            report.not_measured("build throughput", &err);
        }
        if let Err(err) = bench.index_size(&mut report, &mut m) {
            report.not_measured("index size", &err);
        }
        let queries = corpus::typed(&gnome_queries());
        let latency = bench.latency(
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
            match bench.prepare_synthetic(&vocab, name, n, &mut report) {
                Ok(()) => {
                    let mini = n < 100_000
                        || mini_10k_build.is_some_and(|ms| ms <= MINISEARCH_10K_BUILD_LIMIT_MS);
                    let label = format!("synthetic {}k", n / 1000);
                    let mut latency =
                        bench.latency(&label, name, name, &queries, mini, &mut report);
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
                        && let Err(err) = bench.transfer(name, &mut report, &mut m)
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

    report.targets = targets(&m);
    let why = why_missed(&report.targets);
    if !why.is_empty() {
        report
            .details
            .insert(0, ("Why targets are missed".into(), why));
    }
    report
        .environment
        .push(("load average at end".into(), load_average()));
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

/// The served folder: the bench page, the widget and MiniSearch's ES module.
fn prepare_www(root: &Path, site: &Path, www: &Path) -> anyhow::Result<()> {
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
    copy_all(&site.join("widget"), &www.join("widget"))?;
    let minisearch = root.join("node_modules/minisearch/dist/es/index.js");
    std::fs::copy(&minisearch, www.join("vendor/minisearch.js")).with_context(|| {
        format!(
            "copying {} (is MiniSearch installed?)",
            minisearch.display()
        )
    })?;
    Ok(())
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews
/// every timing.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// The GNOME queries as owned strings.
fn gnome_queries() -> Vec<String> {
    corpus::GNOME_QUERIES
        .iter()
        .map(|q| q.to_string())
        .collect()
}

impl Bench {
    fn environment(&self, report: &mut Report) {
        let cpus = std::thread::available_parallelism()
            .map_or_else(|_| "?".into(), |n| n.get().to_string());
        let model = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("model name"))
                    .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
            })
            .unwrap_or_default();
        let version = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .current_dir(&self.root)
                .env("PATH", tools::tool_path())
                .stderr(Stdio::null())
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "unknown".into())
        };
        report
            .environment
            .push(("CPUs".into(), format!("{cpus} ({model})")));
        report
            .environment
            .push(("load average at start".into(), load_average()));
        report.environment.push((
            "Chromium".into(),
            version("/usr/bin/chromium", &["--version"]),
        ));
        report
            .environment
            .push(("node".into(), version("node", &["--version"])));
        report
            .environment
            .push(("Pagefind".into(), version("pagefind", &["--version"])));
        report
            .environment
            .push(("rustc".into(), version("rustc", &["--version"])));
        report.environment.push((
            "index-builder".into(),
            "target/release/index-builder, the workspace's release profile (opt-level \"z\", LTO)"
                .into(),
        ));
        report.environment.push((
            "server".into(),
            "xtask's loopback static server, no compression".into(),
        ));
        report.environment.push((
            "timer".into(),
            "performance.now() in a page that is not cross-origin isolated: Chromium coarsens it to 0.1 ms".into(),
        ));
    }

    /// Runs the index builder on `content`, returning the wall time.
    fn build_ours(
        &self,
        content: &Path,
        bundle: &Path,
        audience: &str,
    ) -> anyhow::Result<Duration> {
        let mut cmd = Command::new(&self.builder);
        cmd.arg("build")
            .arg(content)
            .arg("--out")
            .arg(bundle)
            .args(["--audience", audience]);
        timed(&mut cmd)
    }

    /// The example help center: a signed-in bundle for latency and MRR@10
    /// of the judged queries, ours against MiniSearch and lunr.js.
    fn example(&self, report: &mut Report, m: &mut Measured) -> anyhow::Result<()> {
        const SECTION: &str = "example help center";
        let content = self.root.join("examples/help-center");
        let bundle = self.www.join("bundle/example");
        self.build_ours(&content, &bundle, "signed-in")?;
        let docs = corpus::read_example(&content, "en")?;
        let docs_json = self.www.join("docs/example.json");
        corpus::write_peer_json(&docs, "en", &docs_json)?;
        let judged = judged_queries(&content.join("queries.toml"))?;
        report.figure(
            SECTION,
            "articles (en, signed-in bundle)",
            docs.len().to_string(),
        );
        report.figure(SECTION, "judged queries", judged.len().to_string());

        let mut ours = Vec::new();
        for (q, _) in &judged {
            ours.push(
                self.our_ids(&bundle, q)
                    .with_context(|| format!("searching {q:?}"))?,
            );
        }
        m.mrr[0].1 = Ok(mrr(&judged, &ours));
        let peers = (|| {
            let config = json!({ "docs": docs_json, "queries": judged.iter().map(|(q, _)| q).collect::<Vec<_>>() });
            let value = self.node("relevance", &config, Duration::from_secs(120))?;
            let ids = |key: &str| -> anyhow::Result<Vec<Vec<String>>> {
                serde_json::from_value(value.get(key).cloned().unwrap_or(Value::Null))
                    .with_context(|| format!("reading {key} ids"))
            };
            Ok::<_, anyhow::Error>((
                ids("minisearch")?,
                ids("lunr")?,
                value
                    .get("lunr_errors")
                    .and_then(Value::as_u64)
                    .unwrap_or(0),
            ))
        })();
        match peers {
            Ok((mini, lunr, lunr_errors)) => {
                m.mrr[1].1 = Ok(mrr(&judged, &mini));
                m.mrr[2].1 = Ok(mrr(&judged, &lunr));
                report.figure(
                    SECTION,
                    "lunr.js queries that failed to parse",
                    lunr_errors.to_string(),
                );
                report.details.push((
                    "Relevance: judged queries where a peer ranks better".into(),
                    worse_queries(&judged, &ours, &mini, &lunr),
                ));
            }
            Err(err) => {
                m.mrr[1].1 = Err(text(&err));
                m.mrr[2].1 = Err(text(&err));
            }
        }
        for (name, figure) in &m.mrr {
            report.figure(
                SECTION,
                format!("MRR@10, {name}"),
                figure
                    .as_ref()
                    .map_or_else(|e| format!("not measured: {e}"), |v| format!("{v:.3}")),
            );
        }

        let queries = corpus::typed(&judged.iter().map(|(q, _)| q.clone()).collect::<Vec<_>>());
        let latency = self.latency(SECTION, "example", "example", &queries, true, report);
        m.latency.push(("example".into(), latency));
        Ok(())
    }

    /// The example feedback server on loopback: 2,000 votes from 50
    /// concurrent clients, every fourth one retried, counted exactly.
    fn feedback_load(&self, site: &Path, report: &mut Report) -> anyhow::Result<()> {
        const SECTION: &str = "feedback server, loopback";
        let db = self.out.join("feedback-load.sqlite");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let server = Server::start_with_feedback(site, 0, &db)?;
        let article = feedback_server::articles::from_bundle(&site.join("bundle-signed-in"))?
            .into_iter()
            .next()
            .context("the example bundle holds no article")?;
        let load =
            feedback_server::load::run(&format!("{}/feedback", server.url()), &article, 2000, 50);
        let stored = feedback_server::Store::open(&db)?.counts(&article)?.total;
        if stored != 2000 || load.failed != 0 {
            bail!(
                "{} votes stored and {} failed, of 2000 sent",
                stored,
                load.failed
            );
        }
        report.figure(
            SECTION,
            "2,000 votes, 50 clients, SQLite WAL",
            format!(
                "{} votes/s ({} requests with retries in {} s; 2,000 stored exactly)",
                number(load.votes_per_second()),
                load.requests,
                number(load.elapsed.as_secs_f64())
            ),
        );
        Ok(())
    }

    /// The widget as the demo dashboard embeds it: loader weight, bytes of
    /// a first open, and click-to-results time, cold, in Chromium.
    fn widget(&self, site: &Path, report: &mut Report, m: &mut Measured) -> anyhow::Result<()> {
        const SECTION: &str = "widget, demo dashboard, cold opens";
        let server = Server::start(site, 0)?;
        let config = json!({ "base": server.url(), "site": site, "runs": WIDGET_RUNS, "query": WIDGET_QUERY });
        let value = self.node("widget", &config, Duration::from_secs(300))?;
        let field = |key: &str| value.get(key).cloned().unwrap_or(Value::Null);
        let loader_gzip = field("loader")
            .get("gzip")
            .and_then(Value::as_f64)
            .context("the page never fetched the loader")?;
        m.loader_kb = Ok(loader_gzip / 1000.0);
        let open_gzip = field("openGzip").as_f64().context("no first-open bytes")?;
        let kinds = field("openByKind");
        for kind in ["wasm", "glue", "index (root, term shards, term list)"] {
            if kinds.get(kind).is_none() {
                bail!("the first open fetched no {kind} file: the measurement is incomplete");
            }
        }
        let open_raw = field("openRaw").as_f64().unwrap_or(0.0);
        m.first_open_kb = Ok(open_gzip / 1000.0);
        report.figure(
            SECTION,
            "loader, gzip",
            format!("{} KB", number(loader_gzip / 1000.0)),
        );
        report.figure(
            SECTION,
            "first open to results, all files",
            format!(
                "{} KB gzip ({} KB as sent here)",
                number(open_gzip / 1000.0),
                number(open_raw / 1000.0)
            ),
        );
        if let Some(kinds) = field("openByKind").as_object() {
            for (kind, v) in kinds {
                let n = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(0.0);
                report.figure(
                    SECTION,
                    format!("  {kind}"),
                    format!(
                        "{} file(s), {} KB gzip",
                        n("files"),
                        number(n("gzip") / 1000.0)
                    ),
                );
            }
        }
        for (key, label) in [
            ("suggestionsMs", "click to suggestions for the page"),
            ("resultsMs", "click to search results (query typed on open)"),
        ] {
            let mut times: Vec<f64> = field(key)
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .collect();
            if times.is_empty() {
                bail!("no {label} times");
            }
            report.figure(
                SECTION,
                label,
                format!(
                    "median {} ms, worst {} ms ({} cold runs)",
                    number(median(&mut times)),
                    number(percentile(&mut times, 1.0)),
                    times.len()
                ),
            );
        }
        Ok(())
    }

    /// Our top ten ids for `query`, from `index-builder search --json`.
    fn our_ids(&self, bundle: &Path, query: &str) -> anyhow::Result<Vec<String>> {
        let out = Command::new(&self.builder)
            .arg("search")
            .arg(bundle)
            .arg(query)
            .args(["--json", "--limit", "10"])
            .output()
            .context("running index-builder search")?;
        if !out.status.success() {
            bail!(
                "index-builder search failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let hits: Vec<Value> =
            serde_json::from_slice(&out.stdout).context("reading index-builder's JSON")?;
        Ok(hits
            .iter()
            .filter_map(|h| h.get("id")?.as_str().map(String::from))
            .collect())
    }

    /// Converts the GNOME corpus: content for us, HTML for Pagefind, JSON
    /// for MiniSearch.
    fn prepare_gnome(&self, report: &mut Report) -> anyhow::Result<Vec<Doc>> {
        let source = std::env::var_os("BENCH_GNOME_CORPUS")
            .map_or_else(|| self.root.join(GNOME_CORPUS), PathBuf::from);
        let docs = corpus::read_gnome(&source)?;
        corpus::write_content(&docs, &self.out.join("gnome"))?;
        corpus::write_html(&docs, &self.out.join("gnome-html"))?;
        let en = corpus::write_peer_json(&docs, "en", &self.www.join("docs/gnome-en.json"))?;
        report.figure(
            "GNOME corpus",
            "pages (all locales / en)",
            format!("{} / {en}", docs.len()),
        );
        Ok(docs)
    }

    /// Build throughput on every GNOME page: ours against Pagefind.
    fn throughput(
        &self,
        pages: usize,
        report: &mut Report,
        m: &mut Measured,
    ) -> anyhow::Result<()> {
        const SECTION: &str = "build throughput, GNOME";
        let content = self.out.join("gnome");
        let bundle = self.www.join("bundle/gnome");
        let mut ours = Vec::new();
        for _ in 0..BUILD_RUNS {
            ours.push(self.build_ours(&content, &bundle, "public")?.as_secs_f64());
        }
        let ours = median(&mut ours);
        m.ours_pages_per_s = Ok(pages as f64 / ours);
        report.figure(
            SECTION,
            format!("ours, {pages} pages"),
            format!(
                "{} s, {} pages/s (median of {BUILD_RUNS})",
                number(ours),
                number(pages as f64 / ours)
            ),
        );

        let pagefind = (|| {
            let site = self.out.join("gnome-html");
            let output = self.out.join("gnome-pagefind");
            let mut times = Vec::new();
            for _ in 0..BUILD_RUNS {
                if output.exists() {
                    std::fs::remove_dir_all(&output)?;
                }
                let mut cmd = Command::new(self.root.join("node_modules/.bin/pagefind"));
                cmd.arg("--site")
                    .arg(&site)
                    .arg("--output-path")
                    .arg(&output)
                    .current_dir(&self.root);
                times.push(timed(&mut cmd)?.as_secs_f64());
            }
            Ok::<_, anyhow::Error>(median(&mut times))
        })();
        match pagefind {
            Ok(secs) => {
                m.pagefind_pages_per_s = Ok(pages as f64 / secs);
                report.figure(
                    SECTION,
                    format!("Pagefind 1.6.0, {pages} pages"),
                    format!(
                        "{} s, {} pages/s (median of {BUILD_RUNS})",
                        number(secs),
                        number(pages as f64 / secs)
                    ),
                );
            }
            Err(err) => m.pagefind_pages_per_s = Err(text(&err)),
        }
        Ok(())
    }

    /// Gzip bytes of our English index against Pagefind's English index
    /// chunks, for the 260 GNOME pages.
    fn index_size(&self, report: &mut Report, m: &mut Measured) -> anyhow::Result<()> {
        const SECTION: &str = "index size, GNOME en";
        let ours = our_files(&self.www.join("bundle/gnome"), "en")?;
        let index_gz = gzip_total(&ours.index)?;
        let docs_gz = gzip_total(&ours.docs)?;
        m.ours_index_kb = Ok(index_gz as f64 / 1000.0);
        report.figure(
            SECTION,
            "ours: root + term shards",
            format!(
                "{} KB gzip ({} KB raw, {} files)",
                kb(index_gz),
                kb(total_bytes(&ours.index)?),
                ours.index.len()
            ),
        );
        report.figure(
            SECTION,
            "ours: doc chunks (titles, summaries, snippet text)",
            format!(
                "{} KB gzip ({} KB raw, {} files)",
                kb(docs_gz),
                kb(total_bytes(&ours.docs)?),
                ours.docs.len()
            ),
        );
        let pagefind = (|| {
            let files = pagefind_files(&self.out.join("gnome-pagefind"), "en")?;
            let index = total_bytes(&files.index)?;
            report.figure(
                SECTION,
                "Pagefind: index chunks (.pf_index, as served)",
                format!("{} KB ({} files)", kb(index), files.index.len()),
            );
            report.figure(
                SECTION,
                "Pagefind: metadata (.pf_meta, as served)",
                format!("{} KB", kb(total_bytes(&files.meta)?)),
            );
            report.figure(
                SECTION,
                "Pagefind: fragments (.pf_fragment, as served)",
                format!(
                    "{} KB ({} files)",
                    kb(total_bytes(&files.docs)?),
                    files.docs.len()
                ),
            );
            Ok::<_, anyhow::Error>(index as f64 / 1000.0)
        })();
        m.pagefind_index_kb = pagefind.map_err(|e| text(&e));
        Ok(())
    }

    /// A synthetic English corpus of `n` articles: content, JSON, bundle.
    fn prepare_synthetic(
        &self,
        vocab: &[String],
        name: &str,
        n: usize,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        let section = format!("synthetic {}k", n / 1000);
        let t0 = Instant::now();
        let docs = corpus::synthetic(vocab, n, SYNTHETIC_SEED);
        corpus::write_content(&docs, &self.out.join(name))?;
        corpus::write_peer_json(&docs, "en", &self.www.join(format!("docs/{name}.json")))?;
        drop(docs);
        report.figure(
            &section,
            "generated",
            format!("{n} articles in {} s", number(t0.elapsed().as_secs_f64())),
        );
        let bundle = self.www.join(format!("bundle/{name}"));
        let secs = self
            .build_ours(&self.out.join(name), &bundle, "public")?
            .as_secs_f64();
        report.figure(
            &section,
            "ours: build",
            format!("{} s, {} pages/s", number(secs), number(n as f64 / secs)),
        );
        let files = our_files(&bundle, "en")?;
        report.figure(
            &section,
            "ours: root + term shards",
            format!(
                "{} KB raw in {} files; root {} KB",
                kb(total_bytes(&files.index)?),
                files.index.len(),
                kb(total_bytes(&files.root)?)
            ),
        );
        Ok(())
    }

    /// Per-call latency of typed queries in Chromium: ours through
    /// `HelpWidget.search`, and MiniSearch's in the same page setup.
    fn latency(
        &self,
        section: &str,
        bundle: &str,
        docs: &str,
        queries: &[String],
        minisearch: bool,
        report: &mut Report,
    ) -> Latency {
        let base = json!({
            "base": self.base_url,
            "mode": "latency",
            "bundle": format!("/bundle/{bundle}/"),
            "docs": format!("/docs/{docs}.json"),
            "queries": queries,
        });
        let with = |ours: bool, mini: bool| {
            let mut config = base.clone();
            config["ours"] = json!(ours);
            config["repeat"] = json!(ours);
            config["minisearch"] = json!(mini);
            config
        };
        report.figure(
            section,
            "typed queries (every prefix)",
            queries.len().to_string(),
        );
        let mut ours = self.ours_run(&with(true, false), queries, section, report);
        for attempt in 2..=OURS_ATTEMPTS {
            let Err(err) = &ours else { break };
            // A page that got stuck is retried in a fresh browser.
            report.figure(
                section,
                format!("ours: attempt {} failed, retrying", attempt - 1),
                text(err),
            );
            ours = self.ours_run(&with(true, false), queries, section, report);
        }
        let ours = ours.map_err(|e| text(&e));
        if let Err(e) = &ours {
            report.figure(section, "ours", format!("not measured: {e}"));
        }
        let mut build_ms = None;
        let mini = if minisearch {
            let result = self
                .node("latency", &with(false, true), Duration::from_secs(900))
                .and_then(|v| {
                    if let Some(e) = v.get("minisearch_error").and_then(Value::as_str) {
                        bail!("{e}");
                    }
                    if let Some(build) = v
                        .get("minisearch_build")
                        .and_then(|b| b.get("ms"))
                        .and_then(Value::as_f64)
                    {
                        report.figure(
                            section,
                            "MiniSearch index build in page",
                            format!("{} ms", number(build)),
                        );
                        build_ms = Some(build);
                    }
                    times_of(
                        v.get("minisearch").ok_or_else(|| anyhow!("no result"))?,
                        queries,
                        section,
                        "MiniSearch",
                        report,
                    )
                });
            result.map_err(|e| text(&e))
        } else {
            Err("not run".to_string())
        };
        if let (true, Err(e)) = (minisearch, &mini) {
            report.figure(section, "MiniSearch", format!("not measured: {e}"));
        }
        Latency {
            ours,
            minisearch: mini,
            minisearch_build_ms: build_ms,
        }
    }

    /// One run of our search over `queries` in a fresh browser; fails if
    /// the page got stuck.
    fn ours_run(
        &self,
        config: &Value,
        queries: &[String],
        section: &str,
        report: &mut Report,
    ) -> anyhow::Result<Vec<f64>> {
        let v = self.node("latency", config, Duration::from_secs(300))?;
        let page_errors = v
            .get("page_errors")
            .and_then(Value::as_array)
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let with_errors = |e: &str| {
            if page_errors.is_empty() {
                e.to_string()
            } else {
                format!("{e} (page: {page_errors})")
            }
        };
        if let Some(e) = v.get("ours_error").and_then(Value::as_str) {
            bail!("{}", with_errors(e));
        }
        let result = v.get("ours").ok_or_else(|| anyhow!("no result"))?;
        if let Some(e) = result
            .get("firstError")
            .and_then(Value::as_str)
            .filter(|e| e.contains("did not settle"))
        {
            bail!("{}", with_errors(e));
        }
        let warm = v
            .get("warmup_ms")
            .and_then(Value::as_f64)
            .unwrap_or(f64::NAN);
        report.figure(
            section,
            "ours: warm-up call, not counted (wasm app, manifest, root; the loader may have started on idle)",
            format!("{} ms", number(warm)),
        );
        let times = times_of(result, queries, section, "ours", report)?;
        if let Some(cached) = v.get("ours_cached") {
            let _ = times_of(
                cached,
                queries,
                section,
                "ours, second pass (every file already fetched; not a target)",
                report,
            );
        }
        Ok(times)
    }

    /// Bytes of bundle files the first query fetches at 100k articles.
    fn transfer(&self, name: &str, report: &mut Report, m: &mut Measured) -> anyhow::Result<()> {
        const SECTION: &str = "first-query transfer, 100k";
        let config = json!({
            "base": self.base_url,
            "mode": "transfer",
            "bundle": format!("/bundle/{name}/"),
            "queries": TRANSFER_QUERIES,
        });
        let value = self.node("latency", &config, Duration::from_secs(300))?;
        let runs = value
            .get("runs")
            .and_then(Value::as_array)
            .ok_or_else(|| anyhow!("no runs"))?;
        let bundle = self.www.join(format!("bundle/{name}"));
        let mut worst: Option<f64> = None;
        for run in runs {
            let query = run.get("query").and_then(Value::as_str).unwrap_or("?");
            if let Some(e) = run.get("error").and_then(Value::as_str) {
                report.figure(SECTION, format!("{query:?}"), format!("not measured: {e}"));
                continue;
            }
            let bytes = run.get("bytes").and_then(Value::as_u64).unwrap_or(0);
            let files: Vec<PathBuf> = run
                .get("files")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|f| f.get("name")?.as_str())
                .map(|n| bundle.join(n))
                .collect();
            let gz = gzip_total(&files).map_or_else(|_| "?".to_string(), kb);
            let retried = match run.get("attempts").and_then(Value::as_u64) {
                Some(n) if n > 1 => {
                    format!("; page retried, {n} attempts (a search never settled)")
                }
                _ => String::new(),
            };
            let kinds = by_kind(
                run.get("files")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice),
            );
            report.figure(
                SECTION,
                format!("{query:?}"),
                format!(
                    "{} KB as served in {} files ({gz} KB if gzipped): {kinds}{retried}",
                    kb(bytes),
                    files.len()
                ),
            );
            let kbs = bytes as f64 / 1000.0;
            worst = Some(worst.map_or(kbs, |w: f64| w.max(kbs)));
        }
        m.transfer_kb = worst.ok_or_else(|| "every run failed".to_string());
        Ok(())
    }

    /// Runs `node bench/<script>.mjs CONFIG` and reads its JSON, killing
    /// it (and the browser it started) after `timeout`.
    fn node(&self, script: &str, config: &Value, timeout: Duration) -> anyhow::Result<Value> {
        let config_path = self.out.join(format!("{script}-config.json"));
        std::fs::write(&config_path, serde_json::to_vec(config)?)?;
        let mut cmd = Command::new("node");
        cmd.arg(self.root.join(format!("bench/{script}.mjs")))
            .arg(&config_path)
            .current_dir(&self.root)
            .stdout(Stdio::piped())
            .process_group(0);
        println!("xtask: $ {}", describe(&cmd));
        let mut child = cmd
            .spawn()
            .with_context(|| format!("could not start `{}`", describe(&cmd)))?;
        let mut stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stdout.read_to_string(&mut s);
            s
        });
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if Instant::now() > deadline {
                // The node process leads its own group; end it and its browser.
                let _ = Command::new("kill")
                    .args(["-s", "KILL", "--"])
                    .arg(format!("-{}", child.id()))
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                bail!(
                    "bench/{script}.mjs took more than {} s and was stopped",
                    timeout.as_secs()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let stdout = reader.join().unwrap_or_default();
        if !status.success() {
            bail!("bench/{script}.mjs failed with {status}");
        }
        let line = stdout
            .lines()
            .rev()
            .find(|l| l.trim_start().starts_with('{'))
            .unwrap_or("");
        serde_json::from_str(line)
            .with_context(|| format!("bench/{script}.mjs printed no JSON result"))
    }
}

/// Reads the per-call times of one engine (`times[i]` for `queries[i]`,
/// null when the call failed) and records p50 and p95, overall and for
/// short (1–2 characters) and longer prefixes.
fn times_of(
    result: &Value,
    queries: &[String],
    section: &str,
    who: &str,
    report: &mut Report,
) -> anyhow::Result<Vec<f64>> {
    let per_call: Vec<Option<f64>> =
        serde_json::from_value(result.get("times").cloned().unwrap_or(Value::Null))
            .context("reading times")?;
    let errors = result.get("errors").and_then(Value::as_u64).unwrap_or(0);
    let mut times: Vec<f64> = per_call.iter().flatten().copied().collect();
    if times.is_empty() {
        let first = result
            .get("firstError")
            .and_then(Value::as_str)
            .unwrap_or("no call succeeded");
        bail!("{first}");
    }
    let empty = result.get("empty").and_then(Value::as_u64).unwrap_or(0);
    let (p50, p95) = (percentile(&mut times, 0.50), percentile(&mut times, 0.95));
    let max = times.iter().copied().fold(0.0, f64::max);
    let by_length = |short: bool| {
        let mut t: Vec<f64> = per_call
            .iter()
            .zip(queries)
            .filter(|(_, q)| (q.trim().chars().count() <= 2) == short)
            .filter_map(|(t, _)| *t)
            .collect();
        format!(
            "p50 {} / p95 {} ms",
            number(percentile(&mut t, 0.5)),
            number(percentile(&mut t, 0.95))
        )
    };
    let (short, long) = (by_length(true), by_length(false));
    let first_error = result
        .get("firstError")
        .and_then(Value::as_str)
        .map(|e| format!("; first failure: {e}"))
        .unwrap_or_default();
    let empty_queries: Vec<String> = result
        .get("emptyQueries")
        .and_then(Value::as_array)
        .map(|qs| {
            qs.iter()
                .filter_map(Value::as_str)
                .map(|q| format!("{q:?}"))
                .collect()
        })
        .unwrap_or_default();
    let empty_list = if empty_queries.is_empty() {
        String::new()
    } else {
        format!(", e.g. {}", empty_queries.join(" "))
    };
    report.figure(
        section,
        format!("{who}: per-call latency"),
        format!(
            "p50 {} ms, p95 {} ms, max {} ms ({} calls, {empty} empty{empty_list}, {errors} failed{first_error}); 1–2 chars: {short}; 3+ chars: {long}",
            number(p50),
            number(p95),
            number(max),
            times.len()
        ),
    );
    Ok(times)
}

/// Bytes fetched by kind of bundle file: manifest, root, term shards, doc
/// chunks.
fn by_kind(files: &[Value]) -> String {
    let mut kinds: [(&str, u64, usize); 5] = [
        ("manifest", 0, 0),
        ("root", 0, 0),
        ("term shards", 0, 0),
        ("doc chunks", 0, 0),
        ("other", 0, 0),
    ];
    for f in files {
        let name = f.get("name").and_then(Value::as_str).unwrap_or("");
        let bytes = f.get("bytes").and_then(Value::as_u64).unwrap_or(0);
        let kind = name.split('-').nth(1).unwrap_or("");
        let numbered = |c: char| {
            kind.strip_prefix(c)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        let slot = if name == "manifest.json" {
            0
        } else if kind == "root" {
            1
        } else if numbered('t') {
            2
        } else if numbered('d') {
            3
        } else {
            4
        };
        kinds[slot].1 += bytes;
        kinds[slot].2 += 1;
    }
    kinds
        .iter()
        .filter(|k| k.2 > 0)
        .map(|(name, bytes, n)| format!("{name} {} KB ({n})", kb(*bytes)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `cmd` quietly and returns its wall time; its output is shown only
/// when it fails.
fn timed(cmd: &mut Command) -> anyhow::Result<Duration> {
    println!("xtask: $ {}", describe(cmd));
    let t0 = Instant::now();
    let out = cmd
        .env("PATH", tools::tool_path())
        .output()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    let elapsed = t0.elapsed();
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = stderr
            .lines()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        bail!(
            "`{}` failed with {}: {}",
            describe(cmd),
            out.status,
            tail.join("\n")
        );
    }
    Ok(elapsed)
}

/// The judged queries: `[[query]] q = "…", relevant = ["id", …]`.
fn judged_queries(path: &Path) -> anyhow::Result<Vec<(String, Vec<String>)>> {
    #[derive(serde::Deserialize)]
    struct File {
        query: Vec<Judged>,
    }
    #[derive(serde::Deserialize)]
    struct Judged {
        q: String,
        relevant: Vec<String>,
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let file: File =
        toml::from_str(&text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))?;
    Ok(file.query.into_iter().map(|j| (j.q, j.relevant)).collect())
}

/// Reciprocal rank of the first relevant id in the top ten, or 0.
fn reciprocal_rank(ranked: &[String], relevant: &[String]) -> f64 {
    ranked
        .iter()
        .take(10)
        .position(|id| relevant.contains(id))
        .map_or(0.0, |i| 1.0 / (i as f64 + 1.0))
}

/// Mean reciprocal rank at 10 over the judged queries.
fn mrr(judged: &[(String, Vec<String>)], ranked: &[Vec<String>]) -> f64 {
    if judged.is_empty() {
        return 0.0;
    }
    let sum: f64 = judged
        .iter()
        .zip(ranked)
        .map(|((_, relevant), r)| reciprocal_rank(r, relevant))
        .sum();
    sum / judged.len() as f64
}

/// A Markdown table of the judged queries where a peer ranks a relevant
/// article higher than we do.
fn worse_queries(
    judged: &[(String, Vec<String>)],
    ours: &[Vec<String>],
    mini: &[Vec<String>],
    lunr: &[Vec<String>],
) -> String {
    let mut rows = String::new();
    for (i, (q, relevant)) in judged.iter().enumerate() {
        let rr = |r: &[Vec<String>]| r.get(i).map_or(0.0, |r| reciprocal_rank(r, relevant));
        let (o, mi, lu) = (rr(ours), rr(mini), rr(lunr));
        if mi > o || lu > o {
            let top = ours
                .get(i)
                .and_then(|r| r.first())
                .map_or("—", String::as_str);
            rows.push_str(&format!(
                "| `{q}` | {} | {o:.2} | {mi:.2} | {lu:.2} | {top} |\n",
                relevant.join(", ")
            ));
        }
    }
    if rows.is_empty() {
        return "None: on every judged query we rank a relevant article at least as high as both peers.\n".into();
    }
    format!(
        "| Query | Relevant | RR ours | RR MiniSearch | RR lunr.js | Our first hit |\n|---|---|---|---|---|---|\n{rows}"
    )
}

/// A bundle's files of one locale, by role.
struct Files {
    root: Vec<PathBuf>,
    index: Vec<PathBuf>,
    docs: Vec<PathBuf>,
    meta: Vec<PathBuf>,
}

/// Our files for `locale`: root and term shards (`<l>-root-*`,
/// `<l>-t<n>-*`) make the index; doc chunks (`<l>-d<n>-*`) hold the docs.
fn our_files(bundle: &Path, locale: &str) -> anyhow::Result<Files> {
    let mut files = Files {
        root: Vec::new(),
        index: Vec::new(),
        docs: Vec::new(),
        meta: Vec::new(),
    };
    for entry in
        std::fs::read_dir(bundle).with_context(|| format!("reading {}", bundle.display()))?
    {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let Some(rest) = name.strip_prefix(&format!("{locale}-")) else {
            continue;
        };
        let kind = rest.split('-').next().unwrap_or("");
        let numbered = |c: char| {
            kind.strip_prefix(c)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if kind == "root" {
            files.root.push(path.clone());
            files.index.push(path);
        } else if numbered('t') {
            files.index.push(path);
        } else if numbered('d') {
            files.docs.push(path);
        }
    }
    if files.root.is_empty() {
        bail!("{}: no {locale} root file", bundle.display());
    }
    Ok(files)
}

/// Pagefind's files for `lang`, found through `pagefind-entry.json`.
fn pagefind_files(output: &Path, lang: &str) -> anyhow::Result<Files> {
    let entry_path = output.join("pagefind-entry.json");
    let entry: Value = serde_json::from_slice(
        &std::fs::read(&entry_path).with_context(|| format!("reading {}", entry_path.display()))?,
    )?;
    let languages = entry
        .get("languages")
        .and_then(Value::as_object)
        .ok_or_else(|| anyhow!("{}: no languages", entry_path.display()))?;
    let (key, info) = languages
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(lang) || k.split('-').next() == Some(lang))
        .ok_or_else(|| {
            anyhow!(
                "{}: no `{lang}` language (found {:?})",
                entry_path.display(),
                languages.keys().collect::<Vec<_>>()
            )
        })?;
    let hash = info.get("hash").and_then(Value::as_str).unwrap_or_default();
    let prefix = format!("{key}_");
    let list = |dir: &str, ext: &str| -> anyhow::Result<Vec<PathBuf>> {
        let dir = output.join(dir);
        let mut out = Vec::new();
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
        {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with(&prefix) && name.ends_with(ext) {
                out.push(path);
            }
        }
        Ok(out)
    };
    let index = list("index", ".pf_index")?;
    if index.is_empty() {
        bail!(
            "{}: no index chunks for `{key}`",
            output.join("index").display()
        );
    }
    let meta = vec![output.join(format!("pagefind.{hash}.pf_meta"))]
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    Ok(Files {
        root: Vec::new(),
        index,
        docs: list("fragment", ".pf_fragment")?,
        meta,
    })
}

fn total_bytes(files: &[PathBuf]) -> anyhow::Result<u64> {
    files
        .iter()
        .map(|f| {
            Ok(std::fs::metadata(f)
                .with_context(|| format!("reading {}", f.display()))?
                .len())
        })
        .sum()
}

/// The sum of each file's `gzip -9` size: a CDN compresses files one by one.
fn gzip_total(files: &[PathBuf]) -> anyhow::Result<u64> {
    let mut total = 0;
    for f in files {
        let out = Command::new("gzip")
            .args(["-9", "-c", "-n"])
            .arg(f)
            .output()
            .context("running gzip")?;
        if !out.status.success() {
            bail!("gzip failed on {}", f.display());
        }
        total += out.stdout.len() as u64;
    }
    Ok(total)
}

fn kb(bytes: u64) -> String {
    number(bytes as f64 / 1000.0)
}

fn median(values: &mut [f64]) -> f64 {
    percentile(values, 0.5)
}

/// The nearest-rank percentile `p` (0..=1) of `values`.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = (p * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// For each missed target, by how much and what the figures above say
/// about why.
fn why_missed(targets: &[Target]) -> String {
    let mut out = String::new();
    for t in targets.iter().filter(|t| t.status() == Status::Missed) {
        let Ok(ours) = &t.measured else { continue };
        let by = match t.goal {
            Goal::AtMost(limit) => format!(
                "{} {} over the {} {} limit ({}×)",
                number(ours - limit),
                t.unit,
                number(limit),
                t.unit,
                number(ours / limit)
            ),
            _ => t.ratio().map_or_else(String::new, |r| {
                format!(
                    "{}× the peer's figure against the goal of {}",
                    number(r),
                    t.goal_text()
                )
            }),
        };
        let reason = if t.name.starts_with("Query latency") {
            "A cold call includes fetching and decoding each shard and chunk the first time a query needs one (MiniSearch \
             holds everything in memory from the start). The \"second pass\" figures above time the same calls with every \
             file already fetched, which is the cost of ranking alone; timings in the page are also rounded to 0.1 ms."
        } else if t.name.starts_with("First-query transfer") {
            "Measured as this benchmark's server sends the files, uncompressed. The figures above give the same files gzipped, \
             as a CDN serves them; most of the bytes are the postings of frequent words in the term shards."
        } else if t
            .name
            .starts_with("Widget first open to interactive search")
        {
            "The wasm app is most of it (see the widget figures above). About a third of its code is Leptos' typed views and \
             reactive graph, which a bare Leptos counter already puts at 29 KB gzip; the rest is the engine with four \
             stemmers, the support-hours model and the panel itself. serde_json is already out of the wasm (-39 KB). \
             Measured and not adopted: a nightly build-std build with immediate-abort panics saves 26 KB. The doc chunks \
             that the first suggestions and results need are about 25 KB."
        } else {
            "See the figures above."
        };
        let _ = writeln!(out, "- **{}**: {by}. {reason}", t.name);
    }
    out
}

/// The target lines of issue 3, from what was measured.
fn targets(m: &Measured) -> Vec<Target> {
    let mut targets = vec![
        Target {
            name: "Index bytes, gzip, GNOME en (root + term shards)".into(),
            unit: "KB",
            goal: Goal::RatioAtMost(0.5),
            measured: m.ours_index_kb.clone(),
            peer: Some(("Pagefind index chunks".into(), m.pagefind_index_kb.clone())),
            higher_is_better: false,
        },
        Target {
            name: "Build throughput, GNOME 1,040 pages".into(),
            unit: "pages/s",
            goal: Goal::RatioAtLeast(1.0),
            measured: m.ours_pages_per_s.clone(),
            peer: Some(("Pagefind".into(), m.pagefind_pages_per_s.clone())),
            higher_is_better: true,
        },
    ];
    let stat = |t: &Result<Vec<f64>, String>, p: f64| -> Figure {
        let mut v = t.clone()?;
        Ok(percentile(&mut v, p))
    };
    for (corpus, latency) in &m.latency {
        let (label, p95_limit) = match corpus.as_str() {
            "260" => ("260 GNOME en articles", Some(1.0)),
            "100k" => ("100k articles", Some(10.0)),
            "10k" => ("10k articles", None),
            _ => continue,
        };
        if let Some(limit) = p95_limit {
            targets.push(Target {
                name: format!("Query latency p95, {label}"),
                unit: "ms",
                goal: Goal::AtMost(limit),
                measured: stat(&latency.ours, 0.95),
                peer: Some(("MiniSearch p95".into(), stat(&latency.minisearch, 0.95))),
                higher_is_better: false,
            });
        }
        targets.push(Target {
            name: format!("Query latency median, {label}"),
            unit: "ms",
            goal: Goal::RatioBelow(1.0),
            measured: stat(&latency.ours, 0.5),
            peer: Some(("MiniSearch median".into(), stat(&latency.minisearch, 0.5))),
            higher_is_better: false,
        });
    }
    targets.push(Target {
        name: "First-query transfer, 100k articles (worst of the first queries)".into(),
        unit: "KB",
        goal: Goal::AtMost(300.0),
        measured: m.transfer_kb.clone(),
        peer: None,
        higher_is_better: false,
    });
    targets.push(Target {
        name: "Widget loader, gzip".into(),
        unit: "KB",
        goal: Goal::AtMost(4.0),
        measured: m.loader_kb.clone(),
        peer: None,
        higher_is_better: false,
    });
    targets.push(Target {
        name: "Widget first open to interactive search, gzip, every file".into(),
        unit: "KB",
        goal: Goal::AtMost(200.0),
        measured: m.first_open_kb.clone(),
        peer: None,
        higher_is_better: false,
    });
    for (peer, kb) in PUBLISHED_WEIGHTS {
        targets.push(Target {
            name: "Widget first open, against a peer's first-contact JS".into(),
            unit: "KB",
            goal: Goal::RatioBelow(1.0),
            measured: m.first_open_kb.clone(),
            peer: Some((peer.into(), Ok(kb))),
            higher_is_better: false,
        });
    }
    for (peer, figure) in m.mrr.iter().skip(1) {
        targets.push(Target {
            name: "MRR@10, judged queries, example help center".into(),
            unit: "",
            goal: Goal::RatioAtLeast(1.0),
            measured: m.mrr[0].1.clone(),
            peer: Some((peer.clone(), figure.clone())),
            higher_is_better: true,
        });
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missed_targets_say_by_how_much_and_why() {
        let target = |name: &str, goal: Goal, ours: f64| Target {
            name: name.into(),
            unit: "ms",
            goal,
            measured: Ok(ours),
            peer: None,
            higher_is_better: false,
        };
        let why = why_missed(&[
            target(
                "Query latency p95, 260 GNOME en articles",
                Goal::AtMost(1.0),
                1.7,
            ),
            target("Index bytes", Goal::AtMost(100.0), 40.0),
        ]);
        assert_eq!(why.lines().count(), 1, "only the missed target: {why}");
        assert!(
            why.contains("over the 1") && why.contains("second pass"),
            "{why}"
        );
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let mut v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&mut v, 0.5), 50.0);
        assert_eq!(percentile(&mut v, 0.95), 95.0);
        assert_eq!(percentile(&mut [3.0], 0.95), 3.0);
    }

    #[test]
    fn mrr_counts_the_first_relevant_hit() {
        let judged = vec![
            ("a".to_string(), vec!["x".to_string(), "y".to_string()]),
            ("b".to_string(), vec!["z".to_string()]),
        ];
        let ranked = vec![
            vec!["q".to_string(), "y".to_string()],
            vec!["q".to_string()],
        ];
        assert!((mrr(&judged, &ranked) - 0.25).abs() < 1e-9);
    }
}
