//! Group commit for check-ins. On SQLite every check-in waits for the one writer connection, and
//! each of its statements is a hand-off to that connection's thread; BEGIN and COMMIT (with the
//! WAL pages a commit writes) were two of a new member's seven. So check-ins that arrive while
//! the writer is busy queue here, and a free lane writes them together: one transaction, each
//! member's statements in turn, one commit, and only then is any of them answered. With nothing
//! queued a check-in is a batch of one, written as it always was.
//!
//! One member's refusal or fault is never another's: a check-in refused inside a batch (a day
//! that would pass 24 hours) or any failure before the commit drops the whole transaction, and
//! each check-in of the batch then runs again on its own. A failed commit is not retried: on
//! PostgreSQL a commit cut off with its connection may still have landed, and writing the
//! check-ins again could count their minutes twice, so each of them gets an apology instead.
//!
//! The store says how many lanes may write at once (`Store::write_lanes`): one on SQLite, several
//! on PostgreSQL, where different members' check-ins also go on side by side.

use super::{App, CheckInView};
use crate::domain::{MemberRef, Minutes, Note, Timezone};
use crate::error::Error;
use crate::telemetry::metrics;
use chrono::{DateTime, Utc};
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, OnceLock};
use tokio::sync::{mpsc, oneshot, Mutex};

/// The most check-ins one transaction writes: BEGIN and COMMIT are paid once for many, and the
/// first of them waits for at most this many members' statements (about 10 ms on SQLite).
const MOST_PER_BATCH: usize = 32;

/// Check-ins that may wait for a lane; past it a new check-in waits for room in the queue
/// (several seconds of the writer's work, far past the rate any community checks in at).
const QUEUE_LENGTH: usize = 10_000;

/// One member's check-in, with what was read before it reached a lane.
pub(crate) struct CheckinRequest {
    pub member: MemberRef,
    pub known_id: Option<i64>,
    pub zone: Timezone,
    pub now: DateTime<Utc>,
    pub minutes: Option<Minutes>,
    pub note: Option<Note>,
}

struct Job {
    request: CheckinRequest,
    answer: oneshot::Sender<Result<CheckInView, Error>>,
}

/// The queue in front of the lanes. The lanes start with the first check-in, on its runtime.
#[derive(Default)]
pub(super) struct CheckinLanes {
    queue: OnceLock<mpsc::Sender<Job>>,
}

impl CheckinLanes {
    /// Queues the check-in and waits until its batch is committed (or refused).
    pub(super) async fn submit(&self, app: &App, request: CheckinRequest) -> Result<CheckInView, Error> {
        let queue = self.queue.get_or_init(|| start_lanes(app));
        let (answer, answered) = oneshot::channel();
        if let Err(mpsc::error::SendError(job)) = queue.send(Job { request, answer }).await {
            // The lanes' runtime has ended while this `App` lives on: write the check-in here.
            return app.check_in_alone(&job.request).await;
        }
        match answered.await {
            Ok(answer) => answer,
            // A panic inside the batch (before its commit) or the end of the lanes' runtime.
            Err(_) => Err(anyhow::anyhow!("the check-in lane stopped before answering").into()),
        }
    }
}

fn start_lanes(app: &App) -> mpsc::Sender<Job> {
    let (queue, waiting) = mpsc::channel(QUEUE_LENGTH);
    let waiting = Arc::new(Mutex::new(waiting));
    // The lanes' `App` has a queue of its own that never starts, so the lanes hold no sender and
    // end once every `App` that can submit is gone.
    let writer = App { checkins: Arc::default(), ..app.clone() };
    for _ in 0..app.store.write_lanes() {
        tokio::spawn(run_lane(writer.clone(), waiting.clone()));
    }
    queue
}

async fn run_lane(app: App, waiting: Arc<Mutex<mpsc::Receiver<Job>>>) {
    loop {
        let mut batch = Vec::with_capacity(MOST_PER_BATCH);
        // One lane at a time takes what is waiting; the others write their batches meanwhile.
        if waiting.lock().await.recv_many(&mut batch, MOST_PER_BATCH).await == 0 {
            return;
        }
        // A panic drops this batch's answers (each caller apologises); the lane goes on.
        if AssertUnwindSafe(write_batch(&app, batch)).catch_unwind().await.is_err() {
            tracing::error!("a check-in batch panicked before its commit; its members were told to try again");
        }
    }
}

