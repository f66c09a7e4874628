//! A small static file server for the site, on loopback only.
//!
//! It serves the dashboard the way a production host would: correct MIME
//! types (wasm streaming needs `application/wasm`), long caching for hashed
//! files, and the strict Content-Security-Policy the README recommends, so
//! every demo and test runs under it.

use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::anyhow;
use tiny_http::{Header, Request, Response, StatusCode};

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
        let server = tiny_http::Server::http(("127.0.0.1", port))
            .map_err(|e| anyhow!("could not listen on 127.0.0.1:{port}: {e}"))?;
        let port = server.server_addr().to_ip().map_or(port, |a| a.port());
        let server = Arc::new(server);
        let site = site.to_path_buf();
        let thread = std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let site = site.clone();
                std::thread::spawn(move || respond(&site, request));
            }
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

fn respond(site: &Path, mut request: Request) {
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
    if *request.method() == tiny_http::Method::Post && url == "/feedback" {
        // Until the feedback server exists, the demo accepts and logs votes.
        let mut body = String::new();
        let _ = std::io::Read::read_to_string(&mut request.as_reader(), &mut body);
        println!("xtask: feedback received: {body}");
        let _ = request.respond(Response::from_string("").with_status_code(StatusCode(204)));
        return;
    }
    let response = match resolve(site, &url) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => file_response(&path, bytes),
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    let _ = request.respond(response);
}

/// The file for a URL path: a file as is, a folder's index.html, or, for an
/// extension-less route of the single-page dashboard, the dashboard itself.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let relative = Path::new(url.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = site.join(relative);
    if path.is_file() {
        return Some(path);
    }
    if path.is_dir() && path.join("index.html").is_file() {
        return Some(path.join("index.html"));
    }
    let is_route = relative.extension().is_none() && !url.starts_with("/widget/") && !url.starts_with("/bundle/");
    is_route.then(|| site.join("index.html"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

fn file_response(path: &Path, bytes: Vec<u8>) -> Response<Cursor<Vec<u8>>> {
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
    let cache = if is_hashed(name) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut response = Response::from_data(bytes)
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", cache))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if ext == "html" {
        response = response.with_header(header("Content-Security-Policy", CSP));
    }
    response
}

/// Whether a file name carries a content hash (`name-0123abcd….ext`), so
/// its content can never change.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn not_found() -> Response<Cursor<Vec<u8>>> {
    Response::from_string("not found")
        .with_status_code(StatusCode(404))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognized() {
        assert!(is_hashed("index-en-0123456789abcdef.bin"));
        assert!(is_hashed("help-widget-0123456789abcdef_bg.wasm"));
        assert!(!is_hashed("help-widget.js"));
        assert!(!is_hashed("manifest.json"));
    }

    #[test]
    fn paths_cannot_escape_the_site() {
        let site = std::env::temp_dir();
        assert_eq!(resolve(&site, "/../etc/passwd"), None);
        assert_eq!(resolve(&site, "/widget/missing.js"), None);
    }
}
