//! Slack's own surfaces end to end: the Home tab published when a member opens it (and again
//! after a form saves), the settings modal opened from it and submitted (a bad zone shown under
//! its field with nothing saved), and the "Log a check-in" shortcut's modal, whose answer comes
//! by direct message. Each test ends by asserting the fake saw no violation.

use crate::slack_bot::{unmarked, words, SlackBot, TEAM, WAIT};
use serde_json::{json, Value};

fn text(value: &str) -> Value {
    json!({ "type": "plain_text_input", "value": value })
}

fn option(value: &str) -> Value {
    json!({ "text": { "type": "plain_text", "text": value }, "value": value })
}

/// The settings a member picks in the modal.
fn settings(zone: &str, time: &str, days: &[&str]) -> Value {
    json!({
        "zone": { "zone": text(zone) },
        "nudges": { "nudges": { "type": "radio_buttons", "selected_option": option("on") } },
        "time": { "time": { "type": "timepicker", "selected_time": time } },
        "days": { "days": { "type": "checkboxes", "selected_options": days.iter().map(|d| option(d)).collect::<Vec<_>>() } },
        "snooze": { "snooze": { "type": "datepicker" } },
    })
}

async fn opened_view(bot: &SlackBot, count: usize) -> Value {
    bot.fake.wait_for_calls("views.open", count, WAIT).await[count - 1]["view"].clone()
}

#[tokio::test]
async fn the_home_tab_shows_the_member_s_day_and_is_redrawn_after_a_check_in() {
    let bot = SlackBot::start().await;
    assert!(bot.fake.open_home(TEAM, "U0ADA", WAIT).await);
    let home = &bot.fake.wait_for_calls("views.publish", 1, WAIT).await[0];
    assert_eq!(home["user_id"], "U0ADA");
    assert_eq!(home["view"]["type"], "home");
    let shown = words(&home["view"]);
    for expected in
        ["Your study mentor", "Current streak", "Not checked in yet. Today ends", "Today's prompt", "Nudges are off"]
    {
        assert!(shown.contains(&unmarked(expected)), "{expected}: {shown}");
    }
    // The profile's zone was adopted on opening: the day ends at midnight in Berlin.
    assert!(shown.contains("europeberlin"), "{shown}");
    bot.mentor("U0ADA", "checkin 30").await;
    bot.mentor("U0ADA", "nudges on 19:00").await;
    assert!(bot.fake.open_home(TEAM, "U0ADA", WAIT).await);
    let again = words(&bot.fake.wait_for_calls("views.publish", 2, WAIT).await[1]["view"]);
    assert!(again.contains(&unmarked("Checked in. Well done!")), "{again}");
    assert!(!again.contains(&unmarked("Nudges are off")), "the next nudge is shown: {again}");
    bot.finish().await;
}

#[tokio::test]
async fn the_settings_modal_saves_the_zone_and_nudges_and_refuses_an_unknown_zone_under_its_field() {
    let bot = SlackBot::start().await;
    assert!(bot.fake.click(TEAM, "U0ADA", "home:settings", None, WAIT).await);
    let modal = opened_view(&bot, 1).await;
    assert_eq!(modal["type"], "modal");
    let refused = bot.fake.submit_view(TEAM, "U0ADA", &modal, settings("Mars/Olympus", "08:15", &["mon"]), WAIT).await;
    let refused = refused.expect("an ack");
    assert_eq!(refused["response_action"], "errors", "{refused}");
    assert!(refused["errors"]["zone"].as_str().is_some_and(|e| e.contains("Mars/Olympus")), "{refused}");
    assert_eq!(bot.fake.calls_of("views.publish"), 0, "nothing was saved, so nothing redrawn");
    let saved =
        bot.fake.submit_view(TEAM, "U0ADA", &modal, settings("Asia/Tokyo", "08:15", &["mon", "wed"]), WAIT).await;
    assert_eq!(saved.expect("an ack")["response_action"], "clear", "the modal closes");
    bot.fake.wait_for_calls("views.publish", 1, WAIT).await;
    let shown = words(&bot.mentor("U0ADA", "settings").await);
    assert!(shown.contains(&unmarked("counted in Asia/Tokyo")), "{shown}");
    // Opened again, the modal starts from what was saved.
    assert!(bot.fake.click(TEAM, "U0ADA", "home:settings", None, WAIT).await);
    let reopened = opened_view(&bot, 2).await;
    let element = |block: &str| {
        let blocks = reopened["blocks"].as_array().unwrap();
        blocks.iter().find(|b| b["block_id"] == block).expect("the block")["element"].clone()
    };
    assert_eq!(element("zone")["initial_value"], "Asia/Tokyo");
    assert_eq!(element("time")["initial_time"], "08:15");
    let days: Vec<Value> =
        element("days")["initial_options"].as_array().unwrap().iter().map(|o| o["value"].clone()).collect();
    assert_eq!(days, [json!("mon"), json!("wed")]);
    bot.finish().await;
}

#[tokio::test]
async fn the_check_in_shortcut_records_minutes_and_a_note_and_answers_by_direct_message() {
    let bot = SlackBot::start().await;
    assert!(bot.fake.shortcut(TEAM, "U0ADA", backend_mentor::slack::CHECK_IN_SHORTCUT, WAIT).await);
    let modal = opened_view(&bot, 1).await;
    let long = json!({ "minutes": { "minutes": { "type": "number_input", "value": "45" } },
                       "note": { "note": text(&"n".repeat(5_000)) } });
    let refused = bot.fake.submit_view(TEAM, "U0ADA", &modal, long, WAIT).await.expect("an ack");
    assert!(refused["errors"]["note"].is_string(), "a 5,000-character note is refused under its field: {refused}");
    let fine = json!({ "minutes": { "minutes": { "type": "number_input", "value": "45" } },
                       "note": { "note": text("read about indexes") } });
    let saved = bot.fake.submit_view(TEAM, "U0ADA", &modal, fine, WAIT).await.expect("an ack");
    assert_eq!(saved["response_action"], "clear", "{saved}");
    let answer = &bot.fake.wait_for_calls("chat.postMessage", 1, WAIT).await[0];
    assert_eq!(answer["channel"], "D00ADA", "the answer goes to the member's direct messages");
    assert!(words(answer).contains(&unmarked("45 minutes")), "{answer}");
    let streak = words(&bot.mentor("U0ADA", "streak").await);
    assert!(streak.contains(&unmarked("1 day")), "{streak}");
    bot.finish().await;
}
