//! How the text grammar writes the commands the presentation layer refers to: the command's
//! name and positional words, as the console (after `/`) and Slack (after `/mentor `) read them.
//! Written once here, so the two front ends can never point at different spellings.

use crate::present::CommandRef;

/// The command's words as this grammar reads them, without the leading `/` or `/mentor `.
pub(crate) fn command_words(reference: &CommandRef) -> String {
    let fixed = match reference {
        CommandRef::RoadmapStep(n) => return format!("roadmap {n}"),
        CommandRef::MarkStep(n) => return format!("progress {n} done"),
        CommandRef::TickTopics(n) => return format!("topics {n} 1,2"),
        CommandRef::Compare { a, b } => return format!("compare {a} {b}"),
        CommandRef::Faq(Some(question)) => return format!("faq {question}"),
        CommandRef::Help => "help",
        CommandRef::Roadmap => "roadmap",
        CommandRef::Faq(None) => "faq",
        CommandRef::Prompt => "prompt",
        CommandRef::Career => "career levels",
        CommandRef::CheckIn => "checkin",
        CommandRef::Streak => "streak",
        CommandRef::StreakRules => "streak rules",
        CommandRef::StreakHistory => "history",
        CommandRef::Pause => "pause",
        CommandRef::Leaderboard => "leaderboard",
        CommandRef::SettingsTimezone => "settings timezone:Europe/Berlin",
        CommandRef::NudgesOn => "nudges on 19:00",
        CommandRef::NudgesOff => "nudges off",
        CommandRef::PrivacyExport => "privacy export",
        CommandRef::PrivacyDelete => "privacy delete",
        CommandRef::ConfirmDelete => "privacy delete confirm",
        CommandRef::Correct => "correct add ada 2026-03-04 the bot was down",
        CommandRef::SetupPrompts => "setup prompts 09:00 Europe/Berlin",
        CommandRef::SetupOff => "setup off",
        CommandRef::SetupShow => "setup",
        CommandRef::SetupTimezone => "setup timezone Europe/Berlin",
        CommandRef::SetupModeratorRole => "setup moderator-role <role>",
        CommandRef::SetupModerator => "setup moderator add <user>",
        CommandRef::SetupBoards => "boards on",
    };
    fixed.to_string()
}
