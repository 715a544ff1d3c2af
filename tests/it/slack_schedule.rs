//! Scheduled sends end to end through the fake Slack: the daily prompt posted in the channel a
//! moderator set it up in; a nudge by direct message (the DM opened once) whose Check in button
//! checks the member in; a 429 honoured and the post sent after it; `not_in_channel` turning
//! the prompts off with a reason the moderator reads in `/mentor setup show`. The bot's clock
//! is fixed at 12:00 UTC; the scheduler ticks every second.

use crate::fake_slack::envelopes::{action_ids, CHANNEL};
use crate::fake_slack::Fault;
use crate::slack_bot::{unmarked, words, SlackBot, TEAM, WAIT};
use backend_mentor::config::SchedulerConfig;

async fn ticking_bot() -> SlackBot {
    let bot = SlackBot::start_with(SchedulerConfig { tick_seconds: 1, ..SchedulerConfig::default() }).await;
    bot.fake.make_admin("U0ADMIN");
    bot
}

#[tokio::test]
async fn the_daily_prompt_is_posted_in_the_channel_it_was_set_up_in() {
    let bot = ticking_bot().await;
    let setup = bot.mentor("U0ADMIN", "setup prompts 11:00 UTC").await;
    assert!(words(&setup).contains(&unmarked("Next posts")), "{setup}");
    let posts = bot.fake.wait_for_calls("chat.postMessage", 1, WAIT).await;
    assert_eq!(posts.len(), 1, "one post for today");
    assert_eq!(posts[0]["channel"], CHANNEL);
    assert!(words(&posts[0]).starts_with(&unmarked("Today's prompt")), "{}", posts[0]);
    bot.finish().await;
}

#[tokio::test]
async fn a_nudge_arrives_by_direct_message_and_its_button_checks_the_member_in() {
    let bot = ticking_bot().await;
    let settings = bot.mentor("U0ADA", "nudges on 11:30").await;
    assert!(words(&settings).contains(&unmarked("Study nudges")), "{settings}");
    let opened = bot.fake.wait_for_calls("conversations.open", 1, WAIT).await;
    assert!(opened[0]["users"].to_string().contains("U0ADA"), "{}", opened[0]);
    let nudge = &bot.fake.wait_for_calls("chat.postMessage", 1, WAIT).await[0];
    assert_eq!(nudge["channel"], "D00ADA", "posted in the member's direct messages");
    assert!(words(nudge).contains(&unmarked("haven't checked in")), "{nudge}");
    let (check_in, _) =
        action_ids(nudge).into_iter().find(|(id, _)| id.starts_with("nudge:checkin:")).expect("a Check in button");
    assert!(bot.fake.click(TEAM, "U0ADA", &check_in, None, WAIT).await);
    let answer = &bot.fake.wait_for_follow_ups(1, WAIT).await[0];
    assert!(words(answer).contains(&unmarked("Checked in")), "{answer}");
    let streak = bot.mentor("U0ADA", "streak").await;
    assert!(words(&streak).contains(&unmarked("1 day")), "the check-in counted in the team: {streak}");
    bot.finish().await;
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_and_the_prompt_posted_once_after_it() {
    let bot = ticking_bot().await;
    bot.fake.fail_next("chat.postMessage", &[Fault::RateLimited(1)]);
    bot.mentor("U0ADMIN", "setup prompts 11:00 UTC").await;
    let posts = bot.fake.wait_for_calls("chat.postMessage", 2, WAIT).await;
    assert_eq!(posts.len(), 2, "refused once with 429, then posted");
    assert_eq!(posts[0], posts[1], "the same prompt, sent again after the wait");
    // Three more ticks find today's prompt delivered and post nothing more.
    let later = bot.fake.wait_for_calls("chat.postMessage", 3, std::time::Duration::from_secs(3)).await;
    assert_eq!(later.len(), 2, "posted once");
    bot.finish().await;
}

#[tokio::test]
async fn a_bot_not_in_the_channel_turns_the_prompts_off_and_setup_show_says_how_to_fix_it() {
    let bot = ticking_bot().await;
    bot.fake.fail_next("chat.postMessage", &[Fault::Error("not_in_channel")]);
    bot.mentor("U0ADMIN", "setup prompts 11:00 UTC").await;
    bot.fake.wait_for_calls("chat.postMessage", 1, WAIT).await;
    let mut shown = String::new();
    for _ in 0..50 {
        shown = words(&bot.mentor("U0ADMIN", "setup show").await);
        if shown.contains(&unmarked("invite")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(shown.contains(&unmarked("not in that channel")), "{shown}");
    assert_eq!(bot.fake.calls_of("chat.postMessage"), 1, "a refused channel is not tried again");
    bot.finish().await;
}

#[tokio::test]
async fn a_nudge_s_snooze_holds_nudges_for_a_week_and_skip_today_pauses_the_day() {
    let bot = ticking_bot().await;
    bot.mentor("U0ADA", "nudges on 11:30").await;
    bot.mentor("U0BOB", "nudges on 11:30").await;
    let nudges = bot.fake.wait_for_calls("chat.postMessage", 2, WAIT).await;
    let button = |user: &str, prefix: &str| {
        let channel = format!("D0{}", &user[1..]);
        let nudge = nudges.iter().find(|n| n["channel"] == channel.as_str()).expect("the member's nudge");
        let buttons = nudge["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|b| b["elements"].as_array().cloned().unwrap_or_default());
        let labels: Vec<String> = buttons.filter_map(|e| e["text"]["text"].as_str().map(str::to_string)).collect();
        assert_eq!(labels, ["Check in", "Snooze 7 days", "Skip today"], "{nudge}");
        action_ids(nudge).into_iter().find(|(id, _)| id.starts_with(prefix)).expect("the button").0
    };
    assert!(bot.fake.click(TEAM, "U0ADA", &button("U0ADA", "nudge:snooze:"), None, WAIT).await);
    let snoozed = &bot.fake.wait_for_follow_ups(1, WAIT).await[0];
    // 2 March in Berlin (the profile's zone, adopted on the click) plus seven days.
    assert!(words(snoozed).contains(&unmarked("No nudges through 2026-03-09")), "{snoozed}");
    assert!(bot.fake.click(TEAM, "U0BOB", &button("U0BOB", "nudge:skip:"), None, WAIT).await);
    let skipped = &bot.fake.wait_for_follow_ups(2, WAIT).await[1];
    assert!(words(skipped).contains(&unmarked("paused from 2026-03-02 to 2026-03-02")), "{skipped}");
    let streak = bot.mentor("U0BOB", "streak history").await;
    assert!(words(&streak).contains("20260302"), "the paused day shows in the history: {streak}");
    bot.finish().await;
}
