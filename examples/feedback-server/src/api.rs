//! The HTTP surface: `POST /feedback` stores a vote (one per reader and
//! article when it names its `client`: a change replaces it, a repeat is a
//! no-op), `GET /feedback/{id}`
//! returns `{helpful, total}` for an article. Every refusal is a 4xx with a
//! JSON body `{"error": "..."}`, and nothing is stored.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::store::{Store, StoreError, Stored, Vote};

/// The largest request body taken, in bytes.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// The longest comment taken, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// The longest vote id, locale or SID taken.
const MAX_SHORT_FIELD: usize = 64;

/// What the handlers share.
#[derive(Clone, Debug)]
pub struct AppState {
    store: Store,
    articles: Arc<BTreeSet<String>>,
}

/// The feedback routes, to serve alone or merged into another router.
/// Votes are taken only for `articles`.
pub fn router(store: Store, articles: BTreeSet<String>) -> Router {
    Router::new()
        .route("/feedback", post(vote).options(preflight))
        .route("/feedback/{article}", get(counts).options(preflight))
        .with_state(AppState {
            store,
            articles: Arc::new(articles),
        })
}

/// A refusal: status and message.
#[derive(Debug)]
struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        with_cors((self.0, Json(json!({ "error": self.1 }))).into_response())
    }
}

/// Lets a dashboard on another origin post votes: votes carry no cookies,
/// so any origin may send them.
fn with_cors(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        header::HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        header::HeaderValue::from_static("content-type"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        header::HeaderValue::from_static("86400"),
    );
    response
}

async fn preflight() -> Response {
    with_cors(StatusCode::NO_CONTENT.into_response())
}

async fn vote(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Refusal> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the vote as application/json".into(),
        ));
    }
    let bytes: Bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            Refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is over {MAX_BODY_BYTES} bytes"),
            )
        })?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Refusal(
            StatusCode::BAD_REQUEST,
            format!("the body is not valid JSON: {e}"),
        )
    })?;
    let vote: Vote = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        let reason = e.into_inner();
        if field == "." {
            Refusal(
                StatusCode::BAD_REQUEST,
                format!("the vote is not of the expected shape: {reason}"),
            )
        } else {
            Refusal(
                StatusCode::BAD_REQUEST,
                format!("field `{field}`: {reason}"),
            )
        }
    })?;
    check(&vote, &state.articles)?;
    let store = state.store.clone();
    let stored = tokio::task::spawn_blocking(move || store.record(&vote))
        .await
        .map_err(|_| {
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the vote store stopped".into(),
            )
        })?;
    match stored {
        Ok(Stored::New) => Ok(with_cors(
            (StatusCode::CREATED, Json(json!({ "stored": "new" }))).into_response(),
        )),
        Ok(Stored::Updated) => Ok(with_cors(
            (StatusCode::OK, Json(json!({ "stored": "updated" }))).into_response(),
        )),
        Ok(Stored::Unchanged) => Ok(with_cors(
            (StatusCode::OK, Json(json!({ "stored": "unchanged" }))).into_response(),
        )),
        Err(StoreError::IdReused(id)) => Err(Refusal(
            StatusCode::CONFLICT,
            format!("vote id `{id}` is already used for another article"),
        )),
        Err(err) => {
            eprintln!("feedback-server: {err}");
            Err(Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the vote could not be stored".into(),
            ))
        }
    }
}

/// Field checks beyond the JSON shape.
fn check(vote: &Vote, articles: &BTreeSet<String>) -> Result<(), Refusal> {
    let bad = |message: String| Err(Refusal(StatusCode::UNPROCESSABLE_ENTITY, message));
    let short = |name: &str, value: &str| {
        if value.is_empty() || value.chars().count() > MAX_SHORT_FIELD {
            bad(format!(
                "field `{name}` must be 1 to {MAX_SHORT_FIELD} characters"
            ))
        } else if !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            bad(format!(
                "field `{name}` may hold only letters, digits, `-` and `_`"
            ))
        } else {
            Ok(())
        }
    };
    short("id", &vote.id)?;
    short("locale", &vote.locale)?;
    if let Some(sid) = &vote.sid {
        short("sid", sid)?;
    }
    if let Some(client) = &vote.client {
        short("client", client)?;
    }
    if !articles.contains(&vote.article) {
        return Err(Refusal(
            StatusCode::NOT_FOUND,
            format!("unknown article `{}`", vote.article),
        ));
    }
    if vote
        .comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_COMMENT_CHARS)
    {
        return Err(Refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("field `comment` is over {MAX_COMMENT_CHARS} characters"),
        ));
    }
    Ok(())
}

async fn counts(
    State(state): State<AppState>,
    Path(article): Path<String>,
) -> Result<Response, Refusal> {
    if !state.articles.contains(&article) {
        return Err(Refusal(
            StatusCode::NOT_FOUND,
            format!("unknown article `{article}`"),
        ));
    }
    let store = state.store.clone();
    let counts = tokio::task::spawn_blocking(move || store.counts(&article))
        .await
        .map_err(|_| {
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the vote store stopped".into(),
            )
        })?
        .map_err(|err| {
            eprintln!("feedback-server: {err}");
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the counts could not be read".into(),
            )
        })?;
    let mut response = with_cors(Json(counts).into_response());
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
