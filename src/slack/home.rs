//! The App Home tab: when a member opens it (`app_home_opened`), their day at a glance is
//! published with `views.publish` (their streak, today's status and deadline in their zone,
//! today's prompt, the next nudge) with buttons to the settings modal and to log a check-in.
//! It is drawn from the same neutral reply as every other answer and redrawn after a form
//! saves. Events arrive through Socket Mode or HTTP mode's events route.

use super::blocks::messages;
use super::Core;
use crate::commands::{self, Caller};
use crate::domain::{CallerRights, MemberRef, Platform};
use slack_morphism::prelude::*;
use std::sync::Arc;

/// The Socket Mode callback for Events API envelopes.
pub(super) async fn on_push_event(
    event: SlackPushEventCallback,
    _client: Arc<SlackHyperClient>,
    states: SlackClientEventsUserState,
) -> UserCallbackResult<()> {
    let core = states.read().await.get_user_state::<Core>().cloned().ok_or("the Slack state was not set")?;
    on_event(&core, event);
    Ok(())
}

/// An event in either mode; the Home tab's opening is the one subscribed.
pub(super) fn on_event(core: &Core, event: SlackPushEventCallback) {
    if let SlackEventCallbackBody::AppHomeOpened(opened) = event.event {
        if opened.tab.as_deref().is_none_or(|tab| tab == "home") {
            let member = MemberRef::new(Platform::Slack, event.team_id.value(), opened.user.value());
            let core = core.clone();
            core.after_ack.clone().spawn(async move { publish(&core, &member).await });
        }
    }
}

/// Publishes the member's Home tab.
pub(super) async fn publish(core: &Core, member: &MemberRef) {
    let now = core.clock.now();
    core.zones.adopt(&core.app, &core.web, member, now).await;
    let caller = Caller { member: member.clone(), rights: CallerRights::default() };
    let reply = commands::home(&core.app, &caller, now).await.unwrap_or_else(|error| {
        commands::log_failure(&error, "home tab", true);
        commands::failure(&error)
    });
    // A Home tab holds 100 blocks; the home reply is a few, so its first message is all of it.
    let blocks = messages(&reply).into_iter().next().and_then(|m| m.content.blocks).unwrap_or_default();
    let request =
        SlackApiViewsPublishRequest::new(member.user_id.clone().into(), SlackView::Home(SlackHomeView::new(blocks)));
    if let Err(e) = core.web.session().views_publish(&request).await {
        tracing::warn!(error = %e, "the Slack Home tab could not be published");
    }
}
