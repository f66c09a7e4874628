//! `cargo xtask dist --out DIR`: the folder to upload to a CDN.
//!
//! ```text
//! help-widget.js              the loader: the one URL pages include, short-cached
//! help-widget.d.ts            its types
//! help-widget-<hash>.js       the app's JS glue and wasm, named by trunk
//! help-widget-<hash>_bg.wasm  from their content: cached forever
//! bundle/                     the public bundle (manifest.json short-cached,
//!                             every other file named by its content)
//! bundle-signed-in/           the signed-in bundle: serve it only behind sign-in
//! _headers                    Cache-Control and CORS, Netlify / Cloudflare Pages syntax
//! help-widget-<hash>.js       the same loader under a content-named, immutable URL
//! integrity.txt               its Subresource Integrity hash and a script tag
//! README.txt                  what each file is and how to serve it
//! ```
//!
//! **A deploy only adds files.** Dist into a folder that holds an earlier
//! version puts the new hashed files beside the old ones and deletes
//! nothing, so a page that loaded the old loader or the old manifest still
//! finds every file they name. A hashed file that is already there must
//! have the same bytes, or nothing is written at all. Every file is written
//! to a temporary sibling first and takes its name by a link (hashed files:
//! never over an existing one) or a rename (the few unhashed files), so no
//! reader ever sees half a file. The unhashed files go last, the loader and
//! the manifests after everything they name.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use base64::Engine as _;
use help_core::format::MANIFEST_FILE;
use help_core::{DocChunk, LocaleRoot, Manifest};
use sha2::{Digest as _, Sha384};

use crate::hashed::{is_hashed, is_hashed_path};
use crate::{site, tools};

/// The loader: the URL pages include, so it keeps its name.
const LOADER: &str = "help-widget.js";

/// The loader's TypeScript types, served beside it.
const TYPES: &str = "help-widget.d.ts";

/// The bundle folders of the site, copied as they are; the second is for
/// signed-in publishers only.
const BUNDLES: [&str; 2] = ["bundle", "bundle-signed-in"];

/// Paths under these prefixes are cached as `private`: no shared cache
/// may keep them.
const PRIVATE: &[&str] = &["bundle-signed-in/"];

/// Files that keep their name from one deploy to the next.
const UNHASHED: [&str; 7] = [
    LOADER,
    TYPES,
    "_headers",
    "integrity.txt",
    "README.txt",
    "bundle/manifest.json",
    "bundle-signed-in/manifest.json",
];

/// How long a content-hashed file may be cached: a year, never revalidated.
const IMMUTABLE: &str = "max-age=31536000, immutable";

/// How long the loader and a manifest may be cached: five minutes, which
/// is how long a deploy takes to reach every page.
const SHORT: &str = "max-age=300";

/// Cloudflare Pages reads at most this many `_headers` rules.
const MAX_HEADER_RULES: usize = 100;

/// The script tag's URLs when no `--base-url` is given.
pub(crate) const DEFAULT_BASE_URL: &str = "https://cdn.example/help-widget/";

/// What a dist did.
#[derive(Debug)]
pub(crate) struct DistReport {
    /// Hashed files new in this deploy, relative to the dist folder.
    pub(crate) added: Vec<String>,
    /// Hashed files that were already there with the same bytes.
    pub(crate) unchanged: usize,
    /// The unhashed files, each replaced.
    pub(crate) replaced: Vec<String>,
    /// The loader's Subresource Integrity hash, `sha384-<base64>`.
    pub(crate) integrity: String,
    /// A script tag to paste into a page.
    pub(crate) script_tag: String,
    /// How many rules `_headers` has.
    pub(crate) header_rules: usize,
}

/// Builds the site and writes it to `out` as a deployable folder.
pub(crate) fn dist(out: &Path, base_url: &str) -> anyhow::Result<ExitCode> {
    tools::ensure_build_tools()?;
    let site = site::build_site()?;
    let report = write_dist(&site, out, base_url)?;
    println!(
        "xtask: dist ready in {}: {} new hashed files, {} already there; replaced {}",
        out.display(),
        report.added.len(),
        report.unchanged,
        report.replaced.join(", ")
    );
    if report.header_rules > MAX_HEADER_RULES {
        println!(
            "xtask: warning: _headers has {} rules; Cloudflare Pages reads only {MAX_HEADER_RULES}",
            report.header_rules
        );
    }
    println!("xtask: loader integrity: {}", report.integrity);
    println!("{}", report.script_tag);
    Ok(ExitCode::SUCCESS)
}

