//! Tests of the harness with the real serenity client: a `Client` connects through the gateway, answers
//! a command, loses its socket, resumes and answers again; serenity's `Http` reads every answer the fake
//! gives (so their JSON shapes are right), sends files as multipart, sees injected failures as Discord
//! errors; and the fake reports the interaction mistakes Discord would refuse.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serde_json::{json, Value};

use super::fixtures::{self, CHANNEL_ID, USER_ID};
use super::FakeDiscord;

/// Upper bound for anything to happen; tests never wait this long unless something is broken.
const WAIT: Duration = Duration::from_secs(10);
const CALLBACK: &str = "/api/v10/interactions/*/*/callback";

fn http(fake: &FakeDiscord) -> serenity::Http {
    serenity::HttpBuilder::new("fake-token").proxy(fake.base_url()).ratelimiter_disabled(true).build()
}

/// An `Http` that knows the application id, as a client's does once READY told it.
fn app_http(fake: &FakeDiscord) -> serenity::Http {
    let http = http(fake);
    http.set_application_id(serenity::ApplicationId::new(FakeDiscord::APPLICATION_ID));
    http
}

/// Answers every slash command with "pong".
struct Pong;

#[serenity::async_trait]
impl serenity::EventHandler for Pong {
    async fn interaction_create(&self, ctx: serenity::Context, interaction: serenity::Interaction) {
        if let serenity::Interaction::Command(command) = interaction {
            let message = serenity::CreateInteractionResponseMessage::new().content("pong");
            let answer = command.create_response(&ctx.http, serenity::CreateInteractionResponse::Message(message));
            answer.await.expect("the fake accepts the answer");
        }
    }
}

async fn assert_pong(fake: &FakeDiscord) {
    fake.send_interaction(fixtures::command("ping", json!([]))).await;
    let answer = fake.next_request("POST", CALLBACK, WAIT).await.unwrap();
    assert_eq!(answer.body["type"], json!(4));
    assert_eq!(answer.body["data"]["content"], json!("pong"));
}

#[tokio::test]
async fn a_serenity_client_answers_a_command_and_resumes_after_a_dropped_socket() {
    let fake = FakeDiscord::start().await;
    let intents = serenity::GatewayIntents::non_privileged();
    let mut client = serenity::ClientBuilder::new_with_http(http(&fake), intents).event_handler(Pong).await.unwrap();
    let shards = client.shard_manager.clone();
    let running = tokio::spawn(async move { client.start().await });
    fake.wait_until_ready(WAIT).await.unwrap();
    assert_eq!(fake.identify_count(), 1);
    let identify = fake.identify_payload().expect("the bot identified");
    assert_eq!(identify["intents"], json!(intents.bits()));
    assert_eq!(identify["shard"], json!([0, 1]));
    assert_pong(&fake).await;

    fake.drop_socket().await;
    fake.wait_until_ready(WAIT).await.unwrap();
    assert_eq!((fake.identify_count(), fake.resume_count()), (1, 1), "the bot resumes its session");
    assert_pong(&fake).await;
    assert_eq!(fake.violations(), Vec::<String>::new());
    shards.shutdown_all().await;
    running.await.unwrap().unwrap();
}

#[tokio::test]
async fn serenity_reads_every_answer_the_fake_gives() {
    let fake = FakeDiscord::start().await;
    let http = app_http(&fake);
    assert_eq!(http.get_bot_gateway().await.unwrap().url, fake.gateway_url());
    let app = http.get_current_application_info().await.unwrap();
    assert_eq!(app.id, serenity::ApplicationId::new(FakeDiscord::APPLICATION_ID));
    assert_eq!(http.get_current_user().await.unwrap().id, serenity::UserId::new(FakeDiscord::BOT_USER_ID));
    let ping = serenity::CreateCommand::new("ping").description("Check the bot is alive");
    let registered = serenity::Command::set_global_commands(&http, vec![ping]).await.unwrap();
    assert_eq!(registered[0].name, "ping");
    let dm = serenity::UserId::new(USER_ID).create_dm_channel(&http).await.unwrap();
    let embed = serenity::CreateEmbed::new()
        .title("Streak")
        .field("Days", "3", true)
        .footer(serenity::CreateEmbedFooter::new("x"));
    let button = serenity::CreateButton::new("again").label("Again");
    let message = serenity::CreateMessage::new().content("hi").embed(embed).button(button);
    let sent = dm.id.send_message(&http, message).await.unwrap();
    assert_eq!((sent.content.as_str(), sent.embeds.len(), sent.components.len()), ("hi", 1, 1));
    let edit = serenity::EditMessage::new().content("edited");
    let edited = dm.id.edit_message(&http, sent.id, edit).await.unwrap();
    assert_eq!(edited.content, "edited");
    assert_eq!(fake.violations(), Vec::<String>::new());
}

