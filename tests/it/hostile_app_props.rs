//! Property tests with hostile input for what the Discord commands, buttons and menus call: the
//! same parsers the adapter uses on option values (minutes, notes, dates, times, weekdays, zones,
//! reasons, group names) and the same `App` methods, with random values of the option types,
//! including ones a stale command registration could still send (days or pages out of the
//! declared range). Members, spaces and moderator rights vary, and the clock moves forward by
//! random steps. Every call either answers or refuses with a `UserError`; none panics or fails
//! internally.

use crate::common::{at, spawn_app};
use crate::hostile_inputs::{cases, date_text, hostile_text, or_hostile, time_text, zone_text, CapturedLog};
use backend_mentor::app::{App, BoardRequest, NudgeRequest};
use backend_mentor::domain::correction::{parse_date, CorrectionKind, Reason};
use backend_mentor::domain::schedule::{LocalTime, Weekdays};
use backend_mentor::domain::{
    CallerRights, GroupRef, MemberRef, Metric, Minutes, Note, Period, Platform, StepStatus, Timezone,
};
use backend_mentor::error::Error;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Sequences per run, and the most calls in one; each goes on from the last one's data.
pub const APP_CASES: u32 = 500;
const MAX_CALLS: usize = 10;

/// A date option: near the member's today (days from it), or typed anyhow.
#[derive(Debug, Clone)]
enum DateInput {
    Near(i64),
    Typed(String),
}

impl DateInput {
    fn text(&self, today: NaiveDate) -> String {
        match self {
            DateInput::Near(days) => (today + Duration::days(*days)).to_string(),
            DateInput::Typed(text) => text.clone(),
        }
    }
}

#[derive(Debug, Clone)]
enum Call {
    CheckIn {
        minutes: Option<i64>,
        note: String,
    },
    Pause {
        start: Option<DateInput>,
        days: Option<i64>,
        cancel: bool,
    },
    Settings {
        zone: Option<String>,
        on: bool,
        time: Option<String>,
        weekdays: Option<String>,
        snooze: Option<DateInput>,
    },
    SetupPrompts {
        time: String,
        zone: String,
        weekdays: Option<String>,
    },
    SetupTimezone(String),
    Roadmap(String),
    StepButton(u8, u8),
    TopicMenu(u8, Vec<usize>),
    Compare(String, String),
    Faq(String),
    Autocomplete(String),
    Leaderboard {
        page: Option<u32>,
        period: u8,
        metric: u8,
        role: Option<String>,
    },
    Correct {
        add: bool,
        user: String,
        date: DateInput,
        reason: String,
    },
    Boards(bool),
    Look(u8),
}

fn words(list: &'static [&'static str]) -> BoxedStrategy<String> {
    or_hostile(prop::sample::select(list).prop_map(String::from))
}

fn date_input() -> impl Strategy<Value = DateInput> {
    prop_oneof![3 => (-70i64..70).prop_map(DateInput::Near), 1 => date_text().prop_map(DateInput::Typed)]
}

fn small_or_any<T: Arbitrary + Clone + std::fmt::Debug + 'static>(
    small: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<T> {
    prop_oneof![3 => small, 1 => any::<T>()].boxed()
}

