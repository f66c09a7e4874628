//! A bounded load generator: many concurrent clients send votes over real
//! HTTP, retrying the way the widget does, so a test can check that the
//! stored count is exact.

use std::time::{Duration, Instant};

/// What a load run did.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    /// Distinct votes (client ids) sent.
    pub votes: usize,
    /// HTTP requests made, retries included.
    pub requests: usize,
    /// Votes that were still not accepted after every retry.
    pub failed: usize,
    /// Wall time of the whole run.
    pub elapsed: Duration,
}

impl LoadReport {
    /// Accepted votes per second.
    pub fn votes_per_second(&self) -> f64 {
        (self.votes - self.failed) as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Sends `votes` votes on `article` to `url` (the `POST /feedback` URL)
/// from `clients` threads. Vote `i` is helpful when `i % 3 != 0`. Every
/// fourth vote is sent twice, as a client does that timed out waiting for
/// the answer and retries; any failed request is retried up to five times.
pub fn run(url: &str, article: &str, votes: usize, clients: usize) -> LoadReport {
    let started = Instant::now();
    let per_client = votes.div_ceil(clients.max(1));
    let results: Vec<(usize, usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients.max(1))
            .map(|client| {
                scope.spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .timeout_global(Some(Duration::from_secs(10)))
                        .http_status_as_error(false)
                        .build()
                        .into();
                    let (mut sent, mut requests, mut failed) = (0, 0, 0);
                    for i in client * per_client..((client + 1) * per_client).min(votes) {
                        let body = serde_json::json!({
                            "id": format!("load-{i}"),
                            "article": article,
                            "helpful": i % 3 != 0,
                            "locale": "en",
                        });
                        let copies = if i % 4 == 0 { 2 } else { 1 };
                        let mut ok = false;
                        for _ in 0..copies {
                            for attempt in 0..6 {
                                requests += 1;
                                let status = agent
                                    .post(url)
                                    .send_json(&body)
                                    .map(|r| r.status().as_u16());
                                if matches!(status, Ok(200..=299)) {
                                    ok = true;
                                    break;
                                }
                                std::thread::sleep(Duration::from_millis(20 << attempt));
                            }
                        }
                        sent += 1;
                        if !ok {
                            failed += 1;
                        }
                    }
                    (sent, requests, failed)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((0, 0, 0)))
            .collect()
    });
    LoadReport {
        votes: results.iter().map(|r| r.0).sum(),
        requests: results.iter().map(|r| r.1).sum(),
        failed: results.iter().map(|r| r.2).sum(),
        elapsed: started.elapsed(),
    }
}
