//! Exactly once across processes, on PostgreSQL: scheduler steps run in child processes of this
//! test binary (each a separate process with its own connections and instance id) against one
//! database. Three processes stepping at once send every nudge once; a process killed between
//! claim and send leaves claims that another process neither sends early nor ever sends again,
//! unless the platform refuses copies by their nonce, where the next process sends them again;
//! a restart past the grace window sends nothing. The lease on scheduled sends is held by one
//! store at a time and passes on when its holder goes.
//!
//! On SQLite only one process serves a file, so these run only when the test PostgreSQL server
//! is configured (`bash .ci/test` always starts one; under `CI` its absence fails the test).

use crate::common::{at, fresh_postgres_database, open_app};
use backend_mentor::app::{NudgeRequest, PromptView};
use backend_mentor::domain::schedule::LocalTime;
use backend_mentor::domain::{MemberRef, Platform, Timezone};
use backend_mentor::scheduler::{NudgeMessage, Outbox, Pacer, Scheduler, SendError};
use backend_mentor::storage::Store;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

const MEMBERS: usize = 120;
const WORKER: &str = "scheduler_processes::scheduler_worker_process";

/// Whether the PostgreSQL tests can run here; outside CI they are skipped with a note.
fn postgres_configured() -> bool {
    let configured = std::env::var_os("MENTOR_TEST_POSTGRES_URL").is_some();
    assert!(configured || std::env::var_os("CI").is_none(), "CI must run the PostgreSQL tests (bash .ci/test)");
    if !configured {
        eprintln!("skipped: MENTOR_TEST_POSTGRES_URL is not set (bash .ci/test sets it)");
    }
    configured
}

/// Prints each nudge it is handed; with `crash_at` set, the process dies instead of making that
/// send, as a crash between claim and send would.
struct PrintingOutbox {
    handed: AtomicU32,
    crash_at: Option<u32>,
    /// Stands for a platform that refuses a copy by its nonce (Discord).
    copies_refused: bool,
}

impl Outbox for PrintingOutbox {
    async fn post_prompt(&self, _: &str, _: &PromptView<'_>, _: &str, _: &Pacer) -> Result<(), SendError> {
        Ok(())
    }

    async fn send_nudge(
        &self,
        member: &MemberRef,
        _known: Option<&str>,
        _nudge: &NudgeMessage,
        pacer: &Pacer,
    ) -> Result<Option<String>, SendError> {
        pacer.wait().await;
        let n = self.handed.fetch_add(1, Ordering::SeqCst) + 1;
        if self.crash_at == Some(n) {
            std::process::abort();
        }
        println!("SENT {}", member.user_id);
        Ok(None)
    }

    fn refuses_copies(&self) -> bool {
        self.copies_refused
    }
}

/// One scheduler step in this process, when started by `step_in_process` (otherwise nothing).
#[tokio::test]
#[ignore = "run by the multi-process tests as a child process"]
async fn scheduler_worker_process() {
    let (Ok(url), Ok(now)) = (std::env::var("WORKER_DATABASE_URL"), std::env::var("WORKER_NOW")) else { return };
    let now: DateTime<Utc> = now.parse().expect("WORKER_NOW is an instant");
    let crash_at = std::env::var("WORKER_CRASH_AT").ok().map(|n| n.parse().expect("a count"));
    let app = open_app(&url, Timezone::UTC).await;
    let copies_refused = std::env::var_os("WORKER_COPIES_REFUSED").is_some();
    let outbox = PrintingOutbox { handed: AtomicU32::new(0), crash_at, copies_refused };
    let scheduler = Scheduler::new(app.clone(), outbox, Platform::Discord, Duration::hours(3), 2000);
    // Each worker starts as a replica that has just taken the send lease.
    scheduler.take_over(now).await.expect("a takeover");
    scheduler.send_due(now).await.expect("a scheduler step");
    app.close().await;
}

fn start_step(url: &str, now: DateTime<Utc>, crash_at: Option<u32>) -> std::process::Child {
    start_worker(url, now, crash_at, false)
}

fn start_worker(url: &str, now: DateTime<Utc>, crash_at: Option<u32>, copies_refused: bool) -> std::process::Child {
    let mut command = std::process::Command::new(std::env::current_exe().expect("the test binary"));
    if copies_refused {
        command.env("WORKER_COPIES_REFUSED", "1");
    }
    command.args(["--exact", WORKER, "--ignored", "--nocapture", "--test-threads=1"]);
    command.env("WORKER_DATABASE_URL", url).env("WORKER_NOW", now.to_rfc3339()).env("RUST_LOG", "off");
    if let Some(n) = crash_at {
        command.env("WORKER_CRASH_AT", n.to_string());
    }
    command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null());
    command.spawn().expect("a worker process")
}

/// The members each finished process sent to, and whether every one exited cleanly.
fn sent_by(children: Vec<std::process::Child>) -> (Vec<String>, bool) {
    let (mut sent, mut clean) = (Vec::new(), true);
    for child in children {
        let out = child.wait_with_output().expect("the worker finished");
        clean &= out.status.success();
        let text = String::from_utf8_lossy(&out.stdout);
        // libtest writes "test ... " before the test's own output on the same line.
        sent.extend(text.lines().filter_map(|line| line.split_once("SENT ")).map(|(_, member)| member.to_string()));
    }
    (sent, clean)
}

fn counts(sent: &[String]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for member in sent {
        *counts.entry(member.as_str()).or_default() += 1;
    }
    counts
}

