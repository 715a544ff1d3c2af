//! The neutral `Reply` as terminal text: a title line, the body, short fields as `Name: value`
//! lines, longer ones as indented sections, then what to try next. Content Markdown loses its
//! bold markers; times are written in the member's zone; commands in the console's syntax.

use crate::grammar;
use crate::present::{Span, Text, TimeStyle, View};
use std::fmt::Write;

/// Text as the terminal shows it.
pub(crate) fn text(text: &Text) -> String {
    text.spans.iter().map(span).collect()
}

fn span(span: &Span) -> String {
    match span {
        Span::Plain(words) | Span::Strong(words) | Span::Typed(words) | Span::Hidden(words) => words.clone(),
        Span::Content(words) => words.replace("**", "").replace("__", ""),
        Span::Command(reference) => format!("/{}", grammar::command_words(reference)),
        Span::User(id) => id.clone(),
        Span::Channel(id) => format!("#{id}"),
        Span::Role(id) => format!("role {id}"),
        Span::Time { at, zone, style } => {
            let local = at.with_timezone(zone);
            match style {
                TimeStyle::Clock => local.format("%H:%M").to_string(),
                TimeStyle::DateTime => local.format("%a %Y-%m-%d %H:%M").to_string(),
            }
        }
        Span::Check(done) => if *done { "[x]" } else { "[ ]" }.to_string(),
    }
}

/// A whole message, ending with a line break.
pub(crate) fn view(view: &View) -> String {
    let mut out = String::new();
    if let Some(title) = &view.title {
        let _ = writeln!(out, "{}", text(title));
    }
    if let Some(body) = &view.body {
        let _ = writeln!(out, "{}", text(body).trim_end());
    }
    for field in &view.fields {
        // Curriculum text often ends with a line break of its own.
        let (name, value) = (text(&field.name), text(&field.value).trim_end().to_string());
        if field.short && !value.contains('\n') {
            let _ = writeln!(out, "  {name}: {value}");
        } else {
            let _ = writeln!(out, "\n{name}\n  {}", value.replace('\n', "\n  "));
        }
    }
    if let Some(footer) = &view.footer {
        let _ = writeln!(out, "\n{}", text(footer));
    }
    out
}

/// Text as the terminal may print it: control characters (an ANSI escape, a carriage return,
/// a backspace) and bidirectional overrides, which could repaint or reorder the screen, are
/// written as visible escapes such as `\u{1b}`; only line breaks stay.
pub(crate) fn terminal_safe(text: &str) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return text.to_string();
    }
    text.chars().fold(String::with_capacity(text.len()), |mut out, c| {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::{CommandRef, Tone};

    #[test]
    fn terminal_safe_text_shows_escapes_and_keeps_line_breaks() {
        assert_eq!(terminal_safe("plain\ntext"), "plain\ntext");
        assert_eq!(terminal_safe("\u{1b}[31mred\r\u{202e}"), "\\u{1b}[31mred\\u{d}\\u{202e}");
    }

    #[test]
    fn a_view_reads_as_lines_with_commands_in_console_syntax() {
        let view = View::new(Tone::Settings)
            .title("Your settings")
            .field("Zone", "Europe/Berlin", true)
            .field("Nudges", "On\nweekdays", false)
            .footer(Text::new().plain("Turn them off: ").command(CommandRef::NudgesOff));
        assert_eq!(
            view_text(&view),
            "Your settings\n  Zone: Europe/Berlin\n\nNudges\n  On\n  weekdays\n\nTurn them off: /nudges off\n"
        );
    }

    fn view_text(v: &View) -> String {
        view(v)
    }
}
