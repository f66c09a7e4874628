//! Watching the content folder: every burst of file events (an editor's
//! save is often several: a temporary file, a rename, a chmod) becomes one
//! rebuild, a short quiet moment after the last event.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

/// How long the folder must stay quiet before a rebuild: long enough to
/// take an editor's save as one change, short enough to feel immediate.
const QUIET: Duration = Duration::from_millis(60);

/// A folder being watched; dropping it stops the watching.
pub(crate) struct Watcher {
    _inner: notify::RecommendedWatcher,
}

impl Watcher {
    /// Calls `rebuild` after every burst of changes under `dir`, on a
    /// thread of its own.
    pub(crate) fn start(
        dir: &Path,
        rebuild: impl Fn() + Send + 'static,
    ) -> std::io::Result<Watcher> {
        let (events, received) = mpsc::channel::<()>();
        let mut inner = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| !e.kind.is_access()) {
                let _ = events.send(());
            }
        })
        .map_err(std::io::Error::other)?;
        inner
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| std::io::Error::other(format!("cannot watch {}: {e}", dir.display())))?;
        std::thread::spawn(move || {
            // Ends when the watcher, and so the sender, is dropped.
            while received.recv().is_ok() {
                while received.recv_timeout(QUIET).is_ok() {}
                rebuild();
            }
        });
        Ok(Watcher { _inner: inner })
    }
}
