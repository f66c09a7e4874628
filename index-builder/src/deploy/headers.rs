//! What a deploy folder tells its host and its reader: the `_headers`
//! rules (Netlify and Cloudflare Pages syntax), the loader's integrity
//! hash and its pinned name, and the folder's `README.txt`.

use std::collections::BTreeSet;

use base64::Engine as _;
use help_core::format::MANIFEST_FILE;
use sha2::{Digest as _, Sha384};

use crate::deploy::hashed::{is_hashed, is_hashed_path};
use crate::deploy::widget::{LOADER, TYPES};

/// How long a content-hashed file may be cached: a year, never revalidated.
pub(crate) const IMMUTABLE: &str = "max-age=31536000, immutable";

/// How long the loader and a manifest may be cached: five minutes, which
/// is how long a deploy takes to reach every page.
pub(crate) const SHORT: &str = "max-age=300";

/// Cloudflare Pages reads at most this many `_headers` rules.
pub const MAX_HEADER_RULES: usize = 100;

/// `sha384-<base64>` of `bytes`, as an `integrity` attribute wants it.
pub(crate) fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `help-widget-<16 hex>.js`: the loader's name when pinned by content.
pub(crate) fn pinned_loader_name(loader: &[u8]) -> String {
    let digest = Sha384::digest(loader);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("help-widget-{hex}.js")
}

pub(crate) fn integrity_txt(integrity: &str, script_tag: &str, pinned: &str) -> String {
    format!(
        "{integrity}\n\
         \n\
         {script_tag}\n\
         \n\
         This tag pins {pinned}, an immutable copy of this deploy's loader that no\n\
         later deploy changes or removes, so its integrity attribute keeps holding. A\n\
         page with this tag stays on this version of the widget until the tag is\n\
         updated. To follow every deploy instead, include {LOADER} (short-cached,\n\
         replaced by each deploy) without an integrity attribute.\n\
         \n\
         crossorigin=\"anonymous\" makes the browser check CORS for the loader itself:\n\
         the host must answer it with `Access-Control-Allow-Origin: *` (_headers does\n\
         on Netlify and Cloudflare Pages; see README.txt for other hosts), or the\n\
         browser blocks the script and nothing appears.\n"
    )
}

/// Whether `path` is a precompressed sibling (`x.br`, `x.gz`).
fn is_sibling(path: &str) -> bool {
    path.ends_with(".br") || path.ends_with(".gz")
}

/// The `_headers` file for the dist files `present` (paths relative to the
/// dist folder), and its number of rules. `private` paths start with one
/// of those prefixes (or everything, with `""`).
///
/// Rules never overlap on `Cache-Control`, because both Netlify and
/// Cloudflare Pages join the values of every matching rule. Each unhashed
/// file gets one rule that also covers its `.br` and `.gz` siblings; the
/// hashed files are covered by the shortest `prefix*` rules that match no
/// unhashed file (`/bundle/en-*`, `/bundle/en/*`, `/help-widget-*`), so
/// the count stays small however many versions the folder holds.
pub(crate) fn headers_file(
    present: &BTreeSet<String>,
    preamble: &str,
    private: &[&str],
) -> (String, usize) {
    let unhashed: BTreeSet<&str> = present
        .iter()
        .map(String::as_str)
        .filter(|p| !is_hashed_path(p))
        .collect();
    let mut prefixes = BTreeSet::new();
    for path in present.iter().filter(|p| is_hashed_path(p)) {
        let prefix = candidate_prefixes(path)
            .into_iter()
            .find(|c| !unhashed.iter().any(|u| u.starts_with(c.as_str())))
            .unwrap_or_else(|| path.clone());
        prefixes.insert(prefix);
    }
    // Keep a prefix only if no shorter kept one already covers it.
    let mut kept: Vec<String> = Vec::new();
    for prefix in prefixes {
        if !kept.iter().any(|k| prefix.starts_with(k.as_str())) {
            kept.push(prefix);
        }
    }
    let scope = |path: &str| {
        if private.iter().any(|p| path.starts_with(p)) {
            "private"
        } else {
            "public"
        }
    };

    let mut out = String::from(preamble);
    let mut rules = 1;
    out.push_str("/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n");
    for path in unhashed.iter().filter(|p| {
        !is_sibling(p) && (p.ends_with(LOADER) || p.ends_with(TYPES) || p.ends_with(MANIFEST_FILE))
    }) {
        out.push_str(&format!(
            "\n/{path}*\n  Cache-Control: {}, {SHORT}\n",
            scope(path)
        ));
        rules += 1;
    }
    for prefix in &kept {
        // A prefix that is a whole file's path (no shorter one avoided an
        // unhashed file) still ends in `*`, for its siblings.
        out.push_str(&format!(
            "\n/{prefix}*\n  Cache-Control: {}, {IMMUTABLE}\n",
            scope(prefix)
        ));
        rules += 1;
    }
    (out, rules)
}

