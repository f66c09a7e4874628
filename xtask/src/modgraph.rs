//! The module graph check of `cargo xtask lint`: no two modules of a crate
//! import each other, directly or round a longer loop.
//!
//! A module's imports are the `crate::…` and `super::…` paths in its
//! code and intra-doc links, outside its `#[cfg(test)] mod tests`. Each
//! path is resolved to the deepest module of the crate it names; an edge
//! between two modules counts between their ancestors that are siblings, so
//! `search::ranking` using `format::root` is `search` using `format`. A
//! parent declaring or re-exporting its children is not an import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Context as _;

/// The crates whose module graphs must have no cycle.
pub(crate) const CRATES: [&str; 5] = [
    "core",
    "index-builder",
    "widget",
    "xtask",
    "examples/feedback-server",
];

/// One cycle per line, as `crate: a → b → a`; empty when all is well.
pub(crate) fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for krate in CRATES {
        let src = root.join(krate).join("src");
        let mut sources = BTreeMap::new();
        read_modules(&src, &src, &mut sources)?;
        for cycle in cycles(&edges(&sources)) {
            problems.push(format!("{krate}: {}", cycle.join(" → ")));
        }
    }
    Ok(problems)
}

/// Every `.rs` file under `dir`, by module path (`""` for the crate root).
fn read_modules(src: &Path, dir: &Path, out: &mut BTreeMap<String, String>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            read_modules(src, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            out.insert(module_path(src, &path), text);
        }
    }
    Ok(())
}

/// `src/search/mod.rs` → `search`; `src/search/steps.rs` → `search::steps`.
fn module_path(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| ["mod", "lib", "main"].contains(&p.as_str()))
    {
        parts.pop();
    }
    parts.join("::")
}

/// The source without its test module, and of its comments only the
/// intra-doc links (`` [`crate::x`] `` and `` [`x`](crate::x) ``), which
/// rustdoc resolves as imports.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut code = String::new();
    for line in text.lines() {
        if !line.trim_start().starts_with("//") {
            code.push_str(line);
            code.push('\n');
            continue;
        }
        // Both forms: [`crate::x`] and [`x`](crate::x).
        let shortcut = line.split("[`").skip(1).map(|l| l.split('`').next());
        let inline = line.split("](").skip(1).map(|l| l.split(')').next());
        for target in shortcut.chain(inline).flatten() {
            if target.starts_with("crate::") || target.starts_with("super::") {
                code.push_str(target);
                code.push('\n');
            }
        }
    }
    code
}

