//! The scheduler's Discord outbox: daily prompts posted to a channel and study nudges sent by
//! direct message with a **Check in** button. Discord's answers become `SendError`s: a missing
//! channel, a lost permission or closed DMs are permanent; 429 and 5xx are worth another try.

use super::{embeds, study_embeds};
use crate::app::PromptView;
use crate::domain::MemberRef;
use crate::scheduler::{NudgeMessage, Outbox, Pacer, SendError};
use poise::serenity_prelude as serenity;
use serenity::{ButtonStyle, CreateActionRow, CreateButton, CreateMessage, Http};
use std::sync::Arc;
use std::time::Duration;

/// The custom id prefix of the nudge's button; the space id follows, since a DM has no server.
pub const NUDGE_CHECKIN: &str = "nudge:checkin:";

/// Sends through the bot's own HTTP client (and so through the REST proxy when one is set).
pub struct DiscordOutbox {
    http: Arc<Http>,
}

impl DiscordOutbox {
    pub fn new(http: Arc<Http>) -> Self {
        DiscordOutbox { http }
    }
}

impl Outbox for DiscordOutbox {
    async fn post_prompt(
        &self,
        channel_id: &str,
        prompt: &PromptView<'_>,
        key: &str,
        pacer: &Pacer,
    ) -> Result<(), SendError> {
        let channel = parse_id(channel_id).map(serenity::ChannelId::new)?;
        // Discord refuses a second message with the same nonce for a few minutes, a second guard
        // behind the database claim against a retry after an unanswered request.
        let message = CreateMessage::new()
            .embed(embeds::prompt(prompt))
            .nonce(serenity::Nonce::String(nonce_for(key)))
            .enforce_nonce(true);
        pacer.wait().await;
        channel.send_message(&self.http, message).await.map(|_| ()).map_err(classify)
    }

    async fn send_nudge(&self, member: &MemberRef, nudge: &NudgeMessage, pacer: &Pacer) -> Result<(), SendError> {
        let user = parse_id(&member.user_id).map(serenity::UserId::new)?;
        pacer.wait().await;
        let channel = user.create_dm_channel(&self.http).await.map_err(classify)?;
        let button = CreateButton::new(format!("{NUDGE_CHECKIN}{}", member.space.space_id))
            .label("Check in")
            .style(ButtonStyle::Success);
        let message = CreateMessage::new()
            .embed(study_embeds::nudge(nudge))
            .components(vec![CreateActionRow::Buttons(vec![button])]);
        pacer.wait().await;
        channel.id.send_message(&self.http, message).await.map(|_| ()).map_err(classify)
    }
}

fn parse_id(id: &str) -> Result<u64, SendError> {
    id.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| SendError::Gone(format!("\"{id}\" is not a Discord id")))
}

/// A nonce of at most 25 characters derived from the claim's key.
fn nonce_for(key: &str) -> String {
    let hash = crate::domain::rotation::seed_for(key);
    format!("bm{:x}", hash)
}

/// Sorts Discord's refusals into "never again", "wait" and "try later".
fn classify(error: serenity::Error) -> SendError {
    if let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response)) = &error {
        let status = response.status_code.as_u16();
        let code = response.error.code;
        return match status {
            429 => SendError::RateLimited(Duration::from_secs(1)),
            // 10003 unknown channel, 50001 missing access, 50007 cannot DM this user, 50013 missing permissions.
            403 | 404 => {
                SendError::Gone(format!("Discord refused it ({status}, code {code}): {}", response.error.message))
            }
            _ => SendError::Transient(anyhow::Error::new(error).context("Discord answered with an error")),
        };
    }
    SendError::Transient(anyhow::Error::new(error).context("the request to Discord failed"))
}
