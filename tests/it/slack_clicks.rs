//! Clicks on a Slack answer's buttons and menus, through the real slack-morphism client in
//! Socket Mode: the envelope acked, the message redrawn through `response_url` with
//! `replace_original`, what the click did stored; a moderator's page refused for a member as a
//! new private message, the clicked message left as it was.

use crate::fake_slack::envelopes::action_ids;
use crate::slack_bot::{unmarked, words, SlackBot, TEAM, WAIT};
use serde_json::Value;

/// The `action_id` of the element whose id starts with `prefix`, as the bot drew it.
fn control(message: &Value, prefix: &str) -> String {
    let ids = action_ids(message);
    ids.iter()
        .find(|(id, _)| id.starts_with(prefix))
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("no {prefix} in {ids:?}"))
}

/// The button of a redrawn message with this action id.
fn button<'a>(message: &'a Value, id: &str) -> &'a Value {
    let blocks = message["blocks"].as_array().expect("blocks");
    blocks
        .iter()
        .flat_map(|b| b["elements"].as_array().into_iter().flatten())
        .find(|e| e["action_id"] == id)
        .expect("the button")
}

#[tokio::test]
async fn marking_a_step_done_redraws_the_message_in_place_and_counts_in_the_roadmap() {
    let bot = SlackBot::start().await;
    let step = bot.mentor("U0ADA", "roadmap 2").await;
    let done = control(&step, "roadmap:set:2:done");
    control(&step, "roadmap:open:1");
    control(&step, "roadmap:open:3");
    let first = bot.mentor("U0ADA", "roadmap 1").await;
    assert!(action_ids(&first).iter().all(|(id, _)| id != "roadmap:open:1"), "no Previous before step 1: {first}");
    assert!(bot.fake.click(TEAM, "U0ADA", &done, None, WAIT).await, "the click is acked");
    let posts = bot.fake.wait_for_follow_ups(1, WAIT).await;
    let redrawn = &posts[0];
    assert_eq!(redrawn["replace_original"], true, "{redrawn}");
    assert_eq!(button(redrawn, &done)["style"], "primary", "the chosen status stands out: {redrawn}");
    let overview = bot.mentor("U0ADA", "roadmap").await;
    assert!(!words(&overview).contains(&unmarked("0% complete")), "one step of the roadmap is done: {overview}");
    bot.finish().await;
}

#[tokio::test]
async fn ticking_checklist_topics_keeps_them_ticked_on_the_next_look() {
    let bot = SlackBot::start().await;
    let step = bot.mentor("U0ADA", "roadmap 3").await;
    let menu = control(&step, "roadmap:topics:3");
    assert!(bot.fake.click(TEAM, "U0ADA", &menu, Some(&["1", "2"]), WAIT).await);
    let redrawn = &bot.fake.wait_for_follow_ups(1, WAIT).await[0];
    assert_eq!(redrawn["replace_original"], true);
    let again = bot.mentor("U0ADA", "roadmap 3").await;
    let accessory =
        again["blocks"].as_array().unwrap().iter().find_map(|b| b.get("accessory")).expect("the checklist menu");
    let ticked: Vec<&str> =
        accessory["initial_options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
    assert_eq!(ticked, ["1", "2"], "{accessory}");
    bot.finish().await;
}

#[tokio::test]
async fn a_leaderboard_page_turns_for_an_admin_and_is_refused_to_a_member() {
    let bot = SlackBot::start().await;
    bot.fake.make_admin("U0ADMIN");
    for i in 0..12 {
        bot.mentor(&format!("U0M{i:02}"), "checkin 20").await;
    }
    let board = bot.mentor("U0ADMIN", "leaderboard").await;
    let next = control(&board, "board:");
    assert!(bot.fake.click(TEAM, "U0ADA", &next, None, WAIT).await);
    let refused = &bot.fake.wait_for_follow_ups(1, WAIT).await[0];
    assert_ne!(refused["replace_original"], true, "the board stays as it was: {refused}");
    assert!(words(refused).contains(&unmarked("visible to moderators only")), "{refused}");
    assert!(bot.fake.click(TEAM, "U0ADMIN", &next, None, WAIT).await);
    let page_two = &bot.fake.wait_for_follow_ups(2, WAIT).await[1];
    assert_eq!(page_two["replace_original"], true);
    assert_ne!(words(page_two), words(&board), "the second page: {page_two}");
    assert!(words(page_two).contains(&unmarked("11")), "places from 11 on: {page_two}");
    bot.finish().await;
}
