//! Discord's HTTP interactions mode: two replicas (each its own `App` and pool over the one
//! store, as two processes would be) behind a round-robin in the test, each signed as Discord
//! signs: a PING, commands answered in the response body, a bad signature, an altered body, a
//! stale timestamp, a missing signature; the same member's interactions answered consistently
//! whichever replica gets them; an answer with a file deferred in the body and sent by REST to
//! the fake Discord, which also receives the command registration and checks every request.

use crate::common::{at, open_app, spawn_app, TestApp};
use crate::discord_e2e::{option, WAIT};
use crate::fake_discord::{fixtures, FakeDiscord};
use backend_mentor::clock::Clock;
use backend_mentor::config::{DiscordConfig, InteractionsEndpoint, SchedulerConfig, Secret};
use backend_mentor::discord::DiscordFrontEnd;
use backend_mentor::domain::Timezone;
use backend_mentor::startup::Root;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::sync::oneshot;

const EPHEMERAL: u64 = 1 << 6;

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn now() -> DateTime<Utc> {
    at(2026, 3, 2, 12, 0)
}

/// Replicas in HTTP mode on one store and one fake Discord.
struct Replicas {
    fake: FakeDiscord,
    t: TestApp,
    addresses: Vec<SocketAddr>,
    stops: Vec<oneshot::Sender<()>>,
    tasks: Vec<tokio::task::JoinHandle<anyhow::Result<()>>>,
    http: reqwest::Client,
}

impl Replicas {
    async fn start(count: usize) -> Replicas {
        let (fake, t) = (FakeDiscord::start().await, spawn_app().await);
        let mut replicas = Replicas {
            fake,
            t,
            addresses: Vec::new(),
            stops: Vec::new(),
            tasks: Vec::new(),
            http: reqwest::Client::new(),
        };
        for _ in 0..count {
            replicas.start_one().await;
        }
        replicas
    }

