//! The real serenity/poise client against the fake Discord on 127.0.0.1: command registration,
//! each command's reply, autocomplete, the roadmap buttons, moderator checks, DMs, an internal
//! error shown as an apology, and a reconnect. The fake validates every request body against
//! Discord's OpenAPI description; each test ends by asserting it saw no violation.

use crate::common::{at, spawn_app, TestApp};
use crate::fake_discord::{fixtures, FakeDiscord, RecordedRequest};
use backend_mentor::clock::Clock;
use backend_mentor::config::{DiscordConfig, SchedulerConfig, Secret};
use backend_mentor::discord::DiscordFrontEnd;
use backend_mentor::startup::Root;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::sync::oneshot;

pub const WAIT: Duration = Duration::from_secs(20);
const CALLBACK: &str = "/api/v10/interactions/*/*/callback";
const EPHEMERAL: u64 = 1 << 6;

/// A bot connected to a fake Discord, with its database and a way to stop it.
pub struct Bot {
    pub fake: FakeDiscord,
    pub t: TestApp,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Bot {
    pub async fn start(guild_id: Option<u64>) -> Bot {
        Bot::start_with(guild_id, SchedulerConfig::default()).await
    }

    /// A bot whose scheduler runs with these settings (the tests use a one-second tick).
    pub async fn start_with(guild_id: Option<u64>, scheduling: SchedulerConfig) -> Bot {
        Bot::start_on(FakeDiscord::start().await, guild_id, scheduling).await
    }

    /// A bot on a fake that was already told how to fail (e.g. the first command registration).
    pub async fn start_on(fake: FakeDiscord, guild_id: Option<u64>, scheduling: SchedulerConfig) -> Bot {
        let t = spawn_app().await;
        let config = DiscordConfig {
            token: Secret::new("fake-token"),
            guild_id,
            api_proxy: Some(fake.base_url()),
            shards: None,
            interactions: None,
        };
        let clock = Clock::fixed(at(2026, 3, 2, 12, 0));
        let (stop, stopped) = oneshot::channel::<()>();
        let app = t.app.clone();
        let task = tokio::spawn(async move {
            let mut root = Root::new(app, clock, scheduling);
            root.start(DiscordFrontEnd::new(&config));
            root.run(async move {
                let _ = stopped.await;
            })
            .await
        });
        fake.wait_until_ready(WAIT).await.expect("the bot connects to the fake gateway");
        Bot { fake, t, stop: Some(stop), task }
    }

    /// Sends an interaction and returns the bot's first answer to it.
    pub async fn answer(&self, interaction: Value) -> RecordedRequest {
        self.fake.send_interaction(interaction).await;
        self.fake.next_request("POST", CALLBACK, WAIT).await.expect("the bot answers the interaction")
    }

    /// Stops the bot gracefully and asserts every request it made was valid.
    pub async fn finish(self) {
        self.stop().await;
    }

    /// `finish`, keeping the fake (to count what it received) and the database folder.
    pub async fn stop(mut self) -> (FakeDiscord, TestApp) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let result = tokio::time::timeout(WAIT, &mut self.task).await.expect("the bot stops in time");
        result.expect("the bot task does not panic").expect("the bot stops cleanly");
        let violations = self.fake.violations();
        assert!(violations.is_empty(), "requests Discord would refuse:\n{}", violations.join("\n"));
        (self.fake, self.t)
    }
}

pub fn option(name: &str, value: Value) -> Value {
    let kind = if value.is_string() { 3 } else { 4 };
    json!({ "name": name, "type": kind, "value": value })
}

pub fn embed(request: &RecordedRequest) -> &Value {
    &request.body["data"]["embeds"][0]
}

