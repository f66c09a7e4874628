//! Votes in SQLite (WAL mode), one row per client-generated vote id.

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
}

/// What storing a vote did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A vote id not seen before.
    New,
    /// A vote id already stored: its answer and comment were updated (a
    /// comment added after the yes/no), and it still counts once.
    Updated,
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
        let connection = Connection::open(path)?;
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

    /// Stores `vote`, or updates the stored vote with the same id.
    pub fn record(&self, vote: &Vote) -> Result<Stored, StoreError> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let existing: Option<String> = tx
            .query_row(
                "SELECT article FROM votes WHERE client_id = ?1",
                params![vote.id],
                |row| row.get(0),
            )
            .optional()?;
        let stored = match existing {
            Some(article) if article != vote.article => {
                return Err(StoreError::IdReused(vote.id.clone()));
            }
            Some(_) => {
                tx.execute(
                    "UPDATE votes SET helpful = ?2, comment = COALESCE(?3, comment), locale = ?4,
                         sid = COALESCE(?5, sid)
                     WHERE client_id = ?1",
                    params![vote.id, vote.helpful, vote.comment, vote.locale, vote.sid],
                )?;
                Stored::Updated
            }
            None => {
                tx.execute(
                    "INSERT INTO votes (client_id, article, helpful, comment, locale, sid, received_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, unixepoch())",
                    params![vote.id, vote.article, vote.helpful, vote.comment, vote.locale, vote.sid],
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
        }
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
            Stored::Updated
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
