//! Bundles built from real content: audiences, determinism, decoding and
//! ranking quality on the example help center.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use help_core::{Audience, DocChunk, LocaleRoot, Manifest, SearchOptions, TermShard};
use index_builder::{BuildAnalyzer, BuildOptions, Bundle, Visibility};
use tempfile::TempDir;

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center")
}

fn build(dir: &Path, audience: Audience) -> Bundle {
    let content = index_builder::load_content(dir).expect("valid content");
    index_builder::build_bundle(
        &content,
        &BuildOptions {
            audience,
            ..BuildOptions::default()
        },
        &mut || {},
    )
}

/// Every term in every shard of the bundle.
fn all_terms(bundle: &Bundle) -> BTreeSet<String> {
    let mut terms = BTreeSet::new();
    for entry in bundle.manifest.locales.values() {
        let root = LocaleRoot::decode(&bundle.files[&entry.root]).unwrap();
        for i in 0..root.shards.len() {
            let shard =
                TermShard::decode(&bundle.files[&root.shard_file(i)], root.doc_count).unwrap();
            terms.extend(shard.terms.into_iter().map(|t| t.term));
        }
    }
    terms
}

const CANARY: &str = "zyxwcanary";

fn canary_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    let en = dir.path().join("articles/en");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(
        en.join("public.md"),
        "+++\nid = \"public\"\ntitle = \"Public payments\"\ncategory = \"payments\"\ncontexts = [\"/payments\"]\n+++\nAnyone may read about payments.\n",
    )
    .unwrap();
    std::fs::write(
        en.join("secret.md"),
        format!(
            "+++\nid = \"secret-{CANARY}\"\ntitle = \"Private {CANARY} title\"\nsummary = \"{CANARY} summary\"\ncategory = \"payments\"\ntags = [\"{CANARY}tag\"]\ncontexts = [\"/payments/{CANARY}\"]\nvisibility = \"signed-in\"\n+++\nThe {CANARY} body, with words like {CANARY}ing.\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn the_public_bundle_holds_nothing_of_a_signed_in_article() {
    let dir = canary_folder();
    let public = build(dir.path(), Audience::Public);
    for (name, bytes) in &public.files {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        assert!(
            !text.contains(CANARY) && !name.contains(CANARY),
            "{name} leaks the canary"
        );
    }
    assert!(
        all_terms(&public)
            .iter()
            .all(|t| !t.contains("zyxwcanari") && !t.contains(CANARY))
    );
    assert_eq!(public.manifest.locales["en"].articles, 1);

    // The signed-in bundle has everything: the canary is findable there.
    let signed_in = build(dir.path(), Audience::SignedIn);
    assert_eq!(signed_in.manifest.audience, Audience::SignedIn);
    assert!(
        all_terms(&signed_in)
            .iter()
            .any(|t| t.starts_with("zyxwcanari"))
    );
    assert!(
        signed_in
            .files
            .values()
            .any(|b| String::from_utf8_lossy(b).contains(CANARY))
    );
}

#[test]
fn the_example_public_bundle_leaks_no_signed_in_article() {
    let content = index_builder::load_content(&example_dir()).unwrap();
    let public = build(&example_dir(), Audience::Public);
    let secret: Vec<_> = content
        .articles
        .iter()
        .filter(|a| a.front.visibility == Visibility::SignedIn)
        .collect();
    assert!(
        secret.len() >= 6,
        "the example marks several articles signed-in"
    );
    // Public articles may link to a signed-in one and name it; what must not
    // appear is the article itself: its record, its body, its text.
    let mut public_titles = BTreeSet::new();
    let mut public_ids = BTreeSet::new();
    for entry in public.manifest.locales.values() {
        let root = LocaleRoot::decode(&public.files[&entry.root]).unwrap();
        let titles = help_core::TitleList::decode(&public.files[&root.titles_file()]).unwrap();
        for title in titles.titles {
            assert!(!title.signed_in, "{} is listed", title.id);
            public_ids.insert(title.id);
        }
        for i in 0..root.chunk_count() {
            for doc in DocChunk::decode(&public.files[&root.chunk_file(i)])
                .unwrap()
                .docs
            {
                assert!(!doc.signed_in);
                public_titles.insert(doc.title);
                public_ids.insert(doc.id);
            }
        }
    }
    let files: Vec<String> = public
        .files
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    for article in &secret {
        assert!(
            !public_ids.contains(&article.front.id),
            "{} has a record",
            article.front.id
        );
        assert!(
            !public_titles.contains(&article.front.title),
            "{} has a record",
            article.front.title
        );
        let first_sentence: String = article.body_text.chars().take(60).collect();
        assert!(
            !files.iter().any(|f| f.contains(&first_sentence)),
            "the body of {} leaks",
            article.path.display()
        );
        assert!(
            !public
                .files
                .keys()
                .any(|k| k.contains(&format!("/{}-", article.front.id))),
            "{} has a body file",
            article.front.id
        );
    }
    // Terms that only signed-in articles use are absent from the public index.
    let public_terms = all_terms(&public);
    let signed_in_terms = all_terms(&build(&example_dir(), Audience::SignedIn));
    let only_private: BTreeSet<String> = {
        let mut public_words = BTreeSet::new();
        // English articles stand in for missing translations, analyzed in
        // each locale's language: count what any analyzer makes of public text.
        let analyzers: Vec<BuildAnalyzer> = help_core::Language::ALL
            .iter()
            .map(|&l| BuildAnalyzer::new(l))
            .collect();
        for a in content
            .articles
            .iter()
            .filter(|a| a.front.visibility == Visibility::Public)
        {
            let text = [
                a.front.title.as_str(),
                &a.front.tags.join(" "),
                a.front.summary.as_deref().unwrap_or(""),
                &a.body_text,
            ]
            .join("\n");
            for analyzer in &analyzers {
                public_words.extend(analyzer.terms(&text));
            }
            public_words.insert(help_core::format::reserved::id_term(&a.front.id));
        }
        // Reserved terms (ids, contexts, prefixes) derive from what the
        // records and words above cover; compare the words themselves.
        signed_in_terms
            .difference(&public_words)
            .filter(|t| !t.starts_with(char::is_control))
            .cloned()
            .collect()
    };
    assert!(!only_private.is_empty());
    assert!(
        only_private.is_disjoint(&public_terms),
        "{:?}",
        only_private.intersection(&public_terms).collect::<Vec<_>>()
    );
}

#[test]
fn every_file_of_the_example_bundle_decodes() {
    let bundle = build(&example_dir(), Audience::SignedIn);
    let manifest = Manifest::from_json(&bundle.files["manifest.json"]).unwrap();
    assert_eq!(manifest, bundle.manifest);
    assert_eq!(
        manifest.locales.keys().collect::<Vec<_>>(),
        ["de", "en", "fr", "pt-BR"]
    );
    let mut referenced = BTreeSet::from(["manifest.json".to_string()]);
    let support = manifest
        .support
        .as_ref()
        .expect("the example has support.toml");
    let data: help_core::support::SupportData =
        serde_json::from_slice(&bundle.files[support]).unwrap();
    let hours = data.hours.as_ref().expect("default hours");
    assert_eq!(
        (hours.time_zone.as_str(), hours.open[0].from.as_str()),
        ("GMT", "09:00")
    );
    let germany = data.regions.iter().find(|r| r.id == "germany").unwrap();
    assert_eq!(
        data.schedule_for(germany).map(|s| s.time_zone.as_str()),
        Some("Europe/Berlin")
    );
    referenced.insert(support.clone());
    for entry in manifest.locales.values() {
        let root = LocaleRoot::decode(&bundle.files[&entry.root]).unwrap();
        assert_eq!(root.doc_count, entry.articles);
        referenced.insert(entry.root.clone());
        for i in 0..root.shards.len() {
            TermShard::decode(&bundle.files[&root.shard_file(i)], root.doc_count).unwrap();
            help_core::TermList::decode(&bundle.files[&root.vocab_file(i)]).unwrap();
            referenced.insert(root.shard_file(i));
            referenced.insert(root.vocab_file(i));
        }
        let categories =
            help_core::CategoryList::decode(&bundle.files[&root.categories_file()]).unwrap();
        assert!(!categories.categories.is_empty());
        referenced.insert(root.categories_file());
        let titles = help_core::TitleList::decode(&bundle.files[&root.titles_file()]).unwrap();
        assert_eq!(titles.titles.len(), root.doc_count as usize);
        referenced.insert(root.titles_file());
        for i in 0..root.chunk_count() {
            let chunk = DocChunk::decode(&bundle.files[&root.chunk_file(i)]).unwrap();
            referenced.insert(root.chunk_file(i));
            for (n, doc) in chunk.docs.into_iter().enumerate() {
                let number = chunk.first_doc + n as u32;
                assert_eq!(
                    titles.get(number),
                    Some(&help_core::DocTitle::of(&doc)),
                    "the title list agrees with the chunk on document {number}"
                );
                assert!(
                    bundle.files.contains_key(&doc.body_file),
                    "{} has its body",
                    doc.id
                );
                // The content folder's images a body shows are in the
                // bundle too, under the name its `src` gives.
                let body = String::from_utf8(bundle.files[&doc.body_file].clone()).unwrap();
                // Every section is a heading of the body, under its id, in
                // order, and starts at its heading in the text kept.
                let mut at = 0;
                for section in &doc.sections {
                    let id = format!(
                        "id=\"{}{}\"",
                        help_core::format::SECTION_ID_PREFIX,
                        section.anchor
                    );
                    let found = body[at..].find(&id);
                    assert!(found.is_some(), "{} has {id} after byte {at}", doc.id);
                    at += found.unwrap_or(0) + id.len();
                    let start = section.start as usize;
                    assert!(
                        start == doc.text.len() || doc.text[start..].starts_with(&section.heading),
                        "{}'s section {} starts at its heading",
                        doc.id,
                        section.anchor
                    );
                }
                for (at, _) in body.match_indices("<img src=\"images/") {
                    let name = body[at + "<img src=\"".len()..].split('"').next().unwrap();
                    assert!(bundle.files.contains_key(name), "{} shows {name}", doc.id);
                    referenced.insert(name.to_string());
                }
                referenced.insert(doc.body_file);
            }
        }
    }
    let present: BTreeSet<String> = bundle.files.keys().cloned().collect();
    assert_eq!(
        present, referenced,
        "every file is referenced and every reference exists"
    );
}

/// The bundle's file list: names carry content hashes, so this is a
/// snapshot of every byte. Set UPDATE_SNAPSHOTS=1 to accept a change.
#[test]
fn the_example_bundle_is_deterministic_and_matches_its_snapshot() {
    let first = build(&example_dir(), Audience::Public);
    let second = build(&example_dir(), Audience::Public);
    assert_eq!(first, second, "the same input gives byte-identical output");

    let listing: String = first
        .files
        .iter()
        .map(|(name, bytes)| format!("{name} {}\n", bytes.len()))
        .collect();
    let listing = format!(
        "{}{listing}",
        String::from_utf8_lossy(&first.files["manifest.json"])
    );
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/example-public-bundle.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &listing).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == listing,
        "the example bundle changed; if that is intended, rerun with UPDATE_SNAPSHOTS=1 and commit {}\n--- expected\n{expected}\n--- got\n{listing}",
        path.display()
    );
}

