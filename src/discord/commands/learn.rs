//! Learning commands answered from the bundled content: /roadmap, /compare, /faq, /prompt, /help.

use super::super::{buttons, caller, embeds, Context, Error};
use super::send;
use poise::serenity_prelude as serenity;

async fn complete_faq(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = ctx.data().app.faq_choices(partial);
    autocomplete(choices)
}

async fn complete_technology(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    autocomplete(ctx.data().app.technology_choices(partial))
}

async fn complete_step(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    autocomplete(ctx.data().app.step_choices(partial))
}

fn autocomplete(choices: Vec<crate::app::Choice>) -> serenity::CreateAutocompleteResponse {
    let choices = choices.into_iter().map(|c| serenity::AutocompleteChoice::new(c.name, c.value)).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The backend learning path, step by step, with your progress
#[poise::command(slash_command)]
pub async fn roadmap(
    ctx: Context<'_>,
    #[description = "A step number or name, such as 4 or databases"]
    #[autocomplete = "complete_step"]
    #[max_length = 100]
    step: Option<String>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    match step {
        None => {
            send(ctx, embeds::roadmap(&app.roadmap_overview(&member).await?), true, vec![buttons::start_row()]).await
        }
        Some(query) => {
            let view = app.roadmap_step_for(&member, &query).await?;
            send(ctx, embeds::step(&view), true, buttons::step_rows(&view)).await
        }
    }
}

/// Compare two technologies side by side (PostgreSQL vs MongoDB, REST vs GraphQL...)
#[poise::command(slash_command)]
pub async fn compare(
    ctx: Context<'_>,
    #[description = "The first technology"]
    #[autocomplete = "complete_technology"]
    #[max_length = 100]
    a: String,
    #[description = "The second technology"]
    #[autocomplete = "complete_technology"]
    #[max_length = 100]
    b: String,
) -> Result<(), Error> {
    let view = ctx.data().app.compare(&[&a, &b])?;
    send(ctx, embeds::compare(&view), false, vec![]).await
}

/// Ask anything about becoming a backend developer
#[poise::command(slash_command)]
pub async fn faq(
    ctx: Context<'_>,
    #[description = "Your question, in your own words"]
    #[autocomplete = "complete_faq"]
    #[max_length = 300]
    question: Option<String>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    match question {
        None => send(ctx, embeds::faq_index(&app.faq_questions()), true, vec![]).await,
        Some(q) => {
            let view = app.faq(&q)?;
            send(ctx, embeds::faq(&view, app.content().steps.len()), false, vec![]).await
        }
    }
}

/// Today's learning prompt
#[poise::command(slash_command)]
pub async fn prompt(ctx: Context<'_>) -> Result<(), Error> {
    let member = caller::invoker(ctx);
    let view = ctx.data().app.todays_prompt(&member.space, ctx.data().now()).await?;
    send(ctx, embeds::prompt(&view), false, vec![]).await
}

/// What I can do, and where to start
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    send(ctx, embeds::help(), true, vec![]).await
}
