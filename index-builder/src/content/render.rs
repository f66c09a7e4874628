//! Markdown to sanitized HTML, and to plain text, with pulldown-cmark and
//! ammonia. Pure functions of text: which article a link goes to is
//! decided by the caller.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
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
        .set_tag_attribute_value("img", "decoding", "async");
    // ammonia keeps `cite` on quotes and edits without checking its scheme,
    // so `javascript:` would pass there; readers never see it anyway.
    for tag in ["blockquote", "q", "del", "ins"] {
        builder.rm_tag_attributes(tag, ["cite"]);
    }
    builder
}

/// `markdown` as sanitized HTML. `first_line` is the file line the
/// Markdown starts on; `link` gets each link's destination and its file
/// line, and returns the destination to write; `image` does the same for
/// each Markdown image's source.
pub(super) fn to_html(
    markdown: &str,
    first_line: usize,
    sanitizer: &ammonia::Builder<'_>,
    mut link: impl FnMut(&str, usize) -> String,
    mut image: impl FnMut(&str, usize) -> String,
) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let events = Parser::new_ext(markdown, markdown_options())
        .into_offset_iter()
        .map(|(event, range)| match event {
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

/// The readable text of a Markdown document, blocks separated by newlines.
pub(super) fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
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
}
