//! Votes in SQLite (WAL mode): one row per reader and article when the
//! vote names its reader (`client`), else one row per vote id.
//!
//! Schema versions (SQLite's `user_version`): 0, the first, had no
//! `reader` column; 1 adds it with a unique index on `(reader, article)`.
//! [`Store::open`] upgrades an older database in place, keeping its votes.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension as _, params};

/// One vote, as the widget sends it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Vote {
    /// The client-generated id: the same vote sent twice counts once.
    pub id: String,
    /// The article voted on.
    pub article: String,
    /// Whether it helped.
    pub helpful: bool,
    /// An optional comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The reader's locale.
    pub locale: String,
    /// The publisher's Site ID, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The reader's id, random per browser: a reader has one vote per
    /// article, which a later vote replaces. Votes without one (older
    /// widgets) are kept by vote id alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
}

/// What storing a vote did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A vote id not seen before.
    New,
    /// A vote id already stored, or the reader's earlier vote on the
    /// article: its answer and comment were replaced (a changed answer, a
    /// comment added after the yes/no), and it still counts once.
    Updated,
    /// The same answer and comment as stored: nothing changed.
    Unchanged,
}

/// Why a vote could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The vote id is already used for another article.
    #[error("vote id `{0}` is already used for another article")]
    IdReused(String),
    /// SQLite failed.
    #[error("the vote store failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Votes for one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    /// How many found it helpful.
    pub helpful: u64,
    /// How many voted.
    pub total: u64,
}

/// The vote store, shared between request handlers.
#[derive(Clone, Debug)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

