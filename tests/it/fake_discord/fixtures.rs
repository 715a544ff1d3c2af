//! Interaction payloads as Discord sends them in INTERACTION_CREATE, shaped so serenity 0.12 deserializes
//! them (a payload serenity cannot read is dropped silently, so `tests.rs` deserializes every fixture into
//! the concrete serenity type). Each call makes a fresh interaction id and token. A guild interaction comes
//! from member `USER_ID` in guild `GUILD_ID`, channel `CHANNEL_ID`; a DM one from user `USER_ID` in
//! `DM_CHANNEL_ID`. Fixtures return plain JSON so a test can adjust any field before sending it.

use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{json, Value};

use super::FakeDiscord;

/// The member or user who invokes every fixture interaction.
pub const USER_ID: u64 = 600000000000000001;
pub const GUILD_ID: u64 = 800000000000000001;
pub const CHANNEL_ID: u64 = 700000000000000001;
/// The DM channel between `USER_ID` and the bot, where `command_in_dm` interactions come from.
pub const DM_CHANNEL_ID: u64 = 700000000000000002;
/// The application's owner: someone other than `USER_ID`, so the invoking member is never a bot owner.
pub const OWNER_ID: u64 = 600000000000000099;
/// The MANAGE_GUILD permission bit, which `command_as_moderator` members have.
pub const MANAGE_GUILD: u64 = 0x20;
/// What the bot may do in the channel: view, send, embed links, attach files, read history, add
/// reactions, external emojis, send in threads.
const APP_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 6) | (1 << 18) | (1 << 38);
const JOINED_AT: &str = "2025-01-06T09:00:00.000000+00:00";

/// A fresh snowflake, unique within the test process (interaction ids, message ids, command ids...).
pub fn snowflake() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    1_300_000_000_000_000_000 + NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A user object; `discriminator` "0" is what Discord sends for users with the new unique usernames.
pub fn user(id: u64, username: &str) -> Value {
    json!({"id": id.to_string(), "username": username, "discriminator": "0", "global_name": null, "avatar": null,
           "public_flags": 0})
}

/// The bot's own user, `FakeDiscord::BOT_USER_ID`.
pub fn bot_user() -> Value {
    let mut bot = user(FakeDiscord::BOT_USER_ID, "backend-mentor");
    bot["bot"] = json!(true);
    bot
}

/// A slash command in the guild, from a member with no special permissions (`"permissions": "0"`).
pub fn command(name: &str, options: Value) -> Value {
    in_guild(2, command_data(name, options), 0)
}

/// A slash command in the guild, from a member with MANAGE_GUILD.
pub fn command_as_moderator(name: &str, options: Value) -> Value {
    in_guild(2, command_data(name, options), MANAGE_GUILD)
}

/// A slash command in the DM channel with the bot: `user` instead of `member`, no `guild_id`.
pub fn command_in_dm(name: &str, options: Value) -> Value {
    let mut interaction = base(2, command_data(name, options), DM_CHANNEL_ID, 1);
    interaction["user"] = invoker();
    interaction["channel"] = json!({"id": DM_CHANNEL_ID.to_string(), "type": 1, "recipients": [invoker()]});
    // "0" as the guild owner means "guild-installed app, used outside a guild".
    interaction["authorizing_integration_owners"] = json!({"0": "0"});
    interaction
}

/// An autocomplete request (type 4) in the guild. Exactly one option is focused: the one the caller
/// marked `"focused": true`, or else the last non-sub-command option; its value is sent as a string, as
/// Discord does while the user is still typing.
pub fn autocomplete(name: &str, options: Value) -> Value {
    in_guild(4, command_data(name, focus(options)), 0)
}

/// A click on a button (type 3) with this custom id, on a minimal message the bot sent in the channel.
pub fn component(custom_id: &str) -> Value {
    let mut interaction = in_guild(3, json!({"custom_id": custom_id, "component_type": 2}), 0);
    interaction["message"] = bot_message(custom_id);
    interaction
}

