//! Embeds the prebuilt widget when `HELP_WIDGET_ASSETS` names its folder
//! (as `cargo xtask release` does), so that the binary alone can run
//! `dist` and `serve`. Without it, the binary carries no widget and those
//! commands ask for `--widget DIR`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-env-changed=HELP_WIDGET_ASSETS");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embedded_widget.rs");
    let mut code = String::from(
        "/// The widget's files, embedded at compile time.\n\
         pub(crate) struct Embedded {\n\
         \x20   pub(crate) loader: &'static str,\n\
         \x20   pub(crate) types: &'static [u8],\n\
         \x20   pub(crate) js_name: &'static str,\n\
         \x20   pub(crate) js: &'static [u8],\n\
         \x20   pub(crate) wasm_name: &'static str,\n\
         \x20   pub(crate) wasm: &'static [u8],\n\
         }\n",
    );
    match std::env::var_os("HELP_WIDGET_ASSETS") {
        None => code.push_str("pub(crate) const WIDGET: Option<Embedded> = None;\n"),
        Some(dir) => {
            let dir = Path::new(&dir);
            println!("cargo::rerun-if-changed={}", dir.display());
            let mut js = None;
            let mut wasm = None;
            for entry in std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("HELP_WIDGET_ASSETS={}: {e}", dir.display()))
            {
                let name = entry
                    .expect("reading HELP_WIDGET_ASSETS")
                    .file_name()
                    .to_string_lossy()
                    .into_owned();
                if name.ends_with("_bg.wasm") {
                    wasm = Some(name);
                } else if name.ends_with(".js") && name != "help-widget.js" {
                    js = Some(name);
                }
            }
            let (Some(js), Some(wasm)) = (js, wasm) else {
                panic!(
                    "HELP_WIDGET_ASSETS={}: no app .js and _bg.wasm",
                    dir.display()
                );
            };
            let path = |name: &str| {
                let p = dir.join(name);
                println!("cargo::rerun-if-changed={}", p.display());
                format!(
                    "{:?}",
                    p.canonicalize()
                        .expect("the file exists")
                        .display()
                        .to_string()
                )
            };
            writeln!(
                code,
                "pub(crate) const WIDGET: Option<Embedded> = Some(Embedded {{\n\
                 \x20   loader: include_str!({}),\n\
                 \x20   types: include_bytes!({}),\n\
                 \x20   js_name: {js:?},\n\
                 \x20   js: include_bytes!({}),\n\
                 \x20   wasm_name: {wasm:?},\n\
                 \x20   wasm: include_bytes!({}),\n\
                 }});",
                path("help-widget.js"),
                path("help-widget.d.ts"),
                path(&js),
                path(&wasm),
            )
            .expect("writing to a String");
        }
    }
    std::fs::write(&out, code).expect("writing embedded_widget.rs");
}
