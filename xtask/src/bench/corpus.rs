//! The benchmark's corpora: the GNOME help pages converted into help-center
//! content, synthetic English corpora grown from their vocabulary, and the
//! same pages as plain HTML for Pagefind and as JSON for MiniSearch and
//! lunr.js. Everything is written under `target/bench/`, never into the
//! repository.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Write as _};
use std::path::Path;

use anyhow::{Context as _, bail};
use serde::Serialize;

/// One page of a corpus, whatever its origin.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub(crate) id: String,
    pub(crate) locale: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) category: String,
    pub(crate) tags: Vec<String>,
    /// Plain-text blocks, one paragraph each.
    pub(crate) blocks: Vec<String>,
}

/// Reads the GNOME help corpus (`gnome-help.jsonl`, see its README).
pub(crate) fn read_gnome(path: &Path) -> anyhow::Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let field = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let locale = field("locale");
        let mut id = sanitize_id(&field("id"));
        // Sanitizing may merge two names; keep every page.
        let base = id.clone();
        let mut k = 2;
        while !seen.insert((locale.clone(), id.clone())) {
            id = format!("{base}-{k}");
            k += 1;
        }
        let category = v
            .get("topics")
            .and_then(|t| t.as_array())
            .and_then(|t| t.first())
            .and_then(|t| t.as_str())
            .map(|t| sanitize_id(t.split('#').next().unwrap_or(t)))
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| "general".to_string());
        let title = one_line(&field("title"));
        docs.push(Doc {
            title: if title.is_empty() { id.clone() } else { title },
            summary: one_line(&field("desc")),
            category,
            tags: Vec::new(),
            blocks: field("body")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
            id,
            locale,
        });
    }
    if docs.is_empty() {
        bail!("{}: no pages", path.display());
    }
    Ok(docs)
}

/// An id the index builder accepts: lowercase `a-z`, `0-9` and `-`.
fn sanitize_id(raw: &str) -> String {
    let mut id = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "page".to_string()
    } else {
        id
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The front matter, as index-builder reads it.
#[derive(Serialize)]
struct Front<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    category: &'a str,
    tags: &'a [String],
    contexts: [&'a str; 1],
    visibility: &'a str,
}

/// A Markdown article file for `doc`: TOML front matter between `+++`
/// lines, then every block as its own paragraph. Every ASCII punctuation
/// mark of the body is backslash-escaped, so the text stays literal and no
/// line can be read as `+++`, a heading, a list or a link.
fn markdown(doc: &Doc) -> anyhow::Result<String> {
    let front = Front {
        id: &doc.id,
        title: &doc.title,
        summary: (!doc.summary.is_empty()).then_some(doc.summary.as_str()),
        category: &doc.category,
        tags: &doc.tags,
        contexts: ["/"],
        visibility: "public",
    };
    let front = toml::to_string(&front).with_context(|| format!("front matter of {}", doc.id))?;
    let mut out = format!("+++\n{front}+++\n");
    for block in &doc.blocks {
        for c in block.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
        out.push_str("\n\n");
    }
    Ok(out)
}

/// Writes `docs` as a content folder: `dir/articles/<locale>/<id>.md`.
pub(crate) fn write_content(docs: &[Doc], dir: &Path) -> anyhow::Result<()> {
    fresh_dir(dir)?;
    for doc in docs {
        let folder = dir.join("articles").join(&doc.locale);
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("creating {}", folder.display()))?;
        let path = folder.join(format!("{}.md", doc.id));
        std::fs::write(&path, markdown(doc)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Writes `docs` as a static site for Pagefind: `dir/<locale>/<id>.html`,
/// one page each, its text inside `data-pagefind-body`.
pub(crate) fn write_html(docs: &[Doc], dir: &Path) -> anyhow::Result<()> {
    fresh_dir(dir)?;
    for doc in docs {
        let folder = dir.join(&doc.locale);
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("creating {}", folder.display()))?;
        let mut html = format!(
            "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body data-pagefind-body>\n<h1>{}</h1>\n",
            doc.locale,
            escape_html(&doc.title),
            escape_html(&doc.title)
        );
        for block in std::iter::once(&doc.summary)
            .filter(|s| !s.is_empty())
            .chain(&doc.blocks)
        {
            html.push_str(&format!("<p>{}</p>\n", escape_html(block)));
        }
        html.push_str("</body></html>\n");
        let path = folder.join(format!("{}.html", doc.id));
        std::fs::write(&path, html).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What MiniSearch and lunr.js index: one object per page.
#[derive(Serialize)]
struct PeerDoc<'a> {
    id: &'a str,
    title: &'a str,
    tags: String,
    summary: &'a str,
    body: String,
}

/// Writes the pages of `locale` as a JSON array for the JavaScript peers.
pub(crate) fn write_peer_json(docs: &[Doc], locale: &str, path: &Path) -> anyhow::Result<usize> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::new(file);
    out.write_all(b"[")?;
    let mut count = 0;
    for doc in docs.iter().filter(|d| d.locale == locale) {
        if count > 0 {
            out.write_all(b",\n")?;
        }
        let peer = PeerDoc {
            id: &doc.id,
            title: &doc.title,
            tags: doc.tags.join(" "),
            summary: &doc.summary,
            body: doc.blocks.join("\n"),
        };
        serde_json::to_writer(&mut out, &peer)?;
        count += 1;
    }
    out.write_all(b"]\n")?;
    out.flush()?;
    Ok(count)
}

fn fresh_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// The example help center's articles of `locale`, read loosely for the
/// JavaScript peers: front matter fields, and the body with Markdown marks
/// stripped.
pub(crate) fn read_example(content: &Path, locale: &str) -> anyhow::Result<Vec<Doc>> {
    #[derive(serde::Deserialize)]
    struct ExampleFront {
        id: String,
        title: String,
        #[serde(default)]
        summary: Option<String>,
        #[serde(default)]
        category: String,
        #[serde(default)]
        tags: Vec<String>,
    }
    let folder = content.join("articles").join(locale);
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let rest = text
            .trim_start_matches('\u{feff}')
            .strip_prefix("+++")
            .unwrap_or(&text);
        let Some((front, body)) = rest.split_once("\n+++") else {
            bail!("{}: no front matter", path.display());
        };
        let front: ExampleFront = toml::from_str(front)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message()))?;
        let body = body.split_once('\n').map_or("", |(_, b)| b);
        docs.push(Doc {
            id: front.id,
            locale: locale.to_string(),
            title: front.title,
            summary: front.summary.unwrap_or_default(),
            category: front.category,
            tags: front.tags,
            blocks: body
                .lines()
                .map(strip_markdown)
                .filter(|l| !l.is_empty())
                .collect(),
        });
    }
    Ok(docs)
}

