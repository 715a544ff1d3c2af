//! The study record: check-ins, the streak with its heatmap, history, pauses, groups, boards,
//! moderators' corrections and the privacy actions.

use super::controls::{board_row, delete_row};
use super::{Caller, CorrectionRequest, GroupRequest, OtherMember, PauseRequest, PrivacyRequest, StreakAbout};
use crate::app::{App, BoardRequest};
use crate::domain::{MemberRef, Minutes, Note};
use crate::error::Error;
use crate::present::{self, Attachment, Reply};
use chrono::{DateTime, Utc};

pub(super) async fn check_in(
    app: &App,
    caller: &Caller,
    minutes: Option<Minutes>,
    note: Option<Note>,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    Ok(Reply::private(present::checkin(&app.check_in(&caller.member, now, minutes, note).await?)))
}

pub(super) async fn streak(
    app: &App,
    caller: &Caller,
    whose: Option<OtherMember>,
    about: Option<StreakAbout>,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let target = match &whose {
        Some(other) => {
            MemberRef::new(caller.member.platform(), caller.member.space.space_id.clone(), other.user_id.clone())
        }
        None => caller.member.clone(),
    };
    match about {
        Some(StreakAbout::Rules) => return Ok(Reply::private(present::rules())),
        Some(StreakAbout::History) => return Ok(Reply::private(present::history(&app.history(&target, now).await?))),
        None => {}
    }
    let name = whose.as_ref().map(|w| w.name.as_str());
    // The turn is the asker's: asking for another member's streak draws a heatmap too.
    if let Err(seconds) = app.take_heatmap_turn(&caller.member, now) {
        let view = app.streak(&target, now).await?;
        return Ok(Reply::private(present::streak_heatmap_later(&view, name, seconds)));
    }
    // Both only read, so they run side by side on separate connections.
    let (view, heatmap) = tokio::try_join!(app.streak(&target, now), app.streak_heatmap(&target, now))?;
    let image = Attachment { name: present::HEATMAP_FILE.to_string(), bytes: heatmap.png };
    Ok(Reply::private(present::streak(&view, name, true)).with_attachment(image))
}

pub(super) async fn history(app: &App, caller: &Caller, now: DateTime<Utc>) -> Result<Reply, Error> {
    Ok(Reply::private(present::history(&app.history(&caller.member, now).await?)))
}

pub(super) async fn pause(
    app: &App,
    caller: &Caller,
    request: PauseRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    match request {
        PauseRequest::Cancel => {
            app.cancel_pause(&caller.member, now).await?;
            Ok(Reply::private(present::pause_cancelled()))
        }
        PauseRequest::Start { first, days } => {
            let first = match first {
                Some(day) => day,
                None => app.member_timezone(&caller.member).await?.local_date(now),
            };
            Ok(Reply::private(present::paused(&app.pause(&caller.member, first, days.unwrap_or(1), now).await?)))
        }
    }
}

pub(super) async fn group(
    app: &App,
    caller: &Caller,
    request: GroupRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let view = match request {
        GroupRequest::List => present::groups(&app.groups(&caller.member).await?),
        GroupRequest::Join(group) => {
            present::group_joined(&group.name, app.join_group(&caller.member, &group, now).await?)
        }
        GroupRequest::Leave(group) => present::group_left(&group.name, app.leave_group(&caller.member, &group).await?),
    };
    Ok(Reply::private(view))
}

pub(super) async fn leaderboard(
    app: &App,
    caller: &Caller,
    request: &BoardRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let view = app.leaderboard(&caller.member, &caller.rights, request, now).await?;
    let row = board_row(request, &view);
    Ok(Reply::private(present::leaderboard(&view)).with_rows(vec![row]))
}

pub(super) async fn privacy(
    app: &App,
    caller: &Caller,
    request: PrivacyRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    match request {
        PrivacyRequest::Export => {
            let file = app.privacy_export(&caller.member, now).await?;
            let attachment = Attachment { name: file.file_name, bytes: file.json.into_bytes() };
            Ok(Reply::private(present::export_ready()).with_attachment(attachment))
        }
        PrivacyRequest::AskDelete => Ok(Reply::private(present::delete_asked()).with_rows(vec![delete_row()])),
        PrivacyRequest::Delete => Ok(Reply::private(present::deleted(app.privacy_delete(&caller.member).await?))),
    }
}

pub(super) async fn correct(
    app: &App,
    caller: &Caller,
    request: CorrectionRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let CorrectionRequest { kind, user_id, date, reason } = request;
    let view = app.correct_day(&caller.member, &caller.rights, &user_id, date, kind, &reason, now).await?;
    Ok(Reply::private(present::correction(&view)))
}
