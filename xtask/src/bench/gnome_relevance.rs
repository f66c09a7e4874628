//! Relevance on a real corpus: MRR@10 of the judged queries of
//! `bench/gnome-queries.toml` on the GNOME help, in four locales, ours
//! beside MiniSearch's and lunr.js's, by query type and by locale, with a
//! target per query type: ours at least [`MARGIN`] above the best peer.
//!
//! The judged file names page ids only; the pages are read from the
//! corpus in place (`../shared/corpus/`), never copied into the
//! repository.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use help_core::SearchOptions;
use serde_json::{Value, json};

use super::corpus::{self, Doc};
use super::harness::{Bench, GroupMrr, Measured, text};
use super::relevance::reciprocal_rank;
use super::report::Report;

/// The judged queries, relative to the workspace root.
pub(crate) const QUERIES: &str = "bench/gnome-queries.toml";
/// How far above the best peer our MRR@10 must be on every query type.
pub(crate) const MARGIN: f64 = 0.05;
/// The locales of the corpus, in the order the report shows them.
const LOCALES: [&str; 4] = ["en", "fr", "de", "pt-BR"];
/// The query types, in the order the report shows them, with what each
/// one holds (the judged file's header says more).
pub(crate) const TYPES: [(&str, &str); 7] = [
    ("title", "words of the title"),
    ("word", "one word"),
    ("task", "a task in the reader's words"),
    ("prefix", "last word unfinished"),
    ("typo", "a typing slip"),
    ("desc", "words of the description or body"),
    ("accents", "typed without accents"),
];

/// One judged query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Judged {
    pub(crate) locale: String,
    /// One of [`TYPES`].
    pub(crate) kind: String,
    pub(crate) query: String,
    /// The pages that answer it; the first one found counts.
    pub(crate) relevant: Vec<String>,
}

/// Reads the judged file: one table per locale, in it one array per query
/// type of `{ q, relevant }`. Unknown locales, types or keys, blank
/// queries and empty `relevant` lists are errors naming the entry.
pub(crate) fn parse_judged(text: &str, path: &Path) -> anyhow::Result<Vec<Judged>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        q: String,
        relevant: Vec<String>,
    }
    let file: BTreeMap<String, BTreeMap<String, Vec<Entry>>> =
        toml::from_str(text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))?;
    let mut out = Vec::new();
    for locale in LOCALES {
        let Some(types) = file.get(locale) else {
            continue;
        };
        for (kind, _) in TYPES {
            for entry in types.get(kind).into_iter().flatten() {
                if entry.q.trim().is_empty() {
                    bail!("{}: [{locale}] {kind}: a blank query", path.display());
                }
                if entry.relevant.is_empty() {
                    bail!(
                        "{}: [{locale}] {kind} {:?}: `relevant` is empty",
                        path.display(),
                        entry.q
                    );
                }
                out.push(Judged {
                    locale: locale.to_string(),
                    kind: kind.to_string(),
                    query: entry.q.clone(),
                    relevant: entry.relevant.clone(),
                });
            }
        }
        if let Some(unknown) = types.keys().find(|k| !TYPES.iter().any(|(t, _)| t == k)) {
            bail!(
                "{}: [{locale}] `{unknown}` is not a query type (expected one of {})",
                path.display(),
                TYPES.map(|(t, _)| t).join(", ")
            );
        }
    }
    if let Some(unknown) = file.keys().find(|k| !LOCALES.contains(&k.as_str())) {
        bail!(
            "{}: `[{unknown}]` is not a locale of the corpus (expected one of {})",
            path.display(),
            LOCALES.join(", ")
        );
    }
    Ok(out)
}

/// Checks that every relevant id is a page of its locale in `docs`.
pub(crate) fn check_ids(judged: &[Judged], docs: &[Doc], path: &Path) -> anyhow::Result<()> {
    let pages: BTreeSet<(&str, &str)> = docs
        .iter()
        .map(|d| (d.locale.as_str(), d.id.as_str()))
        .collect();
    for j in judged {
        if let Some(id) = j
            .relevant
            .iter()
            .find(|id| !pages.contains(&(j.locale.as_str(), id.as_str())))
        {
            bail!(
                "{}: [{}] {} {:?}: no page `{id}` in the corpus's {} pages",
                path.display(),
                j.locale,
                j.kind,
                j.query,
                j.locale
            );
        }
    }
    Ok(())
}

