use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::*;

fn widget() -> WidgetAssets {
    WidgetAssets::new(
        "!function(){var a=__HW_APP__;}();".into(),
        b"export {};".to_vec(),
        (
            "help-widget-0123456789abcdef.js".into(),
            b"export default 1;".to_vec(),
        ),
        (
            "help-widget-0123456789abcdef_bg.wasm".into(),
            b"\0asm".to_vec(),
        ),
    )
    .unwrap()
}

struct Got {
    status: u16,
    head: String,
    body: String,
}

/// A plain HTTP/1.1 GET.
fn get(preview: &Preview, path: &str) -> Got {
    let mut stream = TcpStream::connect(preview.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nOrigin: http://127.0.0.1:1\r\nConnection: close\r\n\r\n",
        preview.addr
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Got {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

fn state(preview: &Preview, after: u64) -> serde_json::Value {
    serde_json::from_str(&get(preview, &format!("/_preview/state?after={after}")).body).unwrap()
}

/// Waits (up to a generous bound, never as a timing assertion) for the
/// version to pass `after`.
fn next_state(preview: &Preview, after: u64) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let s = state(preview, after);
        if s["version"].as_u64().unwrap() > after || Instant::now() > deadline {
            return s;
        }
    }
}

#[test]
fn the_preview_rebuilds_on_save_and_shows_problems_while_serving_the_last_good_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("help");
    crate::init::init(&dir).unwrap();
    let preview = Preview::start(&dir, widget(), 0).unwrap();

    let page = get(
        &preview,
        "/?route=/account&locale=fr&audience=signed-in&tz=Asia/Tokyo",
    );
    assert_eq!(page.status, 200);
    assert!(
        page.head
            .contains("content-security-policy: default-src 'self'")
    );
    assert!(page.body.contains(
        "<script src=\"/widget/help-widget.js\" data-bundle=\"/bundle-signed-in/\" \
         data-locale=\"fr\" data-time-zone=\"Asia/Tokyo\"></script>"
    ));
    assert!(page.body.contains("value=\"/account\""));
    assert!(
        page.body
            .contains("<option value=\"fr\" selected>fr</option>")
    );

    // Everything allows any origin, for the author's own dashboard.
    for path in [
        "/widget/help-widget.js",
        "/widget/help-widget-0123456789abcdef_bg.wasm",
        "/bundle/manifest.json",
        "/bundle-signed-in/manifest.json",
    ] {
        let got = get(&preview, path);
        assert_eq!(got.status, 200, "{path}");
        assert!(
            got.head.contains("access-control-allow-origin: *"),
            "{path}"
        );
    }
    assert!(
        get(&preview, "/widget/help-widget-0123456789abcdef_bg.wasm")
            .head
            .contains("content-type: application/wasm")
    );
    // The loader carries this content's contacts.
    assert!(
        get(&preview, "/widget/help-widget.js")
            .body
            .contains("+1-555-0100")
    );

    let first = state(&preview, 0);
    assert!(first["problems"].is_null(), "{first}");
    let version = first["version"].as_u64().unwrap();
    let generation = first["generation"].as_u64().unwrap();
    let manifest = get(&preview, "/bundle/manifest.json").body;

    // A save: the next state is a new generation, with the new bundle.
    let article = dir.join("articles/en/welcome.md");
    let text = std::fs::read_to_string(&article).unwrap();
    let saved = Instant::now();
    std::fs::write(
        &article,
        text.replace("Welcome to the help center", "Hello, authors"),
    )
    .unwrap();
    let rebuilt = next_state(&preview, version);
    eprintln!("save to rebuilt state: {:?}", saved.elapsed());
    assert_eq!(
        rebuilt["generation"].as_u64().unwrap(),
        generation + 1,
        "{rebuilt}"
    );
    assert!(rebuilt["problems"].is_null());
    let new_manifest = get(&preview, "/bundle/manifest.json").body;
    assert_ne!(new_manifest, manifest);

    // A broken front matter: problems as path:line, the bundle unchanged.
    std::fs::write(&article, text.replace("title = ", "titel = ")).unwrap();
    let broken = next_state(&preview, rebuilt["version"].as_u64().unwrap());
    let problems = broken["problems"].as_str().expect("problems");
    assert!(
        problems.contains(&format!("{}:3:", article.display())),
        "{problems}"
    );
    assert_eq!(broken["generation"], rebuilt["generation"]);
    assert_eq!(get(&preview, "/bundle/manifest.json").body, new_manifest);
    let page = get(&preview, "/");
    assert!(page.body.contains("The content has problems"));
    assert!(
        !page
            .body
            .contains("class=\"overlay\" role=\"alert\" aria-labelledby=\"overlay-title\" hidden")
    );

    // Fixed: the problems go, and a new generation is served.
    std::fs::write(&article, &text).unwrap();
    let fixed = next_state(&preview, broken["version"].as_u64().unwrap());
    assert!(fixed["problems"].is_null(), "{fixed}");
    assert_eq!(fixed["generation"].as_u64().unwrap(), generation + 2);
}

#[test]
fn query_values_are_escaped_into_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("help");
    crate::init::init(&dir).unwrap();
    let preview = Preview::start(&dir, widget(), 0).unwrap();
    let page = get(
        &preview,
        "/?route=/%22%3E%3Cscript%3Ealert(1)%3C/script%3E&locale=%22%3E%3Cb%3E",
    );
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    assert!(!page.body.contains("\"><b>"), "{}", page.body);
    assert!(page.body.contains("&quot;&gt;&lt;script&gt;"));
}
