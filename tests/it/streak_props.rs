//! Property tests: random check-in histories, time zones and time-zone changes, checked against
//! a reference model that states the streak rules the plainest way (walk every calendar day),
//! both on the domain alone and through `App` on a real SQLite file; and local days across
//! daylight-saving transitions in several zones.

use crate::common::spawn_app;
use backend_mentor::app::BoardRequest;
use backend_mentor::domain::pause::{NeutralReason, NeutralSpan};
use backend_mentor::domain::{CallerRights, MemberRef, NeutralDays, Platform, StreakState, StreakSummary, Timezone};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeSet;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// Instants a few days before daylight-saving changes: US and EU spring forward, the southern
/// hemisphere falls back, EU and US fall back.
const STARTS: &[(i32, u32, u32)] = &[(2026, 3, 5), (2026, 3, 26), (2026, 4, 2), (2026, 10, 22), (2026, 10, 29)];

/// (current, longest, total days, freezes held, freezes used).
type Figures = (u32, u32, u32, u32, u32);

/// The rules, walked day by day: every day that is not counted, not neutral and before the
/// later of today and the last counted day is missed, and costs a freeze or the streak.
fn reference(counted: &BTreeSet<NaiveDate>, neutral: &BTreeSet<NaiveDate>, today: NaiveDate) -> Figures {
    let (Some(&first), Some(&last)) = (counted.first(), counted.last()) else { return (0, 0, 0, 0, 0) };
    let end = today.max(last);
    let (mut current, mut longest, mut held, mut used, mut run) = (0, 0, 0, 0, 0);
    let mut day = first;
    while day <= end {
        if counted.contains(&day) {
            current += 1;
            longest = longest.max(current);
            run += 1;
            if run == 7 {
                run = 0;
                held = (held + 1).min(2);
            }
        } else if day < end && !neutral.contains(&day) && current > 0 {
            run = 0;
            if held > 0 {
                held -= 1;
                used += 1;
            } else {
                current = 0;
            }
        }
        day = day.succ_opt().unwrap();
    }
    (current, longest, counted.len() as u32, held, used)
}

fn figures(s: &StreakSummary) -> Figures {
    (s.current, s.longest, s.total_days, s.freezes_held, s.freezes_used)
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(offset)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Step-by-step recording, a full replay and the reference model agree on any history.
    #[test]
    fn the_rules_match_the_reference_model(
        offsets in prop::collection::btree_set(0i64..80, 0..50),
        pauses in prop::collection::vec((0i64..80, 1i64..6), 0..3),
        today_offset in 0i64..90,
    ) {
        let counted: BTreeSet<NaiveDate> = offsets.iter().map(|o| day(*o)).collect();
        let spans: Vec<NeutralSpan> = pauses.iter()
            .map(|(o, len)| NeutralSpan { first: day(*o), last: day(o + len - 1), reason: NeutralReason::Pause })
            .collect();
        let neutral_set: BTreeSet<NaiveDate> = spans.iter().flat_map(|s| (0..s.days()).map(move |i| s.first + Duration::days(i))).collect();
        let neutral = NeutralDays::new(spans);
        let mut stepwise = StreakState::default();
        for d in &counted {
            stepwise.record(*d, &neutral);
        }
        let days: Vec<NaiveDate> = counted.iter().rev().copied().collect();
        prop_assert_eq!(stepwise, StreakState::replay(&days, &neutral));
        let today = day(today_offset);
        let summary = StreakSummary::of(&stepwise, today, &neutral);
        prop_assert_eq!(figures(&summary), reference(&counted, &neutral_set, today));
        if let Some(last_chance) = stepwise.last_chance_day(&neutral) {
            prop_assert!(stepwise.as_of(last_chance, &neutral).current > 0);
            let after = last_chance.succ_opt().unwrap();
            prop_assert_eq!(stepwise.as_of(after, &neutral), stepwise.ended());
        }
    }

    /// Checking in once on each local day across a daylight-saving change counts every day once.
    #[test]
    fn each_local_day_counts_once_across_daylight_saving(zone in 0..ZONES.len(), start in 0..STARTS.len(), minute in 0u32..1440) {
        let zone = Timezone::parse(ZONES[zone]).unwrap();
        let (y, m, d) = STARTS[start];
        let first = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut counted = Vec::new();
        for i in 0..10 {
            let date = first + Duration::days(i);
            let local = date.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
            // A wall time that does not exist (the spring-forward gap) is read as the next one that does.
            let at = (0..4).find_map(|h| zone.tz().from_local_datetime(&(local + Duration::hours(h))).earliest()).unwrap();
            counted.push(zone.local_date(at.with_timezone(&Utc)));
            let end = zone.end_of_day(date).with_timezone(&Utc);
            prop_assert_eq!(zone.local_date(end), date + Duration::days(1));
            prop_assert_eq!(zone.local_date(end - Duration::seconds(1)), date);
        }
        let summary = backend_mentor::domain::streak::summarize(&counted, first + Duration::days(9));
        prop_assert_eq!((summary.current, summary.total_days), (10, 10));
    }
}