/// MRR@10 per group, in `order`, for each engine's ranked ids.
pub(crate) fn group_mrr(
    judged: &[Judged],
    ranked: [&[Vec<String>]; 3],
    group: impl Fn(&Judged) -> &str,
    order: &[&str],
) -> Vec<GroupMrr> {
    order
        .iter()
        .filter_map(|&g| {
            let rows: Vec<usize> = (0..judged.len())
                .filter(|&i| group(&judged[i]) == g)
                .collect();
            if rows.is_empty() {
                return None;
            }
            let mean = |r: &[Vec<String>]| {
                rows.iter()
                    .map(|&i| {
                        r.get(i)
                            .map_or(0.0, |r| reciprocal_rank(r, &judged[i].relevant))
                    })
                    .sum::<f64>()
                    / rows.len() as f64
            };
            Some(GroupMrr {
                group: g.to_string(),
                queries: rows.len(),
                ours: mean(ranked[0]),
                minisearch: mean(ranked[1]),
                lunr: mean(ranked[2]),
            })
        })
        .collect()
}

/// The GNOME judged set: our bundle and both peers on every locale.
pub(crate) fn gnome(
    bench: &Bench,
    docs: &[Doc],
    report: &mut Report,
    m: &mut Measured,
) -> anyhow::Result<()> {
    const SECTION: &str = "relevance, GNOME judged set";
    let path = bench.root.join(QUERIES);
    let judged = parse_judged(
        &std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?,
        &path,
    )?;
    check_ids(&judged, docs, &path)?;
    let short = judged
        .iter()
        .filter(|j| j.query.split_whitespace().count() <= 3)
        .count();
    let per_locale: Vec<String> = LOCALES
        .iter()
        .map(|l| format!("{l} {}", judged.iter().filter(|j| j.locale == *l).count()))
        .collect();
    report.figure(
        SECTION,
        "judged queries",
        format!(
            "{} ({}; {short} of 1 to 3 words)",
            judged.len(),
            per_locale.join(", ")
        ),
    );

    // Built afresh, from the content `build::prepare_gnome` just wrote.
    let bundle = bench.www.join("bundle/gnome-relevance");
    bench.build_ours(&bench.out.join("gnome"), &bundle, "public")?;
    let ours = our_ranking(&bundle, &judged)?;

    let mut mini = vec![Vec::new(); judged.len()];
    let mut lunr = vec![Vec::new(); judged.len()];
    let mut lunr_errors = 0;
    let peers = (|| {
        for locale in LOCALES {
            let rows: Vec<usize> = (0..judged.len())
                .filter(|&i| judged[i].locale == locale)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let docs_json = bench.www.join(format!("docs/gnome-{locale}.json"));
            corpus::write_peer_json(docs, locale, &docs_json)?;
            let queries: Vec<&str> = rows.iter().map(|&i| judged[i].query.as_str()).collect();
            let config = json!({ "docs": docs_json, "queries": queries, "language": locale });
            let value = bench.node("relevance", &config, Duration::from_secs(180))?;
            let ids = |key: &str| -> anyhow::Result<Vec<Vec<String>>> {
                serde_json::from_value(value.get(key).cloned().unwrap_or(Value::Null))
                    .with_context(|| format!("reading {key} ids ({locale})"))
            };
            for (row, (mi, lu)) in rows
                .iter()
                .zip(ids("minisearch")?.into_iter().zip(ids("lunr")?))
            {
                mini[*row] = mi;
                lunr[*row] = lu;
            }
            lunr_errors += value
                .get("lunr_errors")
                .and_then(Value::as_u64)
                .unwrap_or(0);
        }
        Ok::<_, anyhow::Error>(())
    })();
    if let Err(err) = peers {
        m.gnome_mrr = Err(text(&err));
        report.figure(
            SECTION,
            "MRR@10, ours, all queries",
            format!(
                "{:.3}",
                group_mrr(&judged, [ours.as_slice(); 3], |_| "all", &["all"])[0].ours
            ),
        );
        return Err(err.context("the peers could not be measured"));
    }
    report.figure(
        SECTION,
        "lunr.js queries that failed to parse",
        lunr_errors.to_string(),
    );

    let ranked = [ours.as_slice(), mini.as_slice(), lunr.as_slice()];
    let line = |g: &GroupMrr| {
        format!(
            "ours {:.3} · MiniSearch {:.3} · lunr.js {:.3} ({} queries)",
            g.ours, g.minisearch, g.lunr, g.queries
        )
    };
    let all = group_mrr(&judged, ranked, |_| "all", &["all"]);
    for g in &all {
        report.figure(SECTION, "MRR@10, all queries", line(g));
    }
    let types = group_mrr(&judged, ranked, |j| j.kind.as_str(), &TYPES.map(|(t, _)| t));
    for g in &types {
        let about = TYPES
            .iter()
            .find(|(t, _)| *t == g.group)
            .map_or("", |(_, a)| a);
        report.figure(SECTION, format!("MRR@10, {} ({about})", g.group), line(g));
    }
    for g in group_mrr(&judged, ranked, |j| j.locale.as_str(), &LOCALES) {
        report.figure(SECTION, format!("MRR@10, locale {}", g.group), line(&g));
    }
    let mut table = String::from(
        "| Locale | Type | MRR@10 ours | MiniSearch | lunr.js | Queries |\n|---|---|---|---|---|---|\n",
    );
    for locale in LOCALES {
        let mine: Vec<Judged> = judged
            .iter()
            .filter(|j| j.locale == locale)
            .cloned()
            .collect();
        let pick = |r: &[Vec<String>]| -> Vec<Vec<String>> {
            judged
                .iter()
                .zip(r)
                .filter(|(j, _)| j.locale == locale)
                .map(|(_, r)| r.clone())
                .collect()
        };
        let (o, mi, lu) = (pick(&ours), pick(&mini), pick(&lunr));
        for g in group_mrr(
            &mine,
            [o.as_slice(), mi.as_slice(), lu.as_slice()],
            |j| j.kind.as_str(),
            &TYPES.map(|(t, _)| t),
        ) {
            let _ = writeln!(
                table,
                "| {locale} | {} | {:.3} | {:.3} | {:.3} | {} |",
                g.group, g.ours, g.minisearch, g.lunr, g.queries
            );
        }
    }
    report.details.push((
        "Relevance on the GNOME help: MRR@10 by locale and query type".into(),
        format!(
            "Judged queries: `{QUERIES}`. Peers: MiniSearch 7.2.0 (prefix, fuzzy 0.2, title ×2, \
             no stemming) and lunr.js 2.3.9 (last word as a prefix, title ×2; English stemming \
             for en only, as lunr-languages is not installed).\n\n{table}"
        ),
    ));
    report.details.push((
        "Relevance on the GNOME help: judged queries where a peer ranks better".into(),
        worse_queries(&judged, ranked),
    ));
    m.gnome_mrr = Ok(types);
    Ok(())
}

