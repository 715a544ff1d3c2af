//! Terminal text for the study record: history, pauses, groups, leaderboards, corrections and
//! the heatmap file. Pure functions from `App` views to strings; notes and names are printed as
//! given, since a terminal renders no mentions or markup.

use crate::app::{CorrectionView, GroupView, HeatmapImage, HistoryView, LeaderboardView, PauseView};
use crate::domain::Metric;
use std::fmt::Write;
use std::path::Path;

pub fn heatmap_written(path: &Path, image: &HeatmapImage) -> String {
    format!("  Heatmap ({} to {}): {}\n", image.first_day, image.last_day, path.display())
}

pub fn history(view: &HistoryView) -> String {
    let mut out = String::from("Your last 14 days (newest first)\n");
    for day in &view.days {
        let _ = write!(out, "  {} {:<30}", day.date.format("%a %Y-%m-%d"), day.mark.label());
        if day.checkins > 0 {
            let _ = write!(
                out,
                " {} min, {} check-in{}",
                day.minutes,
                day.checkins,
                if day.checkins == 1 { "" } else { "s" }
            );
        }
        if day.added_by_moderator {
            out.push_str(" (added by a moderator)");
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
        for note in &day.notes {
            let _ = writeln!(out, "      note: {note}");
        }
    }
    for pause in &view.pauses {
        let _ = writeln!(out, "Pause: {} to {} ({})", pause.first, pause.last, pause.reason.as_str());
    }
    if view.corrections.is_empty() {
        out.push_str("No moderator has corrected your days.\n");
    } else {
        out.push_str("Corrections by moderators\n");
        for c in &view.corrections {
            let by = c.moderator_user_id.as_deref().unwrap_or("a moderator who has since left");
            let _ = writeln!(
                out,
                "  {} {} {} by {by}: {}",
                c.corrected_at.format("%Y-%m-%d %H:%M"),
                c.action,
                c.local_date,
                c.reason
            );
        }
    }
    out
}

pub fn paused(view: &PauseView) -> String {
    format!(
        "Your streak is paused from {} to {} ({} days). Those days neither break nor extend it; a day you check in on still counts.\n",
        view.span.first,
        view.span.last,
        view.span.days()
    )
}

pub fn group_joined(name: &str, joined: bool) -> String {
    if joined {
        format!("You joined {name}. See its board with /leaderboard {name}\n")
    } else {
        format!("You are already in {name}.\n")
    }
}

pub fn groups(groups: &[GroupView]) -> String {
    if groups.is_empty() {
        return "There are no groups yet. Start one with /group join <name>.\n".to_string();
    }
    let mut out = String::from("Groups\n");
    for g in groups {
        let mark = if g.is_member { " (you are in it)" } else { "" };
        let _ = writeln!(out, "  {} · {} member{}{mark}", g.name, g.members, if g.members == 1 { "" } else { "s" });
    }
    out
}

pub fn leaderboard(view: &LeaderboardView) -> String {
    let whose = view.group.as_deref().unwrap_or("this server");
    let when = match view.metric {
        Metric::Streak => "current streaks".to_string(),
        _ => format!("{} ({} to {})", view.period.label(), view.first_day, view.last_day),
    };
    let mut out = format!("Leaderboard · {whose} · {} · {when}\n", view.metric.label());
    if view.entries.is_empty() {
        out.push_str("  Nobody is ranked yet. Check in to be the first!\n");
    }
    for e in &view.entries {
        let you = if e.is_caller { "  ← you" } else { "" };
        let _ = writeln!(
            out,
            "  {:>3}. {:<20} {:>6}  ({} days, {} min){you}",
            e.place, e.user_id, e.value, e.days, e.minutes
        );
    }
    let _ = writeln!(out, "Page {} of {} · {} ranked", view.page, view.pages, view.ranked);
    if let Some(place) = view.caller_place {
        let _ = writeln!(out, "You are #{place}.");
    }
    let _ = writeln!(out, "{}", view.tie_break);
    out
}

pub fn corrected(view: &CorrectionView) -> String {
    let what = if view.added { "added" } else { "removed" };
    format!(
        "{} is {what} for {}, and the change is in their audit log. Their streak is now {} day(s), {} study day(s) in all.\n",
        view.date, view.user_id, view.current_streak, view.total_days
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::BoardEntry;
    use crate::domain::Period;
    use chrono::NaiveDate;

    #[test]
    fn a_board_marks_the_caller_and_explains_ties() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let entry = |place: u32, user: &str, is_caller: bool| BoardEntry {
            place,
            user_id: user.to_string(),
            value: 12,
            days: 12,
            minutes: 300,
            is_caller,
        };
        let view = LeaderboardView {
            group: Some("night owls".into()),
            period: Period::Week,
            metric: Metric::Days,
            first_day: day,
            last_day: day + chrono::Duration::days(6),
            page: 2,
            pages: 3,
            ranked: 25,
            entries: vec![entry(11, "ada", false), entry(12, "bob", true)],
            caller_place: Some(12),
            tie_break: crate::domain::leaderboard::TIE_BREAK_RULES,
        };
        let text = leaderboard(&view);
        assert!(text.starts_with("Leaderboard · night owls · study days · this week (2026-03-02 to 2026-03-08)"));
        assert!(text.contains("12. bob") && text.contains("← you") && text.contains("Page 2 of 3 · 25 ranked"));
        assert!(text.contains("Ties: on the streak board"));
    }
}
