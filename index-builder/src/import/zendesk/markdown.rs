//! A body's HTML as Markdown: sanitized first, then converted with htmd,
//! tables of any shape as pipe tables, links and images pointed where
//! [`LinkMap`] says.

use std::sync::Arc;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::{Element, HtmlToMarkdown};
use markup5ever_rcdom::{Node, NodeData};

use super::links::LinkMap;

/// The body's Markdown: sanitized first, so nothing unsafe reaches the
/// content file, then converted.
pub(super) fn body_markdown(
    html: &str,
    sanitizer: &ammonia::Builder<'_>,
    converter: &HtmlToMarkdown,
) -> String {
    let clean = sanitizer.clean(html).to_string();
    // htmd's conversion of an in-memory string cannot fail; keep the
    // sanitized HTML, which is valid Markdown too, should it ever.
    converter
        .convert(&clean)
        .unwrap_or(clean)
        .trim()
        .to_string()
}

/// The HTML to Markdown converter: htmd's defaults, with tables of any
/// shape turned into pipe tables, and every link's `href` and image's
/// `src` rewritten by `links`. The links are rewritten after the body is
/// sanitized, so an `article:` link, which the sanitizer would drop as an
/// unknown scheme, survives; the builder resolves it and sanitizes again.
pub(super) fn markdown_converter(links: Arc<LinkMap>) -> HtmlToMarkdown {
    let images = Arc::clone(&links);
    HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript"])
        .add_handler(vec!["table"], table_handler)
        .add_handler(
            vec!["a"],
            move |handlers: &dyn Handlers, element: Element<'_>| {
                rewritten(handlers, element, "href", |href| links.link(href))
            },
        )
        .add_handler(
            vec!["img"],
            move |handlers: &dyn Handlers, element: Element<'_>| {
                rewritten(handlers, element, "src", |src| images.image(src))
            },
        )
        .build()
}

/// `element` converted by htmd's own handler, with its attribute `name`
/// replaced by what `rewrite` makes of it.
fn rewritten(
    handlers: &dyn Handlers,
    element: Element<'_>,
    name: &str,
    rewrite: impl Fn(&str) -> String,
) -> Option<HandlerResult> {
    let attrs: Vec<_> = element
        .attrs
        .iter()
        .map(|attr| {
            let mut attr = attr.clone();
            if &*attr.name.local == name {
                attr.value = rewrite(&attr.value).into();
            }
            attr
        })
        .collect();
    let mut element = element;
    element.attrs = &attrs;
    handlers.fallback(element)
}

/// A table as a Markdown pipe table, its first row the header. htmd keeps
/// only tables with `<th>` or `<thead>` as tables, and Zendesk's editor
/// often writes neither.
fn table_handler(handlers: &dyn Handlers, element: Element<'_>) -> Option<HandlerResult> {
    let mut rows = Vec::new();
    let mut captions = Vec::new();
    collect_rows(handlers, element.node, &mut rows, &mut captions);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        let content = handlers.walk_children(element.node).content;
        let content = content.trim();
        return (!content.is_empty()).then(|| format!("\n\n{content}\n\n").into());
    }
    let mut md = String::from("\n\n");
    for caption in captions {
        md.push_str(&caption);
        md.push_str("\n\n");
    }
    for (i, row) in rows.iter().enumerate() {
        md.push('|');
        for column in 0..columns {
            md.push(' ');
            md.push_str(row.get(column).map_or("", String::as_str));
            md.push_str(" |");
        }
        md.push('\n');
        if i == 0 {
            md.push('|');
            md.push_str(&" --- |".repeat(columns));
            md.push('\n');
        }
    }
    md.push('\n');
    Some(md.into())
}

/// The rows of a table, each cell as one line of inline Markdown.
fn collect_rows(
    handlers: &dyn Handlers,
    node: &std::rc::Rc<Node>,
    rows: &mut Vec<Vec<String>>,
    captions: &mut Vec<String>,
) {
    for child in node.children.borrow().iter() {
        let NodeData::Element { name, .. } = &child.data else {
            continue;
        };
        match name.local.as_ref() {
            "thead" | "tbody" | "tfoot" => collect_rows(handlers, child, rows, captions),
            "caption" => captions.push(one_line(&handlers.walk_children(child).content)),
            "tr" => {
                let cells = child
                    .children
                    .borrow()
                    .iter()
                    .filter(|cell| matches!(&cell.data, NodeData::Element { name, .. } if matches!(name.local.as_ref(), "td" | "th")))
                    .map(|cell| one_line(&handlers.walk_children(cell).content).replace('|', "\\|"))
                    .collect();
                rows.push(cells);
            }
            _ => {}
        }
    }
}

/// Markdown squeezed onto one line, as a table cell needs.
fn one_line(markdown: &str) -> String {
    markdown.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::content::sanitizer;

    fn converter() -> HtmlToMarkdown {
        markdown_converter(Arc::new(LinkMap::new(
            BTreeMap::from([(123, "zd-123-fees".to_string())]),
            None,
        )))
    }

    #[test]
    fn tables_without_headers_become_pipe_tables() {
        let md = converter()
            .convert("<table><tbody><tr><td>Method</td><td>Fee</td></tr><tr><td>SEPA <b>transfer</b></td><td>0 | free</td></tr></tbody></table>")
            .unwrap();
        assert_eq!(
            md.trim(),
            "| Method | Fee |\n| --- | --- |\n| SEPA **transfer** | 0 \\| free |"
        );
    }

    #[test]
    fn bodies_are_sanitized_then_converted() {
        let md = body_markdown(
            r#"<h2>Steps</h2><p style="color:red">Open <a href="javascript:alert(1)">this</a></p><script>alert(1)</script><ul><li>One</li></ul>"#,
            &sanitizer(),
            &converter(),
        );
        assert_eq!(md, "## Steps\n\nOpen this\n\n*   One");
    }

    #[test]
    fn links_and_images_are_rewritten_after_sanitizing() {
        let md = body_markdown(
            r#"<p>See <a href="https://acme.zendesk.com/hc/en-us/articles/123-Fees#sepa" title="Fees">fees</a>, <a href="https://acme.com/(x)">prices</a>.</p><img src="https://cdn.acme.com/a.png" alt="A"><a href="javascript:alert(1)">no</a>"#,
            &sanitizer(),
            &converter(),
        );
        assert_eq!(
            md,
            "See [fees](article:zd-123-fees#sepa \"Fees\"), [prices](https://acme.com/\\(x\\)).\n\n![A](https://cdn.acme.com/a.png)no"
        );
    }
}
