//! The slash commands. Each is declared once as a poise command (its options, limits and the
//! `///` first line Discord shows), which is what gets registered; whichever way the interaction
//! arrives (the gateway through poise, or HTTP mode), `read` turns its options into one
//! `commands::Command` and `answer_interaction` runs it in the core.

mod boards;
mod learn;
mod records;
mod schedule;
mod settings;
mod study;

use super::options::Options;
use super::{caller, render, Context, Data, Error};
use crate::app::{App, Choice};
use crate::commands::{self, Caller, Command};
use crate::domain::GroupRef;
use crate::error::UserError;
use crate::present::Reply;
use chrono::{DateTime, Utc};
use poise::serenity_prelude::{self as serenity, AutocompleteChoice, CreateAutocompleteResponse};

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

/// A command interaction as a `Command`: by its name, and its subcommand's for `/setup`.
fn read(data: &serenity::CommandData) -> Result<Command, Error> {
    let (subcommand, options) = Options::of(data);
    let options = &options;
    Ok(match (data.name.as_str(), subcommand) {
        ("roadmap", None) => Command::Roadmap { step: options.string("step").map(str::to_string) },
        ("compare", None) => learn::read_compare(options)?,
        ("faq", None) => Command::Faq { question: options.string("question").map(str::to_string) },
        ("prompt", None) => Command::Prompt,
        ("career", None) => learn::read_career(options)?,
        ("checkin", None) => study::read_checkin(options)?,
        ("streak", None) => records::read_streak(options),
        ("pause", None) => records::read_pause(options)?,
        ("leaderboard", None) => boards::read_leaderboard(options),
        ("privacy", None) => records::read_privacy(options)?,
        ("settings", None) => settings::read_settings(options)?,
        ("correct", None) => boards::read_correct(options)?,
        ("help", None) => Command::Help,
        ("setup", Some("show")) => Command::Setup(commands::SetupRequest::Show),
        ("setup", Some("prompts")) => schedule::read_setup_prompts(options)?,
        ("setup", Some("off")) => Command::Setup(commands::SetupRequest::PromptsOff),
        ("setup", Some("preview")) => Command::Setup(commands::SetupRequest::Preview),
        ("setup", Some("boards")) => boards::read_setup_boards(options)?,
        ("setup", Some("timezone")) => settings::read_setup_timezone(options)?,
        ("setup", Some("moderator-role")) => settings::read_setup_moderator_role(options),
        _ => return Err(UserError::UnknownCommand.into()),
    })
}

/// Reads and runs a command interaction. A leaderboard first records the invoker's roles as
/// study groups (Discord tells a member's roles only with their own interactions).
pub(crate) async fn answer_interaction(
    app: &App,
    caller: &Caller,
    interaction: &serenity::CommandInteraction,
    now: DateTime<Utc>,
) -> Result<Reply, Error> {
    let command = read(&interaction.data)?;
    if let (Command::Leaderboard(_), Some(member)) = (&command, interaction.member.as_deref()) {
        let roles: Vec<GroupRef> =
            member.roles.iter().map(|r| GroupRef::role(&r.to_string(), &format!("role {r}"))).collect();
        app.sync_role_groups(&caller.member, &roles, now).await?;
    }
    commands::run(app, caller, command, now).await
}

/// What an option's autocomplete offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Completer {
    Question,
    Technology,
    Step,
    Timezone,
}

impl Completer {
    /// The completer of an option by its name (every option declared with `autocomplete`).
    pub(crate) fn of_option(name: &str) -> Option<Self> {
        match name {
            "question" => Some(Completer::Question),
            "a" | "b" => Some(Completer::Technology),
            "step" => Some(Completer::Step),
            "timezone" | "zone" => Some(Completer::Timezone),
            _ => None,
        }
    }

    /// Up to 25 choices for what has been typed, as Discord's autocomplete answer.
    pub(crate) fn answer(self, app: &App, partial: &str) -> CreateAutocompleteResponse {
        let limit = render::limit::CHOICES;
        let choices: Vec<Choice> = match self {
            Completer::Question => app.faq_choices(partial, limit),
            Completer::Technology => app.technology_choices(partial, limit),
            Completer::Step => app.step_choices(partial, limit),
            Completer::Timezone => app.timezone_choices(partial, limit),
        };
        let choices = choices.into_iter().map(|c| AutocompleteChoice::new(c.name, c.value)).collect();
        CreateAutocompleteResponse::new().set_choices(choices)
    }
}

async fn complete(ctx: Context<'_>, completer: Completer, partial: &str) -> CreateAutocompleteResponse {
    completer.answer(&ctx.data().app, partial)
}

/// Up to 25 IANA time zones for what has been typed, for every time zone option.
async fn complete_timezone(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    complete(ctx, Completer::Timezone, partial).await
}

/// Runs the invoked command in the core and sends its answer; then, once, tells a member whose
/// direct messages turned out to be closed that their nudges stopped. A reply that could not
/// be delivered is logged by `reply::send` and is not an error: what the command did stands,
/// and an apology would only tell the user to repeat it.
async fn answer(ctx: Context<'_>) -> Result<(), Error> {
    let poise::Context::Application(app_ctx) = ctx else { return Ok(()) };
    let caller = caller::of(app_ctx.interaction);
    let reply = answer_interaction(&ctx.data().app, &caller, app_ctx.interaction, ctx.data().now()).await?;
    if !super::reply::send(ctx, render::reply(&reply)).await {
        return Ok(());
    }
    if let Some(notice) = commands::pending_notice(&ctx.data().app, &caller).await? {
        super::reply::send(ctx, render::reply(&notice)).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every option a definition marks for autocomplete, with its command's name.
    fn autocompleted_options() -> Vec<String> {
        let mut commands = all();
        poise::set_qualified_names(&mut commands);
        let registered = serde_json::to_value(poise::builtins::create_application_commands(&commands)).unwrap();
        let mut found = Vec::new();
        let mut stack: Vec<&serde_json::Value> = registered.as_array().unwrap().iter().collect();
        while let Some(node) = stack.pop() {
            if node["autocomplete"] == true {
                found.push(node["name"].as_str().unwrap().to_string());
            }
            stack.extend(node["options"].as_array().into_iter().flatten());
        }
        found
    }

    #[test]
    fn every_option_declared_with_autocomplete_has_a_completer_for_http_mode() {
        let options = autocompleted_options();
        assert!(options.len() >= 5, "the definitions mark their autocompleted options: {options:?}");
        for name in &options {
            assert!(Completer::of_option(name).is_some(), "option {name} autocompletes on the gateway only");
        }
    }
}
