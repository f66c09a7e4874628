//! The feedback server over real HTTP on loopback.

use std::collections::BTreeSet;
use std::time::Duration;

use feedback_server::{Counts, Store};

/// Serves the router on a free loopback port; returns its base URL, the
/// store, and the folder holding the database (kept alive by the caller).
fn serve(articles: &[&str]) -> (String, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("votes.sqlite")).unwrap();
    let articles: BTreeSet<String> = articles.iter().map(|s| s.to_string()).collect();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = feedback_server::router(store.clone(), articles);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    (url, store, dir)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// POSTs `body` with `content_type`; returns the status and the JSON answer.
fn post(url: &str, content_type: &str, body: &str) -> (u16, serde_json::Value) {
    let mut response = agent()
        .post(format!("{url}/feedback"))
        .header("content-type", content_type)
        .send(body)
        .unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}")),
    )
}

fn get_counts(url: &str, article: &str) -> (u16, serde_json::Value) {
    let mut response = agent()
        .get(format!("{url}/feedback/{article}"))
        .call()
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap(),
    )
}

#[test]
fn a_retried_vote_counts_once_and_the_counts_are_served() {
    let (url, store, _dir) = serve(&["find-site-id"]);
    let vote =
        r#"{"id":"v1","article":"find-site-id","helpful":true,"locale":"en","sid":"3141592"}"#;
    assert_eq!(post(&url, "application/json", vote).0, 201);
    assert_eq!(post(&url, "application/json; charset=utf-8", vote).0, 200);
    let with_comment =
        r#"{"id":"v1","article":"find-site-id","helpful":true,"locale":"en","comment":"Clear."}"#;
    assert_eq!(post(&url, "application/json", with_comment).0, 200);
    let no = r#"{"id":"v2","article":"find-site-id","helpful":false,"locale":"fr"}"#;
    assert_eq!(post(&url, "application/json", no).0, 201);
    let (status, counts) = get_counts(&url, "find-site-id");
    assert_eq!(status, 200);
    assert_eq!(counts, serde_json::json!({ "helpful": 1, "total": 2 }));
    assert_eq!(
        store.counts("find-site-id").unwrap(),
        Counts {
            helpful: 1,
            total: 2
        }
    );
}

#[test]
fn a_reader_counts_once_per_article_and_a_change_replaces_the_vote() {
    let (url, store, _dir) = serve(&["find-site-id"]);
    let vote = |id: &str, helpful: bool| {
        format!(
            r#"{{"id":"{id}","article":"find-site-id","helpful":{helpful},"locale":"en","client":"reader-1"}}"#
        )
    };
    // Three visits, each a new vote id: one vote.
    assert_eq!(post(&url, "application/json", &vote("v1", true)).0, 201);
    let (status, body) = post(&url, "application/json", &vote("v2", true));
    assert_eq!(
        (status, body),
        (200, serde_json::json!({ "stored": "unchanged" }))
    );
    assert_eq!(post(&url, "application/json", &vote("v3", true)).0, 200);
    assert_eq!(
        get_counts(&url, "find-site-id").1,
        serde_json::json!({ "helpful": 1, "total": 1 })
    );
    // A change replaces it.
    let (status, body) = post(&url, "application/json", &vote("v4", false));
    assert_eq!(
        (status, body),
        (200, serde_json::json!({ "stored": "updated" }))
    );
    assert_eq!(
        get_counts(&url, "find-site-id").1,
        serde_json::json!({ "helpful": 0, "total": 1 })
    );
    assert_eq!(store.total().unwrap(), 1);
    let bad = r#"{"id":"v5","article":"find-site-id","helpful":true,"locale":"en","client":"a b"}"#;
    assert_eq!(post(&url, "application/json", bad).0, 422);
}

#[test]
fn bad_requests_get_a_json_4xx_and_store_nothing() {
    let (url, store, _dir) = serve(&["find-site-id"]);
    let long_comment = format!(
        r#"{{"id":"v1","article":"find-site-id","helpful":true,"locale":"en","comment":"{}"}}"#,
        "x".repeat(feedback_server::api::MAX_COMMENT_CHARS + 1)
    );
    let huge_body = format!(
        r#"{{"id":"v1","article":"find-site-id","helpful":true,"locale":"en","pad":"{}"}}"#,
        "x".repeat(feedback_server::api::MAX_BODY_BYTES)
    );
    let cases: Vec<(&str, &str, String, u16, &str)> = vec![
        (
            "oversized comment",
            "application/json",
            long_comment,
            413,
            "comment",
        ),
        (
            "oversized body",
            "application/json",
            huge_body,
            413,
            "bytes",
        ),
        (
            "malformed JSON",
            "application/json",
            r#"{"id":"v1","article":"#.into(),
            400,
            "JSON",
        ),
        (
            "missing field",
            "application/json",
            r#"{"id":"v1","article":"find-site-id","locale":"en"}"#.into(),
            400,
            "helpful",
        ),
        (
            "wrong type",
            "application/json",
            r#"{"id":"v1","article":"find-site-id","helpful":"yes","locale":"en"}"#.into(),
            400,
            "helpful",
        ),
        (
            "unknown article",
            "application/json",
            r#"{"id":"v1","article":"no-such","helpful":true,"locale":"en"}"#.into(),
            404,
            "no-such",
        ),
        (
            "wrong content type",
            "text/plain",
            r#"{"id":"v1","article":"find-site-id","helpful":true,"locale":"en"}"#.into(),
            415,
            "application/json",
        ),
        (
            "form content type",
            "application/x-www-form-urlencoded",
            "id=v1".into(),
            415,
            "application/json",
        ),
        (
            "bad vote id",
            "application/json",
            r#"{"id":"<script>","article":"find-site-id","helpful":true,"locale":"en"}"#.into(),
            422,
            "`id`",
        ),
        (
            "empty locale",
            "application/json",
            r#"{"id":"v1","article":"find-site-id","helpful":true,"locale":""}"#.into(),
            422,
            "`locale`",
        ),
    ];
    for (name, content_type, body, status, mentions) in cases {
        let (got, answer) = post(&url, content_type, &body);
        assert_eq!(got, status, "{name}: {answer}");
        let error = answer["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no error field: {answer}"));
        assert!(error.contains(mentions), "{name}: {error}");
    }
    assert_eq!(store.total().unwrap(), 0);
    assert_eq!(get_counts(&url, "no-such").0, 404);
    assert_eq!(
        get_counts(&url, "find-site-id").1,
        serde_json::json!({ "helpful": 0, "total": 0 })
    );
}

#[test]
fn two_thousand_votes_from_fifty_clients_with_retries_are_counted_exactly() {
    let (url, store, _dir) = serve(&["getting-paid"]);
    let report = feedback_server::load::run(&format!("{url}/feedback"), "getting-paid", 2000, 50);
    assert_eq!(report.failed, 0, "{report:?}");
    assert_eq!(report.votes, 2000);
    assert!(
        report.requests >= 2500,
        "every fourth vote is sent twice: {report:?}"
    );
    let helpful = (0..2000u64).filter(|i| i % 3 != 0).count() as u64;
    assert_eq!(
        store.counts("getting-paid").unwrap(),
        Counts {
            helpful,
            total: 2000
        }
    );
    assert_eq!(store.total().unwrap(), 2000);
    eprintln!(
        "load: {:.0} votes/s ({} requests in {:?})",
        report.votes_per_second(),
        report.requests,
        report.elapsed
    );
}
