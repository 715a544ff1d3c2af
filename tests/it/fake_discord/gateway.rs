//! The gateway side of the fake: the websocket on `/ws`, spoken as Discord does to serenity. On connect
//! it sends HELLO; IDENTIFY starts a session for the shard it names (`shard: [id, total]`, one
//! connection per shard, from one process or several) and is answered with READY; heartbeats get op
//! 11; RESUME of a known session replays the dispatches the bot missed and ends with RESUMED (an
//! unknown session gets op 9, so the bot identifies again). A dispatch goes to the shard of its guild
//! (`(guild_id >> 22) % total`, as Discord routes them), numbered per session and logged, so events
//! sent while the bot is reconnecting still arrive, in order. Plain text frames, no compression.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};

use super::fixtures::bot_user;
use super::{FakeDiscord, Shared};

/// How long `dispatch` waits for a first bot to identify before giving up.
const FIRST_IDENTIFY_WAIT: Duration = Duration::from_secs(10);

/// What the connection task is told to do.
enum Outgoing {
    Frame(String),
    /// Close the socket abruptly, with no close frame, as a network failure would.
    Drop,
}

struct Session {
    id: String,
    last_seq: u64,
    /// Every dispatch of the session as (sequence number, frame), for replay on RESUME.
    log: Vec<(u64, String)>,
}

impl Session {
    fn frame(&mut self, event: &str, data: Value) -> String {
        self.last_seq += 1;
        let frame = json!({"op": 0, "s": self.last_seq, "t": event, "d": data}).to_string();
        self.log.push((self.last_seq, frame.clone()));
        frame
    }
}

/// An open websocket: its number and the channel to its task.
struct Connection {
    number: usize,
    to_socket: mpsc::UnboundedSender<Outgoing>,
}

/// One shard as Discord keeps it: its session and the connection it is on, if any.
#[derive(Default)]
struct ShardLink {
    session: Option<Session>,
    connection: Option<Connection>,
}

#[derive(Default)]
struct Links {
    /// Connections that have not identified or resumed yet.
    waiting: Vec<Connection>,
    /// By shard id, from the `shard` field of each IDENTIFY ([0, 1] when it has none).
    shards: std::collections::BTreeMap<u64, ShardLink>,
    /// The shard count the bot identified with.
    total: u64,
    /// The `d` of every IDENTIFY, in order.
    identified: Vec<Value>,
    connections: usize,
}

impl Links {
    /// Takes the connection out of wherever it is (waiting, or a shard's).
    fn take(&mut self, number: usize) -> Option<Connection> {
        if let Some(i) = self.waiting.iter().position(|c| c.number == number) {
            return Some(self.waiting.remove(i));
        }
        self.shards.values_mut().find(|l| l.connection.as_ref().is_some_and(|c| c.number == number))?.connection.take()
    }

    fn sender(&self, number: usize) -> Option<mpsc::UnboundedSender<Outgoing>> {
        let mut all = self.waiting.iter().chain(self.shards.values().filter_map(|l| l.connection.as_ref()));
        all.find(|c| c.number == number).map(|c| c.to_socket.clone())
    }

    /// Every shard that has a session is connected: dispatches flow to all of them.
    fn all_ready(&self) -> bool {
        !self.shards.is_empty() && self.shards.values().all(|l| l.connection.is_some())
    }

    /// The shard a guild's events go to, as Discord computes it.
    fn shard_of(&self, data: &Value) -> u64 {
        let guild = data["guild_id"].as_str().or(data["id"].as_str()).and_then(|id| id.parse::<u64>().ok());
        guild.map_or(0, |id| (id >> 22) % self.total.max(1))
    }
}

pub(super) struct Gateway {
    ws_url: String,
    state: Mutex<Links>,
    /// True while every shard with a session is connected; `wait_until_ready` waits on it.
    ready: watch::Sender<bool>,
    identifies: AtomicUsize,
    resumes: AtomicUsize,
    /// While set, new connections are refused (503), as in a Discord gateway outage.
    refusing: AtomicBool,
    /// The heartbeat interval HELLO asks for (Discord's is about 41 s).
    heartbeat_ms: AtomicU64,
}

