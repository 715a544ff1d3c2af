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
    #[error("I couldn't find an answer to \"{}\".", echo(.query))]
    NoMatch { query: String, suggestions: Vec<String> },
    #[error("There is no roadmap step \"{}\". The roadmap has steps 1 to {count}.", echo(.query))]
    UnknownStep { query: String, count: usize, suggestions: Vec<String> },
    #[error("I don't know a technology called \"{}\" yet.", echo(.query))]
    UnknownTechnology { query: String, suggestions: Vec<String> },
    #[error("{first} and {second} are different kinds of thing ({first_kind} and {second_kind}), so a side-by-side would not be fair. Compare {first} with another of the {first_kind}, for example {example}.")]
    NotComparable { first: String, first_kind: String, second: String, second_kind: String, example: String },
    #[error("That names {} twice. Name two different technologies.", echo(.name))]
    SameTechnology { name: String },
    #[error("Name two technologies to compare.")]
    CompareNeedsTwo,
    #[error("That is {length} characters; please keep it under {max}.")]
    TooLong { length: usize, max: usize },
    #[error("\"{}\" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata.", echo(.input))]
    InvalidTimezone { input: String, suggestions: Vec<String> },
    #[error("Minutes must be a whole number from 1 to 1440, and \"{}\" is not.", echo(.given))]
    MinutesOutOfRange { given: String },
    #[error("A day holds at most 1,440 minutes, and today already has {} logged, so I can add {} more at most. Nothing was saved; check in again with fewer minutes (or none).", grouped(*.logged), grouped(*.room))]
    DayFull { logged: i64, room: i64 },
    #[error("\"{}\" is not a time of day I can read. Use 24-hour HH:MM such as 09:00 or 19:30, or 7pm.", echo(.given))]
    InvalidTime { given: String },
    #[error(
        "\"{}\" is not a set of weekdays. Use daily, weekdays, weekends, or days such as mon,wed,fri or mon-fri.",
        echo(.given)
    )]
    InvalidWeekdays { given: String },
    #[error("I tried to send you a study nudge, but your direct messages are closed, so I stopped.")]
    DirectMessagesClosed,
    #[error("\"{}\" is not on or off.", echo(.given))]
    InvalidNudgeSwitch { given: String },
    #[error("\"{}\" is not part of the career map. Try tracks, specializations, levels or salaries.", echo(.given))]
    UnknownCareerSection { given: String },
    #[error("This step's checklist has topics 1 to {count}; there is no topic {given}.")]
    UnknownTopic { given: usize, count: usize },
    #[error("\"{}\" is not a topic number. Type the numbers of the checklist topics, such as 1,2, or none.", echo(.given))]
    NotATopicNumber { given: String },
    #[error("No daily prompt is set up here yet.")]
    NoPromptSchedule,
    #[error("This command works in a server or workspace, not in direct messages.")]
    ServerOnly,
    #[error("I couldn't read one of the options. Pick a suggestion from the list, or check the value and try again.")]
    BadOption,
    #[error("I don't know that command (yet).")]
    UnknownCommand,
    #[error("Only moderators (those who manage this space, hold its moderator role, or were named by a moderator) can do that.")]
    NotModerator,
    #[error("\"{}\" is not a member I can name. Mention them (@name) so I know who they are.", echo(.given))]
    NotAMember { given: String },
    #[error("\"{}\" is not a change to the moderators. Use add or remove, then the member.", echo(.given))]
    ModeratorChange { given: String },
    #[error("A study group here is a channel: join it from inside the channel, or name it as #channel. \"{}\" is not a channel.", echo(.given))]
    GroupIsChannel { given: String },
    #[error("\"{}\" is not a step status. Use learning, done, skipped or reset.", echo(.given))]
    UnknownStatus { given: String },
    #[error(
        "Your note is {length} characters; notes hold up to {max}. Shorten it and check in again: nothing was saved."
    )]
    NoteTooLong { length: usize, max: usize },
    #[error("A pause lasts from 1 to {max} days, and {} is not in that range.", echo(.given))]
    PauseLength { given: String, max: i64 },
    #[error("A pause must start today ({today}) or within the next {max_ahead} days; past days cannot be paused.")]
    PauseStart { today: chrono::NaiveDate, max_ahead: i64 },
    #[error("You started a pause on {previous}; the next one can start on {next_allowed} at the earliest. Nothing was changed.")]
    PauseTooSoon { previous: chrono::NaiveDate, next_allowed: chrono::NaiveDate },
    #[error("\"{}\" is not a correction. Use add or remove.", echo(.given))]
    UnknownCorrection { given: String },
    #[error("You have no pause from today on to cancel.")]
    NoPauseToCancel,
    #[error("\"{}\" is not a date I can read. Write it as YYYY-MM-DD, for example 2026-03-05.", echo(.given))]
    InvalidDate { given: String },
    #[error("\"{}\" is not a period. Use week, month or all-time.", echo(.given))]
    UnknownPeriod { given: String },
    #[error("\"{}\" is not a leaderboard measure. Use streak, days or minutes.", echo(.given))]
    UnknownMetric { given: String },
    #[error("\"{}\" is not a page number. Pages are numbered from 1.", echo(.given))]
    InvalidPage { given: String },
    #[error("There is no page {page}: this leaderboard has {pages} page(s).")]
    PageOutOfRange { page: u32, pages: u32 },
    #[error("Leaderboards are visible to moderators only on this server. A moderator can open them to everyone with the boards setting.")]
    BoardsHidden,
    #[error("You can only see the boards of groups you belong to; you are not in \"{}\".", echo(.name))]
    NotInGroup { name: String },
    #[error("There is no group called \"{}\" here yet.", echo(.name))]
    UnknownGroup { name: String },
    #[error("A group name is 1 to {max} letters, digits, spaces, dashes or underscores, and \"{}\" is not.", echo(.given))]
    InvalidGroupName { given: String, max: usize },
    #[error("A correction needs a reason of {min} to {max} characters, recorded in the member's audit log.")]
    ReasonLength { min: usize, max: usize },
    #[error("Corrections can change days from {earliest} to {latest} (the member's today); {date} is outside that.")]
    CorrectionOutOfRange { date: chrono::NaiveDate, earliest: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error("Nudges can be held back through a day from {today} (your today) to {latest}; {date} is outside that.")]
    SnoozeOutOfRange { date: chrono::NaiveDate, today: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error("{date} is already counted for {}; nothing was changed.", echo(.user))]
    DayAlreadyCounted { user: String, date: chrono::NaiveDate },
    #[error("{date} is not counted for {}, so there is nothing to remove.", echo(.user))]
    DayNotCounted { user: String, date: chrono::NaiveDate },
    #[error("Nothing was deleted. Deleting removes your check-ins, notes, streak, progress and groups for good, so it needs your confirmation.")]
    DeleteNotConfirmed,
    #[error("\"{}\" is not a clock setting. Use a UTC time such as 2026-03-05T20:00, a step such as +1d or +3h, or off.", echo(.given))]
    InvalidClock { given: String },
    #[error("The console clock goes from {earliest} to {latest} (UTC), and that would take it outside; it stays where it was.")]
    ClockOutOfRange { earliest: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error("Say on or off: on lets members see leaderboards, off keeps them for moderators.")]
    BoardsNeedOnOrOff,
    #[error("Ask for an export (a file of everything I hold about you) or a delete (all of it, for good).")]
    PrivacyUsage,
    #[error("Nothing was written: {path} must be a folder of yours that nobody else can open (not a link, mode 700), and the file in it must not be a link. Remove or fix it and try again.")]
    OutputNotPrivate { path: String },
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

