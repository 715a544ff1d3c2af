//! The roadmap's buttons: previous and next step, and marking a step learning, done or skipped.
//!
//! poise does not route button clicks, so they arrive here as events. A button's custom id says
//! what it does (`roadmap:open:4`, `roadmap:set:4:done`); the click updates the message in place.

use super::callback::{first_answer, Callback, ANSWER_WITHIN};
use super::outbox::NUDGE_CHECKIN;
use super::{caller, embeds, record_embeds, study_embeds, Data, Error};
use crate::app::StepView;
use crate::app::{BoardRequest, LeaderboardView};
use crate::domain::group::GroupRef;
use crate::domain::leaderboard::{Metric, Period};
use crate::domain::StepStatus;
use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, CreateActionRow, CreateButton, CreateInteractionResponse, CreateInteractionResponseMessage,
};

/// What a roadmap button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadmapAction {
    Open(u8),
    Set(u8, StepStatus),
}

impl RoadmapAction {
    pub fn custom_id(self) -> String {
        match self {
            RoadmapAction::Open(n) => format!("roadmap:open:{n}"),
            RoadmapAction::Set(n, status) => format!("roadmap:set:{n}:{}", status.as_str()),
        }
    }

    pub fn parse(custom_id: &str) -> Option<Self> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        match parts.as_slice() {
            ["roadmap", "open", n] => Some(RoadmapAction::Open(n.parse().ok()?)),
            ["roadmap", "set", n, status] => Some(RoadmapAction::Set(n.parse().ok()?, StepStatus::parse(status)?)),
            _ => None,
        }
    }
}

fn button(action: RoadmapAction, label: &str, style: ButtonStyle) -> CreateButton {
    CreateButton::new(action.custom_id()).label(label).style(style)
}

/// Under the overview: start at step 1.
pub fn start_row() -> CreateActionRow {
    CreateActionRow::Buttons(vec![button(RoadmapAction::Open(1), "Start at step 1", ButtonStyle::Primary)])
}

/// Under a step: a menu to tick the checklist topics done.
pub fn topics_row(view: &StepView<'_>) -> CreateActionRow {
    let options: Vec<serenity::CreateSelectMenuOption> = view
        .step
        .checklist
        .iter()
        .enumerate()
        .map(|(i, topic)| {
            let label: String = topic.chars().take(100).collect();
            serenity::CreateSelectMenuOption::new(label, (i + 1).to_string())
                .default_selection(view.topics_done.get(i).copied().unwrap_or(false))
        })
        .take(25)
        .collect();
    let count = options.len() as u8;
    let kind = serenity::CreateSelectMenuKind::String { options };
    CreateActionRow::SelectMenu(
        serenity::CreateSelectMenu::new(format!("{TOPICS_PREFIX}{}", view.step.number), kind)
            .placeholder("Tick the checklist topics you have done")
            .min_values(0)
            .max_values(count.max(1)),
    )
}

/// The custom id prefix of a step's topic menu; the step number follows.
const TOPICS_PREFIX: &str = "roadmap:topics:";

/// Under a step: previous, the three statuses, next.
pub fn step_row(view: &StepView<'_>) -> CreateActionRow {
    let n = view.step.number;
    let total = u8::try_from(view.total).unwrap_or(u8::MAX);
    let mark = |status: StepStatus, label: &str| {
        let style = if view.status == status { ButtonStyle::Success } else { ButtonStyle::Secondary };
        button(RoadmapAction::Set(n, status), label, style)
    };
    let previous = button(RoadmapAction::Open(n.saturating_sub(1).max(1)), "◀ Previous", ButtonStyle::Secondary);
    let next = button(RoadmapAction::Open((n + 1).min(total)), "Next ▶", ButtonStyle::Secondary);
    CreateActionRow::Buttons(vec![
        previous.disabled(n <= 1),
        mark(StepStatus::Learning, "Learning"),
        mark(StepStatus::Done, "Done ✓"),
        mark(StepStatus::Skipped, "Skip"),
        next.disabled(n >= total),
    ])
}

