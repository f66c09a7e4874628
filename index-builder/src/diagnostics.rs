//! Problems with the builder's input: where, and what.
//!
//! Content files, `support.toml` and a Zendesk export all report through
//! the one [`Problem`] type, and only this module formats problems, so every
//! list reads the same way: one `where: what` line per problem, then
//! `N problem(s) found`.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in its file a problem is.
///
/// The order (whole file, then by line) is the order problems are listed in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The file or folder as a whole.
    File,
    /// A 1-based line of a text file.
    Line(usize),
    /// One entry of a JSON export.
    Entry {
        /// The entry's JSON path, as `articles[3]`, or `[3]` for a bare array.
        at: String,
        /// Its id in the export, when it has a readable one.
        id: Option<u64>,
    },
}

/// One problem with the input: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// Where in it.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem with the file or folder `path` as a whole.
    pub fn file(path: &Path, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            location: Location::File,
            message: message.into(),
        }
    }

    /// A problem on the 1-based `line` of `path`.
    pub fn line(path: &Path, line: usize, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            location: Location::Line(line),
            message: message.into(),
        }
    }

    /// A problem on `line` of `path` if known, else with the whole file.
    pub fn maybe_line(path: &Path, line: Option<usize>, message: impl Into<String>) -> Problem {
        match line {
            Some(line) => Problem::line(path, line, message),
            None => Problem::file(path, message),
        }
    }

    /// A problem with the entry `at` (id `id`, if readable) of the export `path`.
    pub fn entry(
        path: &Path,
        at: impl Into<String>,
        id: Option<u64>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            path: path.to_path_buf(),
            location: Location::Entry { at: at.into(), id },
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.location {
            Location::File => write!(f, "{path}: {}", self.message),
            Location::Line(line) => write!(f, "{path}:{line}: {}", self.message),
            Location::Entry { at, id: Some(id) } => {
                write!(f, "{path}: {at} (id {id}): {}", self.message)
            }
            Location::Entry { at, id: None } => write!(f, "{path}: {at}: {}", self.message),
        }
    }
}

/// Every problem found in one run, in the order they are reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Problems {}

impl Problems {
    /// The same problems, with paths under `from` named as under `to`, as
    /// they would read had the files been there; other paths stay as they are.
    pub(crate) fn moved(self, from: &Path, to: &Path) -> Problems {
        let moved = self
            .0
            .into_iter()
            .map(|p| Problem {
                path: to.join(p.path.strip_prefix(from).unwrap_or(&p.path)),
                ..p
            })
            .collect();
        Problems(moved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_location_reads_as_where_then_what() {
        let path = Path::new("a/b.md");
        assert_eq!(Problem::file(path, "bad").to_string(), "a/b.md: bad");
        assert_eq!(Problem::line(path, 3, "bad").to_string(), "a/b.md:3: bad");
        assert_eq!(
            Problem::entry(Path::new("x.json"), "[0]", Some(7), "bad").to_string(),
            "x.json: [0] (id 7): bad"
        );
        assert_eq!(
            Problem::entry(Path::new("x.json"), "articles[2]", None, "bad").to_string(),
            "x.json: articles[2]: bad"
        );
    }

    #[test]
    fn a_list_ends_with_its_count() {
        let one = Problems(vec![Problem::file(Path::new("a"), "bad")]);
        assert_eq!(one.to_string(), "a: bad\n1 problem found");
        let two = Problems(vec![
            Problem::line(Path::new("a"), 1, "x"),
            Problem::line(Path::new("a"), 2, "y"),
        ]);
        assert_eq!(two.to_string(), "a:1: x\na:2: y\n2 problems found");
        assert_eq!(Problems(Vec::new()).to_string(), "0 problems found");
    }

    #[test]
    fn moved_problems_name_the_new_folder_and_others_stay() {
        let found = Problems(vec![
            Problem::line(Path::new("/tmp/.out.tmp/articles/en/a.md"), 2, "x"),
            Problem::file(Path::new("/elsewhere/support.toml"), "y"),
        ]);
        let moved = found.moved(Path::new("/tmp/.out.tmp"), Path::new("content"));
        assert_eq!(
            moved.to_string(),
            "content/articles/en/a.md:2: x\n/elsewhere/support.toml: y\n2 problems found"
        );
    }

    #[test]
    fn whole_file_problems_sort_before_line_problems() {
        let mut list = [
            Problem::line(Path::new("a"), 2, "x"),
            Problem::file(Path::new("a"), "z"),
            Problem::line(Path::new("a"), 1, "y"),
        ];
        list.sort();
        let lines: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(lines, ["a: z", "a:1: y", "a:2: x"]);
    }
}
