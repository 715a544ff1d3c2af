//! A mentor connected to a fake Slack for the Slack end-to-end tests: started through the
//! composition root with a fixed clock, stopped with an assertion that the fake saw no
//! violation, and the words of a Block Kit message with markup set aside.

use crate::common::{at, spawn_app, TestApp};
use crate::fake_slack::{FakeSlack, APP_TOKEN, BOT_TOKEN};
use backend_mentor::clock::Clock;
use backend_mentor::config::{SchedulerConfig, Secret, SlackConfig, SlackMode};
use backend_mentor::slack::SlackFrontEnd;
use backend_mentor::startup::Root;
use serde_json::Value;
use std::time::Duration;
use tokio::sync::oneshot;

pub const WAIT: Duration = Duration::from_secs(20);
pub const TEAM: &str = "T0LEARN";

/// A mentor connected to a fake Slack, with its database and a way to stop it.
pub struct SlackBot {
    pub fake: FakeSlack,
    pub t: TestApp,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl SlackBot {
    pub async fn start() -> SlackBot {
        SlackBot::start_with(SchedulerConfig::default()).await
    }

    /// Started with these scheduler settings (the schedule tests tick every second).
    pub async fn start_with(scheduling: SchedulerConfig) -> SlackBot {
        SlackBot::start_in(scheduling, SlackMode::Socket { app_token: Secret::new(APP_TOKEN) }).await
    }

    /// Started in this mode; in HTTP mode there is no connection to wait for.
    pub async fn start_in(scheduling: SchedulerConfig, mode: SlackMode) -> SlackBot {
        let socket_mode = matches!(mode, SlackMode::Socket { .. });
        let fake = FakeSlack::start().await;
        let t = spawn_app().await;
        let config = SlackConfig { bot_token: Secret::new(BOT_TOKEN), mode, api_url: Some(fake.api_url()) };
        let (stop, stopped) = oneshot::channel::<()>();
        let app = t.app.clone();
        let task = tokio::spawn(async move {
            let mut root = Root::new(app, Clock::fixed(at(2026, 3, 2, 12, 0)), scheduling);
            root.start(SlackFrontEnd::new(&config).expect("the Slack client"));
            root.run(async move {
                let _ = stopped.await;
            })
            .await
        });
        if socket_mode {
            assert!(fake.wait_until_connected(WAIT).await, "the client opens its Socket Mode connection");
        }
        SlackBot { fake, t, stop: Some(stop), task }
    }

    pub async fn mentor(&self, user: &str, text: &str) -> Value {
        self.fake.slash(TEAM, user, text, WAIT).await.unwrap_or_else(|| panic!("no ack for /mentor {text}"))
    }

    /// Stops the mentor and asserts Slack would have accepted everything it sent.
    pub async fn finish(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.task.await.unwrap().expect("the mentor stops cleanly");
        assert_eq!(self.fake.violations(), Vec::<String>::new());
    }
}

/// Every text of a message's blocks, markup aside, in order.
pub fn words(message: &Value) -> String {
    let mut out = Vec::new();
    for block in message["blocks"].as_array().expect("blocks") {
        let texts = [&block["text"]].into_iter().chain(block["fields"].as_array().into_iter().flatten());
        let elements = block["elements"].as_array().into_iter().flatten();
        for text in texts.chain(elements) {
            if let Some(t) = text["text"].as_str() {
                out.push(t.to_string());
            }
        }
    }
    // As Slack shows them: its three escapes decoded.
    unmarked(&out.join("\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
}

/// Text with markup and spacing set aside, to compare answers across front ends.
pub fn unmarked(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase()
}