#[test]
fn a_written_bundle_reads_back_and_searches() {
    let out = TempDir::new().unwrap();
    let bundle = build(&example_dir(), Audience::Public);
    index_builder::write_bundle(&bundle, &out.path().join("b")).unwrap();
    let reader = index_builder::open_bundle(&out.path().join("b")).unwrap();
    let mut fr = reader.locale("fr-CA").unwrap();
    let hits = reader
        .search(&mut fr, "l'identifiant du site", &SearchOptions::default())
        .unwrap();
    assert_eq!(hits[0].id, "find-site-id", "{hits:?}");
    let mut pt = reader.locale("pt").unwrap();
    let hits = reader
        .search(&mut pt, "pagamento", &SearchOptions::default())
        .unwrap();
    assert!(hits.iter().any(|h| h.id == "getting-paid"), "{hits:?}");
    // Articles not translated yet are there in English.
    let hits = reader
        .search(&mut fr, "banners", &SearchOptions::default())
        .unwrap();
    assert!(hits.iter().any(|h| h.id == "banners"), "{hits:?}");
    let mut de = reader.locale("de-AT").unwrap();
    let hits = reader
        .search(&mut de, "Auszahlung", &SearchOptions::default())
        .unwrap();
    assert!(!hits.is_empty());
}