async fn write_batch(app: &App, batch: Vec<Job>) {
    let requests: Vec<&CheckinRequest> = batch.iter().map(|job| &job.request).collect();
    let answers = app.write_checkins(&requests).await;
    for (job, answer) in batch.into_iter().zip(answers) {
        // A caller that stopped waiting (its interaction was abandoned) needs no answer.
        let _ = job.answer.send(answer);
    }
}

/// Why a batch did not commit.
enum Unwritten {
    /// Nothing of the batch was written: each check-in may run again on its own.
    BeforeCommit(Error),
    /// The commit failed, and on PostgreSQL may still have landed: nothing runs again.
    AtCommit(sqlx::Error),
}

/// How many times a check-in alone is tried when the database ends it to break a deadlock.
const DEADLOCK_ATTEMPTS: u32 = 3;

impl App {
    /// Writes the check-ins in one transaction and answers each, in order; see the module's notes.
    pub(super) async fn write_checkins(&self, requests: &[&CheckinRequest]) -> Vec<Result<CheckInView, Error>> {
        if requests.is_empty() {
            return Vec::new();
        }
        metrics::checkin_batch(requests.len());
        self.store.note_queued_writes(requests.len() - 1);
        if let [request] = requests {
            return vec![self.check_in_alone(request).await];
        }
        match self.write_together(requests).await {
            Ok(views) => views.into_iter().map(Ok).collect(),
            Err(Unwritten::BeforeCommit(cause)) => {
                if let Error::Internal(e) = &cause {
                    tracing::warn!(error = format!("{e:#}"), "a check-in batch failed; each check-in runs on its own");
                }
                let mut answers = Vec::with_capacity(requests.len());
                for request in requests {
                    answers.push(self.check_in_alone(request).await);
                }
                answers
            }
            Err(Unwritten::AtCommit(e)) => {
                let e = anyhow::Error::new(e).context("the commit of a batch of check-ins failed");
                requests.iter().map(|_| Err(anyhow::anyhow!("{e:#}").into())).collect()
            }
        }
    }

    async fn write_together(&self, requests: &[&CheckinRequest]) -> Result<Vec<CheckInView>, Unwritten> {
        let mut tx = self.store.begin().await.map_err(|e| Unwritten::BeforeCommit(e.into()))?;
        let mut views = Vec::with_capacity(requests.len());
        for request in requests {
            views.push(self.check_in_within(&mut tx, request).await.map_err(Unwritten::BeforeCommit)?);
        }
        tx.commit().await.map_err(Unwritten::AtCommit)?;
        Ok(views)
    }

    /// One check-in in a transaction of its own. Concurrent lanes (PostgreSQL) can lock the same
    /// rows in different orders; the database then rolls one transaction back whole, and that
    /// one is run again, a few times at most.
    pub(super) async fn check_in_alone(&self, request: &CheckinRequest) -> Result<CheckInView, Error> {
        let mut attempt = 1;
        loop {
            match self.check_in_once(request).await {
                Err(e) if attempt < DEADLOCK_ATTEMPTS && crate::storage::ended_by_deadlock(&e) => attempt += 1,
                answer => return answer,
            }
        }
    }

    async fn check_in_once(&self, request: &CheckinRequest) -> Result<CheckInView, Error> {
        let mut tx = self.store.begin().await?;
        let view = self.check_in_within(&mut tx, request).await?;
        tx.commit().await?;
        Ok(view)
    }
}

impl App {
    /// Writes these check-ins as one batch, as a lane writes check-ins that queued together. For
    /// tests of what a batch promises, since concurrent callers cannot pin down what queues.
    #[doc(hidden)]
    pub async fn check_in_as_one_batch(
        &self,
        now: DateTime<Utc>,
        check_ins: Vec<(MemberRef, Option<Minutes>, Option<Note>)>,
    ) -> Result<Vec<Result<CheckInView, Error>>, Error> {
        let mut requests = Vec::with_capacity(check_ins.len());
        for (member, minutes, note) in check_ins {
            let (known_id, zone) = self.member_and_zone(&member).await?;
            requests.push(CheckinRequest { member, known_id, zone, now, minutes, note });
        }
        let requests: Vec<&CheckinRequest> = requests.iter().collect();
        Ok(self.write_checkins(&requests).await)
    }
}
