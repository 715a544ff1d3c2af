//! Tests of the harness's pure parts: every fixture deserializes into the serenity type the bot will
//! receive (serenity drops a payload it cannot read without a word, so a broken fixture would only show
//! as a timeout), and the body checks catch what Discord would refuse while passing what it accepts.

use poise::serenity_prelude as serenity;
use serde_json::{json, Value};

use super::fixtures::{self, GUILD_ID, USER_ID};
use super::{limits, openapi, FakeDiscord};

const GLOBAL_COMMANDS: &str = "/api/v10/applications/900000000000000001/commands";

fn interaction(payload: &Value) -> serenity::Interaction {
    serde_json::from_value(payload.clone()).unwrap_or_else(|e| panic!("serenity cannot read {payload:#}: {e}"))
}

fn command_interaction(payload: &Value) -> serenity::CommandInteraction {
    serde_json::from_value(payload.clone()).unwrap_or_else(|e| panic!("serenity cannot read {payload:#}: {e}"))
}

#[test]
fn a_guild_command_is_a_command_from_a_member_without_permissions() {
    let payload = fixtures::command("topic", json!([{"name": "name", "type": 3, "value": "rust"}]));
    assert!(matches!(interaction(&payload), serenity::Interaction::Command(_)));
    let command = command_interaction(&payload);
    assert_eq!(command.data.name, "topic");
    assert_eq!(command.guild_id, Some(serenity::GuildId::new(GUILD_ID)));
    assert_eq!(command.user.id, serenity::UserId::new(USER_ID));
    let member = command.member.expect("a guild command has a member");
    assert_eq!(member.permissions, Some(serenity::Permissions::empty()));
    assert!(command.app_permissions.is_some_and(|p| p.send_messages()));
    assert_eq!(command.application_id, serenity::ApplicationId::new(FakeDiscord::APPLICATION_ID));
}

#[test]
fn a_moderator_command_comes_from_a_member_who_may_manage_the_guild() {
    let command = command_interaction(&fixtures::command_as_moderator("settings", json!([])));
    let permissions = command.member.and_then(|m| m.permissions).expect("member permissions");
    assert!(permissions.manage_guild());
}

#[test]
fn a_dm_command_has_a_user_and_no_guild() {
    let payload = fixtures::command_in_dm("streak", json!([]));
    assert!(matches!(interaction(&payload), serenity::Interaction::Command(_)));
    let command = command_interaction(&payload);
    assert_eq!(command.guild_id, None);
    assert!(command.member.is_none());
    assert_eq!(command.user.id, serenity::UserId::new(USER_ID));
}

#[test]
fn autocomplete_focuses_one_option_and_sends_its_value_as_text() {
    let options = json!([{"name": "topic", "type": 3, "value": "ru"}, {"name": "days", "type": 4, "value": 7}]);
    let serenity::Interaction::Autocomplete(request) = interaction(&fixtures::autocomplete("faq", options)) else {
        panic!("an autocomplete fixture is an autocomplete interaction");
    };
    let focused = request.data.autocomplete().expect("a focused option");
    assert_eq!((focused.name, focused.value), ("days", "7"));

    let marked =
        json!([{"name": "topic", "type": 3, "value": "ru", "focused": true}, {"name": "days", "type": 4, "value": 7}]);
    let serenity::Interaction::Autocomplete(request) = interaction(&fixtures::autocomplete("faq", marked)) else {
        panic!("an autocomplete fixture is an autocomplete interaction");
    };
    assert_eq!(request.data.autocomplete().map(|o| o.name), Some("topic"));
}

#[test]
fn autocomplete_inside_a_sub_command_focuses_the_sub_command_option() {
    let options = json!([{"name": "add", "type": 1, "options": [{"name": "topic", "type": 3, "value": "ru"}]}]);
    let serenity::Interaction::Autocomplete(request) = interaction(&fixtures::autocomplete("plan", options)) else {
        panic!("an autocomplete fixture is an autocomplete interaction");
    };
    assert_eq!(request.data.autocomplete().map(|o| (o.name, o.value)), Some(("topic", "ru")));
}