#[test]
fn a_search_points_to_the_section_that_answers_it() {
    let out = TempDir::new().unwrap();
    let bundle = build(&example_dir(), Audience::Public);
    index_builder::write_bundle(&bundle, &out.path().join("b")).unwrap();
    let reader = index_builder::open_bundle(&out.path().join("b")).unwrap();
    let mut en = reader.locale("en").unwrap();
    for (query, article, section) in [
        (
            "lost access email",
            "change-email-password",
            "lost-access-to-your-old-email",
        ),
        (
            "forgot password",
            "change-email-password",
            "forgot-your-password",
        ),
        ("last click wins", "cookies-attribution", "last-click-wins"),
    ] {
        let hits = reader
            .search(&mut en, query, &SearchOptions::default())
            .unwrap();
        let hit = hits.iter().find(|h| h.id == article);
        let anchors: Vec<&str> = hit
            .map(|h| h.sections.iter().map(|s| s.anchor.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            anchors.first().copied(),
            Some(section),
            "{query}: {article} points to {section}, got {anchors:?}"
        );
    }
}

#[test]
fn suggestions_for_a_page_put_the_authors_weight_after_specificity() {
    use help_core::search::SuggestionsLookup;
    let bundle = build(&example_dir(), Audience::Public);
    let suggest = |locale: &str, route: &str| -> Vec<String> {
        let entry = &bundle.manifest.locales[locale];
        let mut index =
            help_core::LocaleIndex::new(LocaleRoot::decode(&bundle.files[&entry.root]).unwrap());
        index
            .run(SuggestionsLookup::new(route, 5), |name| {
                bundle.files.get(name).cloned().ok_or(())
            })
            .unwrap()
            .into_iter()
            .map(|(_, record)| record.id)
            .collect()
    };
    let links = suggest("en", "/links");
    assert_eq!(links[0], "create-links", "{links:?}");
    let payments = suggest("en", "/payments");
    assert_eq!(
        payments[..2],
        ["getting-paid", "payment-threshold"],
        "{payments:?}"
    );
    // An exact route beats a wildcard whatever the weights: /links/deep-link.
    let deep = suggest("en", "/links/deep-link");
    assert!(
        deep[..2]
            .iter()
            .all(|id| id == "deep-links" || id == "video-create-deep-link"),
        "{deep:?}"
    );
    // Translations carry their weight too.
    assert_eq!(suggest("fr", "/links")[0], "create-links");
    // No context matches: the getting-started articles, by weight.
    assert_eq!(suggest("en", "/nowhere")[0], "first-steps");
}

#[test]
fn related_articles_share_a_subject_and_stay_in_their_bundle() {
    let bundle = build(&example_dir(), Audience::Public);
    let records = |locale: &str| -> Vec<help_core::DocRecord> {
        let entry = &bundle.manifest.locales[locale];
        let root = LocaleRoot::decode(&bundle.files[&entry.root]).unwrap();
        (0..root.chunk_count())
            .flat_map(|i| {
                DocChunk::decode(&bundle.files[&root.chunk_file(i)])
                    .unwrap()
                    .docs
            })
            .collect()
    };
    for locale in ["en", "fr"] {
        let docs = records(locale);
        let ids: BTreeSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        let mut with_related = 0;
        for d in &docs {
            assert!(d.related.len() <= index_builder::RELATED_PER_ARTICLE);
            assert!(!d.related.contains(&d.id), "{} lists itself", d.id);
            for r in &d.related {
                assert!(
                    ids.contains(r.as_str()),
                    "{} lists {r}, not in {locale}'s public bundle",
                    d.id
                );
            }
            with_related += usize::from(!d.related.is_empty());
        }
        assert!(
            with_related * 10 >= docs.len() * 9,
            "most articles have related ones in {locale}"
        );
    }
    let en = records("en");
    let related =
        |id: &str| -> Vec<String> { en.iter().find(|d| d.id == id).unwrap().related.clone() };
    let payments = [
        "getting-paid",
        "payment-schedule",
        "payment-methods",
        "missing-payment",
        "payment-holds",
        "payment-currency",
        "bank-details",
        "video-payment-setup",
        "tax-forms",
    ];
    let threshold = related("payment-threshold");
    assert!(
        threshold.iter().all(|r| payments.contains(&r.as_str())),
        "{threshold:?}"
    );
    let two_factor = related("two-factor-sign-in");
    assert!(
        two_factor.contains(&"change-email-password".to_string()),
        "{two_factor:?}"
    );
    let deep = related("deep-links");
    assert!(
        deep.iter()
            .any(|r| r == "create-links" || r == "video-create-deep-link" || r == "link-builder"),
        "{deep:?}"
    );
}
