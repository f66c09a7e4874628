//! `index-builder dist`: the folder to upload to a CDN, for one content
//! folder, with the prebuilt widget.
//!
//! ```text
//! help-widget.js              the loader: the one URL pages include, short-cached
//! help-widget.d.ts            its types
//! help-widget-<hash>.js       the app's JS glue and wasm, named by trunk
//! help-widget-<hash>_bg.wasm  from their content: cached forever
//! bundle/                     the public bundle (manifest.json short-cached,
//!                             every other file named by its content)
//! *.br, *.gz                  every downloaded file precompressed
//! _headers                    Cache-Control and CORS, Netlify / Cloudflare Pages syntax
//! help-widget-<hash>.js       the same loader under a content-named, immutable URL
//! integrity.txt               its Subresource Integrity hash and a script tag
//! README.txt                  what each file is, and the headers other hosts need
//! ```
//!
//! **The signed-in bundle never goes into that folder**: it is written
//! only to `--signed-in-out`, a folder of its own with its own README.
//!
//! **A deploy only adds files.** Dist into a folder that holds an earlier
//! version puts the new hashed files beside the old ones and deletes
//! nothing, so a page that loaded the old loader or the old manifest still
//! finds every file they name. A hashed file that is already there must
//! have the same bytes, or nothing is written at all. Every file is
//! written to a temporary sibling first and takes its name by a link
//! (hashed files: never over an existing one) or a rename (the few
//! unhashed files), so no reader ever sees half a file. The unhashed files
//! go last, the loader and the manifests after everything they name.

mod compress;
mod files;
pub(crate) mod hashed;
mod headers;
mod widget;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use help_core::Audience;
use help_core::format::MANIFEST_FILE;

use crate::bundle::{BuildOptions, Bundle, build_bundle};
use crate::content::Content;
use headers::{
    PUBLIC_PREAMBLE, PUBLIC_README, SIGNED_IN_PREAMBLE, SIGNED_IN_README, headers_file, integrity,
    integrity_txt, may_be_unhashed, pinned_loader_name,
};

pub use headers::MAX_HEADER_RULES;
pub use widget::{LOADER, TYPES, WidgetAssets};

/// The script tag's URLs when no `--base-url` is given.
pub const DEFAULT_BASE_URL: &str = "https://cdn.example/help-widget/";

/// Why a dist was refused or failed. Nothing is written when the check
/// before writing fails.
#[derive(Debug, thiserror::Error)]
pub enum DistError {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Content-hashed files exist with other bytes.
    #[error(
        "{}: these content-hashed files exist with other bytes, so they were not \
         overwritten and nothing was written (a hashed name must never change content): {}",
        out.display(), files.join(", ")
    )]
    Conflict {
        /// The folder (or file) written to.
        out: PathBuf,
        /// The conflicting files, relative to `out`.
        files: Vec<String>,
    },
    /// The widget's files are missing or malformed.
    #[error("the widget: {0}")]
    Widget(String),
    /// The options cannot be honoured.
    #[error("{0}")]
    Refused(String),
}

/// How to dist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistOptions {
    /// Where the folder will be served, for the script tag.
    pub base_url: String,
    /// Where the signed-in bundle goes, if anywhere: never inside `out`.
    pub signed_in_out: Option<PathBuf>,
}

impl Default for DistOptions {
    fn default() -> DistOptions {
        DistOptions {
            base_url: DEFAULT_BASE_URL.to_string(),
            signed_in_out: None,
        }
    }
}

/// What one folder's write did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FolderReport {
    /// Hashed files new in this deploy, relative to the folder.
    pub added: Vec<String>,
    /// Hashed files that were already there with the same bytes.
    pub unchanged: usize,
    /// The unhashed files, each replaced.
    pub replaced: Vec<String>,
    /// How many rules its `_headers` has.
    pub header_rules: usize,
}

/// What a dist did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistReport {
    /// The public folder.
    pub public: FolderReport,
    /// The signed-in folder, if one was asked for.
    pub signed_in: Option<FolderReport>,
    /// Signed-in articles (files) that the public folder leaves out.
    pub signed_in_left_out: usize,
    /// The loader's Subresource Integrity hash, `sha384-<base64>`.
    pub integrity: String,
    /// A script tag to paste into a page.
    pub script_tag: String,
    /// Things the author should know, such as a signed-in bundle that an
    /// older dist left in the public folder.
    pub warnings: Vec<String>,
}

