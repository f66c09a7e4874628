//! Per-call latency of typed queries in Chromium, ours against
//! MiniSearch, and the bytes our first queries fetch at 100k articles.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use serde_json::{Value, json};

use super::harness::{Bench, Latency, Measured, gzip_total, percentile, text};
use super::report::{Report, kb, number};

/// How many fresh browsers our latency run gets before it counts as not
/// measured: the widget's first search sometimes never settles.
const OURS_ATTEMPTS: usize = 3;
/// First queries measured for the transfer at 100k: the first letter a
/// reader types, and whole queries.
const TRANSFER_QUERIES: [&str; 4] = ["w", "wifi", "wifi password", "keyboard shortcuts"];

/// Per-call latency of typed queries in Chromium: ours through
/// `HelpWidget.search`, and MiniSearch's in the same page setup.
pub(crate) fn measure(
    bench: &Bench,
    section: &str,
    bundle: &str,
    docs: &str,
    queries: &[String],
    minisearch: bool,
    report: &mut Report,
) -> Latency {
    let base = json!({
        "base": bench.base_url,
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
    let mut ours = ours_run(bench, &with(true, false), queries, section, report);
    for attempt in 2..=OURS_ATTEMPTS {
        let Err(err) = &ours else { break };
        // A page that got stuck is retried in a fresh browser.
        report.figure(
            section,
            format!("ours: attempt {} failed, retrying", attempt - 1),
            text(err),
        );
        ours = ours_run(bench, &with(true, false), queries, section, report);
    }
    let ours = ours.map_err(|e| text(&e));
    if let Err(e) = &ours {
        report.figure(section, "ours", format!("not measured: {e}"));
    }
    let mut build_ms = None;
    let mini = if minisearch {
        let result = bench
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
    bench: &Bench,
    config: &Value,
    queries: &[String],
    section: &str,
    report: &mut Report,
) -> anyhow::Result<Vec<f64>> {
    let v = bench.node("latency", config, Duration::from_secs(300))?;
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
pub(crate) fn transfer(
    bench: &Bench,
    name: &str,
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "first-query transfer, 100k";
    let config = json!({
        "base": bench.base_url,
        "mode": "transfer",
        "bundle": format!("/bundle/{name}/"),
        "queries": TRANSFER_QUERIES,
    });
    let value = bench.node("latency", &config, Duration::from_secs(300))?;
    let runs = value
        .get("runs")
        .and_then(Value::as_array)
        .ok_or_else(|| anyhow!("no runs"))?;
    let bundle = bench.www.join(format!("bundle/{name}"));
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

/// Bytes fetched by kind of bundle file: manifest, root, term shards,
/// title list, doc chunks.
fn by_kind(files: &[Value]) -> String {
    let mut kinds: [(&str, u64, usize); 6] = [
        ("manifest", 0, 0),
        ("root", 0, 0),
        ("term shards", 0, 0),
        ("doc chunks", 0, 0),
        ("other", 0, 0),
        ("title list", 0, 0),
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
        } else if kind == "n" {
            5
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
