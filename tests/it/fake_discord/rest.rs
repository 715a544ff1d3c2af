//! The pipeline every REST request goes through: read it into a `RecordedRequest` (JSON body, or the
//! `payload_json` and files of a multipart body), check it against Discord's OpenAPI description and
//! documented limits, answer it (a failure the test injected, Discord's own error for a broken request,
//! or the route's normal answer), and only then record it. Violations are added before the request is
//! recorded, so a test that has seen the request also sees what was wrong with it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::routes::{self, Call, Reply};
use super::{limits, multipart, openapi, RecordedRequest, Shared};

pub(super) async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (request, mut problems) = read(&method, &uri, &headers, &body);
    problems.extend(check(&request).await);
    let reply = answer(&shared, &request, &headers, &mut problems);
    shared.add_violations(problems);
    shared.recorder.record(request);
    reply.into_response()
}

fn read(method: &Method, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> (RecordedRequest, Vec<String>) {
    let label = format!("{method} {}", uri.path());
    let mut problems = Vec::new();
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let (json, files) = if let Some(boundary) = multipart::boundary(content_type) {
        match multipart::parse(body, &boundary) {
            Ok(parts) => from_parts(parts, &label, &mut problems),
            Err(e) => {
                problems.push(format!("{label}: {e}"));
                (Value::Null, Vec::new())
            }
        }
    } else {
        (json_body(body, content_type, &label, &mut problems), Vec::new())
    };
    let request = RecordedRequest {
        method: method.as_str().to_string(),
        path: uri.path().to_string(),
        query: uri.query().unwrap_or_default().to_string(),
        body: json,
        files,
        received_at: std::time::Instant::now(),
    };
    (request, problems)
}

fn json_body(body: &[u8], content_type: &str, label: &str, problems: &mut Vec<String>) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    if !content_type.starts_with("application/json") {
        problems.push(format!("{label}: a body sent as {content_type:?}, not application/json"));
    }
    serde_json::from_slice(body).unwrap_or_else(|e| {
        problems.push(format!("{label}: the body is not JSON: {e}"));
        Value::Null
    })
}

/// The `payload_json` part as the body, and the parts that carry a file name as files.
fn from_parts(parts: Vec<multipart::Part>, label: &str, problems: &mut Vec<String>) -> (Value, Vec<(String, Vec<u8>)>) {
    let mut json = Value::Null;
    let mut files = Vec::new();
    for part in parts {
        match (part.name.as_str(), part.filename) {
            ("payload_json", _) => {
                json = serde_json::from_slice(&part.data).unwrap_or_else(|e| {
                    problems.push(format!("{label}: payload_json is not JSON: {e}"));
                    Value::Null
                });
            }
            (_, Some(filename)) => files.push((filename, part.data)),
            (name, None) => problems.push(format!("{label}: unexpected multipart field {name:?}")),
        }
    }
    (json, files)
}

/// Schema and limit checks. Compiling a schema the first time takes a while, so it runs on the blocking
/// pool rather than stalling the runtime the bot under test shares with the fake.
async fn check(request: &RecordedRequest) -> Vec<String> {
    let (method, path, body) = (request.method.clone(), request.path.clone(), request.body.clone());
    let label = format!("{method} {path}");
    let checks = tokio::task::spawn_blocking(move || {
        let mut found = openapi::check(&method, &path, &body);
        found.extend(limits::check(&method, &path, &body));
        found
    });
    checks.await.unwrap_or_else(|e| vec![format!("{label}: checking the body failed: {e}")])
}

fn answer(shared: &Shared, request: &RecordedRequest, headers: &HeaderMap, problems: &mut Vec<String>) -> Reply {
    let label = format!("{} {}", request.method, request.path);
    let Some(handler) = routes::find(&request.method, &request.path) else {
        let known = openapi::operation_template(&request.method, &request.path).is_some();
        let where_ =
            if known { "Discord has it, the fake does not answer it yet" } else { "Discord has no such route" };
        problems.push(format!("{label}: unexpected route ({where_})"));
        return Reply::error(404, 0, "404: Not Found");
    };
    let failure = shared.recorder.take_failure(request);
    if let Some(failure) = failure.as_ref().filter(|f| !f.deliver) {
        return Reply::Json(failure.status, failure.body.clone());
    }
    // A bot token goes in as "Bot <token>"; without the prefix Discord takes it for an OAuth2 token.
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !authorization.starts_with("Bot ") {
        problems.push(format!("{label}: the Authorization header is {authorization:?}, not \"Bot <token>\""));
        return Reply::error(401, 0, "401: Unauthorized");
    }
    if !problems.is_empty() {
        return Reply::error(400, 50035, "Invalid Form Body");
    }
    let answer = handler(&mut Call { shared, request, problems });
    match failure {
        Some(lost) => Reply::Json(lost.status, lost.body),
        None => answer,
    }
}
