//! The grammar against the lines people type at the console (those of the console's tests and
//! its `/help`), Slack's text after `/mentor`, and bad values refused with their `UserError`.
//! `tests_hostile.rs` holds the refusals of unknown commands and hostile input.

use super::*;
use crate::app::{BoardRequest, CareerSection};
use crate::commands::{
    CorrectionRequest, GroupRequest, NudgeChange, PauseRequest, PrivacyRequest, SettingsChange, SetupRequest,
    StreakAbout,
};
use crate::domain::correction::{CorrectionKind, Reason};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{GroupRef, Metric, Minutes, Note, Period, StepStatus, Timezone};
use chrono::NaiveDate;

pub(super) fn mentor(line: &str) -> Command {
    match parse_line(line) {
        Ok(TextCommand::Mentor(command)) => command,
        other => panic!("{line:?} gave {other:?}"),
    }
}

pub(super) fn refused(line: &str) -> UserError {
    match parse_line(line) {
        Err(UsageError::Invalid(e)) => e,
        other => panic!("{line:?} gave {other:?}"),
    }
}

fn checkin(minutes: Option<i64>, note: Option<&str>) -> Command {
    let minutes = minutes.map(|m| Minutes::new(m).unwrap());
    Command::CheckIn { minutes, note: note.and_then(|n| Note::new(n).unwrap()) }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn nudges(change: NudgeChange) -> Command {
    Command::Settings(SettingsChange { timezone: None, nudges: Some(change) })
}

#[test]
fn checkin_takes_minutes_by_position_only_when_they_are_a_number() {
    assert_eq!(mentor("/checkin 45 read about b-tree indexes"), checkin(Some(45), Some("read about b-tree indexes")));
    assert_eq!(mentor("/checkin read a chapter"), checkin(None, Some("read a chapter")));
    assert_eq!(mentor("/checkin minutes:30 note:\"indexes\""), checkin(Some(30), Some("indexes")));
    assert_eq!(mentor("/checkin note:\"joins and indexes\" MINUTES:30"), checkin(Some(30), Some("joins and indexes")));
    assert_eq!(mentor("/checkin minutes:30 read a chapter"), checkin(Some(30), Some("read a chapter")));
    assert_eq!(mentor("/checkin"), checkin(None, None));
    assert_eq!(mentor("/CheckIn 20"), checkin(Some(20), None));
}

#[test]
fn checkin_values_are_refused_with_their_user_error() {
    assert_eq!(refused("/checkin 5000"), UserError::MinutesOutOfRange { given: "5000".into() });
    assert_eq!(refused("/checkin inf"), UserError::MinutesOutOfRange { given: "inf".into() });
    let long = "x".repeat(600);
    assert_eq!(refused(&format!("/checkin {long}")), UserError::NoteTooLong { length: 600, max: 500 });
}

#[test]
fn an_apostrophe_is_a_letter_and_quotes_group_words() {
    assert_eq!(mentor("/faq what's a jwt"), Command::Faq { question: Some("what's a jwt".into()) });
    assert_eq!(mentor("/faq"), Command::Faq { question: None });
    assert_eq!(mentor("/roadmap docker compose"), Command::Roadmap { step: Some("docker compose".into()) });
    assert_eq!(mentor("/ROADMAP 4"), Command::Roadmap { step: Some("4".into()) });
    assert_eq!(mentor("/roadmap"), Command::Roadmap { step: None });
}

#[test]
fn compare_takes_named_technologies_or_else_a_phrase() {
    let names = |n: &[&str]| Command::Compare { names: n.iter().map(|s| s.to_string()).collect() };
    assert_eq!(mentor("/compare a:\"spring boot\" b:django"), names(&["spring boot", "django"]));
    assert_eq!(mentor("/compare a:redis postgres mongodb"), names(&["redis", "postgres", "mongodb"]));
    assert_eq!(mentor("/compare b:redis postgres"), names(&["postgres", "redis"]));
    let phrase = |p: &str| Command::ComparePhrase { phrase: p.into() };
    assert_eq!(mentor("/compare postgres mongodb"), phrase("postgres mongodb"));
    assert_eq!(mentor("/compare postgres vs mongodb"), phrase("postgres vs mongodb"));
    assert_eq!(mentor("/compare \"spring boot\" django redis"), phrase("spring boot django redis"));
}

#[test]
fn the_commands_without_options_ignore_extra_words() {
    for (line, expected) in [
        ("/help", Command::Help),
        ("/help me", Command::Help),
        ("/prompt", Command::Prompt),
        ("/history x:y", Command::History),
    ] {
        assert_eq!(mentor(line), expected, "{line}");
    }
    assert_eq!(parse_line("/quit"), Ok(TextCommand::Quit));
    assert_eq!(parse_line("/EXIT"), Ok(TextCommand::Quit));
}

#[test]
fn clock_keeps_its_setting_as_typed() {
    assert_eq!(parse_line("/clock +1d"), Ok(TextCommand::Clock { setting: Some("+1d".into()) }));
    assert_eq!(
        parse_line("/clock 2026-03-05T20:00"),
        Ok(TextCommand::Clock { setting: Some("2026-03-05T20:00".into()) })
    );
    assert_eq!(parse_line("/clock"), Ok(TextCommand::Clock { setting: None }));
    assert_eq!(parse_line("/clock -30m"), Ok(TextCommand::Clock { setting: Some("-30m".into()) }));
}

#[test]
fn streak_rules_and_career_sections() {
    assert_eq!(mentor("/streak"), Command::Streak { whose: None, about: None });
    assert_eq!(mentor("/streak RULES"), Command::Streak { whose: None, about: Some(StreakAbout::Rules) });
    assert_eq!(mentor("/career salaries"), Command::Career { section: Some(CareerSection::Salaries) });
    assert_eq!(mentor("/career"), Command::Career { section: None });
    assert_eq!(refused("/career astronaut"), UserError::UnknownCareerSection { given: "astronaut".into() });
}

#[test]
fn pause_reads_a_start_and_days_or_cancel() {
    let start = |first: Option<&str>, days| Command::Pause(PauseRequest::Start { first: first.map(date), days });
    assert_eq!(mentor("/pause 2026-03-10 5"), start(Some("2026-03-10"), Some(5)));
    assert_eq!(mentor("/pause today 3"), start(None, Some(3)));
    assert_eq!(mentor("/pause"), start(None, None));
    assert_eq!(mentor("/pause days:2"), start(None, Some(2)));
    assert_eq!(mentor("/pause Cancel"), Command::Pause(PauseRequest::Cancel));
    assert_eq!(refused("/pause tomorrow"), UserError::InvalidDate { given: "tomorrow".into() });
    assert_eq!(refused("/pause today x"), UserError::PauseLength { given: "x".into(), max: 14 });
}

#[test]
fn groups_join_and_leave_by_name_and_anything_else_lists() {
    let night_owls = GroupRef::named("night owls").unwrap();
    assert_eq!(mentor("/group join night owls"), Command::Group(GroupRequest::Join(night_owls.clone())));
    assert_eq!(mentor("/group LEAVE \"night owls\""), Command::Group(GroupRequest::Leave(night_owls)));
    for line in ["/group", "/group list", "/group night owls"] {
        assert_eq!(mentor(line), Command::Group(GroupRequest::List), "{line}");
    }
    assert!(matches!(refused("/group join"), UserError::InvalidGroupName { .. }));
}

#[test]
fn leaderboard_words_go_in_any_order() {
    let board = |period, metric, page, group: Option<&str>| {
        let group = group.map(|g| GroupRef::named(g).unwrap());
        Command::Leaderboard(BoardRequest { group, period, metric, page })
    };
    assert_eq!(mentor("/leaderboard"), board(Period::AllTime, Metric::Streak, None, None));
    assert_eq!(mentor("/leaderboard week minutes"), board(Period::Week, Metric::Minutes, None, None));
    assert_eq!(mentor("/leaderboard night owls"), board(Period::AllTime, Metric::Streak, None, Some("night owls")));
    assert_eq!(
        mentor("/leaderboard 2 days night month owls"),
        board(Period::Month, Metric::Days, Some(2), Some("night owls"))
    );
    assert_eq!(mentor("/leaderboard page:9"), board(Period::AllTime, Metric::Streak, Some(9), None));
    assert_eq!(refused("/leaderboard metric:xp"), UserError::UnknownMetric { given: "xp".into() });
    assert_eq!(refused("/leaderboard 0"), UserError::InvalidPage { given: "0".into() });
}

#[test]
fn privacy_runs_only_its_exact_words_in_any_case() {
    assert_eq!(mentor("/privacy EXPORT"), Command::Privacy(PrivacyRequest::Export));
    assert_eq!(mentor("/privacy DELETE CONFIRM"), Command::Privacy(PrivacyRequest::Delete));
    for line in ["/privacy delete", "/privacy DELETE yes", "/privacy delete confirmed"] {
        assert_eq!(mentor(line), Command::Privacy(PrivacyRequest::AskDelete), "{line}");
    }
    for line in ["/privacy foo", "/privacy", "/privacy export now", "/privacy exports"] {
        assert_eq!(refused(line), UserError::PrivacyUsage, "{line}");
    }
}

#[test]
fn correct_reads_kind_user_date_and_reason() {
    let request = CorrectionRequest {
        kind: CorrectionKind::AddDay,
        user_id: "bob".into(),
        date: date("2026-03-09"),
        reason: Reason::new("the bot was down").unwrap(),
    };
    assert_eq!(mentor("/correct ADD bob 2026-03-09 the bot was down"), Command::Correct(request));
    assert_eq!(refused("/correct fix bob 2026-03-04 outage"), UserError::UnknownCorrection { given: "fix".into() });
    assert_eq!(refused("/correct add bob"), UserError::InvalidDate { given: String::new() });
    assert!(matches!(refused("/correct add bob 2026-03-09"), UserError::ReasonLength { .. }));
    assert_eq!(refused("/correct"), UserError::UnknownCorrection { given: String::new() });
}

#[test]
fn boards_take_on_or_off_in_any_case() {
    assert_eq!(mentor("/boards ON"), Command::Setup(SetupRequest::Boards { members_see: true }));
    assert_eq!(mentor("/boards Off"), Command::Setup(SetupRequest::Boards { members_see: false }));
    for line in ["/boards maybe", "/boards", "/boards of"] {
        assert_eq!(refused(line), UserError::BoardsNeedOnOrOff, "{line}");
    }
}

#[test]
fn setup_reads_prompts_with_defaults_and_its_other_words() {
    let prompts = |time: &str, zone: &str, days: &str| {
        Command::Setup(SetupRequest::Prompts {
            channel_id: CONSOLE_CHANNEL.into(),
            time: LocalTime::parse(time).unwrap(),
            timezone: Timezone::parse(zone).unwrap(),
            weekdays: Weekdays::parse(days).unwrap(),
        })
    };
    assert_eq!(mentor("/setup prompts 09:00 Europe/Berlin weekdays"), prompts("09:00", "Europe/Berlin", "weekdays"));
    assert_eq!(mentor("/setup Prompts 7pm"), prompts("19:00", "UTC", "daily"));
    for (line, expected) in [
        ("/setup", SetupRequest::Show),
        ("/setup show", SetupRequest::Show),
        ("/setup whatever", SetupRequest::Show),
        ("/setup off", SetupRequest::PromptsOff),
        ("/setup PREVIEW", SetupRequest::Preview),
        ("/setup timezone Asia/Tokyo", SetupRequest::Timezone(Timezone::parse("Asia/Tokyo").unwrap())),
        ("/setup moderator-role", SetupRequest::ModeratorRole(None)),
    ] {
        assert_eq!(mentor(line), Command::Setup(expected), "{line}");
    }
    assert_eq!(refused("/setup prompts"), UserError::InvalidTime { given: String::new() });
    for line in ["/setup prompts 09:00 UTC ,,,", "/setup prompts 09:00 UTC \",\""] {
        assert!(matches!(refused(line), UserError::InvalidWeekdays { .. }), "{line}");
    }
}

#[test]
fn nudges_are_a_settings_change() {
    let on = NudgeChange {
        on: true,
        time: Some(LocalTime::parse("19:00").unwrap()),
        weekdays: Some(Weekdays::parse("mon-fri").unwrap()),
        snooze_until: Some(date("2026-03-10")),
    };
    assert_eq!(mentor("/nudges on 19:00 mon-fri 2026-03-10"), nudges(on));
    let bare = NudgeChange { on: true, time: None, weekdays: None, snooze_until: None };
    assert_eq!(mentor("/nudges ON"), nudges(bare));
    assert_eq!(mentor("/nudges off 19:00"), nudges(NudgeChange { on: false, ..bare }));
    assert_eq!(mentor("/nudges"), Command::Settings(SettingsChange::default()));
    assert_eq!(refused("/nudges maybe"), UserError::InvalidNudgeSwitch { given: "maybe".into() });
    assert!(matches!(refused("/nudges on 19:00 ,,,"), UserError::InvalidWeekdays { .. }));
    assert!(matches!(refused("/nudges on 25:00"), UserError::InvalidTime { .. }));
}

#[test]
fn settings_take_a_zone_by_name_or_position() {
    let berlin =
        Command::Settings(SettingsChange { timezone: Some(Timezone::parse("Europe/Berlin").unwrap()), nudges: None });
    assert_eq!(mentor("/settings timezone:Europe/Berlin"), berlin);
    assert_eq!(mentor("/settings Europe/Berlin"), berlin);
    assert_eq!(mentor("/settings"), Command::Settings(SettingsChange::default()));
    assert!(matches!(refused("/settings timezone:Mars/Olympus"), UserError::InvalidTimezone { .. }));
}

#[test]
fn topics_and_progress_read_numbers_and_statuses() {
    let topics = |done: &[usize]| Command::Topics { step: "4".into(), done: done.to_vec() };
    assert_eq!(mentor("/topics 4 1,2"), topics(&[1, 2]));
    assert_eq!(mentor("/topics 4 1, 2 5"), topics(&[1, 2, 5]));
    assert_eq!(mentor("/topics 4 none"), topics(&[]));
    assert_eq!(mentor("/topics 4 NONE"), topics(&[]));
    let bad = parse_line("/topics 4 abc");
    assert_eq!(bad, Err(UsageError::Invalid(UserError::NotATopicNumber { given: "abc".into() })));
    assert_eq!(mentor("/progress 1 done"), Command::StepStatus { step: "1".into(), status: StepStatus::Done });
    assert_eq!(
        mentor("/progress docker RESET").clone(),
        Command::StepStatus { step: "docker".into(), status: StepStatus::NotStarted }
    );
    assert_eq!(refused("/progress 1 xyz"), UserError::UnknownStatus { given: "xyz".into() });
}

#[test]
fn slack_reads_the_shared_commands_without_a_slash() {
    assert_eq!(
        parse_slack("checkin 30 read a chapter", "C1", "learning"),
        Ok(checkin(Some(30), Some("read a chapter")))
    );
    let Ok(Command::Setup(SetupRequest::Prompts { channel_id, .. })) =
        parse_slack("setup prompts 09:00", "C1", "learning")
    else {
        panic!("setup prompts did not parse");
    };
    assert_eq!(channel_id, "C1");
    for console_only in ["clock +1d", "quit", "exit"] {
        let refused = parse_slack(console_only, "C1", "learning");
        assert!(matches!(refused, Err(UsageError::UnknownCommand { .. })), "{console_only}: {refused:?}");
    }
}

#[test]
fn privacy_reads_the_first_word_after_its_action_and_compare_refuses_a_mistyped_name() {
    assert_eq!(mentor("/privacy delete confirm please"), Command::Privacy(PrivacyRequest::Delete));
    assert_eq!(refused("/privacy export x:1"), UserError::PrivacyUsage);
    let mistyped = parse_line("/compare a:redis d:postgres");
    let known = "a, b, c".to_string();
    assert_eq!(mistyped, Err(UsageError::UnknownOption { command: "compare".into(), option: "d".into(), known }));
}

#[test]
fn slack_names_members_by_id_and_groups_by_channel_and_refuses_the_rest() {
    let named = |line: &str| parse_slack(line, "C1", "learning");
    assert_eq!(
        named("setup moderator add U0ADA"),
        Ok(Command::Setup(SetupRequest::Moderator { user_id: "U0ADA".into(), add: true }))
    );
    for refused in ["setup moderator add ada", "setup moderator add", "correct add ada 2026-03-04 the bot was down"] {
        assert!(matches!(named(refused), Err(UsageError::Invalid(UserError::NotAMember { .. }))), "{refused}");
    }
    assert!(matches!(named("setup moderator make U0ADA"), Err(UsageError::Invalid(UserError::ModeratorChange { .. }))));
    let here = GroupRef::channel("C1", "learning");
    assert_eq!(named("group join"), Ok(Command::Group(GroupRequest::Join(here))));
    let rust = GroupRef::channel("C0RUST", "rust");
    assert_eq!(named("group leave <#C0RUST|rust>"), Ok(Command::Group(GroupRequest::Leave(rust))));
    assert!(matches!(named("group join rustaceans"), Err(UsageError::Invalid(UserError::GroupIsChannel { .. }))));
    // The console keeps named groups and any member id.
    assert!(matches!(parse_line("/group join rustaceans"), Ok(TextCommand::Mentor(Command::Group(_)))));
}
