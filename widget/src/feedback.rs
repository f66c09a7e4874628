//! Article feedback that is never lost: a vote is POSTed as JSON, and a
//! vote that cannot be sent is kept in localStorage and sent later (on the
//! next `online` event or the next page load). Each vote carries a
//! client-generated id, so a vote sent twice counts once, and the reader's
//! id (random per browser, [`CLIENT_KEY`]), so the server keeps one vote
//! per reader and article. The reader's own vote on each article is
//! remembered ([`VOTES_KEY`]) to show it on return and let them change it.

use wasm_bindgen::{JsCast, JsValue};

use crate::{dom, js};

/// The localStorage key of the queue.
pub const QUEUE_KEY: &str = "help-widget:feedback-queue";

/// The most votes the queue keeps; older ones give way.
pub const QUEUE_LIMIT: usize = 200;

/// The localStorage key of the reader's id: random, made on the first vote.
pub const CLIENT_KEY: &str = "help-widget:client-id";

/// The localStorage key of the reader's votes, by article:
/// `{"<article>": {"id": "<vote id>", "helpful": true}}`.
pub const VOTES_KEY: &str = "help-widget:votes";

/// The most articles whose vote is remembered; the oldest give way.
pub const REMEMBERED_LIMIT: usize = 500;

/// One vote on an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// A client-generated id: the same vote retried counts once.
    pub id: String,
    /// The article voted on.
    pub article: String,
    /// Whether it helped.
    pub helpful: bool,
    /// An optional comment.
    pub comment: Option<String>,
    /// The reader's locale.
    pub locale: String,
    /// The publisher's Site ID, if known.
    pub sid: Option<String>,
    /// The reader's id ([`client_id`]), if storage keeps one.
    pub client: Option<String>,
}

/// The queue after adding `vote`: a vote with the same id, or the same
/// reader's earlier vote on the same article, is replaced (a comment added
/// after the yes/no, a changed answer), and the oldest give way past the
/// limit.
pub fn enqueue(mut queue: Vec<Vote>, vote: Vote) -> Vec<Vote> {
    queue.retain(|v| v.id != vote.id && !(v.article == vote.article && v.client == vote.client));
    queue.push(vote);
    let excess = queue.len().saturating_sub(QUEUE_LIMIT);
    queue.drain(..excess);
    queue
}

impl Vote {
    /// The vote as the JSON object the feedback server takes.
    pub fn to_js(&self) -> JsValue {
        let string = |s: &str| Some(JsValue::from_str(s));
        js::object(&[
            ("id", string(&self.id)),
            ("article", string(&self.article)),
            ("helpful", Some(JsValue::from_bool(self.helpful))),
            ("comment", self.comment.as_deref().and_then(string)),
            ("locale", string(&self.locale)),
            ("sid", self.sid.as_deref().and_then(string)),
            ("client", self.client.as_deref().and_then(string)),
        ])
        .into()
    }

    /// A vote from its JSON object, if it has every required field.
    pub fn from_js(value: &JsValue) -> Option<Vote> {
        Some(Vote {
            id: js::field_string(value, "id")?,
            article: js::field_string(value, "article")?,
            helpful: js::field_bool(value, "helpful")?,
            comment: js::field_string(value, "comment"),
            locale: js::field_string(value, "locale")?,
            sid: js::field_string(value, "sid"),
            client: js::field_string(value, "client"),
        })
    }
}

/// The queue as JSON text. Each vote is serialized on its own and the
/// array is written here: a host page that gave arrays a `toJSON` (as old
/// libraries did) would otherwise turn the queue into one string.
pub fn queue_json(queue: &[Vote]) -> String {
    let votes: Vec<String> = queue
        .iter()
        .filter_map(|v| js::stringify(&v.to_js()))
        .collect();
    format!("[{}]", votes.join(","))
}

/// Reads the queue; anything unreadable is an empty queue, and an
/// unreadable entry is dropped.
pub fn parse_queue(text: Option<&str>) -> Vec<Vote> {
    let Some(value) = text.and_then(js::parse_text) else {
        return Vec::new();
    };
    if !js_sys::Array::is_array(&value) {
        return Vec::new();
    }
    value
        .unchecked_into::<js_sys::Array>()
        .iter()
        .filter_map(|v| Vote::from_js(&v))
        .collect()
}

