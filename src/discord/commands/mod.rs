//! The slash commands. Each is parse → `App` → embed; the `///` first line of each function is
//! the description Discord shows. Personal answers and every error are ephemeral.

mod boards;
pub mod career;
mod learn;
mod records;
mod schedule;
mod settings;
mod study;

use super::reply::Reply;
use super::{Context, Data, Error};
use poise::serenity_prelude::{CreateActionRow, CreateEmbed};

/// Every command, in the order `/help` lists them.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        learn::roadmap(),
        learn::compare(),
        learn::faq(),
        learn::prompt(),
        career::career(),
        study::checkin(),
        records::streak(),
        records::pause(),
        boards::leaderboard(),
        records::privacy(),
        settings::settings(),
        settings::setup(),
        boards::correct(),
        learn::help(),
    ]
}

/// Up to 25 IANA time zones for what has been typed, for every time zone option.
async fn complete_timezone(ctx: Context<'_>, partial: &str) -> poise::serenity_prelude::CreateAutocompleteResponse {
    use poise::serenity_prelude::{AutocompleteChoice, CreateAutocompleteResponse};
    let choices = ctx.data().app.timezone_choices(partial);
    CreateAutocompleteResponse::new()
        .set_choices(choices.into_iter().map(|c| AutocompleteChoice::new(c.name, c.value)).collect())
}

/// Sends one embed, optionally only to the caller and with buttons; then, once, tells a member
/// whose direct messages turned out to be closed that their nudges stopped.
async fn send(ctx: Context<'_>, embed: CreateEmbed, ephemeral: bool, rows: Vec<CreateActionRow>) -> Result<(), Error> {
    send_reply(ctx, Reply { rows, ..Reply::new(embed, ephemeral) }).await
}

/// `send` for any reply (one with a file, too). A reply that could not be delivered is logged
/// by `reply::send` and is not an error: what the command did stands, and an apology would
/// only tell the user to repeat it.
async fn send_reply(ctx: Context<'_>, reply: Reply) -> Result<(), Error> {
    if !super::reply::send(ctx, reply).await {
        return Ok(());
    }
    if ctx.data().app.take_dm_closed_notice(&super::caller::invoker(ctx)).await? {
        let notice = super::embeds::user_error(&crate::error::UserError::DirectMessagesClosed);
        super::reply::send(ctx, Reply::new(notice, true)).await;
    }
    Ok(())
}