/// Builds `content` and writes the deployable folder `out` with `widget`,
/// beside whatever earlier version `out` holds; the signed-in bundle goes
/// to [`DistOptions::signed_in_out`] only.
pub fn dist(
    content: &Content,
    widget: &WidgetAssets,
    out: &Path,
    options: &DistOptions,
) -> Result<DistReport, DistError> {
    if let Some(signed_in) = &options.signed_in_out {
        refuse_nested(out, signed_in)?;
    }
    let public = build_bundle(content, &BuildOptions::default(), &mut || {});
    let mut files = BTreeMap::new();
    let loader = widget.loader(&support_json(&public));
    files.insert(TYPES.to_string(), widget.types.clone());
    files.insert(widget.app_js.0.clone(), widget.app_js.1.clone());
    files.insert(widget.app_wasm.0.clone(), widget.app_wasm.1.clone());
    for (name, bytes) in &public.files {
        files.insert(format!("bundle/{name}"), bytes.clone());
    }
    // An immutable, content-named copy of this deploy's loader, for pages
    // that pin it with Subresource Integrity: its bytes never change, so
    // its integrity attribute holds across later deploys.
    let pinned = pinned_loader_name(loader.as_bytes());
    files.insert(pinned.clone(), loader.clone().into_bytes());
    files.insert(LOADER.to_string(), loader.clone().into_bytes());

    let base_url = if options.base_url.ends_with('/') {
        options.base_url.clone()
    } else {
        format!("{}/", options.base_url)
    };
    let integrity = integrity(loader.as_bytes());
    let script_tag = format!(
        "<script src=\"{base_url}{pinned}\" integrity=\"{integrity}\" crossorigin=\"anonymous\" \
         data-bundle=\"{base_url}bundle/\" async></script>"
    );
    let late = [
        (TYPES.to_string(), None),
        (
            "README.txt".to_string(),
            Some(PUBLIC_README.as_bytes().to_vec()),
        ),
        (format!("bundle/{MANIFEST_FILE}"), None),
        (LOADER.to_string(), None),
        (
            "integrity.txt".to_string(),
            Some(integrity_txt(&integrity, &script_tag, &pinned).into_bytes()),
        ),
    ];

    // The signed-in folder is checked before anything is written, and
    // written first: the public loader names nothing in it.
    let signed_in = match &options.signed_in_out {
        None => None,
        Some(dir) => {
            let bundle = build_bundle(
                content,
                &BuildOptions {
                    audience: Audience::SignedIn,
                    ..BuildOptions::default()
                },
                &mut || {},
            );
            Some((dir, bundle.files))
        }
    };
    let mut warnings = Vec::new();
    if out.join("bundle-signed-in").exists() {
        warnings.push(format!(
            "{}: an older dist left the signed-in bundle here, where it is public; \
             move it behind the dashboard's sign-in and delete it from this folder",
            out.join("bundle-signed-in").display()
        ));
    }
    let public_plan = Plan::new(out, files, &late, PUBLIC_PREAMBLE, &[])?;
    let signed_in_plan = match &signed_in {
        None => None,
        Some((dir, files)) => Some(Plan::new(
            dir,
            files.clone(),
            &[
                (
                    "README.txt".to_string(),
                    Some(SIGNED_IN_README.as_bytes().to_vec()),
                ),
                (MANIFEST_FILE.to_string(), None),
            ],
            SIGNED_IN_PREAMBLE,
            &[""],
        )?),
    };
    let signed_in = signed_in_plan.map(Plan::write).transpose()?;
    let public = public_plan.write()?;
    let counts = content.counts();
    Ok(DistReport {
        public,
        signed_in,
        signed_in_left_out: counts.signed_in,
        integrity,
        script_tag,
        warnings,
    })
}

/// Refuses a signed-in folder inside the public one (or the same), where
/// an upload of the public folder would publish it.
fn refuse_nested(out: &Path, signed_in: &Path) -> Result<(), DistError> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists, so `a/../b` and symbolic links compare right.
        let mut existing = p.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut resolved = existing
            .canonicalize()
            .unwrap_or_else(|_| existing.to_path_buf());
        resolved.extend(rest.iter().rev());
        resolved
    };
    let (out_abs, signed_abs) = (absolute(out), absolute(signed_in));
    if signed_abs.starts_with(&out_abs) || out_abs.starts_with(&signed_abs) {
        return Err(DistError::Refused(format!(
            "--signed-in-out {} must not be inside --out {} (or hold it): that folder is \
             uploaded whole, and would make signed-in articles public",
            signed_in.display(),
            out.display()
        )));
    }
    Ok(())
}