/// A Markdown line as plain text: block markers, emphasis, code ticks and
/// link targets removed.
fn strip_markdown(line: &str) -> String {
    let line = line
        .trim()
        .trim_start_matches(['#', '>', '-', '*', '|'])
        .trim_start();
    let line = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(". ");
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    // `[text](target)` keeps its text.
    while let Some(open) = rest.find("](") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace(['*', '_', '`', '[', '|'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A tiny, deterministic pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
}

/// Draws ranks with probability proportional to `1 / (rank + 1)`.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("a vocabulary is never empty");
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

/// The words of the English pages, most frequent first.
pub(crate) fn vocabulary(docs: &[Doc]) -> Vec<String> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for doc in docs.iter().filter(|d| d.locale == "en") {
        for text in std::iter::once(&doc.title).chain(&doc.blocks) {
            for word in text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
            {
                *counts.entry(word.to_ascii_lowercase()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, u64)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.into_iter().map(|(w, _)| w).collect()
}

/// Categories of the synthetic articles.
const CATEGORIES: [&str; 12] = [
    "accounts", "display", "files", "hardware", "internet", "keyboard", "media", "mouse", "power",
    "printing", "security", "sound",
];

/// `n` English articles drawn from `vocab` with a Zipf-like distribution:
/// titles of 3 to 7 words, a one-line summary, bodies of 150 to 300 words
/// in paragraphs. The same `n` and `seed` give the same articles.
pub(crate) fn synthetic(vocab: &[String], n: usize, seed: u64) -> Vec<Doc> {
    let mut rng = Rng(seed | 1);
    let all = Zipf::new(vocab.len());
    // Titles skip the most frequent, mostly grammatical, words.
    let skip = 40.min(vocab.len() / 2);
    let titles = Zipf::new(vocab.len() - skip);
    let words = |rng: &mut Rng, count: usize, zipf: &Zipf, offset: usize| -> Vec<&str> {
        (0..count)
            .map(|_| vocab[offset + zipf.draw(rng)].as_str())
            .collect()
    };
    let sentence = |ws: Vec<&str>| {
        let mut s = ws.join(" ");
        if let Some(first) = s.get(..1) {
            s.replace_range(..1, &first.to_ascii_uppercase());
        }
        s
    };
    (0..n)
        .map(|i| {
            let title_len = rng.between(3, 7);
            let title = sentence(words(&mut rng, title_len, &titles, skip));
            let summary_len = rng.between(6, 14);
            let summary = format!("{}.", sentence(words(&mut rng, summary_len, &all, 0)));
            let mut remaining = rng.between(150, 300);
            let mut blocks = Vec::new();
            while remaining > 0 {
                let mut paragraph = Vec::new();
                let mut len = rng.between(30, 80).min(remaining);
                remaining -= len;
                while len > 0 {
                    let n = rng.between(6, 16).min(len);
                    len -= n;
                    paragraph.push(format!("{}.", sentence(words(&mut rng, n, &all, 0))));
                }
                blocks.push(paragraph.join(" "));
            }
            let category = CATEGORIES[rng.between(0, CATEGORIES.len() - 1)].to_string();
            Doc {
                id: format!("syn-{i:06}"),
                locale: "en".into(),
                title,
                summary,
                category,
                tags: Vec::new(),
                blocks,
            }
        })
        .collect()
}

/// Realistic queries for the GNOME help and the synthetic corpora grown
/// from its vocabulary, as a user would finish typing them.
pub(crate) const GNOME_QUERIES: [&str; 40] = [
    "wifi password",
    "connect to wireless network",
    "bluetooth headset",
    "change wallpaper",
    "screen brightness",
    "keyboard layout",
    "screen reader",
    "take a screenshot",
    "record screen",
    "printer not working",
    "print double sided",
    "sound volume",
    "microphone",
    "external monitor",
    "display resolution",
    "night light",
    "battery life",
    "suspend",
    "mouse speed",
    "touchpad scrolling",
    "right click",
    "user account",
    "change password",
    "lock screen",
    "notifications",
    "default applications",
    "delete files",
    "recover deleted files",
    "hidden files",
    "search for files",
    "eject usb drive",
    "format disk",
    "backup",
    "share files",
    "vpn",
    "proxy settings",
    "time zone",
    "keyboard shortcuts",
    "high contrast",
    "sticky keys",
];

/// Every prefix of every query, as typed one character at a time
/// (`s`, `si`, `sit`, `site`, …); blank prefixes are left out.
pub(crate) fn typed(queries: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for q in queries {
        for (i, c) in q.char_indices() {
            let prefix = &q[..i + c.len_utf8()];
            if !prefix.trim().is_empty() {
                out.push(prefix.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sanitized() {
        assert_eq!(sanitize_id("a11y-Bounce_Keys"), "a11y-bounce-keys");
        assert_eq!(sanitize_id("--"), "page");
    }

    #[test]
    fn typing_gives_every_prefix() {
        assert_eq!(typed(&["ab c".to_string()]), ["a", "ab", "ab ", "ab c"]);
    }

    #[test]
    fn markdown_escapes_punctuation() {
        let doc = Doc {
            id: "x".into(),
            locale: "en".into(),
            title: "T \"q\"".into(),
            summary: String::new(),
            category: "general".into(),
            tags: Vec::new(),
            blocks: vec!["+++".into(), "# not [a](link)".into()],
        };
        let md = markdown(&doc).unwrap();
        assert!(md.starts_with("+++\nid = \"x\"\n"));
        assert!(md.contains("\\+\\+\\+\n\n\\# not \\[a\\]\\(link\\)"));
        assert_eq!(md.matches("\n+++\n").count(), 1);
    }

    #[test]
    fn synthetic_corpora_are_deterministic() {
        let vocab: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let a = synthetic(&vocab, 3, 7);
        let b = synthetic(&vocab, 3, 7);
        assert_eq!(a[2].blocks, b[2].blocks);
        let words: usize = a[0]
            .blocks
            .iter()
            .map(|b| b.split_whitespace().count())
            .sum();
        assert!((150..=300).contains(&words));
    }
}
