//! Reserved terms: entries of the term shards that are not words.
//!
//! Each starts with a control character, which the text pipeline never
//! produces, so no query word can collide with one. The builder writes them
//! (`build`) and the query engine looks them up (`search`);
//! both take them from here.
//!
//! | first char | term | postings |
//! | --- | --- | --- |
//! | `\u{1}` | [`id_term`] | the article with that id |
//! | `\u{2}` | [`context_term`] | articles declaring that route pattern |
//! | `\u{3}` | [`STARTER_TERM`] | the getting-started articles |
//! | `\u{4}` | [`prefix_term`] | the best documents for a short prefix |

/// The term under which an article's id is indexed. It starts with a
/// control character, which the text pipeline never produces.
pub fn id_term(id: &str) -> String {
    format!("\u{1}{id}")
}

/// The reserved term listing the getting-started articles.
pub const STARTER_TERM: &str = "\u{3}starter";

/// The term under which articles declaring the route pattern `pattern` in
/// their `contexts` are indexed.
pub fn context_term(pattern: &str) -> String {
    format!("\u{2}{pattern}")
}

/// The term that stands for every word starting with `prefix` (1 to
/// [`PREFIX_TERM_CHARS`] letters): its postings are the
/// [`PREFIX_TERM_DOCS`] documents where such words weigh most.
pub fn prefix_term(prefix: &str) -> String {
    format!("\u{4}{prefix}")
}

/// Prefixes up to this many letters get a precomputed [`prefix_term`], so
/// that the first keystrokes need one small lookup, not every completion.
pub const PREFIX_TERM_CHARS: usize = 3;

/// How many documents a [`prefix_term`] lists.
pub const PREFIX_TERM_DOCS: usize = 200;
