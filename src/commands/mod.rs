//! Commands as values: every user action is parsed into a `Command` at the edge and answered by
//! one transport-free function, `run(app, caller, command, now) -> Result<Reply, Error>`; a click
//! on a button or menu is an `Action`, answered by `click` with the message redrawn. Front ends
//! (Discord, Slack, the console) only parse their syntax into these values and render the
//! neutral `Reply`; `failure` turns any error into the reply for every path alike.

mod action;
mod controls;
mod input;
mod learn;
mod observed;
mod records;
mod settings;

pub use action::Action;
pub use input::{
    Command, CorrectionRequest, GroupRequest, NudgeChange, OtherMember, PauseRequest, PrivacyRequest, SettingsChange,
    SetupRequest, StreakAbout,
};

use crate::app::App;
use crate::domain::{CallerRights, MemberRef};
use crate::error::{Error, UserError};
use crate::present::{self, Reply};
use chrono::{DateTime, Utc};
use std::borrow::Cow;

/// Who is asking: the member and the rights their platform gives them in the space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub member: MemberRef,
    pub rights: CallerRights,
}

/// Answers one command, in its span (`observed.rs`).
pub async fn run(app: &App, caller: &Caller, command: Command, now: DateTime<Utc>) -> Result<Reply, Error> {
    observed::observed(caller, command.name(), answer(app, caller, command, now)).await
}

async fn answer(app: &App, caller: &Caller, command: Command, now: DateTime<Utc>) -> Result<Reply, Error> {
    let caller = &rights_if(app, caller, command.consults_rights()).await?;
    match command {
        Command::Help => Ok(Reply::private(present::help())),
        Command::Roadmap { step } => learn::roadmap(app, caller, step).await,
        Command::StepStatus { step, status } => learn::step_status(app, caller, &step, status, now).await,
        Command::Topics { step, done } => learn::topics(app, caller, &step, &done, now).await,
        Command::Compare { names } => learn::compare(app, &names),
        Command::ComparePhrase { phrase } => learn::compare_phrase(app, &phrase),
        Command::Faq { question } => learn::faq(app, question.as_deref()),
        Command::Prompt => learn::prompt(app, caller, now).await,
        Command::Career { section } => Ok(learn::career(app, section)),
        Command::CheckIn { minutes, note } => records::check_in(app, caller, minutes, note, now).await,
        Command::Streak { whose, about } => records::streak(app, caller, whose, about, now).await,
        Command::History => records::history(app, caller, now).await,
        Command::Pause(request) => records::pause(app, caller, request, now).await,
        Command::Group(request) => records::group(app, caller, request, now).await,
        Command::Leaderboard(request) => records::leaderboard(app, caller, &request, now).await,
        Command::Privacy(request) => records::privacy(app, caller, request, now).await,
        Command::Correct(request) => records::correct(app, caller, request, now).await,
        Command::Settings(change) => settings::settings(app, caller, change, now).await,
        Command::Setup(request) => settings::setup(app, caller, request, now).await,
    }
}

/// Answers a click: the message it was on, redrawn. `chosen` holds a menu's chosen values.
pub async fn click(
    app: &App,
    caller: &Caller,
    action: Action,
    chosen: &[String],
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    observed::observed(caller, action.name(), answer_click(app, caller, action, chosen, now)).await
}

async fn answer_click(
    app: &App,
    caller: &Caller,
    action: Action,
    chosen: &[String],
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let caller = &rights_if(app, caller, action.consults_rights()).await?;
    let member = &caller.member;
    match action {
        Action::OpenStep(n) => Ok(learn::step_reply(&app.roadmap_step_number(member, n).await?)),
        Action::SetStep(n, status) => Ok(learn::step_reply(&app.set_step_status(member, n, status, now).await?)),
        Action::Topics(n) => {
            let done: Vec<usize> = chosen.iter().filter_map(|v| v.parse().ok()).collect();
            Ok(learn::step_reply(&app.set_topics_done(member, n, &done, now).await?))
        }
        Action::BoardPage(request) => records::leaderboard(app, caller, &request, now).await,
        Action::DeleteData => records::privacy(app, caller, PrivacyRequest::Delete, now).await,
        Action::NudgeCheckIn { space_id } => records::check_in(app, &nudged(caller, &space_id), None, None, now).await,
        Action::NudgeSnooze { space_id } => {
            let through = app.snooze_nudges(&nudged(caller, &space_id).member, SNOOZE_DAYS, now).await?;
            Ok(Reply::private(present::nudges_snoozed(through)))
        }
        Action::NudgeSkipToday { space_id } => {
            let today = PauseRequest::Start { first: None, days: Some(1) };
            records::pause(app, &nudged(caller, &space_id), today, now).await
        }
        Action::OpenSettings => settings::settings(app, caller, SettingsChange::default(), now).await,
        Action::OpenCheckIn => records::check_in(app, caller, None, None, now).await,
    }
}

/// The member's home screen: their day at a glance, with buttons to settings and a check-in.
pub async fn home(app: &App, caller: &Caller, now: DateTime<Utc>) -> Result<Reply, Error> {
    Ok(present::home(&app.home(&caller.member, now).await?))
}

/// The caller, with the rights the space adds to the platform's (a moderator named them one)
/// when the command or click consults rights; otherwise as given, with no store read.
async fn rights_if<'a>(app: &App, caller: &'a Caller, consults: bool) -> Result<Cow<'a, Caller>, Error> {
    if !consults {
        return Ok(Cow::Borrowed(caller));
    }
    let rights = app.rights_in_space(&caller.member, caller.rights.clone()).await?;
    Ok(Cow::Owned(Caller { member: caller.member.clone(), rights }))
}

/// How many days the nudge's Snooze button holds nudges back.
pub const SNOOZE_DAYS: u32 = 7;

/// The caller as the member of the space a nudge came from: a nudge arrives by direct
/// message, outside any space, so its button says which.
fn nudged(caller: &Caller, space_id: &str) -> Caller {
    let member = MemberRef::new(caller.member.platform(), space_id, caller.member.user_id.clone());
    Caller { member, rights: CallerRights::default() }
}

/// The one notice a member is owed after their answer: their nudges stopped because their
/// direct messages were closed. Front ends call it once the answer was delivered.
pub async fn pending_notice(app: &App, caller: &Caller) -> Result<Option<Reply>, Error> {
    let owed = app.take_dm_closed_notice(&caller.member).await?;
    Ok(owed.then(|| Reply::private(present::user_error(&UserError::DirectMessagesClosed))))
}

/// The reply for a failed command or click: a problem in words the user can act on, or, for
/// an internal error, only an apology. Always private. Pair it with `log_failure`.
pub fn failure(error: &Error) -> Reply {
    match error {
        Error::User(e) => Reply::private(present::user_error(e)),
        Error::Internal(_) => Reply::private(present::apology()),
    }
}

/// Logs an internal error once, with its cause chain and whether the apology reached the user.
/// A user's own mistake is not logged: it is an answer, not a fault.
pub fn log_failure(error: &Error, action: &str, delivered: bool) {
    if let Error::Internal(cause) = error {
        let error = format!("{cause:#}");
        if delivered {
            tracing::error!(action, error, "internal error; the user saw an apology");
        } else {
            tracing::error!(action, error, "internal error; no apology could be delivered");
        }
    }
}
