//! The format and the engine together, through the public API only: build a
//! locale with `IndexWriter`, read it back with `LocaleIndex`, search it.

use std::collections::BTreeMap;

use help_core::search::SearchOptions;
use help_core::{
    Analyzer, CategoryList, DecodeError, DocChunk, DocRecord, FieldWeights, IndexWriter,
    IndexedArticle, Language, LocaleIndex, LocaleRoot, SplitOptions, TermList, TermShard,
    TitleList,
};

#[derive(Clone)]
struct Article {
    id: &'static str,
    title: &'static str,
    tags: &'static [&'static str],
    body: &'static str,
    contexts: &'static [&'static str],
    starter: bool,
    weight: i32,
    category: &'static str,
}

const ARTICLES: &[Article] = &[
    Article {
        id: "find-site-id",
        title: "Find your Site ID (SID)",
        tags: &["sid", "account number"],
        body: "Your SID is shown at the top right of every dashboard page. Support asks for it first.",
        contexts: &["/account", "/account/*"],
        starter: false,
        weight: 0,
        category: "account",
    },
    Article {
        id: "getting-paid",
        title: "Get paid",
        tags: &["payout", "threshold"],
        body: "Payments go out monthly once your balance passes the payment threshold. Your site must be approved first.",
        contexts: &["/payments/*"],
        starter: false,
        weight: 0,
        category: "payments",
    },
    Article {
        id: "create-links",
        title: "Create a tracking link",
        tags: &["deep link", "url"],
        body: "Build a tracking link for any page of an advertiser's site, then copy it as it is.",
        contexts: &["/links", "/links/*"],
        starter: false,
        weight: 0,
        category: "links",
    },
    Article {
        id: "deep-links",
        title: "Deep links to product pages",
        tags: &["deep link"],
        body: "A deep link sends visitors straight to one product instead of the advertiser's home page.",
        contexts: &["/links/deep-link"],
        starter: false,
        weight: 0,
        category: "links",
    },
    Article {
        id: "first-steps",
        title: "First steps as a new publisher",
        tags: &["start", "welcome"],
        body: "Apply to programs, create your first link and check your reports the next day.",
        contexts: &["/"],
        starter: true,
        weight: 0,
        category: "start",
    },
    Article {
        id: "reports",
        title: "Read your reports",
        tags: &["clicks", "commission"],
        body: "Reports show clicks, sales and commission per day. Today's figures are provisional.",
        contexts: &["/reports", "/reports/*"],
        starter: false,
        weight: 0,
        category: "reports",
    },
    Article {
        id: "bulk-links",
        title: "Create many links at once",
        tags: &["csv"],
        body: "Upload a CSV file of pages to get a link for each of them.",
        contexts: &["/links", "/tools/bulk"],
        starter: false,
        weight: 5,
        category: "links",
    },
];

fn build(split: SplitOptions) -> BTreeMap<String, Vec<u8>> {
    build_from(ARTICLES, split)
}

fn build_from(articles: &[Article], split: SplitOptions) -> BTreeMap<String, Vec<u8>> {
    build_in(Language::English, articles, split)
}

fn build_in(
    language: Language,
    articles: &[Article],
    split: SplitOptions,
) -> BTreeMap<String, Vec<u8>> {
    let analyzer = Analyzer::new(language);
    let locale = match language {
        Language::French => "fr",
        _ => "en",
    };
    let mut writer = IndexWriter::new(locale, FieldWeights::default(), split);
    writer.set_category_order(vec!["start".into(), "links".into()]);
    for a in articles {
        writer.add(IndexedArticle {
            record: DocRecord {
                id: a.id.into(),
                title: a.title.into(),
                category: a.category.into(),
                category_name: a.category.to_uppercase(),
                summary: None,
                text: a.body.into(),
                body_file: format!("en/{}.html", a.id),
                video: None,
                updated: None,
                signed_in: false,
                locale: locale.into(),
                votes: None,
                related: Vec::new(),
                sections: Vec::new(),
            },
            contexts: a.contexts.iter().map(|c| c.to_string()).collect(),
            starter: a.starter,
            weight: a.weight,
            fields: [
                analyzer.terms(a.title),
                analyzer.terms(&a.tags.join("\n")),
                vec![],
                analyzer.terms(a.body),
            ],
        });
    }
    let files = writer.finish(help_core::testing::fnv);
    files.files
}

