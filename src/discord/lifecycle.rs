//! Starting and stopping the bot as a front end of the composition root (`startup::Root`): the
//! client with its proxy-aware HTTP, the count of events in flight, and a graceful shutdown: the
//! gateway is read until it has been quiet for a moment (so interactions already on the socket
//! are dispatched, not dropped when the shard closes), then the shards stop and running handlers
//! finish (up to a limit). The root runs the scheduler beside it and closes the database after.

use super::dispatch::Dispatcher;
use super::endpoint;
use super::gateway_health;
use super::outbox::DiscordOutbox;
use super::registration::Registration;
use super::rest::Rest;
use super::{framework_options, http_client};
use crate::app::{App, LinkState};
use crate::clock::Clock;
use crate::config::{DiscordConfig, InteractionsEndpoint};
use crate::domain::Platform;
use crate::startup::{FrontEnd, Shutdown};
use anyhow::Context as _;
use poise::serenity_prelude as serenity;
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

/// The Discord front end as the composition root starts it: the gateway client with its
/// handlers, and the outbox the root's scheduler posts prompts and sends nudges through.
pub struct DiscordFrontEnd {
    config: DiscordConfig,
}

impl DiscordFrontEnd {
    pub fn new(config: &DiscordConfig) -> Self {
        DiscordFrontEnd { config: config.clone() }
    }
}

impl FrontEnd for DiscordFrontEnd {
    type Outbox = DiscordOutbox;

    fn name(&self) -> &'static str {
        "discord"
    }

    fn platform(&self) -> Platform {
        Platform::Discord
    }

    /// Sends with the same token and proxy as the client (its own `Http`: `Rest` reads only
    /// those from it and makes each request itself).
    fn outbox(&self) -> Option<DiscordOutbox> {
        Some(DiscordOutbox::new(Rest::new(Arc::new(http_client(&self.config)))))
    }

    async fn serve(self, app: App, clock: Clock, shutdown: Shutdown) -> anyhow::Result<()> {
        match &self.config.interactions {
            Some(endpoint) => serve_http(app, &self.config, endpoint, clock, shutdown).await,
            None => serve(app, &self.config, clock, shutdown).await,
        }
    }
}

/// HTTP interactions mode: the application is looked up, the commands are registered (in the background, from the same
/// definitions as the gateway's) and the endpoint serves until shutdown.
async fn serve_http(
    app: App,
    config: &DiscordConfig,
    endpoint: &InteractionsEndpoint,
    clock: Clock,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let http = Arc::new(http_client(config));
    // With no READY to learn it from, the application's id (for registration and follow-ups)
    // is asked for; a wrong token stops the start here, as it would on the gateway.
    let application = http
        .get_current_application_info()
        .await
        .context("could not read the bot's application from Discord (is DISCORD_TOKEN right?)")?;
    http.set_application_id(application.id);
    let mut commands = super::commands();
    poise::set_qualified_names(&mut commands);
    let registration = Registration::new(poise::builtins::create_application_commands(&commands), config.guild_id);
    registration.start_once(Arc::clone(&http));
    // No gateway to watch: the link is the endpoint, up while it serves (a failed bind ends
    // the process).
    app.report_link("discord interactions endpoint", LinkState::Up);
    let served = endpoint::serve(app, clock, http, endpoint, shutdown).await;
    registration.stop();
    served
}

/// Connects the configured shards (one in all when none are configured). serenity's range
/// includes its end: `first..last` starts shards `first` to `last`.
async fn start(client: &mut serenity::Client, config: &DiscordConfig) -> serenity::Result<()> {
    match config.shards {
        Some(plan) => {
            tracing::info!(first = plan.first, last = plan.last, total = plan.total, "connecting gateway shards");
            client.start_shard_range(plan.first..plan.last, plan.total).await
        }
        None => client.start().await,
    }
}

/// The shards this process holds: the configured range, or shard 0 of one.
fn held_shards(config: &DiscordConfig) -> std::ops::RangeInclusive<u32> {
    config.shards.map_or(0..=0, |plan| plan.first..=plan.last)
}

/// Runs the bot until `shutdown` fires, then answers what the gateway already sent, stops the
/// shards and waits for the handlers still running.
async fn serve(app: App, config: &DiscordConfig, clock: Clock, shutdown: Shutdown) -> anyhow::Result<()> {
    let in_flight = Arc::new(InFlight::default());
    let dispatcher = Dispatcher::new(framework_options(), app.clone(), clock, config.guild_id, in_flight.clone());
    let mut cache = serenity::cache::Settings::default();
    cache.cache_users = false;
    cache.cache_channels = false;
    let mut client = serenity::ClientBuilder::new_with_http(http_client(config), serenity::GatewayIntents::GUILDS)
        .framework(dispatcher)
        .cache_settings(cache)
        .await
        .context("could not build the Discord client")?;
    let shards = client.shard_manager.clone();
    gateway_health::register(&app, held_shards(config));
    let watching = gateway_health::watch(app, shards.clone());
    let reading = in_flight.clone();
    let stopper = async move {
        shutdown.wait().await;
        tracing::info!("shutting down: answering what the gateway already sent, then no new interactions");
        reading.quiet().await;
        shards.shutdown_all().await;
    };
    // Shutdown makes `start` return; a failed connection ends it without any shutdown signal.
    let result = tokio::select! {
        result = start(&mut client, config) => result,
        () = stopper => Ok(()),
        () = watching => Ok(()),
    };
    let left = in_flight.drain(DRAIN_LIMIT).await;
    if left > 0 {
        tracing::warn!(left, "shutdown limit reached with interactions still running");
    }
    result.context("the Discord connection failed")
}
