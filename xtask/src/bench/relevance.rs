//! The example help center: MRR@10 of the judged queries, ours against
//! MiniSearch and lunr.js (`bench/relevance.mjs`), and the latency of
//! the same queries typed.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use serde_json::{Value, json};

use super::corpus;
use super::harness::{Bench, Measured, text};
use super::latency;
use super::report::Report;

/// The example help center: a signed-in bundle for MRR@10 of the judged
/// queries, ours against MiniSearch and lunr.js (`with_mrr`), and for
/// the latency of the same queries typed (`with_latency`).
pub(crate) fn example(
    bench: &Bench,
    with_mrr: bool,
    with_latency: bool,
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "example help center";
    let content = bench.root.join(crate::site::DEFAULT_CONTENT);
    let bundle = bench.www.join("bundle/example");
    bench.build_ours(&content, &bundle, "signed-in")?;
    let docs = corpus::read_example(&content, "en")?;
    let docs_json = bench.www.join("docs/example.json");
    corpus::write_peer_json(&docs, "en", &docs_json)?;
    let judged = judged_queries(&content.join("queries.toml"))?;
    report.figure(
        SECTION,
        "articles (en, signed-in bundle)",
        docs.len().to_string(),
    );
    report.figure(SECTION, "judged queries", judged.len().to_string());
    if with_mrr {
        example_mrr(bench, &bundle, &docs_json, &judged, report, m)?;
    }
    if with_latency {
        let queries = corpus::typed(&judged.iter().map(|(q, _)| q.clone()).collect::<Vec<_>>());
        let latency =
            latency::measure(bench, SECTION, "example", "example", &queries, true, report);
        m.latency.push(("example".into(), latency));
    }
    Ok(())
}

/// MRR@10 of the example's judged queries: ours, MiniSearch's, lunr.js's.
fn example_mrr(
    bench: &Bench,
    bundle: &Path,
    docs_json: &Path,
    judged: &[(String, Vec<String>)],
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "example help center";
    let mut ours = Vec::new();
    for (q, _) in judged {
        ours.push(our_ids(bench, bundle, q).with_context(|| format!("searching {q:?}"))?);
    }
    m.mrr[0].1 = Ok(mrr(judged, &ours));
    let peers = (|| {
        let config = json!({ "docs": docs_json, "queries": judged.iter().map(|(q, _)| q).collect::<Vec<_>>() });
        let value = bench.node("relevance", &config, Duration::from_secs(120))?;
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
            m.mrr[1].1 = Ok(mrr(judged, &mini));
            m.mrr[2].1 = Ok(mrr(judged, &lunr));
            report.figure(
                SECTION,
                "lunr.js queries that failed to parse",
                lunr_errors.to_string(),
            );
            report.details.push((
                "Relevance: judged queries where a peer ranks better".into(),
                worse_queries(judged, &ours, &mini, &lunr),
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
    Ok(())
}

/// Our top ten ids for `query`, from `index-builder search --json`.
fn our_ids(bench: &Bench, bundle: &Path, query: &str) -> anyhow::Result<Vec<String>> {
    let out = Command::new(&bench.builder)
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
pub(crate) fn reciprocal_rank(ranked: &[String], relevant: &[String]) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