fn call() -> impl Strategy<Value = Call> {
    let minutes = prop::option::of(small_or_any(-5i64..1500));
    let time = || prop::option::of(or_hostile(prop_oneof![Just("19:00".to_string()), time_text()]));
    let weekdays = || prop::option::of(words(&["daily", "mon-fri", "sat,sun", ",,,", ""]));
    let techs = || words(&["postgres", "mongodb", "redis", "django", "rest", "graphql", "kafka", "PostgreSQL"]);
    prop_oneof![
        3 => (minutes, words(&["", "read about indexes"])).prop_map(|(minutes, note)| Call::CheckIn { minutes, note }),
        1 => (prop::option::of(date_input()), prop::option::of(small_or_any(-2i64..20)), any::<bool>())
            .prop_map(|(start, days, cancel)| Call::Pause { start, days, cancel }),
        1 => (prop::option::of(zone_text()), any::<bool>(), time(), weekdays(), prop::option::of(date_input()))
            .prop_map(|(zone, on, time, weekdays, snooze)| Call::Settings { zone, on, time, weekdays, snooze }),
        1 => (or_hostile(Just("09:00".to_string())), zone_text(), weekdays())
            .prop_map(|(time, zone, weekdays)| Call::SetupPrompts { time, zone, weekdays }),
        1 => zone_text().prop_map(Call::SetupTimezone),
        1 => words(&["4", "docker", "databases", "9", "0"]).prop_map(Call::Roadmap),
        1 => (small_or_any(0u8..10), 0u8..5).prop_map(|(n, s)| Call::StepButton(n, s)),
        1 => (small_or_any(0u8..10), prop::collection::vec(small_or_any(0usize..12), 0..12))
            .prop_map(|(n, d)| Call::TopicMenu(n, d)),
        1 => (techs(), techs()).prop_map(|(a, b)| Call::Compare(a, b)),
        1 => words(&["which language should I learn first", "what is a jwt"]).prop_map(Call::Faq),
        1 => words(&["post", "doc", "", "Europe/"]).prop_map(Call::Autocomplete),
        1 => (prop::option::of(small_or_any(0u32..4)), 0u8..3, 0u8..3, prop::option::of(hostile_text()))
            .prop_map(|(page, period, metric, role)| Call::Leaderboard { page, period, metric, role }),
        1 => (any::<bool>(), words(&["111", "222"]), date_input(), words(&["the bot was down"]))
            .prop_map(|(add, user, date, reason)| Call::Correct { add, user, date, reason }),
        1 => any::<bool>().prop_map(Call::Boards),
        2 => (0u8..7).prop_map(Call::Look),
    ]
}

/// Who calls: one of three members in two servers, a moderator or not; and how far the clock
/// moved since the last call (Discord's clock only goes forward).
fn step() -> impl Strategy<Value = (u8, bool, i64, Call)> {
    (0u8..3, any::<bool>(), prop_oneof![3 => 0i64..600, 1 => 0i64..200_000], call())
}

async fn run(
    app: &App,
    member: &MemberRef,
    rights: &CallerRights,
    call: Call,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    match call {
        Call::CheckIn { minutes, note } => {
            let minutes = minutes.map(Minutes::new).transpose()?;
            app.check_in(member, now, minutes, Note::new(&note)?).await.map(drop)
        }
        Call::Pause { cancel: true, .. } => app.cancel_pause(member, now).await,
        Call::Pause { start, days, .. } => {
            let today = app.member_timezone(member).await?.local_date(now);
            let first = match start {
                Some(date) => parse_date(&date.text(today))?,
                None => today,
            };
            app.pause(member, first, days.unwrap_or(1), now).await.map(drop)
        }
        Call::Settings { zone, on, time, weekdays, snooze } => {
            if let Some(zone) = zone {
                app.set_timezone(member, Timezone::parse(&zone)?, now).await?;
            }
            let today = app.member_timezone(member).await?.local_date(now);
            let snooze = snooze.map(|date| date.text(today));
            let request = NudgeRequest {
                on,
                time: time.as_deref().map(LocalTime::parse).transpose()?,
                weekdays: weekdays.as_deref().map(Weekdays::parse).transpose()?,
                snooze_until: snooze.as_deref().map(backend_mentor::domain::correction::parse_date).transpose()?,
            };
            app.set_nudges(member, request, now).await.map(drop)
        }
        Call::SetupPrompts { time, zone, weekdays } => {
            let weekdays = Weekdays::parse(weekdays.as_deref().unwrap_or("daily"))?;
            let plan = (LocalTime::parse(&time)?, Timezone::parse(&zone)?, weekdays);
            app.setup_prompts(&member.space, rights, "channel-1", plan, now).await?;
            app.prompt_schedule(&member.space, now).await.map(drop)
        }
        Call::SetupTimezone(zone) => app.set_space_timezone(&member.space, rights, Timezone::parse(&zone)?, now).await,
        Call::Roadmap(query) => app.roadmap_step_for(member, &query).await.map(drop),
        Call::StepButton(number, status) => {
            let statuses = [StepStatus::NotStarted, StepStatus::Learning, StepStatus::Done, StepStatus::Skipped];
            match statuses.get(usize::from(status)) {
                Some(status) => app.set_step_status(member, number, *status, now).await.map(drop),
                None => app.roadmap_step_number(member, number).await.map(drop),
            }
        }
        Call::TopicMenu(number, done) => app.set_topics_done(member, number, &done, now).await.map(drop),
        Call::Compare(a, b) => app.compare(&[&a, &b]).map(drop).map_err(Error::from),
        Call::Faq(question) => app.faq(&question).map(drop).map_err(Error::from),
        Call::Autocomplete(partial) => {
            let counts =
                [app.faq_choices(&partial, 25), app.technology_choices(&partial, 25), app.step_choices(&partial, 25)];
            assert!(counts.iter().chain([&app.timezone_choices(&partial, 25)]).all(|c| c.len() <= 25));
            Ok(())
        }
        Call::Leaderboard { page, period, metric, role } => {
            // As /leaderboard does first: the caller's roles become their role groups.
            let roles: Vec<GroupRef> = role.iter().map(|name| GroupRef::role("role-1", name)).collect();
            app.sync_role_groups(member, &roles, now).await?;
            let request = BoardRequest {
                group: role.map(|name| GroupRef::role("role-1", &name)),
                period: [Period::Week, Period::Month, Period::AllTime][usize::from(period)],
                metric: [Metric::Streak, Metric::Days, Metric::Minutes][usize::from(metric)],
                page,
            };
            app.leaderboard(member, rights, &request, now).await.map(drop)
        }
        Call::Correct { add, user, date, reason } => {
            let kind = if add { CorrectionKind::AddDay } else { CorrectionKind::RemoveDay };
            let today = app.member_timezone(member).await?.local_date(now);
            let (date, reason) = (parse_date(&date.text(today))?, Reason::new(&reason)?);
            app.correct_day(member, rights, &user, date, kind, &reason, now).await.map(drop)
        }
        Call::Boards(visible) => app.set_members_see_boards(&member.space, rights, visible, now).await,
        Call::Look(what) => look(app, member, rights, what, now).await,
    }
}

