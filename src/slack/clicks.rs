//! Clicks on buttons and menus under a Slack answer. The `action_id` is read back into a
//! `commands::Action`, the core answers it with the message redrawn, and the redraw replaces the
//! clicked message through the interaction's `response_url` (`replace_original`). A problem or
//! an apology arrives as a new message only the member sees. The envelope is acked at once and
//! the answer follows, so Slack's 3 seconds never depend on the database. The Home tab's
//! buttons and the global shortcut open modals (`forms.rs`), whose submissions are answered
//! here too.

use super::blocks::{messages, Message};
use super::{forms, Core};
use crate::commands::{self, Action, Caller};
use crate::domain::{CallerRights, MemberRef, Platform};
use crate::present::Reply;
use slack_morphism::prelude::*;
use std::sync::Arc;

/// The Socket Mode callback for interactions.
pub(super) async fn on_interaction(
    event: SlackInteractionEvent,
    client: Arc<SlackHyperClient>,
    states: SlackClientEventsUserState,
) -> UserCallbackResult<SlackInteractionResponse> {
    let core = states.read().await.get_user_state::<Core>().cloned().ok_or("the Slack state was not set")?;
    Ok(on_event(&core, &client, event).await)
}

/// An interaction in either mode: a click is answered after the ack, a shortcut opens its
/// modal, a modal's submission is answered in the ack (errors under fields, or closed).
pub(super) async fn on_event(
    core: &Core,
    client: &Arc<SlackHyperClient>,
    event: SlackInteractionEvent,
) -> SlackInteractionResponse {
    let core = core.clone();
    match event {
        SlackInteractionEvent::BlockActions(click) => {
            let client = client.clone();
            core.after_ack.clone().spawn(async move { answer_click(&core, &client, click).await });
        }
        SlackInteractionEvent::Shortcut(shortcut) if shortcut.callback_id.value() == forms::CHECK_IN_SHORTCUT => {
            core.after_ack.clone().spawn(async move { forms::open_check_in(&core, shortcut.trigger_id).await });
        }
        SlackInteractionEvent::ViewSubmission(submission) => return forms::submitted(&core, &submission).await,
        _ => {}
    }
    SlackInteractionResponse::Empty
}

/// Opens the form a Home tab button stands for; false for any other action.
async fn opened_form(
    core: &Core,
    event: &SlackInteractionBlockActionsEvent,
    action: &Action,
    member: &MemberRef,
) -> bool {
    let trigger = event.trigger_id.clone();
    match action {
        Action::OpenSettings => forms::open_settings(core, member, trigger).await,
        Action::OpenCheckIn => forms::open_check_in(core, trigger).await,
        _ => return false,
    }
    true
}

/// What was clicked: the action and a menu's chosen values.
fn clicked(event: &SlackInteractionBlockActionsEvent) -> Option<(Action, Vec<String>)> {
    let info = event.actions.as_ref()?.first()?;
    let action = Action::parse(info.action_id.value())?;
    let mut chosen: Vec<String> = info.selected_options.iter().flatten().map(|option| option.value.clone()).collect();
    chosen.extend(info.selected_option.iter().map(|option| option.value.clone()));
    Some((action, chosen))
}

async fn answer_click(core: &Core, client: &SlackHyperClient, event: SlackInteractionBlockActionsEvent) {
    let (Some((action, chosen)), Some(user), Some(response_url)) = (clicked(&event), &event.user, &event.response_url)
    else {
        return;
    };
    let name = action.format();
    let (team, user) = (event.team.id.value(), user.id.value());
    let rights = if action.consults_rights() {
        core.admins.rights(&core.web, team, user).await
    } else {
        CallerRights::default()
    };
    let caller = Caller { member: MemberRef::new(Platform::Slack, team, user), rights };
    if opened_form(core, &event, &action, &caller.member).await {
        return;
    }
    if let Some(space_id) = action.nudge_space() {
        // Counted in the member's day, in the space the nudge came from.
        let nudged = MemberRef::new(Platform::Slack, space_id, user);
        core.zones.adopt(&core.app, &core.web, &nudged, core.clock.now()).await;
    }
    let result = commands::click(&core.app, &caller, action, &chosen, core.clock.now()).await;
    let (reply, replace) = match &result {
        Ok(reply) => (reply.clone(), true),
        Err(error) => (commands::failure(error), false),
    };
    let delivered = post(client, response_url, &reply, replace).await;
    match (&result, delivered) {
        (Err(error), delivered) => commands::log_failure(error, &name, delivered),
        // What the click did stands; the member just did not see the redraw.
        (Ok(_), false) => tracing::warn!(action = %name, "a Slack click's answer could not be delivered"),
        (Ok(_), true) => {}
    }
}

/// Sends the reply through `response_url`: the first message replaces the clicked one (or is
/// new), the rest of a long redraw follows as new messages. True when all arrived.
async fn post(client: &SlackHyperClient, response_url: &SlackResponseUrl, reply: &Reply, replace: bool) -> bool {
    for (i, Message { content, .. }) in messages(reply).into_iter().enumerate() {
        let request = SlackApiPostWebhookMessageRequest::new(content).with_replace_original(replace && i == 0);
        if let Err(e) = client.respond_to_event(response_url, &request).await {
            tracing::warn!(error = %e, "a Slack click's answer could not be posted");
            return false;
        }
    }
    true
}
