//! The preview's host page: a neutral stand-in for the author's dashboard
//! that embeds the widget the way a dashboard does, with one script tag.
//! Everything taken from the query string or the content is escaped;
//! the page's own script is a file, so it runs under a strict policy.

use std::path::Path;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::Built;

/// The page's Content-Security-Policy: the one the README recommends for
/// dashboards, with images from anywhere (articles may show remote ones).
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'";

pub(crate) const PREVIEW_JS: &str = include_str!("preview.js");
pub(crate) const PREVIEW_CSS: &str = include_str!("preview.css");

/// The controls' values, from the page's query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Controls {
    /// The dashboard route the reader is on.
    pub(crate) route: String,
    /// The reader's locale; empty for the browser's.
    pub(crate) locale: String,
    /// `public` or `signed-in`.
    pub(crate) audience: String,
    /// An IANA time zone; empty for the browser's.
    pub(crate) time_zone: String,
}

impl Controls {
    pub(crate) fn from_query(query: &str) -> Controls {
        let get = |key| query_param(query, key).unwrap_or_default();
        let route = get("route");
        Controls {
            route: if route.starts_with('/') {
                route
            } else {
                "/".into()
            },
            locale: get("locale"),
            audience: if get("audience") == "signed-in" {
                "signed-in".into()
            } else {
                "public".into()
            },
            time_zone: get("tz"),
        }
    }
}

/// The value of `key` in a query string, decoded.
pub(crate) fn query_param(query: &str, key: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
}

/// `{"version", "generation", "problems", "summary"}` for the page's poll.
pub(crate) fn state_json(built: &Built) -> String {
    serde_json::json!({
        "version": built.version,
        "generation": built.generation,
        "problems": built.problems,
        "summary": built.summary,
    })
    .to_string()
}

fn option(value: &str, label: &str, selected: bool) -> String {
    format!(
        "<option value=\"{}\"{}>{}</option>",
        attr(value),
        if selected { " selected" } else { "" },
        text(label)
    )
}

/// The host page for these controls.
pub(crate) fn host_page(controls: &Controls, dir: &Path, built: &Built) -> String {
    let locales: Vec<String> = built
        .public
        .as_ref()
        .map(|b| b.manifest.locales.keys().cloned().collect())
        .unwrap_or_default();
    let mut locale_options = option("", "The browser's", controls.locale.is_empty());
    for locale in &locales {
        locale_options.push_str(&option(locale, locale, *locale == controls.locale));
    }
    if !controls.locale.is_empty() && !locales.contains(&controls.locale) {
        locale_options.push_str(&option(&controls.locale, &controls.locale, true));
    }
    let audience_options = option("public", "Public", controls.audience == "public")
        + &option(
            "signed-in",
            "Signed-in publisher",
            controls.audience == "signed-in",
        );
    let bundle = if controls.audience == "signed-in" {
        "/bundle-signed-in/"
    } else {
        "/bundle/"
    };
    let mut data = format!("data-bundle=\"{bundle}\"");
    if !controls.locale.is_empty() {
        data.push_str(&format!(" data-locale=\"{}\"", attr(&controls.locale)));
    }
    if !controls.time_zone.is_empty() {
        data.push_str(&format!(
            " data-time-zone=\"{}\"",
            attr(&controls.time_zone)
        ));
    }
    let routes: String = built
        .routes
        .iter()
        .map(|r| format!("<option value=\"{}\">", attr(r)))
        .collect();
    let problems = built.problems.as_deref().unwrap_or("");
    format!(
        "<!doctype html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>Help preview: {name}</title>
<link rel=\"stylesheet\" href=\"/_preview/preview.css\">
</head>
<body>
<header class=\"bar\">
<strong>Help preview</strong> <span class=\"muted\">{dir}</span>
<span id=\"status\" class=\"muted\" role=\"status\">{summary}</span>
</header>
<form class=\"controls\" method=\"get\" action=\"/\">
<label>Route <input name=\"route\" value=\"{route}\" list=\"routes\" spellcheck=\"false\"></label>
<datalist id=\"routes\">{routes}</datalist>
<label>Locale <select name=\"locale\">{locale_options}</select></label>
<label>Audience <select name=\"audience\">{audience_options}</select></label>
<label>Time zone <select name=\"tz\" id=\"tz\" data-value=\"{tz}\"><option value=\"\">The browser's</option></select></label>
<button type=\"submit\">Apply</button>
</form>
<main>
<h1>Your dashboard</h1>
<p>This page stands in for the dashboard that embeds the help widget: open
it with the button in the corner. Save any file in the content folder and
the widget reloads with it within a second; a mistake shows here, with its
file and line, while the last good build stays served.</p>
<p>To try it in your own dashboard, include this tag there; this server
allows any origin:</p>
<pre id=\"snippet\"></pre>
</main>
<section id=\"overlay\" class=\"overlay\" role=\"alert\" aria-labelledby=\"overlay-title\"{hidden}>
<h2 id=\"overlay-title\">The content has problems</h2>
<pre id=\"problems\">{problems}</pre>
<p>The widget still shows the last good build. Fix the file and save: this
message goes away by itself.</p>
</section>
<script src=\"/widget/help-widget.js\" {data}></script>
<script src=\"/_preview/preview.js\"></script>
</body>
</html>
",
        name = text(&dir.file_name().unwrap_or_default().to_string_lossy()),
        dir = text(&dir.display().to_string()),
        summary = text(&built.summary),
        route = attr(&controls.route),
        tz = attr(&controls.time_zone),
        hidden = if problems.is_empty() { " hidden" } else { "" },
        problems = text(problems),
    )
}
