//! The neutral `Reply` as Block Kit, fitted to Slack's limits: a header (plain text, 150
//! characters), the body and each long field as sections of at most 3,000 characters (split at
//! line breaks, never cut), short fields side by side (ten to a section), the footer as context.
//! The buttons and menus follow as `actions` blocks (`controls.rs`).
//! A message holds at most 50 blocks and Slack refuses one whose blocks together pass about
//! 13,200 characters, so a long answer becomes several messages instead of an error.

use super::mrkdwn::{mrkdwn, plain};
use crate::present::{Reply, View};
use slack_morphism::prelude::*;

/// A text object's limit.
const TEXT_LIMIT: usize = 3_000;
/// A section field's limit.
const FIELD_LIMIT: usize = 2_000;
const FIELDS_PER_SECTION: usize = 10;
const HEADER_LIMIT: usize = 150;
const BLOCKS_PER_MESSAGE: usize = 50;
/// Characters of all blocks of one message, below the total Slack has been seen to refuse.
const MESSAGE_CHARACTERS: usize = 12_000;
/// The notification fallback's length.
const FALLBACK_LIMIT: usize = 300;

/// One Slack message of a rendered reply.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Message {
    pub content: SlackMessageContent,
    /// Everyone in the channel sees it, not only the member who asked.
    pub in_channel: bool,
}

/// The reply as one or more messages, in reading order.
pub(crate) fn messages(reply: &Reply) -> Vec<Message> {
    let fallback = fallback(&reply.view);
    let in_channel = !reply.is_private();
    let mut all = blocks(&reply.view);
    all.extend(super::controls::actions(&reply.rows));
    split(all)
        .into_iter()
        .map(|blocks| Message {
            content: SlackMessageContent::new().with_text(fallback.clone()).with_blocks(blocks),
            in_channel,
        })
        .collect()
}

/// Every block of the view, each within its own limits.
fn blocks(view: &View) -> Vec<(SlackBlock, usize)> {
    let mut blocks = Vec::new();
    if let Some(title) = &view.title {
        let title = cut(&plain(title), HEADER_LIMIT);
        let size = title.chars().count();
        blocks.push((SlackHeaderBlock::new(title.into()).into(), size));
    }
    if let Some(body) = &view.body {
        sections(&mut blocks, &mrkdwn(body));
    }
    let (short, long): (Vec<_>, Vec<_>) = view.fields.iter().partition(|f| f.short);
    for group in short.chunks(FIELDS_PER_SECTION) {
        let fields: Vec<String> =
            group.iter().map(|f| cut(&format!("*{}*\n{}", mrkdwn(&f.name), mrkdwn(&f.value)), FIELD_LIMIT)).collect();
        let size = fields.iter().map(|f| f.chars().count()).sum();
        let texts = fields.into_iter().map(|f| md!(f)).collect();
        blocks.push((SlackSectionBlock::new().with_fields(texts).into(), size));
    }
    for field in long {
        sections(&mut blocks, &format!("*{}*\n{}", mrkdwn(&field.name), mrkdwn(&field.value).trim_end()));
    }
    if let Some(footer) = &view.footer {
        let footer = cut(&mrkdwn(footer), TEXT_LIMIT);
        let size = footer.chars().count();
        blocks.push((SlackContextBlock::new(vec![md!(footer)]).into(), size));
    }
    blocks
}

/// Adds `text` as sections of at most `TEXT_LIMIT` characters.
fn sections(blocks: &mut Vec<(SlackBlock, usize)>, text: &str) {
    for piece in pieces(text.trim_end(), TEXT_LIMIT) {
        let size = piece.chars().count();
        blocks.push((SlackSectionBlock::new().with_text(md!(piece)).into(), size));
    }
}

/// Splits text into pieces of at most `limit` characters, at line breaks where a line fits,
/// else at spaces, else anywhere; no character is lost.
pub(crate) fn pieces(text: &str, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.split_inclusive('\n') {
        for chunk in fitting(line, limit) {
            if current.chars().count() + chunk.chars().count() > limit {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(&chunk);
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out.into_iter().map(|p| p.trim_end().to_string()).filter(|p| !p.is_empty()).collect()
}

/// A line cut into chunks of at most `limit` characters, preferring the last space.
fn fitting(line: &str, limit: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut rest: Vec<char> = line.chars().collect();
    while rest.len() > limit {
        let cut_at = rest[..limit].iter().rposition(|c| *c == ' ').map_or(limit, |i| i + 1);
        chunks.push(rest.drain(..cut_at).collect());
    }
    chunks.push(rest.into_iter().collect());
    chunks
}

/// Groups blocks into messages within the block count and character budget.
fn split(blocks: Vec<(SlackBlock, usize)>) -> Vec<Vec<SlackBlock>> {
    let mut messages: Vec<Vec<SlackBlock>> = vec![Vec::new()];
    let mut characters = 0;
    for (block, size) in blocks {
        let current = messages.last_mut().expect("there is always a message");
        if !current.is_empty() && (current.len() == BLOCKS_PER_MESSAGE || characters + size > MESSAGE_CHARACTERS) {
            messages.push(Vec::new());
            characters = 0;
        }
        messages.last_mut().expect("just pushed").push(block);
        characters += size;
    }
    messages
}

/// The notification text: the title, else the start of the body.
fn fallback(view: &View) -> String {
    let words = view.title.as_ref().or(view.body.as_ref()).map(plain).unwrap_or_default();
    cut(&words, FALLBACK_LIMIT)
}

/// At most `limit` characters, with an ellipsis when cut (for the few places a split cannot go).
pub(super) fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(limit - 1).collect();
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::Tone;

    #[test]
    fn long_text_splits_into_pieces_within_the_limit_and_loses_no_word() {
        let text = "word ".repeat(2_000) + "\nsecond line\n" + &"x".repeat(7_000);
        let parts = pieces(&text, TEXT_LIMIT);
        assert!(parts.iter().all(|p| p.chars().count() <= TEXT_LIMIT), "a piece is too long");
        let joined: String = parts.concat();
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(strip(&joined), strip(&text));
    }

    #[test]
    fn a_long_answer_becomes_several_messages_within_slack_limits() {
        let body = "A sentence about databases and caches.\n".repeat(1_200);
        let reply = Reply::shared(View::new(Tone::Faq).title("T".repeat(400)).body(body.as_str()));
        let sent = messages(&reply);
        assert!(sent.len() > 1, "45,000 characters cannot fit one message");
        for message in &sent {
            assert!(message.in_channel);
            let json = serde_json::to_value(&message.content).unwrap();
            let blocks = json["blocks"].as_array().unwrap();
            assert!(blocks.len() <= BLOCKS_PER_MESSAGE);
            let header = &blocks.iter().find(|b| b["type"] == "header");
            if let Some(header) = header {
                assert!(header["text"]["text"].as_str().unwrap().chars().count() <= HEADER_LIMIT);
            }
        }
    }
}
