//! Exporting content as an elasticlunr.js index, for tools that read that
//! format rather than our bundle.
//!
//! The index is built by elasticlunr-rs with its stock language pipeline
//! (not the builder's shared trimmer), so elasticlunr.js 0.9 with
//! lunr-languages loads and queries it exactly: `elasticlunr.Index.load(json)`.
//! French, German and Portuguese indexes name the `trimmer-fr`,
//! `stopWordFilter-fr`, `stemmer-fr` (and so on) pipeline functions, which
//! lunr-languages registers; `pt-BR` content uses elasticlunr's `pt`, and
//! any regional variant its base language's. Of the other stemmed languages
//! (see `help_core::Language`), Dutch is `du`, as in lunr-languages. A
//! locale the builder indexes unstemmed cannot be exported.
//! (Checked by hand with elasticlunr 0.9.5 and lunr-languages 1.0.0 from
//! npm, in all four locales. That lunr-languages targets lunr 2, so with
//! elasticlunr it needs `elasticlunr.generateStopWordFilter` defined before
//! it loads: a function from a word list to a filter that returns
//! `undefined` for those words.)
//!
//! Fields are `title`, `tags`, `summary` and `body`; the ref is the article
//! id; the document store keeps `id`, `title` and `summary` of each article.
//!
//! elasticlunr.js boosts fields when searching, not when indexing, and its
//! scoring divides by field length, so repeating a title in the index would
//! not boost it either. The title boost therefore travels as the search
//! options of [`elasticlunr_search_config`], to pass to `index.search`.

use std::io;
use std::path::{Path, PathBuf};

use elasticlunr::IndexBuilder;
use help_core::{Audience, FieldWeights};
use serde_json::Value;

use crate::analysis::elasticlunr_code;
use crate::content::{Content, Visibility, check_locale_tag};

/// The index's fields, in order.
pub const ELASTICLUNR_FIELDS: [&str; 4] = ["title", "tags", "summary", "body"];

/// The document fields kept in the index's document store.
const STORED_FIELDS: [&str; 3] = ["id", "title", "summary"];

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The locale is not a locale tag.
    #[error("{why}")]
    UnknownLocale {
        /// The locale asked for.
        locale: String,
        /// What is wrong with it.
        why: String,
    },
    /// elasticlunr has no pipeline for the locale's language: the builder
    /// indexes it unstemmed, which elasticlunr.js cannot reproduce.
    #[error(
        "locale `{locale}` cannot be exported: elasticlunr has no pipeline for its language \
         (it stems {})",
        help_core::Language::ALL.iter().filter(|l| l.is_stemmed()).map(|l| l.code()).collect::<Vec<_>>().join(", ")
    )]
    NoPipeline {
        /// The locale asked for.
        locale: String,
    },
    /// No article of the locale is visible to the audience.
    #[error("no {audience} article in locale `{locale}` to export")]
    NoArticles {
        /// The locale asked for.
        locale: String,
        /// `public` or `signed-in`.
        audience: &'static str,
    },
    /// Writing the file failed; what was there before is left as it was.
    #[error("writing {}: {source}", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// An elasticlunr.js index in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct ElasticlunrExport {
    /// The index as elasticlunr.js serializes it, compact JSON.
    pub json: String,
    /// How many articles it holds.
    pub articles: usize,
    /// The elasticlunr language code of its pipeline (`en`, `fr`, `pt`, `du`…).
    pub language: String,
}

/// Builds the elasticlunr.js index of `locale`'s articles that `audience`
/// may read: a public index holds no signed-in article.
///
/// The same content gives the same bytes.
pub fn export_elasticlunr(
    content: &Content,
    locale: &str,
    audience: Audience,
) -> Result<ElasticlunrExport, ExportError> {
    check_locale_tag(locale).map_err(|why| ExportError::UnknownLocale {
        locale: locale.to_string(),
        why,
    })?;
    let language = elasticlunr_code(help_core::Language::from_locale(locale)).ok_or_else(|| {
        ExportError::NoPipeline {
            locale: locale.to_string(),
        }
    })?;
    let lang = elasticlunr::lang::from_code(language)
        .expect("elasticlunr-rs is built with every language help-core stems");
    let mut index = IndexBuilder::with_language(lang)
        .add_fields(ELASTICLUNR_FIELDS)
        .set_ref("id")
        .save_docs(true)
        .build();
    let mut articles = 0;
    for article in content.articles.iter().filter(|a| a.locale == locale) {
        let front = &article.front;
        if front.visibility == Visibility::SignedIn && audience == Audience::Public {
            continue;
        }
        let tags = front.tags.join("\n");
        let summary = front.summary.as_deref().unwrap_or_default();
        index.add_doc(
            &front.id,
            [front.title.as_str(), &tags, summary, &article.body_text],
        );
        articles += 1;
    }
    if articles == 0 {
        let audience = match audience {
            Audience::Public => "public",
            Audience::SignedIn => "signed-in",
        };
        return Err(ExportError::NoArticles {
            locale: locale.to_string(),
            audience,
        });
    }

    // elasticlunr-rs stores every field of a document; keep only the few a
    // results list shows, so the file does not carry every body twice.
    let mut value = serde_json::to_value(&index).expect("an elasticlunr index serializes");
    if let Some(Value::Object(docs)) = value.pointer_mut("/documentStore/docs") {
        for doc in docs.values_mut() {
            if let Value::Object(fields) = doc {
                fields.retain(|name, _| STORED_FIELDS.contains(&name.as_str()));
            }
        }
    }
    let json = serde_json::to_string(&value).expect("JSON values serialize");
    Ok(ElasticlunrExport {
        json,
        articles,
        language: language.to_string(),
    })
}

/// The options to search an exported index with in elasticlunr.js:
/// `index.search(query, options)`. Field boosts are the builder's default
/// [`FieldWeights`] (title 8, tags 4, summary 1.5, body 1), so a title match
/// ranks first as in the widget; `expand` matches the last word as a prefix.
pub fn elasticlunr_search_config() -> Value {
    let weights = FieldWeights::default().weight;
    let fields: serde_json::Map<String, Value> = ELASTICLUNR_FIELDS
        .iter()
        .zip(weights)
        .map(|(field, boost)| (field.to_string(), serde_json::json!({ "boost": boost })))
        .collect();
    serde_json::json!({ "fields": fields, "bool": "OR", "expand": true })
}

/// Writes `export` to the file `out`, atomically: into a temporary sibling
/// file first, which then takes `out`'s place by rename.
pub fn write_elasticlunr(export: &ElasticlunrExport, out: &Path) -> Result<(), ExportError> {
    crate::output::replace_file(out, export.json.as_bytes()).map_err(|source| ExportError::Write {
        path: out.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_config_boosts_the_title_most() {
        let config = elasticlunr_search_config();
        let boost = |field: &str| config["fields"][field]["boost"].as_f64().unwrap();
        assert!(
            boost("title") > boost("tags") && boost("tags") > boost("body"),
            "{config}"
        );
    }
}
