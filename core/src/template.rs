//! Message templates: text with `{}` where each argument goes, as the
//! widget's strings in every language are written.
//!
//! [`fill`] makes the text; [`split`] gives the pieces around the
//! placeholders, for a view that puts markup (a `<time>`) in their place.

/// What marks an argument's place in a template.
pub const PLACEHOLDER: &str = "{}";

/// `template` with each `{}` replaced by the next of `args`. A `{}` with
/// no argument left becomes nothing; arguments left over are dropped.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find(PLACEHOLDER) {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + PLACEHOLDER.len()..];
    }
    out.push_str(rest);
    out
}

/// The `N` pieces of `template` around its first `N - 1` placeholders;
/// the last piece keeps any placeholders after those. Pieces a template
/// lacks placeholders for are empty.
pub fn split<const N: usize>(template: &str) -> [&str; N] {
    let mut pieces = [""; N];
    for (piece, part) in pieces.iter_mut().zip(template.splitn(N, PLACEHOLDER)) {
        *piece = part;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_fill_the_placeholders_in_order() {
        assert_eq!(
            fill("{} of {} found this helpful", &["6", "15"]),
            "6 of 15 found this helpful"
        );
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
        assert_eq!(fill("no place", &["a"]), "no place");
        assert_eq!(fill("{}{}", &["é", "ß"]), "éß");
    }

    #[test]
    fn templates_split_around_their_first_placeholders() {
        assert_eq!(
            split::<2>("Open now: closes at {} (in {})"),
            ["Open now: closes at ", " (in {})"]
        );
        assert_eq!(
            split::<3>("Hours {}–{} every day"),
            ["Hours ", "–", " every day"]
        );
        assert_eq!(split::<2>("Closed for now"), ["Closed for now", ""]);
        assert_eq!(split::<3>("{} only"), ["", " only", ""]);
    }
}
