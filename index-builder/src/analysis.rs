//! The build-side text pipeline: elasticlunr-rs 3.1's tokenizer, stop word
//! filters and stemmers, with the trimmer `help-core` shares with the
//! widget in place of elasticlunr's own.
//!
//! Two changes against stock elasticlunr, each on both sides:
//! - the trimmer is [`help_core::text::trim`], which keeps accented letters
//!   in every language and drops French elisions;
//! - English stems with the Snowball English stemmer (via elasticlunr's
//!   `RustStemmer`) rather than elasticlunr's Porter port, so the widget
//!   needs only rust-stemmers.
//!
//! A locale whose language elasticlunr-rs does not stem
//! ([`Language::Unstemmed`]) gets elasticlunr's tokenizer and the shared
//! trimmer only, as the widget does.
//!
//! `tests/differential.rs` proves this pipeline and the widget's give the
//! same terms for every token of the example and benchmark corpora.

use elasticlunr::Language as ElasticLanguage;
use elasticlunr::lang::common::RustStemmer;
use elasticlunr::pipeline::{Pipeline, PipelineFn};
use help_core::Language;

/// The shared trimmer as an elasticlunr pipeline step.
struct SharedTrimmer(Language);

impl PipelineFn for SharedTrimmer {
    fn name(&self) -> String {
        "help-widget-trimmer".into()
    }

    fn filter(&self, token: String) -> Option<String> {
        let trimmed = help_core::text::trim(&token, self.0);
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }
}

/// elasticlunr-rs's name for a stemmed language (its Dutch module is `du`,
/// after lunr-languages), or `None` for [`Language::Unstemmed`].
pub(crate) fn elasticlunr_code(language: Language) -> Option<&'static str> {
    match language {
        Language::Dutch => Some("du"),
        Language::Unstemmed => None,
        other => Some(other.code()),
    }
}

/// Analyzes text into index terms for one language.
pub struct BuildAnalyzer {
    language: Box<dyn ElasticLanguage>,
    pipeline: Pipeline,
}

impl std::fmt::Debug for BuildAnalyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildAnalyzer")
            .field("language", &self.language.code())
            .finish()
    }
}

impl BuildAnalyzer {
    /// The pipeline for `language`: elasticlunr's with the shared trimmer
    /// for a stemmed language; for [`Language::Unstemmed`], elasticlunr's
    /// tokenizer and the shared trimmer alone.
    pub fn new(language: Language) -> BuildAnalyzer {
        let Some(code) = elasticlunr_code(language) else {
            return BuildAnalyzer {
                language: Box::new(elasticlunr::lang::English::new()),
                pipeline: Pipeline {
                    queue: vec![Box::new(SharedTrimmer(language))],
                },
            };
        };
        let elastic = elasticlunr::lang::from_code(code)
            .expect("elasticlunr-rs is built with every language help-core stems");
        let mut pipeline = elastic.make_pipeline();
        let names: Vec<String> = pipeline.queue.iter().map(|step| step.name()).collect();
        assert!(
            names.len() == 3
                && names[0].starts_with("trimmer")
                && names[1].starts_with("stopWordFilter")
                && names[2].starts_with("stemmer"),
            "unexpected elasticlunr pipeline {names:?}"
        );
        pipeline.queue[0] = Box::new(SharedTrimmer(language));
        if language == Language::English {
            pipeline.queue[2] = Box::new(RustStemmer::new(
                "stemmer-en",
                rust_stemmers::Algorithm::English,
            ));
        }
        BuildAnalyzer {
            language: elastic,
            pipeline,
        }
    }

    /// The index terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.pipeline.run(self.language.tokenize(text))
    }

    /// elasticlunr's tokens of `text`, before the pipeline.
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        self.language.tokenize(text)
    }

    /// The pipeline's output for one token.
    pub fn term(&self, token: &str) -> Option<String> {
        self.pipeline.run(vec![token.to_string()]).pop()
    }
}