    async fn start_one(&mut self) {
        let listen = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        let config = DiscordConfig {
            token: Secret::new("fake-token"),
            guild_id: None,
            api_proxy: Some(self.fake.base_url()),
            shards: None,
            interactions: Some(InteractionsEndpoint { public_key: key().verifying_key().to_bytes(), listen }),
        };
        let app = open_app(&self.t.database_url(), Timezone::UTC).await;
        let (stop, stopped) = oneshot::channel::<()>();
        self.tasks.push(tokio::spawn(async move {
            let mut root = Root::new(app, Clock::fixed(now()), SchedulerConfig::default());
            root.start(DiscordFrontEnd::new(&config));
            root.run(async move {
                let _ = stopped.await;
            })
            .await
        }));
        for _ in 0..400 {
            if tokio::net::TcpStream::connect(listen).await.is_ok() {
                self.addresses.push(listen);
                self.stops.push(stop);
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the interactions endpoint did not open");
    }

    /// POSTs a body with these headers to the `n`th request's replica (round-robin).
    async fn post(&self, n: usize, body: &str, headers: &[(&str, String)]) -> (u16, Value) {
        let address = self.addresses[n % self.addresses.len()];
        let mut request = self.http.post(format!("http://{address}/discord/interactions")).body(body.to_string());
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let response = request.send().await.expect("the replica answers");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    /// Signs as Discord does (timestamp then body), POSTs, and checks the response body against
    /// Discord's description of an interaction callback.
    async fn signed(&self, n: usize, interaction: &Value) -> (u16, Value) {
        let interaction = self.fake.prepare_for_http(interaction.clone());
        let body = interaction.to_string();
        let (status, response) = self.post(n, &body, &signature_headers(&body, now().timestamp())).await;
        let violations = self.fake.response_violations(&interaction, &response);
        assert!(violations.is_empty(), "a response body Discord would refuse: {violations:?}");
        (status, response)
    }

    async fn finish(self) {
        for stop in self.stops {
            let _ = stop.send(());
        }
        for task in self.tasks {
            let stopped = tokio::time::timeout(WAIT, task).await.expect("a replica stops in time");
            stopped.expect("no panic").expect("a replica stops cleanly");
        }
        let violations = self.fake.violations();
        assert!(violations.is_empty(), "requests Discord would refuse:\n{}", violations.join("\n"));
    }
}

fn signature_headers(body: &str, timestamp: i64) -> Vec<(&'static str, String)> {
    let signature = key().sign(format!("{timestamp}{body}").as_bytes());
    vec![("x-signature-ed25519", hex::encode(signature.to_bytes())), ("x-signature-timestamp", timestamp.to_string())]
}

fn ping() -> Value {
    json!({"id": "1300000000000000001", "application_id": FakeDiscord::APPLICATION_ID.to_string(), "type": 1,
           "token": "fake-ping-token", "version": 1})
}

fn text(body: &Value) -> String {
    body["data"].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_ping_is_answered_and_anything_unsigned_or_altered_is_refused() {
    let replicas = Replicas::start(1).await;
    assert_eq!(replicas.signed(0, &ping()).await, (200, json!({"type": 1})));

    let body = fixtures::command("checkin", json!([option("minutes", json!(30))])).to_string();
    let mut wrong = signature_headers(&body, now().timestamp());
    wrong[0].1 = hex::encode([0u8; 64]);
    let altered = body.replace("30", "300");
    let stale = signature_headers(&body, now().timestamp() - 600);
    let cases = [
        ("no signature", body.clone(), Vec::new()),
        ("a wrong signature", body.clone(), wrong),
        ("an altered body", altered, signature_headers(&body, now().timestamp())),
        ("a stale timestamp", body.clone(), stale),
    ];
    for (case, sent, headers) in cases {
        assert_eq!(replicas.post(0, &sent, &headers).await.0, 401, "{case}");
    }
    let (_, checkin) = replicas.signed(0, &fixtures::command("checkin", json!([]))).await;
    assert!(!text(&checkin).contains("already checked in"), "nothing refused was run: {checkin}");
    let registered = replicas.fake.next_request("PUT", "/api/v10/applications/*/commands", WAIT).await;
    assert!(registered.is_ok(), "HTTP mode registers the commands too");
    replicas.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_answer_the_same_member_consistently_in_the_response_body() {
    let replicas = Replicas::start(2).await;
    let checkin = fixtures::command("checkin", json!([option("minutes", json!(45))]));
    let (status, first) = replicas.signed(0, &checkin).await;
    assert_eq!((status, first["type"].as_u64()), (200, Some(4)), "{first}");
    assert!(text(&first).contains("45 minutes"), "{first}");
    assert!(first["data"]["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0), "a personal answer is ephemeral");
    let (_, again) = replicas.signed(1, &fixtures::command("checkin", json!([]))).await;
    assert!(text(&again).contains("already checked in today"), "the other replica sees the check-in: {again}");

    let (_, faq) =
        replicas.signed(0, &fixtures::command("faq", json!([option("question", json!("what is rest"))]))).await;
    assert_eq!(faq["type"], 4);
    assert!(faq["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL == 0, "an FAQ answer is public: {faq}");
    let complete = fixtures::autocomplete("faq", json!([option("question", json!("docker"))]));
    let (_, choices) = replicas.signed(1, &complete).await;
    assert_eq!(choices["type"], 8, "{choices}");
    assert!(!choices["data"]["choices"].as_array().expect("choices").is_empty(), "{choices}");

    let (_, opened) = replicas.signed(0, &fixtures::component("roadmap:open:2")).await;
    assert_eq!(opened["type"], 7, "a click redraws its message: {opened}");
    assert!(text(&opened).contains("roadmap:open:3"), "step 2 links on to step 3: {opened}");
    replicas.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_with_a_heatmap_is_deferred_in_the_body_and_follows_by_rest() {
    let replicas = Replicas::start(2).await;
    replicas.signed(0, &fixtures::command("checkin", json!([option("minutes", json!(20))]))).await;
    let (status, deferred) = replicas.signed(1, &fixtures::command("streak", json!([]))).await;
    assert_eq!((status, deferred["type"].as_u64()), (200, Some(5)), "{deferred}");
    assert!(deferred["data"]["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0), "deferred privately");
    let followup = replicas.fake.next_request("POST", "/api/v10/webhooks/*/*", WAIT).await.expect("the answer follows");
    assert!(followup.body.to_string().contains("1 day"), "{}", followup.body);
    replicas.finish().await;
}
