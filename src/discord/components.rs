//! Clicks on buttons and select menus. poise does not route components, so they arrive here as
//! events (in HTTP mode, requests: `endpoint.rs`); the component's id is read back into a `commands::Action`, the core answers it with
//! the message redrawn, and the click updates that message in place. A problem or an apology is
//! a new private message instead.

use super::callback::{first_answer, Callback, ANSWER_WITHIN};
use super::{caller, render, Data, Error};
use crate::app::App;
use crate::commands::{self, Action, Caller};
use crate::present::Reply;
use chrono::{DateTime, Utc};
use poise::serenity_prelude::{self as serenity, CreateInteractionResponse};

/// poise's event hook: answers component clicks; every other event is left to poise.
pub(crate) async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } = event else {
        return Ok(());
    };
    // Discord's 3 seconds run from here, near enough: clicks are dispatched as they are read.
    let received = tokio::time::Instant::now();
    let data = framework.user_data;
    let Some((result, response)) = answer_click(&data.app, click, data.now()).await else { return Ok(()) };
    let http = &framework.serenity_context.http;
    let to = Callback { http, rest: &data.rest, id: click.id, token: &click.token, name: &click.data.custom_id };
    let answered = first_answer(to, &response, false, received + ANSWER_WITHIN).await;
    match (&result, answered) {
        (Err(error), answered) => commands::log_failure(error, &click.data.custom_id, answered.is_ok()),
        (Ok(_), Err(e)) => {
            // What the click did (a check-in, a step marked) stands; the user just did not see it.
            let maybe_arrived = e.may_have_been_done();
            tracing::warn!(action = %click.data.custom_id, error = %e, maybe_arrived, "a button's answer could not be delivered");
        }
        (Ok(_), Ok(())) => {}
    }
    Ok(())
}

/// A click answered in the core: the outcome (for the log) and the response that shows it.
/// `None` for a component id this release does not know, which gets no answer.
pub(crate) async fn answer_click(
    app: &App,
    click: &serenity::ComponentInteraction,
    now: DateTime<Utc>,
) -> Option<(Result<Reply, Error>, CreateInteractionResponse)> {
    let action = Action::parse(&click.data.custom_id)?;
    let caller = Caller {
        member: caller::member(click.guild_id, click.user.id),
        rights: caller::rights_of(click.member.as_ref()),
    };
    let chosen = match &click.data.kind {
        serenity::ComponentInteractionDataKind::StringSelect { values } => values.clone(),
        _ => Vec::new(),
    };
    let result = commands::click(app, &caller, action, &chosen, now).await;
    let response = match &result {
        Ok(reply) => render::update(reply),
        Err(error) => render::private_message(&commands::failure(error)),
    };
    Some((result, response))
}
