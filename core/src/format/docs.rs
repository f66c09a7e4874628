//! Doc chunks: runs of consecutive documents, with what a result list and
//! an article view show of each.

use super::{DecodeError, open_file, start_file};

pub(super) const CHUNK_MAGIC: &[u8; 4] = b"HWDC";

/// A video tutorial attached to an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    /// Where the video is.
    pub url: String,
    /// Its length in seconds.
    pub seconds: u32,
}

/// Votes an article brings from another help center: the starting point
/// of its "N out of M found this helpful".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Votes {
    /// Readers who found it helpful.
    pub helpful: u32,
    /// Readers who voted, `helpful` included; never less than `helpful`.
    pub total: u32,
}

impl Votes {
    /// The (helpful, total) to show: the starting votes, if any, plus the
    /// feedback server's, if any; `None` while nobody has voted.
    pub fn shown(start: Option<Votes>, server: Option<(u64, u64)>) -> Option<(u64, u64)> {
        let (helpful, total) = start.map_or((0, 0), |v| (u64::from(v.helpful), u64::from(v.total)));
        let (more_helpful, more) = server.unwrap_or((0, 0));
        let (helpful, total) = (helpful + more_helpful, total + more);
        (total > 0).then_some((helpful, total))
    }
}

/// The prefix of a section heading's `id` in a rendered body: the anchor
/// `fees` is the element `hw-s-fees`, so no author's id can clash with the
/// widget's own or clobber a name the page's scripts use.
pub const SECTION_ID_PREFIX: &str = "hw-s-";

/// One section of an article: an h2 or h3 heading and what follows it, up
/// to the next such heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its anchor, unique in the article: the heading's `{#id}` if the
    /// author wrote one, else a slug of its text (`payment-threshold`). The
    /// body's heading element has the id [`SECTION_ID_PREFIX`] + anchor.
    pub anchor: String,
    /// The heading's text.
    pub heading: String,
    /// The heading's level: 2 or 3.
    pub level: u8,
    /// Byte offset in [`DocRecord::text`] where the section starts (its
    /// heading's text); `text.len()` for a section past the text kept.
    pub start: u32,
}

/// What a result list and an article view show for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord {
    /// The article's stable id, shared by its translations.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category's slug, such as `getting-started`.
    pub category: String,
    /// Its category's display name in the index's locale, such as
    /// "Premiers pas": what a result or an article shows.
    pub category_name: String,
    /// Its one-line summary, if any.
    pub summary: Option<String>,
    /// Its body as plain text, capped, for snippets.
    pub text: String,
    /// File name of its rendered body, relative to the manifest.
    pub body_file: String,
    /// Its video tutorial, if any.
    pub video: Option<Video>,
    /// When it was last updated (`YYYY-MM-DD`), if known.
    pub updated: Option<String>,
    /// Whether only signed-in publishers may see it.
    pub signed_in: bool,
    /// The locale it is written in: the index's own, or English for an
    /// article not translated yet, which the index carries as a fallback.
    pub locale: String,
    /// The votes it starts with, carried over from another help center.
    pub votes: Option<Votes>,
    /// The ids of related articles in the same locale index, best first,
    /// computed at build time from shared words, tags and category.
    pub related: Vec<String>,
    /// Its sections, in order; empty for an article without h2 or h3
    /// headings.
    pub sections: Vec<Section>,
}

/// A run of consecutive documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocChunk {
    /// The first document's number.
    pub first_doc: u32,
    /// The documents, in order.
    pub docs: Vec<DocRecord>,
}

