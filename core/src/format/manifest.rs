//! `manifest.json`: the bundle's table of contents, the one file that is
//! not named by a hash (it is served with a short cache).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{DecodeError, FORMAT_VERSION};

/// The manifest's file name, at the root of a bundle folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// Who a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Anyone: holds nothing of a signed-in article.
    Public,
    /// Signed-in publishers: holds every article.
    SignedIn,
}

/// The bundle's table of contents, stored as `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// Who the bundle is for.
    pub audience: Audience,
    /// The locale to use when the reader's locale has no index.
    pub default_locale: String,
    /// One entry per locale, keyed by locale tag (`en`, `fr`, `pt-BR`).
    pub locales: BTreeMap<String, LocaleEntry>,
    /// File name of the support hours and contacts (JSON), if the help
    /// center has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
}

/// What the bundle holds for one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleEntry {
    /// File name of the locale's root, relative to the manifest.
    pub root: String,
    /// How many articles the locale holds.
    pub articles: u32,
}

impl Manifest {
    /// The manifest as pretty, deterministic JSON (keys in a fixed order).
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a manifest always serializes");
        json.push('\n');
        json
    }

    /// Reads a manifest, checking its format version before anything else.
    pub fn from_json(bytes: &[u8]) -> Result<Manifest, DecodeError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            format_version: Option<u32>,
        }
        let probe: VersionOnly =
            serde_json::from_slice(bytes).map_err(|e| DecodeError::Manifest(e.to_string()))?;
        Manifest::check_version(probe.format_version)?;
        serde_json::from_slice(bytes).map_err(|e| DecodeError::Manifest(e.to_string()))
    }

    /// Whether a manifest's `format_version` field (`None` if missing) is
    /// one this build reads: the one version check, for every reader of a
    /// manifest (this crate's [`Manifest::from_json`], the widget's walker).
    pub fn check_version(found: Option<u32>) -> Result<(), DecodeError> {
        match found {
            Some(FORMAT_VERSION) => Ok(()),
            Some(found) => Err(DecodeError::UnsupportedVersion {
                found,
                supported: FORMAT_VERSION,
            }),
            None => Err(DecodeError::Manifest(
                "missing field `format_version`".into(),
            )),
        }
    }

    /// The locale to serve for `locale`: itself, then its base language
    /// (`pt` for `pt-PT`), then any region of that language (`pt-BR`), then
    /// the default locale.
    pub fn locale(&self, locale: &str) -> Option<(&str, &LocaleEntry)> {
        let lower = locale.replace('_', "-").to_ascii_lowercase();
        let base = lower.split('-').next().unwrap_or(&lower).to_string();
        let find = |pred: &dyn Fn(&str) -> bool| {
            self.locales
                .iter()
                .find(|(tag, _)| pred(&tag.to_ascii_lowercase()))
                .map(|(t, e)| (t.as_str(), e))
        };
        find(&|tag| tag == lower)
            .or_else(|| find(&|tag| tag == base))
            .or_else(|| find(&|tag| tag.split('-').next() == Some(base.as_str())))
            .or_else(|| {
                self.locales
                    .get_key_value(&self.default_locale)
                    .map(|(t, e)| (t.as_str(), e))
            })
    }
}