impl Store {
    /// Opens (or creates) the database at `path`, in WAL mode.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut connection = Connection::open(path)?;
        // WAL lets readers go on while a vote is written, and a crash
        // never leaves a half-written vote.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS votes (
                 client_id   TEXT PRIMARY KEY,
                 article     TEXT NOT NULL,
                 helpful     INTEGER NOT NULL,
                 comment     TEXT,
                 locale      TEXT NOT NULL,
                 sid         TEXT,
                 received_at INTEGER NOT NULL
             );
             CREATE INDEX IF NOT EXISTS votes_by_article ON votes (article);",
        )?;
        upgrade(&mut connection)?;
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// The journal mode SQLite reports (`wal` once opened).
    pub fn journal_mode(&self) -> Result<String, StoreError> {
        let connection = self.lock();
        Ok(connection.query_row("PRAGMA journal_mode", [], |row| row.get(0))?)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (each
        // statement is atomic), so a poisoned lock is still usable.
        self.connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores `vote`. The reader's earlier vote on the article (else the
    /// stored vote with the same id) is replaced: a changed answer takes
    /// the new comment, the same answer keeps the old comment unless a new
    /// one comes; the same answer with no new comment changes nothing.
    pub fn record(&self, vote: &Vote) -> Result<Stored, StoreError> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let by_id: Option<(String, String, bool, Option<String>)> = tx
            .query_row(
                "SELECT client_id, article, helpful, comment FROM votes WHERE client_id = ?1",
                params![vote.id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        if let Some((_, article, _, _)) = &by_id
            && *article != vote.article
        {
            return Err(StoreError::IdReused(vote.id.clone()));
        }
        let by_reader = match &vote.client {
            Some(client) => tx
                .query_row(
                    "SELECT client_id, article, helpful, comment FROM votes
                     WHERE reader = ?1 AND article = ?2",
                    params![client, vote.article],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
                )
                .optional()?,
            None => None,
        };
        let stored = match by_reader.or(by_id) {
            Some((_, _, helpful, comment))
                if helpful == vote.helpful
                    && vote
                        .comment
                        .as_ref()
                        .is_none_or(|c| Some(c) == comment.as_ref()) =>
            {
                Stored::Unchanged
            }
            Some((row_id, _, helpful, _)) => {
                // A changed answer takes the new comment (or none): the old
                // one was about the other answer.
                let keep_comment = helpful == vote.helpful;
                tx.execute(
                    "UPDATE votes SET helpful = ?2,
                         comment = CASE WHEN ?6 THEN COALESCE(?3, comment) ELSE ?3 END,
                         locale = ?4, sid = COALESCE(?5, sid), reader = COALESCE(reader, ?7)
                     WHERE client_id = ?1",
                    params![
                        row_id,
                        vote.helpful,
                        vote.comment,
                        vote.locale,
                        vote.sid,
                        keep_comment,
                        vote.client
                    ],
                )?;
                Stored::Updated
            }
            None => {
                tx.execute(
                    "INSERT INTO votes (client_id, article, helpful, comment, locale, sid, reader, received_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, unixepoch())",
                    params![
                        vote.id,
                        vote.article,
                        vote.helpful,
                        vote.comment,
                        vote.locale,
                        vote.sid,
                        vote.client
                    ],
                )?;
                Stored::New
            }
        };
        tx.commit()?;
        Ok(stored)
    }

    /// The counts for `article`.
    pub fn counts(&self, article: &str) -> Result<Counts, StoreError> {
        let connection = self.lock();
        let (helpful, total): (i64, i64) = connection.query_row(
            "SELECT COALESCE(SUM(helpful), 0), COUNT(*) FROM votes WHERE article = ?1",
            params![article],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(Counts {
            helpful: helpful.max(0) as u64,
            total: total.max(0) as u64,
        })
    }

    /// How many votes are stored in all.
    pub fn total(&self) -> Result<u64, StoreError> {
        let connection = self.lock();
        let n: i64 = connection.query_row("SELECT COUNT(*) FROM votes", [], |row| row.get(0))?;
        Ok(n.max(0) as u64)
    }
}

/// The schema version [`Store::open`] leaves a database at.
pub const SCHEMA_VERSION: i64 = 1;

/// Brings a database from an older schema to [`SCHEMA_VERSION`], in one
/// transaction: version 0 gains the `reader` column (empty for the votes
/// it holds, which keep counting) and its unique index.
fn upgrade(connection: &mut Connection) -> Result<(), StoreError> {
    let tx = connection.transaction()?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version < 1 {
        let has_reader = tx
            .prepare("SELECT 1 FROM pragma_table_info('votes') WHERE name = 'reader'")?
            .exists([])?;
        if !has_reader {
            tx.execute_batch("ALTER TABLE votes ADD COLUMN reader TEXT;")?;
        }
        tx.execute_batch(
            "CREATE UNIQUE INDEX IF NOT EXISTS votes_by_reader
                 ON votes (reader, article) WHERE reader IS NOT NULL;",
        )?;
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(id: &str, article: &str, helpful: bool) -> Vote {
        Vote {
            id: id.into(),
            article: article.into(),
            helpful,
            comment: None,
            locale: "en".into(),
            sid: None,
            client: None,
        }
    }

    fn from(client: &str, id: &str, article: &str, helpful: bool) -> Vote {
        Vote {
            client: Some(client.into()),
            ..vote(id, article, helpful)
        }
    }

    #[test]
    fn a_reader_has_one_vote_per_article_which_a_change_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("votes.sqlite")).unwrap();
        let counts = |helpful, total| Counts { helpful, total };
        assert_eq!(
            store.record(&from("r1", "a", "x", true)).unwrap(),
            Stored::New
        );
        // Three visits, three vote ids, one reader: still one vote.
        assert_eq!(
            store.record(&from("r1", "b", "x", true)).unwrap(),
            Stored::Unchanged
        );
        assert_eq!(
            store.record(&from("r1", "c", "x", true)).unwrap(),
            Stored::Unchanged
        );
        assert_eq!(store.counts("x").unwrap(), counts(1, 1));
        // A change replaces it, with its comment.
        let no = Vote {
            comment: Some("missing the fee".into()),
            ..from("r1", "d", "x", false)
        };
        assert_eq!(store.record(&no).unwrap(), Stored::Updated);
        assert_eq!(store.counts("x").unwrap(), counts(0, 1));
        assert_eq!(store.record(&no).unwrap(), Stored::Unchanged);
        // Changing back drops the comment that was about "No".
        assert_eq!(
            store.record(&from("r1", "e", "x", true)).unwrap(),
            Stored::Updated
        );
        let comment: Option<String> = store
            .lock()
            .query_row("SELECT comment FROM votes WHERE reader = 'r1'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(comment, None);
        // Another reader, another article: votes of their own.
        assert_eq!(
            store.record(&from("r2", "f", "x", false)).unwrap(),
            Stored::New
        );
        assert_eq!(
            store.record(&from("r1", "g", "y", false)).unwrap(),
            Stored::New
        );
        assert_eq!(store.counts("x").unwrap(), counts(1, 2));
        assert_eq!(store.total().unwrap(), 3);
    }

    #[test]
    fn a_database_of_the_first_schema_is_upgraded_on_open_and_keeps_its_votes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("votes.sqlite");
        {
            // The schema as the first feedback server wrote it.
            let old = Connection::open(&path).unwrap();
            old.execute_batch(
                "CREATE TABLE votes (
                     client_id   TEXT PRIMARY KEY,
                     article     TEXT NOT NULL,
                     helpful     INTEGER NOT NULL,
                     comment     TEXT,
                     locale      TEXT NOT NULL,
                     sid         TEXT,
                     received_at INTEGER NOT NULL
                 );
                 CREATE INDEX votes_by_article ON votes (article);
                 INSERT INTO votes VALUES ('v1', 'x', 1, NULL, 'en', NULL, 0),
                                          ('v2', 'x', 0, 'hm', 'fr', NULL, 0);",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let version: i64 = store
            .lock()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(
            store.counts("x").unwrap(),
            Counts {
                helpful: 1,
                total: 2
            }
        );
        // An old vote retried by id still counts once; new votes are per reader.
        assert_eq!(
            store.record(&vote("v1", "x", true)).unwrap(),
            Stored::Unchanged
        );
        assert_eq!(
            store.record(&from("r1", "v3", "x", true)).unwrap(),
            Stored::New
        );
        assert_eq!(
            store.record(&from("r1", "v4", "x", true)).unwrap(),
            Stored::Unchanged
        );
        assert_eq!(
            store.counts("x").unwrap(),
            Counts {
                helpful: 2,
                total: 3
            }
        );
        drop(store);
        // Opening it again is a no-op.
        assert_eq!(
            Store::open(&path).unwrap().counts("x").unwrap(),
            Counts {
                helpful: 2,
                total: 3
            }
        );
    }

    #[test]
    fn a_vote_sent_twice_counts_once_and_a_later_comment_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("votes.sqlite")).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
        assert_eq!(
            store.record(&vote("a", "find-site-id", true)).unwrap(),
            Stored::New
        );
        assert_eq!(
            store.record(&vote("a", "find-site-id", true)).unwrap(),
            Stored::Unchanged
        );
        let commented = Vote {
            comment: Some("clear".into()),
            ..vote("a", "find-site-id", true)
        };
        assert_eq!(store.record(&commented).unwrap(), Stored::Updated);
        assert_eq!(
            store.record(&vote("b", "find-site-id", false)).unwrap(),
            Stored::New
        );
        assert_eq!(
            store.counts("find-site-id").unwrap(),
            Counts {
                helpful: 1,
                total: 2
            }
        );
        assert_eq!(store.counts("other").unwrap(), Counts::default());
        assert!(matches!(
            store.record(&vote("a", "other", true)),
            Err(StoreError::IdReused(_))
        ));
        assert_eq!(store.total().unwrap(), 2);
    }

    #[test]
    fn votes_survive_reopening_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("votes.sqlite");
        Store::open(&path)
            .unwrap()
            .record(&vote("a", "x", true))
            .unwrap();
        assert_eq!(
            Store::open(&path).unwrap().counts("x").unwrap(),
            Counts {
                helpful: 1,
                total: 1
            }
        );
    }
}
