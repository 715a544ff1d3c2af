//! The neutral answer every command returns: one message (title, body, fields, footer), who
//! sees it, buttons and menus as typed actions, and an attached image or file. Front ends turn
//! it into an embed, Block Kit or terminal text, fitting it to their own limits.

use super::text::Text;
use crate::commands::Action;

/// What kind of answer this is; front ends may colour or mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Roadmap,
    Compare,
    Faq,
    Prompt,
    Streak,
    Settings,
    /// Something the user can fix.
    Problem,
    /// Something we broke.
    Apology,
}

/// A labelled piece of a message. Short fields may sit side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: Text,
    pub value: Text,
    pub short: bool,
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub tone: Tone,
    pub title: Option<Text>,
    pub body: Option<Text>,
    pub fields: Vec<Field>,
    /// What to try next.
    pub footer: Option<Text>,
    /// Shows the attached image (by file name) inside the message.
    pub image: Option<String>,
}

impl View {
    pub fn new(tone: Tone) -> Self {
        View { tone, title: None, body: None, fields: Vec::new(), footer: None, image: None }
    }

    pub fn title(mut self, title: impl Into<Text>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn body(mut self, body: impl Into<Text>) -> Self {
        self.body = Some(body.into());
        self
    }

    pub fn field(mut self, name: impl Into<Text>, value: impl Into<Text>, short: bool) -> Self {
        self.fields.push(Field { name: name.into(), value: value.into(), short });
        self
    }

    pub fn footer(mut self, footer: impl Into<Text>) -> Self {
        self.footer = Some(footer.into());
        self
    }

    /// Every word of the message, for tests.
    pub fn words(&self) -> String {
        let fields = self.fields.iter().map(|f| format!("{}: {}", f.name.words(), f.value.words()));
        [self.title.as_ref(), self.body.as_ref()]
            .into_iter()
            .flatten()
            .map(Text::words)
            .chain(fields)
            .chain(self.footer.iter().map(Text::words))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
    /// The current choice.
    Selected,
    Danger,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub action: Action,
    pub label: String,
    pub style: ButtonStyle,
    pub disabled: bool,
}

/// A choice of several options; the chosen values come back with the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub action: Action,
    pub placeholder: String,
    pub options: Vec<MenuOption>,
    /// How many may be chosen at most; none at least.
    pub max_chosen: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuOption {
    pub label: String,
    pub value: String,
    pub chosen: bool,
}

/// A row of controls under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Buttons(Vec<Button>),
    Menu(Menu),
}

/// A file that goes with the answer (a heatmap image, a data export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Who sees an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Only the member who asked.
    Private,
    /// Everyone in the channel.
    Shared,
}

/// The answer to one command or click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub visibility: Visibility,
    pub view: View,
    pub rows: Vec<Row>,
    pub attachment: Option<Attachment>,
}

impl Reply {
    pub fn private(view: View) -> Self {
        Reply { visibility: Visibility::Private, view, rows: Vec::new(), attachment: None }
    }

    pub fn shared(view: View) -> Self {
        Reply { visibility: Visibility::Shared, view, rows: Vec::new(), attachment: None }
    }

    pub fn with_rows(mut self, rows: Vec<Row>) -> Self {
        self.rows = rows;
        self
    }

    pub fn with_attachment(mut self, attachment: Attachment) -> Self {
        self.attachment = Some(attachment);
        self
    }

    pub fn is_private(&self) -> bool {
        self.visibility == Visibility::Private
    }
}
