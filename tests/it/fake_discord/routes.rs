//! The REST routes the fake answers, as a table of (method, path pattern, handler), and the handlers for
//! everything but messages (`interactions.rs`): the gateway URL, the application and bot user, command
//! registration and DM channels. Answers are the JSON Discord sends, shaped so serenity deserializes them.

use std::sync::MutexGuard;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::fixtures::{bot_user, user, OWNER_ID, USER_ID};
use super::interactions::{
    callback, create_followup, create_message, delete_channel_message, delete_webhook_message, edit_channel_message,
    edit_webhook_message, get_webhook_message,
};
use super::recorder::path_matches;
use super::store::{Refusal, Store};
use super::{FakeDiscord, RecordedRequest, Shared};

/// An answer: JSON with a status, or 204 with no body.
pub(super) enum Reply {
    Json(u16, Value),
    NoContent,
}

impl Reply {
    /// Discord's error body: `{"code": .., "message": ..}`.
    pub(super) fn error(status: u16, code: u64, message: &str) -> Reply {
        Reply::Json(status, json!({"code": code, "message": message}))
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        match self {
            Reply::NoContent => StatusCode::NO_CONTENT.into_response(),
            Reply::Json(status, body) => {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
            }
        }
    }
}

/// One request being answered, with the violations found so far.
pub(super) struct Call<'a> {
    pub shared: &'a Shared,
    pub request: &'a RecordedRequest,
    pub problems: &'a mut Vec<String>,
}

impl Call<'_> {
    /// The path segment at `index`: 4 is the first after `/api/v10/<resource>`.
    pub(super) fn segment(&self, index: usize) -> &str {
        self.request.path.split('/').nth(index).unwrap_or_default()
    }

    pub(super) fn store(&self) -> MutexGuard<'_, Store> {
        self.shared.store.lock().unwrap()
    }

    /// Answers as Discord would refuse, and records why: a test never means to be refused.
    pub(super) fn refuse(&mut self, refusal: Refusal) -> Reply {
        self.problems.push(format!("{} {}: {}", self.request.method, self.request.path, refusal.why));
        Reply::error(refusal.status, refusal.code, refusal.message)
    }
}

type Handler = fn(&mut Call) -> Reply;

const ROUTES: &[(&str, &str, Handler)] = &[
    ("GET", "/api/v10/gateway", gateway),
    ("GET", "/api/v10/gateway/bot", gateway_bot),
    ("GET", "/api/v10/oauth2/applications/@me", application),
    ("GET", "/api/v10/users/@me", current_user),
    ("POST", "/api/v10/users/@me/channels", open_dm),
    ("PUT", "/api/v10/applications/*/commands", set_commands),
    ("GET", "/api/v10/applications/*/commands", list_commands),
    ("PUT", "/api/v10/applications/*/guilds/*/commands", set_commands),
    ("GET", "/api/v10/applications/*/guilds/*/commands", list_commands),
    ("POST", "/api/v10/interactions/*/*/callback", callback),
    ("POST", "/api/v10/webhooks/*/*", create_followup),
    ("GET", "/api/v10/webhooks/*/*/messages/*", get_webhook_message),
    ("PATCH", "/api/v10/webhooks/*/*/messages/*", edit_webhook_message),
    ("DELETE", "/api/v10/webhooks/*/*/messages/*", delete_webhook_message),
    ("POST", "/api/v10/channels/*/messages", create_message),
    ("PATCH", "/api/v10/channels/*/messages/*", edit_channel_message),
    ("DELETE", "/api/v10/channels/*/messages/*", delete_channel_message),
];

/// The handler for a request, if the fake knows its route.
pub(super) fn find(method: &str, path: &str) -> Option<Handler> {
    let known = ROUTES.iter().find(|(m, pattern, _)| m.eq_ignore_ascii_case(method) && path_matches(pattern, path));
    known.map(|(_, _, handler)| *handler)
}

fn gateway(call: &mut Call) -> Reply {
    // No query string: serenity appends `?v=10` itself.
    Reply::Json(200, json!({"url": call.shared.ws_url}))
}

fn gateway_bot(call: &mut Call) -> Reply {
    let limit = json!({"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1});
    Reply::Json(200, json!({"url": call.shared.ws_url, "shards": 1, "session_start_limit": limit}))
}

/// The application. Its owner is `OWNER_ID`, not the member who invokes fixture commands, so owner-only
/// commands are refused to that member as they would be in a real server.
fn application(_: &mut Call) -> Reply {
    Reply::Json(
        200,
        json!({
            "id": FakeDiscord::APPLICATION_ID.to_string(), "name": "backend-mentor", "icon": null,
            "description": "", "summary": "", "rpc_origins": [], "bot_public": true,
            "bot_require_code_grant": false, "verify_key": "0".repeat(64), "owner": user(OWNER_ID, "owner"),
            "team": null, "flags": 0, "tags": [], "approximate_guild_count": 1, "bot": bot_user(),
        }),
    )
}

fn current_user(_: &mut Call) -> Reply {
    let mut me = bot_user();
    me["verified"] = json!(true);
    me["mfa_enabled"] = json!(true);
    Reply::Json(200, me)
}

/// Opens (or reopens: the same channel each time) the DM channel with `recipient_id`.
fn open_dm(call: &mut Call) -> Reply {
    let recipient = &call.request.body["recipient_id"];
    let recipient_id = recipient.as_str().map(str::to_string).or_else(|| recipient.as_u64().map(|n| n.to_string()));
    let Some(recipient_id) = recipient_id.filter(|id| id.parse::<u64>().is_ok()) else {
        return Reply::error(400, 50035, "Invalid Form Body");
    };
    let channel_id = call.store().dm_channel(&recipient_id);
    let name = if recipient_id == USER_ID.to_string() { "learner".to_string() } else { format!("user-{recipient_id}") };
    let recipient = user(recipient_id.parse().unwrap_or_default(), &name);
    Reply::Json(
        200,
        json!({"id": channel_id, "type": 1, "last_message_id": null, "flags": 0, "recipients": [recipient]}),
    )
}

/// The guild a commands route is about: `/applications/{app}/guilds/{guild}/commands` or none.
fn command_scope(call: &Call) -> Option<String> {
    (call.segment(5) == "guilds").then(|| call.segment(6).to_string())
}

/// Checks that a route names the bot's own application, as Discord only lets a bot manage its own.
fn own_application(call: &mut Call) -> Result<(), Reply> {
    let named = call.segment(4).to_string();
    if named == FakeDiscord::APPLICATION_ID.to_string() {
        return Ok(());
    }
    let why = format!("names application {named}, not the bot's application {}", FakeDiscord::APPLICATION_ID);
    Err(call.refuse(Refusal { status: 404, code: 10002, message: "Unknown Application", why }))
}

fn set_commands(call: &mut Call) -> Reply {
    if let Err(refused) = own_application(call) {
        return refused;
    }
    let scope = command_scope(call);
    let echo = call.store().register(scope.as_deref(), FakeDiscord::APPLICATION_ID, &call.request.body);
    Reply::Json(200, echo)
}

fn list_commands(call: &mut Call) -> Reply {
    if let Err(refused) = own_application(call) {
        return refused;
    }
    let scope = command_scope(call);
    let commands = call.store().commands_of(scope.as_deref());
    Reply::Json(200, commands)
}