#[test]
fn a_component_is_a_button_click_on_a_bot_message() {
    let payload = fixtures::component("streak:refresh");
    let serenity::Interaction::Component(click) = interaction(&payload) else {
        panic!("a component fixture is a component interaction");
    };
    let typed: serenity::ComponentInteraction = serde_json::from_value(payload).expect("a ComponentInteraction");
    assert_eq!(typed.data.custom_id, "streak:refresh");
    assert!(matches!(click.data.kind, serenity::ComponentInteractionDataKind::Button));
    assert_eq!(click.message.author.id, serenity::UserId::new(FakeDiscord::BOT_USER_ID));
    assert_eq!(click.user.id, serenity::UserId::new(USER_ID));
}

#[test]
fn every_fixture_has_its_own_id_and_token() {
    let (a, b) = (fixtures::command("ping", json!([])), fixtures::command("ping", json!([])));
    assert_ne!(a["id"], b["id"]);
    assert_ne!(a["token"], b["token"]);
}

fn commands(value: Vec<serenity::CreateCommand>) -> Value {
    serde_json::to_value(value).expect("serenity's command builders serialize")
}

fn topic_option(choices: usize) -> serenity::CreateCommandOption {
    let option = serenity::CreateCommandOption::new(serenity::CommandOptionType::String, "topic", "Which topic");
    (0..choices).fold(option, |option, i| option.add_string_choice(format!("Topic {i}"), format!("t{i}")))
}

#[test]
fn the_schema_check_passes_commands_as_serenity_registers_them() {
    let body = commands(vec![
        serenity::CreateCommand::new("faq").description("Answer a question").add_option(topic_option(25)),
        serenity::CreateCommand::new("settings")
            .description("Change the server's settings")
            .default_member_permissions(serenity::Permissions::MANAGE_GUILD),
    ]);
    assert_eq!(body[1]["default_member_permissions"], json!("32"), "serenity sends the bitfield as a string");
    assert_eq!(openapi::check("PUT", GLOBAL_COMMANDS, &body), Vec::<String>::new());
}

#[test]
fn the_schema_check_catches_a_150_character_description() {
    let body = commands(vec![serenity::CreateCommand::new("faq").description("x".repeat(150))]);
    let violations = openapi::check("PUT", GLOBAL_COMMANDS, &body);
    assert!(violations.iter().any(|v| v.contains("/0/description")), "{violations:#?}");
}

#[test]
fn the_schema_check_catches_26_choices() {
    let body = commands(vec![serenity::CreateCommand::new("faq").description("Answer").add_option(topic_option(26))]);
    let violations = openapi::check("PUT", GLOBAL_COMMANDS, &body);
    assert!(violations.iter().any(|v| v.contains("/0/options/0/choices")), "{violations:#?}");
}

#[test]
fn only_a_numeric_string_is_allowed_as_default_member_permissions() {
    let body = json!([{"name": "settings", "description": "Settings", "default_member_permissions": "manage"}]);
    let violations = openapi::check("PUT", GLOBAL_COMMANDS, &body);
    assert!(violations.iter().any(|v| v.contains("/0/default_member_permissions")), "{violations:#?}");
}

#[test]
fn the_schema_check_reads_an_interaction_answer_as_the_message_it_meant() {
    let path = "/api/v10/interactions/1/token/callback";
    let too_long = json!({"type": 4, "data": {"content": "x".repeat(2001)}});
    let violations = openapi::check("POST", path, &too_long);
    assert!(violations.iter().any(|v| v.contains("/data/content")), "{violations:#?}");
    assert_eq!(openapi::check("POST", path, &json!({"type": 4, "data": {"content": "pong"}})), Vec::<String>::new());
}

#[test]
fn the_embed_limits_count_characters_per_embed_and_per_message() {
    let path = "/api/v10/channels/1/messages";
    let field = json!({"name": "n", "value": "v".repeat(1000)});
    let big = json!({"title": "t", "description": "d".repeat(4000), "fields": [field, field]});
    assert_eq!(limits::embed_chars(&big), 1 + 4000 + 2 * 1001);
    let one = limits::check("POST", path, &json!({"embeds": [big]}));
    assert_eq!(one.len(), 2, "the embed and the message are both over 6000: {one:#?}");
    let half = json!({"description": "d".repeat(3500)});
    let two = limits::check("POST", path, &json!({"embeds": [half, half]}));
    assert!(two.len() == 1 && two[0].contains("together"), "{two:#?}");
    assert!(limits::check("POST", path, &json!({"embeds": [half]})).is_empty());
}
