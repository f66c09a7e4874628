//! Assembling the served site in `target/site`:
//!
//! ```text
//! /                      the mock dashboard (examples/dashboard)
//! /widget/help-widget.js the loader, with the app's hashed names filled in
//! /widget/*-<hash>.js    the app's JS glue and wasm, from trunk
//! /bundle/               the example help center's public bundle
//! /bundle-signed-in/     and its signed-in bundle, from index-builder
//! /bundle-xss/           examples/xss, for the end-to-end XSS test
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use help_core::format::MANIFEST_FILE;

use crate::cmd::{root, run};
use crate::tools::tool_path;

/// Builds the whole site and returns its folder.
pub(crate) fn build_site() -> anyhow::Result<PathBuf> {
    let root = root();
    let site = root.join("target/site");
    if site.exists() {
        std::fs::remove_dir_all(&site).with_context(|| format!("clearing {}", site.display()))?;
    }
    copy_dir(&root.join("examples/dashboard"), &site)?;

    // The public bundle is what the demo dashboard embeds; the signed-in
    // one is what a dashboard would serve behind its sign-in. The XSS one
    // holds hostile HTML and Markdown, as the builder sanitizes it, for the
    // end-to-end XSS test; no real dashboard serves it.
    for (content, audience, folder) in [
        ("examples/help-center", "public", "bundle"),
        ("examples/help-center", "signed-in", "bundle-signed-in"),
        ("examples/xss", "public", "bundle-xss"),
    ] {
        println!("xtask: building the {audience} bundle of {content}");
        run(Command::new(env!("CARGO"))
            .args([
                "run",
                "--quiet",
                "--package",
                "index-builder",
                "--",
                "build",
            ])
            .arg(root.join(content))
            .arg("--out")
            .arg(site.join(folder))
            .args(["--audience", audience])
            .current_dir(&root))?;
    }

    println!("xtask: building the widget with trunk");
    let dist = root.join("target/widget-dist");
    run(Command::new("trunk")
        .args(["build", "--release", "--offline", "--config"])
        .arg(root.join("Trunk.toml"))
        .current_dir(&root)
        .env("PATH", tool_path()))?;
    let widget = site.join("widget");
    std::fs::create_dir_all(&widget)?;
    let (js, wasm) = app_files(&dist)?;
    for name in [&js, &wasm] {
        std::fs::copy(dist.join(name), widget.join(name))
            .with_context(|| format!("copying {name}"))?;
    }
    let loader_src = root.join("widget/loader/help-widget.js");
    let loader = std::fs::read_to_string(&loader_src)
        .with_context(|| format!("reading {}", loader_src.display()))?;
    if !loader.contains("__HW_APP__") {
        bail!(
            "{}: the `__HW_APP__` placeholder is missing",
            loader_src.display()
        );
    }
    // The loader carries the contacts, to show them if the app or the
    // bundle cannot be loaded.
    let support = support_json(&site.join("bundle"))?;
    let app = format!("{{ js: \"./{js}\", wasm: \"./{wasm}\", support: {support} }}");
    let unminified = root.join("target/help-widget.loader.js");
    std::fs::write(&unminified, loader.replace("__HW_APP__", &app))?;
    // Every byte of the loader is paid on every dashboard page: minify it.
    run(Command::new(root.join("node_modules/.bin/terser"))
        .arg(&unminified)
        .args(["--compress", "--mangle", "--output"])
        .arg(widget.join("help-widget.js")))?;
    std::fs::copy(
        root.join("widget/loader/help-widget.d.ts"),
        widget.join("help-widget.d.ts"),
    )?;
    let wasm_size = std::fs::metadata(widget.join(&wasm))?.len();
    println!(
        "xtask: site ready in {} (app wasm {} KB)",
        site.display(),
        wasm_size / 1024
    );
    Ok(site)
}

/// The bundle's support data as compact JSON, or `null` if it has none.
fn support_json(bundle: &Path) -> anyhow::Result<String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join(MANIFEST_FILE))?)
            .context("reading the bundle's manifest")?;
    let Some(name) = manifest.get("support").and_then(|s| s.as_str()) else {
        return Ok("null".into());
    };
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(bundle.join(name))?)
        .with_context(|| format!("reading {name}"))?;
    Ok(serde_json::to_string(&data)?)
}

/// The names of the app's JS glue and wasm in trunk's output.
fn app_files(dist: &Path) -> anyhow::Result<(String, String)> {
    let mut js = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.ends_with(".js") {
            js = Some(name);
        }
    }
    match (js, wasm) {
        (Some(js), Some(wasm)) => Ok((js, wasm)),
        _ => bail!(
            "{}: trunk's output lacks the app's .js or _bg.wasm",
            dist.display()
        ),
    }
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}
