//! The scheduler's Discord outbox: daily prompts posted to a channel and study nudges sent by
//! direct message with a **Check in** button; the DM channel is opened once per member and then
//! kept in the store, so a nudge costs one request after the first. Requests go through `Rest`, which reads Discord's
//! whole answer: a missing channel, a lost permission or closed DMs are permanent; a 429 says
//! how long to wait; a server error or a lost answer may have delivered the message, so the
//! scheduler does not send it again. Posts and DMs carry a nonce with `enforce_nonce`, so
//! Discord itself refuses a copy of one it already created.

use super::render;
use super::rest::{Rest, RestError};
use crate::app::PromptView;
use crate::domain::MemberRef;
use crate::scheduler::{NudgeMessage, Outbox, Pacer, SendError};
use poise::serenity_prelude as serenity;
use serenity::{CreateMessage, LightMethod, Route};
use std::time::Duration;

/// Sends with the bot's own token and REST proxy.
pub struct DiscordOutbox {
    rest: Rest,
}

impl DiscordOutbox {
    pub fn new(rest: Rest) -> Self {
        DiscordOutbox { rest }
    }

    async fn post(&self, channel_id: serenity::ChannelId, message: &CreateMessage) -> Result<(), SendError> {
        let route = Route::ChannelMessages { channel_id };
        self.rest.send_json(route, LightMethod::Post, message).await.map(|_| ()).map_err(classify)
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
        let message = CreateMessage::new()
            .embed(render::embed(&crate::present::prompt(prompt)))
            .nonce(serenity::Nonce::String(nonce_for(key)))
            .enforce_nonce(true);
        pacer.wait().await;
        self.post(channel, &message).await
    }

    async fn send_nudge(
        &self,
        member: &MemberRef,
        known: Option<&str>,
        nudge: &NudgeMessage,
        pacer: &Pacer,
    ) -> Result<Option<String>, SendError> {
        let (channel, opened) = match known.and_then(|id| id.parse::<u64>().ok()).filter(|id| *id > 0) {
            Some(id) => (serenity::ChannelId::new(id), None),
            None => {
                let user = parse_id(&member.user_id).map(serenity::UserId::new)?;
                pacer.wait().await;
                let channel = self.open_dm(user).await?;
                (channel, Some(channel.to_string()))
            }
        };
        let reply = crate::present::nudge(nudge, &member.space.space_id);
        // One nudge per member, space and day: the nonce names all three.
        let key = format!("nudge/{}/{}/{}", member.space.space_id, member.user_id, nudge.day_ends_at.date_naive());
        let message = CreateMessage::new()
            .embed(render::embed(&reply.view))
            .components(render::components(&reply.rows))
            .nonce(serenity::Nonce::String(nonce_for(&key)))
            .enforce_nonce(true);
        pacer.wait().await;
        self.post(channel, &message).await?;
        Ok(opened)
    }

    /// Every post and DM carries an enforced nonce made from its claim's key.
    fn refuses_copies(&self) -> bool {
        true
    }
}

impl DiscordOutbox {
    /// Opens (or finds) the DM channel. Opening one twice is harmless, so any failure here that
    /// is not a refusal is worth another try: no message has gone out yet.
    async fn open_dm(&self, user: serenity::UserId) -> Result<serenity::ChannelId, SendError> {
        let body = serde_json::json!({ "recipient_id": user.to_string() });
        let answer = self.rest.send_json(Route::UserMeDmChannels, LightMethod::Post, &body).await;
        let bytes = answer.map_err(|e| match classify(e) {
            SendError::MaybeSent(cause) => SendError::NotSent(cause.context("opening the DM channel")),
            other => other,
        })?;
        let channel: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        let id = channel["id"].as_str().and_then(|id| id.parse::<u64>().ok()).filter(|id| *id > 0);
        id.map(serenity::ChannelId::new)
            .ok_or_else(|| SendError::NotSent(anyhow::anyhow!("Discord's DM channel answer had no channel id")))
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

/// Sorts Discord's answers into "never again", "wait", "nothing was sent" and "perhaps sent".
fn classify(error: RestError) -> SendError {
    match error {
        RestError::Refused { status: 429, retry_after, global, .. } => {
            // A 429 without a wait (a proxy's own) is given a second, the shortest Discord asks for.
            SendError::RateLimited { retry_after: retry_after.unwrap_or(Duration::from_secs(1)), global }
        }
        // 10003 unknown channel, 50001 missing access, 50007 cannot DM this user, 50013 missing permissions.
        RestError::Refused { status: status @ (403 | 404), code, message, .. } => {
            SendError::Gone(format!("Discord refused it ({status}, code {code}): {message}"))
        }
        RestError::NotSent(why) => SendError::NotSent(anyhow::anyhow!(why).context("the request to Discord failed")),
        other => SendError::MaybeSent(anyhow::Error::new(other)),
    }
}
