//! The message routes: answering an interaction (`/interactions/{id}/{token}/callback`), its webhook
//! (follow-ups, and reading, editing or deleting the original response or a follow-up), and plain channel
//! messages. Discord's rules are kept: one first answer per interaction, within 3 seconds; no webhook use
//! before that answer; only existing messages can be edited. Breaking one is a violation and gets the
//! error Discord would send.

use serde_json::{json, Value};

use super::messages::{self, LOADING};
use super::routes::{Call, Reply};
use super::store::{unknown_message, unknown_webhook, Refusal};
use super::FakeDiscord;

/// Interaction callback types (Discord's `InteractionCallbackType`).
const CHANNEL_MESSAGE: u64 = 4;
const DEFERRED_CHANNEL_MESSAGE: u64 = 5;
const DEFERRED_UPDATE_MESSAGE: u64 = 6;
const UPDATE_MESSAGE: u64 = 7;

/// The first answer to an interaction; a message answer becomes the interaction's original response.
pub(super) fn callback(call: &mut Call) -> Reply {
    let (id, token) = (call.segment(4).to_string(), call.segment(5).to_string());
    let acknowledged = call.store().acknowledge(&id, &token).map(|i| (i.channel_id.clone(), i.message.clone()));
    let (channel_id, clicked) = match acknowledged {
        Ok(found) => found,
        Err(refusal) => return call.refuse(refusal),
    };
    let body = &call.request.body;
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let original = match body["type"].as_u64() {
        Some(CHANNEL_MESSAGE) => Some(messages::create(&channel_id, &data, &call.request.files, true)),
        Some(DEFERRED_CHANNEL_MESSAGE) => {
            let flags = data["flags"].as_u64().unwrap_or(0) | LOADING;
            Some(messages::create(&channel_id, &json!({"flags": flags}), &[], true))
        }
        // Updating answers edit the message the component was on, which becomes the original response.
        Some(DEFERRED_UPDATE_MESSAGE) => clicked,
        Some(UPDATE_MESSAGE) => clicked.map(|mut message| {
            messages::apply(&mut message, &data, &call.request.files);
            message
        }),
        _ => None, // Autocomplete results and modals make no message.
    };
    if let Some(message) = original {
        let mut store = call.store();
        let message = store.save_message(message);
        if let Ok(interaction) = store.answered(&token) {
            interaction.original = message["id"].as_str().map(str::to_string);
        }
    }
    Reply::NoContent
}

/// Checks the webhook's application id and that the interaction behind the token was answered; gives
/// the channel the interaction came from.
fn webhook_channel(call: &mut Call) -> Result<String, Reply> {
    let application = call.segment(4).to_string();
    if application != FakeDiscord::APPLICATION_ID.to_string() {
        let why = format!("uses webhook {application}; interaction webhooks are the application's id");
        return Err(call.refuse(unknown_webhook(why)));
    }
    let token = call.segment(5).to_string();
    let answered = call.store().answered(&token).map(|i| i.channel_id.clone());
    answered.map_err(|refusal| call.refuse(refusal))
}

/// A follow-up message on an answered interaction.
pub(super) fn create_followup(call: &mut Call) -> Reply {
    let channel_id = match webhook_channel(call) {
        Ok(channel_id) => channel_id,
        Err(refused) => return refused,
    };
    if let Some(replaced) = replace_loading_original(call) {
        return Reply::Json(200, replaced);
    }
    let message = messages::create(&channel_id, &call.request.body, &call.request.files, true);
    Reply::Json(200, call.store().save_message(message))
}

/// After a deferred answer, Discord makes the first follow-up the "thinking..." original response itself,
/// keeping the defer's ephemeral flag, instead of posting a new message.
fn replace_loading_original(call: &mut Call) -> Option<Value> {
    let token = call.segment(5).to_string();
    let mut store = call.store();
    let original = store.answered(&token).ok()?.original.clone()?;
    let message = store.message_mut(&original).ok()?;
    let flags = message["flags"].as_u64().unwrap_or(0);
    if flags & LOADING == 0 {
        return None;
    }
    // The defer decided the flags (ephemeral or not); the follow-up's own flags do not change them.
    let mut sent = call.request.body.clone();
    sent["flags"] = json!(flags);
    messages::apply(message, &sent, &call.request.files);
    Some(message.clone())
}

/// The message a webhook route names: a follow-up's id, or `@original` for the original response.
fn webhook_message_id(call: &mut Call) -> Result<String, Reply> {
    webhook_channel(call)?;
    let named = call.segment(7).to_string();
    if named != "@original" {
        return Ok(named);
    }
    let token = call.segment(5).to_string();
    let original = call.store().answered(&token).ok().and_then(|i| i.original.clone());
    original.ok_or_else(|| call.refuse(unknown_message("the interaction's answer made no message to use as @original")))
}

pub(super) fn get_webhook_message(call: &mut Call) -> Reply {
    with_message(call, webhook_message_id, |message, _| message.clone())
}

pub(super) fn edit_webhook_message(call: &mut Call) -> Reply {
    with_message(call, webhook_message_id, edit)
}

pub(super) fn delete_webhook_message(call: &mut Call) -> Reply {
    match webhook_message_id(call) {
        Ok(id) => delete(call, &id),
        Err(refused) => refused,
    }
}

/// A bot message. Sent again with the same nonce under `enforce_nonce`, Discord answers with the
/// message it made the first time and makes no other.
pub(super) fn create_message(call: &mut Call) -> Reply {
    let channel_id = call.segment(4).to_string();
    let body = &call.request.body;
    let nonce = match &body["nonce"] {
        Value::String(text) if body["enforce_nonce"] == true => Some(text.clone()),
        Value::Number(number) if body["enforce_nonce"] == true => Some(number.to_string()),
        _ => None,
    };
    if let Some(made) = nonce.as_deref().and_then(|n| call.store().message_for_nonce(&channel_id, n)) {
        return Reply::Json(200, made);
    }
    let message = messages::create(&channel_id, &call.request.body, &call.request.files, false);
    let saved = call.store().save_message(message);
    if let Some(nonce) = nonce {
        call.store().remember_nonce(&channel_id, &nonce, &saved);
    }
    Reply::Json(200, saved)
}

pub(super) fn edit_channel_message(call: &mut Call) -> Reply {
    with_message(call, |call| Ok(call.segment(6).to_string()), edit)
}

pub(super) fn delete_channel_message(call: &mut Call) -> Reply {
    let id = call.segment(6).to_string();
    delete(call, &id)
}

fn edit(message: &mut Value, call: &Call) -> Value {
    messages::apply(message, &call.request.body, &call.request.files);
    message.clone()
}

/// Finds the message a route names and answers with what `act` makes of it.
fn with_message(
    call: &mut Call,
    name: fn(&mut Call) -> Result<String, Reply>,
    act: fn(&mut Value, &Call) -> Value,
) -> Reply {
    let id = match name(call) {
        Ok(id) => id,
        Err(refused) => return refused,
    };
    let mut store = call.store();
    let answer = store.message_mut(&id).map(|message| act(message, call));
    drop(store);
    match answer {
        Ok(message) => Reply::Json(200, message),
        Err(refusal) => call.refuse(refusal),
    }
}

fn delete(call: &mut Call, id: &str) -> Reply {
    let deleted: Result<(), Refusal> = call.store().delete_message(id);
    match deleted {
        Ok(()) => Reply::NoContent,
        Err(refusal) => call.refuse(refusal),
    }
}
