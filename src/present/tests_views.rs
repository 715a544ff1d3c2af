//! The wording of the learning, history, settings and privacy views, on the bundled content
//! where a view shows it: what a member reads, and which commands it points to.

use super::*;
use crate::app::{CorrectionRow, HistoryDay, HistoryView, PromptScheduleView, SpaceSettingsView, StepView};
use crate::content::{Content, ContentSource, RenderLimits};
use crate::domain::correction::CorrectionKind;
use crate::domain::history::DayMark;
use crate::domain::schedule::{LocalTime, Schedule, Weekdays};
use crate::domain::{StepStatus, Timezone};
use chrono::{NaiveDate, TimeZone, Utc};

fn content() -> Content {
    ContentSource::Embedded.load(&RenderLimits::NONE).expect("the bundled content loads")
}

fn commands_in(view: &View) -> Vec<CommandRef> {
    let texts = view.fields.iter().map(|f| &f.value).chain(view.body.iter()).chain(view.footer.iter());
    texts
        .flat_map(|t| t.spans.iter())
        .filter_map(|s| if let Span::Command(c) = s { Some(c.clone()) } else { None })
        .collect()
}

#[test]
fn a_step_shows_the_members_status_ticks_and_how_to_mark_them() {
    let content = content();
    let step = &content.steps[3];
    let mut topics_done = vec![false; step.checklist.len()];
    topics_done[1] = true;
    let view = step_with_progress(&StepView { step, status: StepStatus::Learning, total: 8, topics_done });
    let words = view.words();
    assert!(words.starts_with(&format!("Step 4 of 8 · {}", step.title)), "{words}");
    assert!(words.contains("Your status: ◐ Learning") && words.contains("Checklist (1 of"), "{words}");
    assert!(words.contains(&format!("[x] 2. {}", step.checklist[1])), "{words}");
    let commands = commands_in(&view);
    assert!(
        commands.contains(&CommandRef::RoadmapStep(5)) && commands.contains(&CommandRef::MarkStep(4)),
        "{commands:?}"
    );
}

#[test]
fn the_last_step_points_to_interview_questions() {
    let content = content();
    let last = content.steps.last().unwrap();
    let commands = commands_in(&step(last, content.steps.len()));
    assert!(commands.contains(&CommandRef::Faq(Some("interviews".into()))), "{commands:?}");
}

#[test]
fn history_shows_each_day_its_notes_as_typed_and_who_corrected_what() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
    let view = HistoryView {
        days: vec![HistoryDay {
            date: day,
            mark: DayMark::Counted,
            minutes: 40,
            checkins: 2,
            added_by_moderator: true,
            notes: vec!["**joins**".into()],
        }],
        pauses: Vec::new(),
        corrections: vec![CorrectionRow {
            local_date: day,
            action: CorrectionKind::AddDay,
            reason: "the bot was down".into(),
            moderator_user_id: None,
            corrected_at: Utc.with_ymd_and_hms(2026, 3, 6, 9, 30, 0).unwrap(),
        }],
    };
    let built = history(&view);
    let words = built.words();
    assert!(words.contains("Thu 2026-03-05 counted: 40 min, 2 check-ins (added by a moderator)"), "{words}");
    assert!(built.body.unwrap().spans.contains(&Span::Typed("**joins**".into())), "a note is shown as typed");
    assert!(words.contains("by a moderator who has since left: the bot was down"), "{words}");
}

#[test]
fn a_prompt_schedule_that_stopped_by_itself_says_why_and_how_to_restart() {
    let zone = Timezone::parse("Europe/Berlin").unwrap();
    let schedule = Schedule { time: LocalTime::parse("09:00").unwrap(), zone, weekdays: Weekdays::EVERY_DAY };
    let stopped = PromptScheduleView {
        channel_id: "42".into(),
        schedule,
        enabled: false,
        disabled_reason: Some("the channel is gone".into()),
        next_posts: Vec::new(),
    };
    let settings = SpaceSettingsView {
        timezone: zone,
        timezone_is_default: false,
        moderator_role: None,
        named_moderators: vec![],
    };
    let view = space_settings(&settings, Some(&stopped));
    let words = view.words();
    assert!(words.contains("Stopped by itself: I could not post in <42> (the channel is gone)"), "{words}");
    assert!(commands_in(&view).contains(&CommandRef::SetupPrompts));
    assert!(space_settings(&settings, None).words().contains("No daily prompt is set up."));
}

#[test]
fn asking_to_delete_deletes_nothing_and_says_how_to_confirm() {
    let view = delete_asked();
    assert!(view.words().starts_with("Delete your data?\nNothing was deleted yet."), "{}", view.words());
    assert_eq!(commands_in(&view), vec![CommandRef::ConfirmDelete]);
    assert!(deleted(false).words().contains("I held nothing about you."));
}

#[test]
fn the_career_map_lists_its_sections_and_each_level_with_its_years() {
    let content = content();
    assert!(career(&content.career, None).words().contains("- Career levels"));
    let levels = career(&content.career, Some(crate::app::CareerSection::Levels)).words();
    let first = &content.career.levels[0];
    assert!(levels.contains(&format!("{} ({})", first.name, first.years)), "{levels}");
}