/// The bundle's support data as compact JSON, or `null` if it has none.
pub fn support_json(bundle: &Bundle) -> String {
    bundle
        .manifest
        .support
        .as_ref()
        .and_then(|name| bundle.files.get(name))
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(bytes).ok())
        .map_or_else(|| "null".to_string(), |v| v.to_string())
}

/// One folder's files, checked against what the folder holds, ready to
/// write. Building a plan writes nothing.
struct Plan<'a> {
    out: &'a Path,
    /// Every file with its siblings, by path relative to `out`.
    files: BTreeMap<String, Vec<u8>>,
    /// Hashed files not there yet.
    new: Vec<String>,
    /// The unhashed files in writing order: each with its siblings, then
    /// `_headers`, after all the hashed ones.
    late: Vec<(String, Vec<u8>)>,
    preamble: &'static str,
    private: &'a [&'a str],
}

impl<'a> Plan<'a> {
    /// `files` holds every file but those `late` gives bytes for; `late`
    /// lists the unhashed files in the order they are written.
    fn new(
        out: &'a Path,
        mut files: BTreeMap<String, Vec<u8>>,
        late: &[(String, Option<Vec<u8>>)],
        preamble: &'static str,
        private: &'a [&'a str],
    ) -> Result<Plan<'a>, DistError> {
        for (rel, bytes) in late {
            if let Some(bytes) = bytes {
                files.insert(rel.clone(), bytes.clone());
            }
        }
        let siblings = compress::siblings(
            files
                .iter()
                .filter(|(rel, _)| compress::compressible(rel))
                .map(|(rel, bytes)| (rel.as_str(), bytes.as_slice())),
        );
        files.extend(siblings);
        for rel in files.keys() {
            if !may_be_unhashed(rel) {
                return Err(DistError::Refused(format!(
                    "{rel} is not named by its content, so a deploy could change it under \
                     a page that uses it"
                )));
            }
        }

        // Every conflict is found before anything is written.
        let mut conflicts = Vec::new();
        let mut new = Vec::new();
        for (rel, bytes) in files.iter().filter(|(rel, _)| hashed::is_hashed_path(rel)) {
            match files::read_if_exists(&out.join(rel))? {
                Some(existing) if existing == *bytes => {}
                Some(_) => conflicts.push(rel.clone()),
                None => new.push(rel.clone()),
            }
        }
        if !conflicts.is_empty() {
            return Err(DistError::Conflict {
                out: out.to_path_buf(),
                files: conflicts,
            });
        }
        let mut ordered = Vec::new();
        for (rel, _) in late {
            for name in [format!("{rel}.br"), format!("{rel}.gz"), rel.clone()] {
                if let Some(bytes) = files.get(&name) {
                    ordered.push((name, bytes.clone()));
                }
            }
        }
        for rel in files.keys().filter(|r| !hashed::is_hashed_path(r)) {
            if !ordered.iter().any(|(name, _)| name == rel) {
                return Err(DistError::Refused(format!(
                    "{rel}: an unhashed file with no place in the writing order"
                )));
            }
        }
        Ok(Plan {
            out,
            files,
            new,
            late: ordered,
            preamble,
            private,
        })
    }

    fn write(self) -> Result<FolderReport, DistError> {
        let out = self.out;
        std::fs::create_dir_all(out).map_err(|source| DistError::Io {
            path: out.to_path_buf(),
            source,
        })?;
        let mut added = Vec::new();
        for rel in &self.new {
            if files::add_file(&out.join(rel), &self.files[rel])? {
                added.push(rel.clone());
            }
        }
        let unchanged = self
            .files
            .keys()
            .filter(|r| hashed::is_hashed_path(r))
            .count()
            - added.len();

        // The headers cover every hashed file present, this version's and
        // the earlier ones'.
        let mut present = files::walk(out)?;
        present.extend(self.files.keys().cloned());
        let (headers, header_rules) = headers_file(&present, self.preamble, self.private);

        let mut replaced = Vec::new();
        let mut late = self.late;
        // `_headers` before the loader and manifests, which make the new
        // files reachable.
        let first_named = late
            .iter()
            .position(|(rel, _)| rel.ends_with(MANIFEST_FILE) || rel.ends_with(".json.br"))
            .unwrap_or(late.len());
        late.insert(first_named, ("_headers".to_string(), headers.into_bytes()));
        for (rel, bytes) in &late {
            files::replace_file(&out.join(rel), bytes)?;
            replaced.push(rel.clone());
        }
        Ok(FolderReport {
            added,
            unchanged,
            replaced,
            header_rules,
        })
    }
}

#[cfg(test)]
mod tests;
