//! How Discord writes the commands the presentation layer refers to: slash commands with their
//! option names, and the buttons and menus where an action has no command here.

use crate::present::CommandRef;

/// The command as a member would type it in Discord.
pub(crate) fn command(reference: &CommandRef) -> String {
    let fixed = match reference {
        CommandRef::RoadmapStep(n) => return format!("/roadmap {n}"),
        CommandRef::Compare { a, b } => return format!("/compare {a} {b}"),
        CommandRef::Faq(Some(question)) => return format!("/faq {question}"),
        CommandRef::Help => "/help",
        CommandRef::Roadmap => "/roadmap",
        CommandRef::MarkStep(_) => "the buttons under the step",
        CommandRef::TickTopics(_) => "the checklist menu under the step",
        CommandRef::Faq(None) => "/faq",
        CommandRef::Prompt => "/prompt",
        CommandRef::Career => "/career",
        CommandRef::CheckIn => "/checkin",
        CommandRef::Streak => "/streak",
        CommandRef::StreakRules => "/streak about:rules",
        CommandRef::StreakHistory => "/streak about:history",
        CommandRef::Pause => "/pause",
        CommandRef::Leaderboard => "/leaderboard",
        CommandRef::SettingsTimezone => "/settings timezone:",
        CommandRef::NudgesOn => "/settings nudges:on time:19:00",
        CommandRef::NudgesOff => "/settings nudges:off",
        CommandRef::PrivacyExport => "/privacy action:export",
        CommandRef::PrivacyDelete => "/privacy action:delete",
        CommandRef::ConfirmDelete => "the button below",
        CommandRef::Correct => "/correct action:add member:@ada date:2026-03-04 reason:the bot was down",
        CommandRef::SetupPrompts => "/setup prompts",
        CommandRef::SetupOff => "/setup off",
        CommandRef::SetupShow => "/setup show",
        CommandRef::SetupTimezone => "/setup timezone",
        CommandRef::SetupModeratorRole => "/setup moderator-role",
        // Discord names moderators by role.
        CommandRef::SetupModerator => "/setup moderator-role",
        CommandRef::SetupBoards => "/setup boards",
    };
    fixed.to_string()
}
