//! Learning commands answered from the bundled content: /roadmap, /compare, /faq, /prompt,
//! /career, /help.

use super::super::{render, Context, Error};
use super::{answer, autocomplete};
use crate::app::CareerSection;
use crate::commands::Command;
use poise::serenity_prelude as serenity;

async fn complete_faq(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    autocomplete(ctx.data().app.faq_choices(partial, render::limit::CHOICES))
}

async fn complete_technology(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    autocomplete(ctx.data().app.technology_choices(partial, render::limit::CHOICES))
}

async fn complete_step(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    autocomplete(ctx.data().app.step_choices(partial, render::limit::CHOICES))
}

/// The backend learning path, step by step, with your progress
#[poise::command(slash_command)]
pub(crate) async fn roadmap(
    ctx: Context<'_>,
    #[description = "A step number or name, such as 4 or databases"]
    #[autocomplete = "complete_step"]
    #[max_length = 100]
    step: Option<String>,
) -> Result<(), Error> {
    answer(ctx, Command::Roadmap { step }).await
}

/// Compare two technologies side by side (PostgreSQL vs MongoDB, REST vs GraphQL...)
#[poise::command(slash_command)]
pub(crate) async fn compare(
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
    answer(ctx, Command::Compare { names: vec![a, b] }).await
}

/// Ask anything about becoming a backend developer
#[poise::command(slash_command)]
pub(crate) async fn faq(
    ctx: Context<'_>,
    #[description = "Your question, in your own words"]
    #[autocomplete = "complete_faq"]
    #[max_length = 300]
    question: Option<String>,
) -> Result<(), Error> {
    answer(ctx, Command::Faq { question }).await
}

/// Today's learning prompt
#[poise::command(slash_command)]
pub(crate) async fn prompt(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Prompt).await
}

/// The part of the career map to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum Section {
    #[name = "skill tracks"]
    Tracks,
    #[name = "specializations"]
    Specializations,
    #[name = "career levels"]
    Levels,
    #[name = "salary ranges"]
    Salaries,
}

/// The career map: skill tracks, specializations, levels and salary ranges
#[poise::command(slash_command)]
pub(crate) async fn career(
    ctx: Context<'_>,
    #[description = "Which part of the map"] section: Section,
) -> Result<(), Error> {
    let section = match section {
        Section::Tracks => CareerSection::Tracks,
        Section::Specializations => CareerSection::Specializations,
        Section::Levels => CareerSection::Levels,
        Section::Salaries => CareerSection::Salaries,
    };
    answer(ctx, Command::Career { section: Some(section) }).await
}

/// What I can do, and where to start
#[poise::command(slash_command)]
pub(crate) async fn help(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Help).await
}
