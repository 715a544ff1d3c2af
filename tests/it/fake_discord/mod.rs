//! A fake Discord for tests: one axum server on 127.0.0.1 that answers the REST routes a serenity/poise bot
//! uses (under `/api/v10`) and speaks the gateway protocol on `/ws`, so the real client runs against it
//! unchanged (`HttpBuilder::proxy` plus `ratelimiter_disabled`). Every request is recorded and checked
//! against Discord's own OpenAPI description and the documented limits the schema leaves out; tests read
//! the record with `next_request` and assert that `violations()` is empty. The pieces: `rest`, `routes`,
//! `interactions` and `multipart` (the HTTP side), `gateway` (websocket sessions), `openapi` and `limits`
//! (the checks), `store` and `messages` (what Discord remembers and answers), `recorder` (the request
//! log), `fixtures` (interaction payloads); `tests` and `client_tests` test the harness itself. Use it with
//! tokio's real clock: with `tokio::time::pause()` the waits here would time out at once while the bot is
//! busy on a socket.

mod gateway;
mod interactions;
mod limits;
mod messages;
mod multipart;
mod openapi;
mod recorder;
mod rest;
mod routes;
mod store;

pub mod fixtures;

#[cfg(test)]
mod client_tests;
#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use axum::serve::ListenerExt;
use gateway::Gateway;
use recorder::Recorder;
use store::Store;

/// One REST request as the bot sent it.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// The path without the query string, e.g. `/api/v10/interactions/1/tok/callback`.
    pub path: String,
    /// The query string without the `?`, empty when there was none.
    pub query: String,
    /// The JSON body; for multipart requests the parsed `payload_json` part; `Null` when there was no body.
    pub body: Value,
    /// The multipart file parts as (file name, bytes), in the order they were sent.
    pub files: Vec<(String, Vec<u8>)>,
    /// When the fake received it, for latency measurements.
    pub received_at: std::time::Instant,
}

/// What the server's tasks share: the request log, the gateway sessions, Discord's memory and the
/// violations seen so far.
struct Shared {
    base_url: String,
    ws_url: String,
    recorder: Recorder,
    gateway: Gateway,
    store: Mutex<Store>,
    violations: Mutex<Vec<String>>,
}

impl Shared {
    fn add_violations(&self, found: Vec<String>) {
        self.violations.lock().unwrap().extend(found);
    }
}

