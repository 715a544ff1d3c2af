//! The fake's `views.open` (a modal) and `views.publish` (a Home tab): each call checked
//! against Slack's OpenAPI description and its view against Slack's limits for views (a modal's
//! title, submit and close at most 24 characters, 100 blocks, input blocks with a label and an
//! element Slack knows, at most 10 radio buttons or checkboxes, initial options among the
//! options), recorded, and answered with the view as Slack stores it.

use super::{envelopes, limits, web, FakeSlack};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::time::Duration;

const VIEW_BLOCKS: usize = 100;
const MODAL_TEXT: usize = 24;
const LABEL: usize = 2_000;
const CHOICES: usize = 10;
const INPUTS: &[&str] =
    &["plain_text_input", "number_input", "radio_buttons", "checkboxes", "timepicker", "datepicker", "static_select"];

impl FakeSlack {
    /// Opens the member's Home tab (an `app_home_opened` event); the Home view arrives through
    /// `views.publish`: see `wait_for_calls`.
    pub async fn open_home(&self, team: &str, user: &str, limit: Duration) -> bool {
        let envelope_id = self.next_envelope_id();
        self.send(envelopes::home_opened(&envelope_id, team, user), limit).await.is_some()
            && self.wait_for(limit, |s| s.acks.contains_key(&envelope_id).then_some(())).await.is_some()
    }

    /// Runs the global shortcut `callback_id`; its modal arrives through `views.open`.
    pub async fn shortcut(&self, team: &str, user: &str, callback_id: &str, limit: Duration) -> bool {
        let envelope_id = self.next_envelope_id();
        self.send(envelopes::shortcut(&envelope_id, team, user, callback_id), limit).await.is_some()
            && self.wait_for(limit, |s| s.acks.contains_key(&envelope_id).then_some(())).await.is_some()
    }

    /// Submits a modal the bot opened with these `values` (block id -> action id -> state
    /// value), and returns the ack's payload (`Null` when it closed the modal plainly).
    pub async fn submit_view(
        &self,
        team: &str,
        user: &str,
        view: &Value,
        values: Value,
        limit: Duration,
    ) -> Option<Value> {
        let envelope_id = self.next_envelope_id();
        self.send(envelopes::view_submission(&envelope_id, team, user, view, values), limit).await?;
        self.wait_for(limit, |s| s.acks.get(&envelope_id).cloned()).await
    }
}

pub async fn views_open(State(fake): State<FakeSlack>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    answer(&fake, "views.open", &headers, &body)
}

pub async fn views_publish(State(fake): State<FakeSlack>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    answer(&fake, "views.publish", &headers, &body)
}

fn answer(fake: &FakeSlack, method: &str, headers: &HeaderMap, body: &Value) -> Response {
    let problems = view_problems(&body["view"]);
    fake.update(|s| s.violations.extend(problems.into_iter().map(|p| format!("{method}: {p}"))));
    if let Some(fault) = web::receive(fake, method, headers, body) {
        return fault;
    }
    let mut view = body["view"].clone();
    view["id"] = json!("V0FAKE");
    view["team_id"] = json!("T0LEARN");
    view["hash"] = json!("1700000000.fake");
    view["state"] = json!({ "values": {} });
    Json(json!({ "ok": true, "view": view })).into_response()
}

/// Everything in a view that Slack would refuse.
pub fn view_problems(view: &Value) -> Vec<String> {
    let blocks = view["blocks"].as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    if blocks.is_empty() || blocks.len() > VIEW_BLOCKS {
        problems.push(format!("{} blocks in a view (1 to {VIEW_BLOCKS})", blocks.len()));
    }
    match view["type"].as_str() {
        Some("home") => {}
        Some("modal") => {
            for name in ["title", "submit", "close"] {
                let text = view[name]["text"].as_str().unwrap_or("");
                if view[name]["type"] != "plain_text" || text.is_empty() || text.chars().count() > MODAL_TEXT {
                    problems.push(format!("the modal's {name} must be plain_text of 1 to {MODAL_TEXT} characters"));
                }
            }
        }
        other => problems.push(format!("a view of type {other:?}")),
    }
    let (inputs, others): (Vec<Value>, Vec<Value>) = blocks.into_iter().partition(|b| b["type"] == "input");
    if !others.is_empty() {
        problems.extend(limits::message_problems(&json!({ "blocks": others })));
    }
    for input in &inputs {
        problems.extend(input_problems(input));
    }
    problems
}

fn input_problems(block: &Value) -> Vec<String> {
    let id = block["block_id"].as_str().unwrap_or("?");
    let mut problems = Vec::new();
    let label = block["label"]["text"].as_str().unwrap_or("");
    if block["label"]["type"] != "plain_text" || label.is_empty() || label.chars().count() > LABEL {
        problems.push(format!("input {id}: the label must be plain_text of 1 to {LABEL} characters"));
    }
    let element = &block["element"];
    let kind = element["type"].as_str().unwrap_or("");
    if !INPUTS.contains(&kind) {
        problems.push(format!("input {id}: an element type this fake does not know: {kind:?}"));
    }
    if element["action_id"].as_str().is_none_or(str::is_empty) {
        problems.push(format!("input {id}: an element without action_id"));
    }
    if kind == "number_input" && element["is_decimal_allowed"].as_bool().is_none() {
        problems.push(format!("input {id}: a number_input needs is_decimal_allowed"));
    }
    let options = element["options"].as_array().cloned().unwrap_or_default();
    if matches!(kind, "radio_buttons" | "checkboxes") && (options.is_empty() || options.len() > CHOICES) {
        problems.push(format!("input {id}: {} options (1 to {CHOICES})", options.len()));
    }
    let initial = element["initial_options"].as_array().cloned().unwrap_or_default();
    for chosen in initial.iter().chain(element.get("initial_option")) {
        if !options.contains(chosen) {
            problems.push(format!("input {id}: an initial option that is not among the options"));
        }
    }
    problems
}

#[test]
fn the_view_limits_catch_what_slack_refuses() {
    let modal = json!({
        "type": "modal", "title": { "type": "plain_text", "text": "A title far longer than Slack allows" },
        "submit": { "type": "plain_text", "text": "Save" }, "close": { "type": "plain_text", "text": "Cancel" },
        "blocks": [{ "type": "input", "block_id": "b", "label": { "type": "plain_text", "text": "Days" },
                     "element": { "type": "checkboxes", "action_id": "d", "options": [],
                                  "initial_options": [{ "value": "x" }] } }],
    });
    assert_eq!(view_problems(&modal).len(), 3, "{:#?}", view_problems(&modal));
}
