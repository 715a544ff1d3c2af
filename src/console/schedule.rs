//! The scheduler in the console: after every line the console runs one scheduler step
//! at its clock's time and shows what would have been posted or sent, so prompts and nudges can
//! be tried without Discord (with `/clock` to move through the days).

use super::{render, Console};
use crate::app::PromptView;
use crate::domain::MemberRef;
use crate::error::Error;
use crate::scheduler::{NudgeMessage, Outbox, Pacer, SendError};
use chrono::{DateTime, Utc};
use std::fmt::Write;
use std::sync::{Arc, Mutex};

/// Where the console's scheduler "sends": lines kept until the next reply shows them.
#[derive(Clone, Default)]
pub struct ConsoleOutbox {
    shown: Arc<Mutex<Vec<String>>>,
}

impl ConsoleOutbox {
    /// What was sent since the last call.
    pub fn take(&self) -> Vec<String> {
        self.shown.lock().map(|mut lines| std::mem::take(&mut *lines)).unwrap_or_default()
    }

    fn push(&self, line: String) {
        if let Ok(mut lines) = self.shown.lock() {
            lines.push(line);
        }
    }
}

impl Outbox for ConsoleOutbox {
    async fn post_prompt(
        &self,
        _channel: &str,
        prompt: &PromptView<'_>,
        _key: &str,
        _pacer: &Pacer,
    ) -> Result<(), SendError> {
        self.push(format!("[daily prompt posted]\n{}", render::view(&crate::present::prompt(prompt))));
        Ok(())
    }

    async fn send_nudge(
        &self,
        member: &MemberRef,
        _known: Option<&str>,
        nudge: &NudgeMessage,
        _pacer: &Pacer,
    ) -> Result<Option<String>, SendError> {
        let reply = crate::present::nudge(nudge, &member.space.space_id);
        let text = format!("[study nudge for {}]\n{}", member.user_id, render::view(&reply.view));
        self.push(text);
        Ok(None)
    }
}

impl Console {
    /// Runs one scheduler step at `now` and returns what it "sent", for the end of a reply.
    pub(super) async fn scheduled(&self, now: DateTime<Utc>) -> String {
        if let Err(e) = self.scheduler.send_due(now).await {
            if let Error::Internal(cause) = e {
                crate::error::log_internal(&cause, "console scheduler");
            }
            return String::new();
        }
        let mut out = String::new();
        for line in self.outbox.take() {
            let _ = writeln!(out, "\n{line}");
        }
        out
    }
}
