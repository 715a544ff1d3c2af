//! What the fake Discord remembers between requests: registered commands (with the ids it assigned),
//! the interactions it sent and whether and when they were answered, the messages the bot created, and
//! the DM channels it opened. Only what a later request or a test needs is kept.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::fixtures::snowflake;

/// Discord invalidates an interaction token that gets no first answer within 3 seconds.
pub(super) const ANSWER_WITHIN: Duration = Duration::from_secs(3);

/// A command as registered: the id Discord assigned and the guild it belongs to (global when `None`).
#[derive(Clone)]
pub(super) struct RegisteredCommand {
    pub id: String,
    pub guild_id: Option<String>,
    pub echo: Value,
}

/// An interaction sent to the bot.
pub(super) struct Interaction {
    pub id: String,
    pub channel_id: String,
    pub sent_at: Instant,
    pub acknowledged: bool,
    /// The message a component interaction was clicked on, which an UPDATE_MESSAGE answer edits.
    pub message: Option<Value>,
    /// The id of the interaction's original response message, once there is one.
    pub original: Option<String>,
}

/// A request Discord would refuse: the HTTP status, Discord's error code and message, and why, in words a
/// test failure can show.
pub(super) struct Refusal {
    pub status: u16,
    pub code: u64,
    pub message: &'static str,
    pub why: String,
}

fn refusal(status: u16, code: u64, message: &'static str, why: impl Into<String>) -> Refusal {
    Refusal { status, code, message, why: why.into() }
}

pub(super) fn unknown_message(why: impl Into<String>) -> Refusal {
    refusal(404, 10008, "Unknown Message", why)
}

pub(super) fn unknown_webhook(why: impl Into<String>) -> Refusal {
    refusal(404, 10015, "Unknown Webhook", why)
}

#[derive(Default)]
pub(super) struct Store {
    commands: Vec<RegisteredCommand>,
    /// Interactions by token.
    interactions: HashMap<String, Interaction>,
    messages: HashMap<String, Value>,
    /// DM channel ids by recipient user id.
    dm_channels: HashMap<String, String>,
    /// The message made for each (channel, nonce) sent with `enforce_nonce`, and when.
    nonces: HashMap<(String, String), (String, Instant)>,
}

/// How long a nonce is remembered. Discord says "the past few minutes"; the fake takes the short
/// end, so a resend the bot makes later than this is seen as the copy it would be.
const NONCE_MEMORY: Duration = Duration::from_secs(120);

impl Store {
    /// Makes room for this many interactions and their messages up front, so a long load run never
    /// waits on the fake while it rehashes a map of a hundred thousand entries.
    pub(super) fn reserve(&mut self, interactions: usize) {
        self.interactions.reserve(interactions);
        self.messages.reserve(interactions);
    }

    /// Replaces the commands of one scope (a bulk overwrite), keeping the id of a command whose name was
    /// already registered there, as Discord does. Returns the commands as Discord echoes them.
    pub(super) fn register(&mut self, guild_id: Option<&str>, application_id: u64, body: &Value) -> Value {
        let guild_id = guild_id.map(str::to_string);
        let old: Vec<RegisteredCommand> = self.commands.iter().filter(|c| c.guild_id == guild_id).cloned().collect();
        self.commands.retain(|c| c.guild_id != guild_id);
        for command in body.as_array().into_iter().flatten() {
            let name = command["name"].as_str().unwrap_or_default();
            let id =
                old.iter().find(|c| c.echo["name"] == name).map_or_else(|| snowflake().to_string(), |c| c.id.clone());
            let echo = echo_command(command, &id, guild_id.as_deref(), application_id);
            self.commands.push(RegisteredCommand { id, guild_id: guild_id.clone(), echo });
        }
        self.commands_of(guild_id.as_deref())
    }

    pub(super) fn commands_of(&self, guild_id: Option<&str>) -> Value {
        let scope = self.commands.iter().filter(|c| c.guild_id.as_deref() == guild_id);
        Value::Array(scope.map(|c| c.echo.clone()).collect())
    }

    /// The registered command with this name; a guild command wins over a global one, as in Discord's
    /// command picker.
    pub(super) fn command(&self, name: &str) -> Option<&RegisteredCommand> {
        let named = || self.commands.iter().filter(move |c| c.echo["name"] == name);
        named().find(|c| c.guild_id.is_some()).or_else(|| named().next())
    }

    pub(super) fn track_interaction(&mut self, payload: &Value) {
        let token = payload["token"].as_str().unwrap_or_default().to_string();
        let interaction = Interaction {
            id: payload["id"].as_str().unwrap_or_default().to_string(),
            channel_id: payload["channel_id"].as_str().unwrap_or_default().to_string(),
            sent_at: Instant::now(),
            acknowledged: false,
            message: payload.get("message").cloned(),
            original: None,
        };
        self.interactions.insert(token, interaction);
    }

