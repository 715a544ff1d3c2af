//! The Slack front end over the same core as Discord and the console: one `/mentor` command
//! whose text the shared grammar reads, answered by `commands::run` and rendered as Block Kit.
//! It runs on slack-morphism in Socket Mode (`socket.rs`: the app-level token opens WebSockets;
//! no public URL) or in HTTP mode (`http.rs`: Slack's signed requests, for replicas behind a
//! load balancer). `SLACK_API_URL` points the client at another Web API base, which is how the
//! tests talk to a fake Slack on 127.0.0.1.
//!
//! Buttons and menus are answered through `response_url` (`clicks.rs`), the scheduler posts
//! through `outbox.rs`, and files go up with Slack's upload flow (`web.rs`).
//!
//! A member's zone comes from their Slack profile (`zones.rs`) until they choose one.
//!
//! The Home tab (`home.rs`) and the settings and check-in modals (`forms.rs`, also opened by
//! the global shortcut) are Slack's own surfaces over the same core.

mod blocks;
mod clicks;
mod controls;
mod escapes;
mod forms;
mod home;
mod http;
mod mrkdwn;
mod outbox;
mod rights;
mod slash;
mod socket;
mod web;
mod zones;

use crate::app::App;
use crate::clock::Clock;
use crate::config::{SlackConfig, SlackMode};
use crate::domain::Platform;
use crate::startup::{FrontEnd, Shutdown};
use anyhow::Context;
use slack_morphism::prelude::*;
use std::sync::Arc;
use tokio_util::task::TaskTracker;

/// The bot scopes the code uses (`commands`: receiving `/mentor`; `users:read`: who is a
/// workspace admin; `chat:write`: the daily prompt and nudges; `im:write`: opening a member's
/// direct messages; `files:write`: the heatmap upload); `slack/manifest.json` asks for exactly
/// these, which a test checks.
pub use forms::CHECK_IN_SHORTCUT;

/// The events the code subscribes to, as the manifest declares them.
pub const BOT_EVENTS: &[&str] = &["app_home_opened"];

pub const BOT_SCOPES: &[&str] = &["commands", "users:read", "chat:write", "im:write", "files:write"];

/// The slash commands the code answers, as the manifest declares them.
pub const SLASH_COMMANDS: &[&str] = &[mrkdwn::SLASH_COMMAND];

/// What every answer needs: in slack-morphism's listener state (Socket Mode) or the router's
/// state (HTTP mode).
#[derive(Clone)]
struct Core {
    app: App,
    clock: Clock,
    admins: Arc<rights::Admins>,
    zones: Arc<zones::Zones>,
    web: Arc<web::Web>,
    /// Work that finishes after the ack (deferred answers, follow-ups, uploads, modals): waited
    /// for at shutdown, so none of it meets a closed database or is cut off half sent.
    after_ack: TaskTracker,
}

/// How long shutdown waits for work still finishing after an ack.
const AFTER_ACK_DRAIN: std::time::Duration = std::time::Duration::from_secs(10);

pub use outbox::SlackOutbox;

/// The Slack front end as the composition root starts it: one Web API client shared by the
/// listener and the scheduler's outbox.
pub struct SlackFrontEnd {
    config: SlackConfig,
    client: Arc<SlackHyperClient>,
    web: Arc<web::Web>,
}

impl SlackFrontEnd {
    pub fn new(config: &SlackConfig) -> anyhow::Result<Self> {
        let client = Arc::new(SlackClient::new(connector(config)?));
        let token = SlackApiToken::new(config.bot_token.expose().to_string().into());
        let web = Arc::new(web::Web::new(client.clone(), token));
        Ok(SlackFrontEnd { config: config.clone(), client, web })
    }
}

impl FrontEnd for SlackFrontEnd {
    type Outbox = SlackOutbox;

    fn name(&self) -> &'static str {
        "slack"
    }

    fn platform(&self) -> Platform {
        Platform::Slack
    }

    fn outbox(&self) -> Option<SlackOutbox> {
        Some(SlackOutbox::new(self.web.clone()))
    }

    async fn serve(self, app: App, clock: Clock, shutdown: Shutdown) -> anyhow::Result<()> {
        let (admins, zones) = (Arc::new(rights::Admins::new()), Arc::new(zones::Zones::new()));
        let after_ack = TaskTracker::new();
        let core = Core { app, clock, admins, zones, web: self.web.clone(), after_ack: after_ack.clone() };
        let served = match &self.config.mode {
            SlackMode::Socket { app_token } => socket::serve(core, self.client.clone(), app_token, shutdown).await,
            SlackMode::Http { signing_secret, listen } => {
                http::serve(core, self.client.clone(), signing_secret, *listen, shutdown).await
            }
        };
        after_ack.close();
        if tokio::time::timeout(AFTER_ACK_DRAIN, after_ack.wait()).await.is_err() {
            tracing::warn!(left = after_ack.len(), "work after Slack acks did not finish in time; abandoning it");
        }
        served
    }
}

/// The Web API client's connector: HTTPS with the system's roots, or plain HTTP when
/// `SLACK_API_URL` says so (the tests' fake).
fn connector(config: &SlackConfig) -> anyhow::Result<SlackClientHyperHttpsConnector> {
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_native_roots()
        .context("the system's certificate roots could not be read")?
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .build();
    let connector = SlackClientHyperConnector::with_connector(https);
    Ok(match &config.api_url {
        Some(url) => connector.with_slack_api_url(url),
        None => connector,
    })
}
