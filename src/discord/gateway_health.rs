//! The gateway as `/healthz` and `/metrics` see it. Each shard this process holds is a link,
//! registered as connecting before the shards start; every second its stage and heartbeat
//! latency are read from serenity's shard manager, so a shard that dropped (or stopped getting
//! heartbeat acknowledgements, which serenity treats as a drop) shows as down within a second.
//! A shard connected again (a RESUMED, or a READY after its first) counts as a reconnect; those
//! events reach the framework (serenity gives stage updates only to event handlers).

use crate::app::{App, LinkState};
use crate::telemetry::metrics;
use poise::serenity_prelude as serenity;
use serenity::{ConnectionStage, ShardManager};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often each shard's stage and latency are read.
const WATCH_EVERY: Duration = Duration::from_secs(1);

fn link_name(shard: u32) -> String {
    format!("discord shard {shard}")
}

fn state_of(stage: ConnectionStage) -> LinkState {
    match stage {
        ConnectionStage::Connected => LinkState::Up,
        other => LinkState::Down(format!("gateway {other}")),
    }
}

/// Registers each shard this process will hold as still connecting.
pub(super) fn register(app: &App, shards: impl IntoIterator<Item = u32>) {
    for shard in shards {
        app.report_link(&link_name(shard), LinkState::Down("connecting".into()));
    }
}

/// Reads every shard's stage and latency each second, for as long as it is polled.
pub(super) async fn watch(app: App, manager: Arc<ShardManager>) {
    let mut every = tokio::time::interval(WATCH_EVERY);
    loop {
        every.tick().await;
        let runners = manager.runners.lock().await;
        for (id, runner) in runners.iter() {
            app.report_link(&link_name(id.0), state_of(runner.stage));
            if let Some(latency) = runner.latency {
                metrics::gateway_latency(id.0, latency);
            }
        }
    }
}

/// The shards that have been connected at least once, to tell a reconnect from the first connect.
#[derive(Default)]
pub(super) struct Reconnects {
    connected_before: Mutex<HashSet<u32>>,
}

impl Reconnects {
    /// A shard's session is live (READY, or RESUMED after a drop): its link is up at once, and
    /// anything but its first READY is a reconnect.
    pub(super) fn connected(&self, app: &App, shard: u32, resumed: bool) {
        app.report_link(&link_name(shard), LinkState::Up);
        let mut seen = self.connected_before.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !seen.insert(shard) || resumed {
            metrics::gateway_reconnect(shard);
            tracing::info!(shard, resumed, "gateway shard connected again");
        }
    }
}