#[tokio::test]
async fn a_registered_command_id_is_used_in_interactions() {
    let fake = FakeDiscord::start().await;
    let ping = serenity::CreateCommand::new("ping").description("Check the bot is alive");
    let registered = serenity::Command::set_global_commands(&app_http(&fake), vec![ping]).await.unwrap();
    let prepared = fake.prepare_interaction(fixtures::command("ping", json!([])));
    assert_eq!(prepared["data"]["id"], json!(registered[0].id.to_string()));
}

#[tokio::test]
async fn files_arrive_as_multipart_with_the_payload_checked() {
    let fake = FakeDiscord::start().await;
    let file = serenity::CreateAttachment::bytes(b"day,minutes\n1,30\n".to_vec(), "streak.csv");
    let message = serenity::CreateMessage::new().content("Your export").add_file(file);
    let channel = serenity::ChannelId::new(CHANNEL_ID);
    let sent = channel.send_message(&http(&fake), message).await;
    let sent = sent.unwrap_or_else(|e| panic!("{e:?}: {:#?}", fake.violations()));
    assert_eq!(sent.attachments[0].filename, "streak.csv");
    let request = fake.next_request("POST", "/api/v10/channels/*/messages", WAIT).await.unwrap();
    assert_eq!(request.body["content"], json!("Your export"));
    assert_eq!(request.files, vec![("streak.csv".to_string(), b"day,minutes\n1,30\n".to_vec())]);
    assert_eq!(fake.violations(), Vec::<String>::new());
}

#[tokio::test]
async fn a_copy_sent_with_an_enforced_nonce_returns_the_first_message_and_makes_none() {
    let fake = FakeDiscord::start().await;
    let channel = serenity::ChannelId::new(CHANNEL_ID);
    let with_nonce = |text: &str, nonce: &str| {
        let nonce = serenity::Nonce::String(nonce.to_string());
        serenity::CreateMessage::new().content(text).nonce(nonce).enforce_nonce(true)
    };
    let first = channel.send_message(&http(&fake), with_nonce("Time to study", "bm1")).await.unwrap();
    let copy = channel.send_message(&http(&fake), with_nonce("Time to study", "bm1")).await.unwrap();
    let other = channel.send_message(&http(&fake), with_nonce("Another day", "bm2")).await.unwrap();
    let unenforced =
        serenity::CreateMessage::new().content("Time to study").nonce(serenity::Nonce::String("bm1".into()));
    let plain = channel.send_message(&http(&fake), unenforced).await.unwrap();
    assert_eq!(copy.id, first.id, "the copy is answered with the first message");
    assert!(other.id != first.id && plain.id != first.id, "another nonce, or no enforcement, makes a message");
    assert_eq!(fake.message_counts().get(&CHANNEL_ID.to_string()), Some(&3));
    assert_eq!(fake.count("POST", "/api/v10/channels/*/messages"), 4, "every request is still recorded");
}

#[tokio::test]
async fn an_injected_failure_reaches_serenity_as_a_discord_error() {
    let fake = FakeDiscord::start().await;
    let refusal = json!({"code": 50007, "message": "Cannot send messages to this user"});
    fake.fail_next("POST", "/api/v10/channels/*/messages", 403, refusal);
    let channel = serenity::ChannelId::new(CHANNEL_ID);
    let error = channel.say(&http(&fake), "hello").await.unwrap_err();
    let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response)) = error else {
        panic!("expected Discord's error, got {error:?}");
    };
    assert_eq!((response.status_code.as_u16(), response.error.code), (403, 50007));
    assert!(channel.say(&http(&fake), "again").await.is_ok(), "only the next request fails");
}

/// Sends an interaction without a gateway: the fake only needs to know it was sent.
fn sent_interaction(fake: &FakeDiscord) -> serenity::CommandInteraction {
    let payload: Value = fake.prepare_interaction(fixtures::command("ping", json!([])));
    serde_json::from_value(payload).unwrap()
}

fn pong() -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(serenity::CreateInteractionResponseMessage::new().content("pong"))
}

#[tokio::test]
async fn answering_twice_or_following_up_first_is_reported() {
    let fake = FakeDiscord::start().await;
    let http = app_http(&fake);
    let early = sent_interaction(&fake);
    let followup = serenity::CreateInteractionResponseFollowup::new().content("more");
    assert!(early.create_followup(&http, followup.clone()).await.is_err());
    assert!(fake.violations().iter().any(|v| v.contains("before answering")), "{:#?}", fake.violations());

    let twice = sent_interaction(&fake);
    twice.create_response(&http, pong()).await.unwrap();
    assert!(twice.create_followup(&http, followup).await.is_ok());
    assert_eq!(twice.get_response(&http).await.unwrap().content, "pong");
    assert!(twice.create_response(&http, pong()).await.is_err());
    assert!(fake.violations().iter().any(|v| v.contains("a second time")), "{:#?}", fake.violations());
}