/// The paths after each `prefix` in `code`: `crate::a::b` gives `a::b`,
/// and `crate::{a, b::c}` gives `a` and `b::c`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => out.push(std::mem::take(&mut item)),
                    _ if depth == 0 => item.push(c),
                    _ => {}
                }
            }
            out.push(item);
        } else {
            out.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect(),
            );
        }
    }
    out.into_iter()
        .map(|p| p.trim().trim_end_matches(':').to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The crate's import edges, each between two sibling modules.
fn edges(sources: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    for (module, text) in sources {
        let code = code_of(text);
        let parent: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
        let parent = &parent[..parent.len().saturating_sub(1)];
        let mut targets: Vec<Vec<String>> = paths_after(&code, "crate::")
            .into_iter()
            .map(|p| p.split("::").map(str::to_string).collect())
            .collect();
        for p in paths_after(&code, "super::") {
            let mut segments: Vec<&str> = p.split("::").collect();
            let ups = segments.iter().take_while(|s| **s == "super").count();
            segments.drain(..ups);
            let base = &parent[..parent.len().saturating_sub(ups)];
            let full = base.iter().chain(&segments).map(|s| s.to_string());
            targets.push(full.collect());
        }
        for target in targets {
            let Some(resolved) = (1..=target.len())
                .rev()
                .map(|k| target[..k].join("::"))
                .find(|m| sources.contains_key(m))
            else {
                continue;
            };
            if let Some(edge) = sibling_edge(module, &resolved) {
                edges.insert(edge);
            }
        }
    }
    edges
}

/// The edge between the ancestors of `from` and `to` that are siblings;
/// none when one module lies inside the other.
fn sibling_edge(from: &str, to: &str) -> Option<(String, String)> {
    let a: Vec<&str> = from.split("::").filter(|s| !s.is_empty()).collect();
    let b: Vec<&str> = to.split("::").filter(|s| !s.is_empty()).collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == a.len() || common == b.len() {
        return None;
    }
    Some((a[..=common].join("::"), b[..=common].join("::")))
}

/// Every cycle of the graph, each once, starting from its smallest module.
fn cycles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        graph.entry(a).or_default().push(b);
    }
    let mut found = BTreeSet::new();
    for &start in graph.keys() {
        // Paths from `start` through modules greater than it, back to it.
        let mut stack: Vec<(Vec<&str>, usize)> = vec![(vec![start], 0)];
        while let Some((path, next)) = stack.pop() {
            let last = *path.last().unwrap_or(&start);
            let outs = graph.get(last).map_or(&[][..], |v| &v[..]);
            let Some(&to) = outs.get(next) else {
                continue;
            };
            stack.push((path.clone(), next + 1));
            if to == start {
                let mut cycle: Vec<String> = path.iter().map(|s| s.to_string()).collect();
                cycle.push(start.to_string());
                found.insert(cycle);
            } else if to > start && !path.contains(&to) {
                let mut longer = path;
                longer.push(to);
                stack.push((longer, 0));
            }
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(files: &[(&str, &str)]) -> Vec<Vec<String>> {
        let sources = files
            .iter()
            .map(|(m, t)| (m.to_string(), t.to_string()))
            .collect();
        cycles(&edges(&sources))
    }

    #[test]
    fn two_modules_importing_each_other_are_a_cycle() {
        let found = graph(&[
            ("", "mod app;\nmod article;"),
            ("app", "use crate::article::ArticleView;"),
            ("article", "use crate::{app::State, dom};"),
        ]);
        assert_eq!(found, vec![vec!["app", "article", "app"]]);
    }

    #[test]
    fn a_longer_loop_through_nested_modules_is_found() {
        let found = graph(&[
            ("", ""),
            ("a", ""),
            ("a::x", "use super::super::b::f;"),
            ("b", "fn f() { crate::c::g() }"),
            ("c", "use crate::a::x::h;"),
        ]);
        assert_eq!(found, vec![vec!["a", "b", "c", "a"]]);
        let found = graph(&[
            ("", ""),
            ("a", ""),
            ("a::x", "use crate::b::f;"),
            ("b", "fn f() { crate::c::g() }"),
            ("c", "use crate::a::x::h;"),
        ]);
        assert_eq!(found, vec![vec!["a", "b", "c", "a"]]);
    }

    #[test]
    fn parents_children_comments_and_tests_do_not_count() {
        let found = graph(&[
            ("", "mod search;\npub use search::Hit;"),
            (
                "search",
                "mod rank;\npub use rank::Hit;\nuse crate::search::rank::x;",
            ),
            ("search::rank", "use super::Hit;"),
            (
                "format",
                "//! see crate::search, `crate::build`\nuse crate::codec::Reader;",
            ),
            (
                "codec",
                "#[cfg(test)]\nmod tests {\n    use crate::format::X;\n}",
            ),
            (
                "search::steps",
                "use super::rank::Hit;\nuse crate::format::Y;",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn intra_doc_links_count_as_imports() {
        let found = graph(&[
            ("build", "use crate::format::Shard;"),
            ("format", "//! Reserved terms (see [`crate::build`])."),
        ]);
        assert_eq!(found, vec![vec!["build", "format", "build"]]);
        let found = graph(&[
            ("build", "use crate::format::Shard;"),
            (
                "format",
                "/// Written by [`IndexWriter`](crate::build::IndexWriter).",
            ),
        ]);
        assert_eq!(found, vec![vec!["build", "format", "build"]]);
    }

    #[test]
    fn module_paths_follow_the_files() {
        let src = Path::new("/x/src");
        assert_eq!(module_path(src, Path::new("/x/src/lib.rs")), "");
        assert_eq!(
            module_path(src, Path::new("/x/src/search/mod.rs")),
            "search"
        );
        assert_eq!(
            module_path(src, Path::new("/x/src/search/steps.rs")),
            "search::steps"
        );
    }

    #[test]
    fn the_workspace_has_no_module_cycle() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        assert_eq!(check(root).unwrap(), Vec::<String>::new());
    }
}
