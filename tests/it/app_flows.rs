//! Flows through `App` as the front ends drive them, on a real SQLite file.

use crate::common::{at, spawn_app};
use backend_mentor::app::FaqAnswer;
use backend_mentor::domain::{MemberRef, Minutes, Note, Platform, Timezone};
use backend_mentor::error::{Error, UserError};

fn member(user: &str) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", user)
}

#[tokio::test]
async fn a_first_check_in_starts_a_one_day_streak_and_a_second_changes_nothing() {
    let t = spawn_app().await;
    let ada = member("ada");
    let first = t.app.check_in(&ada, at(2026, 3, 2, 9, 0), Some(Minutes::new(30).unwrap()), None).await.unwrap();
    assert!(first.counted);
    assert_eq!(first.streak.summary.current, 1);
    let second = t.app.check_in(&ada, at(2026, 3, 2, 18, 0), None, None).await.unwrap();
    assert!(!second.counted);
    assert_eq!(second.streak.summary.current, 1);
    assert_eq!(second.streak.summary.total_days, 1);
}

#[tokio::test]
async fn the_streak_survives_a_restart() {
    let t = spawn_app().await;
    let ada = member("ada");
    for day in 1..=3 {
        t.app.check_in(&ada, at(2026, 3, day, 12, 0), None, None).await.unwrap();
    }
    let app = t.restart().await;
    let streak = app.streak(&ada, at(2026, 3, 4, 8, 0)).await.unwrap();
    assert_eq!(streak.summary.current, 3, "today not done yet must not break it");
    assert!(!streak.summary.checked_in_today);
}

#[tokio::test]
async fn days_are_counted_in_the_members_own_time_zone() {
    let t = spawn_app().await;
    let ada = member("ada");
    t.app.set_timezone(&ada, Timezone::parse("Asia/Tokyo").unwrap(), at(2026, 3, 1, 0, 0)).await.unwrap();
    // 23:30 UTC on 1 March is already 2 March in Tokyo, and 2 March ends at 15:00 UTC.
    let first = t.app.check_in(&ada, at(2026, 3, 1, 23, 30), None, None).await.unwrap();
    assert_eq!(first.streak.summary.today.to_string(), "2026-03-02");
    let same_day = t.app.check_in(&ada, at(2026, 3, 2, 14, 0), None, None).await.unwrap();
    assert!(!same_day.counted);
    let next_day = t.app.check_in(&ada, at(2026, 3, 2, 15, 30), None, None).await.unwrap();
    assert!(next_day.counted);
    assert_eq!(next_day.streak.summary.current, 2);
}

#[tokio::test]
async fn members_of_different_platforms_and_spaces_are_kept_apart() {
    let t = spawn_app().await;
    let now = at(2026, 3, 2, 9, 0);
    t.app.check_in(&member("42"), now, None, None).await.unwrap();
    let slack = MemberRef::new(Platform::Slack, "guild-1", "42");
    let other_server = MemberRef::new(Platform::Discord, "guild-2", "42");
    assert_eq!(t.app.streak(&slack, now).await.unwrap().summary.total_days, 0);
    assert_eq!(t.app.streak(&other_server, now).await.unwrap().summary.total_days, 0);
}

#[tokio::test]
async fn a_note_is_stored_as_given_and_an_oversized_one_is_refused_before_saving() {
    let t = spawn_app().await;
    assert!(matches!(Note::new(&"a".repeat(5000)), Err(UserError::NoteTooLong { .. })));
    let note = Note::new("@everyone **bold** <script>").unwrap();
    let view = t.app.check_in(&member("ada"), at(2026, 3, 2, 9, 0), None, note).await.unwrap();
    assert!(view.counted);
}

#[tokio::test]
async fn the_faq_gives_the_seeds_advice_on_a_first_language() {
    let t = spawn_app().await;
    let view = t.app.faq("which language should I learn first").unwrap();
    match view.answer {
        FaqAnswer::Entry { entry, .. } => {
            assert_eq!(entry.id, "first-language");
            assert!(entry.answer.contains("Python"));
        }
        _ => panic!("expected an FAQ entry"),
    }
}

#[tokio::test]
async fn an_off_topic_question_finds_nothing_rather_than_a_random_entry() {
    let t = spawn_app().await;
    match t.app.faq("what is the weather in paris") {
        Err(UserError::NoMatch { .. }) => {}
        Err(other) => panic!("expected no match, got {other:?}"),
        Ok(_) => panic!("an off-topic question must not be answered"),
    }
}