/// Writes the dist folder `out` from a built site folder (as
/// [`crate::site::build_site`] leaves it: `widget/`, `bundle/`,
/// `bundle-signed-in/`), beside whatever earlier version `out` holds.
pub(crate) fn write_dist(site: &Path, out: &Path, base_url: &str) -> anyhow::Result<DistReport> {
    let mut files = collect(site)?;
    // An immutable, content-named copy of this deploy's loader, for pages
    // that pin it with Subresource Integrity: its bytes never change, so
    // its integrity attribute holds across later deploys.
    let pinned = pinned_loader_name(&files[LOADER]);
    files.insert(pinned.clone(), files[LOADER].clone());
    let base_url = if base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    };

    // Every conflict is found before anything is written.
    let mut conflicts = Vec::new();
    let mut new = Vec::new();
    for (rel, bytes) in files.iter().filter(|(rel, _)| is_hashed_path(rel)) {
        match read_if_exists(&out.join(rel))? {
            Some(existing) if existing == *bytes => {}
            Some(_) => conflicts.push(rel.clone()),
            None => new.push(rel.clone()),
        }
    }
    if !conflicts.is_empty() {
        bail!(
            "{}: these content-hashed files exist with other bytes, so they were not \
             overwritten and nothing was written (a hashed name must never change content): {}",
            out.display(),
            conflicts.join(", ")
        );
    }

    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut added = Vec::new();
    for rel in &new {
        if add_file(&out.join(rel), &files[rel])? {
            added.push(rel.clone());
        }
    }
    let unchanged = files.keys().filter(|r| is_hashed_path(r)).count() - added.len();

    let loader = &files[LOADER];
    let integrity = integrity(loader);
    let script_tag = format!(
        "<script src=\"{base_url}{pinned}\" integrity=\"{integrity}\" crossorigin=\"anonymous\" \
         data-bundle=\"{base_url}bundle/\" async></script>"
    );

    // The headers cover every hashed file present, this version's and the
    // earlier ones'.
    let mut present = walk(out)?;
    present.extend(UNHASHED.iter().map(|s| s.to_string()));
    let (headers, header_rules) = headers_file(&present);

    // Unhashed files last: each after everything it names.
    let mut replaced = Vec::new();
    let mut replace = |rel: &str, bytes: &[u8]| -> anyhow::Result<()> {
        replace_file(&out.join(rel), bytes)?;
        replaced.push(rel.to_string());
        Ok(())
    };
    replace(TYPES, &files[TYPES])?;
    replace("_headers", headers.as_bytes())?;
    replace("README.txt", README.as_bytes())?;
    for bundle in BUNDLES {
        let rel = format!("{bundle}/manifest.json");
        replace(&rel, &files[&rel])?;
    }
    replace(LOADER, loader)?;
    replace(
        "integrity.txt",
        integrity_txt(&integrity, &script_tag, &pinned).as_bytes(),
    )?;

    Ok(DistReport {
        added,
        unchanged,
        replaced,
        integrity,
        script_tag,
        header_rules,
    })
}

/// Every file to deploy, by path relative to the dist folder, checked:
/// only the known unhashed files may lack a hash, the loader's app files
/// and every file a manifest names are present.
fn collect(site: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let widget = site.join("widget");
    for entry in
        std::fs::read_dir(&widget).with_context(|| format!("reading {}", widget.display()))?
    {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type()?.is_file() {
            bail!(
                "{}: only files are expected in the widget folder",
                entry.path().display()
            );
        }
        files.insert(name, std::fs::read(entry.path())?);
    }
    let loader = files
        .get(LOADER)
        .with_context(|| format!("{}: no {LOADER}", widget.display()))?;
    if !files.contains_key(TYPES) {
        bail!("{}: no {TYPES}", widget.display());
    }
    for name in app_files_named_by(&String::from_utf8_lossy(loader)) {
        if !files.contains_key(&name) {
            bail!(
                "{}: the loader names {name}, which is not beside it",
                widget.display()
            );
        }
    }

    for bundle in BUNDLES {
        let dir = site.join(bundle);
        let mut inside = BTreeSet::new();
        for rel in walk(&dir)? {
            let bytes = std::fs::read(dir.join(&rel))?;
            inside.insert(rel.clone());
            files.insert(format!("{bundle}/{rel}"), bytes);
        }
        let manifest = std::fs::read(dir.join(MANIFEST_FILE))
            .with_context(|| format!("reading {}/manifest.json", dir.display()))?;
        for name in files_named_by(&manifest, |name| {
            std::fs::read(dir.join(name)).with_context(|| format!("reading {bundle}/{name}"))
        })? {
            if !inside.contains(&name) {
                bail!(
                    "{}: manifest.json names {name}, which is missing",
                    dir.display()
                );
            }
        }
    }

    for rel in files.keys() {
        if !is_hashed_path(rel) && !UNHASHED.contains(&rel.as_str()) {
            bail!(
                "{}: {rel} is not named by its content, so a deploy could change it \
                 under a page that uses it",
                site.display()
            );
        }
    }
    Ok(files)
}

