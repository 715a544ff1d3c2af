//! From what clap parsed to a `Command`. Most values arrive typed; what is read here is what
//! depends on another word (a group name only with join or leave, `/privacy`'s exact words,
//! `/leaderboard`'s words in any order, `/compare`'s names or phrase, topic numbers).

use super::syntax::{CompareArgs, CorrectArgs, NudgeState, NudgesArgs, SetupAction, Shared};
use super::values::{self, PauseFrom};
use super::{words, Naming, UsageError};
use crate::app::BoardRequest;
use crate::commands::{
    Command, CorrectionRequest, GroupRequest, NudgeChange, PauseRequest, PrivacyRequest, SettingsChange, SetupRequest,
    StreakAbout,
};
use crate::domain::leaderboard::parse_page;
use crate::domain::{Metric, Period};
use crate::error::UserError;

/// The command for what clap parsed; `channel_id` is where `/setup prompts` posts, `groups`
/// says what names a study group.
pub(super) fn command(parsed: Shared, channel_id: &str, naming: &Naming) -> Result<Command, UsageError> {
    Ok(match parsed {
        Shared::Help => Command::Help,
        Shared::Roadmap { step } => Command::Roadmap { step },
        Shared::Compare(args) => compare(args)?,
        Shared::Faq { question } => Command::Faq { question },
        Shared::Prompt => Command::Prompt,
        Shared::Career { section } => Command::Career { section },
        Shared::Checkin { minutes, note } => Command::CheckIn { minutes, note: note.and_then(|n| n.0) },
        Shared::Streak { topic } => {
            let about = match topic.map(|t| t.to_lowercase()).as_deref() {
                Some("rules") => Some(StreakAbout::Rules),
                Some("history") => Some(StreakAbout::History),
                _ => None,
            };
            Command::Streak { whose: None, about }
        }
        Shared::History => Command::History,
        Shared::Pause { from, days } => Command::Pause(match from {
            Some(PauseFrom::Cancel) => PauseRequest::Cancel,
            Some(PauseFrom::Date(first)) => PauseRequest::Start { first: Some(first), days },
            Some(PauseFrom::Today) | None => PauseRequest::Start { first: None, days },
        }),
        Shared::Group { action, name } => Command::Group(group(action, name, naming)?),
        Shared::Leaderboard { words } => Command::Leaderboard(board_request(&words, naming)?),
        Shared::Privacy { action, confirm } => Command::Privacy(privacy(action, confirm)?),
        Shared::Correct(CorrectArgs { action, user, date, reason }) => {
            Command::Correct(CorrectionRequest { kind: action, user_id: naming.member(&user)?, date, reason })
        }
        Shared::Boards { setting } => Command::Setup(SetupRequest::Boards { members_see: setting }),
        Shared::Setup { action } => Command::Setup(setup(action, channel_id, naming)?),
        Shared::Nudges(args) => nudges(args)?,
        Shared::Topics { step, done } => Command::Topics { step, done: values::topic_numbers(&done)?.0 },
        Shared::Progress { step, status } => Command::StepStatus { step, status },
        Shared::Settings { timezone } => Command::Settings(SettingsChange { timezone, nudges: None }),
    })
}

/// Named technologies (`a:`, `b:`, `c:`, the other words filling the rest in order), or, when
/// none is named, all the words as one phrase such as "postgres vs mongodb".
/// Once one is named, a loose `word:value` is a mistyped option name, as for any command.
fn compare(args: CompareArgs) -> Result<Command, UsageError> {
    let CompareArgs { a, b, c, words } = args;
    if a.is_none() && b.is_none() && c.is_none() {
        return Ok(Command::ComparePhrase { phrase: words.join(" ") });
    }
    let mistyped = words.iter().filter_map(|w| w.split_once(':')).find(|(key, _)| words::looks_like_an_option(key));
    if let Some((option, _)) = mistyped {
        let (command, option, known) = ("compare".to_string(), option.to_string(), "a, b, c".to_string());
        return Err(UsageError::UnknownOption { command, option, known });
    }
    let mut loose = words.into_iter();
    let names = [a, b, c].into_iter().filter_map(|named| named.or_else(|| loose.next())).collect();
    Ok(Command::Compare { names })
}

