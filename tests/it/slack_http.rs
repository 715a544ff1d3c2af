//! HTTP mode end to end: Slack's signed POSTs to the mentor's own listener, the answer in the
//! response, a click's redraw through the fake's `response_url`. A valid signature is served; a
//! wrong signature, a body altered after signing, a timestamp six minutes old and a missing
//! header are each a 401 with nothing executed (the check-ins they carried are not stored).
//! Signatures are made with the real clock, which Slack's timestamps follow.

use crate::fake_slack::envelopes::{self, action_ids};
use crate::slack_bot::{unmarked, words, SlackBot, TEAM, WAIT};
use backend_mentor::config::{SchedulerConfig, Secret, SlackMode};
use hmac::{Hmac, Mac};
use serde_json::Value;
use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";

struct Signed {
    bot: SlackBot,
    address: SocketAddr,
    http: reqwest::Client,
}

fn now_seconds() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`, as Slack signs.
fn signature(timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("v0:{timestamp}:{body}").as_bytes());
    format!("v0={}", hex::encode(mac.finalize().into_bytes()))
}

fn form(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).unwrap()
}

impl Signed {
    async fn start() -> Signed {
        let address = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        let mode = SlackMode::Http { signing_secret: Secret::new(SECRET), listen: address };
        let bot = SlackBot::start_in(SchedulerConfig::default(), mode).await;
        let http = reqwest::Client::new();
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(address).await.is_ok() {
                return Signed { bot, address, http };
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the HTTP listener did not open");
    }

    /// POSTs `body` to `path` with these headers (signature, timestamp), returns status and body.
    async fn post(&self, path: &str, body: &str, headers: Option<(String, i64)>) -> (u16, String) {
        let mut request = self.http.post(format!("http://{}{path}", self.address)).body(body.to_string());
        if let Some((signature, timestamp)) = headers {
            request = request.header("x-slack-signature", signature).header("x-slack-request-timestamp", timestamp);
        }
        let response = request.send().await.expect("the listener answers");
        (response.status().as_u16(), response.text().await.unwrap())
    }

    async fn signed(&self, path: &str, body: &str) -> (u16, String) {
        let timestamp = now_seconds();
        self.post(path, body, Some((signature(timestamp, body), timestamp))).await
    }

    fn command(&self, user: &str, text: &str) -> String {
        let response_url = self.bot.fake.response_url(&format!("http-{user}"));
        form(&[
            ("team_id", TEAM),
            ("channel_id", envelopes::CHANNEL),
            ("user_id", user),
            ("command", "/mentor"),
            ("text", text),
            ("response_url", &response_url),
            ("trigger_id", "1.2.3"),
            ("api_app_id", "A0MENTOR"),
        ])
    }

    async fn mentor(&self, user: &str, text: &str) -> Value {
        let (status, body) = self.signed("/slack/commands", &self.command(user, text)).await;
        assert_eq!(status, 200, "{body}");
        let answer: Value = serde_json::from_str(&body).expect("a JSON message");
        if answer.get("text").is_some() || answer.get("blocks").is_some() {
            return answer;
        }
        let deferred = self.bot.fake.take_deferred_answer(&format!("http-{user}"), WAIT).await;
        deferred.expect("an empty response is followed by the answer")
    }
}

#[tokio::test]
async fn a_signed_command_is_answered_in_the_response() {
    let s = Signed::start().await;
    let answer = s.mentor("U0ADA", "faq which language should I learn first").await;
    assert_eq!(answer["response_type"], "in_channel");
    assert!(words(&answer).len() > 200, "{answer}");
    s.bot.finish().await;
}

#[tokio::test]
async fn unsigned_altered_stale_or_headerless_requests_get_401_and_run_nothing() {
    let s = Signed::start().await;
    let body = s.command("U0ADA", "checkin 30");
    let now = now_seconds();
    let wrong = s.post("/slack/commands", &body, Some(("v0=".to_string() + &"0".repeat(64), now))).await;
    let altered_body = s.command("U0ADA", "checkin 45");
    let altered = s.post("/slack/commands", &altered_body, Some((signature(now, &body), now))).await;
    let old = now - 6 * 60;
    let stale = s.post("/slack/commands", &body, Some((signature(old, &body), old))).await;
    let headerless = s.post("/slack/commands", &body, None).await;
    for (name, (status, answer)) in
        [("wrong", wrong), ("altered", altered), ("stale", stale), ("headerless", headerless)]
    {
        assert_eq!(status, 401, "{name}: {answer}");
        assert!(answer.is_empty(), "{name}: a 401 says nothing: {answer}");
    }
    let streak = s.mentor("U0ADA", "streak").await;
    assert!(words(&streak).contains(&unmarked("0 days")), "no refused check-in was stored: {streak}");
    s.bot.finish().await;
}

#[tokio::test]
async fn a_signed_click_redraws_the_message_and_events_are_verified_and_acknowledged() {
    let s = Signed::start().await;
    let step = s.mentor("U0ADA", "roadmap 2").await;
    let done = action_ids(&step).into_iter().find(|(id, _)| id == "roadmap:set:2:done").expect("the Done button").0;
    let response_url = s.bot.fake.response_url("click");
    let envelope = envelopes::click("unused", TEAM, "U0ADA", &done, None, &response_url);
    let (status, _) = s.signed("/slack/interactivity", &form(&[("payload", &envelope["payload"].to_string())])).await;
    assert_eq!(status, 200);
    let redrawn = &s.bot.fake.wait_for_follow_ups(1, WAIT).await[0];
    assert_eq!(redrawn["replace_original"], true, "{redrawn}");

    let challenge =
        r#"{"type":"url_verification","token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}"#;
    let (status, answer) = s.signed("/slack/events", challenge).await;
    assert_eq!((status, answer.contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")), (200, true));
    let retried = r#"{"type":"event_callback","event_id":"Ev0RETRY","event":{"type":"app_mention"}}"#;
    assert_eq!(s.signed("/slack/events", retried).await.0, 200);
    assert_eq!(s.signed("/slack/events", retried).await.0, 200, "a retry is acknowledged too");
    assert_eq!(s.post("/slack/events", retried, None).await.0, 401);
    s.bot.finish().await;
}
