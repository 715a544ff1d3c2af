//! The real slack-morphism client in Socket Mode against the fake Slack on 127.0.0.1: `/mentor`
//! subcommands answered inside the ack as Block Kit within Slack's limits, personal answers
//! ephemeral and answers to questions in the channel, moderator commands for workspace admins
//! only (one `users.info` per member, then kept), a typo answered with a suggestion in Slack's syntax, a long answer split into
//! messages, and the same answer text as the console. Each test ends by asserting the fake saw
//! no violation.

use crate::common::at;
use crate::slack_bot::{unmarked, words, SlackBot, TEAM, WAIT};
use backend_mentor::clock::Clock;
use backend_mentor::console::Console;
use serde_json::Value;
use std::time::Duration;

#[tokio::test]
async fn faq_answers_inside_the_ack_with_the_console_s_words() {
    let bot = SlackBot::start().await;
    let ack = bot.mentor("U0ADA", "faq which language should I learn first").await;
    // An answer to a question helps the whole channel, as on Discord.
    assert_eq!(ack["response_type"], "in_channel", "{ack}");
    assert!(!ack["text"].as_str().unwrap_or("").is_empty(), "a notification fallback");
    let console = Console::new(bot.t.app.clone(), "ada", Clock::fixed(at(2026, 3, 2, 12, 0)));
    let typed = console.handle("/faq which language should I learn first").await.text;
    // The console writes commands as /faq, Slack as /mentor faq: compare the answer's words.
    let console_words = unmarked(&typed.replace("/", "/mentor "));
    let slack_words = words(&ack);
    assert!(slack_words.len() > 200, "{slack_words}");
    assert_eq!(slack_words, console_words.replace("mentormentor", "mentor"));
    bot.finish().await;
}

#[tokio::test]
async fn a_check_in_is_stored_for_the_slack_member_and_the_streak_counts_it() {
    let bot = SlackBot::start().await;
    let ack = bot.mentor("U0ADA", "checkin 30 read a chapter on indexes").await;
    assert!(words(&ack).contains("30"), "{ack}");
    // Acked empty while the zone was learned, then answered through response_url, which Slack
    // shows only to the member unless told otherwise.
    assert_ne!(ack["response_type"], "in_channel", "a member's own record is theirs to see");
    assert_eq!(bot.fake.calls_of("users.info"), 1, "the member's zone was asked for first");
    let second = bot.mentor("U0ADA", "checkin 10").await;
    assert_eq!(second["response_type"], "ephemeral", "{second}");
    let streak = bot.mentor("U0ADA", "streak").await;
    assert!(words(&streak).contains(&unmarked("1 day")), "{streak}");
    let other = bot.mentor("U0BOB", "streak").await;
    assert!(words(&other).contains(&unmarked("0 days")), "another member starts at zero: {other}");
    bot.finish().await;
}

#[tokio::test]
async fn a_typo_gets_a_suggestion_in_slack_syntax_and_nothing_runs() {
    let bot = SlackBot::start().await;
    let ack = bot.mentor("U0ADA", "chekin 30").await;
    let text = words(&ack);
    assert!(text.contains(&unmarked("Did you mean /mentor checkin")), "{ack}");
    assert_eq!(ack["response_type"], "ephemeral");
    let streak = bot.mentor("U0ADA", "streak").await;
    assert!(words(&streak).contains(&unmarked("0 days")), "the typo stored nothing: {streak}");
    bot.finish().await;
}

#[tokio::test]
async fn the_whole_roadmap_fits_slack_limits_and_compare_is_answered() {
    let bot = SlackBot::start().await;
    for text in ["roadmap", "roadmap 4", "compare postgres mongo", "career", "help", "prompt"] {
        let ack = bot.mentor("U0ADA", text).await;
        assert!(ack["blocks"].as_array().is_some_and(|b| !b.is_empty()), "/mentor {text}: {ack}");
    }
    bot.finish().await;
}

