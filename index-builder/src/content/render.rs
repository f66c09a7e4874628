//! Markdown to sanitized HTML, and to plain text, with pulldown-cmark and
//! ammonia. Pure functions of text: which article a link goes to is
//! decided by the caller.

use std::collections::BTreeSet;

use help_core::format::SECTION_ID_PREFIX;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether a heading starts a section: h2 and h3 do (h1 is the title's
/// level; h4 and deeper are too fine to jump to).
fn is_section(level: HeadingLevel) -> bool {
    matches!(level, HeadingLevel::H2 | HeadingLevel::H3)
}

/// The HTML sanitizer for article bodies: no scripts, no event handlers,
/// no inline styles, no `javascript:` or `data:` URLs, no frames or forms.
/// Images keep their `src`, `alt`, `width` and `height` (which reserve their
/// space before they load), and always get `loading="lazy"` and
/// `decoding="async"`, whatever the author wrote: an image far down an
/// article costs nothing until the reader scrolls to it.
pub fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .rm_tags(["img"])
        .add_tags(["img"])
        .add_tag_attributes("img", ["src", "alt", "width", "height"])
        .set_tag_attribute_value("img", "loading", "lazy")
        .set_tag_attribute_value("img", "decoding", "async")
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .id_prefix(Some(SECTION_ID_PREFIX));
    // ammonia keeps `cite` on quotes and edits without checking its scheme,
    // so `javascript:` would pass there; readers never see it anyway.
    for tag in ["blockquote", "q", "del", "ins"] {
        builder.rm_tag_attributes(tag, ["cite"]);
    }
    builder
}

/// `markdown` as sanitized HTML. `first_line` is the file line the
/// Markdown starts on; `anchors` are the ids of its section headings, in
/// order (from [`outline`]); `link` gets each link's destination and its
/// file line, and returns the destination to write; `image` does the same
/// for each Markdown image's source.
pub(super) fn to_html(
    markdown: &str,
    first_line: usize,
    anchors: &[String],
    sanitizer: &ammonia::Builder<'_>,
    mut link: impl FnMut(&str, usize) -> String,
    mut image: impl FnMut(&str, usize) -> String,
) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let mut anchors = anchors.iter();
    let events = Parser::new_ext(markdown, markdown_options())
        .into_offset_iter()
        .map(|(event, range)| match event {
            Event::Start(Tag::Heading { level, .. }) => Event::Start(Tag::Heading {
                level,
                id: is_section(level)
                    .then(|| anchors.next())
                    .flatten()
                    .map(|a| CowStr::from(a.clone())),
                classes: Vec::new(),
                attrs: Vec::new(),
            }),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let line = line_at(range.start);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(link(&dest_url, line)),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let line = line_at(range.start);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(image(&dest_url, line)),
                    title,
                    id,
                })
            }
            other => other,
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    canonical_image_attributes(&sanitizer.clean(&html).to_string())
}

/// ammonia adds the attributes it sets (`loading`, `decoding`) from a hash
/// map, so in either order; the same content must give the same bytes.
/// They come last in the tag, and a `>` of text is always escaped, so this
/// only ever matches inside an `<img>` tag.
fn canonical_image_attributes(html: &str) -> String {
    html.replace(
        " decoding=\"async\" loading=\"lazy\">",
        " loading=\"lazy\" decoding=\"async\">",
    )
}

/// A Markdown document's readable text and its sections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Outline {
    /// The text, blocks separated by newlines.
    pub text: String,
    /// Its sections (h2 and h3 headings), in order.
    pub sections: Vec<OutlineSection>,
    /// Problems with the headings' ids, each with its file line.
    pub problems: Vec<(usize, String)>,
}

/// One h2 or h3 heading of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OutlineSection {
    /// Its anchor: the author's `{#id}`, else a slug of its text, made
    /// unique in the document with `-2`, `-3`….
    pub anchor: String,
    /// Its text.
    pub heading: String,
    /// 2 or 3.
    pub level: u8,
    /// Where its text starts in [`Outline::text`].
    pub start: usize,
    /// Its file line.
    pub line: usize,
}

