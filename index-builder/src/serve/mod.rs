//! `index-builder serve CONTENT_DIR`: the author's preview.
//!
//! One HTTP server on loopback serves a neutral host page that embeds the
//! widget (with controls for route, locale, audience and time zone), the
//! prebuilt widget, and both bundles built in memory. A watcher rebuilds
//! on every save; the page learns of it by a long poll on
//! `/_preview/state` and reloads itself, or shows the problems as an
//! overlay while the last good bundles stay served. Every response allows
//! any origin, so the widget can also be embedded from the author's real
//! dashboard on another port.
//!
//! ```text
//! /                          the host page (query: route, locale, audience, tz)
//! /_preview/{preview.js,preview.css}
//! /_preview/state?after=N    {version, generation, problems}, once version > N
//! /widget/help-widget.js     the loader, carrying this content's contacts
//! /widget/<app files>        the embedded widget
//! /bundle/…                  the public bundle
//! /bundle-signed-in/…        the signed-in bundle
//! ```

mod page;
mod watch;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use help_core::Audience;

use crate::bundle::{BuildOptions, Bundle, build_bundle};
use crate::content::load_content;
use crate::deploy::hashed::is_hashed;
use crate::deploy::{LOADER, TYPES, WidgetAssets};

/// How long a long poll waits for a change before answering anyway.
const POLL: Duration = Duration::from_secs(25);

/// What the preview serves at one moment.
#[derive(Debug, Default)]
struct Built {
    /// Bumped by every rebuild, good or bad.
    version: u64,
    /// Bumped by every good rebuild: a page reloads when it changes.
    generation: u64,
    public: Option<Bundle>,
    signed_in: Option<Bundle>,
    /// The last rebuild's problems, one `path:line: message` per line.
    problems: Option<String>,
    /// Public articles, files and locales of the last good build.
    summary: String,
    /// The routes the content's `contexts` name, for the route control.
    routes: Vec<String>,
}

struct Shared {
    dir: PathBuf,
    widget: WidgetAssets,
    built: RwLock<Built>,
    changes: tokio::sync::watch::Sender<u64>,
}

impl Shared {
    /// Rebuilds both bundles from the folder. A failure keeps the last
    /// good bundles and records the problems.
    fn rebuild(&self) {
        let result = load_content(&self.dir).map(|content| {
            let build = |audience| {
                build_bundle(
                    &content,
                    &BuildOptions {
                        audience,
                        ..BuildOptions::default()
                    },
                    &mut || {},
                )
            };
            let counts = content.counts();
            let summary = format!(
                "{} article(s) in {} locale(s), {} signed-in",
                counts.articles, counts.locales, counts.signed_in
            );
            let mut routes: Vec<String> = content
                .articles
                .iter()
                .flat_map(|a| a.front.contexts.iter())
                .map(|c| c.trim_end_matches("/*").trim_end_matches('*').to_string())
                .filter(|c| c.starts_with('/'))
                .collect();
            routes.sort();
            routes.dedup();
            (
                build(Audience::Public),
                build(Audience::SignedIn),
                summary,
                routes,
            )
        });
        let mut built = self.built.write().unwrap_or_else(|e| e.into_inner());
        built.version += 1;
        match result {
            Ok((public, signed_in, summary, routes)) => {
                built.generation += 1;
                built.public = Some(public);
                built.signed_in = Some(signed_in);
                built.problems = None;
                built.summary = summary;
                built.routes = routes;
            }
            Err(problems) => built.problems = Some(problems.to_string()),
        }
        let version = built.version;
        drop(built);
        self.changes.send_replace(version);
    }
}

/// A running preview.
pub struct Preview {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _watcher: watch::Watcher,
}

