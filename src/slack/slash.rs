//! `/mentor ...`: the text after the command is read by the shared grammar, answered by the
//! core, and sent back inside the Socket Mode ack or the HTTP response (Slack shows it at
//! once); the rest of an answer too long for one message follows through the command's
//! `response_url`. A member's first command that counts in their day waits for their Slack
//! zone (`zones.rs`), so it is acked empty and answered through `response_url`. A member is
//! (slack, team id, user id); workspace admins and owners are moderators (`rights.rs`). Every
//! failure becomes the same replies the other front ends give, so no error text of ours or of
//! the platform reaches the member raw. A file that goes with the answer (the streak heatmap)
//! is uploaded after the ack.

use super::blocks::{messages, Message};
use super::mrkdwn::SLASH_COMMAND;
use super::web::Web;
use super::{escapes, Core};
use crate::commands::{self, Caller, Command};
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
    let text = escapes::unescape(event.text.as_deref().unwrap_or(""));
    let channel_name = event.channel_name.as_deref().unwrap_or(event.channel_id.value());
    let command = match grammar::parse_slack(&text, event.channel_id.value(), channel_name) {
        Ok(command) => command,
        Err(UsageError::Invalid(problem)) => return acked(core, client, event, commands::failure(&problem.into())),
        Err(usage) => return acked(core, client, event, usage_reply(&usage)),
    };
    let member = MemberRef::new(Platform::Slack, event.team_id.value(), event.user_id.value());
    if command.counts_in_members_day() && !core.zones.is_settled(&core.app, &member).await {
        // The member's first day-counting command waits for their Slack zone: answered after
        // an empty ack, so neither this ack nor anyone else's waits on users.info.
        let (core, client, event) = (core.clone(), client.clone(), event.clone());
        core.after_ack.clone().spawn(async move {
            core.zones.adopt(&core.app, &core.web, &member, core.clock.now()).await;
            let reply = answer(&core, &event, command).await;
            share_file_of(&core, &event, &reply);
            follow_up(&client, &event.response_url, messages(&reply)).await;
        });
        return SlackCommandEventResponse::new(SlackMessageContent::new());
    }
    let reply = answer(core, event, command).await;
    acked(core, client, event, reply)
}

/// The reply's first message as the ack; the rest of a long answer and its file after it.
fn acked(
    core: &Core,
    client: &Arc<SlackHyperClient>,
    event: &SlackCommandEvent,
    reply: Reply,
) -> SlackCommandEventResponse {
    share_file_of(core, event, &reply);
    let mut sent = messages(&reply).into_iter();
    let first = sent.next().expect("a reply renders to at least one message");
    let rest: Vec<Message> = sent.collect();
    if !rest.is_empty() {
        // After the ack: the rest cannot travel inside it.
        let (client, response_url) = (client.clone(), event.response_url.clone());
        core.after_ack.clone().spawn(async move { follow_up(&client, &response_url, rest).await });
    }
    let kind = if first.in_channel { SlackMessageResponseType::InChannel } else { SlackMessageResponseType::Ephemeral };
    SlackCommandEventResponse::new(first.content).with_response_type(kind)
}

/// The reply to one `/mentor` command.
async fn answer(core: &Core, event: &SlackCommandEvent, command: Command) -> Reply {
    let (team, user) = (event.team_id.value(), event.user_id.value());
    let rights = if command.consults_rights() {
        core.admins.rights(&core.web, team, user).await
    } else {
        CallerRights::default()
    };
    let caller = Caller { member: MemberRef::new(Platform::Slack, team, user), rights };
    let action = command_name(event.text.as_deref().unwrap_or(""));
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

/// Uploads the reply's file, if it has one, after the ack so the three seconds hold; a private
/// answer's file goes to the member's direct messages, since a file shared in a channel is
/// seen by everyone there.
fn share_file_of(core: &Core, event: &SlackCommandEvent, reply: &Reply) {
    if let Some(file) = reply.attachment.clone() {
        let to = if reply.is_private() { None } else { Some(event.channel_id.clone()) };
        let (web, user) = (core.web.clone(), event.user_id.value().to_string());
        core.after_ack.clone().spawn(async move { share_file(&web, to, &user, &file).await });
    }
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
        // Slack shows these only to the member (slack-morphism's webhook request has no
        // response_type); every answer that waits for the member's zone is private anyway.
        let request = SlackApiPostWebhookMessageRequest::new(message.content);
        if let Err(e) = client.respond_to_event(response_url, &request).await {
            tracing::warn!(error = %e, "a Slack answer sent after the ack could not be delivered");
            return;
        }
    }
}