/// The readable text of a Markdown document, blocks separated by newlines,
/// with its sections. `first_line` is the file line the Markdown starts on.
pub(super) fn outline(markdown: &str, first_line: usize) -> Outline {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let mut out = Outline::default();
    // (explicit id, level, start, line) of the heading being read.
    let mut open: Option<(Option<String>, u8, usize, usize)> = None;
    let mut found: Vec<(Option<String>, String, u8, usize, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) if is_section(level) => {
                let level = if level == HeadingLevel::H2 { 2 } else { 3 };
                open = Some((
                    id.map(|i| i.to_string()),
                    level,
                    out.text.len(),
                    line_at(range.start),
                ));
            }
            Event::Text(text) | Event::Code(text) => out.text.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.text.push(' '),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, level, start, line)) = open.take() {
                    let heading = out.text[start..].trim().to_string();
                    found.push((id, heading, level, start, line));
                }
                out.text.push('\n');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => out.text.push('\n'),
            _ => {}
        }
    }
    // The authors' ids first: a slug never takes one of them.
    let mut used = BTreeSet::new();
    for (id, _, _, _, line) in &found {
        let Some(id) = id else { continue };
        if !is_anchor(id) {
            out.problems.push((
                *line,
                format!("section id `{id}` may only hold letters, digits, `-` and `_`"),
            ));
        } else if !used.insert(id.clone()) {
            out.problems
                .push((*line, format!("two sections have the id `{id}`")));
        }
    }
    for (id, heading, level, start, line) in found {
        let anchor = match id {
            Some(id) => id,
            None => {
                let base = slug(&heading);
                let mut anchor = base.clone();
                let mut n = 2;
                while used.contains(&anchor) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                used.insert(anchor.clone());
                anchor
            }
        };
        out.sections.push(OutlineSection {
            anchor,
            heading,
            level,
            start,
            line,
        });
    }
    out
}

