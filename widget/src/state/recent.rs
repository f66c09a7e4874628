//! The reader's recent searches and recently read articles, shown on the
//! home view while the search box is empty (as Help Scout's Beacon and
//! Algolia's DocSearch do).
//!
//! They stay in this browser: kept in localStorage under
//! [`STORAGE_PREFIX`] and the reader's locale, never sent anywhere. A
//! search is recorded when the reader opens a result, or pauses
//! [`PAUSE_MS`] on a query that found something; not on every keystroke.
//! An article is recorded with its title when it opens, so the list needs
//! no fetch to show. Storage that is missing or throws (private mode, a
//! full quota, a sandboxed frame) only means the lists last as long as
//! the page.
//!
//! The lists themselves are plain values with pure helpers
//! ([`RecentLists`]), tested natively; [`Recent`] is their reactive home.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::navigation::{Navigation, View};
use super::reader::Reader;
use super::search::Search;

/// How many recent searches are kept (and shown).
pub const MAX_SEARCHES: usize = 5;
/// How many recently read articles are kept (and shown).
pub const MAX_ARTICLES: usize = 5;
/// The longest query kept, in characters; a longer one is cut.
pub const MAX_QUERY_CHARS: usize = 100;
/// The longest title kept, in characters; a longer one is cut.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest article id accepted from storage, in bytes.
const MAX_ID_BYTES: usize = 200;
/// How long, in milliseconds, the reader must pause on a query that found
/// something for it to count as a search (about the time a reader takes
/// to read the first results; 800 ms, as the `search` event uses).
pub const PAUSE_MS: u64 = 800;
/// The localStorage key's prefix; the reader's locale follows it. The `v1`
/// is the stored format's version: another version reads as empty.
pub const STORAGE_PREFIX: &str = "help-widget:recent:v1:";
/// The stored value's first line.
const HEADER: &str = "help-widget recent 1";

/// An article the reader opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentArticle {
    /// Its id.
    pub id: String,
    /// Its title when it was read, shown without a fetch.
    pub title: String,
}

/// Recent searches and recently read articles, most recent first, each
/// without duplicates and at most [`MAX_SEARCHES`] and [`MAX_ARTICLES`]
/// long.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecentLists {
    /// Queries, trimmed and with runs of spaces made one.
    pub searches: Vec<String>,
    /// Articles.
    pub articles: Vec<RecentArticle>,
}

/// `text` trimmed, every run of whitespace (tabs and newlines too) made
/// one space, control characters dropped, and cut to `max` characters;
/// `None` when nothing is left.
pub fn normalize(text: &str, max: usize) -> Option<String> {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    let out: String = out.chars().take(max).collect();
    let out = out.trim_end().to_string();
    (!out.is_empty()).then_some(out)
}

/// Whether two normalized queries are the same search: case aside.
fn same_query(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

impl RecentLists {
    /// Records the search `query`, most recent first. An empty query is
    /// ignored; one already listed (whatever its case) moves to the top;
    /// and a query that carries on the most recent one ("pay", then
    /// "payment") replaces it, since the reader kept typing.
    pub fn add_search(&mut self, query: &str) {
        let Some(query) = normalize(query, MAX_QUERY_CHARS) else {
            return;
        };
        let lower = query.to_lowercase();
        if self
            .searches
            .first()
            .is_some_and(|last| lower.starts_with(&last.to_lowercase()))
        {
            self.searches.remove(0);
        }
        self.searches.retain(|q| !same_query(q, &query));
        self.searches.insert(0, query);
        self.searches.truncate(MAX_SEARCHES);
    }

    /// Records that article `id`, titled `title`, was read, most recent
    /// first; an article already listed moves to the top with the new
    /// title. An empty id or title is ignored.
    pub fn add_article(&mut self, id: &str, title: &str) {
        let id = id.trim();
        let Some(title) = normalize(title, MAX_TITLE_CHARS) else {
            return;
        };
        if id.is_empty() || id.len() > MAX_ID_BYTES || id.contains(char::is_whitespace) {
            return;
        }
        self.articles.retain(|a| a.id != id);
        self.articles.insert(
            0,
            RecentArticle {
                id: id.to_string(),
                title,
            },
        );
        self.articles.truncate(MAX_ARTICLES);
    }

    /// Drops the articles `present` says the bundle no longer has.
    pub fn retain_articles(&mut self, mut present: impl FnMut(&str) -> bool) {
        self.articles.retain(|a| present(&a.id));
    }

    /// Whether both lists are empty.
    pub fn is_empty(&self) -> bool {
        self.searches.is_empty() && self.articles.is_empty()
    }

    /// The lists as the text kept in localStorage: a header line, then
    /// one line per entry, `s<TAB>query` or `a<TAB>id<TAB>title`, most
    /// recent first. Normalized values hold no tab or newline.
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        for q in &self.searches {
            out.push_str("\ns\t");
            out.push_str(q);
        }
        for a in &self.articles {
            out.push_str("\na\t");
            out.push_str(&a.id);
            out.push('\t');
            out.push_str(&a.title);
        }
        out
    }

    /// The lists from stored text. Anything unreadable (another format,
    /// a foreign value, a broken line) reads as nothing, line by line:
    /// the good entries are kept, checked and bounded again.
    pub fn decode(text: &str) -> RecentLists {
        let mut lines = text.lines();
        let mut lists = RecentLists::default();
        if lines.next() != Some(HEADER) {
            return lists;
        }
        let mut searches = Vec::new();
        let mut articles = Vec::new();
        for line in lines {
            let mut fields = line.split('\t');
            match (fields.next(), fields.next(), fields.next(), fields.next()) {
                (Some("s"), Some(query), None, None) => searches.push(query),
                (Some("a"), Some(id), Some(title), None) => articles.push((id, title)),
                _ => {}
            }
        }
        // Added oldest first, so that the most recent ends on top and a
        // duplicate keeps its most recent place.
        for query in searches.iter().rev() {
            let Some(query) = normalize(query, MAX_QUERY_CHARS) else {
                continue;
            };
            lists.searches.retain(|q| !same_query(q, &query));
            lists.searches.insert(0, query);
        }
        lists.searches.truncate(MAX_SEARCHES);
        for (id, title) in articles.iter().rev() {
            lists.add_article(id, title);
        }
        lists
    }
}