fn open(files: &BTreeMap<String, Vec<u8>>) -> LocaleIndex {
    let root_name = files.keys().find(|k| k.contains("-root-")).expect("a root");
    LocaleIndex::new(LocaleRoot::decode(&files[root_name]).expect("root decodes"))
}

fn search(files: &BTreeMap<String, Vec<u8>>, query: &str, options: &SearchOptions) -> Vec<String> {
    let mut index = open(files);
    index
        .search_with(query, options, |name| files.get(name).cloned().ok_or(()))
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn ids(query: &str) -> Vec<String> {
    search(
        &build(SplitOptions::default()),
        query,
        &SearchOptions::default(),
    )
}

#[test]
fn title_match_outranks_body_match() {
    assert_eq!(ids("site id")[0], "find-site-id");
}

#[test]
fn documents_matching_every_word_come_first_and_partial_matches_follow() {
    let found = ids("deep product ");
    assert_eq!(found[0], "deep-links");
    assert!(
        found.contains(&"create-links".to_string()),
        "partial matches are kept: {found:?}"
    );
}

#[test]
fn the_unfinished_last_word_matches_as_a_prefix() {
    assert_eq!(ids("provis")[0], "reports");
    assert!(
        ids("provis ").is_empty(),
        "a finished word no longer matches longer terms"
    );
}

#[test]
fn words_of_five_letters_tolerate_one_typo() {
    assert_eq!(ids("thresold ")[0], "getting-paid");
    assert_eq!(ids("paymnets ")[0], "getting-paid");
    assert_eq!(ids("comission ")[0], "reports");
    // Short words need to be right.
    assert!(ids("sdi ").is_empty());
}

#[test]
fn a_title_holding_most_words_outranks_a_body_merely_mentioning_all() {
    // "modify account password": the reader's verb is not the title's.
    let articles = [
        Article {
            id: "account-password",
            title: "Account password",
            tags: &[],
            body: "Set a new password for your account from the settings page.",
            contexts: &[],
            starter: false,
            weight: 0,
            category: "account",
        },
        Article {
            id: "team-members",
            title: "Team members",
            tags: &[],
            body: "Invite colleagues to your team. Members can modify their own profile and \
                   notification settings. Each account keeps its own password, which only \
                   its owner can set, and the team owner decides who may see reports.",
            contexts: &[],
            starter: false,
            weight: 0,
            category: "account",
        },
    ];
    let all: Vec<Article> = ARTICLES.iter().cloned().chain(articles).collect();
    let files = build_from(&all, SplitOptions::default());
    let query = "modify account password";
    assert_eq!(
        search(&files, query, &SearchOptions::default())[..2],
        ["account-password", "team-members"]
    );
    // A factor of 0 ranks every article matching all the words first.
    let strict = SearchOptions {
        weights: help_core::search::RankingWeights {
            missing_word_factor: 0.0,
            ..Default::default()
        },
        ..SearchOptions::default()
    };
    assert_eq!(
        search(&files, query, &strict)[..2],
        ["team-members", "account-password"]
    );
}

#[test]
fn a_word_typed_without_accents_finds_the_accented_one_even_when_the_plain_one_exists() {
    let article = |id, title, body| Article {
        id,
        title,
        tags: &[],
        body,
        contexts: &[],
        starter: false,
        weight: 0,
        category: "aide",
    };
    let articles = [
        article(
            "raccourcis",
            "Raccourcis clavier",
            "La touche Eject du clavier peut lancer une action de votre choix.",
        ),
        article(
            "retirer-un-disque",
            "Retirer un disque en toute sécurité",
            "Avant de débrancher une clé USB, il faut l’éjecter depuis le gestionnaire de \
             fichiers : cliquez sur le bouton d’éjection à côté de son nom.",
        ),
        article(
            "imprimer",
            "Imprimer un document",
            "Choisissez l’imprimante puis cliquez sur Imprimer.",
        ),
    ];
    let files = build_in(Language::French, &articles, SplitOptions::default());
    let options = SearchOptions::default();
    // "ejecter" stems to "eject", a term of its own (the English key name).
    let plain = search(&files, "ejecter", &options);
    assert_eq!(plain[0], "retirer-un-disque", "{plain:?}");
    assert!(plain.contains(&"raccourcis".to_string()), "{plain:?}");
    // Typed with its accent, only the accented word matches.
    assert_eq!(search(&files, "éjecter", &options), ["retirer-un-disque"]);
}

#[test]
fn the_route_only_breaks_ties() {
    let files = build(SplitOptions::default());
    let hits = |query: &str, route: Option<&str>| {
        let mut index = open(&files);
        let options = SearchOptions {
            context: route.map(String::from),
            ..SearchOptions::default()
        };
        index
            .search_with(query, &options, |n| files.get(n).cloned().ok_or(()))
            .unwrap()
            .hits
    };
    let score =
        |list: &[help_core::SearchHit], id: &str| list.iter().find(|h| h.id == id).unwrap().score;
    let band = 1.0 + help_core::search::RankingWeights::default().context_tie_band;

    // "site": the Site ID article is clearly the better answer; the route
    // of "Get paid" lifts that one by the tie band only, not above it.
    let plain = hits("site", None);
    let routed = hits("site", Some("/payments/settings"));
    assert_eq!(plain[0].id, "find-site-id");
    assert!(score(&plain, "find-site-id") > band * score(&plain, "getting-paid"));
    assert_eq!(
        routed[0].id, "find-site-id",
        "the route does not override the words"
    );
    assert!((score(&routed, "getting-paid") / score(&plain, "getting-paid") - band).abs() < 1e-4);
    assert_eq!(
        score(&routed, "find-site-id"),
        score(&plain, "find-site-id"),
        "articles the route does not cover are unchanged"
    );

    // "create link": two articles about equally good; the route picks.
    let plain = hits("create link", None);
    let (a, b) = (score(&plain, "create-links"), score(&plain, "bulk-links"));
    let (better, worse) = if a >= b {
        ("create-links", "bulk-links")
    } else {
        ("bulk-links", "create-links")
    };
    assert!(
        score(&plain, better) < band * score(&plain, worse),
        "a near tie: {a} vs {b}"
    );
    assert_eq!(plain[0].id, better);
    let route = if worse == "bulk-links" {
        "/tools/bulk"
    } else {
        "/links/new"
    };
    let routed = hits("create link", Some(route));
    assert_eq!(routed[0].id, worse, "the route breaks the tie on {route}");

    // Never over an article matching more of the words.
    let routed = hits("deep product ", Some("/reports"));
    assert_eq!(routed[0].id, "deep-links");
}

#[test]
fn a_search_counts_every_match_beyond_the_limit() {
    let files = build(SplitOptions::default());
    let mut index = open(&files);
    let options = SearchOptions {
        limit: 2,
        ..SearchOptions::default()
    };
    let results = index
        .search_with("link", &options, |n| files.get(n).cloned().ok_or(()))
        .unwrap();
    assert_eq!(results.hits.len(), 2);
    let all = index
        .search_with("link", &SearchOptions::default(), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap();
    assert!(all.hits.len() > 2, "{:?}", all.hits);
    assert_eq!(results.total, all.hits.len());
    assert_eq!(all.total, all.hits.len());
}

#[test]
fn hits_carry_snippets_with_marked_words() {
    let files = build(SplitOptions::default());
    let mut index = open(&files);
    let hits = index
        .search_with("commission per", &SearchOptions::default(), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap()
        .hits;
    let hit = &hits[0];
    assert_eq!(hit.id, "reports");
    let marked: Vec<&str> = hit
        .snippet_marks
        .iter()
        .map(|r| &hit.snippet[r.clone()])
        .collect();
    assert!(
        marked.contains(&"commission"),
        "{marked:?} in {:?}",
        hit.snippet
    );
    assert!(
        marked.contains(&"per"),
        "the unfinished word is marked too: {marked:?}"
    );
}

#[test]
fn many_small_files_give_the_same_results_as_one() {
    let one = build(SplitOptions::default());
    let many = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    assert!(
        many.len() > one.len() + 4,
        "the small split makes several shards and chunks"
    );
    for q in ["site id", "deep li", "paymnets ", "report", "link", "first"] {
        assert_eq!(
            search(&one, q, &SearchOptions::default()),
            search(&many, q, &SearchOptions::default()),
            "{q}"
        );
    }
}

#[test]
fn a_query_fetches_only_what_it_needs() {
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let mut fetched = Vec::new();
    index
        .search_with("sid ", &SearchOptions::default(), |n| {
            fetched.push(n.to_string());
            files.get(n).cloned().ok_or(())
        })
        .unwrap();
    let total = files.keys().filter(|k| !k.contains("-root-")).count();
    assert!(
        fetched.len() < total / 2,
        "fetched {} of {total} files: {fetched:?}",
        fetched.len()
    );
}

#[test]
fn a_typo_fetches_term_lists_then_only_the_shards_of_its_candidates() {
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let mut fetched = Vec::new();
    let hits = index
        .search_with("thresold ", &SearchOptions::default(), |n| {
            fetched.push(n.to_string());
            files.get(n).cloned().ok_or(())
        })
        .unwrap()
        .hits;
    assert_eq!(hits[0].id, "getting-paid");
    assert!(
        fetched.iter().any(|f| f.starts_with("en-v")),
        "term lists were read: {fetched:?}"
    );
    let shards = fetched.iter().filter(|f| f.starts_with("en-t")).count();
    let total = files.keys().filter(|f| f.starts_with("en-t")).count();
    assert!(
        shards * 3 < total,
        "{shards} of {total} shards fetched: {fetched:?}"
    );
}

#[test]
fn articles_are_found_by_id() {
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    for need in index.needs_for_id("deep-links") {
        let bytes = files[&index.file(need)].clone();
        index.insert(need, &bytes).unwrap();
    }
    assert!(index.needs_for_id("deep-links").is_empty());
    let doc = index.doc_by_id("deep-links").expect("found");
    for need in index.needs_for_docs([doc]) {
        let bytes = files[&index.file(need)].clone();
        index.insert(need, &bytes).unwrap();
    }
    assert_eq!(index.doc(doc).unwrap().title, "Deep links to product pages");
    assert_eq!(index.doc_by_id("nope"), None);
    // Id terms are out of reach of queries: the trimmer drops the control
    // character they start with.
    assert!(ids("\u{1}").is_empty());
}

#[test]
fn output_is_deterministic() {
    assert_eq!(
        build(SplitOptions::default()),
        build(SplitOptions::default())
    );
}

#[test]
fn suggestions_prefer_the_most_specific_route_and_fall_back_to_starters() {
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let mut suggest = |route: &str| {
        for need in index.needs_for_route(route) {
            let bytes = files[&index.file(need)].clone();
            index.insert(need, &bytes).unwrap();
        }
        index.suggestions(route)
    };
    assert_eq!(
        suggest("/links/deep-link"),
        [3, 2],
        "exact route first, then the /links/* wildcard"
    );
    assert_eq!(
        suggest("/links"),
        [6, 2],
        "/links exactly names 6 and 2 (and /links/* 2 again): the higher weight first"
    );
    assert_eq!(suggest("/nowhere"), [4], "getting-started articles");
    assert_eq!(suggest("/account/sites?tab=2"), [0]);
}

#[test]
fn every_file_round_trips_and_every_truncation_is_an_error() {
    let files = build(SplitOptions {
        shard_bytes: 200,
        chunk_bytes: 200,
        snippet_text_bytes: 1500,
    });
    for (name, bytes) in &files {
        let decoded: Result<(), DecodeError> = if name.contains("-root-") {
            LocaleRoot::decode(bytes).map(|r| assert_eq!(r.encode(), *bytes))
        } else if name.starts_with("en-t") {
            TermShard::decode(bytes, ARTICLES.len() as u32).map(|s| assert_eq!(s.encode(), *bytes))
        } else if name.starts_with("en-v") {
            TermList::decode(bytes).map(|s| assert_eq!(s.encode(), *bytes))
        } else if name.starts_with("en-c-") {
            CategoryList::decode(bytes).map(|c| assert_eq!(c.encode(), *bytes))
        } else if name.starts_with("en-n-") {
            TitleList::decode(bytes).map(|t| assert_eq!(t.encode(), *bytes))
        } else {
            DocChunk::decode(bytes).map(|c| assert_eq!(c.encode(), *bytes))
        };
        decoded.unwrap_or_else(|e| panic!("{name}: {e}"));
        for len in 0..bytes.len() {
            let truncated = &bytes[..len];
            let result = if name.contains("-root-") {
                LocaleRoot::decode(truncated).map(drop)
            } else if name.starts_with("en-t") {
                TermShard::decode(truncated, ARTICLES.len() as u32).map(drop)
            } else if name.starts_with("en-v") {
                TermList::decode(truncated).map(drop)
            } else if name.starts_with("en-c-") {
                CategoryList::decode(truncated).map(drop)
            } else if name.starts_with("en-n-") {
                TitleList::decode(truncated).map(drop)
            } else {
                DocChunk::decode(truncated).map(drop)
            };
            assert!(result.is_err(), "{name} truncated to {len} bytes decoded");
        }
    }
}

#[test]
fn another_format_version_is_refused_with_a_typed_error() {
    let files = build(SplitOptions::default());
    let root = files.iter().find(|(k, _)| k.contains("-root-")).unwrap().1;
    let mut bytes = root.clone();
    bytes[4] = 9; // the version varint follows the four-byte magic
    assert_eq!(
        LocaleRoot::decode(&bytes),
        Err(DecodeError::UnsupportedVersion {
            found: 9,
            supported: help_core::FORMAT_VERSION
        })
    );
}

#[test]
fn a_short_prefix_expands_to_its_most_frequent_completions() {
    let analyzer = Analyzer::new(Language::English);
    let mut writer = IndexWriter::new("en", FieldWeights::default(), SplitOptions::default());
    // 100 rare completions of "zq", and one that every article shares.
    for i in 0..100 {
        let body = format!("zqcommon zqrare{i:03}");
        writer.add(IndexedArticle {
            record: DocRecord {
                id: format!("a{i}"),
                title: format!("Article {i}"),
                category: "c".into(),
                category_name: "C".into(),
                summary: None,
                text: body.clone(),
                body_file: format!("a{i}.html"),
                video: None,
                updated: None,
                signed_in: false,
                locale: "en".into(),
                votes: None,
                related: Vec::new(),
                sections: Vec::new(),
            },
            contexts: vec![],
            starter: false,
            weight: 0,
            fields: [
                analyzer.terms(&format!("Article {i}")),
                vec![],
                vec![],
                analyzer.terms(&body),
            ],
        });
    }
    let files = writer.finish(help_core::testing::fnv).files;
    let mut index = open(&files);
    let options = SearchOptions {
        limit: 200,
        ..SearchOptions::default()
    };
    let hits = index
        .search_with("zq", &options, |n| files.get(n).cloned().ok_or(()))
        .unwrap()
        .hits;
    assert_eq!(
        hits.len(),
        100,
        "every article still matches, through the frequent completion"
    );
    let hits = index
        .search_with("zqrare042", &options, |n| files.get(n).cloned().ok_or(()))
        .unwrap()
        .hits;
    assert_eq!(hits[0].id, "a42", "a full word finds its rare article");
}

#[test]
fn categories_are_browsed_in_order_with_counts_and_by_weight() {
    use help_core::search::{CategoriesLookup, CategoryLookup};
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let mut fetched = Vec::new();
    let categories = index
        .run(CategoriesLookup, |n| {
            fetched.push(n.to_string());
            files.get(n).cloned().ok_or(())
        })
        .unwrap();
    assert_eq!(fetched.len(), 1, "one small file: {fetched:?}");
    let listed: Vec<(&str, &str, u32)> = categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str(), c.articles))
        .collect();
    assert_eq!(
        listed,
        [
            ("start", "START", 1),
            ("links", "LINKS", 3),
            ("account", "ACCOUNT", 1),
            ("payments", "PAYMENTS", 1),
            ("reports", "REPORTS", 1),
        ],
        "the set order first, then first appearance"
    );
    let links: Vec<String> = index
        .run(CategoryLookup::new("links", 10), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap()
        .into_iter()
        .map(|(_, r)| r.id)
        .collect();
    assert_eq!(
        links,
        ["bulk-links", "create-links", "deep-links"],
        "weight, then order"
    );
    let first: Vec<u32> = index
        .run(CategoryLookup::new("links", 1), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap()
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    assert_eq!(first, [6]);
    assert!(
        index
            .run(CategoryLookup::new("nope", 10), |n| files
                .get(n)
                .cloned()
                .ok_or(()))
            .unwrap()
            .is_empty()
    );
}

/// One article with sections, alone in its index, its text kept up to
/// `kept` bytes.
fn sectioned(kept: usize) -> BTreeMap<String, Vec<u8>> {
    let text = "Getting paid\nHow payouts work.\nPayment threshold\nYou are paid once your balance passes the threshold.\nTax forms\nSend a W-8BEN form before your first payout.\nPayment methods\nBank transfer or PayPal.\n";
    let sections = ["Payment threshold", "Tax forms", "Payment methods"]
        .iter()
        .map(|heading| help_core::Section {
            anchor: heading.to_lowercase().replace(' ', "-"),
            heading: heading.to_string(),
            level: 2,
            start: text.find(heading).unwrap() as u32,
        })
        .collect();
    let analyzer = Analyzer::new(Language::English);
    let split = SplitOptions {
        snippet_text_bytes: kept,
        ..SplitOptions::default()
    };
    let mut writer = IndexWriter::new("en", FieldWeights::default(), split);
    for (id, title, body, sections) in [
        ("getting-paid", "Getting paid", text, sections),
        ("other", "Reports", "Daily reports.\n", Vec::new()),
    ] {
        let summary = (id == "getting-paid").then(|| "When and how you are paid.".to_string());
        writer.add(IndexedArticle {
            record: DocRecord {
                id: id.into(),
                title: title.into(),
                category: "payments".into(),
                category_name: "Payments".into(),
                summary,
                text: body.into(),
                body_file: format!("en/{id}.html"),
                video: None,
                updated: None,
                signed_in: false,
                locale: "en".into(),
                votes: None,
                related: Vec::new(),
                sections,
            },
            contexts: Vec::new(),
            starter: false,
            weight: 0,
            fields: [analyzer.terms(title), vec![], vec![], analyzer.terms(body)],
        });
    }
    writer.finish(help_core::testing::fnv).files
}

fn section_hits(files: &BTreeMap<String, Vec<u8>>, query: &str) -> Vec<(String, String, String)> {
    let mut index = open(files);
    let results = index
        .search_with(query, &SearchOptions::default(), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap();
    results.hits[0]
        .sections
        .iter()
        .map(|s| {
            let marked: Vec<&str> = s
                .heading_marks
                .iter()
                .chain(&s.snippet_marks)
                .map(|m| {
                    if m.end <= s.heading.len() && s.heading_marks.contains(m) {
                        &s.heading[m.clone()]
                    } else {
                        &s.snippet[m.clone()]
                    }
                })
                .collect();
            (s.anchor.clone(), s.snippet.clone(), marked.join(" "))
        })
        .collect()
}

#[test]
fn a_hit_lists_the_sections_its_words_point_to_best_first() {
    let files = sectioned(1500);
    let threshold = section_hits(&files, "threshold ");
    assert_eq!(threshold.len(), 1, "{threshold:?}");
    let (anchor, snippet, marked) = &threshold[0];
    assert_eq!(anchor, "payment-threshold");
    assert_eq!(
        snippet,
        "You are paid once your balance passes the threshold."
    );
    assert_eq!(marked, "threshold threshold", "in the heading and the text");

    let tax = section_hits(&files, "w-8ben form");
    assert_eq!(tax[0].0, "tax-forms", "{tax:?}");

    // "payment" heads two sections and is said in a third: the headings
    // first, in order, then the one that only says it.
    let payment: Vec<String> = section_hits(&files, "payment ")
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(payment, ["payment-threshold", "payment-methods"]);

    // Words about the whole article point to no section.
    assert!(section_hits(&files, "getting").is_empty());

    // With sections under it, a hit's own line is its summary; without,
    // its passage around the words.
    let mut index = open(&files);
    let mut first = |query: &str| {
        index
            .search_with(query, &SearchOptions::default(), |n| {
                files.get(n).cloned().ok_or(())
            })
            .unwrap()
            .hits
            .remove(0)
            .snippet
    };
    assert_eq!(first("threshold "), "When and how you are paid.");
    let passage = first("getting");
    assert!(
        passage.starts_with("Getting paid How payouts work.") && passage.ends_with('…'),
        "{passage}"
    );
}

#[test]
fn a_section_past_the_text_kept_is_found_by_its_heading() {
    let files = sectioned(60);
    let methods = section_hits(&files, "methods ");
    assert_eq!(
        methods,
        [("payment-methods".into(), String::new(), "methods".into())]
    );
}

#[test]
fn a_search_gives_the_words_to_mark_in_the_article() {
    let files = sectioned(1500);
    let mut index = open(&files);
    let results = index
        .search_with("threshold payo", &SearchOptions::default(), |n| {
            files.get(n).cloned().ok_or(())
        })
        .unwrap();
    let text = "Thresholds differ; payouts are monthly. The payment date.";
    let marked: Vec<&str> = results
        .highlight
        .marks(text)
        .into_iter()
        .map(|m| &text[m])
        .collect();
    assert_eq!(marked, ["Thresholds", "payouts"]);
    assert!(
        help_core::search::Highlight::default()
            .marks(text)
            .is_empty()
    );
}

#[test]
fn list_rows_come_by_id_in_the_order_asked_in_one_round_without_chunks() {
    use help_core::search::{Lookup, Step, TitlesLookup};
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let mut lookup = TitlesLookup::new(&["reports", "no-such-id", "find-site-id", "reports"]);
    let mut rounds = Vec::new();
    let records = loop {
        match lookup.step(&index) {
            Step::Done(records) => break records,
            Step::Fetch(needs) => {
                let names: Vec<String> = needs.iter().map(|&n| index.file(n)).collect();
                for (&need, name) in needs.iter().zip(&names) {
                    index.insert(need, &files[name]).unwrap();
                }
                rounds.push(names);
            }
        }
    };
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["reports", "find-site-id"], "asked order, once each");
    assert_eq!(records[1].title, "Find your Site ID (SID)");
    assert_eq!(
        rounds.len(),
        1,
        "the id shards and the title list together: {rounds:?}"
    );
    assert!(
        rounds[0]
            .iter()
            .all(|n| n.starts_with("en-t") || n.starts_with("en-n-")),
        "{rounds:?}"
    );
    assert!(rounds[0].iter().any(|n| n.starts_with("en-n-")));
    let all: Vec<&String> = rounds.iter().flatten().collect();
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "no file twice: {rounds:?}");
    assert!(
        index
            .run(TitlesLookup::new::<&str>(&[]), |n| files
                .get(n)
                .cloned()
                .ok_or(()))
            .unwrap()
            .is_empty()
    );
}

/// Runs `lookup`, recording the names of the files each round fetches.
fn rounds_of<L: help_core::search::Lookup>(
    index: &mut LocaleIndex,
    files: &BTreeMap<String, Vec<u8>>,
    lookup: &mut L,
) -> (L::Output, Vec<Vec<String>>) {
    use help_core::search::Step;
    let mut rounds = Vec::new();
    loop {
        match lookup.step(index) {
            Step::Done(answer) => return (answer, rounds),
            Step::Fetch(needs) => {
                let names: Vec<String> = needs.iter().map(|&n| index.file(n)).collect();
                for (&need, name) in needs.iter().zip(&names) {
                    index.insert(need, &files[name]).unwrap();
                }
                rounds.push(names);
            }
        }
    }
}

fn chunks_in(rounds: &[Vec<String>]) -> Vec<&String> {
    rounds
        .iter()
        .flatten()
        .filter(|n| n.starts_with("en-d"))
        .collect()
}

#[test]
fn suggestions_and_category_rows_have_titles_without_any_doc_chunk() {
    use help_core::search::{CategoryLookup, SuggestionsLookup};
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let mut index = open(&files);
    let (suggested, rounds) = rounds_of(
        &mut index,
        &files,
        &mut SuggestionsLookup::new("/links/deep-link", 5),
    );
    let rows: Vec<(&str, &str, &str)> = suggested
        .iter()
        .map(|(_, t)| (t.id.as_str(), t.title.as_str(), t.category_name.as_str()))
        .collect();
    let (a, b) = (&ARTICLES[3], &ARTICLES[2]);
    assert_eq!(
        rows,
        [(a.id, a.title, "LINKS"), (b.id, b.title, "LINKS")],
        "the route's suggestions (see suggestions_prefer_the_most_specific_route…)"
    );
    assert_eq!(rounds.len(), 1, "shards and titles together: {rounds:?}");
    assert!(chunks_in(&rounds).is_empty(), "no doc chunk: {rounds:?}");
    let (links, rounds) = rounds_of(&mut index, &files, &mut CategoryLookup::new("links", 10));
    assert_eq!(links.len(), 3);
    assert!(links.iter().all(|(_, t)| t.category == "links"));
    assert!(chunks_in(&rounds).is_empty(), "no doc chunk: {rounds:?}");
}

#[test]
fn first_results_have_titles_from_the_title_list_then_snippets_from_the_chunks_on_screen() {
    use help_core::search::SearchLookup;
    let files = build(SplitOptions {
        shard_bytes: 40,
        chunk_bytes: 60,
        snippet_text_bytes: 1500,
    });
    let options = SearchOptions {
        limit: 2,
        ..SearchOptions::default()
    };
    let mut index = open(&files);
    let query = index.parse("links");
    let mut lookup = SearchLookup::new(query, options.clone()).titles_only();
    let (first, rounds) = rounds_of(&mut index, &files, &mut lookup);
    assert!(chunks_in(&rounds).is_empty(), "no doc chunk: {rounds:?}");
    assert!(
        rounds[0].iter().any(|n| n.starts_with("en-n-")),
        "the title list comes with the first shards: {rounds:?}"
    );
    assert_eq!(first.hits.len(), 2);
    assert!(first.total >= 3, "every match is counted");
    assert!(
        first
            .hits
            .iter()
            .all(|h| !h.title.is_empty() && h.sections.is_empty())
    );
    assert!(
        first.hits.iter().all(|h| !h.title_marks.is_empty()),
        "titles are marked"
    );
    lookup.with_snippets();
    let (full, rounds) = rounds_of(&mut index, &files, &mut lookup);
    let ids = |r: &help_core::SearchResults| -> Vec<String> {
        r.hits.iter().map(|h| h.id.clone()).collect()
    };
    assert_eq!(ids(&full), ids(&first), "the same hits, in the same order");
    assert_eq!(rounds.len(), 1, "{rounds:?}");
    let root_name = files.keys().find(|k| k.contains("-root-")).unwrap();
    let root = LocaleRoot::decode(&files[root_name]).unwrap();
    let wanted: std::collections::BTreeSet<usize> =
        full.hits.iter().map(|h| root.chunk_for(h.doc)).collect();
    assert_eq!(
        rounds[0].len(),
        wanted.len(),
        "only the chunks of the hits on screen: {rounds:?}"
    );
    assert!(
        rounds[0].iter().all(|n| n.starts_with("en-d")),
        "{rounds:?}"
    );
    assert!(full.hits.iter().all(|h| !h.snippet.is_empty()));
    // The same search run in one go gives the same answer.
    let mut again = open(&files);
    let whole = again
        .search_with("links", &options, |n| files.get(n).cloned().ok_or(()))
        .unwrap();
    assert_eq!(whole, full);
}

#[test]
fn a_title_list_that_does_not_match_the_root_is_refused() {
    use help_core::search::Need;
    let files = build(SplitOptions::default());
    let other = build_from(&ARTICLES[..2], SplitOptions::default());
    let mut index = open(&files);
    let wrong = other
        .iter()
        .find(|(k, _)| k.starts_with("en-n-"))
        .unwrap()
        .1;
    assert!(matches!(
        index.insert(Need::Titles, wrong),
        Err(DecodeError::Corrupt {
            what: "title list",
            ..
        })
    ));
}
