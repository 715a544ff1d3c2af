//! Reads the console parser's words into typed commands: the shared `commands::Command`, or a
//! console-only line (`/clock`, `/quit`). Values are checked here, at the edge.

use super::parse::Command as Words;
use crate::app::{BoardRequest, CareerSection};
use crate::commands::{
    Command, CorrectionRequest, GroupRequest, NudgeChange, PauseRequest, PrivacyRequest, SettingsChange, SetupRequest,
    StreakAbout,
};
use crate::domain::correction::{parse_date, CorrectionKind, Reason};
use crate::domain::leaderboard::parse_page;
use crate::domain::pause::MAX_PAUSE_DAYS;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{GroupRef, Metric, Minutes, Note, Period, StepStatus, Timezone};
use crate::error::UserError;

/// A console line, typed.
pub enum Line {
    Mentor(Command),
    Clock(Option<String>),
    Quit,
}

pub fn typed(words: Words) -> Result<Line, UserError> {
    let command = match words {
        Words::Quit => return Ok(Line::Quit),
        Words::Clock { setting } => return Ok(Line::Clock(setting)),
        Words::Help => Command::Help,
        Words::Roadmap { step } => Command::Roadmap { step },
        Words::Progress { step, status } => {
            let given = status.unwrap_or_default();
            let status = StepStatus::parse(&given).ok_or(UserError::UnknownStatus { given })?;
            Command::StepStatus { step: step.unwrap_or_default(), status }
        }
        Words::Topics { step, done } => {
            Command::Topics { step: step.unwrap_or_default(), done: topics(&done.unwrap_or_default())? }
        }
        Words::Compare { phrase: Some(phrase), .. } => Command::ComparePhrase { phrase },
        Words::Compare { names, .. } => Command::Compare { names },
        Words::Faq { question } => Command::Faq { question },
        Words::Prompt => Command::Prompt,
        Words::Career { section } => {
            Command::Career { section: section.as_deref().map(CareerSection::parse).transpose()? }
        }
        Words::Checkin { minutes, note } => Command::CheckIn {
            minutes: minutes.as_deref().map(Minutes::parse).transpose()?,
            note: Note::new(note.as_deref().unwrap_or(""))?,
        },
        Words::Streak { topic } => {
            let about = topic.filter(|t| t.eq_ignore_ascii_case("rules")).map(|_| StreakAbout::Rules);
            Command::Streak { whose: None, about }
        }
        Words::Settings { timezone } => Command::Settings(SettingsChange {
            timezone: timezone.as_deref().map(Timezone::parse).transpose()?,
            nudges: None,
        }),
        Words::History => Command::History,
        Words::Pause { from, days } => Command::Pause(pause(from, days)?),
        Words::Group { action, name } => Command::Group(group(action.as_deref(), name.as_deref())?),
        Words::Leaderboard { words } => Command::Leaderboard(board_request(&words)?),
        Words::Privacy { action, confirm } => Command::Privacy(privacy(action.as_deref(), confirm.as_deref())?),
        Words::Correct { action, user, date, reason } => {
            let given = action.unwrap_or_default();
            let kind = CorrectionKind::parse(&given).ok_or(UserError::UnknownCorrection { given })?;
            let date = parse_date(date.as_deref().unwrap_or(""))?;
            let reason = Reason::new(reason.as_deref().unwrap_or(""))?;
            Command::Correct(CorrectionRequest { kind, user_id: user.unwrap_or_default(), date, reason })
        }
        Words::Boards { setting } => {
            let members_see = match setting.map(|s| s.to_lowercase()).as_deref() {
                Some("on" | "yes" | "true") => true,
                Some("off" | "no" | "false") => false,
                _ => return Err(UserError::BoardsNeedOnOrOff),
            };
            Command::Setup(SetupRequest::Boards { members_see })
        }
        Words::Schedule { command, words } => schedule(&command, &words)?,
    };
    Ok(Line::Mentor(command))
}

fn topics(text: &str) -> Result<Vec<usize>, UserError> {
    text.split([',', ' '])
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("none"))
        .map(|w| w.parse().map_err(|_| UserError::NotATopicNumber { given: w.to_string() }))
        .collect()
}

