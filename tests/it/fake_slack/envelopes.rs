//! The Socket Mode envelopes the fake sends, shaped as Slack's: a slash command and a click
//! on a message's button or menu (`block_actions`). Each carries a `response_url` on this
//! fake, where the client's later answers are recorded.

use serde_json::{json, Value};

/// Where a test's member types and clicks.
pub const CHANNEL: &str = "C0LEARN";

pub fn slash(envelope_id: &str, team: &str, user: &str, text: &str, response_url: &str) -> Value {
    let payload = json!({
        "token": "verification-token", "team_id": team, "team_domain": "learners",
        "channel_id": CHANNEL, "channel_name": "learning", "user_id": user, "user_name": "ada",
        "command": "/mentor", "text": text, "api_app_id": "A0MENTOR", "is_enterprise_install": "false",
        "response_url": response_url, "trigger_id": "1.2.3",
    });
    json!({ "envelope_id": envelope_id, "type": "slash_commands", "accepts_response_payload": true, "payload": payload })
}

/// A click on the element `action_id`; `chosen` holds a multi-select's values after the click
/// (`None` for a button).
pub fn click(
    envelope_id: &str,
    team: &str,
    user: &str,
    action_id: &str,
    chosen: Option<&[&str]>,
    response_url: &str,
) -> Value {
    let action = match chosen {
        None => json!({ "type": "button", "action_id": action_id, "block_id": "b1", "action_ts": "1700000000.1",
                        "text": { "type": "plain_text", "text": "button" } }),
        Some(values) => {
            let options: Vec<Value> =
                values.iter().map(|v| json!({ "text": { "type": "plain_text", "text": v }, "value": v })).collect();
            json!({ "type": "multi_static_select", "action_id": action_id, "block_id": "b1",
                    "action_ts": "1700000000.1", "selected_options": options })
        }
    };
    let payload = json!({
        "type": "block_actions",
        "team": { "id": team, "domain": "learners" },
        "user": { "id": user, "username": "ada", "name": "ada", "team_id": team },
        "api_app_id": "A0MENTOR", "token": "verification-token", "trigger_id": "1.2.4",
        "container": { "type": "message", "message_ts": "1700000000.0001", "channel_id": CHANNEL, "is_ephemeral": true },
        "channel": { "id": CHANNEL, "name": "learning" },
        "response_url": response_url,
        "actions": [action],
    });
    json!({ "envelope_id": envelope_id, "type": "interactive", "accepts_response_payload": false, "payload": payload })
}

/// Every `action_id` in a message's blocks, with the element's type.
pub fn action_ids(message: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for block in message["blocks"].as_array().into_iter().flatten() {
        let elements = block["elements"].as_array().cloned().unwrap_or_default();
        for element in elements.iter().chain(block.get("accessory")) {
            if let Some(id) = element["action_id"].as_str() {
                found.push((id.to_string(), element["type"].as_str().unwrap_or("").to_string()));
            }
        }
    }
    found
}

/// The member opened the app's Home tab.
pub fn home_opened(envelope_id: &str, team: &str, user: &str) -> Value {
    let payload = json!({
        "token": "verification-token", "team_id": team, "api_app_id": "A0MENTOR", "type": "event_callback",
        "event_id": format!("Ev{envelope_id}"), "event_time": 1_700_000_000,
        "event": { "type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": "1700000000.1" },
    });
    json!({ "envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": false, "payload": payload })
}

/// The member ran a global shortcut.
pub fn shortcut(envelope_id: &str, team: &str, user: &str, callback_id: &str) -> Value {
    let payload = json!({
        "type": "shortcut", "callback_id": callback_id, "trigger_id": "1.2.5", "action_ts": "1700000000.2",
        "team": { "id": team, "domain": "learners" },
        "user": { "id": user, "username": "ada", "team_id": team },
        "api_app_id": "A0MENTOR", "token": "verification-token",
    });
    json!({ "envelope_id": envelope_id, "type": "interactive", "accepts_response_payload": false, "payload": payload })
}

/// The member submitted `view` (as the bot opened it) with these state values.
pub fn view_submission(envelope_id: &str, team: &str, user: &str, view: &Value, values: Value) -> Value {
    let mut view = view.clone();
    view["id"] = json!("V0FAKE");
    view["team_id"] = json!(team);
    view["hash"] = json!("1700000000.fake");
    view["state"] = json!({ "values": values });
    let payload = json!({
        "type": "view_submission", "trigger_id": "1.2.6", "view": view,
        "team": { "id": team, "domain": "learners" },
        "user": { "id": user, "username": "ada", "team_id": team },
        "api_app_id": "A0MENTOR", "token": "verification-token",
    });
    json!({ "envelope_id": envelope_id, "type": "interactive", "accepts_response_payload": true, "payload": payload })
}
