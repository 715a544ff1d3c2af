//! Value parsers for the grammar: each reads one option's text into a domain value and refuses
//! it with the domain's `UserError`, which `grammar.rs` takes back out of clap's error so front
//! ends can show it their friendly way. The domain's own `parse`/`new` do the work; these only
//! give them the shape clap wants and name the error for the ones that return `Option`.

use crate::app::CareerSection;
use crate::domain::correction::{parse_date, CorrectionKind, Reason};
use crate::domain::pause::MAX_PAUSE_DAYS;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{Minutes, Note, StepStatus, Timezone};
use crate::error::UserError;
use chrono::NaiveDate;

pub(super) fn minutes(text: &str) -> Result<Minutes, UserError> {
    Minutes::parse(text)
}

/// A note as typed; an empty one (`note:""`) is no note.
#[derive(Debug, Clone)]
pub(super) struct NoteText(pub Option<Note>);

pub(super) fn note(text: &str) -> Result<NoteText, UserError> {
    Note::new(text).map(NoteText)
}

pub(super) fn timezone(text: &str) -> Result<Timezone, UserError> {
    Timezone::parse(text)
}

pub(super) fn local_time(text: &str) -> Result<LocalTime, UserError> {
    LocalTime::parse(text)
}

pub(super) fn weekdays(text: &str) -> Result<Weekdays, UserError> {
    Weekdays::parse(text)
}

pub(super) fn date(text: &str) -> Result<NaiveDate, UserError> {
    parse_date(text)
}

pub(super) fn step_status(text: &str) -> Result<StepStatus, UserError> {
    StepStatus::parse(text).ok_or_else(|| UserError::UnknownStatus { given: text.to_string() })
}

pub(super) fn career_section(text: &str) -> Result<CareerSection, UserError> {
    CareerSection::parse(text)
}

pub(super) fn correction_kind(text: &str) -> Result<CorrectionKind, UserError> {
    CorrectionKind::parse(text).ok_or_else(|| UserError::UnknownCorrection { given: text.to_string() })
}

pub(super) fn reason(text: &str) -> Result<Reason, UserError> {
    Reason::new(text)
}

/// Where a `/pause` starts: `today` (or nothing), a date, or `cancel` for the pause running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PauseFrom {
    Today,
    Date(NaiveDate),
    Cancel,
}

pub(super) fn pause_from(text: &str) -> Result<PauseFrom, UserError> {
    match text.to_lowercase().as_str() {
        "cancel" => Ok(PauseFrom::Cancel),
        "today" => Ok(PauseFrom::Today),
        _ => parse_date(text).map(PauseFrom::Date),
    }
}

/// Days of a pause as a whole number; the range is `App`'s to check, with the same error.
pub(super) fn pause_days(text: &str) -> Result<i64, UserError> {
    let given = text.trim();
    given.parse().map_err(|_| UserError::PauseLength { given: given.to_string(), max: MAX_PAUSE_DAYS })
}

/// `/boards`: on, yes or true; off, no or false; in any case.
pub(super) fn boards_switch(text: &str) -> Result<bool, UserError> {
    match text.to_lowercase().as_str() {
        "on" | "yes" | "true" => Ok(true),
        "off" | "no" | "false" => Ok(false),
        _ => Err(UserError::BoardsNeedOnOrOff),
    }
}

/// The topic numbers typed for `/topics`, split at commas and spaces; `none` ticks none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TopicNumbers(pub Vec<usize>);

pub(super) fn topic_numbers(text: &str) -> Result<TopicNumbers, UserError> {
    text.split([',', ' '])
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("none"))
        .map(|w| w.parse().map_err(|_| UserError::NotATopicNumber { given: w.to_string() }))
        .collect::<Result<_, _>>()
        .map(TopicNumbers)
}