/// A random id for a vote.
pub fn new_vote_id() -> String {
    let crypto = js::field(&js_sys::global(), "crypto");
    let uuid = crypto.and_then(|c| {
        let f: js_sys::Function = js::field(&c, "randomUUID")?.dyn_into().ok()?;
        f.call0(&c).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| {
        format!(
            "{:016x}{:016x}",
            (js_sys::Math::random() * 2f64.powi(53)) as u64,
            js_sys::Date::now() as u64
        )
    })
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The reader's id, made and kept on first use; `None` when storage is
/// unavailable (the vote then counts by its own id alone).
pub fn client_id() -> Option<String> {
    let s = storage()?;
    if let Some(id) = s.get_item(CLIENT_KEY).ok().flatten().filter(|id| is_id(id)) {
        return Some(id);
    }
    let id = new_vote_id();
    s.set_item(CLIENT_KEY, &id).ok()?;
    Some(id)
}

/// Whether `id` is one the feedback server takes: 1 to 64 letters, digits,
/// `-` or `_`.
fn is_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The reader's own vote on an article, as remembered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    /// The vote's id, reused when the reader changes it.
    pub id: String,
    /// Whether they found it helpful.
    pub helpful: bool,
}

fn load_remembered() -> js_sys::Object {
    storage()
        .and_then(|s| s.get_item(VOTES_KEY).ok().flatten())
        .and_then(|t| js::parse_text(&t))
        .filter(|v| v.is_object() && !js_sys::Array::is_array(v))
        .map_or_else(js_sys::Object::new, JsCast::unchecked_into)
}

/// The reader's remembered vote on `article`, if any.
pub fn remembered(article: &str) -> Option<Remembered> {
    let entry = js::field(&load_remembered(), article)?;
    Some(Remembered {
        id: js::field_string(&entry, "id").filter(|id| is_id(id))?,
        helpful: js::field_bool(&entry, "helpful")?,
    })
}

/// Remembers the reader's vote on `article`, replacing an earlier one.
pub fn remember(article: &str, vote: &Remembered) {
    let Some(s) = storage() else { return };
    let all = load_remembered();
    let _ = js_sys::Reflect::delete_property(&all, &JsValue::from_str(article));
    // Keys keep their insertion order: past the limit, the oldest go.
    let keys = js_sys::Object::keys(&all);
    let excess = (keys.length() as usize + 1).saturating_sub(REMEMBERED_LIMIT);
    for key in keys.iter().take(excess) {
        let _ = js_sys::Reflect::delete_property(&all, &key);
    }
    let entry = js::object(&[
        ("id", Some(JsValue::from_str(&vote.id))),
        ("helpful", Some(JsValue::from_bool(vote.helpful))),
    ]);
    let _ = js_sys::Reflect::set(&all, &JsValue::from_str(article), &entry);
    if js::stringify(&all)
        .and_then(|text| s.set_item(VOTES_KEY, &text).ok())
        .is_none()
    {
        dom::warn("help widget: could not remember the vote");
    }
}

fn load_queue() -> Vec<Vote> {
    parse_queue(
        storage()
            .and_then(|s| s.get_item(QUEUE_KEY).ok().flatten())
            .as_deref(),
    )
}

fn save_queue(queue: &[Vote]) {
    if let Some(s) = storage() {
        let result = if queue.is_empty() {
            s.remove_item(QUEUE_KEY)
        } else {
            s.set_item(QUEUE_KEY, &queue_json(queue))
        };
        if result.is_err() {
            dom::warn("help widget: could not save queued feedback");
        }
    }
}

/// Why a vote was not delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    /// Not sent, or not taken yet: offline, blocked, a timeout (408), too
    /// many requests (429) or a server error (5xx). The vote stays queued.
    #[error("the vote could not be delivered yet")]
    NotYet,
    /// The server refused the vote for good (any other answer but a 2xx):
    /// it is dropped rather than retried forever.
    #[error("the feedback server refused the vote with HTTP {status}")]
    Refused {
        /// The HTTP status of the refusal.
        status: u16,
    },
}

/// What an HTTP status means for a POSTed vote.
pub fn outcome(status: u16) -> Result<(), PostError> {
    match status {
        200..=299 => Ok(()),
        408 | 429 | 500..=599 => Err(PostError::NotYet),
        status => Err(PostError::Refused { status }),
    }
}

/// POSTs one vote; `Ok` only on a 2xx answer.
async fn post(url: &str, vote: &Vote) -> Result<(), PostError> {
    let body = js::stringify(&vote.to_js()).unwrap_or_default();
    let response = gloo_net::http::Request::post(url)
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| PostError::NotYet)?
        .send()
        .await
        .map_err(|_| PostError::NotYet)?;
    outcome(response.status())
}

