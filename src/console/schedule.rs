//! The scheduler in the console: `/setup prompts|show|off|preview` for the local space, and
//! `/nudges on|off` for the local member. After every line the console runs one scheduler step
//! at its clock's time and shows what would have been posted or sent, so prompts and nudges can
//! be tried without Discord (with `/clock` to move through the days).

use super::{render, Console};
use crate::app::{NudgeRequest, PromptScheduleView, PromptView};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{MemberRef, Timezone};
use crate::error::{Error, UserError};
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
        self.push(format!("[daily prompt posted]\n{}", render::prompt(prompt)));
        Ok(())
    }

    async fn send_nudge(&self, member: &MemberRef, nudge: &NudgeMessage, _pacer: &Pacer) -> Result<(), SendError> {
        let ends = nudge.day_ends_at.format("%H:%M");
        let stake = nudge.at_stake.sentence();
        let text = format!(
            "[study nudge for {}] You haven't checked in today (it ends at {ends}). {stake} Try /checkin",
            member.user_id
        );
        self.push(text);
        Ok(())
    }
}

impl Console {
    /// `/setup ...` and `/nudges ...`.
    pub(super) async fn schedule(&self, command: &str, words: &[String], now: DateTime<Utc>) -> Result<String, Error> {
        let word = |i: usize| words.get(i).map(String::as_str);
        let space = &self.member.space;
        match (command, word(0).unwrap_or("show")) {
            ("setup", "prompts") => {
                let time = LocalTime::parse(word(1).unwrap_or(""))?;
                let zone = Timezone::parse(word(2).unwrap_or("UTC"))?;
                let days = Weekdays::parse(word(3).unwrap_or("daily"))?;
                let view = self.app.setup_prompts(space, &self.rights, "console", (time, zone, days), now).await?;
                Ok(describe(Some(&view)))
            }
            ("setup", "off") => {
                self.app.prompts_off(space, &self.rights).await?;
                Ok("The daily prompt is off.\n".to_string())
            }
            ("setup", "preview") => Ok(render::prompt(&self.app.preview_prompt(space, &self.rights, now).await?)),
            ("setup", _) => Ok(describe(self.app.prompt_schedule(space, now).await?.as_ref())),
            ("nudges", state) => {
                let on = match state {
                    "on" => true,
                    "off" => false,
                    other => return Err(UserError::InvalidNudgeSwitch { given: other.to_string() }.into()),
                };
                let request = NudgeRequest { on, time: word(1), weekdays: word(2), snooze_until: word(3) };
                Ok(match self.app.set_nudges(&self.member, request, now).await? {
                    Some(s) => format!(
                        "Nudges on: {} {}, {}, when you haven't checked in.\n",
                        s.time.to_hhmm(),
                        s.zone,
                        s.weekdays.describe()
                    ),
                    None => "Nudges off.\n".to_string(),
                })
            }
            _ => Ok(String::new()),
        }
    }

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

fn describe(view: Option<&PromptScheduleView>) -> String {
    let Some(v) = view else {
        return "No daily prompt is set up. Try /setup prompts 09:00 Europe/Berlin\n".to_string();
    };
    let when = format!("{} {}, {}", v.schedule.time.to_hhmm(), v.schedule.zone, v.schedule.weekdays.describe());
    if !v.enabled {
        return format!("The daily prompt is off (was {when}).\n");
    }
    let next: Vec<String> = v.next_posts.iter().map(|at| at.format("%a %Y-%m-%d %H:%M").to_string()).collect();
    format!("Daily prompt at {when}.\nNext posts: {}\n", next.join(", "))
}
