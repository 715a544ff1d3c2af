//! Leaderboards and moderators' corrections: /leaderboard, /correct, and /setup boards.

use super::super::{caller, Context, Error};
use super::answer;
use crate::app::BoardRequest;
use crate::commands::{Command, CorrectionRequest, SetupRequest};
use crate::domain::correction::{parse_date, CorrectionKind, Reason};
use crate::domain::group::GroupRef;
use crate::domain::leaderboard::{Metric, Period};
use poise::serenity_prelude as serenity;

/// The period a board covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum PeriodChoice {
    #[name = "week"]
    Week,
    #[name = "month"]
    Month,
    #[name = "all-time"]
    AllTime,
}

/// What a board ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum MetricChoice {
    #[name = "streak"]
    Streak,
    #[name = "days"]
    Days,
    #[name = "minutes"]
    Minutes,
}

/// A study group's leaderboard (moderators; members when the server allows it)
#[poise::command(slash_command, guild_only)]
pub(crate) async fn leaderboard(
    ctx: Context<'_>,
    #[description = "A study group (a role); everyone if empty"] group: Option<serenity::Role>,
    #[description = "week, month or all-time (default)"] period: Option<PeriodChoice>,
    #[description = "streak (default), days or minutes"] metric: Option<MetricChoice>,
    #[description = "Page number (opens on your own page)"]
    #[min = 1]
    page: Option<u32>,
) -> Result<(), Error> {
    sync_roles(ctx).await?;
    let request = BoardRequest {
        group: group.map(|r| GroupRef::role(&r.id.to_string(), &r.name)),
        period: match period.unwrap_or(PeriodChoice::AllTime) {
            PeriodChoice::Week => Period::Week,
            PeriodChoice::Month => Period::Month,
            PeriodChoice::AllTime => Period::AllTime,
        },
        metric: match metric.unwrap_or(MetricChoice::Streak) {
            MetricChoice::Streak => Metric::Streak,
            MetricChoice::Days => Metric::Days,
            MetricChoice::Minutes => Metric::Minutes,
        },
        page,
    };
    answer(ctx, Command::Leaderboard(request)).await
}

/// Records the caller's roles as their study groups, so role boards know who belongs.
async fn sync_roles(ctx: Context<'_>) -> Result<(), Error> {
    let poise::Context::Application(app_ctx) = ctx else { return Ok(()) };
    let Some(member) = app_ctx.interaction.member.as_deref() else { return Ok(()) };
    let roles: Vec<GroupRef> =
        member.roles.iter().map(|r| GroupRef::role(&r.to_string(), &format!("role {r}"))).collect();
    ctx.data().app.sync_role_groups(&caller::invoker(ctx), &roles, ctx.data().now()).await
}

/// Add or remove a study day for a member, with a reason they can see
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub(crate) async fn correct(
    ctx: Context<'_>,
    #[description = "add or remove"] action: CorrectionAction,
    #[description = "The member"] member: serenity::User,
    #[description = "The day, YYYY-MM-DD, in the member's time zone"]
    #[max_length = 10]
    date: String,
    #[description = "Why (the member sees this in their history)"]
    #[max_length = 300]
    reason: String,
) -> Result<(), Error> {
    let kind = match action {
        CorrectionAction::Add => CorrectionKind::AddDay,
        CorrectionAction::Remove => CorrectionKind::RemoveDay,
    };
    let request = CorrectionRequest {
        kind,
        user_id: member.id.to_string(),
        date: parse_date(&date)?,
        reason: Reason::new(&reason)?,
    };
    answer(ctx, Command::Correct(request)).await
}

/// What `/correct` does to the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum CorrectionAction {
    #[name = "add"]
    Add,
    #[name = "remove"]
    Remove,
}

/// Let members see leaderboards (off by default)
#[poise::command(slash_command, guild_only, rename = "boards")]
pub(crate) async fn setup_boards(
    ctx: Context<'_>,
    #[description = "Whether members may see the boards"] visible: bool,
) -> Result<(), Error> {
    answer(ctx, Command::Setup(SetupRequest::Boards { members_see: visible })).await
}
