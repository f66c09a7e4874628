//! Building the widget's files and the served demo site.
//!
//! [`build_widget`] runs trunk and terser and leaves the widget's files in
//! `target/widget-assets` (what `index-builder` embeds, or reads with
//! `--widget`). [`build_site`] assembles `target/site` for one content
//! folder:
//!
//! ```text
//! /                      the mock dashboard (examples/dashboard)
//! /widget/help-widget.js the loader, with the app's hashed names filled in
//! /widget/*-<hash>.js    the app's JS glue and wasm, from trunk
//! /bundle/               the content's public bundle
//! /bundle-signed-in/     and its signed-in bundle
//! /bundle-xss/           examples/xss, for the end-to-end XSS test
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use help_core::Audience;
use index_builder::{BuildOptions, WidgetAssets, build_bundle, load_content, write_bundle};

use crate::cmd::{root, run};
use crate::tools::{self, WASM_NIGHTLY, WasmToolchain, tool_path};

/// The content `demo`, `dist` and the tests use when given none.
pub(crate) const DEFAULT_CONTENT: &str = "examples/help-center";

/// Where [`build_widget`] leaves the widget, relative to the workspace
/// root: the app's files and the minified loader template, before a help
/// center's contacts are filled in.
pub(crate) const WIDGET_ASSETS: &str = "target/widget-assets";

/// Builds the widget with trunk, minifies the loader template, and
/// returns the folder holding both.
pub(crate) fn build_widget() -> anyhow::Result<PathBuf> {
    let root = root();
    let dist = root.join("target/widget-dist");
    let mut trunk = Command::new("trunk");
    trunk
        .args(["build", "--release", "--offline", "--config"])
        .arg(root.join("Trunk.toml"))
        .current_dir(&root)
        .env("PATH", tool_path());
    match tools::ensure_wasm_nightly() {
        WasmToolchain::Nightly => {
            println!(
                "xtask: building the widget with trunk on {WASM_NIGHTLY} (std rebuilt for size, \
                 panics abort at once, no panic locations or Debug text)"
            );
            trunk.envs(tools::wasm_nightly_env(&root));
        }
        WasmToolchain::Stable(why) => println!(
            "xtask: {why}: building the widget with trunk on stable instead (a larger wasm)"
        ),
    }
    run(&mut trunk)?;
    let assets = root.join(WIDGET_ASSETS);
    if assets.exists() {
        std::fs::remove_dir_all(&assets)
            .with_context(|| format!("clearing {}", assets.display()))?;
    }
    std::fs::create_dir_all(&assets)?;
    let (js, wasm) = app_files(&dist)?;
    for name in [&js, &wasm] {
        std::fs::copy(dist.join(name), assets.join(name))
            .with_context(|| format!("copying {name}"))?;
    }
    let loader = root.join("widget/loader/help-widget.js");
    // Every byte of the loader is paid on every dashboard page: minify it.
    // `__HW_APP__` is a free name to terser, so it survives as it is.
    run(Command::new(root.join("node_modules/.bin/terser"))
        .arg(&loader)
        .args(["--compress", "--mangle", "--output"])
        .arg(assets.join("help-widget.js")))?;
    std::fs::copy(
        root.join("widget/loader/help-widget.d.ts"),
        assets.join("help-widget.d.ts"),
    )?;
    // Checks the placeholder and the names.
    let widget = WidgetAssets::from_dir(&assets)?;
    println!(
        "xtask: widget ready in {} (app wasm {} KB)",
        assets.display(),
        widget.app_wasm.1.len() / 1024
    );
    Ok(assets)
}

/// Builds the widget and the whole demo site for `content`, and returns
/// the site's folder.
pub(crate) fn build_site(content: &Path) -> anyhow::Result<PathBuf> {
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
    let loaded = load_content(content).map_err(|p| anyhow::anyhow!("{p}"))?;
    let xss = load_content(&root.join("examples/xss")).map_err(|p| anyhow::anyhow!("{p}"))?;
    let build = |content, audience| {
        let options = BuildOptions {
            audience,
            ..BuildOptions::default()
        };
        build_bundle(content, &options, &mut || {})
    };
    let public = build(&loaded, Audience::Public);
    for (bundle, folder) in [
        (&public, "bundle"),
        (&build(&loaded, Audience::SignedIn), "bundle-signed-in"),
        (&build(&xss, Audience::Public), "bundle-xss"),
    ] {
        write_bundle(bundle, &site.join(folder)).with_context(|| format!("writing {folder}"))?;
    }
    println!("xtask: built the bundles of {}", content.display());

    let widget = WidgetAssets::from_dir(&build_widget()?)?;
    let folder = site.join("widget");
    std::fs::create_dir_all(&folder)?;
    for (name, bytes) in [&widget.app_js, &widget.app_wasm] {
        std::fs::write(folder.join(name), bytes).with_context(|| format!("writing {name}"))?;
    }
    // The loader carries the contacts, to show them if the app or the
    // bundle cannot be loaded.
    std::fs::write(
        folder.join(index_builder::LOADER),
        widget.loader(&index_builder::support_json(&public)),
    )?;
    std::fs::write(folder.join(index_builder::TYPES), &widget.types)?;
    println!("xtask: site ready in {}", site.display());
    Ok(site)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `demo`, `dist`, the tests and the bench take the content folder
    /// from `--content` or this one constant: no other xtask source names
    /// the example help center.
    #[test]
    fn only_the_default_names_the_example_help_center() {
        let mut offenders = Vec::new();
        let mut stack = vec![root().join("xtask/src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                // Tests may name it: they check the default.
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                for (i, line) in code.lines().enumerate() {
                    let quoted = line.contains("\"examples/help-center\"");
                    if quoted && !line.contains("const DEFAULT_CONTENT") {
                        offenders.push(format!("{}:{}", path.display(), i + 1));
                    }
                }
            }
        }
        assert_eq!(offenders, Vec::<String>::new());
        assert_eq!(DEFAULT_CONTENT, "examples/help-center");
    }
}