fn pause(from: Option<String>, days: Option<String>) -> Result<PauseRequest, UserError> {
    if from.as_deref().is_some_and(|f| f.eq_ignore_ascii_case("cancel")) {
        return Ok(PauseRequest::Cancel);
    }
    let first = match from.as_deref() {
        None | Some("today") => None,
        Some(text) => Some(parse_date(text)?),
    };
    let given = days.unwrap_or_else(|| "1".into());
    let days = given
        .trim()
        .parse::<i64>()
        .map_err(|_| UserError::PauseLength { given: given.trim().to_string(), max: MAX_PAUSE_DAYS })?;
    Ok(PauseRequest::Start { first, days: Some(days) })
}

fn group(action: Option<&str>, name: Option<&str>) -> Result<GroupRequest, UserError> {
    Ok(match action.map(str::to_lowercase).as_deref() {
        Some("join") => GroupRequest::Join(GroupRef::named(name.unwrap_or(""))?),
        Some("leave") => GroupRequest::Leave(GroupRef::named(name.unwrap_or(""))?),
        _ => GroupRequest::List,
    })
}

fn privacy(action: Option<&str>, confirm: Option<&str>) -> Result<PrivacyRequest, UserError> {
    let lower = |word: Option<&str>| word.map(str::to_lowercase);
    match (lower(action).as_deref(), lower(confirm).as_deref()) {
        (Some("delete"), Some("confirm")) => Ok(PrivacyRequest::Delete),
        (Some("delete"), _) => Err(UserError::DeleteNotConfirmed),
        (Some("export"), None) => Ok(PrivacyRequest::Export),
        _ => Err(UserError::PrivacyUsage),
    }
}

fn schedule(command: &str, words: &[String]) -> Result<Command, UserError> {
    let word = |i: usize| words.get(i).map(String::as_str);
    Ok(match (command, word(0).unwrap_or("show")) {
        ("setup", "prompts") => Command::Setup(SetupRequest::Prompts {
            channel_id: "console".to_string(),
            time: LocalTime::parse(word(1).unwrap_or(""))?,
            timezone: Timezone::parse(word(2).unwrap_or("UTC"))?,
            weekdays: Weekdays::parse(word(3).unwrap_or("daily"))?,
        }),
        ("setup", "off") => Command::Setup(SetupRequest::PromptsOff),
        ("setup", "preview") => Command::Setup(SetupRequest::Preview),
        ("setup", _) => Command::Setup(SetupRequest::Show),
        (_, state) => {
            let on = match state {
                "on" => true,
                "off" => false,
                other => return Err(UserError::InvalidNudgeSwitch { given: other.to_string() }),
            };
            let nudges = NudgeChange {
                on,
                time: word(1).map(LocalTime::parse).transpose()?,
                weekdays: word(2).map(Weekdays::parse).transpose()?,
                snooze_until: word(3).map(parse_date).transpose()?,
            };
            Command::Settings(SettingsChange { timezone: None, nudges: Some(nudges) })
        }
    })
}

/// Reads `/leaderboard` words in any order: a period, a measure, a page number, and anything
/// else is the group's name. `name:value` works too.
fn board_request(words: &[String]) -> Result<BoardRequest, UserError> {
    let mut request = BoardRequest::default();
    let mut group_words = Vec::new();
    for word in words {
        match word.split_once(':') {
            Some(("period", v)) => request.period = Period::parse(v)?,
            Some(("metric", v)) => request.metric = Metric::parse(v)?,
            Some(("page", v)) => request.page = Some(parse_page(v)?),
            Some(("group", v)) => group_words.push(v.to_string()),
            _ if Period::parse(word).is_ok() => request.period = Period::parse(word)?,
            _ if Metric::parse(word).is_ok() => request.metric = Metric::parse(word)?,
            _ if word.chars().all(|c| c.is_ascii_digit() || c == '-') => request.page = Some(parse_page(word)?),
            _ => group_words.push(word.clone()),
        }
    }
    if !group_words.is_empty() {
        request.group = Some(GroupRef::named(&group_words.join(" "))?);
    }
    Ok(request)
}