/// The read-only and privacy commands: streak, heatmap, history, prompt, settings, export, delete.
async fn look(app: &App, member: &MemberRef, rights: &CallerRights, what: u8, now: DateTime<Utc>) -> Result<(), Error> {
    match what {
        0 => app.streak(member, now).await.map(drop),
        1 => app.streak_heatmap(member, now).await.map(drop),
        2 => app.history(member, now).await.map(drop),
        3 => app.todays_prompt(&member.space, now).await.map(drop),
        4 => app.space_settings(&member.space, rights).await.map(drop),
        5 => app.privacy_export(member, now).await.map(drop),
        _ => app.privacy_delete(member).await.map(drop),
    }
}

#[test]
fn hostile_discord_options_never_panic_nor_end_in_an_internal_error() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let log = CapturedLog::default();
    let _guard = log.install();
    let t = runtime.block_on(spawn_app());
    let members = [("guild-1", "111"), ("guild-1", "222"), ("guild-2", "111")]
        .map(|(space, user)| MemberRef::new(Platform::Discord, space, user));
    let clock = std::cell::Cell::new(at(2026, 3, 5, 12, 0));
    let mut runner =
        TestRunner::new(Config { cases: cases(APP_CASES), failure_persistence: None, ..Config::default() });
    let result = runner.run(&prop::collection::vec(step(), 1..MAX_CALLS), |steps| {
        for (who, moderator, seconds, call) in steps {
            let now = clock.get() + Duration::seconds(seconds);
            clock.set(now);
            let rights = CallerRights { manage_server: moderator, ..CallerRights::default() };
            let shown = format!("{call:?}");
            let outcome = runtime.block_on(run(&t.app, &members[usize::from(who)], &rights, call, now));
            prop_assert!(!matches!(outcome, Err(Error::Internal(_))), "{shown} at {now}: {outcome:?}");
            let logged = log.take();
            prop_assert!(!logged.contains("internal error"), "{shown} logged: {logged}");
        }
        Ok(())
    });
    result.unwrap();
}
