//! The learning commands: the roadmap and its steps (with the member's progress), comparisons,
//! the FAQ, today's prompt and the career map.

use super::controls::step_rows;
use super::Caller;
use crate::app::{App, CareerSection, StepView};
use crate::commands::Action;
use crate::error::Error;
use crate::present::{self, Button, ButtonStyle, Reply, Row};
use chrono::{DateTime, Utc};

pub(super) async fn roadmap(app: &App, caller: &Caller, step: Option<String>) -> Result<Reply, Error> {
    match step {
        None => {
            let start = Button {
                action: Action::OpenStep(1),
                label: "Start at step 1".to_string(),
                style: ButtonStyle::Primary,
                disabled: false,
            };
            let view = present::roadmap(&app.roadmap_overview(&caller.member).await?);
            Ok(Reply::private(view).with_rows(vec![Row::Buttons(vec![start])]))
        }
        Some(query) => Ok(step_reply(&app.roadmap_step_for(&caller.member, &query).await?)),
    }
}

/// A step with the member's progress and its controls.
pub(super) fn step_reply(view: &StepView<'_>) -> Reply {
    Reply::private(present::step_with_progress(view)).with_rows(step_rows(view))
}

pub(super) async fn step_status(
    app: &App,
    caller: &Caller,
    step: &str,
    status: crate::domain::StepStatus,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let number = app.roadmap_step(step)?.number;
    Ok(step_reply(&app.set_step_status(&caller.member, number, status, now).await?))
}

pub(super) async fn topics(
    app: &App,
    caller: &Caller,
    step: &str,
    done: &[usize],
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let number = app.roadmap_step(step)?.number;
    Ok(step_reply(&app.set_topics_done(&caller.member, number, done, now).await?))
}

pub(super) fn compare(app: &App, names: &[String]) -> Result<Reply, Error> {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    Ok(Reply::shared(present::compare(&app.compare(&names)?)))
}

pub(super) fn compare_phrase(app: &App, phrase: &str) -> Result<Reply, Error> {
    Ok(Reply::shared(present::compare(&app.compare_phrase(phrase)?)))
}

pub(super) fn faq(app: &App, question: Option<&str>) -> Result<Reply, Error> {
    match question {
        None => Ok(Reply::private(present::faq_index(&app.faq_questions()))),
        Some(q) => Ok(Reply::shared(present::faq(&app.faq(q)?, app.content().steps.len()))),
    }
}

pub(super) async fn prompt(app: &App, caller: &Caller, now: DateTime<Utc>) -> Result<Reply, Error> {
    Ok(Reply::shared(present::prompt(&app.todays_prompt(&caller.member.space, now).await?)))
}

pub(super) fn career(app: &App, section: Option<CareerSection>) -> Reply {
    Reply::shared(present::career(app.career(), section))
}
