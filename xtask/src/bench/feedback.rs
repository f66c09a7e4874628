//! The example feedback server on loopback under concurrent votes.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::harness::Bench;
use super::report::{Report, number};
use crate::serve::Server;

/// The example feedback server on loopback: 2,000 votes from 50
/// concurrent clients, every fourth one retried, counted exactly.
pub(crate) fn votes_under_load(
    bench: &Bench,
    site: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    const SECTION: &str = "feedback server, loopback";
    let db = bench.out.join("feedback-load.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let server = Server::start_with_feedback(site, 0, &db)?;
    let article = feedback_server::articles::from_bundle(&site.join("bundle-signed-in"))?
        .into_iter()
        .next()
        .context("the example bundle holds no article")?;
    let load =
        feedback_server::load::run(&format!("{}/feedback", server.url()), &article, 2000, 50);
    let stored = feedback_server::Store::open(&db)?.counts(&article)?.total;
    if stored != 2000 || load.failed != 0 {
        bail!(
            "{} votes stored and {} failed, of 2000 sent",
            stored,
            load.failed
        );
    }
    report.figure(
        SECTION,
        "2,000 votes, 50 clients, SQLite WAL",
        format!(
            "{} votes/s ({} requests with retries in {} s; 2,000 stored exactly)",
            number(load.votes_per_second()),
            load.requests,
            number(load.elapsed.as_secs_f64())
        ),
    );
    Ok(())
}
