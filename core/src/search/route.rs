//! Routes: which reserved context terms a dashboard route may match, and
//! how specific each pattern is.
//!
//! An article's `contexts` pattern `/reports/*` covers `/reports` and
//! everything below it; any other pattern must equal the route. Query
//! strings, fragments and a trailing slash on the route are ignored.

use crate::format::reserved::context_term;

/// The route without its query string, fragment or trailing slash.
fn normalize(route: &str) -> &str {
    let route = route.split(['?', '#']).next().unwrap_or(route);
    if route.len() > 1 {
        route.trim_end_matches('/')
    } else {
        route
    }
}

/// How specific a pattern is: exact routes beat wildcards, longer beats shorter.
fn specificity(pattern: &str) -> (usize, bool) {
    let exact = !pattern.ends_with("/*");
    let segments = pattern
        .trim_end_matches("/*")
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    (segments, exact)
}

/// The context terms that could cover `route`, with how specific each
/// pattern is: the route itself, and `/*` under each of its ancestors.
pub(super) fn route_terms(route: &str) -> Vec<(String, (usize, bool))> {
    let route = normalize(route);
    let mut patterns = vec![route.to_string()];
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    for depth in 0..=segments.len() {
        patterns.push(format!("/{}/*", segments[..depth].join("/")).replace("//", "/"));
    }
    patterns
        .into_iter()
        .map(|p| (context_term(&p), specificity(&p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `pattern` in an article's `contexts` covers `route`, as the
    /// engine decides it: the pattern's term is among the route's.
    fn context_matches(pattern: &str, route: &str) -> bool {
        let term = context_term(pattern);
        route_terms(route).iter().any(|(t, _)| *t == term)
    }

    #[test]
    fn route_patterns() {
        assert!(context_matches("/reports/*", "/reports"));
        assert!(context_matches("/reports/*", "/reports/daily?x=1"));
        assert!(!context_matches("/reports/*", "/reportsx"));
        assert!(context_matches("/links/deep-link", "/links/deep-link/"));
        assert!(!context_matches("/links/deep-link", "/links"));
        assert!(context_matches("/", "/"));
        assert!(!context_matches("/", "/links"));
    }

    #[test]
    fn exact_routes_are_more_specific_than_wildcards() {
        assert!(specificity("/links/deep-link") > specificity("/links/*"));
        assert!(specificity("/links/*") > specificity("/"));
        assert!(specificity("/links") > specificity("/links/*"));
    }
}
