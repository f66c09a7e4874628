//! Our builds against Pagefind's on the same pages: the corpora prepared
//! (GNOME and synthetic), build throughput, and index size.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, anyhow, bail};
use serde_json::Value;

use super::corpus::{self, Doc};
use super::harness::{Bench, Measured, gzip_total, median, text, timed, total_bytes};
use super::report::{Report, kb, number};

/// The GNOME help corpus, relative to the workspace root.
const GNOME_CORPUS: &str = "../shared/corpus/gnome-help.jsonl";
/// The seed of the synthetic corpora.
const SYNTHETIC_SEED: u64 = 0x5eed_2026_0003;
/// How many times each GNOME build is timed; the median counts.
const BUILD_RUNS: usize = 3;

/// Converts the GNOME corpus: content for us, HTML for Pagefind, JSON
/// for MiniSearch.
pub(crate) fn prepare_gnome(bench: &Bench, report: &mut Report) -> anyhow::Result<Vec<Doc>> {
    let source = std::env::var_os("BENCH_GNOME_CORPUS")
        .map_or_else(|| bench.root.join(GNOME_CORPUS), PathBuf::from);
    let docs = corpus::read_gnome(&source)?;
    corpus::write_content(&docs, &bench.out.join("gnome"))?;
    corpus::write_html(&docs, &bench.out.join("gnome-html"))?;
    let en = corpus::write_peer_json(&docs, "en", &bench.www.join("docs/gnome-en.json"))?;
    report.figure(
        "GNOME corpus",
        "pages (all locales / en)",
        format!("{} / {en}", docs.len()),
    );
    Ok(docs)
}

/// Build throughput on every GNOME page: ours against Pagefind.
pub(crate) fn throughput(
    bench: &Bench,
    pages: usize,
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "build throughput, GNOME";
    let content = bench.out.join("gnome");
    let bundle = bench.www.join("bundle/gnome");
    let mut ours = Vec::new();
    for _ in 0..BUILD_RUNS {
        ours.push(bench.build_ours(&content, &bundle, "public")?.as_secs_f64());
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
        let site = bench.out.join("gnome-html");
        let output = bench.out.join("gnome-pagefind");
        let mut times = Vec::new();
        for _ in 0..BUILD_RUNS {
            if output.exists() {
                std::fs::remove_dir_all(&output)?;
            }
            let mut cmd = Command::new(bench.root.join("node_modules/.bin/pagefind"));
            cmd.arg("--site")
                .arg(&site)
                .arg("--output-path")
                .arg(&output)
                .current_dir(&bench.root);
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
pub(crate) fn index_size(
    bench: &Bench,
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "index size, GNOME en";
    let ours = our_files(&bench.www.join("bundle/gnome"), "en")?;
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
        "ours: doc chunks (records, snippet text)",
        format!(
            "{} KB gzip ({} KB raw, {} files)",
            kb(docs_gz),
            kb(total_bytes(&ours.docs)?),
            ours.docs.len()
        ),
    );
    report.figure(
        SECTION,
        "ours: title list (titles, categories, summaries)",
        format!(
            "{} KB gzip ({} KB raw, {} files)",
            kb(gzip_total(&ours.titles)?),
            kb(total_bytes(&ours.titles)?),
            ours.titles.len()
        ),
    );
    let pagefind = (|| {
        let files = pagefind_files(&bench.out.join("gnome-pagefind"), "en")?;
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
pub(crate) fn prepare_synthetic(
    bench: &Bench,
    vocab: &[String],
    name: &str,
    n: usize,
    report: &mut Report,
) -> anyhow::Result<()> {
    let section = format!("synthetic {}k", n / 1000);
    let t0 = Instant::now();
    let docs = corpus::synthetic(vocab, n, SYNTHETIC_SEED);
    corpus::write_content(&docs, &bench.out.join(name))?;
    corpus::write_peer_json(&docs, "en", &bench.www.join(format!("docs/{name}.json")))?;
    drop(docs);
    report.figure(
        &section,
        "generated",
        format!("{n} articles in {} s", number(t0.elapsed().as_secs_f64())),
    );
    let bundle = bench.www.join(format!("bundle/{name}"));
    let secs = bench
        .build_ours(&bench.out.join(name), &bundle, "public")?
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

/// A bundle's files of one locale, by role.
struct Files {
    root: Vec<PathBuf>,
    index: Vec<PathBuf>,
    docs: Vec<PathBuf>,
    meta: Vec<PathBuf>,
    /// Ours only: the title list (`<l>-n-*`).
    titles: Vec<PathBuf>,
}

/// Our files for `locale`: root and term shards (`<l>-root-*`,
/// `<l>-t<n>-*`) make the index; doc chunks (`<l>-d<n>-*`) hold the docs;
/// the title list (`<l>-n-*`) their list rows.
fn our_files(bundle: &Path, locale: &str) -> anyhow::Result<Files> {
    let mut files = Files {
        root: Vec::new(),
        index: Vec::new(),
        docs: Vec::new(),
        meta: Vec::new(),
        titles: Vec::new(),
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
        } else if kind == "n" {
            files.titles.push(path);
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
        titles: Vec::new(),
    })
}