#[derive(Debug, Clone)]
enum Step {
    CheckIn,
    Move(usize),
    Look,
    Board,
}

fn steps() -> impl Strategy<Value = Vec<(i64, Step)>> {
    let step = prop_oneof![4 => Just(Step::CheckIn), 1 => (0..ZONES.len()).prop_map(Step::Move), 1 => Just(Step::Look), 1 => Just(Step::Board)];
    prop::collection::vec((1i64..40, step), 1..40)
}

/// What the model knows: counted days, neutral (excused) days and the zone.
struct Model {
    counted: BTreeSet<NaiveDate>,
    neutral: BTreeSet<NaiveDate>,
    zone: Timezone,
}

impl Model {
    fn apply(&mut self, step: &Step, now: DateTime<Utc>) {
        match step {
            Step::CheckIn => {
                self.counted.insert(self.zone.local_date(now));
            }
            Step::Move(z) => {
                let new = Timezone::parse(ZONES[*z]).unwrap();
                let (old_today, new_today) = (self.zone.local_date(now), new.local_date(now));
                let alive = reference(&self.counted, &self.neutral, old_today).0 > 0;
                if new_today > old_today && alive {
                    self.neutral.insert(old_today);
                }
                self.zone = new;
            }
            Step::Look | Step::Board => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Through `App` and SQLite: random check-ins and zone changes always show the figures the
    /// reference model gives (a streak board read in between settles ended streaks in bulk, which
/// must change nothing), and a change of zone alone never lowers the current streak.
    #[test]
    fn app_streaks_follow_the_model_through_zone_changes(start in 0..STARTS.len(), steps in steps()) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let t = spawn_app().await;
            let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
            let (y, m, d) = STARTS[start];
            let mut now = Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap();
            let mut model = Model { counted: BTreeSet::new(), neutral: BTreeSet::new(), zone: Timezone::UTC };
            for (hours, step) in &steps {
                now += Duration::hours(*hours);
                let before = t.app.streak(&ada, now).await.unwrap().summary.current;
                match step {
                    Step::CheckIn => { t.app.check_in(&ada, now, None, None).await.unwrap(); }
                    Step::Move(z) => t.app.set_timezone(&ada, Timezone::parse(ZONES[*z]).unwrap(), now).await.unwrap(),
                    Step::Look => {}
                    Step::Board => {
                        let rights = CallerRights { manage_server: true, ..CallerRights::default() };
                        t.app.leaderboard(&ada, &rights, &BoardRequest::default(), now).await.unwrap();
                    }
                }
                model.apply(step, now);
                let shown = t.app.streak(&ada, now).await.unwrap().summary;
                let expected = reference(&model.counted, &model.neutral, model.zone.local_date(now));
                assert_eq!(figures(&shown), expected, "after {step:?} at {now}");
                if matches!(step, Step::Move(_)) {
                    assert!(shown.current >= before, "a zone change lowered the streak from {before} at {now}");
                }
            }
        });
    }
}
