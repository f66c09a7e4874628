//! The widget as the demo dashboard embeds it, in cold Chromium
//! contexts: the loader's weight, every byte of a first open, and the
//! time from a click on the launcher to suggestions and to results.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde_json::{Value, json};

use super::harness::{Bench, Measured, median, percentile};
use super::report::{Report, number};
use crate::serve::Server;

/// Cold opens of the demo dashboard's widget that are timed.
const WIDGET_RUNS: usize = 7;
/// The query typed into the widget as soon as its panel opens.
const WIDGET_QUERY: &str = "payment threshold";

/// The widget as the demo dashboard embeds it: loader weight, bytes of
/// a first open, and click-to-results time, cold, in Chromium.
pub(crate) fn cold_opens(
    bench: &Bench,
    site: &Path,
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "widget, demo dashboard, cold opens";
    let server = Server::start(site, 0)?;
    let config =
        json!({ "base": server.url(), "site": site, "runs": WIDGET_RUNS, "query": WIDGET_QUERY });
    let value = bench.node("widget", &config, Duration::from_secs(300))?;
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
