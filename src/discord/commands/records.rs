//! A member's own record: /streak (with the heatmap, the rules or recent history), /pause and
//! /privacy. All answers are ephemeral.

use super::super::reply::Reply;
use super::super::{buttons, caller, embeds, record_embeds, Context, Error};
use super::{send, send_reply};
use crate::domain::correction::parse_date;
use poise::serenity_prelude::{self as serenity, CreateAttachment};

/// What `/streak` shows besides the record itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum StreakAbout {
    #[name = "rules"]
    Rules,
    #[name = "history"]
    History,
}

/// Your study streak with a heatmap, another member's, or how streaks work
#[poise::command(slash_command)]
pub async fn streak(
    ctx: Context<'_>,
    #[description = "Whose streak to show (yourself if empty)"] member: Option<serenity::User>,
    #[description = "The rules in plain words, or your recent days"] about: Option<StreakAbout>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let now = ctx.data().now();
    let (target, name) = match &member {
        Some(user) => (caller::member(ctx.guild_id(), user.id), Some(embeds::escape_markdown(&user.name))),
        None => (caller::invoker(ctx), None),
    };
    match about {
        Some(StreakAbout::Rules) => return send(ctx, record_embeds::rules(&app.streak_rules()), true, vec![]).await,
        Some(StreakAbout::History) => {
            return send(ctx, record_embeds::history(&app.history(&target, now).await?), true, vec![]).await
        }
        None => {}
    }
    // Both only read, so they run side by side on separate connections.
    let (view, heatmap) = tokio::try_join!(app.streak(&target, now), app.streak_heatmap(&target, now))?;
    let file = CreateAttachment::bytes(heatmap.png, "heatmap.png");
    let reply = Reply { file: Some(file), ..Reply::new(record_embeds::streak(&view, name.as_deref(), true), true) };
    send_reply(ctx, reply).await
}

/// Pause your streak for up to 14 days (paused days neither break nor extend it)
#[poise::command(slash_command)]
pub async fn pause(
    ctx: Context<'_>,
    #[description = "First paused day, YYYY-MM-DD (today if empty)"]
    #[max_length = 10]
    start: Option<String>,
    #[description = "How many days (1 to 14)"]
    #[min = 1]
    #[max = 14]
    days: Option<i64>,
    #[description = "Cancel your pause from today on"] cancel: Option<bool>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let now = ctx.data().now();
    if cancel == Some(true) {
        app.cancel_pause(&member, now).await?;
        let text = "Your pause is cancelled from today on; past paused days stay paused.";
        return send(ctx, record_embeds::note("Pause cancelled", text), true, vec![]).await;
    }
    let first = match start.as_deref() {
        Some(text) => parse_date(text)?,
        None => app.member_timezone(&member).await?.local_date(now),
    };
    let view = app.pause(&member, first, days.unwrap_or(1), now).await?;
    let text = format!(
        "Paused from {} to {}: those days neither break nor extend your streak.",
        view.span.first, view.span.last
    );
    send(ctx, record_embeds::note("Streak paused", &text), true, vec![]).await
}

/// What `/privacy` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum PrivacyAction {
    #[name = "export"]
    Export,
    #[name = "delete"]
    Delete,
}

/// Get all data held about you as a JSON file, or delete it all
#[poise::command(slash_command)]
pub async fn privacy(ctx: Context<'_>, #[description = "export or delete"] action: PrivacyAction) -> Result<(), Error> {
    let member = caller::invoker(ctx);
    match action {
        PrivacyAction::Export => {
            let file = ctx.data().app.privacy_export(&member, ctx.data().now()).await?;
            let note =
                record_embeds::note("Your data", "Everything I hold about you in this server is in the attached file.");
            let file = CreateAttachment::bytes(file.json.into_bytes(), file.file_name);
            send_reply(ctx, Reply { file: Some(file), ..Reply::new(note, true) }).await
        }
        PrivacyAction::Delete => {
            let text = "This deletes your check-ins, notes, streak, roadmap progress, groups and settings in this server, for good. Press the button to confirm.";
            send(ctx, record_embeds::note("Delete your data?", text), true, vec![buttons::delete_row()]).await
        }
    }
}