/// Our top ten ids for each judged query, through the builder's reader.
fn our_ranking(bundle: &Path, judged: &[Judged]) -> anyhow::Result<Vec<Vec<String>>> {
    let reader = index_builder::open_bundle(bundle).map_err(|e| anyhow!("{e}"))?;
    let options = SearchOptions {
        limit: 10,
        ..SearchOptions::default()
    };
    let mut indexes = BTreeMap::new();
    let mut out = Vec::with_capacity(judged.len());
    for j in judged {
        let index = match indexes.entry(j.locale.clone()) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => e.insert(
                reader
                    .locale(&j.locale)
                    .map_err(|err| anyhow!("{}: {err}", bundle.display()))?,
            ),
        };
        let hits = reader
            .search(index, &j.query, &options)
            .map_err(|err| anyhow!("searching {:?} ({}): {err}", j.query, j.locale))?;
        out.push(hits.into_iter().map(|h| h.id).collect());
    }
    Ok(out)
}

/// A Markdown table of the judged queries where a peer ranks a relevant
/// page higher than we do.
fn worse_queries(judged: &[Judged], ranked: [&[Vec<String>]; 3]) -> String {
    let mut rows = String::new();
    let mut count = 0;
    for (i, j) in judged.iter().enumerate() {
        let rr = |r: &[Vec<String>]| r.get(i).map_or(0.0, |r| reciprocal_rank(r, &j.relevant));
        let (o, mi, lu) = (rr(ranked[0]), rr(ranked[1]), rr(ranked[2]));
        if mi > o || lu > o {
            count += 1;
            let top = ranked[0]
                .get(i)
                .and_then(|r| r.first())
                .map_or("—", String::as_str);
            let _ = writeln!(
                rows,
                "| {} | {} | `{}` | {} | {o:.2} | {mi:.2} | {lu:.2} | {top} |",
                j.locale,
                j.kind,
                j.query,
                j.relevant.join(", ")
            );
        }
    }
    if rows.is_empty() {
        return "None: on every judged query we rank a relevant page at least as high as both peers.\n".into();
    }
    format!(
        "{count} of {} queries.\n\n| Locale | Type | Query | Relevant | RR ours | RR MiniSearch | RR lunr.js | Our first hit |\n|---|---|---|---|---|---|---|---|\n{rows}",
        judged.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_judged_file_reads_by_locale_and_type() {
        let text = r#"
[fr]
typo = [{ q = "blutooth", relevant = ["bluetooth"] }]
title = [{ q = "mode avion", relevant = ["net-wireless-airplane", "x"] }]
[en]
word = [{ q = "vpn", relevant = ["net-vpn-connect"] }]
"#;
        let judged = parse_judged(text, Path::new("q.toml")).unwrap();
        let seen: Vec<(&str, &str, &str)> = judged
            .iter()
            .map(|j| (j.locale.as_str(), j.kind.as_str(), j.query.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("en", "word", "vpn"),
                ("fr", "title", "mode avion"),
                ("fr", "typo", "blutooth")
            ]
        );
        assert_eq!(judged[1].relevant, ids(&["net-wireless-airplane", "x"]));
    }

    #[test]
    fn bad_entries_are_named() {
        let err = |text: &str| {
            parse_judged(text, Path::new("q.toml"))
                .unwrap_err()
                .to_string()
        };
        assert!(err("[en]\nslang = []\n").contains("[en] `slang` is not a query type"));
        assert!(err("[es]\nword = []\n").contains("`[es]` is not a locale"));
        assert!(
            err("[de]\nword = [{ q = \"x\", relevant = [] }]\n")
                .contains("[de] word \"x\": `relevant` is empty")
        );
        assert!(
            err("[de]\nword = [{ q = \"x\", relevant = [\"a\"], grade = 2 }]\n").contains("q.toml")
        );
    }

    #[test]
    fn unknown_ids_are_named() {
        let judged = parse_judged(
            "[en]\nword = [{ q = \"vpn\", relevant = [\"net-vpn\"] }]\n",
            Path::new("q.toml"),
        )
        .unwrap();
        let doc = Doc {
            id: "net-vpn-connect".into(),
            locale: "en".into(),
            title: "Connect to a VPN".into(),
            summary: String::new(),
            category: "net".into(),
            tags: Vec::new(),
            blocks: Vec::new(),
        };
        let err = check_ids(&judged, &[doc], Path::new("q.toml")).unwrap_err();
        assert!(err.to_string().contains("no page `net-vpn`"), "{err}");
    }

    #[test]
    fn groups_average_their_own_queries() {
        let judged = vec![
            Judged {
                locale: "en".into(),
                kind: "word".into(),
                query: "a".into(),
                relevant: ids(&["x"]),
            },
            Judged {
                locale: "fr".into(),
                kind: "word".into(),
                query: "b".into(),
                relevant: ids(&["y"]),
            },
            Judged {
                locale: "fr".into(),
                kind: "typo".into(),
                query: "c".into(),
                relevant: ids(&["z"]),
            },
        ];
        let ours = vec![ids(&["x"]), ids(&["q", "y"]), ids(&[])];
        let peer = vec![ids(&[]), ids(&["y"]), ids(&["z"])];
        let types = group_mrr(
            &judged,
            [ours.as_slice(), peer.as_slice(), ours.as_slice()],
            |j| j.kind.as_str(),
            &["word", "typo"],
        );
        assert_eq!(types.len(), 2);
        assert!((types[0].ours - 0.75).abs() < 1e-9);
        assert!((types[0].minisearch - 0.5).abs() < 1e-9);
        assert_eq!((types[1].ours, types[1].minisearch), (0.0, 1.0));
        assert_eq!(types[1].best_peer(), ("MiniSearch", 1.0));
        let locales = group_mrr(
            &judged,
            [ours.as_slice(), peer.as_slice(), peer.as_slice()],
            |j| j.locale.as_str(),
            &LOCALES,
        );
        assert_eq!(
            locales.iter().map(|g| g.group.as_str()).collect::<Vec<_>>(),
            ["en", "fr"]
        );
    }

    #[test]
    fn the_committed_judged_set_is_well_formed() {
        let path = crate::cmd::root().join(QUERIES);
        let judged = parse_judged(&std::fs::read_to_string(&path).unwrap(), &path).unwrap();
        assert!(judged.len() >= 200, "{} judged queries", judged.len());
        for locale in LOCALES {
            let here: Vec<&Judged> = judged.iter().filter(|j| j.locale == locale).collect();
            assert!(here.len() >= 40, "{locale}: {} queries", here.len());
        }
        let short = judged
            .iter()
            .filter(|j| j.query.split_whitespace().count() <= 3)
            .count();
        assert!(
            short * 10 >= judged.len() * 8,
            "{short} short of {}",
            judged.len()
        );
    }
}
