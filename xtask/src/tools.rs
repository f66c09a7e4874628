//! Installing what a fresh machine lacks. Every step checks first and is
//! skipped when the right version is already there, and says what it does.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::cmd::{root, run};

/// The trunk release that builds on this project's toolchain (0.22 needs a
/// newer rustc).
const TRUNK_VERSION: &str = "0.21.14";

/// The nightly that builds the production wasm, pinned so that a build is
/// the same on every machine: `-Zbuild-std` rebuilds `std` for size with
/// `-Cpanic=immediate-abort`, `-Zlocation-detail=none` and
/// `-Zfmt-debug=none`, which stable cannot. The tests' native and wasm
/// builds stay on stable.
pub(crate) const WASM_NIGHTLY: &str = "nightly-2026-05-19";

/// The cargo-fuzz release installed when none is there.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Everything `cargo xtask demo` needs: the wasm target, trunk,
/// wasm-bindgen-cli and the npm packages (binaryen's wasm-opt).
pub(crate) fn ensure_build_tools() -> anyhow::Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_node()?;
    ensure_npm_packages()?;
    Ok(())
}

/// Everything the test suites (and the bench) need on top: Chromium and
/// chromedriver.
pub(crate) fn ensure_test_tools() -> anyhow::Result<()> {
    ensure_build_tools()?;
    ensure_chromium()
}

/// What `cargo xtask lint` needs, and so `cargo xtask test`: the rustfmt
/// and clippy components of the toolchain in use.
pub(crate) fn ensure_lint_tools() -> anyhow::Result<()> {
    let missing: Vec<&str> = [("rustfmt", "fmt"), ("clippy", "clippy")]
        .into_iter()
        .filter(|(_, subcommand)| output_of("cargo", &[subcommand, "--version"]).is_none())
        .map(|(component, _)| component)
        .collect();
    if missing.is_empty() {
        println!("xtask: rustfmt and clippy: present");
        return Ok(());
    }
    println!(
        "xtask: installing {} (rustup components)",
        missing.join(" and ")
    );
    run(Command::new("rustup")
        .args(["component", "add"])
        .args(&missing)
        .current_dir(root()))
}

/// Which toolchain builds the production wasm.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum WasmToolchain {
    /// [`WASM_NIGHTLY`], with `rust-src` and the crates `std` needs.
    Nightly,
    /// Stable, because the nightly could not be installed: why not.
    Stable(String),
}

/// Installs [`WASM_NIGHTLY`] with its `rust-src` component, and fetches
/// the crates its `std` sources need (the build runs offline). Never fails:
/// if any step does, the wasm is built on stable, and this says so.
pub(crate) fn ensure_wasm_nightly() -> WasmToolchain {
    let library = |sysroot: &str| {
        PathBuf::from(sysroot)
            .join("lib/rustlib/src/rust/library")
            .join("Cargo.toml")
    };
    let sysroot = || {
        output_of(
            "rustup",
            &["run", WASM_NIGHTLY, "rustc", "--print", "sysroot"],
        )
    };
    let ready = sysroot().is_some_and(|s| library(&s).exists());
    if ready {
        println!("xtask: {WASM_NIGHTLY} with rust-src: present");
    } else {
        println!("xtask: installing {WASM_NIGHTLY} with rust-src (for the production wasm)");
        let installed = run(Command::new("rustup").args([
            "toolchain",
            "install",
            WASM_NIGHTLY,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
        ]));
        if let Err(err) = installed {
            return WasmToolchain::Stable(format!("{WASM_NIGHTLY} could not be installed ({err})"));
        }
    }
    let Some(manifest) = sysroot().map(|s| library(&s)).filter(|m| m.exists()) else {
        return WasmToolchain::Stable(format!("{WASM_NIGHTLY} has no rust-src"));
    };
    // Quick when the crates are there already; the build itself is offline.
    let fetched = Command::new("rustup")
        .args([
            "run",
            WASM_NIGHTLY,
            "cargo",
            "fetch",
            "--quiet",
            "--manifest-path",
        ])
        .arg(&manifest)
        .env("PATH", tool_path())
        .status();
    match fetched {
        Ok(status) if status.success() => WasmToolchain::Nightly,
        Ok(status) => WasmToolchain::Stable(format!(
            "fetching the crates of {WASM_NIGHTLY}'s std failed ({status})"
        )),
        Err(err) => WasmToolchain::Stable(format!(
            "fetching the crates of {WASM_NIGHTLY}'s std failed ({err})"
        )),
    }
}

/// The environment that makes trunk's cargo build the production wasm on
/// [`WASM_NIGHTLY`], in its own target folder (its flags differ from the
/// stable builds', which would otherwise rebuild each other's crates).
pub(crate) fn wasm_nightly_env(root: &Path) -> [(&'static str, std::ffi::OsString); 4] {
    [
        ("RUSTUP_TOOLCHAIN", WASM_NIGHTLY.into()),
        ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort".into()),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
                .into(),
        ),
        (
            "CARGO_TARGET_DIR",
            root.join("target/wasm-production").into_os_string(),
        ),
    ]
}

