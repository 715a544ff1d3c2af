//! Starting and stopping the bot: the client with its proxy-aware HTTP, a wrapper that counts
//! interactions in flight, and a graceful shutdown that stops taking new work, lets running
//! handlers finish (up to a limit), then closes the database.

use super::outbox::DiscordOutbox;
use super::{framework, http_client, Clock, Data, Error};
use crate::app::App;
use crate::config::{DiscordConfig, SchedulerConfig};
use crate::domain::Platform;
use crate::scheduler::{self, Scheduler};
use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long shutdown waits for handlers that are still running.
const DRAIN_LIMIT: Duration = Duration::from_secs(10);

/// Counts events being handled, so shutdown can wait for them.
#[derive(Default)]
pub struct InFlight {
    count: AtomicUsize,
    idle: Notify,
}

impl InFlight {
    fn enter(self: &Arc<Self>) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(Arc::clone(self))
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

struct InFlightGuard(Arc<InFlight>);

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// poise's framework, with every event counted while it is handled.
struct TrackedFramework {
    inner: poise::Framework<Data, Error>,
    in_flight: Arc<InFlight>,
}

#[serenity::async_trait]
impl serenity::Framework for TrackedFramework {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let _guard = self.in_flight.enter();
        self.inner.dispatch(ctx, event).await;
    }
}

/// Starts the scheduler loop from start-up code (not from a gateway event), sending through the
/// bot's own HTTP client.
fn start_scheduler(
    app: &App,
    http: Arc<serenity::Http>,
    scheduling: SchedulerConfig,
    clock: Clock,
    stopped: tokio::sync::oneshot::Receiver<()>,
) -> tokio::task::JoinHandle<()> {
    let grace = chrono::Duration::minutes(i64::from(scheduling.grace_minutes));
    let scheduler =
        Scheduler::new(app.clone(), DiscordOutbox::new(http), Platform::Discord, grace, scheduling.rate_per_second);
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
    let tracked = TrackedFramework {
        inner: framework(app.clone(), clock.clone(), config.guild_id),
        in_flight: in_flight.clone(),
    };
    let mut cache = serenity::cache::Settings::default();
    cache.cache_users = false;
    cache.cache_channels = false;
    let mut client = serenity::ClientBuilder::new_with_http(http_client(config), serenity::GatewayIntents::GUILDS)
        .framework(tracked)
        .cache_settings(cache)
        .await
        .context("could not build the Discord client")?;
    let (stop_scheduler, scheduler_stopped) = tokio::sync::oneshot::channel::<()>();
    let scheduler = start_scheduler(&app, client.http.clone(), scheduling, clock, scheduler_stopped);
    let shards = client.shard_manager.clone();
    let stopper = async move {
        shutdown.await;
        tracing::info!("shutting down: no new interactions; finishing the ones in flight");
        let _ = stop_scheduler.send(());
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
