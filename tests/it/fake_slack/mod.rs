//! A fake Slack on 127.0.0.1 that the real slack-morphism client talks to: the Web API under
//! `/api` (`apps.connections.open` answers with this fake's WebSocket URL) and Socket Mode on
//! `/link`, spoken as Slack does: `hello` first, then envelopes, each acked by the client with
//! the envelope id and, for a slash command, the reply. Every reply is checked against Slack's
//! Block Kit limits (`limits.rs`) and every Web API call against Slack's OpenAPI description
//! (`openapi.rs`); a test ends by asserting there was no violation. `users.info` answers from
//! the admins a test named.

pub mod envelopes;
mod limits;
mod openapi;
mod views;
mod web;

pub use web::Fault;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::time::Instant;
use tokio::sync::{mpsc, oneshot, Notify};

/// The app-level token the fake expects on `apps.connections.open`.
pub const APP_TOKEN: &str = "xapp-fake-app-token";
pub const BOT_TOKEN: &str = "xoxb-fake-bot-token";

#[derive(Default)]
struct Shared {
    /// Where envelopes for the connected client go; `None` until it connects.
    /// The client's open connections by number; envelopes go to them in turn, as Slack spreads
    /// them over an app's connections.
    sockets: Vec<(u64, mpsc::UnboundedSender<String>)>,
    next_socket: u64,
    turn: usize,
    acks: HashMap<String, Value>,
    /// Web API calls and `response_url` posts, in order: (path, body).
    calls: Vec<(String, Value)>,
    violations: Vec<String>,
    next_envelope: u64,
    /// Users `users.info` reports as workspace admins.
    admins: Vec<String>,
    /// Profile zones `users.info` reports (null for `None`); Europe/Berlin for anyone else.
    zones: HashMap<String, Option<String>>,
    /// Bytes sent to an upload URL, by file id.
    uploads: HashMap<String, Vec<u8>>,
    /// Failures to answer, per Web API method, in order.
    faults: HashMap<String, Vec<Fault>>,
    /// Envelopes whose ack someone is timing.
    timing: HashMap<String, oneshot::Sender<Instant>>,
}

#[derive(Clone)]
pub struct FakeSlack {
    addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
    changed: Arc<Notify>,
}