/// What `cargo xtask fuzz` alone needs: the nightly toolchain (libFuzzer's
/// instrumentation and the sanitizers need it), cargo-fuzz, and a C++
/// compiler for libFuzzer itself. `demo` and `test` never ask for them.
pub(crate) fn ensure_fuzz_tools() -> anyhow::Result<()> {
    ensure_nightly()?;
    ensure_cargo_fuzz()?;
    ensure_cxx()
}

/// The output of `program args…`, trimmed, if it ran and succeeded.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("xtask: wasm32-unknown-unknown target: present");
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> anyhow::Result<()> {
    let want = format!("trunk {TRUNK_VERSION}");
    if output_of("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        println!("xtask: {want}: present");
        return Ok(());
    }
    println!("xtask: installing {want} (takes about 10 minutes)");
    run(Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// The wasm-bindgen version Cargo.lock resolved, which the CLI must equal.
pub(crate) fn locked_wasm_bindgen_version() -> anyhow::Result<String> {
    let lock_path = root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("reading {}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
        {
            return Ok(version.to_string());
        }
    }
    bail!("{}: no wasm-bindgen package found", lock_path.display())
}

fn ensure_wasm_bindgen() -> anyhow::Result<()> {
    let version = locked_wasm_bindgen_version()?;
    let want = format!("wasm-bindgen {version}");
    let have_cli = output_of("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str());
    let have_runner = output_of("wasm-bindgen-test-runner", &["--version"]).is_some();
    if have_cli && have_runner {
        println!("xtask: wasm-bindgen-cli {version}: present");
        return Ok(());
    }
    println!(
        "xtask: installing wasm-bindgen-cli {version} to match Cargo.lock (takes about 4 minutes)"
    );
    // Not --locked: the CLI's own lockfile names a dependency version that
    // the registry no longer serves.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &version,
        "--force",
    ]))
}

fn ensure_nightly() -> anyhow::Result<()> {
    let toolchains = output_of("rustup", &["toolchain", "list"]).unwrap_or_default();
    if toolchains.lines().any(|l| l.starts_with("nightly")) {
        println!("xtask: nightly toolchain: present");
        return Ok(());
    }
    println!("xtask: installing the nightly toolchain (for fuzzing only)");
    run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
}

fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    // Any cargo-fuzz will do: `cargo fuzz build` and `cargo fuzz run` have
    // not changed in years.
    if let Some(version) = output_of("cargo", &["fuzz", "--version"]) {
        println!("xtask: {version}: present");
        return Ok(());
    }
    println!("xtask: installing cargo-fuzz {CARGO_FUZZ_VERSION} (takes a few minutes)");
    run(Command::new("cargo").args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))
}

/// libfuzzer-sys compiles libFuzzer's C++ sources.
fn ensure_cxx() -> anyhow::Result<()> {
    if ["c++", "g++", "clang++"]
        .iter()
        .any(|cxx| output_of(cxx, &["--version"]).is_some())
    {
        println!("xtask: C++ compiler: present");
        return Ok(());
    }
    apt_install(&["g++"])
}

fn ensure_node() -> anyhow::Result<()> {
    if let (Some(node), Some(_)) = (
        output_of("node", &["--version"]),
        output_of("npm", &["--version"]),
    ) {
        println!("xtask: node {node}: present");
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

/// Installs `package-lock.json` exactly, unless `node_modules` already
/// matches it.
fn ensure_npm_packages() -> anyhow::Result<()> {
    let root = root();
    let lock =
        std::fs::read(root.join("package-lock.json")).context("reading package-lock.json")?;
    let stamp_path = root.join("node_modules").join(".xtask-lock-stamp");
    let want = fingerprint(&lock);
    if std::fs::read_to_string(&stamp_path).ok().as_deref() == Some(want.as_str())
        && root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/.bin/terser").exists()
    {
        println!("xtask: npm packages (binaryen, terser, playwright-core, axe-core): present");
        return Ok(());
    }
    println!("xtask: installing npm packages from package-lock.json");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root)
        // No package may download a browser of its own.
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    std::fs::write(&stamp_path, want).context("writing the npm stamp")?;
    Ok(())
}

/// The browser and its driver, from Debian's packages.
fn ensure_chromium() -> anyhow::Result<()> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        println!("xtask: chromium and chromedriver: present");
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    println!(
        "xtask: installing {} from Debian's packages",
        packages.join(", ")
    );
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// A short, stable fingerprint of some bytes (FNV-1a, 64 bit).
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// PATH with cargo's bin folder and the npm tools in front.
pub(crate) fn tool_path() -> std::ffi::OsString {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"));
    let mut paths = vec![root().join("node_modules/.bin"), cargo_home.join("bin")];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).expect("PATH entries contain no separator")
}
