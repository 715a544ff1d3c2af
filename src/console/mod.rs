//! The terminal front end: `backend-mentor console` (a REPL) and `backend-mentor ask "<line>"`.
//!
//! A local member of a local space types the same commands as on Discord. Each line is parsed,
//! handed to `App`, and rendered as text; this file holds no business rules.

mod clock;
mod files;
mod help;
mod parse;
mod render;
mod render_career;
mod render_study;
mod schedule;
mod study;

use crate::app::App;
use crate::domain::{CallerRights, MemberRef, Minutes, Note, Platform, StepStatus, Timezone};
use crate::error::{log_internal, Error, UserError, APOLOGY};
use crate::scheduler::Scheduler;
use chrono::{DateTime, Utc};
use clock::ConsoleClock;
pub use parse::{parse_line, Command, UsageError};
use schedule::ConsoleOutbox;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// How a line ended, which `ask` turns into its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Answered,
    NotFound,
    Usage,
    Failed,
    Quit,
}

impl Status {
    /// 0 answered, 1 nothing matched, 2 usage error, 3 internal failure.
    pub fn exit_code(self) -> i32 {
        match self {
            Status::Answered | Status::Quit => 0,
            Status::NotFound => 1,
            Status::Usage => 2,
            Status::Failed => 3,
        }
    }
}

/// The text to show for a line and how it ended.
#[derive(Debug, Clone)]
pub struct Reply {
    pub text: String,
    pub status: Status,
}

impl Reply {
    fn answered(text: String) -> Self {
        Reply { text, status: Status::Answered }
    }
}

/// A console session for one local member, who moderates the local space.
pub struct Console {
    app: App,
    member: MemberRef,
    rights: CallerRights,
    clock: ConsoleClock,
    output_dir: std::path::PathBuf,
    scheduler: Scheduler<ConsoleOutbox>,
    outbox: ConsoleOutbox,
}

impl Console {
    pub fn new(app: App, user: &str) -> Self {
        let outbox = ConsoleOutbox::default();
        let grace = chrono::Duration::minutes(i64::from(crate::config::SchedulerConfig::default().grace_minutes));
        let scheduler = Scheduler::new(app.clone(), outbox.clone(), Platform::Console, grace, 1000);
        Console {
            scheduler,
            outbox,
            app,
            member: MemberRef::new(Platform::Console, "local", user),
            rights: CallerRights { manage_server: true, role_ids: Vec::new() },
            clock: ConsoleClock::default(),
            output_dir: files::default_output_dir(),
        }
    }