/// The reactive lists, loaded for the locale the bundle serves the reader
/// (`en` for a reader in `en-US`; the reader's own tag until it loads)
/// and saved on every change.
#[derive(Clone, Copy)]
pub struct Recent {
    /// The lists on show.
    pub lists: RwSignal<RecentLists>,
    locale: Memo<String>,
}

impl Recent {
    /// The lists of the reader's locale, recorded as the reader searches
    /// and reads. Call it under a reactive owner.
    pub fn new(reader: Reader, search: Search, navigation: Navigation) -> Recent {
        let locale = Memo::new(move |_| match reader.engine.get() {
            Some(Ok(engine)) => engine.locale.clone(),
            _ => reader.locale.get(),
        });
        let recent = Recent {
            lists: RwSignal::new(RecentLists::default()),
            locale,
        };
        Effect::new(move |_| {
            recent.lists.set(load(&locale.get()));
        });
        recent.record_opened_articles(reader, search, navigation);
        recent.record_pauses(search);
        recent
    }

    /// Records the search that led to an article, and the article with
    /// its title, whenever one opens (from a result, a suggestion, a link
    /// or the JS API). An id this locale lacks is not recorded.
    fn record_opened_articles(self, reader: Reader, search: Search, navigation: Navigation) {
        Effect::new(move |_| {
            let View::Article(id) = navigation.view.get() else {
                return;
            };
            self.add_search(&search.query.get_untracked());
            let engine = reader.engine;
            spawn_local(async move {
                let Ok(engine) = engine.await else {
                    return;
                };
                let ids = [id];
                if let Ok(Some(title)) = engine.titles(&ids).await.map(|t| t.into_iter().next()) {
                    self.update(|l| l.add_article(&title.id, &title.title));
                }
            });
        });
    }

    /// Records a query the reader pauses on, once it has found something.
    fn record_pauses(self, search: Search) {
        let ticket = StoredValue::new(0u64);
        Effect::new(move |_| {
            let found = search
                .results
                .with(|r| (r.error.is_none() && !r.hits.is_empty()).then(|| r.query.clone()));
            let mine = ticket.get_value() + 1;
            ticket.set_value(mine);
            let Some(query) = found else {
                return;
            };
            set_timeout(
                move || {
                    // `try_`: the panel may be unmounted by then.
                    if ticket.try_get_value() == Some(mine)
                        && search.query.try_get_untracked().as_ref() == Some(&query)
                    {
                        self.add_search(&query);
                    }
                },
                Duration::from_millis(PAUSE_MS),
            );
        });
    }

    /// Records the search `query`.
    pub fn add_search(&self, query: &str) {
        if normalize(query, MAX_QUERY_CHARS).is_some() {
            self.update(|l| l.add_search(query));
        }
    }

    /// Forgets the recent searches.
    pub fn clear_searches(&self) {
        self.update(|l| l.searches.clear());
    }

    /// Forgets the recently read articles.
    pub fn clear_articles(&self) {
        self.update(|l| l.articles.clear());
    }

    /// Drops the articles `present` says the bundle no longer has.
    pub fn retain_articles(&self, present: impl FnMut(&str) -> bool) {
        self.update(|l| l.retain_articles(present));
    }