impl DocChunk {
    /// The chunk as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = start_file(CHUNK_MAGIC);
        w.u32(self.first_doc);
        w.usize(self.docs.len());
        for d in &self.docs {
            w.str(&d.id);
            w.str(&d.title);
            w.str(&d.category);
            w.str(&d.category_name);
            w.opt_str(d.summary.as_deref());
            w.str(&d.text);
            w.str(&d.body_file);
            match &d.video {
                None => w.u8(0),
                Some(v) => {
                    w.u8(1);
                    w.str(&v.url);
                    w.u32(v.seconds);
                }
            }
            w.opt_str(d.updated.as_deref());
            w.u8(u8::from(d.signed_in));
            w.str(&d.locale);
            match d.votes {
                None => w.u8(0),
                Some(v) => {
                    w.u8(1);
                    w.u32(v.helpful);
                    w.u32(v.total);
                }
            }
            w.usize(d.related.len());
            for id in &d.related {
                w.str(id);
            }
            w.usize(d.sections.len());
            for section in &d.sections {
                w.str(&section.anchor);
                w.str(&section.heading);
                w.u8(section.level);
                w.u32(section.start);
            }
        }
        w.bytes
    }

    /// Reads a chunk; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<DocChunk, DecodeError> {
        let mut r = open_file(bytes, CHUNK_MAGIC, "doc chunk")?;
        let first_doc = r.u32()?;
        let n = r.count(8)?;
        let mut docs = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.string()?;
            let title = r.string()?;
            let category = r.string()?;
            let category_name = r.string()?;
            let summary = r.opt_string()?;
            let text = r.string()?;
            let body_file = r.string()?;
            let video = match r.u8()? {
                0 => None,
                1 => Some(Video {
                    url: r.string()?,
                    seconds: r.u32()?,
                }),
                tag => return Err(r.corrupt(format!("unknown video tag {tag}")).into()),
            };
            let updated = r.opt_string()?;
            let signed_in = match r.u8()? {
                0 => false,
                1 => true,
                other => return Err(r.corrupt(format!("flag {other} is not 0 or 1")).into()),
            };
            let locale = r.string()?;
            let votes = match r.u8()? {
                0 => None,
                1 => {
                    let (helpful, total) = (r.u32()?, r.u32()?);
                    if helpful > total {
                        return Err(r
                            .corrupt(format!("{helpful} helpful votes out of {total}"))
                            .into());
                    }
                    Some(Votes { helpful, total })
                }
                tag => return Err(r.corrupt(format!("unknown votes tag {tag}")).into()),
            };
            let related_count = r.count(1)?;
            let mut related = Vec::with_capacity(related_count);
            for _ in 0..related_count {
                related.push(r.string()?);
            }
            let section_count = r.count(4)?;
            let mut sections = Vec::with_capacity(section_count);
            let mut previous = 0;
            for _ in 0..section_count {
                let section = Section {
                    anchor: r.string()?,
                    heading: r.string()?,
                    level: r.u8()?,
                    start: r.u32()?,
                };
                if section.start < previous || section.start as usize > text.len() {
                    return Err(r
                        .corrupt(format!("section start {} out of order", section.start))
                        .into());
                }
                if !text.is_char_boundary(section.start as usize) {
                    return Err(r
                        .corrupt(format!(
                            "section start {} splits a character",
                            section.start
                        ))
                        .into());
                }
                previous = section.start;
                sections.push(section);
            }
            docs.push(DocRecord {
                id,
                title,
                category,
                category_name,
                summary,
                text,
                body_file,
                video,
                updated,
                signed_in,
                locale,
                votes,
                related,
                sections,
            });
        }
        r.finish()?;
        Ok(DocChunk { first_doc, docs })
    }

    /// Document `doc`, if this chunk holds it.
    pub fn get(&self, doc: u32) -> Option<&DocRecord> {
        self.docs.get(doc.checked_sub(self.first_doc)? as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(votes: Option<Votes>) -> DocRecord {
        DocRecord {
            id: "a".into(),
            title: "A".into(),
            category: "c".into(),
            category_name: "C".into(),
            summary: None,
            text: "t".into(),
            body_file: "en/a.html".into(),
            video: None,
            updated: None,
            signed_in: false,
            locale: "en".into(),
            votes,
            related: vec!["b".into()],
            sections: vec![Section {
                anchor: "fees".into(),
                heading: "Fees".into(),
                level: 2,
                start: 0,
            }],
        }
    }

    #[test]
    fn starting_votes_round_trip_and_add_to_the_servers() {
        let votes = Votes {
            helpful: 2,
            total: 6,
        };
        let chunk = DocChunk {
            first_doc: 0,
            docs: vec![record(Some(votes)), record(None)],
        };
        assert_eq!(DocChunk::decode(&chunk.encode()).unwrap(), chunk);
        assert_eq!(Votes::shown(Some(votes), None), Some((2, 6)));
        assert_eq!(Votes::shown(Some(votes), Some((1, 3))), Some((3, 9)));
        assert_eq!(Votes::shown(None, Some((1, 3))), Some((1, 3)));
        assert_eq!(Votes::shown(None, Some((0, 0))), None);
        assert_eq!(Votes::shown(None, None), None);
    }

    #[test]
    fn a_section_past_its_text_is_corrupt() {
        let mut bad = record(None);
        bad.sections[0].start = 2;
        let chunk = DocChunk {
            first_doc: 0,
            docs: vec![bad],
        };
        assert!(DocChunk::decode(&chunk.encode()).is_err());
    }

    #[test]
    fn more_helpful_votes_than_votes_is_corrupt() {
        let chunk = DocChunk {
            first_doc: 0,
            docs: vec![record(Some(Votes {
                helpful: 7,
                total: 6,
            }))],
        };
        assert!(DocChunk::decode(&chunk.encode()).is_err());
    }
}
