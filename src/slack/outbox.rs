//! The scheduler's Slack outbox: the daily prompt posted to the server's channel with
//! `chat.postMessage`, and study nudges by direct message (`conversations.open` once per member,
//! then the channel id is kept in the store, so a nudge costs one request after the first, also
//! after a restart and on another replica) with the
//! **Check in** button. Slack's answers are sorted for the scheduler: a channel or account that
//! can never be reached (`not_in_channel` says how to fix it) is permanent and recorded; a 429
//! holds every send for its `Retry-After`; a connection that never opened sent nothing; anything
//! else may have delivered the message, so it is not sent again.

use super::blocks::{messages, Message};
use super::web::Web;
use crate::app::PromptView;
use crate::domain::MemberRef;
use crate::present::{self, Reply};
use crate::scheduler::{NudgeMessage, Outbox, Pacer, SendError};
use slack_morphism::errors::*;
use slack_morphism::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Sends with the bot token.
pub struct SlackOutbox {
    web: Arc<Web>,
}

impl SlackOutbox {
    pub(super) fn new(web: Arc<Web>) -> Self {
        SlackOutbox { web }
    }

    /// Posts every message of the reply in order. A failure after the first went out may leave
    /// half an answer: it is never sent again.
    async fn post(&self, channel: &SlackChannelId, reply: &Reply, pacer: &Pacer) -> Result<(), SendError> {
        let session = self.web.session();
        for (i, Message { content, .. }) in messages(reply).into_iter().enumerate() {
            pacer.wait().await;
            let request = SlackApiChatPostMessageRequest::new(channel.clone(), content);
            if let Err(error) = session.chat_post_message(&request).await {
                let sorted = classify(error);
                return Err(if i == 0 { sorted } else { SendError::MaybeSent(anyhow::anyhow!("{sorted:?}")) });
            }
        }
        Ok(())
    }

    /// The member's direct-message channel. Opening twice is harmless, so a failure there
    /// that is not a refusal sent nothing and may be tried again.
    async fn direct_channel(&self, user_id: &str, pacer: &Pacer) -> Result<SlackChannelId, SendError> {
        if let Some(known) = self.web.known_direct_channel(user_id) {
            return Ok(known);
        }
        pacer.wait().await;
        self.web.direct_channel(user_id).await.map_err(|e| match classify(e) {
            SendError::MaybeSent(cause) => SendError::NotSent(cause.context("opening the direct message")),
            other => other,
        })
    }
}

impl Outbox for SlackOutbox {
    async fn post_prompt(
        &self,
        channel_id: &str,
        prompt: &PromptView<'_>,
        _: &str,
        pacer: &Pacer,
    ) -> Result<(), SendError> {
        let reply = Reply::shared(present::prompt(prompt));
        self.post(&channel_id.to_string().into(), &reply, pacer).await
    }

    async fn send_nudge(
        &self,
        member: &MemberRef,
        known: Option<&str>,
        nudge: &NudgeMessage,
        pacer: &Pacer,
    ) -> Result<Option<String>, SendError> {
        let (channel, opened) = match known {
            Some(id) => (SlackChannelId::new(id.to_string()), None),
            None => {
                let channel = self.direct_channel(&member.user_id, pacer).await?;
                (channel.clone(), Some(channel.to_string()))
            }
        };
        self.post(&channel, &present::nudge(nudge, &member.space.space_id), pacer).await?;
        Ok(opened)
    }
}

/// Slack's error codes that no retry can fix, with the reason recorded for `/mentor setup show`.
fn permanent(code: &str) -> Option<&'static str> {
    Some(match code {
        "not_in_channel" => "the mentor is not in that channel: invite it there (/invite @backend-mentor), then set the prompt channel again",
        "channel_not_found" => "Slack cannot find that channel, or the mentor cannot see it",
        "is_archived" => "that channel is archived",
        "account_inactive" | "user_disabled" => "that account is deactivated",
        "user_not_found" | "user_not_visible" => "Slack cannot find that member",
        "cannot_dm_bot" => "that member is a bot",
        "restricted_action" | "ekm_access_denied" => "the workspace does not allow the mentor to post there",
        _ => return None,
    })
}

/// Sorts Slack's answer into "never again", "wait", "nothing was sent" and "perhaps sent".
fn classify(error: SlackClientError) -> SendError {
    match error {
        SlackClientError::RateLimitError(limit) => {
            // A 429 without a wait is given a second, the shortest Slack asks for.
            SendError::RateLimited { retry_after: limit.retry_after.unwrap_or(Duration::from_secs(1)), global: false }
        }
        SlackClientError::ApiError(api) => match permanent(&api.code) {
            Some(reason) => SendError::Gone(format!("{reason} ({})", api.code)),
            None => SendError::MaybeSent(anyhow::anyhow!("Slack refused it: {}", api.code)),
        },
        SlackClientError::HttpProtocolError(protocol) if never_connected(&protocol) => {
            SendError::NotSent(anyhow::anyhow!("Slack could not be reached: {protocol}"))
        }
        other => SendError::MaybeSent(anyhow::anyhow!("{other}")),
    }
}

/// The request never left: the connection to Slack was not made.
fn never_connected(error: &SlackClientHttpProtocolError) -> bool {
    let cause = error.cause.as_deref();
    cause.and_then(|c| c.downcast_ref::<hyper_util::client::legacy::Error>()).is_some_and(|e| e.is_connect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_s_answers_are_sorted_for_the_scheduler() {
        let api = |code: &str| SlackClientError::ApiError(SlackClientApiError::new(code.to_string()));
        assert!(matches!(classify(api("not_in_channel")), SendError::Gone(why) if why.contains("/invite")));
        assert!(matches!(classify(api("is_archived")), SendError::Gone(_)));
        assert!(matches!(classify(api("internal_error")), SendError::MaybeSent(_)));
        let limited =
            SlackClientError::RateLimitError(SlackRateLimitError::new().with_retry_after(Duration::from_secs(7)));
        assert!(
            matches!(classify(limited), SendError::RateLimited { retry_after, .. } if retry_after == Duration::from_secs(7))
        );
        let server = SlackClientError::HttpError(SlackClientHttpError::new(HttpStatusCode::BAD_GATEWAY));
        assert!(matches!(classify(server), SendError::MaybeSent(_)));
    }
}
