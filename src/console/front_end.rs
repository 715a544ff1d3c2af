//! The console as a front end of the composition root (`backend-mentor console`): a REPL for the
//! local member until `/quit`, the end of input, or the shutdown signal. It has no outbox for
//! the root's scheduler: the console runs a scheduler step itself after every line, so what was
//! "sent" shows in that line's reply.

use super::schedule::ConsoleOutbox;
use super::Console;
use crate::app::App;
use crate::clock::Clock;
use crate::config::SchedulerConfig;
use crate::domain::Platform;
use crate::startup::{FrontEnd, Shutdown};

/// Who types at the console, and the scheduler settings its steps use.
pub struct ConsoleFrontEnd {
    user: String,
    scheduling: SchedulerConfig,
}

impl ConsoleFrontEnd {
    pub fn new(user: &str, scheduling: SchedulerConfig) -> Self {
        ConsoleFrontEnd { user: user.to_string(), scheduling }
    }
}

impl FrontEnd for ConsoleFrontEnd {
    type Outbox = ConsoleOutbox;

    fn name(&self) -> &'static str {
        "console"
    }

    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn outbox(&self) -> Option<ConsoleOutbox> {
        None
    }

    async fn serve(self, app: App, clock: Clock, shutdown: Shutdown) -> anyhow::Result<()> {
        let console = Console::new(app, &self.user, clock).with_scheduling(self.scheduling);
        tokio::select! {
            result = console.run_repl() => result,
            () = shutdown.wait() => Ok(()),
        }
    }
}
