//! The gateway side of the fake: the websocket on `/ws`, spoken as Discord does to serenity. On connect
//! it sends HELLO; IDENTIFY starts a session and is answered with READY; heartbeats get op 11; RESUME of
//! the current session replays the dispatches the bot missed and ends with RESUMED (an unknown session
//! gets op 9, so the bot identifies again). Dispatches are numbered per session and logged, so events
//! sent while the bot is reconnecting still arrive, in order. Plain text frames, no compression.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
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

/// The open websocket: its number and the channel to its task.
struct Connection {
    number: usize,
    to_socket: mpsc::UnboundedSender<Outgoing>,
    /// Whether the bot identified or resumed on it, so dispatches may flow.
    ready: bool,
}

#[derive(Default)]
struct Link {
    session: Option<Session>,
    /// The `d` of the last IDENTIFY.
    identified: Option<Value>,
    connection: Option<Connection>,
    connections: usize,
}

pub(super) struct Gateway {
    ws_url: String,
    state: Mutex<Link>,
    /// True while the open connection is ready; `wait_until_ready` and `dispatch` wait on it.
    ready: watch::Sender<bool>,
    identifies: AtomicUsize,
    resumes: AtomicUsize,
}

pub(super) async fn upgrade(State(shared): State<Arc<Shared>>, upgrade: WebSocketUpgrade) -> Response {
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
            state: Mutex::new(Link::default()),
            ready: watch::Sender::new(false),
            identifies: AtomicUsize::new(0),
            resumes: AtomicUsize::new(0),
        }
    }

    /// Registers a new connection (dropping an older one: Discord allows one per session) and says HELLO.
    fn connect(&self, to_socket: mpsc::UnboundedSender<Outgoing>) -> usize {
        let mut state = self.state.lock().unwrap();
        if let Some(old) = state.connection.take() {
            let _ = old.to_socket.send(Outgoing::Drop);
        }
        self.ready.send_replace(false);
        state.connections += 1;
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 45000}}).to_string();
        let _ = to_socket.send(Outgoing::Frame(hello));
        state.connection = Some(Connection { number: state.connections, to_socket, ready: false });
        state.connections
    }

    fn disconnected(&self, number: usize) {
        let mut state = self.state.lock().unwrap();
        if state.connection.as_ref().is_some_and(|c| c.number == number) {
            state.connection = None;
            self.ready.send_replace(false);
        }
    }

    /// Handles one payload from the bot. Anything that is not a heartbeat, IDENTIFY or RESUME (presence
    /// updates, member requests) needs no answer from a fake and is ignored.
    fn receive(&self, number: usize, text: &str) {
        let Ok(payload) = serde_json::from_str::<Value>(text) else { return };
        let mut state = self.state.lock().unwrap();
        let state = &mut *state;
        let Some(connection) = state.connection.as_mut().filter(|c| c.number == number) else { return };
        let (frames, now_ready) = match payload["op"].as_u64() {
            Some(1) => (vec![json!({"op": 11}).to_string()], false),
            Some(2) => {
                state.identified = Some(payload["d"].clone());
                (vec![self.identify(&mut state.session)], true)
            }
            Some(6) => self.resume(&mut state.session, &payload["d"]),
            _ => return,
        };
        for frame in frames {
            let _ = connection.to_socket.send(Outgoing::Frame(frame));
        }
        if now_ready {
            connection.ready = true;
            self.ready.send_replace(true);
        }
    }

    /// Starts a new session, numbered from 1 as Discord does, and answers READY.
    fn identify(&self, session: &mut Option<Session>) -> String {
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
            "shard": [0, 1],
            "application": {"id": FakeDiscord::APPLICATION_ID.to_string(), "flags": 0},
        });
        let frame = new.frame("READY", ready);
        *session = Some(new);
        frame
    }

    /// Replays what the bot missed since `seq` and answers RESUMED, or op 9 for a session it does not have;
    /// says whether the connection is now ready.
    fn resume(&self, session: &mut Option<Session>, resume: &Value) -> (Vec<String>, bool) {
        let Some(current) = session.as_mut().filter(|s| resume["session_id"] == s.id.as_str()) else {
            return (vec![json!({"op": 9, "d": false}).to_string()], false);
        };
        self.resumes.fetch_add(1, Ordering::SeqCst);
        let seen = resume["seq"].as_u64().unwrap_or(0);
        let mut frames: Vec<String> = current.log.iter().filter(|(s, _)| *s > seen).map(|(_, f)| f.clone()).collect();
        frames.push(current.frame("RESUMED", json!({})));
        (frames, true)
    }

    /// Logs a dispatch in the session and sends it if the bot is connected; otherwise RESUME replays it.
    pub(super) async fn dispatch(&self, event: &str, data: Value) {
        if self.state.lock().unwrap().session.is_none() {
            let waited = self.wait_until_ready(FIRST_IDENTIFY_WAIT).await;
            waited.unwrap_or_else(|e| panic!("cannot dispatch {event}: {e}"));
        }
        let mut state = self.state.lock().unwrap();
        let state = &mut *state;
        let frame = state.session.as_mut().expect("a session after the first IDENTIFY").frame(event, data);
        if let Some(connection) = state.connection.as_ref().filter(|c| c.ready) {
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

    /// Drops the open connection without a close frame; the session stays, so the bot can RESUME it.
    pub(super) fn drop_socket(&self) {
        let mut state = self.state.lock().unwrap();
        if let Some(connection) = state.connection.take() {
            let _ = connection.to_socket.send(Outgoing::Drop);
        }
        self.ready.send_replace(false);
    }

    pub(super) fn identify_payload(&self) -> Option<Value> {
        self.state.lock().unwrap().identified.clone()
    }

    pub(super) fn identify_count(&self) -> usize {
        self.identifies.load(Ordering::SeqCst)
    }

    pub(super) fn resume_count(&self) -> usize {
        self.resumes.load(Ordering::SeqCst)
    }
}
