//! Who is reading and what they read: the reader's locale, Site ID and
//! dashboard route, the bundle loaded for that locale, and the embedding
//! page's settings.

use std::rc::Rc;

use help_core::SearchOptions;
use help_core::support::SupportData;
use leptos::prelude::*;

use crate::engine::{Engine, LoadError};
use crate::i18n::{Strings, with_overrides};

/// What the loaded bundle gives the panel: an engine, or why there is none.
pub type EngineResult = Result<Rc<Engine>, LoadError>;

/// Settings from the embedding page that do not change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// Where feedback is POSTed, if anywhere.
    pub feedback_url: Option<String>,
    /// The full help center, for "open in the help center" links.
    pub help_center_url: Option<String>,
    /// Contacts to show when the bundle cannot be loaded.
    pub fallback_support: Option<SupportData>,
    /// The reader's time zone as the page knows it (`data-time-zone`);
    /// the browser's is used when absent or unknown to Intl.
    pub time_zone: Option<String>,
}

/// The reader and their bundle.
#[derive(Clone, Copy)]
pub struct Reader {
    /// The reader's locale.
    pub locale: RwSignal<String>,
    /// The publisher's Site ID.
    pub sid: RwSignal<Option<String>>,
    /// The dashboard route the reader is on.
    pub context: RwSignal<Option<String>>,
    /// The bundle, loading or loaded, for the reader's locale.
    pub engine: LocalResource<EngineResult>,
    /// Settings from the embedding page.
    pub settings: StoredValue<Settings>,
    /// The UI strings: the built-in table for the locale, under the
    /// support data's `[strings]` once it is known.
    strings: Memo<&'static Strings>,
}

impl Reader {
    /// A reader of `locale` on `context`; `load(locale)` loads the bundle,
    /// again whenever the locale changes. Call it under a reactive owner.
    pub fn new<Fut>(
        load: impl Fn(String) -> Fut + 'static,
        context: Option<String>,
        locale: String,
        settings: Settings,
    ) -> Reader
    where
        Fut: Future<Output = EngineResult> + 'static,
    {
        let locale = RwSignal::new(locale);
        let engine = LocalResource::new(move || load(locale.get()));
        let settings = StoredValue::new(settings);
        let strings = Memo::new(move |_| {
            let overrides = support(engine, settings)
                .map(|s| s.strings)
                .unwrap_or_default();
            with_overrides(&locale.get(), &overrides)
        });
        Reader {
            locale,
            sid: RwSignal::new(None),
            context: RwSignal::new(context),
            engine,
            settings,
            strings,
        }
    }

    /// The strings for the reader's locale.
    pub fn ui(&self) -> &'static Strings {
        self.strings.get()
    }

    /// Search options for the current context.
    pub fn search_options(&self) -> SearchOptions {
        SearchOptions {
            context: self.context.get_untracked(),
            ..SearchOptions::default()
        }
    }

    /// Whether the bundle failed to load.
    pub fn failed(&self) -> bool {
        matches!(self.engine.get(), Some(Err(_)))
    }

    /// The support data: the bundle's, else the fallback the loader carries.
    pub fn support(&self) -> Option<SupportData> {
        support(self.engine, self.settings)
    }
}

/// The bundle's support data, else the loader's fallback.
fn support(
    engine: LocalResource<EngineResult>,
    settings: StoredValue<Settings>,
) -> Option<SupportData> {
    match engine.get() {
        Some(Ok(engine)) if engine.support.is_some() => engine.support.clone(),
        _ => settings.with_value(|s| s.fallback_support.clone()),
    }
}
