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

/// What a result list and an article view show for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord {
    /// The article's stable id, shared by its translations.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category.
    pub category: String,
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
            docs.push(DocRecord {
                id,
                title,
                category,
                summary,
                text,
                body_file,
                video,
                updated,
                signed_in,
                locale,
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