/// How many readers found `article` helpful, and how many voted, from the
/// feedback server's `GET <url>/<article>`; `None` if it cannot say.
pub async fn counts(url: &str, article: &str) -> Option<(u64, u64)> {
    let id = percent_encoding::utf8_percent_encode(article, percent_encoding::NON_ALPHANUMERIC);
    let url = format!("{}/{id}", url.trim_end_matches('/'));
    let response = gloo_net::http::Request::get(&url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    let number = |key: &str| js::whole_number(&js::field(&value, key)?);
    let (helpful, total) = (number("helpful")?, number("total")?);
    (helpful <= total).then_some((helpful, total))
}

/// Sends `vote` now, or queues it if that fails. Never blocks the reader.
pub async fn send(url: &str, vote: Vote) {
    save_queue(&enqueue(load_queue(), vote));
    flush(url).await;
}

/// Sends every queued vote; keeps those that could not go yet.
pub async fn flush(url: &str) {
    let queue = load_queue();
    let mut done = Vec::new();
    for vote in queue {
        match post(url, &vote).await {
            Ok(()) => done.push(vote),
            Err(PostError::Refused { .. }) => {
                dom::warn(&format!(
                    "help widget: the feedback server refused vote {}",
                    vote.id
                ));
                done.push(vote);
            }
            Err(PostError::NotYet) => {}
        }
    }
    // Votes may have been cast, or changed, while these were in flight:
    // remove exactly what was sent, keep everything else.
    if !done.is_empty() {
        save_queue(&settle(load_queue(), &done));
    }
}

/// The queue less the votes that were sent as they are now.
pub fn settle(queue: Vec<Vote>, done: &[Vote]) -> Vec<Vote> {
    queue.into_iter().filter(|v| !done.contains(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(id: &str, helpful: bool) -> Vote {
        Vote {
            id: id.into(),
            article: "a".into(),
            helpful,
            comment: None,
            locale: "en".into(),
            sid: None,
            client: Some("reader".into()),
        }
    }

    #[test]
    fn a_change_while_queued_replaces_the_queued_vote() {
        let q = enqueue(Vec::new(), vote("1", true));
        let q = enqueue(
            q,
            Vote {
                article: "b".into(),
                ..vote("2", true)
            },
        );
        // The same reader votes again on "a" under another id: one vote.
        let q = enqueue(q, vote("3", false));
        assert_eq!(q.len(), 2);
        assert_eq!((q[1].id.as_str(), q[1].helpful), ("3", false));
        // Another reader's vote on "a" is their own.
        let other = Vote {
            client: Some("other".into()),
            ..vote("4", true)
        };
        assert_eq!(enqueue(q, other).len(), 3);
    }

    #[test]
    fn only_ids_the_server_takes_are_kept() {
        assert!(is_id("0b7e6f1c-2d3a-4c5b-9e8f-1a2b3c4d5e6f"));
        assert!(!is_id(""));
        assert!(!is_id("a b"));
        assert!(!is_id(&"x".repeat(65)));
    }

    #[test]
    fn the_same_vote_is_queued_once() {
        let q = enqueue(Vec::new(), vote("1", true));
        let q = enqueue(
            q,
            Vote {
                comment: Some("clear".into()),
                ..vote("1", true)
            },
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].comment.as_deref(), Some("clear"));
    }

    #[test]
    fn the_queue_is_bounded() {
        // Votes on as many articles: one reader's votes on one article
        // would replace each other.
        let q = (0..QUEUE_LIMIT + 5).fold(Vec::new(), |q, i| {
            let id = i.to_string();
            enqueue(
                q,
                Vote {
                    article: id.clone(),
                    ..vote(&id, false)
                },
            )
        });
        assert_eq!(q.len(), QUEUE_LIMIT);
        assert_eq!(q[0].id, "5");
    }

    #[test]
    fn only_a_lasting_refusal_drops_a_vote() {
        assert_eq!(outcome(201), Ok(()));
        for status in [408, 429, 500, 503] {
            assert_eq!(outcome(status), Err(PostError::NotYet), "{status}");
        }
        for status in [400, 404, 413, 302] {
            assert_eq!(outcome(status), Err(PostError::Refused { status }));
        }
    }

    #[test]
    fn a_vote_changed_while_in_flight_is_kept() {
        let sent = vote("1", true);
        let changed = Vote {
            comment: Some("more".into()),
            ..vote("1", true)
        };
        assert_eq!(
            settle(
                vec![changed.clone(), vote("2", false)],
                std::slice::from_ref(&sent)
            ),
            [changed, vote("2", false)]
        );
        assert!(settle(vec![sent.clone()], &[sent]).is_empty());
    }
}
