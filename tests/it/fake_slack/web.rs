//! The fake's Web API methods that send: `chat.postMessage` (its message checked against the
//! Block Kit limits) and `conversations.open` (a DM channel per user), each call checked against
//! Slack's OpenAPI description and recorded. A test can queue faults for a method (a 429 with
//! `Retry-After`, an error code such as `not_in_channel`), answered in order before the method
//! works again. The upload flow (`files.getUploadURLExternal`, the bytes, then
//! `files.completeUploadExternal`) checks that a file is completed only after its bytes arrived.

use super::{bearer, limits, openapi, FakeSlack, BOT_TOKEN};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::collections::HashMap;

/// A queued failure for the next call of a method.
#[derive(Debug, Clone)]
pub enum Fault {
    /// HTTP 429 with this `Retry-After` (seconds).
    RateLimited(u64),
    /// `{"ok": false, "error": code}`.
    Error(&'static str),
}

/// The body's top-level fields as the arguments the OpenAPI check reads.
fn arguments(body: &Value) -> HashMap<String, String> {
    body.as_object().into_iter().flatten().map(|(k, v)| (k.clone(), v.to_string())).collect()
}

/// The upload methods are newer than Slack's OpenAPI description: their required arguments
/// are checked by hand, from Slack's method pages.
fn checked_by_hand(method: &str, verb: &str, arguments: &HashMap<String, String>, bearer: bool) -> Vec<String> {
    let required: &[&str] = match method {
        "files.getUploadURLExternal" => &["filename", "length"],
        "files.completeUploadExternal" => &["files"],
        // The description lists these under GET only; Slack's method pages take the same
        // arguments as a POSTed JSON body, which is what the client sends.
        "views.open" | "views.publish" => return openapi::call_problems(method, "GET", arguments, bearer),
        _ => return openapi::call_problems(method, verb, arguments, bearer),
    };
    let mut problems: Vec<String> = required
        .iter()
        .filter(|name| !arguments.contains_key(**name))
        .map(|name| format!("{method} without {name}"))
        .collect();
    if !bearer {
        problems.push(format!("{method} without the bot token"));
    }
    problems
}

/// Checks and records one call; answers a queued fault if there is one.
pub(super) fn receive(fake: &FakeSlack, method: &str, headers: &HeaderMap, body: &Value) -> Option<Response> {
    let problems = checked_by_hand(method, "POST", &arguments(body), bearer(headers, BOT_TOKEN));
    let mut fault = None;
    fake.update(|s| {
        s.violations.extend(problems.into_iter().map(|p| format!("{method}: {p}")));
        s.calls.push((format!("/api/{method}"), body.clone()));
        fault = s.faults.get_mut(method).and_then(|queue| (!queue.is_empty()).then(|| queue.remove(0)));
    });
    fault.map(|fault| match fault {
        Fault::RateLimited(seconds) => {
            let headers = [("retry-after", seconds.to_string())];
            (StatusCode::TOO_MANY_REQUESTS, headers, Json(json!({ "ok": false, "error": "ratelimited" })))
                .into_response()
        }
        Fault::Error(code) => Json(json!({ "ok": false, "error": code })).into_response(),
    })
}

pub async fn chat_post_message(State(fake): State<FakeSlack>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let problems = limits::message_problems(&body);
    fake.update(|s| s.violations.extend(problems.into_iter().map(|p| format!("chat.postMessage: {p}"))));
    if let Some(fault) = receive(&fake, "chat.postMessage", &headers, &body) {
        return fault;
    }
    let channel = body["channel"].as_str().unwrap_or("").to_string();
    let ts = format!("1700000000.{:06}", fake.shared.lock().unwrap().calls.len());
    let message = json!({ "type": "message", "ts": ts, "text": body["text"], "bot_id": "B0MENTOR" });
    Json(json!({ "ok": true, "channel": channel, "ts": ts, "message": message })).into_response()
}

pub async fn conversations_open(
    State(fake): State<FakeSlack>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(fault) = receive(&fake, "conversations.open", &headers, &body) {
        return fault;
    }
    let users = body["users"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| body["users"][0].as_str().unwrap_or("").to_string());
    let user = users.trim_start_matches('U').to_string();
    Json(json!({ "ok": true, "channel": { "id": format!("D0{user}") } })).into_response()
}

/// `files.getUploadURLExternal`: a URL on this fake for the bytes.
pub async fn get_upload_url(
    State(fake): State<FakeSlack>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>,
) -> Response {
    let problems = checked_by_hand("files.getUploadURLExternal", "GET", &query, bearer(&headers, BOT_TOKEN));
    let length_ok = query.get("length").and_then(|l| l.parse::<usize>().ok()).is_some_and(|l| l > 0);
    fake.update(|s| {
        s.violations.extend(problems.into_iter().map(|p| format!("files.getUploadURLExternal: {p}")));
        if !length_ok {
            s.violations.push("files.getUploadURLExternal without a positive length".into());
        }
        s.calls.push(("/api/files.getUploadURLExternal".into(), json!(query)));
    });
    let file_id = format!("F0{}", fake.shared.lock().unwrap().calls.len());
    let url = format!("http://{}/upload/{file_id}", fake.addr);
    Json(json!({ "ok": true, "upload_url": url, "file_id": file_id })).into_response()
}

/// The upload URL: the file's bytes, kept for the test.
pub async fn receive_bytes(
    State(fake): State<FakeSlack>,
    axum::extract::Path(file_id): axum::extract::Path<String>,
    body: axum::body::Bytes,
) -> Response {
    fake.update(|s| {
        s.uploads.insert(file_id, body.to_vec());
    });
    "OK - uploaded".into_response()
}

/// `files.completeUploadExternal`: every file must have been uploaded first.
pub async fn complete_upload(State(fake): State<FakeSlack>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if let Some(fault) = receive(&fake, "files.completeUploadExternal", &headers, &body) {
        return fault;
    }
    let files = body["files"].as_array().cloned().unwrap_or_default();
    let missing: Vec<String> = {
        let shared = fake.shared.lock().unwrap();
        files
            .iter()
            .filter_map(|f| f["id"].as_str())
            .filter(|id| !shared.uploads.contains_key(*id))
            .map(str::to_string)
            .collect()
    };
    if files.is_empty() || !missing.is_empty() {
        fake.update(|s| {
            s.violations.push(format!("files.completeUploadExternal for files never uploaded: {missing:?}"))
        });
    }
    let shared: Vec<Value> = files.iter().map(|f| json!({ "id": f["id"], "title": f["title"] })).collect();
    Json(json!({ "ok": true, "files": shared })).into_response()
}

/// `users.info`: the admins and profile zones a test named.
pub async fn users_info(
    State(fake): State<FakeSlack>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>,
) -> impl IntoResponse {
    let mut problems = openapi::call_problems("users.info", "GET", &query, bearer(&headers, BOT_TOKEN));
    let Some(user) = query.get("user").cloned() else {
        problems.push("users.info without user".into());
        fake.update(|s| s.violations.extend(problems));
        return Json(json!({ "ok": false, "error": "user_not_found" }));
    };
    let (admin, zone) = {
        let shared = fake.shared.lock().unwrap();
        let zone = shared.zones.get(&user).cloned().unwrap_or(Some("Europe/Berlin".into()));
        (shared.admins.contains(&user), zone)
    };
    fake.update(|s| {
        s.violations.extend(problems);
        s.calls.push(("/api/users.info".into(), json!(query)));
    });
    Json(json!({
        "ok": true,
        "user": { "id": user, "team_id": "T0LEARN", "name": "member", "is_admin": admin, "is_owner": false,
                  "is_bot": false, "tz": zone },
    }))
}
