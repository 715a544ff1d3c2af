//! The Slack front end over the same core as Discord and the console: one `/mentor` command
//! whose text the shared grammar reads, answered by `commands::run` and rendered as Block Kit.
//! It runs in Socket Mode on slack-morphism (the app-level token opens a WebSocket; no public
//! URL). `SLACK_API_URL` points the client at another Web API base, which is how the tests talk
//! to a fake Slack on 127.0.0.1.
//!
//! Buttons and menus are answered through `response_url` (`clicks.rs`), the scheduler posts
//! through `outbox.rs`, and files go up with Slack's upload flow (`web.rs`).
//!
//! Not built yet (issue 11): HTTP mode, App Home, modals and the shortcut, moderators named by
//! a moderator, the member's zone from `users.info`; see the README.

mod blocks;
mod clicks;
mod controls;
mod mrkdwn;
mod outbox;
mod rights;
mod slash;
mod web;

use crate::app::App;
use crate::clock::Clock;
use crate::config::SlackConfig;
use crate::domain::Platform;
use crate::startup::{FrontEnd, Shutdown};
use anyhow::Context;
use slack_morphism::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The longest wait between two attempts to open the Socket Mode connection.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);

/// Socket Mode connections held open. The crate answers one connection's envelopes one at a
/// time (each ack carries the answer), and Slack spreads envelopes over an app's connections
/// (ten at most), so several keep one slow answer from holding up everyone else's; the crate
/// reconnects each when it drops.
const SOCKET_CONNECTIONS: u32 = 4;

/// The bot scopes the code uses (`commands`: receiving `/mentor`; `users:read`: who is a
/// workspace admin; `chat:write`: the daily prompt and nudges; `im:write`: opening a member's
/// direct messages; `files:write`: the heatmap upload); `slack/manifest.json` asks for exactly
/// these, which a test checks.
pub const BOT_SCOPES: &[&str] = &["commands", "users:read", "chat:write", "im:write", "files:write"];

/// The slash commands the code answers, as the manifest declares them.
pub const SLASH_COMMANDS: &[&str] = &[mrkdwn::SLASH_COMMAND];

/// What every callback needs, kept in slack-morphism's listener state.
#[derive(Clone)]
struct Core {
    app: App,
    clock: Clock,
    admins: Arc<rights::Admins>,
    web: Arc<web::Web>,
}

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

    fn bot_token(&self) -> SlackApiToken {
        SlackApiToken::new(self.config.bot_token.expose().to_string().into())
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
        let (client, bot_token) = (self.client.clone(), self.bot_token());
        let callbacks = SlackSocketModeListenerCallbacks::new()
            .with_command_events(slash::on_command)
            .with_interaction_events(clicks::on_interaction);
        let environment = Arc::new(
            SlackClientEventsListenerEnvironment::new(client).with_error_handler(on_listener_error).with_user_state(
                Core { app, clock, admins: Arc::new(rights::Admins::new(bot_token)), web: self.web.clone() },
            ),
        );
        let socket = SlackClientSocketModeConfig::new()
            .with_max_connections_count(SOCKET_CONNECTIONS)
            .with_initial_backoff_in_seconds(1);
        let listener = SlackClientSocketModeListener::new(&socket, environment, callbacks);
        let token = SlackApiToken::new(self.config.app_token.expose().to_string().into());
        if !connect(&listener, &token, &shutdown).await {
            return Ok(());
        }
        listener.start().await;
        tracing::info!(
            connections = SOCKET_CONNECTIONS,
            "Slack Socket Mode started; each connection is opened and reopened by slack-morphism"
        );
        shutdown.wait().await;
        listener.shutdown().await;
        Ok(())
    }
}

/// Opens the Socket Mode connection, retrying with backoff while Slack cannot be reached, so a
/// Slack outage at start neither stops the process nor the other platforms. False when
/// shutdown came first.
async fn connect(
    listener: &SlackClientSocketModeListener<SlackClientHyperHttpsConnector>,
    token: &SlackApiToken,
    shutdown: &Shutdown,
) -> bool {
    let mut wait = Duration::from_secs(1);
    loop {
        match listener.listen_for(token).await {
            Ok(()) => return true,
            Err(e) => tracing::warn!(error = %e, retry_in = ?wait, "could not open Slack's Socket Mode connection"),
        }
        tokio::select! {
            () = tokio::time::sleep(wait) => wait = (wait * 2).min(MAX_RETRY_WAIT),
            () = shutdown.wait() => return false,
        }
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

/// A frame the crate could not handle (it acks it anyway): logged, never shown.
fn on_listener_error(
    error: Box<dyn std::error::Error + Send + Sync>,
    _client: Arc<SlackHyperClient>,
    _states: SlackClientEventsUserState,
) -> HttpStatusCode {
    tracing::error!(error = %error, "a Slack event could not be handled");
    HttpStatusCode::OK
}
