//! `cargo xtask dist --out DIR [--content DIR]`: builds the widget, then
//! writes the deployable folder with `index_builder::dist`, the same code
//! the released `index-builder dist` runs with its embedded widget.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use index_builder::{DistOptions, WidgetAssets, load_content};

use crate::{site, tools};

/// Builds the widget and writes `content`'s deployable folder to `out`.
pub(crate) fn dist(
    content: &Path,
    out: &Path,
    base_url: &str,
    signed_in_out: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    tools::ensure_build_tools()?;
    let widget = WidgetAssets::from_dir(&site::build_widget()?)?;
    let loaded = load_content(content).map_err(|p| anyhow::anyhow!("{p}"))?;
    let report = index_builder::dist(
        &loaded,
        &widget,
        out,
        &DistOptions {
            base_url: base_url.to_string(),
            signed_in_out,
        },
    )
    .with_context(|| format!("writing {}", out.display()))?;
    println!(
        "xtask: dist ready in {}: {} new hashed files, {} already there",
        out.display(),
        report.public.added.len(),
        report.public.unchanged,
    );
    for warning in &report.warnings {
        println!("xtask: warning: {warning}");
    }
    println!("xtask: loader integrity: {}", report.integrity);
    println!("{}", report.script_tag);
    Ok(ExitCode::SUCCESS)
}
