//! The terminal front end: `backend-mentor console` (a REPL) and `backend-mentor ask "<line>"`.
//!
//! A local member of a local space types the same commands as on Discord. Each line is parsed,
//! handed to `App`, and rendered as text; this file holds no business rules.

mod clock;
mod files;
mod front_end;
mod render;
mod schedule;
mod study;

use crate::app::App;
use crate::clock::Clock;
use crate::commands::{self, Caller};
use crate::config::SchedulerConfig;
use crate::domain::{CallerRights, MemberRef, Platform};
use crate::error::Error;
use crate::grammar::{self, TextCommand, UsageError};
use crate::scheduler::Scheduler;
use chrono::{DateTime, Utc};
use clock::ConsoleClock;
pub use front_end::ConsoleFrontEnd;
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
    caller: Caller,
    clock: ConsoleClock,
    output_dir: std::path::PathBuf,
    scheduler: Scheduler<ConsoleOutbox>,
    outbox: ConsoleOutbox,
}

impl Console {
    /// A session at `clock`'s time, scheduling with the default settings until
    /// [`Console::with_scheduling`] gives the configured ones.
    pub fn new(app: App, user: &str, clock: Clock) -> Self {
        let outbox = ConsoleOutbox::default();
        Console {
            scheduler: console_scheduler(&app, &outbox, SchedulerConfig::default()),
            outbox,
            app,
            caller: Caller {
                member: MemberRef::new(Platform::Console, "local", user),
                rights: CallerRights { manage_server: true, ..CallerRights::default() },
            },
            clock: ConsoleClock::new(clock),
            output_dir: files::default_output_dir(),
        }
    }

    /// The scheduler's grace window and rate from the configuration (`SCHEDULER_*`).
    pub fn with_scheduling(mut self, scheduling: SchedulerConfig) -> Self {
        self.scheduler = console_scheduler(&self.app, &self.outbox, scheduling);
        self
    }

    /// Where heatmaps and exports are written (a folder private to this user unless set; it
    /// must be private either way, see `files.rs`).
    pub fn with_output_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.output_dir = dir.into();
        self
    }

    /// Runs one line at the clock's time, or at the console clock's time when `/clock` set one.
    /// The reply is safe to print: user text in it (notes, names, echoed input) carries no
    /// control characters.
    pub async fn handle(&self, line: &str) -> Reply {
        let mut reply = self.handle_raw(line).await;
        reply.text = render::terminal_safe(&reply.text);
        reply
    }

    async fn handle_raw(&self, line: &str) -> Reply {
        let now = self.clock.now();
        let result = match grammar::parse_line(line) {
            Ok(command) => self.execute(command, now).await,
            Err(UsageError::Invalid(problem)) => Err(problem.into()),
            Err(e) => return Reply { text: format!("{e}\n"), status: Status::Usage },
        };
        match result {
            Ok(mut reply) => {
                // After the line, since /clock may just have moved the time.
                reply.text.push_str(&self.scheduled(self.clock.now()).await);
                reply
            }
            Err(error) => {
                let status = match &error {
                    Error::User(e) if e.is_not_found() => Status::NotFound,
                    Error::User(_) => Status::Usage,
                    Error::Internal(_) => Status::Failed,
                };
                // The command word only, cut short: the line may hold a page of text or escapes.
                let action = crate::error::echo(line.split_whitespace().next().unwrap_or("console"));
                commands::log_failure(&error, &action.escape_debug().to_string(), true);
                Reply { text: render::view(&commands::failure(&error).view), status }
            }
        }
    }

    async fn execute(&self, line: TextCommand, now: DateTime<Utc>) -> Result<Reply, Error> {
        let command = match line {
            TextCommand::Quit => {
                return Ok(Reply { text: "Bye! Keep the streak going.\n".into(), status: Status::Quit })
            }
            TextCommand::Clock { setting } => return Ok(Reply::answered(self.clock_line(setting, now)?)),
            TextCommand::Mentor(commands::Command::Help) => return Ok(Reply::answered(grammar::catalog::help_text())),
            TextCommand::Mentor(command) => command,
        };
        let deletes = command == commands::Command::Privacy(commands::PrivacyRequest::Delete);
        let reply = commands::run(&self.app, &self.caller, command, now).await?;
        let mut text = render::view(&reply.view);
        if let Some(file) = &reply.attachment {
            text.push_str(&self.save(file)?);
        }
        if deletes {
            text.push_str(&self.remove_files()?);
        }
        if let Some(notice) = commands::pending_notice(&self.app, &self.caller).await? {
            text.push_str(&render::view(&notice.view));
        }
        Ok(Reply::answered(text))
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
            let reply = self.handle(&line).await;
            stdout.write_all(reply.text.as_bytes()).await?;
            if reply.status == Status::Quit {
                break;
            }
        }
        Ok(())
    }
}

/// The console's own scheduler: one step after every line, so what was "sent" shows in the reply.
fn console_scheduler(app: &App, outbox: &ConsoleOutbox, scheduling: SchedulerConfig) -> Scheduler<ConsoleOutbox> {
    let grace = chrono::Duration::minutes(i64::from(scheduling.grace_minutes));
    Scheduler::new(app.clone(), outbox.clone(), Platform::Console, grace, scheduling.rate_per_second)
}
