//! Socket Mode: the mentor opens WebSocket connections with the app-level token, so it needs no
//! public URL. Slash commands and clicks arrive as envelopes; `slash.rs` and `clicks.rs` answer
//! them exactly as they answer HTTP mode's requests.

use super::{clicks, home, slash, Core};
use crate::app::LinkState;
use crate::config::Secret;
use crate::startup::Shutdown;
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

/// The Socket Mode connection's name in `/healthz`.
const SOCKET_LINK: &str = "slack socket";

/// Answers envelopes until shutdown.
pub(super) async fn serve(
    core: Core,
    client: Arc<SlackHyperClient>,
    app_token: &Secret,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let app = core.app.clone();
    let callbacks = SlackSocketModeListenerCallbacks::new()
        .with_command_events(slash::on_command)
        .with_interaction_events(clicks::on_interaction)
        .with_push_events(home::on_push_event);
    let environment = Arc::new(
        SlackClientEventsListenerEnvironment::new(client).with_error_handler(on_listener_error).with_user_state(core),
    );
    let socket = SlackClientSocketModeConfig::new()
        .with_max_connections_count(SOCKET_CONNECTIONS)
        .with_initial_backoff_in_seconds(1);
    let listener = SlackClientSocketModeListener::new(&socket, environment, callbacks);
    let token = SlackApiToken::new(app_token.expose().to_string().into());
    // Up once Slack accepted the first connection; slack-morphism reopens later drops itself
    // and does not report them, so this link does not see those.
    app.report_link(SOCKET_LINK, LinkState::Down("connecting".into()));
    if !connect(&listener, &token, &shutdown).await {
        return Ok(());
    }
    app.report_link(SOCKET_LINK, LinkState::Up);
    listener.start().await;
    tracing::info!(
        connections = SOCKET_CONNECTIONS,
        "Slack Socket Mode started; each connection is opened and reopened by slack-morphism"
    );
    shutdown.wait().await;
    listener.shutdown().await;
    Ok(())
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

/// A frame the crate could not handle (it acks it anyway): logged, never shown.
fn on_listener_error(
    error: Box<dyn std::error::Error + Send + Sync>,
    _client: Arc<SlackHyperClient>,
    _states: SlackClientEventsUserState,
) -> HttpStatusCode {
    tracing::error!(error = %error, "a Slack event could not be handled");
    HttpStatusCode::OK
}
