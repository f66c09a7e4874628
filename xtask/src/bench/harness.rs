//! What every measurement shares: the paths and server of a run
//! (`Bench`), the figures measured so far (`Measured`), running the
//! builder and the node scripts, timing, file sizes and percentiles.

use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde_json::Value;

use crate::cmd::describe;
use crate::tools;

/// Our figure or why it is missing.
pub(crate) type Figure = Result<f64, String>;

/// Figures that feed the targets, filled in step by step.
pub(crate) struct Measured {
    pub(crate) ours_pages_per_s: Figure,
    pub(crate) pagefind_pages_per_s: Figure,
    pub(crate) ours_index_kb: Figure,
    pub(crate) pagefind_index_kb: Figure,
    pub(crate) latency: Vec<(String, Latency)>,
    pub(crate) transfer_kb: Figure,
    pub(crate) mrr: [(String, Figure); 3],
    /// MRR@10 on the GNOME judged set, per query type.
    pub(crate) gnome_mrr: Result<Vec<GroupMrr>, String>,
    pub(crate) loader_kb: Figure,
    pub(crate) first_open_kb: Figure,
}

/// MRR@10 of one group of queries (a type or a locale): ours, MiniSearch's
/// and lunr.js's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupMrr {
    /// The type or locale.
    pub(crate) group: String,
    pub(crate) queries: usize,
    pub(crate) ours: f64,
    pub(crate) minisearch: f64,
    pub(crate) lunr: f64,
}

impl GroupMrr {
    /// The better peer and its figure (MiniSearch on a tie).
    pub(crate) fn best_peer(&self) -> (&'static str, f64) {
        if self.lunr > self.minisearch {
            ("lunr.js", self.lunr)
        } else {
            ("MiniSearch", self.minisearch)
        }
    }
}

/// Per-call latencies of one corpus, ours and MiniSearch's, in ms.
#[derive(Clone)]
pub(crate) struct Latency {
    pub(crate) ours: Result<Vec<f64>, String>,
    pub(crate) minisearch: Result<Vec<f64>, String>,
    /// How long MiniSearch took to index the corpus in the page, in ms.
    pub(crate) minisearch_build_ms: Option<f64>,
}

pub(crate) fn not_run() -> Figure {
    Err("the step did not run".to_string())
}

pub(crate) fn text(err: &anyhow::Error) -> String {
    format!("{err:#}")
}

/// Paths and the running server.
pub(crate) struct Bench {
    pub(crate) root: PathBuf,
    pub(crate) out: PathBuf,
    pub(crate) www: PathBuf,
    pub(crate) builder: PathBuf,
    pub(crate) base_url: String,
}

impl Bench {
    /// Runs the index builder on `content`, returning the wall time.
    pub(crate) fn build_ours(
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

    /// Runs `node bench/<script>.mjs CONFIG` and reads its JSON, killing
    /// it (and the browser it started) after `timeout`.
    pub(crate) fn node(
        &self,
        script: &str,
        config: &Value,
        timeout: Duration,
    ) -> anyhow::Result<Value> {
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

/// Runs `cmd` quietly and returns its wall time; its output is shown only
/// when it fails.
pub(crate) fn timed(cmd: &mut Command) -> anyhow::Result<Duration> {
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

pub(crate) fn total_bytes(files: &[PathBuf]) -> anyhow::Result<u64> {
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
pub(crate) fn gzip_total(files: &[PathBuf]) -> anyhow::Result<u64> {
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

pub(crate) fn median(values: &mut [f64]) -> f64 {
    percentile(values, 0.5)
}

/// The nearest-rank percentile `p` (0..=1) of `values`.
pub(crate) fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = (p * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let mut v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&mut v, 0.5), 50.0);
        assert_eq!(percentile(&mut v, 0.95), 95.0);
        assert_eq!(percentile(&mut [3.0], 0.95), 3.0);
    }
}