/// Whether `id` may be a section's anchor: letters, digits, `-`, `_`.
fn is_anchor(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// A heading's text as an anchor: lowercased letters and digits, words
/// joined by `-`; `section` for a heading with neither.
fn slug(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizer_removes_script_handlers_styles_and_bad_urls() {
        let dirty = r#"<p style="color:red" onclick="x()">hi</p><script>alert(1)</script><a href="javascript:alert(1)">a</a><a href="https://example.com">b</a><img src="data:image/png;base64,AAAA" onerror="x()"><iframe src="https://e.com"></iframe>"#;
        let clean = sanitizer().clean(dirty).to_string();
        for bad in [
            "style",
            "onclick",
            "<script",
            "javascript:",
            "data:",
            "onerror",
            "<iframe",
        ] {
            assert!(!clean.contains(bad), "{bad} survived: {clean}");
        }
        assert!(
            clean.contains(r#"<a href="https://example.com" rel="noopener noreferrer">b</a>"#),
            "{clean}"
        );
        let quote = sanitizer()
            .clean(r#"<blockquote cite="javascript:alert(1)">q</blockquote>"#)
            .to_string();
        assert_eq!(quote, "<blockquote>q</blockquote>");
    }

    #[test]
    fn images_are_lazy_and_keep_their_alt_text() {
        let clean = sanitizer()
            .clean(r#"<img src="https://example.com/a.png" alt="The payouts chart" width="600" height="300" loading="eager" decoding="sync" onload="x()" style="width:9999px">"#)
            .to_string();
        for kept in [
            r#"src="https://example.com/a.png""#,
            r#"alt="The payouts chart""#,
            r#"width="600""#,
            r#"height="300""#,
            r#"loading="lazy""#,
            r#"decoding="async""#,
        ] {
            assert!(clean.contains(kept), "{kept} missing: {clean}");
        }
        for gone in ["eager", "decoding=\"sync\"", "onload", "style"] {
            assert!(!clean.contains(gone), "{gone} survived: {clean}");
        }
        let markdown = to_html(
            "Text\n\n![A chart](c.svg)",
            4,
            &[],
            &sanitizer(),
            |d, _| d.into(),
            |d, line| {
                assert_eq!((d, line), ("c.svg", 6));
                "https://example.com/c.svg".into()
            },
        );
        assert!(
            markdown.contains(r#"<img src="https://example.com/c.svg" alt="A chart" loading="lazy" decoding="async">"#),
            "{markdown}"
        );
        for _ in 0..20 {
            let again = to_html(
                "![A chart](c.svg)",
                1,
                &[],
                &sanitizer(),
                |d, _| d.into(),
                |d, _| d.into(),
            );
            assert!(
                again.contains(r#"loading="lazy" decoding="async">"#),
                "one order always: {again}"
            );
        }
    }

    #[test]
    fn links_are_rewritten_with_their_file_line() {
        let mut seen = Vec::new();
        let html = to_html(
            "Intro\n\nSee [a](article:x).\n",
            7,
            &[],
            &sanitizer(),
            |dest, line| {
                seen.push((dest.to_string(), line));
                "#article:x".into()
            },
            |d, _| d.into(),
        );
        assert_eq!(seen, [("article:x".to_string(), 9)]);
        assert!(html.contains(r##"<a href="#article:x""##), "{html}");
    }

    #[test]
    fn sections_are_h2_and_h3_with_unique_anchors_and_ids_in_the_html() {
        let markdown = "Intro text.\n\n## Payment threshold\n\nOnce you earn €50.\n\n### Fees\n\nNone.\n\n#### Too deep\n\n## Fees\n\nAgain.\n\n## Tax forms {#tax}\n\nW-8BEN.\n";
        let outline = outline(markdown, 10);
        assert!(outline.problems.is_empty(), "{:?}", outline.problems);
        let got: Vec<(&str, &str, u8, usize)> = outline
            .sections
            .iter()
            .map(|s| (s.anchor.as_str(), s.heading.as_str(), s.level, s.line))
            .collect();
        assert_eq!(
            got,
            [
                ("payment-threshold", "Payment threshold", 2, 12),
                ("fees", "Fees", 3, 16),
                ("fees-2", "Fees", 2, 22),
                ("tax", "Tax forms", 2, 26),
            ]
        );
        for s in &outline.sections {
            assert!(
                outline.text[s.start..].starts_with(&s.heading),
                "{} starts its section's text",
                s.heading
            );
        }
        let anchors: Vec<String> = outline.sections.iter().map(|s| s.anchor.clone()).collect();
        let html = to_html(
            markdown,
            10,
            &anchors,
            &sanitizer(),
            |d, _| d.into(),
            |d, _| d.into(),
        );
        for id in ["payment-threshold", "fees", "fees-2", "tax"] {
            assert!(
                html.contains(&format!("id=\"{SECTION_ID_PREFIX}{id}\"")),
                "{id} missing: {html}"
            );
        }
        assert!(html.contains("<h4>Too deep</h4>"), "{html}");
        assert!(!html.contains("{#tax}"), "{html}");
    }

    #[test]
    fn slugs_keep_letters_of_any_script_and_bad_ids_are_problems() {
        assert_eq!(slug("Seuil de paiement : 50 €"), "seuil-de-paiement-50");
        assert_eq!(slug("Über die Auszahlung"), "über-die-auszahlung");
        assert_eq!(slug("???"), "section");
        let outline = outline("## A {#x}\n\n## B {#x}\n\n## C {#a.b}\n", 3);
        assert_eq!(
            outline.problems,
            [
                (5, "two sections have the id `x`".to_string()),
                (
                    7,
                    "section id `a.b` may only hold letters, digits, `-` and `_`".to_string()
                ),
            ]
        );
    }
}
