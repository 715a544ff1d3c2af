//! Learning commands answered from the bundled content: /roadmap, /compare, /faq, /prompt,
//! /career, /help.

use super::super::options::{required, Options};
use super::super::{Context, Error};
use super::{answer, complete, Completer};
use crate::app::CareerSection;
use crate::commands::Command;
use poise::serenity_prelude as serenity;

async fn complete_faq(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    complete(ctx, Completer::Question, partial).await
}

async fn complete_technology(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    complete(ctx, Completer::Technology, partial).await
}

async fn complete_step(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    complete(ctx, Completer::Step, partial).await
}

/// The backend learning path, step by step, with your progress
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `super::read`
pub(crate) async fn roadmap(
    ctx: Context<'_>,
    #[description = "A step number or name, such as 4 or databases"]
    #[autocomplete = "complete_step"]
    #[max_length = 100]
    step: Option<String>,
) -> Result<(), Error> {
    answer(ctx).await
}

/// Compare two technologies side by side (PostgreSQL vs MongoDB, REST vs GraphQL...)
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `super::read`
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
    answer(ctx).await
}

pub(super) fn read_compare(options: &Options<'_>) -> Result<Command, Error> {
    let names = vec![required(options.string("a"))?.to_string(), required(options.string("b"))?.to_string()];
    Ok(Command::Compare { names })
}

/// Ask anything about becoming a backend developer
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `super::read`
pub(crate) async fn faq(
    ctx: Context<'_>,
    #[description = "Your question, in your own words"]
    #[autocomplete = "complete_faq"]
    #[max_length = 300]
    question: Option<String>,
) -> Result<(), Error> {
    answer(ctx).await
}

/// Today's learning prompt
#[poise::command(slash_command)]
pub(crate) async fn prompt(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx).await
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
#[allow(unused_variables)] // declared for registration; read by `super::read`
pub(crate) async fn career(
    ctx: Context<'_>,
    #[description = "Which part of the map"] section: Section,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_career(options: &Options<'_>) -> Result<Command, Error> {
    let section = match required(options.choice("section"))? {
        Section::Tracks => CareerSection::Tracks,
        Section::Specializations => CareerSection::Specializations,
        Section::Levels => CareerSection::Levels,
        Section::Salaries => CareerSection::Salaries,
    };
    Ok(Command::Career { section: Some(section) })
}

/// What I can do, and where to start
#[poise::command(slash_command)]
pub(crate) async fn help(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx).await
}
