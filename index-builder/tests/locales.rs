//! A help center with locales beyond the widget's own: `fixtures/locales`
//! has Spanish (stemmed) and Polish (unstemmed) translations, and is given
//! the example's `support.toml` with `[strings]` tables for the test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use help_core::support::SupportData;
use help_core::{Audience, LocaleRoot, SearchOptions, TermShard};
use index_builder::BuildOptions;
use tempfile::TempDir;

/// The UI strings the fixture's `support.toml` adds, after the example's.
const STRINGS: &str = r#"
[strings.es]
search_placeholder = "Buscar"
results = "{} artículos encontrados."

[strings.en]
help = "Support"
"#;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The fixture in a temporary folder, with the example's `support.toml`
/// followed by `strings`.
fn help_center(strings: &str) -> (TempDir, PathBuf) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("help-center");
    copy_dir(&manifest.join("tests/fixtures/locales"), &root);
    let support =
        std::fs::read_to_string(manifest.join("../examples/help-center/support.toml")).unwrap();
    std::fs::write(root.join("support.toml"), support + strings).unwrap();
    (dir, root)
}

fn index_builder(args: &[&Path]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn check_and_build_accept_spanish_and_polish_and_note_that_polish_is_unstemmed() {
    let (dir, root) = help_center(STRINGS);
    let out = dir.path().join("bundle");
    for args in [
        vec![Path::new("check"), &root],
        vec![Path::new("build"), &root, Path::new("--out"), &out],
    ] {
        let (ok, stdout, stderr) = index_builder(&args);
        assert!(ok, "{stderr}");
        assert!(stdout.contains("in 3 locale(s)"), "{stdout}");
        assert_eq!(
            stderr,
            "note: locale `pl` is indexed without stemming (no stemmer for its language): \
             a search finds the words as written, not their other forms\n"
        );
    }
}

#[test]
fn spanish_finds_another_form_of_a_word_and_polish_the_word_as_written() {
    let (dir, root) = help_center(STRINGS);
    let content = index_builder::load_content(&root).unwrap();
    let bundle = index_builder::build_bundle(&content, &BuildOptions::default(), &mut || {});
    let out = dir.path().join("bundle");
    index_builder::write_bundle(&bundle, &out).unwrap();
    let reader = index_builder::open_bundle(&out).unwrap();
    assert_eq!(
        reader.manifest.locales.keys().collect::<Vec<_>>(),
        ["en", "es", "pl"]
    );
    let search = |locale: &str, query: &str| {
        let mut index = reader.locale(locale).unwrap();
        let hits = reader
            .search(&mut index, query, &SearchOptions::default())
            .unwrap();
        hits.into_iter()
            .map(|h| (h.id, h.title))
            .collect::<Vec<_>>()
    };
    let paid_es = ("payouts".to_string(), "Cuándo cobras".to_string());
    // The article says "pagos" and "transferencias", never the singular.
    assert_eq!(search("es", "pago").first(), Some(&paid_es));
    assert_eq!(
        search("es", "transferencia bancaria").first(),
        Some(&paid_es)
    );
    assert_eq!(search("es-MX", "pagar").first(), Some(&paid_es));
    let paid_pl = ("payouts".to_string(), "Kiedy otrzymasz wypłatę".to_string());
    assert_eq!(search("pl", "wypłaty").first(), Some(&paid_pl));
    assert_eq!(search("pl", "przelewem").first(), Some(&paid_pl));
    // Polish has no stop words to drop: "co" is a word like any other.
    assert_eq!(search("pl", "co").first(), Some(&paid_pl));
    // The index holds Spanish stems and Polish words as written.
    let terms = |locale: &str| {
        let root =
            LocaleRoot::decode(&bundle.files[&bundle.manifest.locales[locale].root]).unwrap();
        (0..root.shards.len())
            .flat_map(|i| {
                TermShard::decode(&bundle.files[&root.shard_file(i)], root.doc_count)
                    .unwrap()
                    .terms
            })
            .map(|t| t.term)
            .collect::<BTreeSet<String>>()
    };
    let (es, pl) = (terms("es"), terms("pl"));
    assert!(es.contains("pag") && !es.contains("pagos"), "{es:?}");
    for stop_word in ["los", "la", "el", "en", "por"] {
        assert!(
            !es.contains(stop_word),
            "Spanish stop word {stop_word} in {es:?}"
        );
    }
    for word in ["wypłaty", "przelewem", "co", "na", "płatności"] {
        assert!(pl.contains(word), "{word} in {pl:?}");
    }
}

#[test]
fn the_strings_travel_in_the_bundles_support_data() {
    let (_dir, root) = help_center(STRINGS);
    let content = index_builder::load_content(&root).unwrap();
    let options = BuildOptions {
        audience: Audience::Public,
        ..BuildOptions::default()
    };
    let bundle = index_builder::build_bundle(&content, &options, &mut || {});
    let name = bundle.manifest.support.as_ref().expect("a support file");
    let support: SupportData = serde_json::from_slice(&bundle.files[name]).unwrap();
    let es = &support.strings.0["es"];
    assert_eq!(es["search_placeholder"], "Buscar");
    assert_eq!(es["results"], "{} artículos encontrados.");
    assert_eq!(support.strings.0["en"]["help"], "Support");
    assert_eq!(support.strings.0.len(), 2);
}

#[test]
fn a_bad_strings_entry_is_an_error_on_its_line() {
    let strings = "\n[strings.es]\nsearch_placeholder = \"Buscar\"\nresults = \"{n} artículos\"\n\
                   serch = \"Buscar\"\n\n[strings.es_MX]\nhelp = \"Ayuda\"\n";
    let (dir, root) = help_center(strings);
    let lines = std::fs::read_to_string(root.join("support.toml"))
        .unwrap()
        .lines()
        .count();
    let (ok, _, stderr) = index_builder(&[Path::new("check"), &root]);
    assert!(!ok);
    let path = root.join("support.toml");
    let at = |from_end: usize| format!("{}:{}", path.display(), lines - from_end);
    assert_eq!(
        stderr,
        format!(
            "{}: [strings.es]: `results` takes 1 `{{}}` (the number of articles), found 0\n\
             {}: [strings.es]: unknown UI string `serch`\n\
             {}: [strings.es_MX]: `es_MX` is not a locale tag: expected a language code such as \
             `es`, optionally with a region such as `es-MX` (lowercase language, then `-` and an \
             uppercase region)\n\
             3 problems found\n",
            at(4),
            at(3),
            at(1),
        )
    );
    drop(dir);
}
