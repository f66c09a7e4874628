//! The prebuilt widget: the loader template, its types, and the app's JS
//! glue and wasm, as `cargo xtask release` builds them.
//!
//! A release binary carries them inside (`build.rs` embeds the folder that
//! `HELP_WIDGET_ASSETS` names at compile time), so `dist` and `serve` need
//! no Rust, node or trunk. A development build has none, and reads the
//! same folder at run time from `--widget DIR`.

use std::path::Path;

use crate::deploy::DistError;
use crate::deploy::hashed::is_hashed;

/// The loader: the URL pages include, so it keeps its name.
pub const LOADER: &str = "help-widget.js";

/// The loader's TypeScript types, served beside it.
pub const TYPES: &str = "help-widget.d.ts";

/// What the loader template holds in place of the app's file names and
/// the fallback contacts.
const PLACEHOLDER: &str = "__HW_APP__";

/// The widget's files, ready to be filled in for one help center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetAssets {
    /// The minified loader, holding [`PLACEHOLDER`] once.
    loader_template: String,
    /// `help-widget.d.ts`.
    pub types: Vec<u8>,
    /// The app's JS glue: its content-hashed name and bytes.
    pub app_js: (String, Vec<u8>),
    /// The app's wasm: its content-hashed name and bytes.
    pub app_wasm: (String, Vec<u8>),
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_widget.rs"));
}

impl WidgetAssets {
    /// The widget this binary was built with, if it carries one.
    pub fn embedded() -> Option<WidgetAssets> {
        let e = embedded::WIDGET?;
        Some(WidgetAssets {
            loader_template: e.loader.to_string(),
            types: e.types.to_vec(),
            app_js: (e.js_name.to_string(), e.js.to_vec()),
            app_wasm: (e.wasm_name.to_string(), e.wasm.to_vec()),
        })
    }

    /// Reads a widget folder: `help-widget.js` (the template),
    /// `help-widget.d.ts`, and one `help-widget-<hash>.js` with its
    /// `help-widget-<hash>_bg.wasm`.
    pub fn from_dir(dir: &Path) -> Result<WidgetAssets, DistError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| DistError::Io { path, source })
        };
        let mut js = None;
        let mut wasm = None;
        let entries = std::fs::read_dir(dir).map_err(|source| DistError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| DistError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_hashed(&name) {
                continue;
            }
            let slot = if name.ends_with("_bg.wasm") {
                &mut wasm
            } else if name.ends_with(".js") {
                &mut js
            } else {
                continue;
            };
            if let Some(other) = slot.replace(name.clone()) {
                return Err(DistError::Widget(format!(
                    "{}: two app files, {other} and {name}; keep one build's",
                    dir.display()
                )));
            }
        }
        let (Some(js), Some(wasm)) = (js, wasm) else {
            return Err(DistError::Widget(format!(
                "{}: no help-widget-<hash>.js with its _bg.wasm",
                dir.display()
            )));
        };
        let loader = String::from_utf8(read(LOADER)?)
            .map_err(|_| DistError::Widget(format!("{}/{LOADER}: not UTF-8", dir.display())))?;
        WidgetAssets::new(
            loader,
            read(TYPES)?,
            (js.clone(), read(&js)?),
            (wasm.clone(), read(&wasm)?),
        )
    }

    /// The widget from its parts; the template must hold the placeholder
    /// exactly once.
    pub fn new(
        loader_template: String,
        types: Vec<u8>,
        app_js: (String, Vec<u8>),
        app_wasm: (String, Vec<u8>),
    ) -> Result<WidgetAssets, DistError> {
        if loader_template.matches(PLACEHOLDER).count() != 1 {
            return Err(DistError::Widget(format!(
                "the loader template must hold `{PLACEHOLDER}` exactly once"
            )));
        }
        for name in [&app_js.0, &app_wasm.0] {
            if !is_hashed(name) {
                return Err(DistError::Widget(format!(
                    "{name}: an app file must be named by its content"
                )));
            }
        }
        Ok(WidgetAssets {
            loader_template,
            types,
            app_js,
            app_wasm,
        })
    }

    /// The loader for one help center: it names the app's files, relative
    /// to itself, and carries `support_json` (compact JSON, or `null`) to
    /// show the contacts if the app or the bundle cannot be loaded.
    pub fn loader(&self, support_json: &str) -> String {
        let app = format!(
            "{{js:\"./{}\",wasm:\"./{}\",support:{support_json}}}",
            self.app_js.0, self.app_wasm.0
        );
        self.loader_template.replacen(PLACEHOLDER, &app, 1)
    }
}
