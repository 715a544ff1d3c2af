//! Text as Slack's mrkdwn: our emphasis as `*bold*`, commands as `/mentor ...` in code, members
//! and channels as Slack's own references, times through Slack's date formatting (each reader
//! sees their own zone; the member's local time is the fallback). Typed and curriculum text is
//! escaped (`&`, `<`, `>`), so nothing a member wrote can become a mention or a link.

use crate::grammar;
use crate::present::{CommandRef, Span, Text, TimeStyle};

/// The slash command every subcommand hangs off.
pub(crate) const SLASH_COMMAND: &str = "/mentor";

/// A command as a Slack member types it.
pub(crate) fn command(reference: &CommandRef) -> String {
    format!("{SLASH_COMMAND} {}", grammar::command_words(reference))
}

/// The text as mrkdwn.
pub(crate) fn mrkdwn(text: &Text) -> String {
    text.spans.iter().map(span).collect()
}

/// The text's words only, for plain-text objects (headers) and the notification fallback.
pub(crate) fn plain(text: &Text) -> String {
    text.spans
        .iter()
        .map(|span| match span {
            Span::Plain(w) | Span::Strong(w) | Span::Typed(w) | Span::Hidden(w) => w.clone(),
            Span::Content(w) => w.replace("**", "").replace("__", ""),
            Span::Command(reference) => command(reference),
            Span::User(id) => format!("@{id}"),
            Span::Channel(id) => format!("#{id}"),
            Span::Role(id) => format!("@{id}"),
            Span::Time { at, zone, style } => local_time(*at, *zone, style),
            Span::Check(done) => check(*done).to_string(),
        })
        .collect()
}

fn span(span: &Span) -> String {
    match span {
        Span::Plain(words) => escape(words),
        Span::Strong(words) => format!("*{}*", escape(words)),
        Span::Typed(words) | Span::Hidden(words) => escape(words),
        Span::Content(words) => escape(&words.replace("**", "*").replace("__", "_")),
        Span::Command(reference) => format!("`{}`", escape(&command(reference))),
        Span::User(id) => format!("<@{id}>"),
        Span::Channel(id) => format!("<#{id}>"),
        Span::Role(id) => format!("<!subteam^{id}>"),
        Span::Time { at, zone, style } => {
            let token = match style {
                TimeStyle::Clock => "{time}",
                TimeStyle::DateTime => "{date_short_pretty} {time}",
            };
            format!("<!date^{}^{token}|{}>", at.timestamp(), local_time(*at, *zone, style))
        }
        Span::Check(done) => check(*done).to_string(),
    }
}

fn local_time(at: chrono::DateTime<chrono::Utc>, zone: chrono_tz::Tz, style: &TimeStyle) -> String {
    let local = at.with_timezone(&zone);
    match style {
        TimeStyle::Clock => local.format("%H:%M").to_string(),
        TimeStyle::DateTime => local.format("%a %Y-%m-%d %H:%M").to_string(),
    }
}

fn check(done: bool) -> &'static str {
    if done {
        "☑"
    } else {
        "☐"
    }
}

/// Slack's three control characters in mrkdwn, as its documentation asks.
pub(crate) fn escape(words: &str) -> String {
    words.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_cannot_mention_anyone_through_a_note() {
        let text = Text::new().plain("Note: ").typed("<!channel> & <@U123>");
        assert_eq!(mrkdwn(&text), "Note: &lt;!channel&gt; &amp; &lt;@U123&gt;");
    }

    #[test]
    fn commands_are_written_as_mentor_subcommands_and_emphasis_as_slack_bold() {
        let text = Text::new().strong("Done.").plain(" Next: ").command(CommandRef::NudgesOn);
        assert_eq!(mrkdwn(&text), "*Done.* Next: `/mentor nudges on 19:00`");
        assert_eq!(plain(&text), "Done. Next: /mentor nudges on 19:00");
        assert_eq!(mrkdwn(&Text::new().content("**Go** is fast")), "*Go* is fast");
    }
}
