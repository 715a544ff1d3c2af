//! HTTP mode, for replicas behind a load balancer: Slack POSTs slash commands, interactivity
//! and events to `SLACK_HTTP_ADDR`. Every request's v0 signature is checked over the raw body
//! before anything is parsed (slack-morphism's verifier: HMAC-SHA256 with the signing secret,
//! compared in constant time, a timestamp more than five minutes from now refused); a missing
//! header, a wrong signature or an old timestamp is a bare 401 and nothing runs. Bodies are
//! capped at `BODY_LIMIT`. Slack retries an event it thinks failed, so each `event_id` is
//! handled once (`crate::recent::RecentIds`). That memory is per process, and harmless across
//! replicas: the one event handled is `app_home_opened`, and publishing the same Home tab again
//! replaces it.

use super::{clicks, home, slash, Core};
use crate::config::Secret;
use crate::recent::RecentIds;
use crate::startup::Shutdown;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use slack_morphism::prelude::*;
use slack_morphism::signature_verifier::SlackEventSignatureVerifier;
use std::net::SocketAddr;
use std::sync::Arc;

/// Slack's largest payloads (an interaction carrying a long message) stay well under this.
const BODY_LIMIT: usize = 256 * 1024;
/// Event ids remembered per shard for de-duplication (16 x 625, about ten thousand); Slack
/// retries within minutes.
const EVENT_IDS_PER_SHARD: usize = 625;

#[derive(Clone)]
struct Http {
    core: Core,
    client: Arc<SlackHyperClient>,
    verifier: SlackEventSignatureVerifier,
    events: Arc<RecentIds<String>>,
}

/// Serves Slack's requests until shutdown, then finishes those in flight.
pub(super) async fn serve(
    core: Core,
    client: Arc<SlackHyperClient>,
    signing_secret: &Secret,
    listen: SocketAddr,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let verifier = SlackEventSignatureVerifier::new(&SlackSigningSecret::new(signing_secret.expose().to_string()));
    let state = Http { core, client, verifier, events: Arc::new(RecentIds::new(EVENT_IDS_PER_SHARD)) };
    let router = Router::new()
        .route("/slack/commands", post(command))
        .route("/slack/interactivity", post(interaction))
        .route("/slack/events", post(event))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!(e).context(format!("SLACK_HTTP_ADDR {listen} could not be bound")))?;
    tracing::info!(address = %listener.local_addr()?, "Slack HTTP mode listening");
    axum::serve(listener, router).with_graceful_shutdown(async move { shutdown.wait().await }).await?;
    Ok(())
}

/// The body as text when Slack signed it, else the status to answer.
fn verified<'b>(http: &Http, headers: &HeaderMap, body: &'b Bytes) -> Result<&'b str, StatusCode> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (
        header(SlackEventSignatureVerifier::SLACK_SIGNED_HASH_HEADER),
        header(SlackEventSignatureVerifier::SLACK_SIGNED_TIMESTAMP),
    ) else {
        return Err(StatusCode::UNAUTHORIZED);
    };
    let text = std::str::from_utf8(body).map_err(|_| StatusCode::UNAUTHORIZED)?;
    match http.verifier.verify(signature, text, timestamp) {
        Ok(()) => Ok(text),
        Err(e) => {
            tracing::warn!(error = %e, "a request that Slack did not sign was refused");
            Err(StatusCode::UNAUTHORIZED)
        }
    }
}

async fn command(State(http): State<Http>, headers: HeaderMap, body: Bytes) -> Response {
    let text = match verified(&http, &headers, &body) {
        Ok(text) => text,
        Err(status) => return status.into_response(),
    };
    match serde_urlencoded::from_str::<SlackCommandEvent>(text) {
        Ok(event) => Json(slash::respond(&http.core, &http.client, &event).await).into_response(),
        Err(e) => refused("a slash command", &e),
    }
}

async fn interaction(State(http): State<Http>, headers: HeaderMap, body: Bytes) -> Response {
    let text = match verified(&http, &headers, &body) {
        Ok(text) => text,
        Err(status) => return status.into_response(),
    };
    let form: Vec<(String, String)> = serde_urlencoded::from_str(text).unwrap_or_default();
    let payload = form.into_iter().find(|(name, _)| name == "payload").map(|(_, value)| value).unwrap_or_default();
    match serde_json::from_str::<SlackInteractionEvent>(&payload) {
        Ok(event) => match clicks::on_event(&http.core, &http.client, event).await {
            SlackInteractionResponse::Empty => StatusCode::OK.into_response(),
            answer => Json(answer).into_response(),
        },
        Err(e) => refused("an interaction", &e),
    }
}

async fn event(State(http): State<Http>, headers: HeaderMap, body: Bytes) -> Response {
    let text = match verified(&http, &headers, &body) {
        Ok(text) => text,
        Err(status) => return status.into_response(),
    };
    let Ok(event) = serde_json::from_str::<serde_json::Value>(text) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if event["type"] == "url_verification" {
        return Json(serde_json::json!({ "challenge": event["challenge"] })).into_response();
    }
    let id = event["event_id"].as_str().unwrap_or("").to_string();
    // An event without an id cannot be told from its retry: it is handled each time.
    if !id.is_empty() && !http.events.first_time(id.clone()) {
        tracing::debug!(event_id = %id, "a retried Slack event was acknowledged and not handled again");
        return StatusCode::OK.into_response();
    }
    match serde_json::from_value::<SlackPushEvent>(event) {
        Ok(SlackPushEvent::EventCallback(callback)) => home::on_event(&http.core, callback),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, event_id = %id, "a Slack event could not be read"),
    }
    StatusCode::OK.into_response()
}

fn refused(what: &str, error: &dyn std::error::Error) -> Response {
    tracing::warn!(error = %error, "{what} from Slack could not be read");
    StatusCode::BAD_REQUEST.into_response()
}