    /// Changes the lists and saves them, if they changed.
    fn update(&self, change: impl FnOnce(&mut RecentLists)) {
        let Some(lists) = self.lists.try_update(|lists| {
            let before = lists.clone();
            change(lists);
            (*lists != before).then(|| lists.clone())
        }) else {
            return;
        };
        if let Some(lists) = lists {
            save(&self.locale.get_untracked(), &lists);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(locale: &str) -> String {
    let mut key = String::from(STORAGE_PREFIX);
    key.push_str(locale);
    key
}

/// The stored lists of `locale`, or none if storage is unavailable.
fn load(locale: &str) -> RecentLists {
    storage()
        .and_then(|s| s.get_item(&key(locale)).ok().flatten())
        .map(|text| RecentLists::decode(&text))
        .unwrap_or_default()
}

/// Saves `lists` for `locale`; empty lists remove the key. A refusal
/// (private mode, a full quota) leaves the lists in memory only.
fn save(locale: &str, lists: &RecentLists) {
    let Some(storage) = storage() else {
        return;
    };
    let _ = if lists.is_empty() {
        storage.remove_item(&key(locale))
    } else {
        storage.set_item(&key(locale), &lists.encode())
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_trimmed_spaced_once_and_cut() {
        assert_eq!(
            normalize("  Payment \t  threshold\n", 100).as_deref(),
            Some("Payment threshold")
        );
        assert_eq!(normalize(" \t\n ", 100), None);
        assert_eq!(normalize("", 100), None);
        assert_eq!(normalize("a\u{7}b", 100).as_deref(), Some("ab"));
        assert_eq!(normalize("abc def", 4).as_deref(), Some("abc"));
        assert_eq!(
            normalize(&"é".repeat(150), 100).unwrap().chars().count(),
            100
        );
    }

    #[test]
    fn searches_are_deduplicated_most_recent_first_and_bounded() {
        let mut lists = RecentLists::default();
        lists.add_search("   ");
        assert!(lists.searches.is_empty(), "an empty query is not a search");
        for q in ["tax", "sid", "refund", "threshold"] {
            lists.add_search(q);
        }
        lists.add_search("  TAX ");
        assert_eq!(lists.searches, ["TAX", "threshold", "refund", "sid"]);
        for q in ["a1", "b2", "c3"] {
            lists.add_search(q);
        }
        assert_eq!(lists.searches.len(), MAX_SEARCHES);
        assert_eq!(lists.searches, ["c3", "b2", "a1", "TAX", "threshold"]);
    }

    #[test]
    fn a_query_typed_further_replaces_the_last_one() {
        let mut lists = RecentLists::default();
        lists.add_search("tax");
        lists.add_search("pay");
        lists.add_search("payment  sch");
        lists.add_search("Payment schedule");
        assert_eq!(lists.searches, ["Payment schedule", "tax"]);
        // Only the most recent one is carried on.
        lists.add_search("taxes");
        assert_eq!(lists.searches, ["taxes", "Payment schedule", "tax"]);
    }

    #[test]
    fn articles_are_deduplicated_by_id_and_bounded() {
        let mut lists = RecentLists::default();
        lists.add_article("a", "A");
        lists.add_article("b", "B");
        lists.add_article("a", "A, renamed");
        lists.add_article("", "No id");
        lists.add_article("c", "  ");
        lists.add_article("has space", "Bad id");
        assert_eq!(
            lists.articles,
            [
                RecentArticle {
                    id: "a".into(),
                    title: "A, renamed".into()
                },
                RecentArticle {
                    id: "b".into(),
                    title: "B".into()
                },
            ]
        );
        for id in ["c", "d", "e", "f"] {
            lists.add_article(id, id);
        }
        let ids: Vec<&str> = lists.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f", "e", "d", "c", "a"]);
        lists.retain_articles(|id| id != "d");
        let ids: Vec<&str> = lists.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f", "e", "c", "a"]);
    }

    #[test]
    fn the_stored_text_reads_back_equal() {
        let mut lists = RecentLists::default();
        lists.add_search("tax form");
        lists.add_search("Threshold");
        lists.add_article("getting-paid", "Getting paid\tfast\n(now)");
        lists.add_article("sid", "Find your Site ID");
        let text = lists.encode();
        assert_eq!(
            text,
            "help-widget recent 1\ns\tThreshold\ns\ttax form\na\tsid\tFind your Site ID\na\tgetting-paid\tGetting paid fast (now)"
        );
        assert_eq!(RecentLists::decode(&text), lists);
    }

    #[test]
    fn a_corrupt_or_foreign_value_reads_as_nothing_or_its_good_lines() {
        for bad in [
            "",
            "garbage",
            "{\"searches\":[\"tax\"]}",
            "help-widget recent 2\ns\ttax",
            "\u{0}\u{1}",
        ] {
            assert_eq!(RecentLists::decode(bad), RecentLists::default(), "{bad:?}");
        }
        let text = format!(
            "help-widget recent 1\ns\ttax\nx\tunknown\ns\t\ns\ta\tb\na\tno-title\na\tok\tOK\na\t\tNo id\ns\tTAX\ns\t{}\ns\tq1\ns\tq2\ns\tq3\ns\tq4",
            "long ".repeat(40)
        );
        let lists = RecentLists::decode(&text);
        assert_eq!(lists.searches.len(), MAX_SEARCHES);
        assert_eq!(
            lists.searches[0], "tax",
            "a duplicate keeps its most recent place"
        );
        assert_eq!(lists.searches[1].chars().count(), MAX_QUERY_CHARS - 1);
        assert!(
            !lists
                .searches
                .iter()
                .any(|q| q == "TAX" || q.contains('\t'))
        );
        assert_eq!(
            lists.articles,
            [RecentArticle {
                id: "ok".into(),
                title: "OK".into()
            }]
        );
    }
}
