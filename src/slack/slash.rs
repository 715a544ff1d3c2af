//! `/mentor ...`: the text after the command is read by the shared grammar, answered by the
//! core, and sent back inside the Socket Mode ack or the HTTP response (Slack shows it at once); the rest of an
//! answer too long for one message follows through the command's `response_url`. A member
//! is (slack, team id, user id); workspace admins and owners are moderators (`rights.rs`). Every failure becomes the same replies the other front ends
//! give, so no error text of ours or of the platform reaches the member raw. A file that goes
//! with the answer (the streak heatmap) is uploaded after the ack.

use super::blocks::{messages, Message};
use super::mrkdwn::SLASH_COMMAND;
use super::web::Web;
use super::Core;
use crate::commands::{self, Caller};
use crate::domain::{CallerRights, MemberRef, Platform};
use crate::error::Error;
use crate::grammar::{self, UsageError};
use crate::present::{Attachment, Reply, Text, Tone, View};
use slack_morphism::prelude::*;
use std::sync::Arc;

/// The Socket Mode callback for slash commands.
pub(super) async fn on_command(
    event: SlackCommandEvent,
    client: Arc<SlackHyperClient>,
    states: SlackClientEventsUserState,
) -> UserCallbackResult<SlackCommandEventResponse> {
    let core = states.read().await.get_user_state::<Core>().cloned().ok_or("the Slack state was not set")?;
    Ok(respond(&core, &client, &event).await)
}

/// The answer to a slash command in either mode: the first message for the ack or the HTTP
/// response; the rest of a long answer and any file follow on their own after it.
pub(super) async fn respond(
    core: &Core,
    client: &Arc<SlackHyperClient>,
    event: &SlackCommandEvent,
) -> SlackCommandEventResponse {
    let reply = answer(core, client, event).await;
    if let Some(file) = reply.attachment.clone() {
        // After the ack, so the three seconds hold; a private answer's file goes to the member's
        // direct messages, since a file shared in a channel is seen by everyone there.
        let to = if reply.is_private() { None } else { Some(event.channel_id.clone()) };
        let (web, user) = (core.web.clone(), event.user_id.value().to_string());
        tokio::spawn(async move { share_file(&web, to, &user, &file).await });
    }
    let mut sent = messages(&reply).into_iter();
    let first = sent.next().expect("a reply renders to at least one message");
    let rest: Vec<Message> = sent.collect();
    if !rest.is_empty() {
        // After the ack: the rest cannot travel inside it.
        let (client, response_url) = (client.clone(), event.response_url.clone());
        tokio::spawn(async move { follow_up(&client, &response_url, rest).await });
    }
    let kind = if first.in_channel { SlackMessageResponseType::InChannel } else { SlackMessageResponseType::Ephemeral };
    SlackCommandEventResponse::new(first.content).with_response_type(kind)
}

/// The reply to one `/mentor` line.
async fn answer(core: &Core, client: &SlackHyperClient, event: &SlackCommandEvent) -> Reply {
    let text = event.text.as_deref().unwrap_or("");
    let command = match grammar::parse_slack(text, event.channel_id.value()) {
        Ok(command) => command,
        Err(UsageError::Invalid(problem)) => return commands::failure(&problem.into()),
        Err(usage) => return usage_reply(&usage),
    };
    let (team, user) = (event.team_id.value(), event.user_id.value());
    let rights =
        if command.consults_rights() { core.admins.rights(client, team, user).await } else { CallerRights::default() };
    let caller = Caller { member: MemberRef::new(Platform::Slack, team, user), rights };
    let action = command_name(text);
    let result: Result<Reply, Error> = commands::run(&core.app, &caller, command, core.clock.now()).await;
    result.unwrap_or_else(|error| {
        commands::log_failure(&error, &action, true);
        commands::failure(&error)
    })
}

/// A line the grammar could not read, in Slack's syntax.
fn usage_reply(usage: &UsageError) -> Reply {
    let words = usage.written_for(&format!("{SLASH_COMMAND} "));
    Reply::private(View::new(Tone::Problem).body(Text::new().plain(words)))
}

/// The subcommand's name for the logs, cut short: the line may hold a page of text.
fn command_name(text: &str) -> String {
    crate::error::echo(text.split_whitespace().next().unwrap_or("help")).escape_debug().to_string()
}

async fn share_file(web: &Web, channel: Option<SlackChannelId>, user: &str, file: &Attachment) {
    let channel = match channel {
        Some(channel) => Ok(channel),
        None => web.direct_channel(user).await,
    };
    if let Err(e) = async { web.upload(channel?, file, &file.name).await }.await {
        tracing::warn!(error = %e, file = %file.name, "a file for a Slack answer could not be uploaded");
    }
}

async fn follow_up(client: &SlackHyperClient, response_url: &SlackResponseUrl, rest: Vec<Message>) {
    for message in rest {
        let request = SlackApiPostWebhookMessageRequest::new(message.content);
        if let Err(e) = client.respond_to_event(response_url, &request).await {
            tracing::warn!(error = %e, "the rest of a long Slack answer could not be sent");
            return;
        }
    }
}