fn is_ephemeral(request: &RecordedRequest) -> bool {
    request.body["data"]["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0)
}

pub fn text_of(request: &RecordedRequest) -> String {
    request.body["data"].to_string()
}

#[tokio::test]
async fn every_command_is_registered_globally_with_valid_descriptions() {
    let bot = Bot::start(None).await;
    let request =
        bot.fake.next_request("PUT", "/api/v10/applications/*/commands", WAIT).await.expect("commands were registered");
    assert!(
        request.path.ends_with(&format!("/applications/{}/commands", FakeDiscord::APPLICATION_ID)),
        "{}",
        request.path
    );
    let commands = request.body.as_array().expect("a list of commands");
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    for expected in ["roadmap", "compare", "faq", "prompt", "checkin", "streak", "settings", "setup", "help"] {
        assert!(names.contains(&expected), "{expected} is missing from {names:?}");
    }
    let setup = commands.iter().find(|c| c["name"] == "setup").unwrap();
    assert_eq!(setup["default_member_permissions"], "32", "moderator commands are hidden behind Manage Server");
    let identify = bot.fake.identify_payload().expect("the bot identified");
    assert_eq!(identify["intents"], 1, "only the non-privileged GUILDS intent: no message content, no members");
    let faq = commands.iter().find(|c| c["name"] == "faq").unwrap();
    assert_eq!(faq["options"][0]["autocomplete"], true);
    bot.finish().await;
}

#[tokio::test]
async fn with_a_guild_id_commands_are_registered_in_that_server_only() {
    let bot = Bot::start(Some(800000000000000001)).await;
    let put = bot
        .fake
        .next_request("PUT", "/api/v10/applications/*/guilds/*/commands", WAIT)
        .await
        .expect("commands were registered");
    assert!(put.path.ends_with("/guilds/800000000000000001/commands"), "{}", put.path);
    bot.finish().await;
}

#[tokio::test]
async fn faq_answers_publicly_and_says_honestly_when_nothing_matches() {
    let bot = Bot::start(None).await;
    let answer = bot
        .answer(fixtures::command("faq", json!([option("question", json!("which language should I learn first"))])))
        .await;
    assert_eq!(answer.body["type"], 4);
    assert!(!is_ephemeral(&answer));
    assert!(embed(&answer)["description"].as_str().unwrap().contains("Python"));

    let miss =
        bot.answer(fixtures::command("faq", json!([option("question", json!("what is the weather in paris"))]))).await;
    assert!(is_ephemeral(&miss), "errors are ephemeral");
    assert!(text_of(&miss).contains("couldn't find"), "{}", text_of(&miss));
    bot.finish().await;
}

#[tokio::test]
async fn autocomplete_offers_at_most_25_choices_within_limits() {
    let bot = Bot::start(None).await;
    let focused = json!([{ "name": "question", "type": 3, "value": "data", "focused": true }]);
    let answer = bot.answer(fixtures::autocomplete("faq", focused)).await;
    assert_eq!(answer.body["type"], 8);
    let choices = answer.body["data"]["choices"].as_array().expect("choices");
    assert!(!choices.is_empty() && choices.len() <= 25, "{} choices", choices.len());
    assert!(choices.iter().all(|c| c["name"].as_str().unwrap().chars().count() <= 100));

    let tz = json!([{ "name": "timezone", "type": 3, "value": "berlin", "focused": true }]);
    let answer = bot.answer(fixtures::autocomplete("settings", tz)).await;
    assert_eq!(answer.body["data"]["choices"][0]["value"], "Europe/Berlin");
    bot.finish().await;
}

#[tokio::test]
async fn compare_prompt_help_checkin_and_streak_answer() {
    let bot = Bot::start(None).await;
    let compare = json!([option("a", json!("postgres")), option("b", json!("mongo"))]);
    let answer = bot.answer(fixtures::command("compare", compare)).await;
    assert_eq!(embed(&answer)["title"], "PostgreSQL vs MongoDB");

    let answer = bot.answer(fixtures::command("prompt", json!([]))).await;
    assert!(embed(&answer)["title"].as_str().unwrap().starts_with("Today's prompt"));

    let answer = bot.answer(fixtures::command("help", json!([]))).await;
    assert!(is_ephemeral(&answer));

    let checkin = json!([option("minutes", json!(45)), option("note", json!("@everyone indexes"))]);
    let answer = bot.answer(fixtures::command("checkin", checkin)).await;
    assert!(is_ephemeral(&answer), "personal answers are ephemeral");
    assert!(text_of(&answer).contains("45 minutes"));
    let again = bot.answer(fixtures::command("checkin", json!([]))).await;
    assert!(text_of(&again).contains("already checked in today"));
    let streak = bot.answer(fixtures::command("streak", json!([]))).await;
    assert!(text_of(&streak).contains("1 day"), "{}", text_of(&streak));
    bot.finish().await;
}

#[tokio::test]
async fn roadmap_buttons_move_between_steps_and_mark_progress() {
    let bot = Bot::start(None).await;
    let answer = bot.answer(fixtures::command("roadmap", json!([option("step", json!("4"))]))).await;
    assert!(embed(&answer)["title"].as_str().unwrap().starts_with("Step 4 of 8"));
    let buttons = &answer.body["data"]["components"][0]["components"];
    let ids: Vec<&str> = buttons.as_array().unwrap().iter().filter_map(|b| b["custom_id"].as_str()).collect();
    assert!(ids.contains(&"roadmap:set:4:done") && ids.contains(&"roadmap:open:5"), "{ids:?}");

    let done = bot.answer(fixtures::component("roadmap:set:4:done")).await;
    assert_eq!(done.body["type"], 7, "a click updates the message in place");
    assert!(text_of(&done).contains("Done"));
    let next = bot.answer(fixtures::component("roadmap:open:5")).await;
    assert!(embed(&next)["title"].as_str().unwrap().starts_with("Step 5 of 8"));

    let mut tick = fixtures::component("roadmap:topics:5");
    tick["data"]["component_type"] = json!(3);
    tick["data"]["values"] = json!(["1", "3"]);
    let ticked = bot.answer(tick).await;
    assert_eq!(ticked.body["type"], 7);
    assert!(text_of(&ticked).contains("Checklist (2 of"), "{}", text_of(&ticked));

    let overview = bot.answer(fixtures::command("roadmap", json!([]))).await;
    assert!(embed(&overview)["title"].as_str().unwrap().contains("12% complete"), "{}", text_of(&overview));
    bot.finish().await;
}

#[tokio::test]
async fn a_moderator_command_is_refused_for_a_member_and_allowed_for_a_moderator() {
    let bot = Bot::start(None).await;
    let show = json!([{ "name": "show", "type": 1, "options": [] }]);
    let refused = bot.answer(fixtures::command("setup", show.clone())).await;
    assert!(is_ephemeral(&refused));
    assert!(text_of(&refused).contains("Only moderators"), "{}", text_of(&refused));

    let zone = json!([{ "name": "timezone", "type": 1, "options": [option("zone", json!("Asia/Kolkata"))] }]);
    let allowed = bot.answer(fixtures::command_as_moderator("setup", zone)).await;
    assert!(text_of(&allowed).contains("Asia/Kolkata"), "{}", text_of(&allowed));
    bot.finish().await;
}

#[tokio::test]
async fn in_direct_messages_personal_commands_work_and_server_commands_explain() {
    let bot = Bot::start(None).await;
    let answer = bot.answer(fixtures::command_in_dm("checkin", json!([]))).await;
    assert!(text_of(&answer).contains("Checked in"), "{}", text_of(&answer));
    let show = json!([{ "name": "show", "type": 1, "options": [] }]);
    let answer = bot.answer(fixtures::command_in_dm("setup", show)).await;
    assert!(text_of(&answer).contains("works in a server"), "{}", text_of(&answer));
    bot.finish().await;
}

#[tokio::test]
async fn an_internal_error_is_shown_as_an_apology_without_its_text() {
    let bot = Bot::start(None).await;
    bot.t.app.close().await;
    let answer = bot.answer(fixtures::command("streak", json!([]))).await;
    assert!(is_ephemeral(&answer));
    let shown = text_of(&answer);
    assert!(shown.contains("Sorry, something went wrong"), "{shown}");
    assert!(!shown.to_lowercase().contains("pool") && !shown.contains("sqlx"), "raw error text leaked: {shown}");
    bot.finish().await;
}

#[tokio::test]
async fn the_bot_resumes_after_the_socket_drops_and_keeps_answering() {
    let bot = Bot::start(None).await;
    let before = bot.fake.identify_count() + bot.fake.resume_count();
    bot.fake.drop_socket().await;
    bot.fake.wait_until_ready(WAIT).await.expect("the bot reconnects");
    let reconnects = bot.fake.identify_count() + bot.fake.resume_count();
    assert!(reconnects > before, "expected a RESUME or a new IDENTIFY");
    let answer = bot.answer(fixtures::command("help", json!([]))).await;
    assert_eq!(answer.body["type"], 4);
    bot.finish().await;
}
