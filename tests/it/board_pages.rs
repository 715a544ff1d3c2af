//! Leaderboard pages read through the score counts must equal a plain sort of every member:
//! random check-ins for a few dozen members, every page of every board concatenated, and each
//! member's own place, compared with the order the tie-break rules define.

use crate::common::{at, spawn_app};
use backend_mentor::app::BoardRequest;
use backend_mentor::domain::{CallerRights, MemberRef, Metric, Minutes, Period, Platform};
use proptest::prelude::*;

fn member(i: usize) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", format!("m{i:02}"))
}

/// (member index, day of March, minutes) check-ins.
fn plans() -> impl Strategy<Value = Vec<(usize, u32, i64)>> {
    prop::collection::vec((0usize..25, 1u32..12, prop::sample::select(vec![10i64, 20, 30])), 1..80)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_page_and_place_matches_a_plain_sort(plan in plans()) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let t = spawn_app().await;
            let mut sorted_plan = plan.clone();
            sorted_plan.sort_by_key(|(_, day, _)| *day);
            for i in 0..25 {
                // Join in index order, so row ids (the last tie-break) follow the index.
                t.app.join_group(&member(i), &backend_mentor::domain::GroupRef::named("all").unwrap(), at(2026, 2, 1, 0, 0)).await.unwrap();
            }
            for (i, day, minutes) in &sorted_plan {
                let minutes = Minutes::new(*minutes).unwrap();
                t.app.check_in(&member(*i), at(2026, 3, *day, 12, 0), Some(minutes), None).await.unwrap();
            }
            let now = at(2026, 3, 12, 12, 0);
            let rights = CallerRights { manage_server: true, ..CallerRights::default() };
            for metric in [Metric::Days, Metric::Minutes] {
                let request = BoardRequest { metric, period: Period::AllTime, ..Default::default() };
                let first = t.app.leaderboard(&member(99), &rights, &BoardRequest { page: Some(1), ..request.clone() }, now).await.unwrap();
                let mut shown = Vec::new();
                for page in 1..=first.pages {
                    let view = t.app.leaderboard(&member(99), &rights, &BoardRequest { page: Some(page), ..request.clone() }, now).await.unwrap();
                    shown.extend(view.entries.iter().map(|e| (e.user_id.clone(), e.days, e.minutes)));
                }
                let mut expected: Vec<(String, i64, i64)> = (0..25)
                    .map(|i| {
                        let mine: Vec<&(usize, u32, i64)> = plan.iter().filter(|(m, _, _)| *m == i).collect();
                        let mut days: Vec<u32> = mine.iter().map(|(_, d, _)| *d).collect();
                        days.sort_unstable();
                        days.dedup();
                        (format!("m{i:02}"), days.len() as i64, mine.iter().map(|(_, _, m)| m).sum())
                    })
                    .filter(|(_, days, _)| *days > 0)
                    .collect();
                expected.sort_by_key(|(name, days, minutes)| match metric {
                    Metric::Minutes => (-minutes, -days, name.clone()),
                    _ => (-days, -minutes, name.clone()),
                });
                assert_eq!(shown, expected, "{metric:?}");
                for (place, (name, _, _)) in expected.iter().enumerate() {
                    let index: usize = name[1..].parse().unwrap();
                    let own = t.app.leaderboard(&member(index), &rights, &request, now).await.unwrap();
                    assert_eq!(own.caller_place, Some(place as u32 + 1), "{name} on {metric:?}");
                    assert!(own.entries.iter().any(|e| e.is_caller), "the board opens on {name}'s page");
                }
            }
        });
    }
}