pub(super) async fn upgrade(State(shared): State<Arc<Shared>>, upgrade: WebSocketUpgrade) -> Response {
    if shared.gateway.refusing.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    upgrade.on_upgrade(move |socket| serve(shared, socket))
}

/// Runs one websocket connection until the bot closes it or the fake drops it.
async fn serve(shared: Arc<Shared>, mut socket: WebSocket) {
    let (to_socket, mut outgoing) = mpsc::unbounded_channel();
    let number = shared.gateway.connect(to_socket);
    loop {
        tokio::select! {
            received = socket.recv() => match received {
                Some(Ok(Message::Text(text))) => shared.gateway.receive(number, text.as_str()),
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            command = outgoing.recv() => match command {
                Some(Outgoing::Frame(frame)) => {
                    if socket.send(Message::Text(frame.into())).await.is_err() {
                        break;
                    }
                }
                Some(Outgoing::Drop) | None => break,
            },
        }
    }
    shared.gateway.disconnected(number);
}

impl Gateway {
    pub(super) fn new(ws_url: String) -> Gateway {
        Gateway {
            ws_url,
            state: Mutex::new(Links::default()),
            ready: watch::Sender::new(false),
            identifies: AtomicUsize::new(0),
            resumes: AtomicUsize::new(0),
            refusing: AtomicBool::new(false),
            heartbeat_ms: AtomicU64::new(45_000),
        }
    }

    /// Registers a new connection and says HELLO; it belongs to a shard once it identifies or resumes.
    fn connect(&self, to_socket: mpsc::UnboundedSender<Outgoing>) -> usize {
        let mut state = self.state.lock().unwrap();
        state.connections += 1;
        let interval = self.heartbeat_ms.load(Ordering::SeqCst);
        let hello = json!({"op": 10, "d": {"heartbeat_interval": interval}}).to_string();
        let _ = to_socket.send(Outgoing::Frame(hello));
        let number = state.connections;
        state.waiting.push(Connection { number, to_socket });
        number
    }

    fn disconnected(&self, number: usize) {
        let mut state = self.state.lock().unwrap();
        state.take(number);
        self.ready.send_replace(state.all_ready());
    }

    /// Handles one payload from the bot. Anything that is not a heartbeat, IDENTIFY or RESUME (presence
    /// updates, member requests) needs no answer from a fake and is ignored.
    fn receive(&self, number: usize, text: &str) {
        let Ok(payload) = serde_json::from_str::<Value>(text) else { return };
        let mut state = self.state.lock().unwrap();
        let Some(sender) = state.sender(number) else { return };
        let frames = match payload["op"].as_u64() {
            Some(1) => vec![json!({"op": 11}).to_string()],
            Some(2) => self.identify(&mut state, number, &payload["d"]),
            Some(6) => self.resume(&mut state, number, &payload["d"]),
            _ => return,
        };
        for frame in frames {
            let _ = sender.send(Outgoing::Frame(frame));
        }
        self.ready.send_replace(state.all_ready());
    }

    /// Moves the connection to `shard` (dropping the shard's older one: Discord allows one per session).
    fn attach(state: &mut Links, number: usize, shard: u64) {
        let Some(connection) = state.take(number) else { return };
        let link = state.shards.entry(shard).or_default();
        if let Some(old) = link.connection.replace(connection) {
            let _ = old.to_socket.send(Outgoing::Drop);
        }
    }

    /// Starts a new session for the IDENTIFY's shard, numbered from 1 as Discord does, and answers READY.
    fn identify(&self, state: &mut Links, number: usize, identify: &Value) -> Vec<String> {
        state.identified.push(identify.clone());
        let shard = [identify["shard"][0].as_u64().unwrap_or(0), identify["shard"][1].as_u64().unwrap_or(1)];
        state.total = shard[1];
        Self::attach(state, number, shard[0]);
        let count = self.identifies.fetch_add(1, Ordering::SeqCst) + 1;
        let mut new = Session { id: format!("fake-session-{count}"), last_seq: 0, log: Vec::new() };
        let mut user = bot_user();
        user["verified"] = json!(true);
        user["mfa_enabled"] = json!(true);
        let ready = json!({
            "v": 10,
            "user": user,
            "guilds": [],
            "session_id": new.id,
            "resume_gateway_url": self.ws_url,
            "shard": shard,
            "application": {"id": FakeDiscord::APPLICATION_ID.to_string(), "flags": 0},
        });
        let frame = new.frame("READY", ready);
        state.shards.entry(shard[0]).or_default().session = Some(new);
        vec![frame]
    }

    /// Replays what the bot missed since `seq` and answers RESUMED, or op 9 for a session it does not have.
    fn resume(&self, state: &mut Links, number: usize, resume: &Value) -> Vec<String> {
        let found = state
            .shards
            .iter()
            .find(|(_, l)| l.session.as_ref().is_some_and(|s| resume["session_id"] == s.id.as_str()));
        let Some(shard) = found.map(|(shard, _)| *shard) else {
            return vec![json!({"op": 9, "d": false}).to_string()];
        };
        Self::attach(state, number, shard);
        self.resumes.fetch_add(1, Ordering::SeqCst);
        let current = state.shards.get_mut(&shard).and_then(|l| l.session.as_mut()).expect("the resumed session");
        let seen = resume["seq"].as_u64().unwrap_or(0);
        let mut frames: Vec<String> = current.log.iter().filter(|(s, _)| *s > seen).map(|(_, f)| f.clone()).collect();
        frames.push(current.frame("RESUMED", json!({})));
        frames
    }

    /// Logs a dispatch in the session of the guild's shard and sends it if that shard is connected;
    /// otherwise RESUME replays it.
    pub(super) async fn dispatch(&self, event: &str, data: Value) {
        if self.state.lock().unwrap().shards.is_empty() {
            let waited = self.wait_until_ready(FIRST_IDENTIFY_WAIT).await;
            waited.unwrap_or_else(|e| panic!("cannot dispatch {event}: {e}"));
        }
        let mut state = self.state.lock().unwrap();
        let shard = state.shard_of(&data);
        let link = state.shards.get_mut(&shard).unwrap_or_else(|| panic!("no bot identified as shard {shard}"));
        let frame = link.session.as_mut().expect("a session after IDENTIFY").frame(event, data);
        if let Some(connection) = &link.connection {
            let _ = connection.to_socket.send(Outgoing::Frame(frame));
        }
    }

    pub(super) async fn wait_until_ready(&self, timeout: Duration) -> Result<(), String> {
        let mut ready = self.ready.subscribe();
        let became_ready = tokio::time::timeout(timeout, ready.wait_for(|ready| *ready)).await.map(|r| r.is_ok());
        match became_ready {
            Ok(true) => Ok(()),
            _ => Err(format!(
                "no bot was ready on the gateway within {timeout:?} ({} IDENTIFY, {} RESUME so far)",
                self.identify_count(),
                self.resume_count()
            )),
        }
    }

    /// The heartbeat interval the next connections' HELLO asks for.
    pub(super) fn set_heartbeat_ms(&self, interval: u64) {
        self.heartbeat_ms.store(interval, Ordering::SeqCst);
    }

    /// Refuses new connections (an outage) or takes them again.
    pub(super) fn refuse_connections(&self, refuse: bool) {
        self.refusing.store(refuse, Ordering::SeqCst);
    }

    /// Drops every shard's connection without a close frame; the sessions stay, so the bot can RESUME.
    pub(super) fn drop_socket(&self) {
        let mut state = self.state.lock().unwrap();
        for link in state.shards.values_mut() {
            if let Some(connection) = link.connection.take() {
                let _ = connection.to_socket.send(Outgoing::Drop);
            }
        }
        self.ready.send_replace(false);
    }

    /// The `d` of the last IDENTIFY.
    pub(super) fn identify_payload(&self) -> Option<Value> {
        self.state.lock().unwrap().identified.last().cloned()
    }

    /// The `d` of every IDENTIFY so far, in order.
    pub(super) fn identify_payloads(&self) -> Vec<Value> {
        self.state.lock().unwrap().identified.clone()
    }

    pub(super) fn identify_count(&self) -> usize {
        self.identifies.load(Ordering::SeqCst)
    }

    pub(super) fn resume_count(&self) -> usize {
        self.resumes.load(Ordering::SeqCst)
    }
}