/// Every file a bundle's manifest names, directly or through the files
/// it names: locale roots, term shards and their term lists, doc chunks,
/// article bodies, the support file. `read` gives a file's bytes by name.
pub(crate) fn files_named_by(
    manifest: &[u8],
    read: impl Fn(&str) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<BTreeSet<String>> {
    let manifest = Manifest::from_json(manifest).context("reading manifest.json")?;
    let mut names = BTreeSet::new();
    names.extend(manifest.support.clone());
    for entry in manifest.locales.values() {
        let root = LocaleRoot::decode(&read(&entry.root)?)
            .with_context(|| format!("decoding {}", entry.root))?;
        names.insert(entry.root.clone());
        for i in 0..root.shards.len() {
            names.insert(root.shard_file(i));
            names.insert(root.vocab_file(i));
        }
        for i in 0..root.chunk_count() {
            let name = root.chunk_file(i);
            let chunk =
                DocChunk::decode(&read(&name)?).with_context(|| format!("decoding {name}"))?;
            names.extend(chunk.docs.into_iter().map(|d| d.body_file));
            names.insert(name);
        }
    }
    Ok(names)
}

/// The hashed app files (`.js`, `.wasm`) a loader names.
pub(crate) fn app_files_named_by(loader: &str) -> BTreeSet<String> {
    loader
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .filter(|t| (t.ends_with(".js") || t.ends_with(".wasm")) && is_hashed(t))
        .map(String::from)
        .collect()
}

/// `sha384-<base64>` of `bytes`, as an `integrity` attribute wants it.
fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `help-widget-<16 hex>.js`: the loader's name when pinned by content.
fn pinned_loader_name(loader: &[u8]) -> String {
    let digest = Sha384::digest(loader);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("help-widget-{hex}.js")
}

fn integrity_txt(integrity: &str, script_tag: &str, pinned: &str) -> String {
    format!(
        "{integrity}\n\
         \n\
         {script_tag}\n\
         \n\
         This tag pins {pinned}, an immutable copy of this deploy's loader that no\n\
         later deploy changes or removes, so its integrity attribute keeps holding. A\n\
         page with this tag stays on this version of the widget until the tag is\n\
         updated. To follow every deploy instead, include {LOADER} (short-cached,\n\
         replaced by each deploy) without an integrity attribute.\n\
         crossorigin=\"anonymous\" needs the CORS header that _headers sets.\n"
    )
}

/// The `_headers` file for the dist files `present` (paths relative to the
/// dist folder), and its number of rules.
///
/// Rules never overlap on `Cache-Control`, because both Netlify and
/// Cloudflare Pages join the values of every matching rule. Each unhashed
/// file gets an exact rule; the hashed files are covered by the shortest
/// `prefix*` rules that match no unhashed file (`/bundle/en-*`,
/// `/bundle/en/*`, `/help-widget-*`), so the count stays small however
/// many versions the folder holds.
fn headers_file(present: &BTreeSet<String>) -> (String, usize) {
    let unhashed: BTreeSet<&str> = present
        .iter()
        .map(String::as_str)
        .filter(|p| !is_hashed_path(p))
        .collect();
    let mut prefixes = BTreeSet::new();
    for path in present.iter().filter(|p| is_hashed_path(p)) {
        let prefix = candidate_prefixes(path)
            .into_iter()
            .find(|c| !unhashed.iter().any(|u| u.starts_with(c.as_str())))
            .unwrap_or_else(|| path.clone());
        prefixes.insert(prefix);
    }
    // Keep a prefix only if no shorter kept one already covers it.
    let mut kept: Vec<String> = Vec::new();
    for prefix in prefixes {
        if !kept.iter().any(|k| prefix.starts_with(k.as_str())) {
            kept.push(prefix);
        }
    }
    let scope = |path: &str| {
        if PRIVATE.iter().any(|p| path.starts_with(p)) {
            "private"
        } else {
            "public"
        }
    };

    let mut out = String::from(HEADERS_PREAMBLE);
    let mut rules = 1;
    out.push_str("/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n");
    for path in unhashed
        .iter()
        .filter(|p| p.ends_with(LOADER) || p.ends_with(TYPES) || p.ends_with(MANIFEST_FILE))
    {
        out.push_str(&format!(
            "\n/{path}\n  Cache-Control: {}, {SHORT}\n",
            scope(path)
        ));
        rules += 1;
    }
    for prefix in &kept {
        let pattern = if is_hashed_path(prefix) && present.contains(prefix) {
            format!("/{prefix}")
        } else {
            format!("/{prefix}*")
        };
        out.push_str(&format!(
            "\n{pattern}\n  Cache-Control: {}, {IMMUTABLE}\n",
            scope(prefix)
        ));
        rules += 1;
    }
    (out, rules)
}

/// The prefixes that could cover `path` in a `prefix*` rule, shortest
/// first: its folders (`bundle/`, `bundle/en/`), then its name cut after
/// each `-` (`bundle/en-`, `bundle/en-t0-`).
fn candidate_prefixes(path: &str) -> Vec<String> {
    let mut out: Vec<String> = path
        .match_indices('/')
        .map(|(i, _)| path[..=i].to_string())
        .collect();
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    out.extend(
        path[name_start..]
            .match_indices('-')
            .map(|(i, _)| path[..=name_start + i].to_string()),
    );
    out
}

const HEADERS_PREAMBLE: &str = "\
# Response headers for Netlify or Cloudflare Pages, written by `cargo xtask dist`
# and replaced by each deploy. Elsewhere, set the same headers in the CDN.
#
# Content-hashed files (every name ending in -<hash>) never change: cached a
# year, immutable. The loader and the manifests keep their names from one
# deploy to the next: cached five minutes. CORS is open because dashboards on
# other origins load the loader (crossorigin=\"anonymous\"), import the app
# and fetch the bundle from here.
#
# bundle-signed-in/ is for signed-in publishers only: serve it behind the
# dashboard's sign-in (or not from this CDN at all); its files are `private`
# so that no shared cache keeps them.

";

const README: &str = "\
The help widget, ready to serve. Upload the whole folder; keep earlier files.

help-widget.js              the loader: the one URL pages include. Short-cached.
help-widget.d.ts            the types of window.HelpWidget.
help-widget-<hash>.js       the app (JS glue and wasm), named by content:
help-widget-<hash>_bg.wasm  cache forever. One more help-widget-<hash>.js is
                            the loader itself, pinned for script tags that
                            carry an integrity hash (see integrity.txt).
bundle/                     the public help-center bundle: manifest.json is
                            short-cached, every other file is named by content.
bundle-signed-in/           the bundle with signed-in articles. NOT PUBLIC:
                            serve it only behind the dashboard's sign-in.
_headers                    Cache-Control and CORS (Netlify / Cloudflare Pages).
integrity.txt               the loader's integrity hash and a script tag.

Deploys only add files. Never delete the older hashed files: a page that
loaded the previous loader or manifest keeps reading them for a while.
";

/// Every file under `dir`, as `/`-separated paths relative to it; hidden
/// files (temporary ones) and `_headers` are left out.
fn walk(dir: &Path) -> anyhow::Result<BTreeSet<String>> {
    fn visit(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) -> anyhow::Result<()> {
        for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if entry.file_type()?.is_dir() {
                visit(&entry.path(), &format!("{rel}/"), out)?;
            } else {
                out.insert(rel);
            }
        }
        Ok(())
    }
    let mut out = BTreeSet::new();
    if dir.exists() {
        visit(dir, "", &mut out)?;
    }
    out.remove("_headers");
    Ok(out)
}

