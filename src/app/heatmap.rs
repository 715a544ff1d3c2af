//! `App` actions for the `/streak` heatmap: the member's last 26 weeks marked day by day, drawn
//! by the pure renderer in `crate::heatmap` on a blocking thread.

use super::{App, HeatmapImage};
use crate::domain::history::{mark_days, DayMark};
use crate::domain::MemberRef;
use crate::error::Error;
use crate::heatmap::{heatmap_start, render_heatmap, HeatmapDay};
use chrono::{DateTime, NaiveDate, Utc};

/// The most heatmaps drawn at once (fewer on a machine with fewer cores). Each drawing's buffers
/// (a 280 kB canvas, the PNG encoder's tables) are allocated on the thread that draws; drawings
/// unbounded in a burst of `/streak` spread over as many blocking threads, and each thread's
/// allocator arena keeps their memory after they end.
const DRAWING_TURNS: usize = 2;

pub(super) fn drawing_turns() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get()).min(DRAWING_TURNS)
}

impl App {
    /// Takes the member's turn at a heatmap, or says in how many seconds they may ask again
    /// (`cooldown.rs`).
    pub fn take_heatmap_turn(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<(), u32> {
        self.cooldowns.take_heatmap(member, now)
    }

    /// The member's heatmap as of their local today.
    pub async fn streak_heatmap(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<HeatmapImage, Error> {
        let (member_id, zone) = self.member_and_zone(member).await?;
        let today = zone.local_date(now);
        let first = heatmap_start(today);
        let days: Vec<(NaiveDate, DayMark, i64)> = match member_id {
            None => mark_days(&[], &Default::default(), first, today).into_iter().map(|(d, m)| (d, m, 0)).collect(),
            Some(member_id) => {
                let neutral = self.store.neutral_days(member_id).await?;
                let every_day = self.store.checkin_days(member).await?;
                let rows = self.store.days_since(member_id, first).await?;
                let minutes = |d: NaiveDate| rows.iter().find(|r| r.local_date == d).map_or(0, |r| r.minutes);
                mark_days(&every_day, &neutral, first, today).into_iter().map(|(d, m)| (d, m, minutes(d))).collect()
            }
        };
        let days: Vec<HeatmapDay> =
            days.into_iter().map(|(date, mark, minutes)| HeatmapDay { date, mark, minutes }).collect();
        // Drawing takes over half a millisecond of CPU (copying pieces, encoding the PNG), far
        // longer than a task should hold an async worker: other members' commands would wait.
        let turn = self.drawing.acquire().await.map_err(|e| anyhow::anyhow!("the drawing turns closed: {e}"))?;
        let png = tokio::task::spawn_blocking(move || render_heatmap(&days, today))
            .await
            .map_err(|e| anyhow::anyhow!("the heatmap render task failed: {e}"))??;
        drop(turn);
        Ok(HeatmapImage { png, first_day: first, last_day: today })
    }

    /// Draws the heatmap's shared pieces in the background ahead of the first `/streak`, so the
    /// first member to ask does not wait for them. A failure is only logged: `/streak` draws
    /// them again and reports its own failure.
    pub fn prepare_heatmap(&self, now: DateTime<Utc>) {
        tokio::task::spawn_blocking(move || {
            if let Err(e) = render_heatmap(&[], now.date_naive()) {
                tracing::warn!(error = ?e, "could not draw the heatmap's pieces ahead of time");
            }
        });
    }
}
