//! The neutral `Reply` as Discord shows it: an embed (one colour per kind, Markdown, mentions,
//! timestamps in the reader's own zone), buttons and select menus, and the attached file, all
//! fitted to Discord's limits. Nothing here decides what to say.

use super::reply::Reply as DiscordReply;
use super::syntax;
use crate::content::RenderLimits;
use crate::present::{ButtonStyle, Reply, Row, Span, Text, TimeStyle, Tone, View};
use poise::serenity_prelude as serenity;
use serenity::{
    CreateActionRow, CreateAttachment, CreateButton, CreateEmbed, CreateEmbedFooter, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
};

/// Discord's limits on what one message may hold.
pub mod limit {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const BUTTON_LABEL: usize = 80;
    pub const OPTIONS: usize = 25;
    pub const OPTION_LABEL: usize = 100;
    pub const PLACEHOLDER: usize = 150;
    pub const CHOICE_NAME: usize = 100;
    /// Autocomplete choices offered at once.
    pub const CHOICES: usize = 25;
    pub const TOTAL: usize = 6000;
}

/// What content must fit to be shown whole in an embed, for content validation.
pub const LIMITS: RenderLimits = RenderLimits {
    platforms: "Discord",
    choice_name: limit::CHOICE_NAME,
    body: limit::DESCRIPTION,
    field_value: limit::FIELD_VALUE,
    total: limit::TOTAL,
};

fn colour(tone: Tone) -> u32 {
    match tone {
        Tone::Roadmap => 0x3B82F6,
        Tone::Compare => 0x8B5CF6,
        Tone::Faq => 0x10B981,
        Tone::Prompt => 0xF59E0B,
        Tone::Streak => 0xF97316,
        Tone::Settings => 0x64748B,
        Tone::Problem => 0xEAB308,
        Tone::Apology => 0x6B7280,
    }
}

/// Escapes Markdown in text a user typed, so it shows as typed.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' | '<' | '@' | '\\' | '-') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Keeps text within a Discord limit, ending with an ellipsis when cut.
pub fn fit(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Text as Discord Markdown.
pub fn markdown(text: &Text) -> String {
    text.spans.iter().map(span).collect()
}

fn span(span: &Span) -> String {
    match span {
        Span::Plain(words) | Span::Content(words) => words.clone(),
        Span::Strong(words) => format!("**{words}**"),
        Span::Typed(words) => escape_markdown(words),
        Span::Command(reference) => syntax::command(reference),
        Span::User(id) => format!("<@{id}>"),
        Span::Channel(id) => format!("<#{id}>"),
        Span::Role(id) => format!("<@&{id}>"),
        Span::Time { at, style, .. } => {
            let letter = if *style == TimeStyle::Clock { 't' } else { 'f' };
            format!("<t:{}:{letter}>", at.timestamp())
        }
        Span::Hidden(words) => format!("||{words}||"),
        Span::Check(done) => if *done { "✅" } else { "⬜" }.to_string(),
    }
}

/// A view as an embed.
pub fn embed(view: &View) -> CreateEmbed {
    let mut embed = CreateEmbed::new().colour(colour(view.tone));
    if let Some(title) = &view.title {
        embed = embed.title(fit(&markdown(title), limit::TITLE));
    }
    if let Some(body) = &view.body {
        embed = embed.description(fit(&markdown(body), limit::DESCRIPTION));
    }
    for field in view.fields.iter().take(limit::FIELDS) {
        let name = fit(&markdown(&field.name), limit::FIELD_NAME);
        embed = embed.field(name, fit(&markdown(&field.value), limit::FIELD_VALUE), field.short);
    }
    if let Some(footer) = &view.footer {
        embed = embed.footer(CreateEmbedFooter::new(fit(&markdown(footer), limit::FOOTER)));
    }
    if let Some(image) = &view.image {
        embed = embed.image(format!("attachment://{image}"));
    }
    embed
}

/// Rows of buttons and menus as components.
pub fn components(rows: &[Row]) -> Vec<CreateActionRow> {
    rows.iter().map(row).collect()
}

fn row(row: &Row) -> CreateActionRow {
    match row {
        Row::Buttons(buttons) => CreateActionRow::Buttons(
            buttons
                .iter()
                .map(|b| {
                    CreateButton::new(b.action.format())
                        .label(fit(&b.label, limit::BUTTON_LABEL))
                        .style(button_style(b.style))
                        .disabled(b.disabled)
                })
                .collect(),
        ),
        Row::Menu(menu) => {
            let options: Vec<CreateSelectMenuOption> = menu
                .options
                .iter()
                .take(limit::OPTIONS)
                .map(|o| {
                    CreateSelectMenuOption::new(fit(&o.label, limit::OPTION_LABEL), o.value.clone())
                        .default_selection(o.chosen)
                })
                .collect();
            let most = menu.max_chosen.min(options.len()).max(1);
            let kind = CreateSelectMenuKind::String { options };
            CreateActionRow::SelectMenu(
                CreateSelectMenu::new(menu.action.format(), kind)
                    .placeholder(fit(&menu.placeholder, limit::PLACEHOLDER))
                    .min_values(0)
                    .max_values(u8::try_from(most).unwrap_or(u8::MAX)),
            )
        }
    }
}

fn button_style(style: ButtonStyle) -> serenity::ButtonStyle {
    match style {
        ButtonStyle::Primary => serenity::ButtonStyle::Primary,
        ButtonStyle::Secondary => serenity::ButtonStyle::Secondary,
        ButtonStyle::Selected => serenity::ButtonStyle::Success,
        ButtonStyle::Danger => serenity::ButtonStyle::Danger,
    }
}

/// An answer to a command (or a new message): embed, controls, file.
pub fn reply(reply: &Reply) -> DiscordReply {
    DiscordReply {
        embed: embed(&reply.view),
        ephemeral: reply.is_private(),
        rows: components(&reply.rows),
        file: reply.attachment.as_ref().map(|a| CreateAttachment::bytes(a.bytes.clone(), a.name.clone())),
    }
}

/// A click's answer: the message it was on, redrawn in place (controls replaced, or removed).
pub fn update(reply: &Reply) -> CreateInteractionResponse {
    let message = CreateInteractionResponseMessage::new().embed(embed(&reply.view)).components(components(&reply.rows));
    CreateInteractionResponse::UpdateMessage(message)
}

/// A click's answer as a new private message (a problem, an apology).
pub fn private_message(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new().embed(embed(&reply.view)).ephemeral(true),
    )
}
