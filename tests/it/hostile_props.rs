//! Property tests with hostile input: random console lines for every console command, built from
//! random strings (any Unicode, control characters, pages of text), numbers (huge, negative,
//! zero), dates, times, zones and clock steps, run through `Console::handle` on a real SQLite
//! file. Whatever is typed, nothing panics, nothing ends in the internal apology (also not in the
//! scheduler step that runs after each line, which only logs), and the reply is safe to print.
//! `hostile_app_props.rs` does the same for the calls Discord makes; `hostile_inputs.rs` holds
//! the strategies both use.

use crate::common::{at, spawn_app};
use crate::hostile_inputs::{cases, hostile_text, or_hostile, zone_text, CapturedLog, WORDS};
use backend_mentor::console::{Console, Status};
use backend_mentor::error::APOLOGY;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Sessions per run, and the most lines in one; each session goes on from the last one's data.
/// `HOSTILE_CASES=20000 cargo test --test it hostile` hunts longer.
pub const CONSOLE_CASES: u32 = 500;

const MAX_LINES: usize = 8;

const COMMANDS: &[&str] = &[
    "roadmap",
    "compare",
    "faq",
    "prompt",
    "career",
    "checkin",
    "streak",
    "history",
    "pause",
    "group",
    "leaderboard",
    "privacy",
    "correct",
    "boards",
    "setup",
    "nudges",
    "clock",
    "topics",
    "progress",
    "settings",
    "help",
    "quit",
    "ROADMAP",
    "chekin",
    "",
];

const OPTION_NAMES: &[&str] =
    &["minutes", "note", "timezone", "step", "status", "done", "topic", "from", "days", "a", "b", "question", "x"];

fn argument() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => hostile_text(),
        1 => (prop::sample::select(OPTION_NAMES), hostile_text()).prop_map(|(n, v)| format!("{n}:{v}")),
        1 => hostile_text().prop_map(|v| format!("\"{v}\"")),
    ]
}

/// A slot in a command's usual words, filled with a plausible value most of the time.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Minutes,
    Text,
    Day,
    Count,
    Step,
    Status,
    Topics,
    Tech,
    Correction,
    User,
    Privacy,
    Confirm,
    Switch,
    Time,
    Weekdays,
    Setup,
    Board,
    GroupAction,
    Clock,
    Zone,
}

/// Each command with the words it usually takes, in order.
const SHAPES: &[(&str, &[Slot])] = {
    use Slot::*;
    &[
        ("checkin", &[Minutes, Text]),
        ("pause", &[Day, Count]),
        ("progress", &[Step, Status]),
        ("topics", &[Step, Topics]),
        ("compare", &[Tech, Tech]),
        ("correct", &[Correction, User, Day, Text]),
        ("privacy", &[Privacy, Confirm]),
        ("nudges", &[Switch, Time, Weekdays, Day]),
        ("setup", &[Setup, Time, Zone, Weekdays]),
        ("leaderboard", &[Board, Board, Count]),
        ("group", &[GroupAction, Text]),
        ("clock", &[Clock]),
        ("settings", &[Zone]),
        ("boards", &[Switch]),
        ("roadmap", &[Text]),
        ("faq", &[Text]),
        ("career", &[Text]),
        ("streak", &[Text]),
        ("history", &[]),
        ("prompt", &[]),
    ]
};

fn pick(words: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(words).prop_map(String::from).boxed()
}

/// A near date: within three weeks of the tests' 2026-03-05.
pub fn near_date() -> BoxedStrategy<String> {
    let base = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
    (-21i64..21).prop_map(move |d| (base + chrono::Duration::days(d)).to_string()).boxed()
}

