//! Message objects as Discord returns them when the bot creates or edits a message: what the bot sent
//! (content, embeds, components, flags, files) plus the fields Discord adds, in the shape serenity's
//! `Message` needs (`id, channel_id, author, content, timestamp, tts, mention_everyone, mentions,
//! mention_roles, attachments, embeds, pinned, type` are all required there).

use serde_json::{json, Value};

use super::fixtures::{bot_user, snowflake};
use super::FakeDiscord;

/// The message flag of a deferred response still "thinking"; any edit ends that state.
pub(super) const LOADING: u64 = 1 << 7;

pub(super) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

/// A new message in `channel_id` built from a create-message body. Interaction responses and follow-ups
/// are webhook messages: Discord marks them with the application's id as `webhook_id`.
pub(super) fn create(channel_id: &str, sent: &Value, files: &[(String, Vec<u8>)], webhook: bool) -> Value {
    let id = snowflake().to_string();
    let mut message = json!({
        "id": id,
        "channel_id": channel_id,
        "author": bot_user(),
        "content": "",
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": sent["tts"].as_bool().unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
    });
    if webhook {
        message["webhook_id"] = json!(FakeDiscord::APPLICATION_ID.to_string());
        message["application_id"] = json!(FakeDiscord::APPLICATION_ID.to_string());
    }
    apply_fields(&mut message, sent, files);
    message
}

/// Applies an edit body: the fields it names are replaced (`null` clears them), the rest stay. Attached
/// files are added to the attachments the body keeps (by id in its `attachments` list).
pub(super) fn apply(message: &mut Value, sent: &Value, files: &[(String, Vec<u8>)]) {
    apply_fields(message, sent, files);
    message["edited_timestamp"] = json!(now());
    let flags = message["flags"].as_u64().unwrap_or(0);
    message["flags"] = json!(flags & !LOADING);
}

fn apply_fields(message: &mut Value, sent: &Value, files: &[(String, Vec<u8>)]) {
    if let Some(content) = sent.get("content") {
        message["content"] = json!(content.as_str().unwrap_or_default());
    }
    if let Some(embeds) = sent.get("embeds") {
        message["embeds"] = rich_embeds(embeds);
    }
    if let Some(components) = sent.get("components") {
        message["components"] = if components.is_null() { json!([]) } else { components.clone() };
    }
    if let Some(flags) = sent.get("flags").and_then(Value::as_u64) {
        message["flags"] = json!(flags);
    }
    if sent.get("attachments").is_some() || !files.is_empty() {
        message["attachments"] = attachments(message, sent, files);
    }
}

/// The embeds as Discord stores them: what was sent, typed `rich`.
fn rich_embeds(sent: &Value) -> Value {
    let embeds = sent.as_array().map(Vec::as_slice).unwrap_or_default();
    Value::Array(
        embeds
            .iter()
            .map(|embed| {
                let mut embed = embed.clone();
                embed["type"] = json!("rich");
                embed
            })
            .collect(),
    )
}

/// The attachments after an edit: existing ones the body lists by id, then one per uploaded file.
fn attachments(message: &Value, sent: &Value, files: &[(String, Vec<u8>)]) -> Value {
    let kept_ids: Vec<String> = sent["attachments"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["id"].as_str().map(str::to_string).or_else(|| a["id"].as_u64().map(|n| n.to_string())))
        .collect();
    let existing = message["attachments"].as_array().cloned().unwrap_or_default();
    let kept = existing.into_iter().filter(|a| a["id"].as_str().is_some_and(|id| kept_ids.iter().any(|k| k == id)));
    let channel_id = message["channel_id"].as_str().unwrap_or_default();
    let uploaded = files.iter().map(|(name, data)| attachment(channel_id, name, data.len()));
    Value::Array(kept.chain(uploaded).collect())
}

fn attachment(channel_id: &str, filename: &str, size: usize) -> Value {
    let id = snowflake();
    json!({
        "id": id.to_string(),
        "filename": filename,
        "size": size,
        "url": format!("https://cdn.discordapp.com/attachments/{channel_id}/{id}/{filename}"),
        "proxy_url": format!("https://media.discordapp.net/attachments/{channel_id}/{id}/{filename}"),
    })
}