impl Preview {
    /// Builds `dir`, starts watching it, and serves the preview on
    /// 127.0.0.1:`port` (0 picks a free port). A content error does not
    /// stop it: the page shows the problems until they are fixed.
    pub fn start(dir: &Path, widget: WidgetAssets, port: u16) -> std::io::Result<Preview> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot listen on 127.0.0.1:{port}: {e}"))
        })?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (changes, _) = tokio::sync::watch::channel(0);
        let shared = Arc::new(Shared {
            dir: dir.to_path_buf(),
            widget,
            built: RwLock::new(Built::default()),
            changes,
        });
        shared.rebuild();
        let watcher = watch::Watcher::start(dir, {
            let shared = shared.clone();
            move || shared.rebuild()
        })?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let app = axum::Router::new().fallback(handle).with_state(shared);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        Ok(Preview {
            addr,
            stop: Some(stop),
            thread: Some(thread),
            _watcher: watcher,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves until the process ends.
    pub fn join(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let (status, kind, body) = match path.as_str() {
        "/" | "/index.html" => {
            let built = shared.built.read().unwrap_or_else(|e| e.into_inner());
            let html = page::host_page(&page::Controls::from_query(&query), &shared.dir, &built);
            (
                StatusCode::OK,
                "text/html; charset=utf-8",
                html.into_bytes(),
            )
        }
        "/_preview/preview.js" => (
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            page::PREVIEW_JS.as_bytes().to_vec(),
        ),
        "/_preview/preview.css" => (
            StatusCode::OK,
            "text/css; charset=utf-8",
            page::PREVIEW_CSS.as_bytes().to_vec(),
        ),
        "/_preview/state" => {
            let after = page::query_param(&query, "after")
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0);
            let mut changes = shared.changes.subscribe();
            if *changes.borrow_and_update() <= after {
                let _ = tokio::time::timeout(POLL, changes.changed()).await;
            }
            let built = shared.built.read().unwrap_or_else(|e| e.into_inner());
            (
                StatusCode::OK,
                "application/json",
                page::state_json(&built).into_bytes(),
            )
        }
        _ => serve_file(&shared, &path),
    };
    respond(status, kind, body, &path)
}

/// The widget's and the bundles' files.
fn serve_file(shared: &Shared, path: &str) -> (StatusCode, &'static str, Vec<u8>) {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            format!("{path}: not found").into_bytes(),
        )
    };
    if let Some(name) = path.strip_prefix("/widget/") {
        let widget = &shared.widget;
        let bytes = if name == LOADER {
            let built = shared.built.read().unwrap_or_else(|e| e.into_inner());
            let support = built
                .public
                .as_ref()
                .map_or_else(|| "null".to_string(), crate::deploy::support_json);
            widget.loader(&support).into_bytes()
        } else if name == TYPES {
            widget.types.clone()
        } else if name == widget.app_js.0 {
            widget.app_js.1.clone()
        } else if name == widget.app_wasm.0 {
            widget.app_wasm.1.clone()
        } else {
            return not_found();
        };
        return (StatusCode::OK, content_type(name), bytes);
    }
    let (bundle, name) = if let Some(name) = path.strip_prefix("/bundle/") {
        (Audience::Public, name)
    } else if let Some(name) = path.strip_prefix("/bundle-signed-in/") {
        (Audience::SignedIn, name)
    } else {
        return not_found();
    };
    let built = shared.built.read().unwrap_or_else(|e| e.into_inner());
    let bundle = match bundle {
        Audience::Public => built.public.as_ref(),
        Audience::SignedIn => built.signed_in.as_ref(),
    };
    match bundle {
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            "text/plain; charset=utf-8",
            b"the content has problems and has not built yet; see the preview page".to_vec(),
        ),
        Some(bundle) => match bundle.files.get(name) {
            Some(bytes) => (StatusCode::OK, content_type(name), bytes.clone()),
            None => not_found(),
        },
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("html") => "text/html; charset=utf-8",
        Some("ts") => "application/typescript; charset=utf-8",
        // Article images (`images/` in the bundle).
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, kind: &'static str, body: Vec<u8>, path: &str) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Another origin (the author's own dashboard) may embed the preview.
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    let name = path.rsplit('/').next().unwrap_or("");
    let cache = if status == StatusCode::OK && is_hashed(name) {
        "max-age=31536000, immutable"
    } else {
        "no-store"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if path == "/" || path == "/index.html" {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(page::CSP),
        );
    }
    response
}

#[cfg(test)]
mod tests;