/// Previous and next page of a leaderboard; the button carries the whole request.
pub fn board_row(request: &BoardRequest, view: &LeaderboardView) -> CreateActionRow {
    let group = request.group.as_ref().map_or_else(|| "-".to_string(), |g| g.key.clone());
    let id = |page: u32| format!("board:{page}:{}:{}:{group}", request.period.as_str(), metric_name(request.metric));
    let previous =
        CreateButton::new(id(view.page.saturating_sub(1).max(1))).label("◀ Previous").style(ButtonStyle::Secondary);
    let next = CreateButton::new(id(view.page + 1)).label("Next ▶").style(ButtonStyle::Secondary);
    CreateActionRow::Buttons(vec![previous.disabled(view.page <= 1), next.disabled(view.page >= view.pages)])
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Streak => "streak",
        Metric::Days => "days",
        Metric::Minutes => "minutes",
    }
}

/// The confirmation under `/privacy delete`.
pub fn delete_row() -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(DELETE_CONFIRM).label("Delete my data").style(ButtonStyle::Danger)])
}

const DELETE_CONFIRM: &str = "privacy:delete";

/// Reads a board button back into a request.
fn parse_board(custom_id: &str) -> Option<BoardRequest> {
    let mut parts = custom_id.strip_prefix("board:")?.splitn(4, ':');
    let page = parts.next()?.parse().ok()?;
    let period = Period::parse(parts.next()?).ok()?;
    let metric = Metric::parse(parts.next()?).ok()?;
    let group = match parts.next()? {
        "-" => None,
        key => Some(GroupRef { key: key.to_string(), name: key.to_string() }),
    };
    Some(BoardRequest { group, period, metric, page: Some(page) })
}

async fn board_page(
    data: &Data,
    click: &serenity::ComponentInteraction,
    request: BoardRequest,
) -> Result<CreateInteractionResponse, Error> {
    let member = caller::member(click.guild_id, click.user.id);
    let rights = caller::rights_of(click.member.as_ref());
    let view = data.app.leaderboard(&member, &rights, &request, data.now()).await?;
    let message = CreateInteractionResponseMessage::new()
        .embed(record_embeds::leaderboard(&view))
        .components(vec![board_row(&request, &view)]);
    Ok(CreateInteractionResponse::UpdateMessage(message))
}

async fn delete_data(data: &Data, click: &serenity::ComponentInteraction) -> Result<CreateInteractionResponse, Error> {
    let member = caller::member(click.guild_id, click.user.id);
    let deleted = data.app.privacy_delete(&member).await?;
    let text = if deleted { "All your data in this server is deleted." } else { "There was nothing to delete." };
    let message =
        CreateInteractionResponseMessage::new().embed(record_embeds::note("Deleted", text)).components(vec![]);
    Ok(CreateInteractionResponse::UpdateMessage(message))
}

/// poise's event hook: routes button clicks.
pub async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } = event else {
        return Ok(());
    };
    // Discord's 3 seconds run from here, near enough: clicks are dispatched as they are read.
    let received = tokio::time::Instant::now();
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    let result = if let Some(space_id) = click.data.custom_id.strip_prefix(NUDGE_CHECKIN) {
        check_in_from_nudge(data, click, space_id).await
    } else if let Some(number) = click.data.custom_id.strip_prefix(TOPICS_PREFIX) {
        tick_topics(data, click, number).await
    } else if let Some(request) = parse_board(&click.data.custom_id) {
        board_page(data, click, request).await
    } else if click.data.custom_id == DELETE_CONFIRM {
        delete_data(data, click).await
    } else if let Some(action) = RoadmapAction::parse(&click.data.custom_id) {
        respond(framework.user_data, click, action).await
    } else {
        return Ok(());
    };
    let (response, internal) = match result {
        Ok(response) => (response, None),
        Err(Error::User(e)) => (ephemeral(embeds::user_error(&e)), None),
        Err(Error::Internal(e)) => (ephemeral(embeds::apology()), Some(e)),
    };
    let to =
        Callback { http: &ctx.http, rest: &data.rest, id: click.id, token: &click.token, name: &click.data.custom_id };
    let answered = first_answer(to, &response, false, received + ANSWER_WITHIN).await;
    if let Some(cause) = internal {
        let told = if answered.is_ok() { "the user saw an apology" } else { "no apology could be delivered" };
        tracing::error!(action = %click.data.custom_id, error = format!("{cause:#}"), "internal error; {told}");
    } else if let Err(e) = answered {
        // What the click did (a check-in, a step marked) stands; the user just did not see it.
        let maybe_arrived = e.may_have_been_done();
        tracing::warn!(action = %click.data.custom_id, error = %e, maybe_arrived, "a button's answer could not be delivered");
    }
    Ok(())
}

