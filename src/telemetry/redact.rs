//! Masks secrets in every log line and start-up message before it is written, whatever
//! `RUST_LOG` lets through.
//!
//! At debug and trace, serenity's request spans print the route with the interaction token, the
//! HTTP crates print URLs such as `/interactions/ID/TOKEN/callback` and `/webhooks/APP/TOKEN`,
//! and gateway payloads carry `"token":"..."`; an interaction token lets anyone answer as the bot
//! for 15 minutes. So each formatted event is buffered whole and passed through [`Redactor`]:
//! configured secret values (tokens, the database password) are replaced wherever they appear,
//! and token-shaped values are masked by pattern (the segment after `/interactions/ID/` and
//! `/webhooks/ID/`, a `token` field's value, Discord bot tokens and Slack `xox?-` tokens).

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::Arc;
use tracing_subscriber::fmt::MakeWriter;

/// What a masked value is replaced with.
pub const REDACTED: &str = "[redacted]";
/// Configured secrets shorter than this are not masked: replacing every "ab" would garble the
/// log while hiding nothing worth the name.
const MIN_SECRET_LEN: usize = 4;

/// Replaces configured secrets and token-shaped values in text.
#[derive(Debug, Default)]
pub struct Redactor {
    /// Each secret as written and as JSON, `Debug` and hex would show it, longest first so a
    /// secret containing another is replaced whole.
    secrets: Vec<String>,
}

impl Redactor {
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut forms: Vec<String> = secrets
            .into_iter()
            .filter(|secret| secret.chars().count() >= MIN_SECRET_LEN)
            .flat_map(|secret| {
                let escaped = format!("{secret:?}").trim_matches('"').to_string();
                let json = serde_json::to_string(&secret).unwrap_or_default().trim_matches('"').to_string();
                let hex: String = secret.bytes().map(|byte| format!("{byte:02x}")).collect();
                [secret, escaped, json, hex]
            })
            .collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        forms.dedup();
        Redactor { secrets: forms }
    }

    /// `text` with every secret and token-shaped value replaced by `[redacted]`.
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut shown = Cow::Borrowed(text);
        for secret in &self.secrets {
            if shown.contains(secret.as_str()) {
                shown = Cow::Owned(shown.replace(secret.as_str(), REDACTED));
            }
        }
        let mut ranges = Vec::new();
        for marker in ["/interactions/", "/webhooks/"] {
            ranges.extend(segments_after_id(&shown, marker));
        }
        ranges.extend(token_field_values(&shown));
        ranges.extend(token_shaped_words(&shown));
        if ranges.is_empty() {
            return shown;
        }
        Cow::Owned(mask(&shown, ranges))
    }
}

/// Characters a token, an id or a URL path segment is made of.
fn is_token_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~' | b'%')
}

/// The end of the run of token characters starting at `from`.
fn run_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..].iter().take_while(|&&c| is_token_char(c)).count()
}

/// For `/interactions/ID/TOKEN` and `/webhooks/ID/TOKEN`: the byte range of each TOKEN.
fn segments_after_id(text: &str, marker: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    for (at, _) in text.match_indices(marker) {
        let id_end = run_end(bytes, at + marker.len());
        if bytes.get(id_end) == Some(&b'/') {
            let token_end = run_end(bytes, id_end + 1);
            ranges.push((id_end + 1, token_end));
        }
    }
    ranges
}

/// The value after `token` written as a field: `token: "v"`, `"token":"v"`, `token=v`, also with
/// escaped quotes (`\"token\":\"v\"`) as Debug and JSON logs nest them; `interaction_token` too.
fn token_field_values(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    // Quotes, backslashes, spaces and the colour codes a terminal log puts around field names.
    let skip = |mut at: usize| loop {
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'"' | b'\'' | b'\\' | b' '), _) => at += 1,
            (Some(0x1b), Some(b'[')) => {
                at += 2 + bytes[at + 2..].iter().take_while(|c| c.is_ascii_digit() || **c == b';').count();
                at += usize::from(bytes.get(at) == Some(&b'm'));
            }
            _ => break at,
        }
    };
    let mut ranges = Vec::new();
    for (at, _) in lower.match_indices("token") {
        let separator = skip(at + "token".len());
        if !matches!(bytes.get(separator), Some(b':' | b'=')) {
            continue;
        }
        let value = skip(separator + 1);
        ranges.push((value, run_end(bytes, value)));
    }
    ranges
}

/// Words shaped like a Discord bot token (three dot-separated base64 parts: the user id, a
/// timestamp, an HMAC) or a Slack token (`xoxb-...`), whoever's they are.
fn token_shaped_words(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = run_end(bytes, at);
        if end == at {
            at += 1;
            continue;
        }
        let word = &text[at..end];
        let parts: Vec<usize> = word.split('.').map(str::len).collect();
        let discord = matches!(parts[..], [id, stamp, mac] if id >= 18 && (4..=8).contains(&stamp) && mac >= 25);
        let slack = word.len() >= 15 && word.starts_with("xox") && word.as_bytes().get(4) == Some(&b'-');
        if discord || slack {
            ranges.push((at, end));
        }
        at = end;
    }
    ranges
}

/// `text` with each non-empty byte range (always on ASCII boundaries) replaced by `[redacted]`.
fn mask(text: &str, mut ranges: Vec<(usize, usize)>) -> String {
    ranges.retain(|(start, end)| end > start);
    ranges.sort_unstable();
    let mut shown = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in ranges {
        if end <= copied {
            continue;
        }
        shown.push_str(&text[copied..start.max(copied)]);
        shown.push_str(REDACTED);
        copied = end;
    }
    shown.push_str(&text[copied..]);
    shown
}

/// A `MakeWriter` whose writers collect one event and write it redacted when dropped, so a secret
/// can never be split across two writes and slip through.
pub struct RedactingWriter<M> {
    inner: M,
    redactor: Arc<Redactor>,
}

impl<M> RedactingWriter<M> {
    pub fn new(inner: M, redactor: Arc<Redactor>) -> Self {
        RedactingWriter { inner, redactor }
    }
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingWriter<M> {
    type Writer = RedactedEvent<'a, M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactedEvent { buffer: Vec::new(), inner: self.inner.make_writer(), redactor: &self.redactor }
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> Self::Writer {
        RedactedEvent { buffer: Vec::new(), inner: self.inner.make_writer_for(meta), redactor: &self.redactor }
    }
}

/// One event's text, held until it is complete.
pub struct RedactedEvent<'a, W: Write> {
    buffer: Vec<u8>,
    inner: W,
    redactor: &'a Redactor,
}

impl<W: Write> RedactedEvent<'_, W> {
    fn emit(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buffer);
        let result = self.inner.write_all(self.redactor.redact(&text).as_bytes());
        self.buffer.clear();
        result.and_then(|()| self.inner.flush())
    }
}

impl<W: Write> Write for RedactedEvent<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// Flushing mid-event would split it; the event is written when the formatter drops it.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<W: Write> Drop for RedactedEvent<'_, W> {
    fn drop(&mut self) {
        // Nowhere is left to report a failed log write; the fmt layer ignores them too.
        let _ = self.emit();
    }
}

#[cfg(test)]
mod tests;
