//! Settings: a member's own (time zone, study nudges) and a space's, for moderators (the daily
//! prompt, who sees the boards, the default zone, the moderator role).

use super::{Caller, SettingsChange, SetupRequest};
use crate::app::App;
use crate::error::Error;
use crate::present::{self, Reply};
use chrono::{DateTime, Utc};

pub(super) async fn settings(
    app: &App,
    caller: &Caller,
    change: SettingsChange,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let member = &caller.member;
    if let Some(zone) = change.timezone {
        app.set_timezone(member, zone, now).await?;
    }
    let nudges = match change.nudges {
        Some(request) => Some(app.set_nudges(member, request, now).await?),
        None => None,
    };
    let zone = app.member_timezone(member).await?;
    Ok(Reply::private(present::member_settings(zone, change.timezone.is_some(), nudges)))
}

pub(super) async fn setup(
    app: &App,
    caller: &Caller,
    request: SetupRequest,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let space = &caller.member.space;
    let rights = &caller.rights;
    match request {
        SetupRequest::Preview => {
            return Ok(Reply::private(present::prompt(&app.preview_prompt(space, rights, now).await?)))
        }
        SetupRequest::Boards { members_see } => {
            app.set_members_see_boards(space, rights, members_see, now).await?;
            return Ok(Reply::private(present::boards_visibility(members_see)));
        }
        SetupRequest::Prompts { channel_id, time, timezone, weekdays } => {
            app.setup_prompts(space, rights, &channel_id, (time, timezone, weekdays), now).await?;
        }
        SetupRequest::PromptsOff => {
            app.prompts_off(space, rights).await?;
        }
        SetupRequest::Timezone(zone) => app.set_space_timezone(space, rights, zone, now).await?,
        SetupRequest::ModeratorRole(role) => app.set_moderator_role(space, rights, role.as_deref(), now).await?,
        SetupRequest::Moderator { user_id, add } => {
            app.name_moderator(&caller.member, rights, &user_id, add, now).await?;
        }
        SetupRequest::Show => {}
    }
    let settings = app.space_settings(space, rights).await?;
    let schedule = app.prompt_schedule(space, now).await?;
    Ok(Reply::private(present::space_settings(&settings, schedule.as_ref())))
}