fn read_if_exists(path: &Path) -> anyhow::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// A temporary name beside `path`, hidden, unique to this process.
fn temp_sibling(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to a temporary sibling of `path`, flushed to disk.
fn write_temp(path: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let tmp = temp_sibling(path);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", tmp.display()));
    }
    Ok(tmp)
}

/// Adds a hashed file, never replacing one: `false` if the same bytes
/// were there already, an error if other bytes were.
fn add_file(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    let tmp = write_temp(path, bytes)?;
    // A hard link fails if the name is taken, where a rename would replace.
    let linked = std::fs::hard_link(&tmp, path);
    let result = match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if std::fs::read(path)? == bytes {
                Ok(false)
            } else {
                Err(anyhow::anyhow!(
                    "{} appeared with other bytes while writing; not overwritten",
                    path.display()
                ))
            }
        }
        // A file system without hard links: the name was free a moment ago.
        Err(_) if !path.exists() => std::fs::rename(&tmp, path)
            .map(|()| true)
            .with_context(|| format!("renaming to {}", path.display())),
        Err(e) => Err(e).with_context(|| format!("linking {}", path.display())),
    };
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Replaces an unhashed file in one step.
fn replace_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = write_temp(path, bytes)?;
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("renaming to {}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use index_builder::{
        BuildOptions, Content, Visibility, build_bundle, load_content, write_bundle,
    };

    /// Writes a site folder as `build_site` would, without trunk: the
    /// bundles built from `content`, and a stand-in app whose files carry
    /// `app_hash` and whose bytes depend on `version`.
    fn write_site(dir: &Path, content: &Content, app_hash: &str, version: &str) {
        std::fs::create_dir_all(dir).unwrap();
        for (bundle, audience) in [
            ("bundle", help_core::Audience::Public),
            ("bundle-signed-in", help_core::Audience::SignedIn),
        ] {
            let options = BuildOptions {
                audience,
                ..BuildOptions::default()
            };
            write_bundle(
                &build_bundle(content, &options, &mut || {}),
                &dir.join(bundle),
            )
            .unwrap();
        }
        let widget = dir.join("widget");
        std::fs::create_dir_all(&widget).unwrap();
        let js = format!("help-widget-{app_hash}.js");
        let wasm = format!("help-widget-{app_hash}_bg.wasm");
        std::fs::write(widget.join(&js), format!("export default {version:?};")).unwrap();
        std::fs::write(widget.join(&wasm), format!("\0asm{version}")).unwrap();
        std::fs::write(
            widget.join(LOADER),
            format!("!function(){{var a={{js:\"./{js}\",wasm:\"./{wasm}\",support:null}};/*{version}*/}}();"),
        )
        .unwrap();
        std::fs::write(widget.join(TYPES), "export {};\n").unwrap();
    }

    fn example_content() -> Content {
        load_content(&crate::cmd::root().join("examples/help-center")).unwrap()
    }

    /// Every file under `dir` with its bytes.
    fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walk(dir)
            .unwrap()
            .into_iter()
            .map(|rel| {
                let bytes = std::fs::read(dir.join(&rel)).unwrap();
                (rel, bytes)
            })
            .collect()
    }

    #[test]
    fn a_page_holding_the_old_version_still_reads_its_files_after_a_deploy() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");

        let mut content = example_content();
        write_site(&tmp.path().join("v1"), &content, "1111111111111111", "v1");
        write_dist(&tmp.path().join("v1"), &out, DEFAULT_BASE_URL).unwrap();
        let old = snapshot(&out);

        // Version 2 changes an article, the support hours and the app.
        let article = content
            .articles
            .iter_mut()
            .find(|a| a.locale == "en" && a.front.visibility == Visibility::Public)
            .unwrap();
        article.front.title.push_str(" (revised)");
        article.body_text.push_str(" Revised for version two.");
        article
            .body_html
            .push_str("<p>Revised for version two.</p>");
        let hours = content.support.as_mut().unwrap().hours.as_mut().unwrap();
        hours.open[0].from = "08:00".into();
        write_site(&tmp.path().join("v2"), &content, "2222222222222222", "v2");
        let report = write_dist(&tmp.path().join("v2"), &out, DEFAULT_BASE_URL).unwrap();
        assert!(!report.added.is_empty());
        let new = snapshot(&out);

        for bundle in BUNDLES {
            let manifest = format!("{bundle}/manifest.json");
            assert_ne!(old[&manifest], new[&manifest], "{bundle} should change");
            let read = |name: &str| Ok(std::fs::read(out.join(bundle).join(name))?);
            let old_files = files_named_by(&old[&manifest], read).unwrap();
            let new_files = files_named_by(&new[&manifest], read).unwrap();
            // The old manifest names roots, shards, term lists, chunks,
            // bodies and the support file, and some of them are gone from
            // the new version: the test covers a real change.
            for part in ["-root-", "-t0-", "-v0-", "-d0-", ".html", "support-"] {
                assert!(
                    old_files.iter().any(|f| f.contains(part)),
                    "{bundle}: no {part}"
                );
            }
            assert!(old_files.difference(&new_files).count() > 5);
            for name in &old_files {
                let rel = format!("{bundle}/{name}");
                assert_eq!(new.get(&rel), old.get(&rel), "{rel} changed or vanished");
                assert!(old.contains_key(&rel), "{rel} was never written");
            }
        }

        let old_loader = String::from_utf8(old[LOADER].clone()).unwrap();
        let old_app = app_files_named_by(&old_loader);
        assert_eq!(old_app.len(), 2, "{old_app:?}");
        for name in &old_app {
            assert_eq!(new.get(name), old.get(name), "{name} changed or vanished");
        }
        assert_ne!(old[LOADER], new[LOADER]);

        // Nothing hashed was ever changed or removed.
        for (rel, bytes) in old.iter().filter(|(rel, _)| is_hashed_path(rel)) {
            assert_eq!(new.get(rel), Some(bytes), "{rel}");
        }

        // The integrity is the new loader's, and the headers cover both versions.
        let integrity_txt = String::from_utf8(new["integrity.txt"].clone()).unwrap();
        assert!(integrity_txt.starts_with(&integrity(&new[LOADER])));
        assert!(integrity_txt.contains(&report.script_tag));
        check_headers(
            &String::from_utf8(std::fs::read(out.join("_headers")).unwrap()).unwrap(),
            &new,
        );
    }

    /// Every hashed file gets exactly one immutable Cache-Control, every
    /// loader and manifest exactly one short one.
    fn check_headers(headers: &str, files: &BTreeMap<String, Vec<u8>>) {
        let mut rules: Vec<(String, String)> = Vec::new();
        for line in headers.lines().filter(|l| !l.starts_with('#')) {
            if let Some(value) = line.trim().strip_prefix("Cache-Control: ") {
                rules.last_mut().unwrap().1 = value.to_string();
            } else if line.starts_with('/') {
                rules.push((line.to_string(), String::new()));
            }
        }
        let matches = |pattern: &str, path: &str| match pattern.strip_suffix('*') {
            Some(prefix) => format!("/{path}").starts_with(prefix),
            None => pattern == format!("/{path}"),
        };
        for path in files.keys() {
            let values: Vec<&str> = rules
                .iter()
                .filter(|(p, v)| !v.is_empty() && matches(p, path))
                .map(|(_, v)| v.as_str())
                .collect();
            let scope = if path.starts_with("bundle-signed-in/") {
                "private"
            } else {
                "public"
            };
            if is_hashed_path(path) {
                assert_eq!(values, [format!("{scope}, {IMMUTABLE}")], "{path}");
            } else if path.ends_with(".json") || path.ends_with(".js") || path.ends_with(".ts") {
                assert_eq!(values, [format!("{scope}, {SHORT}")], "{path}");
            } else {
                assert!(values.is_empty(), "{path}: {values:?}");
            }
        }
        assert!(rules.len() < MAX_HEADER_RULES, "{} rules", rules.len());
    }

    #[test]
    fn a_hashed_file_with_other_bytes_fails_and_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let out = tmp.path().join("dist");
        write_site(&site, &example_content(), "3333333333333333", "v1");
        write_dist(&site, &out, DEFAULT_BASE_URL).unwrap();
        let before = snapshot(&out);

        // Same name, other bytes: a broken build, or a hash collision.
        let wasm = "help-widget-3333333333333333_bg.wasm";
        std::fs::write(site.join("widget").join(wasm), "\0asm tampered").unwrap();
        std::fs::write(site.join("widget").join(LOADER), "changed loader").unwrap();
        let err = write_dist(&site, &out, DEFAULT_BASE_URL).unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains(wasm), "{message}");
        assert!(message.contains("not overwritten"), "{message}");
        assert_eq!(snapshot(&out), before);
        assert!(walk(&out).unwrap().iter().all(|f| !f.contains(".tmp")));
    }

    #[test]
    fn the_same_version_twice_adds_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let out = tmp.path().join("dist");
        write_site(&site, &example_content(), "4444444444444444", "v1");
        let first = write_dist(&site, &out, "https://cdn.test/hw").unwrap();
        let second = write_dist(&site, &out, "https://cdn.test/hw").unwrap();
        assert!(!first.added.is_empty());
        assert!(second.added.is_empty());
        assert_eq!(second.unchanged, first.added.len());
        assert!(second.script_tag.starts_with(&format!(
            "<script src=\"https://cdn.test/hw/{}\" integrity=\"sha384-",
            pinned_loader_name(&std::fs::read(out.join(LOADER)).unwrap())
        )));
        // The pinned loader is the loader's bytes, under a name that a later
        // deploy never reuses for other bytes.
        let pinned = pinned_loader_name(&std::fs::read(out.join(LOADER)).unwrap());
        assert_eq!(
            std::fs::read(out.join(&pinned)).unwrap(),
            std::fs::read(out.join(LOADER)).unwrap()
        );
        assert!(is_hashed(&pinned));
        assert!(
            second
                .script_tag
                .contains("data-bundle=\"https://cdn.test/hw/bundle/\"")
        );
    }

    #[test]
    fn a_site_with_an_unhashed_or_missing_file_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        write_site(&site, &example_content(), "5555555555555555", "v1");
        std::fs::write(site.join("widget/help-widget.css"), "a{}").unwrap();
        let err = write_dist(&site, &tmp.path().join("a"), DEFAULT_BASE_URL).unwrap_err();
        assert!(format!("{err:#}").contains("help-widget.css"), "{err:#}");

        std::fs::remove_file(site.join("widget/help-widget.css")).unwrap();
        std::fs::remove_file(site.join("widget/help-widget-5555555555555555_bg.wasm")).unwrap();
        let err = write_dist(&site, &tmp.path().join("b"), DEFAULT_BASE_URL).unwrap_err();
        assert!(format!("{err:#}").contains("_bg.wasm"), "{err:#}");
        assert!(!tmp.path().join("a").exists() && !tmp.path().join("b").exists());
    }

    #[test]
    fn the_loader_and_its_types_are_not_hashed() {
        assert!(!is_hashed(LOADER));
        assert!(!is_hashed(TYPES));
    }

    #[test]
    fn the_loader_names_its_app_files() {
        let loader = r#"var APP={js:"./help-widget-9eadf97102011149.js",wasm:"./help-widget-9eadf97102011149_bg.wasm"};d.querySelector('script[src*="help-widget.js"]')"#;
        assert_eq!(
            app_files_named_by(loader).into_iter().collect::<Vec<_>>(),
            [
                "help-widget-9eadf97102011149.js",
                "help-widget-9eadf97102011149_bg.wasm"
            ]
        );
    }

    #[test]
    fn header_rules_are_few_and_never_cover_an_unhashed_file() {
        let present: BTreeSet<String> = [
            LOADER,
            TYPES,
            "help-widget-0123456789abcdef.js",
            "help-widget-0123456789abcdef_bg.wasm",
            "bundle/manifest.json",
            "bundle/en-root-0123456789abcdef.bin",
            "bundle/en-t0-0123456789abcdef.bin",
            "bundle/en-t1-fedcba9876543210.bin",
            "bundle/en/a-0123456789abcdef.html",
            "bundle/pt-BR-t0-0123456789abcdef.bin",
            "bundle/pt-BR/a-0123456789abcdef.html",
            "bundle/support-0123456789abcdef.json",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let (headers, rules) = headers_file(&present);
        let patterns: Vec<&str> = headers.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(
            patterns,
            [
                "/*",
                "/bundle/manifest.json",
                "/help-widget.d.ts",
                "/help-widget.js",
                "/bundle/en-*",
                "/bundle/en/*",
                "/bundle/pt-*",
                "/bundle/support-*",
                "/help-widget-*",
            ]
        );
        assert_eq!(rules, patterns.len());
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