    /// Where heatmaps and exports are written (a folder private to this user unless set; it
    /// must be private either way, see `files.rs`).
    pub fn with_output_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.output_dir = dir.into();
        self
    }

    /// Runs one line at the given time, or at the console clock's time when `/clock` set one.
    /// The reply is safe to print: user text in it (notes, names, echoed input) carries no
    /// control characters.
    pub async fn handle(&self, line: &str, real_now: DateTime<Utc>) -> Reply {
        let mut reply = self.handle_raw(line, real_now).await;
        reply.text = render::terminal_safe(&reply.text);
        reply
    }

    async fn handle_raw(&self, line: &str, real_now: DateTime<Utc>) -> Reply {
        let now = self.clock.now_or(real_now);
        let command = match parse_line(line) {
            Ok(command) => command,
            Err(e) => return Reply { text: format!("{e}\n"), status: Status::Usage },
        };
        match self.execute(command, now).await {
            Ok(mut reply) => {
                // After the line, since /clock may just have moved the time.
                reply.text.push_str(&self.scheduled(self.clock.now_or(real_now)).await);
                reply
            }
            Err(Error::User(e)) => {
                let status = if e.is_not_found() { Status::NotFound } else { Status::Usage };
                Reply { text: render::user_error(&e), status }
            }
            Err(Error::Internal(e)) => {
                // The command word only, cut short: the line may hold a page of text or escapes.
                let action = crate::error::echo(line.split_whitespace().next().unwrap_or("console"));
                log_internal(&e, &action.escape_debug().to_string());
                Reply { text: format!("{APOLOGY}\n"), status: Status::Failed }
            }
        }
    }

    async fn execute(&self, command: Command, now: DateTime<Utc>) -> Result<Reply, Error> {
        let app = &self.app;
        let text = match command {
            Command::Help => render::help(),
            Command::Quit => return Ok(Reply { text: "Bye! Keep the streak going.\n".into(), status: Status::Quit }),
            Command::Roadmap { step: None } => render::roadmap(&app.roadmap_overview(&self.member).await?),
            Command::Roadmap { step: Some(q) } => {
                render::step_with_status(&app.roadmap_step_for(&self.member, &q).await?)
            }
            Command::Progress { step, status } => self.progress(step, status, now).await?,
            Command::Topics { step, done } => self.topics(step, done, now).await?,
            Command::Compare { phrase: Some(p), .. } => render::compare(&app.compare_phrase(&p)?),
            Command::Compare { names, .. } => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                render::compare(&app.compare(&names)?)
            }
            Command::Faq { question: None } => render::faq_index(&app.faq_questions()),
            Command::Faq { question: Some(q) } => render::faq(&app.faq(&q)?, app.content().steps.len()),
            Command::Career { section } => {
                let section = section.as_deref().map(crate::app::CareerSection::parse).transpose()?;
                render_career::career(app.career(), section)
            }
            Command::Prompt => render::prompt(&app.todays_prompt(&self.member.space, now).await?),
            Command::Checkin { minutes, note } => {
                let minutes = minutes.as_deref().map(Minutes::parse).transpose()?;
                let note = Note::new(note.as_deref().unwrap_or(""))?;
                render::checkin(&app.check_in(&self.member, now, minutes, note).await?)
            }
            Command::Streak { topic: Some(t) } if t.eq_ignore_ascii_case("rules") => app.streak_rules(),
            Command::Streak { .. } => self.streak(now).await?,
            Command::Settings { timezone: None } => {
                let zone = app.member_timezone(&self.member).await?;
                format!("Your time zone is {zone}. Change it with /settings timezone:Europe/Berlin\n")
            }
            Command::Settings { timezone: Some(zone) } => {
                let zone = Timezone::parse(&zone)?;
                app.set_timezone(&self.member, zone, now).await?;
                render::timezone_set(zone.name())
            }
            Command::Schedule { command, words } => self.schedule(&command, &words, now).await?,
            other => self.study(other, now).await?,
        };
        Ok(Reply::answered(text))
    }

    async fn progress(
        &self,
        step: Option<String>,
        status: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<String, Error> {
        let step = self.app.roadmap_step(step.as_deref().unwrap_or(""))?;
        let given = status.unwrap_or_default();
        let status = StepStatus::parse(&given).ok_or(UserError::UnknownStatus { given })?;
        let view = self.app.set_step_status(&self.member, step.number, status, now).await?;
        Ok(format!("Step {} ({}) is now: {}.\n", view.step.number, view.step.title, view.status.label()))
    }

    async fn topics(&self, step: Option<String>, done: Option<String>, now: DateTime<Utc>) -> Result<String, Error> {
        let step = self.app.roadmap_step(step.as_deref().unwrap_or(""))?;
        let count = step.checklist.len();
        let text = done.unwrap_or_default();
        let numbers: Vec<usize> = text
            .split([',', ' '])
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("none"))
            .map(|w| w.parse().map_err(|_| UserError::NotATopicNumber { given: w.to_string(), count }))
            .collect::<Result<_, _>>()?;
        Ok(render::step_with_status(&self.app.set_topics_done(&self.member, step.number, &numbers, now).await?))
    }

    /// Reads lines from standard input until /quit or end of input.
    pub async fn run_repl(&self) -> anyhow::Result<()> {
        let mut stdout = tokio::io::stdout();
        let greeting = "backend-mentor console. Type /help for commands, /quit to leave.\n";
        stdout.write_all(greeting.as_bytes()).await?;
        let mut lines = BufReader::new(tokio::io::stdin()).lines();
        loop {
            stdout.write_all(b"> ").await?;
            stdout.flush().await?;
            let Some(line) = lines.next_line().await? else {
                break;
            };
            if line.trim().is_empty() {
                continue;
            }
            let reply = self.handle(&line, Utc::now()).await;
            stdout.write_all(reply.text.as_bytes()).await?;
            if reply.status == Status::Quit {
                break;
            }
        }
        Ok(())
    }
}
