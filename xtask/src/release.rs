//! `cargo xtask release`: the one binary a help team installs.
//!
//! It builds the widget (trunk, wasm-opt, terser), then `index-builder`
//! with `HELP_WIDGET_ASSETS` naming the widget's folder, so the binary
//! carries the widget and needs no Rust, node or trunk to run `dist` and
//! `serve`; then a tarball of the binary with its README in
//! `target/release-pkg/`.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::Context as _;

use crate::cmd::{root, run};
use crate::{site, tools};

/// The cargo profile of the released binary: optimized for speed, thin
/// LTO and stripped, where `release` is tuned for the wasm's size.
const PROFILE: &str = "release-tool";

pub(crate) fn release() -> anyhow::Result<ExitCode> {
    tools::ensure_build_tools()?;
    let binary = build_binary()?;
    let tarball = package(&binary)?;
    let size = std::fs::metadata(&binary)?.len();
    println!(
        "xtask: released {} ({:.1} MB) as {} ({:.1} MB)",
        binary.display(),
        size as f64 / 1e6,
        tarball.display(),
        std::fs::metadata(&tarball)?.len() as f64 / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

/// Builds the widget and the binary that carries it; returns its path.
pub(crate) fn build_binary() -> anyhow::Result<PathBuf> {
    let root = root();
    let assets = site::build_widget()?;
    println!("xtask: building index-builder with the widget inside");
    run(Command::new(env!("CARGO"))
        .args(["build", "--profile", PROFILE, "--package", "index-builder"])
        .env("HELP_WIDGET_ASSETS", &assets)
        .current_dir(&root))?;
    Ok(root.join("target").join(PROFILE).join("index-builder"))
}

/// `target/release-pkg/index-builder-<version>-<host>.tar.gz`, holding
/// `index-builder-<version>/{index-builder, README.md}`.
fn package(binary: &std::path::Path) -> anyhow::Result<PathBuf> {
    let root = root();
    let version = env!("CARGO_PKG_VERSION");
    let host = host_triple()?;
    let name = format!("index-builder-{version}");
    let out = root.join("target/release-pkg");
    let stage = out.join(&name);
    if stage.exists() {
        std::fs::remove_dir_all(&stage)?;
    }
    std::fs::create_dir_all(&stage)?;
    std::fs::copy(binary, stage.join("index-builder")).context("copying the binary")?;
    std::fs::write(stage.join("README.md"), PACKAGE_README)?;
    let tarball = out.join(format!("{name}-{host}.tar.gz"));
    let partial = out.join(format!(".{name}-{host}.tar.gz.tmp"));
    run(Command::new("tar")
        .arg("-czf")
        .arg(&partial)
        .arg("-C")
        .arg(&out)
        .arg(&name))?;
    std::fs::rename(&partial, &tarball)?;
    Ok(tarball)
}

fn host_triple() -> anyhow::Result<String> {
    let output = Command::new("rustc").arg("-vV").output()?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .context("rustc -vV names no host")
}

const PACKAGE_README: &str = "\
# index-builder

One binary for a help team: it writes, previews and publishes a help center
for the embeddable help widget, which it carries inside. Nothing else is
needed: no Rust, no Node.js.

    ./index-builder init my-help          # a starter help center
    ./index-builder serve my-help         # preview on http://127.0.0.1:8080, live reload
    ./index-builder dist my-help --out public   # the folder to upload to any static host

`index-builder --help` lists every command; `index-builder check DIR` reports
every content problem as path:line: message. public/README.txt says which
headers a host on another origin must send.
";
