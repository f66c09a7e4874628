//! Where an imported body's links and images point: a link to an article
//! of the export becomes an in-widget `article:ID` link, whatever host or
//! locale prefix it carries; a relative URL is resolved against the help
//! center's address; what cannot be mapped is noted for the summary.

use std::collections::BTreeMap;
use std::sync::Mutex;

use url::Url;

/// What happened to one link or image that was not simply kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum LinkNote {
    /// A link to a Zendesk article that is not in the export: kept as an
    /// absolute web link.
    External(String),
    /// A relative URL that could not be resolved, for want of
    /// `--help-center-url`: kept as written.
    Unresolved(String),
}

/// The body's links rewritten so far, for one article at a time.
#[derive(Debug, Default)]
pub(super) struct LinkLog {
    /// Links turned into `article:` links.
    pub(super) internal: usize,
    /// Everything else worth saying, in body order.
    pub(super) notes: Vec<LinkNote>,
}

/// How to rewrite URLs: the content id of every Zendesk article in the
/// export, and the help center's address, if known.
#[derive(Debug)]
pub(super) struct LinkMap {
    ids: BTreeMap<u64, String>,
    base: Option<Url>,
    log: Mutex<LinkLog>,
}

/// A Zendesk article's id, if `url`'s path is
/// `/hc/[<locale>/]articles/<id>[-<slug>]`.
fn zendesk_article(url: &Url) -> Option<u64> {
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    if segments.next()? != "hc" {
        return None;
    }
    let mut next = segments.next()?;
    if next != "articles" {
        next = segments.next()?;
        if next != "articles" {
            return None;
        }
    }
    let id_and_slug = segments.next()?;
    if segments.next().is_some() {
        return None;
    }
    let digits = id_and_slug
        .split_once('-')
        .map_or(id_and_slug, |(id, _)| id);
    digits.parse().ok()
}

/// Any host stands in for a relative URL that is parsed without a base;
/// it never leaves this module.
const PLACEHOLDER: &str = "https://relative.invalid";

impl LinkMap {
    /// The rewriter for an export whose articles have `ids`, resolving
    /// relative URLs against `base`.
    pub(super) fn new(ids: BTreeMap<u64, String>, base: Option<Url>) -> LinkMap {
        LinkMap {
            ids,
            base,
            log: Mutex::default(),
        }
    }

    /// What was logged since the last call, leaving the log empty.
    pub(super) fn take_log(&self) -> LinkLog {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Where a link's `href` should go, noting anything unmapped.
    pub(super) fn link(&self, href: &str) -> String {
        let href = href.trim();
        let Some((url, relative)) = self.parse(href) else {
            return href.to_string();
        };
        if let Some(id) = zendesk_article(&url)
            && let Some(ours) = self.ids.get(&id)
        {
            self.note(|log| log.internal += 1);
            return match url.fragment() {
                Some(anchor) if !anchor.is_empty() => format!("article:{ours}#{anchor}"),
                _ => format!("article:{ours}"),
            };
        }
        // Absolute URLs are kept as written; relative ones as resolved.
        let kept = if relative {
            url.to_string()
        } else {
            href.to_string()
        };
        match (relative, &self.base) {
            (true, None) => {
                self.note(|log| log.notes.push(LinkNote::Unresolved(href.to_string())));
                href.to_string()
            }
            _ if zendesk_article(&url).is_some() => {
                self.note(|log| log.notes.push(LinkNote::External(kept.clone())));
                kept
            }
            _ => kept,
        }
    }

    /// Where an image's `src` should point: always an absolute URL when
    /// it can be resolved.
    pub(super) fn image(&self, src: &str) -> String {
        let src = src.trim();
        match self.parse(src) {
            Some((_, true)) if self.base.is_none() => {
                self.note(|log| log.notes.push(LinkNote::Unresolved(src.to_string())));
                src.to_string()
            }
            Some((url, true)) => url.to_string(),
            Some((_, false)) | None => src.to_string(),
        }
    }

    /// `href` as an absolute web URL, and whether it was relative; `None`
    /// for what is not a web URL at all (`mailto:`, an anchor in the page,
    /// an empty or unparsable link), which is kept as written.
    fn parse(&self, href: &str) -> Option<(Url, bool)> {
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        match Url::parse(href) {
            Ok(url) => matches!(url.scheme(), "http" | "https").then_some((url, false)),
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                let base = match &self.base {
                    Some(base) => base.clone(),
                    None => Url::parse(PLACEHOLDER).expect("the placeholder parses"),
                };
                base.join(href).ok().map(|url| (url, true))
            }
            Err(_) => None,
        }
    }

