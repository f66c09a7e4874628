//! The rules between a help center's article ids: an id is used once per
//! locale, and a translation shares its English article's id.

use std::collections::HashMap;

use super::article::{Article, Content};
use super::front_matter::key_line;
use super::locales::FALLBACK_LOCALE;
use crate::diagnostics::Problem;

/// Reports ids used twice in one locale, and translations whose id no
/// English article has (when there are English articles at all).
pub(super) fn check_ids(content: &Content, problems: &mut Vec<Problem>) {
    let mut first_by_key: HashMap<(&str, &str), &Article> = HashMap::new();
    for article in &content.articles {
        let key = (article.locale.as_str(), article.front.id.as_str());
        match first_by_key.get(&key) {
            Some(first) => problems.push(Problem::line(
                &article.path,
                id_line(article),
                format!(
                    "duplicate article id `{}`, already used by {}",
                    article.front.id,
                    first.path.display()
                ),
            )),
            None => {
                first_by_key.insert(key, article);
            }
        }
    }
    let has_fallback = content.articles.iter().any(|a| a.locale == FALLBACK_LOCALE);
    for article in content
        .articles
        .iter()
        .filter(|a| a.locale != FALLBACK_LOCALE && has_fallback)
    {
        if !first_by_key.contains_key(&(FALLBACK_LOCALE, article.front.id.as_str())) {
            problems.push(Problem::line(
                &article.path,
                id_line(article),
                format!(
                    "translation of `{}`, which has no {FALLBACK_LOCALE} article; translations share the English article's id",
                    article.front.id
                ),
            ));
        }
    }
}

/// The line of the article's `id = …`, read again from its file, or 1.
fn id_line(article: &Article) -> usize {
    std::fs::read_to_string(&article.path).map_or(1, |text| key_line(&text, "id"))
}
