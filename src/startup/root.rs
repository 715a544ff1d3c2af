//! `Root`: what `backend-mentor run` (and `console`) start. It holds the one `App`, the one
//! `Clock` and the one shutdown signal; each front end is started as a task beside a scheduler
//! for its platform, and when the signal comes (or any task ends by itself) every task is told
//! to stop, waited for, and only then is the store closed.

use super::shutdown::{shutdown_pair, Shutdown, ShutdownTrigger};
use crate::app::App;
use crate::clock::Clock;
use crate::config::SchedulerConfig;
use crate::domain::Platform;
use crate::scheduler::{self, Outbox, Scheduler};
use std::future::Future;
use std::time::Duration;
use tokio::task::JoinSet;

/// How long the tasks get to stop after the signal (a front end drains its own requests within
/// this; Discord's is 2 s of reading the gateway and 10 s for handlers).
const STOP_LIMIT: Duration = Duration::from_secs(15);

/// A way in for users: Discord, the console, Slack as it lands. It lives in its own folder and
/// needs nothing from another front end.
pub trait FrontEnd: Send + 'static {
    /// How the scheduler sends this platform's daily prompts and study nudges.
    type Outbox: Outbox + 'static;

    /// For the logs: which task stopped, or failed.
    fn name(&self) -> &'static str;

    /// The platform whose schedules the outbox serves.
    fn platform(&self) -> Platform;

    /// The outbox for the root's scheduler; `None` when the front end runs its scheduler steps
    /// itself (the console, which shows what was sent in the reply to each line).
    fn outbox(&self) -> Option<Self::Outbox>;

    /// Serves users until `shutdown` fires (then finishes what is in flight) or it cannot go on.
    fn serve(self, app: App, clock: Clock, shutdown: Shutdown) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// The running process: its core, clock, shutdown signal and tasks.
pub struct Root {
    app: App,
    clock: Clock,
    scheduling: SchedulerConfig,
    trigger: ShutdownTrigger,
    shutdown: Shutdown,
    tasks: JoinSet<(&'static str, anyhow::Result<()>)>,
}

impl Root {
    /// Takes the core and starts drawing the heatmap's pieces so the first `/streak` is quick.
    pub fn new(app: App, clock: Clock, scheduling: SchedulerConfig) -> Self {
        app.prepare_heatmap(clock.now());
        let (trigger, shutdown) = shutdown_pair();
        Root { app, clock, scheduling, trigger, shutdown, tasks: JoinSet::new() }
    }

    /// Starts a front end, and a scheduler sending through its outbox when it has one.
    pub fn start<F: FrontEnd>(&mut self, front_end: F) {
        let name = front_end.name();
        if let Some(outbox) = front_end.outbox() {
            let grace = chrono::Duration::minutes(i64::from(self.scheduling.grace_minutes));
            let scheduler =
                Scheduler::new(self.app.clone(), outbox, front_end.platform(), grace, self.scheduling.rate_per_second);
            let tick = Duration::from_secs(u64::from(self.scheduling.tick_seconds));
            let (clock, shutdown) = (self.clock.clone(), self.shutdown.clone());
            self.tasks.spawn(async move {
                scheduler::run(scheduler, clock, tick, async move { shutdown.wait().await }).await;
                ("scheduler", Ok(()))
            });
        }
        let serving = front_end.serve(self.app.clone(), self.clock.clone(), self.shutdown.clone());
        self.tasks.spawn(async move { (name, serving.await) });
    }

    /// Starts a task beside the front ends that serves until shutdown (the health and metrics
    /// listener); it ends with the others and its failure is the run's, as theirs is.
    pub fn start_task<T, F>(&mut self, name: &'static str, task: T)
    where
        T: FnOnce(App, Clock, Shutdown) -> F,
        F: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let running = task(self.app.clone(), self.clock.clone(), self.shutdown.clone());
        self.tasks.spawn(async move { (name, running.await) });
    }

    /// Runs until `signal` resolves or a task ends by itself, then stops every task, waits for
    /// them (up to a limit) and closes the store. The first failure is the result.
    pub async fn run(mut self, signal: impl Future<Output = ()>) -> anyhow::Result<()> {
        let mut failure = None;
        tokio::select! {
            () = signal => tracing::info!("shutting down"),
            Some(ended) = self.tasks.join_next() => {
                note(ended, &mut failure);
                tracing::info!("a task ended; stopping the others");
            }
        }
        self.trigger.fire();
        let deadline = tokio::time::Instant::now() + STOP_LIMIT;
        while let Ok(Some(ended)) = tokio::time::timeout_at(deadline, self.tasks.join_next()).await {
            note(ended, &mut failure);
        }
        if !self.tasks.is_empty() {
            tracing::warn!(left = self.tasks.len(), "tasks did not stop in time; abandoning them");
            self.tasks.abort_all();
        }
        self.app.close().await;
        tracing::info!("stopped; database closed");
        failure.map_or(Ok(()), Err)
    }
}

/// Logs how a task ended and keeps the first failure.
fn note(
    ended: Result<(&'static str, anyhow::Result<()>), tokio::task::JoinError>,
    failure: &mut Option<anyhow::Error>,
) {
    let error = match ended {
        Ok((name, Ok(()))) => {
            tracing::info!(task = name, "stopped");
            return;
        }
        Ok((name, Err(e))) => {
            tracing::warn!(task = name, "ended with an error");
            e
        }
        Err(e) => anyhow::Error::new(e).context("a task panicked"),
    };
    failure.get_or_insert(error);
}
