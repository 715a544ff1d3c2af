//! /checkin: count today as a study day. The answer is ephemeral.

use super::super::options::Options;
use super::super::{Context, Error};
use super::answer;
use crate::commands::Command;
use crate::domain::{Minutes, Note};

/// Count today as a study day (in your own time zone)
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `read_checkin`
pub(crate) async fn checkin(
    ctx: Context<'_>,
    #[description = "Minutes you studied (1 to 1440)"]
    #[min = 1]
    #[max = 1440]
    minutes: Option<i64>,
    #[description = "A short note about what you studied"]
    #[max_length = 500]
    note: Option<String>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_checkin(options: &Options<'_>) -> Result<Command, Error> {
    let minutes = options.integer("minutes").map(Minutes::new).transpose()?;
    let note = Note::new(options.string("note").unwrap_or(""))?;
    Ok(Command::CheckIn { minutes, note })
}
