//! A small static file server for the site, on loopback only, built on
//! axum (hyper underneath), which handles browsers' keep-alive connections
//! and parallel requests properly.
//!
//! It serves the dashboard the way a production host would: correct MIME
//! types (wasm streaming needs `application/wasm`), long caching for hashed
//! files, and the strict Content-Security-Policy the README recommends, so
//! every demo and test runs under it.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::Context as _;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;

use index_builder::is_hashed;

/// The policy dashboards are served with. The widget must work under it.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// A running server.
pub(crate) struct Server {
    port: u16,
    thread: JoinHandle<()>,
}

impl Server {
    /// Serves `site` on 127.0.0.1:`port` (0 picks a free port).
    pub(crate) fn start(site: &Path, port: u16) -> anyhow::Result<Server> {
        Server::start_with(site, port, None)
    }

    /// Serves `site` and, beside it under `/feedback`, the example feedback
    /// server with its votes in `db` (created if missing), taking votes for
    /// the articles of the site's signed-in bundle.
    pub(crate) fn start_with_feedback(site: &Path, port: u16, db: &Path) -> anyhow::Result<Server> {
        let articles = feedback_server::articles::from_bundle(&site.join("bundle-signed-in"))?;
        let store = feedback_server::Store::open(db)
            .with_context(|| format!("opening {}", db.display()))?;
        Server::start_with(site, port, Some(feedback_server::router(store, articles)))
    }

    fn start_with(
        site: &Path,
        port: u16,
        feedback: Option<axum::Router>,
    ) -> anyhow::Result<Server> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))
            .with_context(|| format!("could not listen on 127.0.0.1:{port}"))?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr().map_or(port, |a: SocketAddr| a.port());
        let site = Arc::new(site.to_path_buf());
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                let files = axum::Router::new().fallback(respond).with_state(site);
                let app = match feedback {
                    Some(feedback) => feedback.merge(files),
                    None => files,
                };
                if let Err(err) = axum::serve(listener, app).await {
                    eprintln!("xtask: the server stopped: {err}");
                }
            });
        });
        Ok(Server { port, thread })
    }

    /// The base URL, without a trailing slash.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Blocks until the server stops (it does not, short of Ctrl-C).
    pub(crate) fn join(self) {
        let _ = self.thread.join();
    }
}

async fn respond(State(site): State<Arc<PathBuf>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return status(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
    }
    let Some(file) = resolve(&site, &path) else {
        return status(StatusCode::NOT_FOUND, "not found");
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => file_response(&file, bytes),
        Err(_) => status(StatusCode::NOT_FOUND, "not found"),
    }
}

fn status(code: StatusCode, text: &'static str) -> Response {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = code;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The file for a URL path: a file as is, a folder's index.html, or, for an
/// extension-less route of the single-page dashboard, the dashboard itself.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let relative = Path::new(url.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let path = site.join(relative);
    if path.is_file() {
        return Some(path);
    }
    if path.is_dir() && path.join("index.html").is_file() {
        return Some(path.join("index.html"));
    }
    let is_route =
        relative.extension().is_none() && !url.starts_with("/widget/") && !url.contains("/bundle");
    is_route.then(|| site.join("index.html"))
}

fn file_response(path: &Path, bytes: Vec<u8>) -> Response {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mime = match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let cache = if is_hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if ext == "html" {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape_the_site() {
        let site = std::env::temp_dir();
        assert_eq!(resolve(&site, "/../etc/passwd"), None);
        assert_eq!(resolve(&site, "/widget/missing.js"), None);
    }

    #[test]
    fn it_serves_files_with_their_headers_and_routes_to_the_dashboard() {
        let site = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(site.join("bundle")).unwrap();
        std::fs::write(site.join("index.html"), "<!doctype html>dashboard").unwrap();
        std::fs::write(site.join("bundle/en-t0-0123456789abcdef.bin"), [1u8, 2, 3]).unwrap();
        let server = Server::start(&site, 0).unwrap();
        let get = |path: &str| {
            use std::io::{Read, Write};
            let mut stream =
                std::net::TcpStream::connect(server.url().trim_start_matches("http://")).unwrap();
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut out = String::new();
            stream.read_to_string(&mut out).unwrap();
            out.to_ascii_lowercase()
        };
        let page = get("/links/deep-link");
        assert!(page.starts_with("http/1.1 200"), "{page}");
        assert!(page.contains("content-security-policy: default-src 'self'"));
        assert!(page.ends_with("dashboard"));
        let shard = get("/bundle/en-t0-0123456789abcdef.bin");
        assert!(
            shard.contains("cache-control: public, max-age=31536000, immutable"),
            "{shard}"
        );
        assert!(get("/bundle/missing.bin").starts_with("http/1.1 404"));
        let _ = std::fs::remove_dir_all(&site);
    }
}