/// A running fake Discord. Dropping it stops accepting connections and drops the bot's websocket.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeDiscord {
    pub const APPLICATION_ID: u64 = 900000000000000001;
    pub const BOT_USER_ID: u64 = 900000000000000002;

    /// Starts the server on a random port of 127.0.0.1.
    pub async fn start() -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free local port");
        let port = listener.local_addr().expect("a bound address").port();
        // Discord sends each gateway event at once. Without TCP_NODELAY, once the bot's first
        // heartbeat makes the kernel delay its acknowledgements, small dispatches would wait up
        // to 40 ms behind unacknowledged ones (Nagle's algorithm), which is the fake's delay,
        // not the bot's.
        let listener = listener.tap_io(|stream| {
            let _ = stream.set_nodelay(true);
        });
        let ws_url = format!("ws://127.0.0.1:{port}/ws");
        let shared = Arc::new(Shared {
            base_url: format!("http://127.0.0.1:{port}"),
            gateway: Gateway::new(ws_url.clone()),
            ws_url,
            recorder: Recorder::default(),
            store: Mutex::new(Store::default()),
            violations: Mutex::new(Vec::new()),
        });
        let router = axum::Router::new()
            .route("/ws", axum::routing::get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.expect("the fake Discord server runs");
        });
        FakeDiscord { shared, server }
    }

    /// Makes room for this many interactions (and their answers) in the fake's records, so the
    /// load tool measures the bot rather than the fake growing its maps mid-run.
    pub fn reserve(&self, interactions: usize) {
        self.shared.store.lock().unwrap().reserve(interactions);
        self.shared.recorder.reserve(interactions);
    }

    /// `http://127.0.0.1:PORT`: what the bot uses as its REST proxy base (`HttpBuilder::proxy`).
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// `ws://127.0.0.1:PORT/ws`: the gateway URL the fake hands out.
    pub fn gateway_url(&self) -> String {
        self.shared.ws_url.clone()
    }

    /// Waits until a bot has sent IDENTIFY (or RESUME) and been answered with READY (or RESUMED) on the
    /// connection that is open now; after `drop_socket` it waits for the reconnection.
    pub async fn wait_until_ready(&self, timeout: Duration) -> Result<(), String> {
        self.shared.gateway.wait_until_ready(timeout).await.map_err(|e| self.explain(e))
    }

    /// Sends a dispatch (op 0) with the session's next sequence number. Waits (up to 10 s, then panics)
    /// for a bot to have identified at least once; while the bot is reconnecting the event is kept and
    /// replayed on RESUME, as Discord does.
    pub async fn dispatch(&self, event: &str, data: Value) {
        let data = if event == "INTERACTION_CREATE" { self.prepare_interaction(data) } else { data };
        self.shared.gateway.dispatch(event, data).await;
    }

    /// Shorthand for `dispatch("INTERACTION_CREATE", interaction)`.
    pub async fn send_interaction(&self, interaction: Value) {
        self.dispatch("INTERACTION_CREATE", interaction).await;
    }

    /// An interaction to POST to a bot in HTTP mode: tracked like one sent on the gateway, with
    /// its first answer counted as given (the response body is that answer), so its webhook
    /// takes follow-ups. Returns the payload as Discord would send it.
    pub fn prepare_for_http(&self, interaction: Value) -> Value {
        let interaction = self.prepare_interaction(interaction);
        let token = interaction["token"].as_str().unwrap_or_default();
        let _ = self.shared.store.lock().unwrap().answered_by_response(token);
        interaction
    }

    /// What Discord would refuse in an HTTP-mode bot's response body (an interaction callback).
    pub fn response_violations(&self, interaction: &Value, response: &Value) -> Vec<String> {
        let (id, token) = (interaction["id"].as_str().unwrap_or("0"), interaction["token"].as_str().unwrap_or("t"));
        openapi::check("POST", &format!("/api/v10/interactions/{id}/{token}/callback"), response)
    }

    /// Waits for the next recorded request whose method matches and whose path matches the pattern (a
    /// path with `*` for whole segments, e.g. `/api/v10/interactions/*/*/callback`). Each request is
    /// returned once, oldest first.
    pub async fn next_request(
        &self,
        method: &str,
        path_pattern: &str,
        timeout: Duration,
    ) -> Result<RecordedRequest, String> {
        self.shared.recorder.next(method, path_pattern, timeout).await.map_err(|e| self.explain(e))
    }

    /// Every request recorded so far, in order (including those `next_request` already returned).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.recorder.all()
    }

    /// Every problem seen so far: OpenAPI schema violations, broken documented limits, unexpected routes,
    /// and interaction misuse (answered twice, too late, or follow-ups before the answer).
    pub fn violations(&self) -> Vec<String> {
        self.shared.violations.lock().unwrap().clone()
    }

    /// Closes the bot's websocket abruptly (no close frame), to test reconnecting with RESUME.
    pub async fn drop_socket(&self) {
        self.shared.gateway.drop_socket();
    }

    /// Asks the bot's next connections to heartbeat this often (a test of the gateway's latency
    /// need not wait Discord's 41 s for the first acknowledgement).
    pub fn set_heartbeat_interval(&self, interval: Duration) {
        self.shared.gateway.set_heartbeat_ms(interval.as_millis() as u64);
    }

    /// A gateway outage: every socket dropped and new ones refused until `gateway_back`.
    pub async fn gateway_down(&self) {
        self.shared.gateway.refuse_connections(true);
        self.shared.gateway.drop_socket();
    }

    /// Ends the outage: the bot's next attempt connects (and resumes its session).
    pub fn gateway_back(&self) {
        self.shared.gateway.refuse_connections(false);
    }

    /// The `d` of the bot's last IDENTIFY (token, intents, shard, properties), e.g. to check which intents
    /// it asks for: Discord refuses privileged ones the application has not enabled.
    pub fn identify_payload(&self) -> Option<Value> {
        self.shared.gateway.identify_payload()
    }

    /// The `d` of every IDENTIFY so far, in order: one per shard a bot process started.
    pub fn identify_payloads(&self) -> Vec<Value> {
        self.shared.gateway.identify_payloads()
    }

    /// How many IDENTIFY payloads the fake has answered with READY.
    pub fn identify_count(&self) -> usize {
        self.shared.gateway.identify_count()
    }

    /// How many RESUME payloads the fake has answered with RESUMED.
    pub fn resume_count(&self) -> usize {
        self.shared.gateway.resume_count()
    }

    /// Makes the next request matching (method, pattern) fail with this status and JSON body, e.g. 403
    /// `{"code":50007,"message":"Cannot send messages to this user"}`. The failed request is still recorded.
    pub fn fail_next(&self, method: &str, path_pattern: &str, status: u16, body: Value) {
        self.shared.recorder.fail_next(method, path_pattern, status, body, false);
    }

    /// Carries out the next request matching (method, pattern) as usual, then answers it with this
    /// status and body instead: Discord did the work and the answer was lost (e.g. 500 after a DM was
    /// delivered). Each call adds one such failure.
    pub fn deliver_then_fail_next(&self, method: &str, path_pattern: &str, status: u16, body: Value) {
        self.shared.recorder.fail_next(method, path_pattern, status, body, true);
    }

    /// The requests recorded so far matching (method, pattern), whether or not `next_request` took them.
    /// How many requests were recorded, without copying them (for polling during a long run:
    /// a copy holds the record's lock, and every request arriving meanwhile waits on it).
    pub fn recorded(&self) -> usize {
        self.shared.recorder.len()
    }

    /// How many messages each channel holds (copies refused by their nonce not among them).
    pub fn message_counts(&self) -> std::collections::HashMap<String, usize> {
        self.shared.store.lock().unwrap().message_counts()
    }

    pub fn count(&self, method: &str, path_pattern: &str) -> usize {
        let matching = |r: &&RecordedRequest| {
            r.method.eq_ignore_ascii_case(method) && recorder::path_matches(path_pattern, &r.path)
        };
        self.requests().iter().filter(matching).count()
    }

    /// A waiting error with the violations seen so far: a bot that never answers was often refused
    /// because of one (Discord answers an invalid body with 400).
    fn explain(&self, error: String) -> String {
        let violations = self.violations();
        if violations.is_empty() {
            return error;
        }
        format!("{error}\nviolations so far: {violations:#?}")
    }

    /// Gives a command interaction the id of the registered command with its name (poise looks commands
    /// up by name, but real payloads carry the registered id) and starts the interaction's clock.
    fn prepare_interaction(&self, mut interaction: Value) -> Value {
        let mut store = self.shared.store.lock().unwrap();
        let is_command = matches!(interaction["type"].as_u64(), Some(2 | 4));
        if let (true, Some(name)) = (is_command, interaction["data"]["name"].as_str()) {
            if let Some(registered) = store.command(name) {
                interaction["data"]["id"] = Value::String(registered.id.clone());
                if let Some(guild_id) = &registered.guild_id {
                    interaction["data"]["guild_id"] = Value::String(guild_id.clone());
                }
            }
        }
        store.track_interaction(&interaction);
        interaction
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
        self.shared.gateway.drop_socket();
    }
}
