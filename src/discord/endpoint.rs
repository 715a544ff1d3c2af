//! HTTP interactions mode: Discord POSTs every interaction to `DISCORD_HTTP_ADDR`
//! (`/discord/interactions`) instead of sending it over a gateway connection, so a replica holds
//! no connection and any number of them can stand behind a load balancer.
//!
//! Each request's Ed25519 signature (`X-Signature-Ed25519` over the timestamp and the raw body,
//! checked with `DISCORD_PUBLIC_KEY` by serenity's verifier) is checked before anything is
//! parsed; a missing or wrong signature, an altered body or a timestamp more than five minutes
//! from now is a bare 401 and nothing runs. A PING is answered `{"type":1}`. Commands, clicks and
//! autocomplete go to the same readers and core calls as the gateway's, and the answer is the
//! response body; a command still busy after `DEFER_AFTER`, or one whose answer carries a file,
//! is deferred in the body and its answer follows by REST, like the gateway's.
//!
//! Per replica, and harmless: nothing. Interaction ids are not remembered (Discord does not
//! redeliver a request it got an answer to), the "your DMs are closed" notice is owed in the
//! store, and the scheduler's sends are paced by the lease holder (`app::SendLease`).

use super::commands::{self as slash, Completer};
use super::reply::{self, Answer, Target, DEFER_AFTER};
use super::rest::Rest;
use super::{caller, components, render};
use crate::app::App;
use crate::clock::Clock;
use crate::commands::{self, Caller};
use crate::config::InteractionsEndpoint;
use crate::error::Error;
use crate::present::Reply;
use crate::startup::Shutdown;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use futures_util::StreamExt as _;
use poise::serenity_prelude::{self as serenity, interactions_endpoint::Verifier};
use serenity::{CreateAutocompleteResponse, CreateInteractionResponse, CreateInteractionResponseMessage};
use std::future::Future;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use tokio::task::{JoinError, JoinHandle};
use tokio_util::task::TaskTracker;

/// Interactions are small; a command's options stay far under this.
const BODY_LIMIT: usize = 64 * 1024;
/// A signed request older or newer than this is refused: a replayed capture, or a wrong clock.
const TIMESTAMP_TOLERANCE_SECONDS: i64 = 300;

/// What every request handler shares.
struct Endpoint {
    app: App,
    clock: Clock,
    verifier: Verifier,
    http: Arc<serenity::Http>,
    rest: Rest,
    /// Answers that follow by REST after the response (deferred commands); waited for at shutdown.
    follow_ups: TaskTracker,
}

/// Serves Discord's interactions until shutdown, then finishes those in flight and the answers
/// still following.
pub(super) async fn serve(
    app: App,
    clock: Clock,
    http: Arc<serenity::Http>,
    endpoint: &InteractionsEndpoint,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let verifier = Verifier::try_new(endpoint.public_key)?;
    let rest = Rest::new(Arc::clone(&http));
    let state = Arc::new(Endpoint { app, clock, verifier, http, rest, follow_ups: TaskTracker::new() });
    let router = Router::new()
        .route("/discord/interactions", post(interaction))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(Arc::clone(&state));
    let listener = tokio::net::TcpListener::bind(endpoint.listen)
        .await
        .map_err(|e| anyhow::anyhow!(e).context(format!("DISCORD_HTTP_ADDR {} could not be bound", endpoint.listen)))?;
    tracing::info!(address = %listener.local_addr()?, "Discord HTTP interactions mode listening");
    axum::serve(listener, router).with_graceful_shutdown(async move { shutdown.wait().await }).await?;
    state.follow_ups.close();
    state.follow_ups.wait().await;
    Ok(())
}

