//! The example feedback server: "Was this helpful?" votes from the widget,
//! stored in SQLite in WAL mode and counted per article.
//!
//! - `POST /feedback` with `{id, article, helpful, comment?, locale, sid?}`
//!   stores a vote; the client-generated `id` makes a retried vote count
//!   once (201 when new, 200 when already stored).
//! - `GET /feedback/{article}` returns `{helpful, total}`.
//! - Anything else wrong (oversized body or comment, malformed JSON, an
//!   article the bundle does not hold, a wrong content type) is a 4xx with
//!   `{"error": "..."}`, and nothing is stored.
//!
//! [`router`] mounts into any axum app (`cargo xtask demo` serves it beside
//! the static files); the `feedback-server` binary serves it alone.

pub mod api;
pub mod articles;
pub mod load;
pub mod store;

pub use api::router;
pub use store::{Counts, Store, Stored, Vote};