async fn respond(
    data: &Data,
    click: &serenity::ComponentInteraction,
    action: RoadmapAction,
) -> Result<CreateInteractionResponse, Error> {
    let member = caller::member(click.guild_id, click.user.id);
    let view = match action {
        RoadmapAction::Open(n) => data.app.roadmap_step_number(&member, n).await?,
        RoadmapAction::Set(n, status) => data.app.set_step_status(&member, n, status, data.now()).await?,
    };
    Ok(step_update(&view))
}

/// A step's message redrawn in place after a click: the embed, its buttons and topic menu.
fn step_update(view: &StepView<'_>) -> CreateInteractionResponse {
    let message = CreateInteractionResponseMessage::new().embed(embeds::step(view)).components(step_rows(view));
    CreateInteractionResponse::UpdateMessage(message)
}

/// The rows under a step: previous, statuses and next, then the checklist menu.
pub fn step_rows(view: &StepView<'_>) -> Vec<CreateActionRow> {
    vec![step_row(view), topics_row(view)]
}

/// The topic menu: the selected topics become the member's done topics of that step.
async fn tick_topics(
    data: &Data,
    click: &serenity::ComponentInteraction,
    number: &str,
) -> Result<CreateInteractionResponse, Error> {
    let number: u8 = number.parse().map_err(|_| anyhow::anyhow!("a topic menu with a bad step number"))?;
    let serenity::ComponentInteractionDataKind::StringSelect { values } = &click.data.kind else {
        return Err(anyhow::anyhow!("a topic menu answered without values").into());
    };
    let done: Vec<usize> = values.iter().filter_map(|v| v.parse().ok()).collect();
    let member = caller::member(click.guild_id, click.user.id);
    let view = data.app.set_topics_done(&member, number, &done, data.now()).await?;
    Ok(step_update(&view))
}

/// The nudge's button: checks the member in for the server the nudge came from.
async fn check_in_from_nudge(
    data: &Data,
    click: &serenity::ComponentInteraction,
    space_id: &str,
) -> Result<CreateInteractionResponse, Error> {
    let member = crate::domain::MemberRef::new(crate::domain::Platform::Discord, space_id, click.user.id.to_string());
    let view = data.app.check_in(&member, data.now(), None, None).await?;
    let message = CreateInteractionResponseMessage::new().embed(study_embeds::checkin(&view)).components(vec![]);
    Ok(CreateInteractionResponse::UpdateMessage(message))
}

fn ephemeral(embed: serenity::CreateEmbed) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(CreateInteractionResponseMessage::new().embed(embed).ephemeral(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip() {
        for action in [
            RoadmapAction::Open(3),
            RoadmapAction::Set(8, StepStatus::Done),
            RoadmapAction::Set(1, StepStatus::Skipped),
        ] {
            assert_eq!(RoadmapAction::parse(&action.custom_id()), Some(action));
        }
        assert_eq!(RoadmapAction::parse("roadmap:open:x"), None);
        assert_eq!(RoadmapAction::parse("other:thing"), None);
    }
}