impl FakeSlack {
    pub async fn start() -> FakeSlack {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let fake = FakeSlack { addr, shared: Arc::default(), changed: Arc::new(Notify::new()) };
        let app = Router::new()
            .route("/api/apps.connections.open", post(connections_open))
            .route("/link", get(link))
            .route("/api/users.info", get(web::users_info))
            .route("/api/chat.postMessage", post(web::chat_post_message))
            .route("/api/conversations.open", post(web::conversations_open))
            .route("/api/files.getUploadURLExternal", get(web::get_upload_url))
            .route("/api/files.completeUploadExternal", post(web::complete_upload))
            .route("/upload/{file_id}", post(web::receive_bytes))
            .route("/api/views.open", post(views::views_open))
            .route("/api/views.publish", post(views::views_publish))
            .route("/response/{id}", post(record_call))
            .route("/api/{method}", any(record_call))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// The Web API base for `SLACK_API_URL`.
    pub fn api_url(&self) -> String {
        format!("http://{}/api", self.addr)
    }

    /// Waits until the client opened its Socket Mode connection.
    pub async fn wait_until_connected(&self, limit: Duration) -> bool {
        self.wait_for(limit, |s| (!s.sockets.is_empty()).then_some(())).await.is_some()
    }

    /// Waits until the client holds `count` connections at once.
    pub async fn wait_until_connections(&self, count: usize, limit: Duration) -> bool {
        self.wait_for(limit, |s| (s.sockets.len() >= count).then_some(())).await.is_some()
    }

    /// Sends `/mentor <text>` from this member and returns the answer they first see: the
    /// payload of the client's ack or, when the ack was empty (the answer is on its way), the
    /// first post to the command's `response_url`.
    pub async fn slash(&self, team: &str, user: &str, text: &str, limit: Duration) -> Option<Value> {
        let (envelope_id, ack) = self.slash_ack(team, user, text, limit).await?;
        if ack.get("text").is_some() || ack.get("blocks").is_some() {
            return Some(ack);
        }
        self.take_deferred_answer(&envelope_id, limit).await
    }

    /// Sends `/mentor <text>` and returns the envelope's id and its ack, even an empty one.
    pub async fn slash_ack(&self, team: &str, user: &str, text: &str, limit: Duration) -> Option<(String, Value)> {
        let envelope_id = self.next_envelope_id();
        self.send_slash(&envelope_id, team, user, text, limit).await?;
        let ack = self.wait_for(limit, |s| s.acks.get(&envelope_id).cloned()).await?;
        Some((envelope_id, ack))
    }

    /// The first post to the `response_url` made for `id`, taken out of the follow-ups: the
    /// answer to a command acked empty.
    pub async fn take_deferred_answer(&self, id: &str, limit: Duration) -> Option<Value> {
        let path = format!("/response/{id}");
        let answer = self.wait_for(limit, |s| s.calls.iter().position(|(p, _)| *p == path)).await?;
        let mut shared = self.shared.lock().unwrap();
        Some(shared.calls.remove(answer).1)
    }

    /// Sends `/mentor <text>` and returns how long the ack took, from the envelope's send to
    /// its ack's arrival (for the load tool).
    pub async fn slash_timed(&self, team: &str, user: &str, text: &str, limit: Duration) -> Option<Duration> {
        let envelope_id = self.next_envelope_id();
        let (sender, acked) = oneshot::channel();
        self.shared.lock().unwrap().timing.insert(envelope_id.clone(), sender);
        let sent = Instant::now();
        self.send_slash(&envelope_id, team, user, text, limit).await?;
        let acked_at = tokio::time::timeout(limit, acked).await.ok()?.ok()?;
        Some(acked_at.duration_since(sent))
    }

    fn next_envelope_id(&self) -> String {
        let mut shared = self.shared.lock().unwrap();
        shared.next_envelope += 1;
        format!("envelope-{}", shared.next_envelope)
    }

    async fn send_slash(&self, envelope_id: &str, team: &str, user: &str, text: &str, limit: Duration) -> Option<()> {
        let envelope = envelopes::slash(envelope_id, team, user, text, &self.response_url(envelope_id));
        self.send(envelope, limit).await
    }

    /// Clicks the element `action_id` of a message the bot sent (a button, or a multi-select
    /// with `chosen` picked) and waits for the ack. The answer comes through `response_url`:
    /// see `wait_for_follow_ups`.
    pub async fn click(
        &self,
        team: &str,
        user: &str,
        action_id: &str,
        chosen: Option<&[&str]>,
        limit: Duration,
    ) -> bool {
        let envelope_id = self.next_envelope_id();
        let envelope = envelopes::click(&envelope_id, team, user, action_id, chosen, &self.response_url(&envelope_id));
        if self.send(envelope, limit).await.is_none() {
            return false;
        }
        self.wait_for(limit, |s| s.acks.contains_key(&envelope_id).then_some(())).await.is_some()
    }

    /// Waits until at least `count` `response_url` posts arrived, and returns them all.
    pub async fn wait_for_follow_ups(&self, count: usize, limit: Duration) -> Vec<Value> {
        let posts = |s: &Shared| -> Vec<Value> {
            s.calls.iter().filter(|(path, _)| path.starts_with("/response/")).map(|(_, b)| b.clone()).collect()
        };
        self.wait_for(limit, |s| Some(posts(s)).filter(|p| p.len() >= count))
            .await
            .unwrap_or_else(|| posts(&self.shared.lock().unwrap()))
    }

    /// A `response_url` on this fake; posts to it are recorded as follow-ups.
    pub fn response_url(&self, envelope_id: &str) -> String {
        format!("http://{}/response/{envelope_id}", self.addr)
    }

    async fn send(&self, envelope: Value, limit: Duration) -> Option<()> {
        let socket = self
            .wait_for(limit, |s| {
                let turn = s.turn % s.sockets.len().max(1);
                s.sockets.get(turn).map(|(_, sender)| sender.clone())
            })
            .await?;
        self.update(|s| s.turn += 1);
        socket.send(envelope.to_string()).ok()
    }

    /// Makes `users.info` report this user as a workspace admin.
    pub fn make_admin(&self, user: &str) {
        self.update(|s| s.admins.push(user.to_string()));
    }

    /// Makes `users.info` report this zone (or none) for the user.
    pub fn set_zone(&self, user: &str, zone: Option<&str>) {
        self.update(|s| _ = s.zones.insert(user.to_string(), zone.map(str::to_string)));
    }

    /// Makes the next calls of `method` fail, in order.
    pub fn fail_next(&self, method: &str, faults: &[Fault]) {
        self.update(|s| s.faults.entry(method.to_string()).or_default().extend(faults.iter().cloned()));
    }

    /// The bodies of the calls of this Web API method so far, in order.
    pub fn calls(&self, method: &str) -> Vec<Value> {
        let path = format!("/api/{method}");
        self.shared.lock().unwrap().calls.iter().filter(|(p, _)| *p == path).map(|(_, b)| b.clone()).collect()
    }

    /// Waits until at least `count` calls of `method` were made, and returns their bodies.
    pub async fn wait_for_calls(&self, method: &str, count: usize, limit: Duration) -> Vec<Value> {
        let path = format!("/api/{method}");
        let bodies =
            |s: &Shared| -> Vec<Value> { s.calls.iter().filter(|(p, _)| *p == path).map(|(_, b)| b.clone()).collect() };
        self.wait_for(limit, |s| Some(bodies(s)).filter(|b| b.len() >= count))
            .await
            .unwrap_or_else(|| bodies(&self.shared.lock().unwrap()))
    }

    /// The bytes uploaded for each file, by file id.
    pub fn uploads(&self) -> HashMap<String, Vec<u8>> {
        self.shared.lock().unwrap().uploads.clone()
    }

    /// How many Web API calls of this method were made.
    pub fn calls_of(&self, method: &str) -> usize {
        let path = format!("/api/{method}");
        self.shared.lock().unwrap().calls.iter().filter(|(p, _)| *p == path).count()
    }

    pub fn violations(&self) -> Vec<String> {
        self.shared.lock().unwrap().violations.clone()
    }

    async fn wait_for<T>(&self, limit: Duration, mut ready: impl FnMut(&Shared) -> Option<T>) -> Option<T> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notified = self.changed.notified();
            if let Some(found) = ready(&self.shared.lock().unwrap()) {
                return Some(found);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }

    fn update(&self, change: impl FnOnce(&mut Shared)) {
        change(&mut self.shared.lock().unwrap());
        self.changed.notify_waiters();
    }
}

async fn connections_open(State(fake): State<FakeSlack>, headers: HeaderMap) -> impl IntoResponse {
    let authorized = headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {APP_TOKEN}"));
    if !authorized {
        fake.update(|s| s.violations.push("apps.connections.open without the app-level token".into()));
        return Json(json!({ "ok": false, "error": "invalid_auth" }));
    }
    Json(json!({ "ok": true, "url": format!("ws://{}/link", fake.addr) }))
}

async fn link(State(fake): State<FakeSlack>, upgrade: WebSocketUpgrade) -> impl IntoResponse {
    upgrade.on_upgrade(move |socket| serve_socket(fake, socket))
}

/// Sends `hello`, then relays envelopes out and records acks in.
async fn serve_socket(fake: FakeSlack, mut socket: WebSocket) {
    let hello = json!({
        "type": "hello", "num_connections": 1,
        "connection_info": { "app_id": "A0MENTOR" },
        "debug_info": { "host": "fake-slack", "approximate_connection_time": 3600 },
    });
    if socket.send(Message::Text(hello.to_string().into())).await.is_err() {
        return;
    }
    let (sender, mut envelopes) = mpsc::unbounded_channel();
    let mut number = 0;
    fake.update(|s| {
        s.next_socket += 1;
        number = s.next_socket;
        s.sockets.push((number, sender));
    });
    loop {
        tokio::select! {
            Some(envelope) = envelopes.recv() => {
                if socket.send(Message::Text(envelope.into())).await.is_err() { break; }
            }
            frame = socket.recv() => match frame {
                Some(Ok(Message::Text(text))) => record_ack(&fake, &text),
                Some(Ok(_)) => {}
                _ => break,
            },
        }
    }
    fake.update(|s| s.sockets.retain(|(n, _)| *n != number));
}

fn record_ack(fake: &FakeSlack, text: &str) {
    let arrived = Instant::now();
    let Ok(ack) = serde_json::from_str::<Value>(text) else {
        fake.update(|s| s.violations.push(format!("an ack that is not JSON: {text}")));
        return;
    };
    let Some(id) = ack["envelope_id"].as_str().map(str::to_string) else {
        fake.update(|s| s.violations.push(format!("an ack without envelope_id: {text}")));
        return;
    };
    let payload = ack.get("payload").cloned().unwrap_or(Value::Null);
    let problems = if payload.is_null() { Vec::new() } else { limits::message_problems(&payload) };
    fake.update(|s| {
        s.violations.extend(problems.into_iter().map(|p| format!("{id}: {p}")));
        if let Some(timer) = s.timing.remove(&id) {
            let _ = timer.send(arrived);
        }
        s.acks.insert(id, payload);
    });
}

fn bearer(headers: &HeaderMap, token: &str) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {token}"))
}

async fn record_call(State(fake): State<FakeSlack>, uri: axum::http::Uri, body: String) -> impl IntoResponse {
    let value = serde_json::from_str(&body).unwrap_or(Value::String(body));
    let problems = if uri.path().starts_with("/response/") { limits::message_problems(&value) } else { Vec::new() };
    fake.update(|s| {
        s.violations.extend(problems.into_iter().map(|p| format!("{}: {p}", uri.path())));
        s.calls.push((uri.path().to_string(), value));
    });
    Json(json!({ "ok": true }))
}