/// One request: checked, parsed, answered.
async fn interaction(State(endpoint): State<Arc<Endpoint>>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(why) = endpoint.check_signature(&headers, &body) {
        tracing::info!(why, "an interactions request was refused");
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let interaction: serenity::Interaction = match serde_json::from_slice(&body) {
        Ok(interaction) => interaction,
        Err(e) => {
            tracing::warn!(error = %e, "a signed interaction could not be read; answered 400");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    match interaction {
        serenity::Interaction::Ping(_) => Json(serde_json::json!({ "type": 1 })).into_response(),
        serenity::Interaction::Command(command) => endpoint.command(command).await,
        serenity::Interaction::Autocomplete(request) => endpoint.autocomplete(&request),
        serenity::Interaction::Component(click) => endpoint.click(&click).await,
        _ => StatusCode::BAD_REQUEST.into_response(),
    }
}

impl Endpoint {
    /// Checks the signature over timestamp and body, then that the timestamp is recent.
    fn check_signature(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), &'static str> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let (Some(signature), Some(timestamp)) = (header("x-signature-ed25519"), header("x-signature-timestamp"))
        else {
            return Err("no signature");
        };
        self.verifier.verify(signature, timestamp, body).map_err(|()| "a bad signature")?;
        let sent = timestamp.parse::<i64>().map_err(|_| "a timestamp that is not a number")?;
        if (self.clock.now().timestamp() - sent).abs() > TIMESTAMP_TOLERANCE_SECONDS {
            return Err("a stale timestamp");
        }
        Ok(())
    }

    /// A command: answered in the body when it is quick and has no file, else deferred there.
    async fn command(self: &Arc<Self>, interaction: serenity::CommandInteraction) -> Response {
        let interaction = Arc::new(interaction);
        let caller = caller::of(&interaction);
        let mut work: JoinHandle<Result<Reply, Error>> = {
            let (endpoint, interaction, caller) = (Arc::clone(self), Arc::clone(&interaction), caller.clone());
            let now = self.clock.now();
            tokio::spawn(async move { slash::answer_interaction(&endpoint.app, &caller, &interaction, now).await })
        };
        let finished = tokio::select! {
            joined = &mut work => Some(ran(joined)),
            () = tokio::time::sleep(DEFER_AFTER) => None,
        };
        match finished {
            Some(Ok(reply)) if reply.attachment.is_none() => self.answer_now(&caller, &reply).await,
            Some(Ok(reply)) => {
                let ephemeral = reply.is_private();
                self.follow_up(interaction, caller, ephemeral, std::future::ready(Ok(reply)))
            }
            Some(Err(error)) => {
                commands::log_failure(&error, &interaction.data.name, true);
                body(&render::private_message(&commands::failure(&error)))
            }
            None => {
                let ephemeral = reply::defers_privately(&interaction.data.name);
                tracing::info!(command = %interaction.data.name, "a slow command was deferred; its answer follows");
                self.follow_up(interaction, caller, ephemeral, async move { ran(work.await) })
            }
        }
    }

    /// The answer as the body; a private one also carries the closed-DMs notice when one is
    /// owed (a shared answer leaves it owed, so the channel never sees it).
    async fn answer_now(&self, caller: &Caller, reply: &Reply) -> Response {
        let mut message = render::reply(reply).message();
        if reply.is_private() {
            match commands::pending_notice(&self.app, caller).await {
                Ok(Some(notice)) => message = message.add_embed(render::embed(&notice.view)),
                Ok(None) => {}
                // Nothing was taken, so the notice stays owed.
                Err(error) => commands::log_failure(&error, "the closed-DMs notice", false),
            }
        }
        body(&CreateInteractionResponse::Message(message))
    }

    /// Defers in the body; the answer `work` gives follows by REST, then any owed notice.
    fn follow_up(
        self: &Arc<Self>,
        interaction: Arc<serenity::CommandInteraction>,
        caller: Caller,
        ephemeral: bool,
        work: impl Future<Output = Result<Reply, Error>> + Send + 'static,
    ) -> Response {
        let endpoint = Arc::clone(self);
        let (written, body_written) = tokio::sync::oneshot::channel::<()>();
        self.follow_ups.spawn(async move {
            // Discord takes follow-ups once it has the defer, so they wait for the body to be out.
            let _ = body_written.await;
            let answer = Answer::deferred(ephemeral);
            let answered = AtomicBool::new(true);
            let to = Target {
                http: &endpoint.http,
                rest: &endpoint.rest,
                interaction: &interaction,
                has_sent_initial_response: &answered,
            };
            let result = work.await;
            let reply = result.as_ref().map_or_else(commands::failure, Clone::clone);
            let delivered = reply::send_to(to, &answer, render::reply(&reply)).await;
            match result {
                Err(error) => commands::log_failure(&error, &interaction.data.name, delivered),
                Ok(_) if delivered => {
                    if let Ok(Some(notice)) = commands::pending_notice(&endpoint.app, &caller).await {
                        reply::send_to(to, &answer, render::reply(&notice)).await;
                    }
                }
                Ok(_) => {}
            }
        });
        let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral));
        body_then(&defer, written)
    }

    /// Choices for the focused option; none for an option without a completer.
    fn autocomplete(&self, request: &serenity::CommandInteraction) -> Response {
        let focused = request.data.autocomplete();
        let response = match focused.and_then(|option| Some((Completer::of_option(option.name)?, option.value))) {
            Some((completer, partial)) => completer.answer(&self.app, partial),
            None => CreateAutocompleteResponse::new(),
        };
        body(&CreateInteractionResponse::Autocomplete(response))
    }

    /// A click on a button or menu: the message redrawn, as on the gateway.
    async fn click(&self, click: &serenity::ComponentInteraction) -> Response {
        let Some((result, response)) = components::answer_click(&self.app, click, self.clock.now()).await else {
            return StatusCode::BAD_REQUEST.into_response();
        };
        if let Err(error) = &result {
            commands::log_failure(error, &click.data.custom_id, true);
        }
        body(&response)
    }
}

/// A command task's outcome, a panic in it counted as an internal error.
fn ran(joined: Result<Result<Reply, Error>, JoinError>) -> Result<Reply, Error> {
    joined.unwrap_or_else(|failed| Err(Error::Internal(anyhow::Error::new(failed).context("a command's task failed"))))
}

/// A response as the request's body.
fn body(response: &CreateInteractionResponse) -> Response {
    Json(response).into_response()
}

/// A response as the body, then a signal once it has been written out (or the request is gone).
fn body_then(response: &CreateInteractionResponse, written: tokio::sync::oneshot::Sender<()>) -> Response {
    let json = Bytes::from(serde_json::to_vec(response).unwrap_or_default());
    let signal = futures_util::stream::once(async move {
        let _ = written.send(());
        Ok::<Bytes, std::convert::Infallible>(Bytes::new())
    });
    let stream = futures_util::stream::once(std::future::ready(Ok(json))).chain(signal);
    ([(axum::http::header::CONTENT_TYPE, "application/json")], axum::body::Body::from_stream(stream)).into_response()
}