fn base(kind: u8, data: Value, channel_id: u64, context: u8) -> Value {
    json!({
        "id": snowflake().to_string(),
        "application_id": FakeDiscord::APPLICATION_ID.to_string(),
        "type": kind,
        "data": data,
        "channel_id": channel_id.to_string(),
        "token": format!("fake-interaction-token-{}", snowflake()),
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 26214400,
        "app_permissions": APP_PERMISSIONS.to_string(),
        "context": context,
    })
}

fn in_guild(kind: u8, data: Value, permissions: u64) -> Value {
    let mut interaction = base(kind, data, CHANNEL_ID, 0);
    interaction["guild_id"] = json!(GUILD_ID.to_string());
    interaction["guild_locale"] = json!("en-US");
    interaction["guild"] = json!({"id": GUILD_ID.to_string(), "locale": "en-US", "features": []});
    interaction["channel"] = json!({"id": CHANNEL_ID.to_string(), "type": 0, "name": "general",
                                    "guild_id": GUILD_ID.to_string(), "permissions": permissions.to_string()});
    interaction["member"] = member(permissions);
    interaction["authorizing_integration_owners"] = json!({"0": GUILD_ID.to_string()});
    interaction
}

fn invoker() -> Value {
    let mut learner = user(USER_ID, "learner");
    learner["global_name"] = json!("Learner");
    learner
}

fn member(permissions: u64) -> Value {
    json!({
        "user": invoker(), "nick": null, "avatar": null, "banner": null, "roles": [], "joined_at": JOINED_AT,
        "premium_since": null, "deaf": false, "mute": false, "flags": 0, "pending": false,
        "permissions": permissions.to_string(), "communication_disabled_until": null,
    })
}

/// `data` of a chat-input command. `FakeDiscord::send_interaction` replaces the id with the registered
/// command's id when the bot registered one by that name.
fn command_data(name: &str, options: Value) -> Value {
    let options = if options.is_null() { json!([]) } else { options };
    json!({"id": snowflake().to_string(), "name": name, "type": 1, "options": options})
}

/// Index path (through nested `options`) to the option to focus: the marked one, or the last leaf.
fn focus_path(options: &Value, marked_only: bool) -> Option<Vec<usize>> {
    let list = options.as_array()?;
    list.iter().enumerate().rev().find_map(|(i, option)| {
        let nested = matches!(option["type"].as_u64(), Some(1 | 2));
        let found = if nested {
            focus_path(&option["options"], marked_only)
        } else {
            (!marked_only || option["focused"] == json!(true)).then(Vec::new)
        };
        found.map(|mut path| {
            path.insert(0, i);
            path
        })
    })
}

fn focus(mut options: Value) -> Value {
    let Some(path) = focus_path(&options, true).or_else(|| focus_path(&options, false)) else {
        return options;
    };
    let (last, parents) = path.split_last().expect("a focus path is never empty");
    let mut list = &mut options;
    for &i in parents {
        list = &mut list[i]["options"];
    }
    let option = &mut list[*last];
    option["focused"] = json!(true);
    option["value"] = match option.get("value") {
        Some(Value::String(text)) => json!(text),
        Some(other) => json!(other.to_string()),
        None => json!(""),
    };
    options
}

fn bot_message(custom_id: &str) -> Value {
    json!({
        "id": snowflake().to_string(), "channel_id": CHANNEL_ID.to_string(), "author": bot_user(),
        "content": "", "timestamp": JOINED_AT, "edited_timestamp": null, "tts": false, "mention_everyone": false,
        "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0,
        "flags": 0, "application_id": FakeDiscord::APPLICATION_ID.to_string(),
        "components": [{"type": 1, "components": [{"type": 2, "style": 1, "label": "Click", "custom_id": custom_id}]}],
    })
}
