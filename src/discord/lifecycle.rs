//! Starting and stopping the bot: the client with its proxy-aware HTTP, the count of events in
//! flight, and a graceful shutdown: the scheduler stops, the gateway is read until it has been
//! quiet for a moment (so interactions already on the socket are dispatched, not dropped when
//! the shard closes), then the shards stop, running handlers finish (up to a limit), and the
//! database is closed.

use super::dispatch::Dispatcher;
use super::outbox::DiscordOutbox;
use super::rest::Rest;
use super::{framework_options, http_client, Clock};
use crate::app::App;
use crate::config::{DiscordConfig, SchedulerConfig};
use crate::domain::Platform;
use crate::scheduler::{self, Scheduler};
use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long shutdown waits for handlers that are still running.
const DRAIN_LIMIT: Duration = Duration::from_secs(10);

/// At shutdown, the gateway counts as read to the end once no event arrived for this long: the
/// shard reads a socket's buffered events back to back, microseconds apart.
const QUIET_FOR: Duration = Duration::from_millis(150);

/// The longest shutdown keeps reading the gateway while events keep coming.
const QUIET_LIMIT: Duration = Duration::from_secs(2);

/// Counts events being handled, so shutdown can wait for them, and notes when the last one
/// arrived, so shutdown can tell when the socket has been read to the end.
pub struct InFlight {
    count: AtomicUsize,
    idle: Notify,
    started: std::time::Instant,
    /// Microseconds after `started` when the last event arrived.
    last_event: AtomicU64,
}

impl Default for InFlight {
    fn default() -> Self {
        InFlight {
            count: AtomicUsize::new(0),
            idle: Notify::new(),
            started: std::time::Instant::now(),
            last_event: AtomicU64::new(0),
        }
    }
}

impl InFlight {
    pub(super) fn enter(self: &Arc<Self>) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        let now = u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.last_event.store(now, Ordering::Relaxed);
        InFlightGuard(Arc::clone(self))
    }

    fn since_last_event(&self) -> Duration {
        let last = Duration::from_micros(self.last_event.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
    }

    /// Waits until no event arrived for `QUIET_FOR` (or `QUIET_LIMIT` passed).
    async fn quiet(&self) {
        let deadline = tokio::time::Instant::now() + QUIET_LIMIT;
        loop {
            let quiet_for = self.since_last_event();
            if quiet_for >= QUIET_FOR || tokio::time::Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep(QUIET_FOR - quiet_for).await;
        }
    }

    pub fn current(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until nothing is in flight, or the limit passes; returns how many were left.
    pub async fn drain(&self, limit: Duration) -> usize {
        let wait = async {
            while self.current() > 0 {
                let notified = self.idle.notified();
                if self.current() == 0 {
                    break;
                }
                notified.await;
            }
        };
        let _ = tokio::time::timeout(limit, wait).await;
        self.current()
    }
}

pub(super) struct InFlightGuard(Arc<InFlight>);

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// Starts the scheduler loop from start-up code (not from a gateway event), sending through the
/// bot's own HTTP client.
fn start_scheduler(
    app: &App,
    rest: Rest,
    scheduling: SchedulerConfig,
    clock: Clock,
    stopped: tokio::sync::oneshot::Receiver<()>,
) -> tokio::task::JoinHandle<()> {
    let grace = chrono::Duration::minutes(i64::from(scheduling.grace_minutes));
    let scheduler =
        Scheduler::new(app.clone(), DiscordOutbox::new(rest), Platform::Discord, grace, scheduling.rate_per_second);
    let tick = Duration::from_secs(u64::from(scheduling.tick_seconds));
    tokio::spawn(scheduler::run(scheduler, move || clock(), tick, async move {
        let _ = stopped.await;
    }))
}

/// Runs the bot until `shutdown` resolves, then drains and closes the database.
pub async fn run(
    app: App,
    config: &DiscordConfig,
    scheduling: SchedulerConfig,
    clock: Clock,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    app.prepare_heatmap(clock());
    let in_flight = Arc::new(InFlight::default());
    let dispatcher =
        Dispatcher::new(framework_options(), app.clone(), clock.clone(), config.guild_id, in_flight.clone());
    let mut cache = serenity::cache::Settings::default();
    cache.cache_users = false;
    cache.cache_channels = false;
    let mut client = serenity::ClientBuilder::new_with_http(http_client(config), serenity::GatewayIntents::GUILDS)
        .framework(dispatcher)
        .cache_settings(cache)
        .await
        .context("could not build the Discord client")?;
    let (stop_scheduler, scheduler_stopped) = tokio::sync::oneshot::channel::<()>();
    let rest = Rest::new(client.http.clone());
    let scheduler = start_scheduler(&app, rest, scheduling, clock, scheduler_stopped);
    let shards = client.shard_manager.clone();
    let reading = in_flight.clone();
    let stopper = async move {
        shutdown.await;
        tracing::info!("shutting down: answering what the gateway already sent, then no new interactions");
        let _ = stop_scheduler.send(());
        reading.quiet().await;
        shards.shutdown_all().await;
    };
    // Shutdown makes `start` return; a failed connection ends it without any shutdown signal.
    let result = tokio::select! {
        result = client.start() => result,
        () = stopper => Ok(()),
    };
    let left = in_flight.drain(DRAIN_LIMIT).await;
    if tokio::time::timeout(DRAIN_LIMIT, scheduler).await.is_err() {
        tracing::warn!("the scheduler did not stop in time");
    }
    if left > 0 {
        tracing::warn!(left, "shutdown limit reached with interactions still running");
    }
    app.store().close().await;
    tracing::info!("stopped; database closed");
    result.context("the Discord connection failed")
}
