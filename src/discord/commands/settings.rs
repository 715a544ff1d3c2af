//! Settings: /settings for a member's own preferences, /setup for a server's (moderators only:
//! hidden by Discord's default permissions and checked again here, since owners can change
//! what Discord hides).

use super::super::options::{required, Options};
use super::super::{Context, Error};
use super::answer;
use crate::commands::{Command, NudgeChange, SettingsChange, SetupRequest};
use crate::domain::correction::parse_date;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::Timezone;
use poise::serenity_prelude as serenity;

/// Whether study nudges are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum Switch {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
}

/// Your settings: time zone, and a daily study nudge by DM
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments, unused_variables)] // declared for registration; read by `read_settings`
pub(crate) async fn settings(
    ctx: Context<'_>,
    #[description = "Your time zone, such as Europe/Berlin"]
    #[autocomplete = "super::complete_timezone"]
    #[max_length = 64]
    timezone: Option<String>,
    #[description = "A DM at your chosen time when you haven't checked in yet"] nudges: Option<Switch>,
    #[description = "When to nudge you, your local time (such as 19:00)"]
    #[max_length = 10]
    time: Option<String>,
    #[description = "Which days: daily, weekdays, weekends, or mon,wed,fri"]
    #[max_length = 40]
    weekdays: Option<String>,
    #[description = "No nudges until after this date (YYYY-MM-DD)"]
    #[rename = "snooze-until"]
    #[max_length = 10]
    snooze_until: Option<String>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_settings(options: &Options<'_>) -> Result<Command, Error> {
    let switch = options.choice::<Switch>("nudges");
    let (time, weekdays, snooze_until) =
        (options.string("time"), options.string("weekdays"), options.string("snooze-until"));
    let changes_nudges = switch.is_some() || time.is_some() || weekdays.is_some() || snooze_until.is_some();
    let nudges = match changes_nudges {
        false => None,
        true => Some(NudgeChange {
            on: switch != Some(Switch::Off),
            time: time.map(LocalTime::parse).transpose()?,
            weekdays: weekdays.map(Weekdays::parse).transpose()?,
            snooze_until: snooze_until.map(parse_date).transpose()?,
        }),
    };
    let timezone = options.string("timezone").map(Timezone::parse).transpose()?;
    Ok(Command::Settings(SettingsChange { timezone, nudges }))
}

/// Server settings for moderators
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands(
        "setup_show",
        "super::schedule::setup_prompts",
        "super::schedule::setup_off",
        "super::schedule::setup_preview",
        "super::boards::setup_boards",
        "setup_timezone",
        "setup_moderator_role"
    ),
    subcommand_required
)]
pub(crate) async fn setup(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show this server's mentor settings
#[poise::command(slash_command, guild_only, rename = "show")]
pub(crate) async fn setup_show(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx).await
}

/// Set the time zone used for members who have not set their own
#[poise::command(slash_command, guild_only, rename = "timezone")]
#[allow(unused_variables)] // declared for registration; read by `read_setup_timezone`
pub(crate) async fn setup_timezone(
    ctx: Context<'_>,
    #[description = "An IANA time zone, such as America/New_York"]
    #[autocomplete = "super::complete_timezone"]
    #[max_length = 64]
    zone: String,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_setup_timezone(options: &Options<'_>) -> Result<Command, Error> {
    Ok(Command::Setup(SetupRequest::Timezone(Timezone::parse(required(options.string("zone"))?)?)))
}

/// Let members of a role use moderator commands (leave empty to clear)
#[poise::command(slash_command, guild_only, rename = "moderator-role")]
#[allow(unused_variables)] // declared for registration; read by `read_setup_moderator_role`
pub(crate) async fn setup_moderator_role(
    ctx: Context<'_>,
    #[description = "The moderator role"] role: Option<serenity::Role>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_setup_moderator_role(options: &Options<'_>) -> Command {
    Command::Setup(SetupRequest::ModeratorRole(options.role("role").map(|r| r.id)))
}