    fn note(&self, write: impl FnOnce(&mut LinkLog)) {
        write(&mut self.log.lock().unwrap_or_else(|e| e.into_inner()));
    }
}

/// The help center's address as `--help-center-url` gives it: an absolute
/// `http` or `https` URL, which relative URLs are resolved against as a
/// browser on that page would.
pub(super) fn parse_base(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|e| format!("{text:?} is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(format!(
            "{text:?} must be an http or https address, such as https://help.example.com"
        ));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(base: Option<&str>) -> LinkMap {
        LinkMap::new(
            BTreeMap::from([(123, "zd-123-payouts".to_string())]),
            base.map(|b| parse_base(b).unwrap()),
        )
    }

    #[test]
    fn links_to_exported_articles_become_article_links_whatever_their_host() {
        let links = map(None);
        for href in [
            "https://acme.zendesk.com/hc/en-us/articles/123-Title",
            "https://help.acme.com/hc/fr/articles/123",
            "http://help.acme.com/hc/articles/123-Title/",
            "/hc/articles/123",
            "/hc/pt-br/articles/123-Titulo?flash_digest=abc",
            "//acme.zendesk.com/hc/de/articles/123",
        ] {
            assert_eq!(links.link(href), "article:zd-123-payouts", "{href}");
        }
        assert_eq!(
            links.link("/hc/articles/123#section"),
            "article:zd-123-payouts#section"
        );
        assert_eq!(
            links.link("https://acme.zendesk.com/hc/en-us/articles/123-Title#fees"),
            "article:zd-123-payouts#fees"
        );
        let log = links.take_log();
        assert_eq!(log.internal, 8);
        assert!(log.notes.is_empty(), "{:?}", log.notes);
        assert_eq!(links.take_log().internal, 0, "taking the log empties it");
    }

    #[test]
    fn links_to_articles_outside_the_export_stay_absolute_and_are_noted() {
        let links = map(Some("https://help.acme.com"));
        assert_eq!(
            links.link("https://acme.zendesk.com/hc/en-us/articles/999-Gone"),
            "https://acme.zendesk.com/hc/en-us/articles/999-Gone"
        );
        assert_eq!(
            links.link("/hc/fr/articles/998#x"),
            "https://help.acme.com/hc/fr/articles/998#x"
        );
        let log = links.take_log();
        assert_eq!(log.internal, 0);
        assert_eq!(
            log.notes,
            [
                LinkNote::External("https://acme.zendesk.com/hc/en-us/articles/999-Gone".into()),
                LinkNote::External("https://help.acme.com/hc/fr/articles/998#x".into()),
            ]
        );
    }

    #[test]
    fn relative_links_resolve_against_the_help_center_or_are_noted() {
        let links = map(Some("https://help.acme.com"));
        assert_eq!(
            links.link("/hc/en-us/sections/42-Payments"),
            "https://help.acme.com/hc/en-us/sections/42-Payments"
        );
        assert_eq!(
            links.image("/hc/article_attachments/7/shot.png"),
            "https://help.acme.com/hc/article_attachments/7/shot.png"
        );
        assert!(links.take_log().notes.is_empty());

        let links = map(None);
        assert_eq!(
            links.link("/hc/en-us/sections/42-Payments"),
            "/hc/en-us/sections/42-Payments"
        );
        assert_eq!(links.image("shot.png"), "shot.png");
        assert_eq!(
            links.image("https://cdn.acme.com/a.png"),
            "https://cdn.acme.com/a.png"
        );
        assert_eq!(
            links.take_log().notes,
            [
                LinkNote::Unresolved("/hc/en-us/sections/42-Payments".into()),
                LinkNote::Unresolved("shot.png".into()),
            ]
        );
    }

    #[test]
    fn other_links_are_kept_as_written() {
        let links = map(None);
        for href in ["mailto:help@acme.com", "tel:+331234", "#top", ""] {
            assert_eq!(links.link(href), href);
        }
        assert_eq!(
            links.link("https://acme.com/pricing"),
            "https://acme.com/pricing"
        );
        assert_eq!(
            links.link("https://acme.com/hc/en-us/sections/1"),
            "https://acme.com/hc/en-us/sections/1"
        );
        let log = links.take_log();
        assert_eq!((log.internal, log.notes.len()), (0, 0));
    }

    #[test]
    fn the_help_center_url_must_be_a_web_address() {
        assert!(parse_base("https://help.acme.com").is_ok());
        assert!(
            parse_base("help.acme.com")
                .unwrap_err()
                .contains("is not a URL")
        );
        assert!(
            parse_base("ftp://help.acme.com")
                .unwrap_err()
                .contains("http or https")
        );
    }
}