/// Join or leave a group; any other word (or none) lists the member's groups.
fn group(action: Option<String>, name: Option<String>, groups: &Naming) -> Result<GroupRequest, UsageError> {
    let named = || groups.group(name.as_deref()).map_err(UsageError::Invalid);
    Ok(match action.map(|a| a.to_lowercase()).as_deref() {
        Some("join") => GroupRequest::Join(named()?),
        Some("leave") => GroupRequest::Leave(named()?),
        _ => GroupRequest::List,
    })
}

/// `/privacy export`, or `/privacy delete confirm`: exact words in any case, so nothing unknown
/// exports and nothing without the confirm word deletes (that asks first).
fn privacy(action: Option<String>, confirm: Option<String>) -> Result<PrivacyRequest, UsageError> {
    let lower = |words: Option<String>| words.and_then(|w| w.split_whitespace().next().map(str::to_lowercase));
    match (lower(action).as_deref(), lower(confirm).as_deref()) {
        (Some("delete"), Some("confirm")) => Ok(PrivacyRequest::Delete),
        (Some("delete"), _) => Ok(PrivacyRequest::AskDelete),
        (Some("export"), None) => Ok(PrivacyRequest::Export),
        _ => Err(UsageError::Invalid(UserError::PrivacyUsage)),
    }
}

fn setup(action: Option<SetupAction>, channel_id: &str, naming: &Naming) -> Result<SetupRequest, UsageError> {
    Ok(match action {
        None | Some(SetupAction::Show) => SetupRequest::Show,
        Some(SetupAction::Prompts { time, zone, days }) => {
            SetupRequest::Prompts { channel_id: channel_id.to_string(), time, timezone: zone, weekdays: days }
        }
        Some(SetupAction::Off) => SetupRequest::PromptsOff,
        Some(SetupAction::Preview) => SetupRequest::Preview,
        Some(SetupAction::Boards { setting }) => SetupRequest::Boards { members_see: setting },
        Some(SetupAction::Timezone { zone }) => SetupRequest::Timezone(zone),
        Some(SetupAction::ModeratorRole { role }) => SetupRequest::ModeratorRole(role),
        Some(SetupAction::Moderator { change, user }) => {
            let add = match change.map(|c| c.to_lowercase()).as_deref() {
                Some("add") => true,
                Some("remove") => false,
                other => return Err(UserError::ModeratorChange { given: other.unwrap_or("").into() }.into()),
            };
            SetupRequest::Moderator { user_id: naming.member(user.as_deref().unwrap_or(""))?, add }
        }
    })
}

/// `/nudges on|off ...` is a settings change; `/nudges` alone shows the settings.
fn nudges(args: NudgesArgs) -> Result<Command, UsageError> {
    let change = match (args.state, args.switch) {
        (Some(NudgeState::On { time, days, snooze_until }), _) => {
            NudgeChange { on: true, time, weekdays: days, snooze_until }
        }
        (Some(NudgeState::Off), _) => NudgeChange { on: false, time: None, weekdays: None, snooze_until: None },
        (None, Some(given)) => return Err(UsageError::Invalid(UserError::InvalidNudgeSwitch { given })),
        (None, None) => return Ok(Command::Settings(SettingsChange::default())),
    };
    Ok(Command::Settings(SettingsChange { timezone: None, nudges: Some(change) }))
}

/// Reads `/leaderboard` words in any order: a period, a measure, a page number, and anything
/// else is the group's name. `period:`, `metric:`, `page:` and `group:` work too.
fn board_request(words: &[String], groups: &Naming) -> Result<BoardRequest, UsageError> {
    let mut request = BoardRequest::default();
    let mut group_words = Vec::new();
    for word in words.iter().flat_map(|w| w.split_whitespace()) {
        match word.split_once(':') {
            Some(("period", v)) => request.period = Period::parse(v)?,
            Some(("metric", v)) => request.metric = Metric::parse(v)?,
            Some(("page", v)) => request.page = Some(parse_page(v)?),
            Some(("group", v)) => group_words.push(v),
            _ if Period::parse(word).is_ok() => request.period = Period::parse(word)?,
            _ if Metric::parse(word).is_ok() => request.metric = Metric::parse(word)?,
            _ if word.chars().all(|c| c.is_ascii_digit() || c == '-') => request.page = Some(parse_page(word)?),
            _ => group_words.push(word),
        }
    }
    if !group_words.is_empty() {
        request.group = Some(groups.group(Some(&group_words.join(" ")))?);
    }
    Ok(request)
}
