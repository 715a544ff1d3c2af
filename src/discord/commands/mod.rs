//! The slash commands. Each reads its options into a `commands::Command` and hands it to
//! `answer`, which runs it in the core and sends the rendered reply; the `///` first line of each
//! function is the description Discord shows.

mod boards;
mod learn;
mod records;
mod schedule;
mod settings;
mod study;

use super::{caller, render, Context, Data, Error};
use crate::commands::{self, Command};
use poise::serenity_prelude::{AutocompleteChoice, CreateAutocompleteResponse};

/// Every command, in the order `/help` lists them.
pub(crate) fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        learn::roadmap(),
        learn::compare(),
        learn::faq(),
        learn::prompt(),
        learn::career(),
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
async fn complete_timezone(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    autocomplete(ctx.data().app.timezone_choices(partial, render::limit::CHOICES))
}

/// Choices as Discord's autocomplete answer (at most 25).
fn autocomplete(choices: Vec<crate::app::Choice>) -> CreateAutocompleteResponse {
    let choices = choices.into_iter().map(|c| AutocompleteChoice::new(c.name, c.value)).collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}

/// Runs a command in the core and sends its answer; then, once, tells a member whose direct
/// messages turned out to be closed that their nudges stopped. A reply that could not be
/// delivered is logged by `reply::send` and is not an error: what the command did stands, and
/// an apology would only tell the user to repeat it.
async fn answer(ctx: Context<'_>, command: Command) -> Result<(), Error> {
    let caller = caller::of(ctx);
    let reply = commands::run(&ctx.data().app, &caller, command, ctx.data().now()).await?;
    if !super::reply::send(ctx, render::reply(&reply)).await {
        return Ok(());
    }
    if let Some(notice) = commands::pending_notice(&ctx.data().app, &caller).await? {
        super::reply::send(ctx, render::reply(&notice)).await;
    }
    Ok(())
}
