//! Entry points for the cargo-fuzz targets in `fuzz/`. Not a public API.

use std::path::Path;

use crate::content::{Content, parse_article, render_bodies};

/// Parses `text` as an article file and renders its body, as a build would.
pub fn parse_and_render(text: &str) {
    for locale in ["en", "fr"] {
        if let Ok(article) = parse_article(Path::new("fuzz/articles/en/input.md"), locale, text) {
            let mut content = Content {
                articles: vec![article],
                support: None,
                categories: Default::default(),
            };
            let mut problems = Vec::new();
            render_bodies(&mut content, &[], &mut problems);
            let html = &content.articles[0].body_html;
            assert!(
                !html.contains("<script"),
                "the sanitizer let a script through: {html}"
            );
        }
    }
}

/// Parses `text` as a `support.toml`, then asks each accepted schedule
/// what the widget asks, in a zone whose clocks go forward an hour at the
/// epoch (so windows near it fall in a gap).
pub fn parse_support(text: &str) {
    if let Ok(data) = crate::content::parse_support(Path::new("support.toml"), text) {
        let zone = |t: i64| if t < 0 { 60 } else { 120 };
        for region in &data.regions {
            if let Some(schedule) = data.schedule_for(region) {
                for now in [-86_400_000, 0, 3_600_000] {
                    let _ = schedule.status(now, &zone);
                    let _ = schedule.week(now, &zone, &|_| -330);
                    let _ = schedule.closure_at(now, &zone);
                    let _ = schedule.upcoming_closure(now, &zone);
                }
            }
        }
        let _ = data.region_for_country(Some("FR"));
    }
}