async fn members_with_nudges_at_seven(url: &str) {
    let app = open_app(url, Timezone::UTC).await;
    let request =
        || NudgeRequest { on: true, time: LocalTime::parse("19:00").ok(), weekdays: None, snooze_until: None };
    for i in 0..MEMBERS {
        let member = MemberRef::new(Platform::Discord, "guild-1", format!("member-{i}"));
        app.set_nudges(&member, request(), at(2026, 3, 1, 0, 0)).await.unwrap();
    }
    app.close().await;
}

#[tokio::test]
async fn three_processes_at_once_send_each_nudge_once() {
    if !postgres_configured() {
        return;
    }
    let url = fresh_postgres_database().await;
    members_with_nudges_at_seven(&url).await;
    let workers = (0..3).map(|_| start_step(&url, at(2026, 3, 2, 19, 5), None)).collect();
    let (sent, clean) = sent_by(workers);
    assert!(clean, "every worker finished its step");
    let counts = counts(&sent);
    assert_eq!(counts.len(), MEMBERS, "every member was nudged");
    assert!(counts.values().all(|&n| n == 1), "no member twice: {:?}", counts.iter().find(|(_, &n)| n > 1));
    let again = sent_by(vec![start_step(&url, at(2026, 3, 2, 19, 30), None)]).0;
    assert!(again.is_empty(), "a later step sends nothing already sent: {again:?}");
}

#[tokio::test]
async fn a_process_killed_between_claim_and_send_leaves_claims_nobody_sends_again() {
    if !postgres_configured() {
        return;
    }
    let url = fresh_postgres_database().await;
    members_with_nudges_at_seven(&url).await;
    let (before_crash, clean) = sent_by(vec![start_step(&url, at(2026, 3, 2, 19, 5), Some(30))]);
    assert!(!clean && before_crash.len() == 29, "the worker died at its 30th send: {}", before_crash.len());
    // Inside the claim timeout the dead process's claims are left alone: not sent, not expired.
    let (inside, _) = sent_by(vec![start_step(&url, at(2026, 3, 2, 19, 6), None)]);
    // After it they are settled as failed, never sent: the crash may have sent them.
    let (after, _) = sent_by(vec![start_step(&url, at(2026, 3, 2, 19, 10), None)]);
    let all: Vec<String> = before_crash.iter().chain(&inside).chain(&after).cloned().collect();
    let counts = counts(&all);
    assert!(counts.values().all(|&n| n == 1), "no member twice");
    assert!(after.is_empty(), "nothing of the interrupted claims is sent late: {after:?}");
    let interrupted = MEMBERS - counts.len();
    assert!((1..=8).contains(&interrupted), "the claims in flight at the crash were not sent: {interrupted}");
    let past_grace = sent_by(vec![start_step(&url, at(2026, 3, 3, 22, 30), None)]).0;
    assert!(past_grace.is_empty(), "a restart past the grace window skips the day: {past_grace:?}");
}

#[tokio::test]
async fn where_copies_are_refused_the_next_process_sends_what_a_killed_one_had_claimed() {
    if !postgres_configured() {
        return;
    }
    let url = fresh_postgres_database().await;
    members_with_nudges_at_seven(&url).await;
    let killed_at = at(2026, 3, 2, 19, 5);
    let (before_crash, clean) = sent_by(vec![start_worker(&url, killed_at, Some(30), true)]);
    assert!(!clean && before_crash.len() == 29, "the worker died at its 30th send: {}", before_crash.len());
    // The next process takes over 20 s later, inside the resend window.
    let (taken_over, clean) = sent_by(vec![start_worker(&url, killed_at + Duration::seconds(20), None, true)]);
    assert!(clean, "the second worker finished its step");
    let later = sent_by(vec![start_worker(&url, at(2026, 3, 2, 19, 10), None, true)]).0;
    let all: Vec<String> = before_crash.iter().chain(&taken_over).chain(&later).cloned().collect();
    let counts = counts(&all);
    assert_eq!(counts.len(), MEMBERS, "every member was nudged, the interrupted ones included");
    // A send the killed process made but had not settled is made again, and this platform
    // refuses that copy by its nonce (the fake Discord shows it). No other send is repeated.
    let copies: Vec<&&str> = counts.iter().filter(|(_, &n)| n > 1).map(|(member, _)| member).collect();
    assert!(counts.values().all(|&n| n <= 2), "at most one copy of a send");
    assert!(copies.iter().all(|m| before_crash.iter().any(|b| b == **m)), "copies only of the killed one's sends");
    assert!(copies.len() <= 8, "at most the sends in flight at the kill: {copies:?}");
    assert!(later.is_empty(), "nothing is left for a later step: {later:?}");
}

#[tokio::test]
async fn one_store_at_a_time_holds_the_lease_and_it_passes_on_when_the_holder_goes() {
    if !postgres_configured() {
        return;
    }
    let url = fresh_postgres_database().await;
    let (first, second) = (Store::connect(&url).await.unwrap(), Store::connect(&url).await.unwrap());
    let mut held = first.try_lease("discord").await.unwrap().expect("a free lease is taken");
    assert!(second.try_lease("discord").await.unwrap().is_none(), "a held lease is not taken twice");
    assert!(second.try_lease("slack").await.unwrap().is_some(), "each platform has its own lease");
    assert!(held.still_held().await);
    drop(held);
    let mut taken = None;
    for _ in 0..50 {
        taken = second.try_lease("discord").await.unwrap();
        if taken.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(taken.is_some(), "the lease passes on once its holder's connection is gone");
}
