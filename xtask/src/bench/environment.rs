//! What the run is measured on: CPUs, load, tool versions.

use std::process::{Command, Stdio};

use super::harness::Bench;
use super::report::Report;
use crate::tools;

pub(crate) fn environment(bench: &Bench, report: &mut Report) {
    let cpus =
        std::thread::available_parallelism().map_or_else(|_| "?".into(), |n| n.get().to_string());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let version = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .current_dir(&bench.root)
            .env("PATH", tools::tool_path())
            .stderr(Stdio::null())
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "unknown".into())
    };
    report
        .environment
        .push(("CPUs".into(), format!("{cpus} ({model})")));
    report
        .environment
        .push(("load average at start".into(), load_average()));
    report.environment.push((
        "Chromium".into(),
        version("/usr/bin/chromium", &["--version"]),
    ));
    report
        .environment
        .push(("node".into(), version("node", &["--version"])));
    report
        .environment
        .push(("Pagefind".into(), version("pagefind", &["--version"])));
    report
        .environment
        .push(("rustc".into(), version("rustc", &["--version"])));
    report.environment.push((
        "index-builder".into(),
        "target/release/index-builder, the workspace's release profile (opt-level \"z\", LTO)"
            .into(),
    ));
    report.environment.push((
        "server".into(),
        "xtask's loopback static server, no compression".into(),
    ));
    report.environment.push((
        "timer".into(),
        "performance.now() in a page that is not cross-origin isolated: Chromium coarsens it to 0.1 ms".into(),
    ));
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews
/// every timing.
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
