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
//! | `\u{5}` | [`category_term`] | the articles filed under a category |
//!
//! The postings of context, getting-started and category terms carry the article's
//! author-set `weight` in their impact byte ([`weight_impact`]), so that
//! suggestions are ordered before any doc chunk is fetched.

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

/// The term under which the articles filed under category `slug` are
/// indexed: a "browse by category" view lists its postings.
pub fn category_term(slug: &str) -> String {
    format!("\u{5}{slug}")
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

/// The lowest author-set article `weight` the format carries.
pub const MIN_WEIGHT: i32 = -100;

/// The highest author-set article `weight` the format carries.
pub const MAX_WEIGHT: i32 = 100;

/// The impact byte of a context or getting-started posting for an article
/// of `weight` (clamped to [`MIN_WEIGHT`]`..=`[`MAX_WEIGHT`]): `128 + weight`.
pub fn weight_impact(weight: i32) -> u8 {
    (128 + weight.clamp(MIN_WEIGHT, MAX_WEIGHT)) as u8
}

/// The weight a context or getting-started posting's impact byte carries;
/// the inverse of [`weight_impact`].
pub fn impact_weight(impact: u8) -> i32 {
    i32::from(impact) - 128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_the_impact_byte() {
        for w in MIN_WEIGHT..=MAX_WEIGHT {
            assert_eq!(impact_weight(weight_impact(w)), w);
        }
        assert_eq!(impact_weight(weight_impact(1000)), MAX_WEIGHT);
        assert_eq!(impact_weight(weight_impact(-1000)), MIN_WEIGHT);
    }
}
