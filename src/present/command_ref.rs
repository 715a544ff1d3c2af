//! References to commands inside sentences. A sentence says "turn them back on with ..." once;
//! each front end writes the command in its own syntax (`/settings nudges:on` on Discord,
//! `/nudges on 19:00` in the console, `/mentor settings nudges on` on Slack).

/// A command a sentence points the reader to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandRef {
    Help,
    /// The roadmap overview.
    Roadmap,
    /// One roadmap step by number.
    RoadmapStep(u8),
    /// Marking a step's status (the console's `/progress`; buttons on chat platforms).
    MarkStep(u8),
    /// Ticking a step's checklist topics (the console's `/topics`; a menu on chat platforms).
    TickTopics(u8),
    /// `/compare` with an example pair.
    Compare {
        a: String,
        b: String,
    },
    /// `/faq` with an example question or topic; `None` for the bare command.
    Faq(Option<String>),
    Prompt,
    Career,
    CheckIn,
    Streak,
    StreakRules,
    /// The member's recent days.
    StreakHistory,
    Pause,
    Leaderboard,
    /// The member's settings, to change the time zone.
    SettingsTimezone,
    NudgesOn,
    NudgesOff,
    PrivacyExport,
    PrivacyDelete,
    /// Confirming a delete already asked for.
    ConfirmDelete,
    /// `/correct` with an example.
    Correct,
    SetupPrompts,
    SetupOff,
    SetupShow,
    SetupTimezone,
    SetupModeratorRole,
    /// Naming a member a moderator (on Discord, where roles do this, the moderator role).
    SetupModerator,
    /// Letting members see the boards, or not.
    SetupBoards,
}
