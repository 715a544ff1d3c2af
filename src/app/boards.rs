//! `App` actions for leaderboards and study groups. A server board pages through an index in
//! the database; a group board (a Discord role or a named group) is ordered here. Moderators see
//! every board; members only when the server allows it, and then only their own groups' boards.

use super::{App, BoardEntry, GroupView, LeaderboardView};
use crate::domain::leaderboard::{check_page, page_count, page_of_rank, PAGE_SIZE, TIE_BREAK_RULES};
use crate::domain::{CallerRights, GroupRef, MemberRef, Metric, Period, SpaceRef};
use crate::error::{Error, UserError};
use crate::storage::{BoardQuery, BoardRow};
use chrono::{DateTime, Utc};

/// Which board to show; `page: None` opens on the caller's own page when they are ranked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardRequest {
    pub group: Option<GroupRef>,
    pub period: Period,
    pub metric: Metric,
    pub page: Option<u32>,
}

impl App {
    pub async fn leaderboard(
        &self,
        caller: &MemberRef,
        rights: &CallerRights,
        request: &BoardRequest,
        now: DateTime<Utc>,
    ) -> Result<LeaderboardView, Error> {
        let space = &caller.space;
        let moderator = self.is_moderator(space, rights).await?;
        if !moderator && !self.store.members_see_boards(space).await? {
            return Err(UserError::BoardsHidden.into());
        }
        let (caller_id, zone) = self.member_and_zone(caller).await?;
        let today = zone.local_date(now);
        // A streak is current whatever the period, so the streak board always uses all time.
        let period = if request.metric == Metric::Streak { Period::AllTime } else { request.period };
        let query = BoardQuery {
            space,
            metric: request.metric,
            period,
            period_start: period.start(today),
            now_unix: now.timestamp(),
        };
        if request.metric == Metric::Streak {
            // Streaks that ran out since their last check-in are settled first, so neither the
            // board nor its counts show a streak that is over.
            self.store.expire_streaks(space, query.now_unix).await?;
        }
        let (group, ranked, caller_place, rows, page) = match &request.group {
            None => self.server_board(&query, caller_id, request.page).await?,
            Some(group) => self.group_board(&query, group, caller_id, moderator, request.page).await?,
        };
        let first_place = (page - 1) * PAGE_SIZE + 1;
        let entries = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| BoardEntry {
                place: first_place + i as u32,
                value: value_of(&row, request.metric),
                is_caller: Some(row.member_id) == caller_id,
                user_id: row.user_id,
                days: row.days,
                minutes: row.minutes,
            })
            .collect();
        Ok(LeaderboardView {
            group,
            period,
            metric: request.metric,
            first_day: period.start(today),
            last_day: period.end(today),
            page,
            pages: page_count(ranked),
            ranked,
            entries,
            caller_place,
            tie_break: TIE_BREAK_RULES,
        })
    }

    async fn server_board(
        &self,
        query: &BoardQuery<'_>,
        caller_id: Option<i64>,
        page: Option<u32>,
    ) -> Result<(Option<String>, u32, Option<u32>, Vec<BoardRow>, u32), Error> {
        let (ranked, place) = self.store.board_place(query, caller_id, None).await?;
        let (ranked, place) = (ranked as u32, place.map(|p| p as u32));
        let page = check_page(page.unwrap_or_else(|| place.map_or(1, page_of_rank)), ranked)?;
        let rows = self.store.board_page(query, i64::from((page - 1) * PAGE_SIZE)).await?;
        Ok((None, ranked, place, rows, page))
    }

    async fn group_board(
        &self,
        query: &BoardQuery<'_>,
        group: &GroupRef,
        caller_id: Option<i64>,
        moderator: bool,
        page: Option<u32>,
    ) -> Result<(Option<String>, u32, Option<u32>, Vec<BoardRow>, u32), Error> {
        let unknown = || UserError::UnknownGroup { name: group.name.clone() };
        let (group_id, name) = self.store.find_group(query.space, &group.key).await?.ok_or_else(unknown)?;
        let member = match caller_id {
            Some(id) => self.store.is_in_group(group_id, id).await?,
            None => false,
        };
        if !moderator && !member {
            return Err(UserError::NotInGroup { name }.into());
        }
        let mut rows = self.store.group_rows(group_id, query).await?;
        rows.retain(|r| value_of(r, query.metric) > 0 && (query.metric == Metric::Streak || r.days > 0));
        rows.sort_by_key(|r| sort_key(r, query.metric));
        let ranked = rows.len() as u32;
        let place = rows.iter().position(|r| Some(r.member_id) == caller_id).map(|i| i as u32 + 1);
        let page = check_page(page.unwrap_or_else(|| place.map_or(1, page_of_rank)), ranked)?;
        let start = ((page - 1) * PAGE_SIZE) as usize;
        let rows = rows.into_iter().skip(start).take(PAGE_SIZE as usize).collect();
        Ok((Some(name), ranked, place, rows, page))
    }

    /// True for a moderator; a database failure is still an error, not a "no".
    pub(super) async fn is_moderator(&self, space: &SpaceRef, rights: &CallerRights) -> Result<bool, Error> {
        match self.require_moderator(space, rights).await {
            Ok(()) => Ok(true),
            Err(Error::User(UserError::NotModerator)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Joins a named group (console, Slack), creating it on first use; false if already in it.
    pub async fn join_group(&self, member: &MemberRef, group: &GroupRef, now: DateTime<Utc>) -> Result<bool, Error> {
        let member_id = self.store.member_id(member, now).await?;
        let group_id = self.store.group_id(&member.space, group, now).await?;
        Ok(self.store.join_group(group_id, member_id, now).await?)
    }

    /// Leaves a group; false when the member was not in it.
    pub async fn leave_group(&self, member: &MemberRef, group: &GroupRef) -> Result<bool, Error> {
        let unknown = || UserError::UnknownGroup { name: group.name.clone() };
        let (group_id, _) = self.store.find_group(&member.space, &group.key).await?.ok_or_else(unknown)?;
        let Some(member_id) = self.store.find_member_id(member).await? else { return Ok(false) };
        Ok(self.store.leave_group(group_id, member_id).await?)
    }

    /// Makes the member's role groups exactly `roles` (Discord: the member's roles, as
    /// `GroupRef::role`), leaving named groups alone. Call it when a member acts, with their roles.
    pub async fn sync_role_groups(
        &self,
        member: &MemberRef,
        roles: &[GroupRef],
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let member_id = self.store.member_id(member, now).await?;
        for old in self.store.member_groups(member_id).await? {
            if old.key.starts_with("role:") && !roles.iter().any(|r| r.key == old.key) {
                if let Some((group_id, _)) = self.store.find_group(&member.space, &old.key).await? {
                    self.store.leave_group(group_id, member_id).await?;
                }
            }
        }
        for role in roles {
            let group_id = self.store.group_id(&member.space, role, now).await?;
            self.store.join_group(group_id, member_id, now).await?;
        }
        Ok(())
    }

    /// The space's groups with their sizes, marking the ones the member is in.
    pub async fn groups(&self, member: &MemberRef) -> Result<Vec<GroupView>, Error> {
        let mine = match self.store.find_member_id(member).await? {
            Some(id) => self.store.member_groups(id).await?,
            None => Vec::new(),
        };
        let all = self.store.space_groups(&member.space).await?;
        let views = all.into_iter().map(|(group, members)| GroupView {
            is_member: mine.iter().any(|m| m.key == group.key),
            name: group.name,
            members,
        });
        Ok(views.collect())
    }

    /// Lets members (not only moderators) see leaderboards, or hides them again.
    pub async fn set_members_see_boards(
        &self,
        space: &SpaceRef,
        rights: &CallerRights,
        allowed: bool,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.require_moderator(space, rights).await?;
        Ok(self.store.set_members_see_boards(space, allowed, now).await?)
    }
}

fn value_of(row: &BoardRow, metric: Metric) -> i64 {
    match metric {
        Metric::Streak => row.streak,
        Metric::Days => row.days,
        Metric::Minutes => row.minutes,
    }
}

/// The same order as the server board's index: measure, tie-breaks, then who joined first.
fn sort_key(row: &BoardRow, metric: Metric) -> (i64, i64, i64, i64) {
    match metric {
        Metric::Streak => (-row.streak, -row.days, -row.minutes, row.member_id),
        Metric::Days => (-row.days, -row.minutes, 0, row.member_id),
        Metric::Minutes => (-row.minutes, -row.days, 0, row.member_id),
    }
}
