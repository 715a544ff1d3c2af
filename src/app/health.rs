//! Whether this process can serve, for `/healthz`: the store must take a write (a store that only
//! answers reads, a full disk or a lock held elsewhere is down), and every platform link a front
//! end registered (a Discord gateway shard, Slack's socket) must be up. A front end reports its
//! link down when it starts and up once it is connected, so a bot still connecting, or deaf
//! after a drop, does not look healthy.

use super::App;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// How long the store's write may take before the store counts as down.
const STORE_WRITE_LIMIT: Duration = Duration::from_secs(2);

/// A platform link's state, as its front end last reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkState {
    Up,
    /// Down, with what an operator should read ("connecting", "gateway stage Resuming").
    Down(String),
}

/// The links front ends registered, by name ("discord shard 0", "slack socket").
#[derive(Debug, Default)]
pub(crate) struct Links {
    states: Mutex<BTreeMap<String, LinkState>>,
}

/// The answer to "is this process healthy", with what is down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthReport {
    /// `None` when the store took the write; else why not.
    pub store_problem: Option<String>,
    pub links: Vec<(String, LinkState)>,
}

impl HealthReport {
    pub fn healthy(&self) -> bool {
        self.store_problem.is_none() && self.links.iter().all(|(_, state)| *state == LinkState::Up)
    }

    /// One line per part, "store: up", "discord shard 0: down (connecting)".
    pub fn describe(&self) -> String {
        let mut text = String::new();
        match &self.store_problem {
            None => text.push_str("store: up\n"),
            Some(problem) => {
                let _ = writeln!(text, "store: down ({problem})");
            }
        }
        for (name, state) in &self.links {
            let _ = match state {
                LinkState::Up => writeln!(text, "{name}: up"),
                LinkState::Down(why) => writeln!(text, "{name}: down ({why})"),
            };
        }
        text
    }
}

impl App {
    /// Records a platform link's state; the first report registers the link.
    pub fn report_link(&self, name: &str, state: LinkState) {
        let mut states = self.links.states.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        states.insert(name.to_string(), state);
    }

    /// Checks the store's write path (bounded in time) and reads every link's state.
    pub async fn health(&self, now: DateTime<Utc>) -> HealthReport {
        let write = self.store.probe_write(&self.instance, now.timestamp());
        let store_problem = match tokio::time::timeout(STORE_WRITE_LIMIT, write).await {
            Ok(Ok(())) => None,
            Ok(Err(e)) => {
                let error = anyhow::Error::new(e);
                tracing::warn!(error = format!("{error:#}"), "the health check's store write failed");
                Some("a write failed".to_string())
            }
            Err(_) => {
                // The timed-out call never ended, so the store layer did not count it.
                crate::telemetry::metrics::store_error("probe_write");
                Some(format!("a write took over {} s", STORE_WRITE_LIMIT.as_secs()))
            }
        };
        let states = self.links.states.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        HealthReport { store_problem, links: states.iter().map(|(n, s)| (n.clone(), s.clone())).collect() }
    }
}