/// The most characters of typed input an error sentence repeats back.
pub const ECHO_MAX_CHARS: usize = 60;

/// Typed input as an error sentence repeats it: whole when short, else its first characters
/// and an ellipsis, so a pasted page does not come back whole. Every echo in `UserError` goes
/// through here.
pub fn echo(text: &str) -> String {
    if text.chars().count() <= ECHO_MAX_CHARS {
        return text.to_string();
    }
    let kept: String = text.chars().take(ECHO_MAX_CHARS - 1).collect();
    format!("{kept}…")
}

/// A count written as the sentences write numbers: 1,415 rather than 1415.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echo_keeps_short_input_whole_and_cuts_a_page_to_sixty_characters() {
        assert_eq!(echo("Mars/Olympus"), "Mars/Olympus");
        let page = "é".repeat(5000);
        let shown = echo(&page);
        assert_eq!(shown.chars().count(), ECHO_MAX_CHARS);
        assert!(shown.ends_with('…'));
        let sentence = UserError::InvalidTimezone { input: page, suggestions: Vec::new() }.to_string();
        assert!(sentence.chars().count() < 200, "{sentence}");
    }

    #[test]
    fn a_full_day_writes_its_minutes_as_the_limit_is_written() {
        let sentence = UserError::DayFull { logged: 25, room: 1415 }.to_string();
        assert!(sentence.contains("already has 25 logged, so I can add 1,415 more"), "{sentence}");
        assert_eq!([grouped(0), grouped(999), grouped(1000), grouped(1_234_567)], ["0", "999", "1,000", "1,234,567"]);
    }
}