fn plausible(slot: Slot) -> BoxedStrategy<String> {
    match slot {
        Slot::Minutes => (1u32..200).prop_map(|n| n.to_string()).boxed(),
        Slot::Text => pick(&["read about indexes", "night owls", "the bot was down", "rules", "docker", "salaries"]),
        Slot::Day => prop_oneof![3 => near_date(), 1 => pick(&["today", "cancel"])].boxed(),
        Slot::Count => (1u32..16).prop_map(|n| n.to_string()).boxed(),
        Slot::Step => (1u32..10).prop_map(|n| n.to_string()).boxed(),
        Slot::Status => pick(&["learning", "done", "skipped", "reset", "DONE"]),
        Slot::Topics => prop::collection::vec(1u32..9, 0..5)
            .prop_map(|n| {
                if n.is_empty() {
                    "none".into()
                } else {
                    n.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
                }
            })
            .boxed(),
        Slot::Tech => pick(&["postgres", "mongodb", "redis", "django", "\"spring boot\"", "rest", "graphql", "kafka"]),
        Slot::Correction => pick(&["add", "remove", "ADD"]),
        Slot::User => pick(&["ada", "bob", "local"]),
        Slot::Privacy => pick(&["export", "delete", "EXPORT"]),
        Slot::Confirm => pick(&["confirm", "CONFIRM", "no"]),
        Slot::Switch => pick(&["on", "off", "ON"]),
        Slot::Time => pick(&["09:00", "19:30", "7pm", "23:59", "0:00", "12am"]),
        Slot::Weekdays => pick(&["daily", "mon-fri", "sat,sun", "weekdays", "fri-mon"]),
        Slot::Setup => pick(&["prompts", "off", "preview", "show"]),
        Slot::Board => pick(&["week", "month", "all-time", "streak", "days", "minutes", "night owls"]),
        Slot::GroupAction => pick(&["join", "leave", "list"]),
        Slot::Clock => pick(&["+1d", "+3h", "-30m", "+7d", "2026-03-05T09:05", "2026-03-29T01:30", "off"]),
        Slot::Zone => zone_text().boxed(),
    }
}

/// A command with its usual words, each plausible or hostile, and now and then one more.
fn shaped_line() -> impl Strategy<Value = String> {
    prop::sample::select(SHAPES).prop_flat_map(|(name, slots)| {
        let words: Vec<BoxedStrategy<String>> = slots.iter().map(|s| or_hostile(plausible(*s))).collect();
        (words, prop::collection::vec(argument(), 0..2)).prop_map(move |(words, extra)| {
            let extra = if extra.len() == 1 { extra } else { Vec::new() };
            std::iter::once(format!("/{name}")).chain(words).chain(extra).collect::<Vec<_>>().join(" ")
        })
    })
}

/// Any command (or none) with any words.
fn wild_line() -> impl Strategy<Value = String> {
    let first = prop::option::weighted(0.7, prop::sample::select(WORDS));
    (prop::sample::select(COMMANDS), first, prop::collection::vec(argument(), 0..5)).prop_map(|(c, w, args)| {
        let mut line = format!("/{c}");
        for word in w.into_iter().map(String::from).chain(args) {
            line.push(' ');
            line.push_str(&word);
        }
        line
    })
}

fn console_line() -> impl Strategy<Value = String> {
    prop_oneof![2 => shaped_line(), 1 => wild_line()]
}

#[test]
fn hostile_console_lines_never_panic_nor_end_in_an_internal_error() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let log = CapturedLog::default();
    let _guard = log.install();
    let t = runtime.block_on(spawn_app());
    let console = Console::new(t.app.clone(), "ada").with_output_dir(t.dir.path().join("out"));
    let real = at(2026, 3, 5, 12, 0);
    let mut runner =
        TestRunner::new(Config { cases: cases(CONSOLE_CASES), failure_persistence: None, ..Config::default() });
    let session = prop::collection::vec(console_line(), 1..MAX_LINES);
    let result = runner.run(&session, |lines| {
        for line in &lines {
            let reply = runtime.block_on(console.handle(line, real));
            let logged = log.take();
            prop_assert!(reply.status != Status::Failed && !reply.text.contains(APOLOGY), "{line:?} apologised");
            prop_assert!(!logged.contains("internal error"), "{line:?} logged an internal error: {logged}");
            let unsafe_char = reply.text.chars().find(|c| c.is_control() && *c != '\n');
            prop_assert!(unsafe_char.is_none(), "{line:?} printed {unsafe_char:?}: {:?}", reply.text);
        }
        Ok(())
    });
    result.unwrap();
}