/// The prefixes that could cover `path` in a `prefix*` rule, shortest
/// first: its folders (`bundle/`, `bundle/en/`), then its name cut after
/// each `-` (`bundle/en-`, `bundle/en-t0-`).
fn candidate_prefixes(path: &str) -> Vec<String> {
    let mut out: Vec<String> = path
        .match_indices('/')
        .map(|(i, _)| path[..=i].to_string())
        .collect();
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    out.extend(
        path[name_start..]
            .match_indices('-')
            .map(|(i, _)| path[..=name_start + i].to_string()),
    );
    out
}

/// Whether `name` may sit in a deploy folder under a name that a later
/// deploy reuses: the loader, its types, the manifests and what `dist`
/// writes about the folder, with their precompressed siblings.
pub(crate) fn may_be_unhashed(rel: &str) -> bool {
    let base = rel
        .strip_suffix(".br")
        .or_else(|| rel.strip_suffix(".gz"))
        .unwrap_or(rel);
    let name = base.rsplit('/').next().unwrap_or(base);
    matches!(
        name,
        LOADER | TYPES | MANIFEST_FILE | "_headers" | "integrity.txt" | "README.txt"
    ) || is_hashed(name)
}

pub(crate) const PUBLIC_PREAMBLE: &str = "\
# Response headers for Netlify or Cloudflare Pages, written by `index-builder dist`
# and replaced by each deploy. Elsewhere, set the same headers in the CDN
# (README.txt shows nginx and S3/CloudFront).
#
# Content-hashed files (every name ending in -<hash>) never change: cached a
# year, immutable. The loader and the manifest keep their names from one
# deploy to the next: cached five minutes. CORS is open because dashboards on
# other origins load the loader (crossorigin=\"anonymous\"), import the app
# and fetch the bundle from here.

";

pub(crate) const SIGNED_IN_PREAMBLE: &str = "\
# Response headers for the signed-in bundle, written by `index-builder dist`.
# Serve this folder only behind the dashboard's sign-in. Its files are
# `private`, so that no shared cache keeps them. Narrow the CORS origin below
# to the dashboard's own origin if it is served from elsewhere.

";

pub(crate) const PUBLIC_README: &str = "\
The help widget, ready to serve. Upload the whole folder; keep earlier files.
It holds only public articles: signed-in ones are never written here.

help-widget.js              the loader: the one URL pages include. Short-cached.
help-widget.d.ts            the types of window.HelpWidget.
help-widget-<hash>.js       the app (JS glue and wasm), named by content:
help-widget-<hash>_bg.wasm  cache forever. One more help-widget-<hash>.js is
                            the loader itself, pinned for script tags that
                            carry an integrity hash (see integrity.txt).
bundle/                     the public help-center bundle: manifest.json is
                            short-cached, every other file is named by content.
*.br, *.gz                  each file precompressed (brotli, gzip), for hosts
                            that serve them in place of the file.
_headers                    Cache-Control and CORS (Netlify / Cloudflare Pages).
integrity.txt               the loader's integrity hash and a script tag.

Deploys only add files. Never delete the older hashed files: a page that
loaded the previous loader or manifest keeps reading them for a while.

Headers every host must send (the dashboard is on another origin):
  Access-Control-Allow-Origin: *        on every file (the app is imported as a
                                        module, the bundle is fetched: both need
                                        CORS; so does a pinned script tag)
  Content-Type: application/wasm        on .wasm (streaming compilation needs it)
  Content-Type: text/javascript         on .js
  Cache-Control: public, max-age=31536000, immutable   on names with -<hash>
  Cache-Control: public, max-age=300                   on help-widget.js,
                                        help-widget.d.ts, bundle/manifest.json

nginx:
  location /help-widget/ {
    add_header Access-Control-Allow-Origin * always;
    brotli_static on;   # needs ngx_brotli; gzip_static works without it
    gzip_static on;
    types { application/wasm wasm; text/javascript js; application/json json; }
    location ~ -[0-9a-f]{12,}(_bg)?\\. { add_header Cache-Control \"public, max-age=31536000, immutable\"; add_header Access-Control-Allow-Origin * always; }
  }

S3 + CloudFront: upload with the Content-Type above and the Cache-Control of
each file; add a CloudFront response headers policy with CORS (origin *,
methods GET, HEAD) and turn on compression, or upload the .br/.gz siblings
under the plain names with Content-Encoding set.
";

pub(crate) const SIGNED_IN_README: &str = "\
The help center's signed-in bundle: public and signed-in articles. NOT PUBLIC.

Serve this folder only behind the dashboard's sign-in (for example from the
dashboard's own server, after its session check), never from the public CDN
folder. Point the widget at it with data-bundle=\"<its URL>/\" on pages for
signed-in publishers. Like the public folder, deploys only add files:
manifest.json is short-cached and private, every other file is named by its
content. _headers marks everything `private`.
";
