//! Reading a help-center content folder: articles and `support.toml`.
//!
//! Every problem is collected, not just the first: authors fix a whole
//! folder in one round. Each names the file and, where there is one, the line.
//!
//! The steps, each in its own module: [`files`] reads the locale folders,
//! [`article`] parses each file (its front matter through [`front_matter`]),
//! [`locales`] checks ids across locales, [`links`] resolves links while
//! [`render`] turns Markdown into sanitized HTML (the images it shows
//! read by [`images`]), and [`support`] reads
//! `support.toml` (its phone schedules checked by [`schedule`]). This
//! module only runs them in order.

mod article;
mod categories;
mod files;
mod front_matter;
mod ids;
mod images;
mod links;
mod locales;
mod render;
mod schedule;
mod strings;
mod support;

use std::path::Path;

pub use article::{Article, Content, ContentCounts, parse_article};
pub use categories::{CATEGORIES_FILE, Categories, CategorySpec, parse_categories};
pub use files::MAX_ARTICLE_BYTES;
pub use front_matter::{FrontMatter, GETTING_STARTED, VideoSpec, Visibility, VotesSpec};
pub use images::{ArticleImage, MAX_IMAGE_BYTES};
pub use locales::{FALLBACK_LOCALE, LOCALES, check_locale_tag, unstemmed_notes};
pub use render::sanitizer;
pub use support::parse_support;

use crate::diagnostics::{Problem, Problems};

/// Reads and checks every `articles/<locale>/*.md` under `dir`, and its
/// `support.toml` and `categories.toml` if there are.
///
/// On any problem, returns all of them, sorted by file and line.
pub fn load_content(dir: &Path) -> Result<Content, Problems> {
    let files::Read {
        articles,
        unparsed,
        mut problems,
    } = files::read_articles(dir)?;
    let mut content = Content {
        articles,
        support: None,
        categories: Categories::default(),
    };
    ids::check_ids(&content, &mut problems);
    render_bodies(&mut content, &unparsed, &mut problems);
    match support::load_support(dir) {
        Ok(support) => content.support = support,
        Err(mut found) => problems.append(&mut found),
    }
    match categories::load_categories(
        dir,
        content
            .articles
            .iter()
            .map(|a| (a.path.as_path(), a.front.category.as_str())),
    ) {
        Ok(categories) => content.categories = categories,
        Err(mut found) => problems.append(&mut found),
    }
    if problems.is_empty() {
        Ok(content)
    } else {
        problems.sort();
        problems.dedup();
        Err(Problems(problems))
    }
}

/// Renders every body to sanitized HTML, resolving and checking links. A
/// link to one of the `unparsed` files is not a problem of its own: that
/// file's problems are reported already.
pub(crate) fn render_bodies(
    content: &mut Content,
    unparsed: &[files::Unparsed],
    problems: &mut Vec<Problem>,
) {
    let links = links::Links::new(&content.articles, unparsed);
    let sanitizer = sanitizer();
    for article in &mut content.articles {
        let mut shown: Vec<ArticleImage> = Vec::new();
        let mut image_problems = Vec::new();
        let anchors: Vec<String> = article.sections.iter().map(|s| s.anchor.clone()).collect();
        let html = render::to_html(
            &article.body_markdown,
            article.body_line,
            &anchors,
            &sanitizer,
            |dest, line| {
                links.resolve(dest, article).unwrap_or_else(|message| {
                    problems.push(Problem::line(&article.path, line, message));
                    dest.to_string()
                })
            },
            |dest, line| match images::resolve(dest, &article.path) {
                Ok(None) => dest.to_string(),
                Ok(Some(image)) => {
                    let name = image.name.clone();
                    if !shown.iter().any(|i| i.name == name) {
                        shown.push(image);
                    }
                    name
                }
                Err(message) => {
                    image_problems.push(Problem::line(&article.path, line, message));
                    dest.to_string()
                }
            },
        );
        problems.append(&mut image_problems);
        article.body_html = html;
        article.images = shown;
    }
}
