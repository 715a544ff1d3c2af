//! /checkin: count today as a study day. The answer is ephemeral.

use super::super::{caller, study_embeds, Context, Error};
use super::send;
use crate::domain::{Minutes, Note};

/// Count today as a study day (in your own time zone)
#[poise::command(slash_command)]
pub async fn checkin(
    ctx: Context<'_>,
    #[description = "Minutes you studied (1 to 1440)"]
    #[min = 1]
    #[max = 1440]
    minutes: Option<i64>,
    #[description = "A short note about what you studied"]
    #[max_length = 500]
    note: Option<String>,
) -> Result<(), Error> {
    let minutes = minutes.map(Minutes::new).transpose()?;
    let note = Note::new(note.as_deref().unwrap_or(""))?;
    let member = caller::invoker(ctx);
    let view = ctx.data().app.check_in(&member, ctx.data().now(), minutes, note).await?;
    send(ctx, study_embeds::checkin(&view), true, vec![]).await
}
