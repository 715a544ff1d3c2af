//! The two kinds of failure: something the user can fix (`UserError`, whose text is shown) and
//! something we broke (`Internal`, logged with its cause chain, shown only as an apology).
//!
//! Every sentence a user may see when something is wrong lives in this file, written as plain
//! sentences; adapters add formatting and the suggestion lists. Never show an internal error's
//! `to_string()` to a user.

/// What the user sees when an internal error happened.
pub const APOLOGY: &str = "Sorry, something went wrong on my side. It has been logged; please try again in a moment.";

/// A problem with what the user asked, explained in words they can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("I couldn't find an answer to \"{query}\".")]
    NoMatch { query: String, suggestions: Vec<String> },
    #[error("There is no roadmap step \"{query}\". The roadmap has steps 1 to {count}.")]
    UnknownStep { query: String, count: usize, suggestions: Vec<String> },
    #[error("I don't know a technology called \"{query}\" yet.")]
    UnknownTechnology { query: String, suggestions: Vec<String> },
    #[error("{first} and {second} are different kinds of thing ({first_kind} and {second_kind}), so a side-by-side would not be fair. Compare {first} with another of the {first_kind}, for example {example}.")]
    NotComparable { first: String, first_kind: String, second: String, second_kind: String, example: String },
    #[error("That names {name} twice. Name two different technologies, for example: /compare postgres mongodb")]
    SameTechnology { name: String },
    #[error("Name two technologies to compare, for example: /compare postgres mongodb")]
    CompareNeedsTwo,
    #[error("That is {length} characters; please keep it under {max}.")]
    TooLong { length: usize, max: usize },
    #[error("\"{input}\" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata.")]
    InvalidTimezone { input: String, suggestions: Vec<String> },
    #[error("Minutes must be a whole number from 1 to 1440, and \"{given}\" is not.")]
    MinutesOutOfRange { given: String },
    #[error("A day holds at most 1,440 minutes, and today already has {logged} logged, so I can add {room} more at most. Nothing was saved; check in again with fewer minutes (or none).")]
    DayFull { logged: i64, room: i64 },
    #[error("\"{given}\" is not a time of day I can read. Use 24-hour HH:MM such as 09:00 or 19:30, or 7pm.")]
    InvalidTime { given: String },
    #[error(
        "\"{given}\" is not a set of weekdays. Use daily, weekdays, weekends, or days such as mon,wed,fri or mon-fri."
    )]
    InvalidWeekdays { given: String },
    #[error("I tried to send you a study nudge, but your direct messages are closed, so I stopped. Open them (Privacy Settings for this server) and turn nudges back on with /settings nudges:on.")]
    DirectMessagesClosed,
    #[error("\"{given}\" is not on or off. Use /nudges on 19:00 or /nudges off.")]
    InvalidNudgeSwitch { given: String },
    #[error("\"{given}\" is not part of the career map. Try tracks, specializations, levels or salaries.")]
    UnknownCareerSection { given: String },
    #[error("This step's checklist has topics 1 to {count}; there is no topic {given}.")]
    UnknownTopic { given: usize, count: usize },
    #[error("This server has no daily prompt set up yet. Start one with /setup prompts.")]
    NoPromptSchedule,
    #[error("This command works in a server, not in direct messages.")]
    ServerOnly,
    #[error("I couldn't read one of the options. Pick a suggestion from the list, or check the value and try again.")]
    BadOption,
    #[error("I don't know that command (yet); type /help to see what I can do.")]
    UnknownCommand,
    #[error("Only moderators (Manage Server, or the server's moderator role) can do that.")]
    NotModerator,
    #[error("\"{given}\" is not a step status. Use learning, done, skipped or reset.")]
    UnknownStatus { given: String },
    #[error(
        "Your note is {length} characters; notes hold up to {max}. Shorten it and check in again: nothing was saved."
    )]
    NoteTooLong { length: usize, max: usize },
    #[error("A pause lasts from 1 to {max} days, and {given} is not in that range.")]
    PauseLength { given: String, max: i64 },
    #[error("A pause must start today ({today}) or within the next {max_ahead} days; past days cannot be paused.")]
    PauseStart { today: chrono::NaiveDate, max_ahead: i64 },
    #[error("You started a pause on {previous}; the next one can start on {next_allowed} at the earliest. Nothing was changed.")]
    PauseTooSoon { previous: chrono::NaiveDate, next_allowed: chrono::NaiveDate },
    #[error(
        "\"{given}\" is not a correction. Use add or remove, for example: /correct add ada 2026-03-04 the bot was down"
    )]
    UnknownCorrection { given: String },
    #[error("You have no pause from today on to cancel.")]
    NoPauseToCancel,
    #[error("\"{given}\" is not a date I can read. Write it as YYYY-MM-DD, for example 2026-03-05.")]
    InvalidDate { given: String },
    #[error("\"{given}\" is not a period. Use week, month or all-time.")]
    UnknownPeriod { given: String },
    #[error("\"{given}\" is not a leaderboard measure. Use streak, days or minutes.")]
    UnknownMetric { given: String },
    #[error("\"{given}\" is not a page number. Pages are numbered from 1.")]
    InvalidPage { given: String },
    #[error("There is no page {page}: this leaderboard has {pages} page(s).")]
    PageOutOfRange { page: u32, pages: u32 },
    #[error("Leaderboards are visible to moderators only on this server. A moderator can open them to everyone with the boards setting.")]
    BoardsHidden,
    #[error("You can only see the boards of groups you belong to; you are not in \"{name}\".")]
    NotInGroup { name: String },
    #[error("There is no group called \"{name}\" here yet.")]
    UnknownGroup { name: String },
    #[error("A group name is 1 to {max} letters, digits, spaces, dashes or underscores, and \"{given}\" is not.")]
    InvalidGroupName { given: String, max: usize },
    #[error("A correction needs a reason of {min} to {max} characters, recorded in the member's audit log.")]
    ReasonLength { min: usize, max: usize },
    #[error("Corrections can change days from {earliest} to {latest} (the member's today); {date} is outside that.")]
    CorrectionOutOfRange { date: chrono::NaiveDate, earliest: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error("{date} is already counted for {user}; nothing was changed.")]
    DayAlreadyCounted { user: String, date: chrono::NaiveDate },
    #[error("{date} is not counted for {user}, so there is nothing to remove.")]
    DayNotCounted { user: String, date: chrono::NaiveDate },
    #[error("Nothing was deleted. Deleting removes your check-ins, notes, streak, progress and groups for good; to go ahead, confirm it.")]
    DeleteNotConfirmed,
    #[error("\"{given}\" is not a clock setting. Use a UTC time such as 2026-03-05T20:00, a step such as +1d or +3h, or off.")]
    InvalidClock { given: String },
}

impl UserError {
    /// Entries the user may have meant, shown as "Did you mean...".
    pub fn suggestions(&self) -> &[String] {
        match self {
            UserError::NoMatch { suggestions, .. }
            | UserError::UnknownStep { suggestions, .. }
            | UserError::UnknownTechnology { suggestions, .. }
            | UserError::InvalidTimezone { suggestions, .. } => suggestions,
            _ => &[],
        }
    }

    /// True when the request was understood but nothing in the content matched it.
    pub fn is_not_found(&self) -> bool {
        matches!(self, UserError::NoMatch { .. } | UserError::UnknownStep { .. } | UserError::UnknownTechnology { .. })
    }
}

/// Any failure of an `App` call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    User(#[from] UserError),
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(anyhow::Error::new(e).context("database query failed"))
    }
}

/// Logs an internal error with its whole cause chain, once, where it is turned into an apology.
pub fn log_internal(error: &anyhow::Error, action: &str) {
    tracing::error!(action, error = format!("{error:#}"), "internal error; the user saw an apology");
}