#[tokio::test]
async fn an_invalid_body_or_unknown_route_is_a_violation_and_an_error() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    // serenity's builders refuse over-long content themselves, so the raw route is used.
    let long = json!({"type": 4, "data": {"content": "x".repeat(2001)}});
    let interaction = sent_interaction(&fake);
    assert!(http.create_interaction_response(interaction.id, &interaction.token, &long, vec![]).await.is_err());
    assert!(fake.violations().iter().any(|v| v.contains("/data/content")), "{:#?}", fake.violations());
    assert!(http.get_guild(serenity::GuildId::new(fixtures::GUILD_ID)).await.is_err());
    assert!(fake.violations().iter().any(|v| v.contains("unexpected route")), "{:#?}", fake.violations());
}

#[tokio::test]
async fn the_first_follow_up_after_a_defer_replaces_the_thinking_message() {
    let fake = FakeDiscord::start().await;
    let http = app_http(&fake);
    let command = sent_interaction(&fake);
    let ephemeral = serenity::CreateInteractionResponseMessage::new().ephemeral(true);
    command.create_response(&http, serenity::CreateInteractionResponse::Defer(ephemeral)).await.unwrap();
    let first = serenity::CreateInteractionResponseFollowup::new().content("Done");
    let replaced = command.create_followup(&http, first).await.unwrap();
    let original = command.get_response(&http).await.unwrap();
    assert_eq!((replaced.id, original.content.as_str()), (original.id, "Done"));
    assert_eq!(original.flags, Some(serenity::MessageFlags::EPHEMERAL));
    let second = serenity::CreateInteractionResponseFollowup::new().content("More");
    assert_ne!(command.create_followup(&http, second).await.unwrap().id, original.id);
    assert_eq!(fake.violations(), Vec::<String>::new());
}

fn interaction_from(fake: &FakeDiscord, payload: Value) -> serenity::Interaction {
    serde_json::from_value(fake.prepare_interaction(payload)).unwrap()
}

/// The answers a bot typically gives, built with serenity's builders, pass every check: deferring and
/// then editing, ephemeral follow-ups, autocomplete choices, updating a clicked message, select menus.
#[tokio::test]
async fn typical_serenity_answers_pass_every_check() {
    let fake = FakeDiscord::start().await;
    let http = app_http(&fake);
    let command = sent_interaction(&fake);
    let ephemeral = serenity::CreateInteractionResponseMessage::new().ephemeral(true);
    command.create_response(&http, serenity::CreateInteractionResponse::Defer(ephemeral)).await.unwrap();
    let embed = serenity::CreateEmbed::new().title("Plan").description("Week 1").colour(0x3b82f6);
    let button = serenity::CreateButton::new("plan:next").label("Next").style(serenity::ButtonStyle::Primary);
    let edit = serenity::EditInteractionResponse::new().embed(embed).button(button);
    let edited = command.edit_response(&http, edit).await.unwrap();
    assert_eq!(edited.embeds.len(), 1);
    let followup = serenity::CreateInteractionResponseFollowup::new().content("Saved").ephemeral(true);
    assert_ne!(command.create_followup(&http, followup).await.unwrap().id, edited.id, "editing ended the defer");
    command.delete_response(&http).await.unwrap();

    let serenity::Interaction::Autocomplete(typing) = interaction_from(&fake, fixtures::autocomplete("faq", json!([])))
    else {
        panic!("an autocomplete interaction");
    };
    let choices = serenity::CreateAutocompleteResponse::new().add_string_choice("Rust", "rust");
    typing.create_response(&http, serenity::CreateInteractionResponse::Autocomplete(choices)).await.unwrap();

    let serenity::Interaction::Component(click) = interaction_from(&fake, fixtures::component("plan:next")) else {
        panic!("a component interaction");
    };
    let options = vec![serenity::CreateSelectMenuOption::new("Week 2", "2")];
    let menu = serenity::CreateSelectMenu::new("plan:week", serenity::CreateSelectMenuKind::String { options });
    let update = serenity::CreateInteractionResponseMessage::new().content("Week 2").select_menu(menu);
    click.create_response(&http, serenity::CreateInteractionResponse::UpdateMessage(update)).await.unwrap();
    assert_eq!(click.get_response(&http).await.unwrap().content, "Week 2");

    let mentions = serenity::CreateAllowedMentions::new().users([serenity::UserId::new(USER_ID)]);
    let reminder =
        serenity::CreateMessage::new().content(format!("<@{USER_ID}> time to study")).allowed_mentions(mentions);
    serenity::ChannelId::new(CHANNEL_ID).send_message(&http, reminder).await.unwrap();
    assert_eq!(fake.violations(), Vec::<String>::new());
}
