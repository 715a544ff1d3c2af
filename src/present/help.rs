//! What the mentor can do, as one list: each front end writes the commands in its own syntax
//! and shows only the ones it offers.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Tone, View};
use super::text::Text;

/// Every command a member or moderator may use, with what it does.
pub fn entries() -> Vec<(Cmd, &'static str)> {
    vec![
        (Cmd::Roadmap, "the learning path step by step, with your progress"),
        (Cmd::Compare { a: "a".into(), b: "b".into() }, "two technologies side by side"),
        (Cmd::Faq(None), "answers to your questions, in your own words"),
        (Cmd::Prompt, "today's learning prompt"),
        (Cmd::Career, "skill tracks, specializations, levels and salaries"),
        (Cmd::CheckIn, "count today as a study day, with minutes and a note"),
        (Cmd::Streak, "your streak and heatmap"),
        (Cmd::StreakRules, "how streaks, freezes and pauses work"),
        (Cmd::StreakHistory, "your recent days"),
        (Cmd::Pause, "pause your streak for up to 14 days"),
        (Cmd::Leaderboard, "study group boards"),
        (Cmd::SettingsTimezone, "your time zone"),
        (Cmd::NudgesOn, "a daily study nudge when you haven't checked in"),
        (Cmd::PrivacyExport, "everything I hold about you, as a file"),
        (Cmd::PrivacyDelete, "delete it all"),
        (Cmd::SetupShow, "(moderators) this space's prompts, boards, time zone and roles"),
        (Cmd::Correct, "(moderators) add or remove a member's study day"),
    ]
}

/// The help message: every command, each in the front end's own syntax.
pub fn help() -> View {
    let lines = entries()
        .into_iter()
        .map(|(command, what)| Text::new().plain("- ").command(command).plain(format!(": {what}")));
    View::new(Tone::Faq)
        .title("backend-mentor")
        .body(
            Text::new()
                .plain("I help you learn backend development, one step at a time.\n\n")
                .then(Text::joined(lines, "\n")),
        )
        .footer(Text::new().plain("Start with ").command(Cmd::RoadmapStep(1)))
}