    /// Marks an interaction answered by an HTTP response body.
    pub(super) fn answered_by_response(&mut self, token: &str) -> Option<()> {
        self.interactions.get_mut(token)?.acknowledged = true;
        Some(())
    }

    /// Records the first answer to an interaction, or says why Discord would refuse it.
    pub(super) fn acknowledge(&mut self, id: &str, token: &str) -> Result<&mut Interaction, Refusal> {
        let unknown = |why: String| refusal(404, 10062, "Unknown interaction", why);
        let interaction = self.interactions.get_mut(token).filter(|i| i.id == id);
        let interaction =
            interaction.ok_or_else(|| unknown(format!("answers interaction {id}, which was never sent")))?;
        if interaction.acknowledged {
            let why = format!("answers interaction {id} a second time (edit the response or send a follow-up)");
            return Err(refusal(400, 40060, "Interaction has already been acknowledged.", why));
        }
        let waited = interaction.sent_at.elapsed();
        if waited > ANSWER_WITHIN {
            return Err(unknown(format!(
                "answers interaction {id} after {waited:?}; Discord allows {ANSWER_WITHIN:?} (defer first)"
            )));
        }
        interaction.acknowledged = true;
        Ok(interaction)
    }

    /// The interaction behind a webhook token, once answered: before the first answer Discord has no
    /// webhook for it.
    pub(super) fn answered(&mut self, token: &str) -> Result<&mut Interaction, Refusal> {
        match self.interactions.get_mut(token) {
            Some(interaction) if interaction.acknowledged => Ok(interaction),
            Some(_) => Err(unknown_webhook("uses the interaction's webhook before answering the interaction")),
            None => Err(unknown_webhook(format!("uses webhook token {token}, which belongs to no interaction"))),
        }
    }

    pub(super) fn save_message(&mut self, message: Value) -> Value {
        let id = message["id"].as_str().unwrap_or_default().to_string();
        self.messages.insert(id, message.clone());
        message
    }

    /// The message already made in the channel for this nonce in the last few minutes, if any.
    pub(super) fn message_for_nonce(&self, channel_id: &str, nonce: &str) -> Option<Value> {
        let (id, at) = self.nonces.get(&(channel_id.to_string(), nonce.to_string()))?;
        (at.elapsed() < NONCE_MEMORY).then(|| self.messages.get(id).cloned()).flatten()
    }

    pub(super) fn remember_nonce(&mut self, channel_id: &str, nonce: &str, message: &Value) {
        let id = message["id"].as_str().unwrap_or_default().to_string();
        self.nonces.insert((channel_id.to_string(), nonce.to_string()), (id, Instant::now()));
    }

    /// How many messages each channel holds.
    pub(super) fn message_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for message in self.messages.values() {
            *counts.entry(message["channel_id"].as_str().unwrap_or_default().to_string()).or_default() += 1;
        }
        counts
    }

    pub(super) fn message_mut(&mut self, id: &str) -> Result<&mut Value, Refusal> {
        self.messages.get_mut(id).ok_or_else(|| unknown_message(format!("message {id} does not exist")))
    }

    pub(super) fn delete_message(&mut self, id: &str) -> Result<(), Refusal> {
        let removed = self.messages.remove(id);
        removed.map(|_| ()).ok_or_else(|| unknown_message(format!("message {id} does not exist")))
    }

    /// The DM channel with a user, opened on first use and the same channel afterwards.
    pub(super) fn dm_channel(&mut self, recipient_id: &str) -> String {
        self.dm_channels.entry(recipient_id.to_string()).or_insert_with(|| snowflake().to_string()).clone()
    }
}

/// A registered command as Discord returns it: what was sent, plus `id`, `application_id`, `version`,
/// `type` (1 when omitted), `guild_id` for guild commands, and the defaults serenity's `Command` needs.
fn echo_command(sent: &Value, id: &str, guild_id: Option<&str>, application_id: u64) -> Value {
    let mut echo = sent.clone();
    let fields = [
        ("id", Value::from(id)),
        ("application_id", Value::from(application_id.to_string())),
        ("version", Value::from(snowflake().to_string())),
        ("type", sent.get("type").cloned().unwrap_or(Value::from(1))),
        ("description", sent.get("description").cloned().unwrap_or(Value::from(""))),
        ("default_member_permissions", sent.get("default_member_permissions").cloned().unwrap_or(Value::Null)),
        ("nsfw", sent.get("nsfw").cloned().unwrap_or(Value::from(false))),
    ];
    for (key, value) in fields {
        echo[key] = value;
    }
    if let Some(guild_id) = guild_id {
        echo["guild_id"] = Value::from(guild_id);
    }
    echo
}
