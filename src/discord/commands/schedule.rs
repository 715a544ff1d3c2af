//! Moderators' daily prompt schedule: /setup prompts, /setup off, /setup preview.

use super::super::options::{required, Options};
use super::super::{Context, Error};
use super::answer;
use crate::commands::{Command, SetupRequest};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::Timezone;
use poise::serenity_prelude as serenity;

/// Post the day's learning prompt in a channel at a local time
#[poise::command(slash_command, guild_only, rename = "prompts")]
#[allow(unused_variables)] // declared for registration; read by `read_setup_prompts`
pub(crate) async fn setup_prompts(
    ctx: Context<'_>,
    #[description = "Where to post"]
    #[channel_types("Text")]
    channel: serenity::ChannelId,
    #[description = "Local time of day, such as 09:00"]
    #[max_length = 10]
    time: String,
    #[description = "The time zone of that time, such as America/New_York"]
    #[autocomplete = "super::complete_timezone"]
    #[max_length = 64]
    timezone: String,
    #[description = "Which days: daily (default), weekdays, weekends, or mon,wed,fri"]
    #[max_length = 40]
    weekdays: Option<String>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_setup_prompts(options: &Options<'_>) -> Result<Command, Error> {
    let request = SetupRequest::Prompts {
        channel_id: required(options.channel("channel"))?,
        time: LocalTime::parse(required(options.string("time"))?)?,
        timezone: Timezone::parse(required(options.string("timezone"))?)?,
        weekdays: Weekdays::parse(options.string("weekdays").unwrap_or("daily"))?,
    };
    Ok(Command::Setup(request))
}

/// Stop posting the daily prompt
#[poise::command(slash_command, guild_only, rename = "off")]
pub(crate) async fn setup_off(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx).await
}

/// Show the prompt the next scheduled post will carry
#[poise::command(slash_command, guild_only, rename = "preview")]
pub(crate) async fn setup_preview(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx).await
}
