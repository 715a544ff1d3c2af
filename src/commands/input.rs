//! What a user asked for, as typed values: every front end parses its own syntax (slash-command
//! options, a console line, Slack's `/mentor ...` text) into one `Command`, and
//! `commands::run` answers it. Nothing here knows a platform.
//!
//! Values that only the content can check (a roadmap step by name, a technology, a question) stay
//! text; everything else is parsed at the edge, so a bad value is refused with a `UserError`
//! before any work starts.

use crate::app::{BoardRequest, CareerSection};
use crate::domain::correction::{CorrectionKind, Reason};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{GroupRef, Minutes, Note, StepStatus, Timezone};
use chrono::NaiveDate;

/// One user action, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help,
    /// The whole roadmap, or one step by number or name.
    Roadmap {
        step: Option<String>,
    },
    /// Marks a step learning, done or skipped (the console's `/progress`; Discord's buttons).
    StepStatus {
        step: String,
        status: StepStatus,
    },
    /// Sets which checklist topics of a step are done (1-based numbers).
    Topics {
        step: String,
        done: Vec<usize>,
    },
    /// Two or three technologies by name.
    Compare {
        names: Vec<String>,
    },
    /// A phrase such as "postgres vs mongodb".
    ComparePhrase {
        phrase: String,
    },
    Faq {
        question: Option<String>,
    },
    Prompt,
    Career {
        section: Option<CareerSection>,
    },
    CheckIn {
        minutes: Option<Minutes>,
        note: Option<Note>,
    },
    Streak {
        whose: Option<OtherMember>,
        about: Option<StreakAbout>,
    },
    History,
    Pause(PauseRequest),
    Group(GroupRequest),
    Leaderboard(BoardRequest),
    Privacy(PrivacyRequest),
    Correct(CorrectionRequest),
    /// The member's own settings; with no change, shows them.
    Settings(SettingsChange),
    Setup(SetupRequest),
}

impl Command {
    /// The command's name for logs and metrics, as members type it.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Help => "help",
            Command::Roadmap { .. } | Command::StepStatus { .. } | Command::Topics { .. } => "roadmap",
            Command::Compare { .. } | Command::ComparePhrase { .. } => "compare",
            Command::Faq { .. } => "faq",
            Command::Prompt => "prompt",
            Command::Career { .. } => "career",
            Command::CheckIn { .. } => "checkin",
            Command::Streak { .. } => "streak",
            Command::History => "history",
            Command::Pause(_) => "pause",
            Command::Group(_) => "group",
            Command::Leaderboard(_) => "leaderboard",
            Command::Privacy(_) => "privacy",
            Command::Correct(_) => "correct",
            Command::Settings(_) => "settings",
            Command::Setup(_) => "setup",
        }
    }

    /// Whether the answer may depend on the caller's moderator rights (boards, corrections,
    /// server setup), so a front end that must ask its platform for them (Slack's `users.info`)
    /// asks only then. Keep in step with the `App` calls that take `CallerRights`.
    pub fn consults_rights(&self) -> bool {
        matches!(self, Command::Leaderboard(_) | Command::Correct(_) | Command::Setup(_))
    }

    /// Whether the answer counts in the caller's own calendar day or shows their zone, so a
    /// front end that can learn the zone from its platform (Slack's `users.info`) does so first.
    pub fn counts_in_members_day(&self) -> bool {
        match self {
            Command::CheckIn { .. } | Command::Streak { .. } | Command::History | Command::Pause(_) => true,
            Command::Settings(change) => change.timezone.is_none(),
            _ => false,
        }
    }
}

/// Another member, as the platform names them (a Discord user, a Slack user id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherMember {
    pub user_id: String,
    /// Their display name as typed or resolved by the platform; escaped when shown.
    pub name: String,
}

/// What `/streak` shows besides the record itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreakAbout {
    Rules,
    History,
}

/// `/pause`: from a day (today when empty) for some days (one when empty), or cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseRequest {
    Start { first: Option<NaiveDate>, days: Option<i64> },
    Cancel,
}

/// `/group`: the member's groups, or joining or leaving one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupRequest {
    List,
    Join(GroupRef),
    Leave(GroupRef),
}

/// `/privacy`: the export, the delete (which needs a confirmation), or asking for the delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivacyRequest {
    Export,
    /// Asks to delete: answered with what it removes and a way to confirm.
    AskDelete,
    /// The confirmed delete.
    Delete,
}

/// `/correct`: a moderator adds or removes a member's study day, with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRequest {
    pub kind: CorrectionKind,
    /// The member's user id on the platform.
    pub user_id: String,
    pub date: NaiveDate,
    pub reason: Reason,
}

/// Changes to a member's own settings; all `None` shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub timezone: Option<Timezone>,
    pub nudges: Option<NudgeChange>,
}

/// Study nudges on (with a time, days and a snooze) or off: `App`'s own request.
pub type NudgeChange = crate::app::NudgeRequest;

/// `/setup`: a space's settings, for moderators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupRequest {
    Show,
    /// The daily prompt, posted in a channel (the platform's id) at a local time.
    Prompts {
        channel_id: String,
        time: LocalTime,
        timezone: Timezone,
        weekdays: Weekdays,
    },
    /// Stops the daily prompt.
    PromptsOff,
    /// The prompt the next post will carry.
    Preview,
    /// Whether members (not only moderators) may see leaderboards.
    Boards {
        members_see: bool,
    },
    /// The zone for members who set none.
    Timezone(Timezone),
    /// A role whose members may moderate (none clears it).
    ModeratorRole(Option<String>),
    /// Names a member a moderator (`add`), or takes it back, by the platform's user id.
    Moderator {
        user_id: String,
        add: bool,
    },
}
