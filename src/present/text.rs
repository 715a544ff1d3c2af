//! Text as the presentation layer writes it: plain words plus typed pieces that each front end
//! writes in its own way (bold, a mention, a local time, a command in its syntax). The words are
//! written once, here and in the views; adapters only choose the markup.

use super::command_ref::CommandRef;
use chrono::{DateTime, Utc};

/// How a point in time is shown: Discord shows it in the reader's own zone; other front ends
/// write the member's local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeStyle {
    /// Hours and minutes, such as 23:59.
    Clock,
    /// Date and time, such as Thu 2026-03-05 09:00.
    DateTime,
}

/// One piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Our own words, shown as they are.
    Plain(String),
    /// Our own words, emphasised.
    Strong(String),
    /// Text a user typed (a note, a group name): shown exactly, never as markup.
    Typed(String),
    /// Curriculum text, which may carry light Markdown (bold, lists, links).
    Content(String),
    /// A command, written in the front end's syntax.
    Command(CommandRef),
    /// A member of the space, by the platform's user id.
    User(String),
    /// A channel, by the platform's id.
    Channel(String),
    /// A role or user group, by the platform's id.
    Role(String),
    /// A moment, with the member's zone for front ends that write local times.
    Time { at: DateTime<Utc>, zone: chrono_tz::Tz, style: TimeStyle },
    /// Text hidden until the reader asks (a hint).
    Hidden(String),
    /// A checkbox mark: ticked or not.
    Check(bool),
}

/// A run of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub spans: Vec<Span>,
}

impl Text {
    pub fn new() -> Self {
        Text::default()
    }

    pub fn plain(mut self, words: impl Into<String>) -> Self {
        self.spans.push(Span::Plain(words.into()));
        self
    }

    pub fn strong(mut self, words: impl Into<String>) -> Self {
        self.spans.push(Span::Strong(words.into()));
        self
    }

    pub fn typed(mut self, words: impl Into<String>) -> Self {
        self.spans.push(Span::Typed(words.into()));
        self
    }

    pub fn content(mut self, words: impl Into<String>) -> Self {
        self.spans.push(Span::Content(words.into()));
        self
    }

    pub fn command(mut self, command: CommandRef) -> Self {
        self.spans.push(Span::Command(command));
        self
    }

    pub fn span(mut self, span: Span) -> Self {
        self.spans.push(span);
        self
    }

    /// Appends another text.
    pub fn then(mut self, other: Text) -> Self {
        self.spans.extend(other.spans);
        self
    }

    /// Texts joined by a separator of our own words.
    pub fn joined(parts: impl IntoIterator<Item = Text>, separator: &str) -> Self {
        let mut out = Text::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out = out.plain(separator);
            }
            out = out.then(part);
        }
        out
    }

    /// The words without any markup, for tests and logs.
    pub fn words(&self) -> String {
        self.spans
            .iter()
            .map(|span| match span {
                Span::Plain(s) | Span::Strong(s) | Span::Typed(s) | Span::Content(s) | Span::Hidden(s) => s.clone(),
                Span::Command(c) => format!("[{c:?}]"),
                Span::User(id) | Span::Channel(id) | Span::Role(id) => format!("<{id}>"),
                Span::Time { at, .. } => at.to_rfc3339(),
                Span::Check(done) => if *done { "[x]" } else { "[ ]" }.to_string(),
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

impl From<&str> for Text {
    fn from(words: &str) -> Self {
        Text::new().plain(words)
    }
}

impl From<String> for Text {
    fn from(words: String) -> Self {
        Text::new().plain(words)
    }
}

/// Curriculum lines as a bulleted list, one per line.
pub fn content_bullets(items: &[String]) -> Text {
    Text::joined(items.iter().map(|item| Text::new().plain("- ").content(item.clone())), "\n")
}
