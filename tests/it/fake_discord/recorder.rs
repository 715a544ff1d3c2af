//! The request log: every REST request in arrival order, each handed to `next_request` at most once, plus
//! the failures a test asked for with `fail_next`. Waiting is a `watch` channel counting recorded
//! requests, so a waiter wakes on each new request instead of polling or sleeping.

use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;

use super::RecordedRequest;

/// A failure to answer instead of the normal response, consumed by the first matching request.
/// With `deliver`, the request is carried out first and only its answer is lost, as when
/// Discord did the work and then answered 5xx or the connection dropped.
pub(super) struct Failure {
    method: String,
    pattern: String,
    pub status: u16,
    pub body: Value,
    pub deliver: bool,
}

pub(super) struct Recorder {
    log: Mutex<Vec<(RecordedRequest, bool)>>,
    count: watch::Sender<usize>,
    failures: Mutex<Vec<Failure>>,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder { log: Mutex::new(Vec::new()), count: watch::Sender::new(0), failures: Mutex::new(Vec::new()) }
    }
}

/// Whether `path` matches `pattern`, where a `*` segment matches any one segment.
pub(super) fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(want, got)| *want == "*" || want == got)
}

fn matches(request: &RecordedRequest, method: &str, pattern: &str) -> bool {
    request.method.eq_ignore_ascii_case(method) && path_matches(pattern, &request.path)
}

impl Recorder {
    pub(super) fn reserve(&self, requests: usize) {
        self.log.lock().unwrap().reserve(requests);
    }

    pub(super) fn len(&self) -> usize {
        *self.count.borrow()
    }

    pub(super) fn record(&self, request: RecordedRequest) {
        let mut log = self.log.lock().unwrap();
        log.push((request, false));
        self.count.send_replace(log.len());
    }

    pub(super) fn all(&self) -> Vec<RecordedRequest> {
        self.log.lock().unwrap().iter().map(|(request, _)| request.clone()).collect()
    }

    /// Takes the oldest request not yet taken that matches.
    fn take(&self, method: &str, pattern: &str) -> Option<RecordedRequest> {
        let mut log = self.log.lock().unwrap();
        let (request, taken) = log.iter_mut().find(|(request, taken)| !*taken && matches(request, method, pattern))?;
        *taken = true;
        Some(request.clone())
    }

    pub(super) async fn next(&self, method: &str, pattern: &str, timeout: Duration) -> Result<RecordedRequest, String> {
        // Subscribing before looking means a request recorded between the look and the wait still
        // wakes the waiter.
        let mut count = self.count.subscribe();
        let wait = async {
            loop {
                if let Some(request) = self.take(method, pattern) {
                    return request;
                }
                count.changed().await.expect("the recorder outlives its waiters");
            }
        };
        tokio::time::timeout(timeout, wait).await.map_err(|_| {
            let seen: Vec<String> = self.all().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
            format!("no {method} {pattern} within {timeout:?}; requests so far: {seen:#?}")
        })
    }

    pub(super) fn fail_next(&self, method: &str, pattern: &str, status: u16, body: Value, deliver: bool) {
        let failure = Failure { method: method.to_uppercase(), pattern: pattern.to_string(), status, body, deliver };
        self.failures.lock().unwrap().push(failure);
    }

    /// The injected failure for this request, if a test asked for one; it is used up.
    pub(super) fn take_failure(&self, request: &RecordedRequest) -> Option<Failure> {
        let mut failures = self.failures.lock().unwrap();
        let index = failures.iter().position(|f| matches(request, &f.method, &f.pattern))?;
        Some(failures.remove(index))
    }
}