#[test]
fn the_manifest_asks_for_what_the_code_uses_and_nothing_more() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string("slack/manifest.json").unwrap()).expect("the manifest is JSON");
    let strings = |value: &Value| -> Vec<String> {
        let mut all: Vec<String> = value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        all.sort();
        all
    };
    let mut scopes: Vec<String> = backend_mentor::slack::BOT_SCOPES.iter().map(|s| s.to_string()).collect();
    scopes.sort();
    assert_eq!(strings(&manifest["oauth_config"]["scopes"]["bot"]), scopes);
    let commands: Vec<&str> = manifest["features"]["slash_commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(commands, backend_mentor::slack::SLASH_COMMANDS);
    assert_eq!(manifest["settings"]["socket_mode_enabled"], true, "the code connects in Socket Mode");
    assert_eq!(manifest["settings"]["interactivity"]["is_enabled"], true, "the code answers buttons and menus");
    for command in manifest["features"]["slash_commands"].as_array().unwrap() {
        assert!(command["description"].as_str().unwrap().chars().count() <= 100, "Slack's limit for a description");
    }
    let events = strings(&manifest["settings"]["event_subscriptions"]["bot_events"]);
    assert_eq!(events, backend_mentor::slack::BOT_EVENTS, "the events the code answers");
    assert_eq!(manifest["features"]["app_home"]["home_tab_enabled"], true, "the code publishes a Home tab");
    let shortcuts: Vec<&str> = manifest["features"]["shortcuts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["callback_id"].as_str().unwrap())
        .collect();
    assert_eq!(shortcuts, [backend_mentor::slack::CHECK_IN_SHORTCUT], "the shortcuts the code answers");
}

#[tokio::test]
async fn a_moderator_command_is_refused_for_a_member_and_allowed_for_a_workspace_admin() {
    let bot = SlackBot::start().await;
    bot.fake.make_admin("U0ADMIN");
    let refused = bot.mentor("U0ADA", "setup").await;
    assert_eq!(refused["response_type"], "ephemeral");
    let allowed = bot.mentor("U0ADMIN", "setup").await;
    assert_ne!(words(&refused), words(&allowed), "the admin sees the settings: {allowed}");
    assert!(words(&refused).contains(&unmarked("Only moderators")), "{refused}");
    assert!(!words(&allowed).contains(&unmarked("Only moderators")), "{allowed}");
    bot.mentor("U0ADMIN", "setup").await;
    assert_eq!(bot.fake.calls_of("users.info"), 2, "one lookup per member, then the kept answer");
    bot.mentor("U0ADA", "faq is a degree required").await;
    assert_eq!(bot.fake.calls_of("users.info"), 2, "commands that consult no rights ask Slack nothing");
    bot.finish().await;
}

#[tokio::test]
async fn the_streak_heatmap_is_uploaded_after_the_ack_to_the_member_s_direct_messages() {
    let bot = SlackBot::start().await;
    bot.mentor("U0ADA", "checkin 30").await;
    let streak = bot.mentor("U0ADA", "streak").await;
    assert_eq!(streak["response_type"], "ephemeral", "{streak}");
    let completed = bot.fake.wait_for_calls("files.completeUploadExternal", 1, crate::slack_bot::WAIT).await;
    assert_eq!(completed.len(), 1, "the upload is completed once");
    assert_eq!(
        completed[0]["channel_id"], "D00ADA",
        "a private answer's file goes to the member alone: {}",
        completed[0]
    );
    let uploads = bot.fake.uploads();
    let bytes = uploads.values().next().expect("the bytes were uploaded");
    assert!(bytes.starts_with(b"\x89PNG\r\n"), "a PNG image");
    let asked = &bot.fake.calls("files.getUploadURLExternal")[0];
    assert_eq!(asked["length"], bytes.len().to_string(), "the announced length is the uploaded one");
    bot.finish().await;
}

#[tokio::test]
async fn a_member_s_days_count_in_their_slack_zone_unless_they_chose_one() {
    let bot = SlackBot::start().await;
    bot.mentor("U0ADA", "faq is a degree required").await;
    assert_eq!(bot.fake.calls_of("users.info"), 0, "a question needs no zone");
    // 12:00 UTC is 13:00 in Berlin, the fake profile's zone: the check-in's day is 2 March.
    bot.mentor("U0ADA", "checkin 30").await;
    let settings = bot.mentor("U0ADA", "settings").await;
    // The footer's example names Europe/Berlin too: read the sentence that names the zone.
    assert!(words(&settings).contains(&unmarked("counted in Europe/Berlin")), "Slack's zone was adopted: {settings}");
    bot.mentor("U0ADA", "streak").await;
    assert_eq!(bot.fake.calls_of("users.info"), 1, "asked once per member");
    bot.mentor("U0BOB", "settings timezone:Asia/Tokyo").await;
    bot.mentor("U0BOB", "checkin 20").await;
    let chosen = bot.mentor("U0BOB", "settings").await;
    assert!(words(&chosen).contains(&unmarked("counted in Asia/Tokyo")), "a chosen zone is kept: {chosen}");
    assert_eq!(bot.fake.calls_of("users.info"), 1, "a member who chose a zone is not asked");
    // 12:00 UTC on 2 March is 02:00 on 3 March on Kiritimati (UTC+14): that is the day counted.
    bot.fake.set_zone("U0KIR", Some("Pacific/Kiritimati"));
    bot.mentor("U0KIR", "checkin 15").await;
    let history = words(&bot.mentor("U0KIR", "history").await);
    assert!(history.contains("tue20260303"), "the check-in counts on Kiritimati's Tuesday: {history}");
    // A profile without a zone keeps the space's default.
    bot.fake.set_zone("U0NUL", None);
    bot.mentor("U0NUL", "checkin 15").await;
    let plain = bot.mentor("U0NUL", "settings").await;
    assert!(words(&plain).contains(&unmarked("counted in UTC")), "{plain}");
    bot.finish().await;
}

#[tokio::test]
async fn an_admin_names_a_moderator_and_study_groups_are_channels() {
    let bot = SlackBot::start().await;
    bot.fake.make_admin("U0ADMIN");
    let refused = bot.mentor("U0BOB", "setup").await;
    assert!(words(&refused).contains(&unmarked("Only moderators")), "{refused}");
    let named = bot.mentor("U0ADMIN", "setup moderator add <@U0BOB|bob>").await;
    assert!(words(&named).contains(&unmarked("Named moderators")), "{named}");
    assert!(named.to_string().contains("<@U0BOB>"), "the member is shown as a mention: {named}");
    let allowed = bot.mentor("U0BOB", "setup").await;
    assert!(words(&allowed).contains(&unmarked("Settings for this space")), "a named moderator may: {allowed}");
    bot.mentor("U0ADMIN", "setup moderator remove <@U0BOB|bob>").await;
    let again = bot.mentor("U0BOB", "setup").await;
    assert!(words(&again).contains(&unmarked("Only moderators")), "the naming was taken back: {again}");
    let joined = bot.mentor("U0ADA", "group join").await;
    assert!(words(&joined).contains(&unmarked("joined #learning")), "the channel it was typed in: {joined}");
    let other = bot.mentor("U0ADA", "group join <#C0RUST|rust>").await;
    assert!(words(&other).contains(&unmarked("joined #rust")), "{other}");
    let plain = bot.mentor("U0ADA", "group join rustaceans").await;
    assert!(words(&plain).contains(&unmarked("a study group here is a channel")), "{plain}");
    bot.finish().await;
}

#[tokio::test]
async fn an_answer_still_finishing_after_its_ack_is_delivered_before_the_mentor_stops() {
    let bot = SlackBot::start().await;
    let fake = bot.fake.clone();
    // A new member's check-in is acked empty and finished afterwards (their zone comes first).
    let (id, ack) = fake.slash_ack(TEAM, "U0ADA", "checkin 30", WAIT).await.expect("acked");
    assert!(ack.get("blocks").is_none(), "acked empty: {ack}");
    bot.finish().await;
    // Stopping waited for that work instead of closing the database under it.
    let answer = fake.take_deferred_answer(&id, Duration::from_millis(200)).await.expect("answered before stopping");
    assert!(words(&answer).contains("30"), "the check-in itself, not an apology: {answer}");
}
