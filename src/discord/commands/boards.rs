//! Leaderboards and moderators' corrections: /leaderboard, /correct, and /setup boards.

use super::super::options::{required, Options};
use super::super::{Context, Error};
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
#[allow(unused_variables)] // declared for registration; read by `read_leaderboard`
pub(crate) async fn leaderboard(
    ctx: Context<'_>,
    #[description = "A study group (a role); everyone if empty"] group: Option<serenity::Role>,
    #[description = "week, month or all-time (default)"] period: Option<PeriodChoice>,
    #[description = "streak (default), days or minutes"] metric: Option<MetricChoice>,
    #[description = "Page number (opens on your own page)"]
    #[min = 1]
    page: Option<u32>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_leaderboard(options: &Options<'_>) -> Command {
    let request = BoardRequest {
        group: options.role("group").map(|r| GroupRef::role(&r.id, &r.name)),
        period: match options.choice("period").unwrap_or(PeriodChoice::AllTime) {
            PeriodChoice::Week => Period::Week,
            PeriodChoice::Month => Period::Month,
            PeriodChoice::AllTime => Period::AllTime,
        },
        metric: match options.choice("metric").unwrap_or(MetricChoice::Streak) {
            MetricChoice::Streak => Metric::Streak,
            MetricChoice::Days => Metric::Days,
            MetricChoice::Minutes => Metric::Minutes,
        },
        page: options.integer("page").and_then(|page| u32::try_from(page).ok()),
    };
    Command::Leaderboard(request)
}

/// Add or remove a study day for a member, with a reason they can see
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
#[allow(unused_variables)] // declared for registration; read by `read_correct`
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
    answer(ctx).await
}

pub(super) fn read_correct(options: &Options<'_>) -> Result<Command, Error> {
    let kind = match required(options.choice("action"))? {
        CorrectionAction::Add => CorrectionKind::AddDay,
        CorrectionAction::Remove => CorrectionKind::RemoveDay,
    };
    let request = CorrectionRequest {
        kind,
        user_id: required(options.user("member"))?.id,
        date: parse_date(required(options.string("date"))?)?,
        reason: Reason::new(required(options.string("reason"))?)?,
    };
    Ok(Command::Correct(request))
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
#[allow(unused_variables)] // declared for registration; read by `read_setup_boards`
pub(crate) async fn setup_boards(
    ctx: Context<'_>,
    #[description = "Whether members may see the boards"] visible: bool,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_setup_boards(options: &Options<'_>) -> Result<Command, Error> {
    Ok(Command::Setup(SetupRequest::Boards { members_see: required(options.boolean("visible"))? }))
}
