//! `index-builder init DIR`: a starter help center that builds as it is,
//! with a documented `support.toml` and `categories.toml`, two articles
//! and one translation.
//! The files live in `index-builder/starter/` and are compiled in.

use std::io;
use std::path::Path;

use crate::output::{replace_dir, write_files};

/// The starter's files, by path relative to the new folder.
pub const STARTER: [(&str, &str); 6] = [
    ("README.md", include_str!("../starter/README.md")),
    ("support.toml", include_str!("../starter/support.toml")),
    (
        "categories.toml",
        include_str!("../starter/categories.toml"),
    ),
    (
        "articles/en/welcome.md",
        include_str!("../starter/articles/en/welcome.md"),
    ),
    (
        "articles/en/reset-password.md",
        include_str!("../starter/articles/en/reset-password.md"),
    ),
    (
        "articles/fr/welcome.md",
        include_str!("../starter/articles/fr/welcome.md"),
    ),
];

/// Writes the starter help center into `dir`, which must be absent or
/// empty: nothing of an author's is ever overwritten. The folder appears
/// whole or not at all.
pub fn init(dir: &Path) -> io::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty; init writes only into a new or empty folder",
                        dir.display()
                    ),
                ));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    replace_dir(
        dir,
        |staging| write_files(staging, STARTER.iter().map(|(p, t)| (*p, t.as_bytes()))),
        |e| e,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::content::{Visibility, load_content};

    #[test]
    fn the_starter_builds_as_it_is_with_two_articles_and_a_translation() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("help");
        init(&dir).unwrap();
        let content = load_content(&dir).unwrap();
        let counts = content.counts();
        assert_eq!(counts.articles, 2);
        assert_eq!(counts.files, 3);
        assert_eq!(content.locales(), ["en", "fr"]);
        assert!(
            content
                .articles
                .iter()
                .all(|a| a.front.visibility == Visibility::Public)
        );
        let support = content.support.expect("a support.toml");
        assert!(!support.regions.is_empty());
        // Documented: a comment comes right before every table.
        let lines: Vec<&str> = STARTER[1].1.lines().collect();
        for table in ["[hours]", "[[regions]]", "[request]"] {
            let at = lines.iter().position(|l| *l == table).expect(table);
            assert!(at > 0 && lines[at - 1].starts_with('#'), "{table}");
        }
    }

    #[test]
    fn init_never_writes_into_a_folder_with_files() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("notes.md"), "mine").unwrap();
        let err = init(tmp.path()).unwrap_err();
        assert!(err.to_string().contains("not empty"), "{err}");
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("notes.md")).unwrap(),
            "mine"
        );
        assert!(!tmp.path().join("support.toml").exists());

        // An empty folder is fine.
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        init(&empty).unwrap();
        assert!(empty.join("articles/fr/welcome.md").exists());
    }
}