#[tokio::test]
async fn comparisons_resolve_aliases_and_refuse_mismatched_kinds() {
    let t = spawn_app().await;
    let view = t.app.compare_phrase("postgres mongo").unwrap();
    let ids: Vec<&str> = view.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["postgresql", "mongodb"]);
    assert!(view.curated.is_some(), "PostgreSQL vs MongoDB is a curated comparison");
    assert!(matches!(t.app.compare(&["redis", "kubernetes"]), Err(UserError::NotComparable { .. })));
    assert!(matches!(t.app.compare(&["pg", "postgres"]), Err(UserError::SameTechnology { .. })));
    assert!(matches!(t.app.compare(&["postgres", "pizza"]), Err(UserError::UnknownTechnology { .. })));
}

#[tokio::test]
async fn roadmap_steps_are_found_by_number_and_by_name() {
    let t = spawn_app().await;
    assert_eq!(t.app.roadmap_step("4").unwrap().id, "databases");
    assert_eq!(t.app.roadmap_step("step 6").unwrap().id, "containers");
    assert!(matches!(t.app.roadmap_step("42"), Err(UserError::UnknownStep { .. })));
}

#[tokio::test]
async fn an_overlong_query_is_refused_politely() {
    let t = spawn_app().await;
    let long = "why ".repeat(1000);
    assert!(matches!(t.app.faq(&long), Err(UserError::TooLong { .. })));
}

#[tokio::test]
async fn a_broken_database_surfaces_as_an_internal_error_not_a_panic() {
    let t = spawn_app().await;
    t.app.close().await;
    let result = t.app.streak(&member("ada"), at(2026, 3, 2, 9, 0)).await;
    assert!(matches!(result, Err(Error::Internal(_))));
}

#[tokio::test]
async fn autocomplete_never_offers_more_than_25_choices_within_discord_limits() {
    let t = spawn_app().await;
    for partial in ["", "b", "how", "data", "zzz"] {
        let choices = t.app.faq_choices(partial, 25);
        assert!(choices.len() <= 25);
        assert!(choices.iter().all(|c| c.name.chars().count() <= 100 && c.value.chars().count() <= 100));
    }
    assert!(t.app.faq_choices("", 25).len() == 25);
    assert!(!t.app.technology_choices("postg", 25).is_empty());
    assert_eq!(t.app.technology_choices("postg", 25)[0].name, "PostgreSQL");
}

#[tokio::test]
async fn checklist_topics_are_ticked_per_step_exported_and_refused_out_of_range() {
    let t = spawn_app().await;
    let ada = member("ada");
    let now = at(2026, 3, 2, 9, 0);
    let view = t.app.set_topics_done(&ada, 4, &[1, 3], now).await.unwrap();
    assert_eq!(&view.topics_done[..4], [true, false, true, false]);
    let again = t.app.roadmap_step_number(&ada, 4).await.unwrap();
    assert_eq!(again.topics_done, view.topics_done, "kept in the database");
    let too_far = t.app.set_topics_done(&ada, 4, &[99], now).await;
    assert!(matches!(too_far, Err(Error::User(UserError::UnknownTopic { given: 99, .. }))));
    let export = t.app.privacy_export(&ada, now).await.unwrap();
    assert!(export.json.contains("checklist_topic_done"), "{}", export.json);
    t.app.privacy_delete(&ada).await.unwrap();
    assert!(t.app.roadmap_step_number(&ada, 4).await.unwrap().topics_done.iter().all(|d| !d));
}

#[tokio::test]
async fn a_day_holds_at_most_1440_minutes_and_a_check_in_past_it_saves_nothing() {
    let t = spawn_app().await;
    let ada = member("ada");
    let minutes = |m| Some(Minutes::new(m).unwrap());
    t.app.check_in(&ada, at(2026, 3, 2, 9, 0), minutes(1000), None).await.unwrap();
    let refused = t.app.check_in(&ada, at(2026, 3, 2, 10, 0), minutes(500), Note::new("late").unwrap()).await;
    assert!(matches!(refused, Err(Error::User(UserError::DayFull { logged: 1000, room: 440 }))), "{:?}", refused.err());
    t.app.check_in(&ada, at(2026, 3, 2, 11, 0), minutes(440), None).await.unwrap();
    for _ in 0..9 {
        let again = t.app.check_in(&ada, at(2026, 3, 2, 12, 0), minutes(1440), None).await;
        assert!(matches!(again, Err(Error::User(UserError::DayFull { logged: 1440, room: 0 }))));
    }
    let streak = t.app.streak(&ada, at(2026, 3, 2, 13, 0)).await.unwrap();
    assert_eq!(streak.total_minutes, 1440, "the refused check-ins added nothing");
}
