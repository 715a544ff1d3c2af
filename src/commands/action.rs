//! What a button or menu does, as one typed value. Its text form is the component's id on every
//! platform (Discord's `custom_id`, Slack's `action_id`), so `format` and `parse` must agree; the
//! forms are kept stable across releases, since old messages keep their buttons.

use crate::app::BoardRequest;
use crate::domain::group::GroupRef;
use crate::domain::leaderboard::{Metric, Period};
use crate::domain::StepStatus;

/// A control's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open a roadmap step (previous, next, start).
    OpenStep(u8),
    /// Mark a step learning, done or skipped.
    SetStep(u8, StepStatus),
    /// A step's checklist menu; the chosen topic numbers come with the click.
    Topics(u8),
    /// A leaderboard page; the action carries the whole request.
    BoardPage(BoardRequest),
    /// Confirms `/privacy delete`.
    DeleteData,
    /// The nudge's Check in button, for the space the nudge came from.
    NudgeCheckIn { space_id: String },
    /// The nudge's Snooze button: no nudges for `SNOOZE_DAYS` days.
    NudgeSnooze { space_id: String },
    /// The nudge's Skip today button: today paused, so the streak neither breaks nor grows.
    NudgeSkipToday { space_id: String },
    /// The home screen's Settings button: a front end with forms opens the settings form;
    /// any other shows the settings.
    OpenSettings,
    /// The home screen's Log a check-in button: a front end with forms asks for minutes and a
    /// note; any other checks the member in.
    OpenCheckIn,
}

const BOARD: &str = "board:";
const TOPICS: &str = "roadmap:topics:";
const NUDGE_CHECKIN: &str = "nudge:checkin:";
const NUDGE_SNOOZE: &str = "nudge:snooze:";
const NUDGE_SKIP: &str = "nudge:skip:";
const DELETE: &str = "privacy:delete";
const OPEN_SETTINGS: &str = "home:settings";
const OPEN_CHECKIN: &str = "home:checkin";

impl Action {
    /// The click's name for logs and metrics: the command whose message it was on.
    pub fn name(&self) -> &'static str {
        match self {
            Action::OpenStep(_) | Action::SetStep(..) | Action::Topics(_) => "roadmap button",
            Action::BoardPage(_) => "leaderboard button",
            Action::DeleteData => "privacy button",
            Action::NudgeCheckIn { .. } | Action::NudgeSnooze { .. } | Action::NudgeSkipToday { .. } => "nudge button",
            Action::OpenSettings | Action::OpenCheckIn => "home button",
        }
    }

    /// Whether answering this click reads the caller's rights (a leaderboard page is for
    /// moderators); the counterpart of `Command::consults_rights`.
    pub fn consults_rights(&self) -> bool {
        matches!(self, Action::BoardPage(_))
    }

    /// The space a nudge's button came from: a nudge arrives by direct message, outside any
    /// space, and its answer counts in the member's own day there.
    pub fn nudge_space(&self) -> Option<&str> {
        match self {
            Action::NudgeCheckIn { space_id }
            | Action::NudgeSnooze { space_id }
            | Action::NudgeSkipToday { space_id } => Some(space_id),
            _ => None,
        }
    }

    /// The id the control carries.
    pub fn format(&self) -> String {
        match self {
            Action::OpenStep(n) => format!("roadmap:open:{n}"),
            Action::SetStep(n, status) => format!("roadmap:set:{n}:{}", status.as_str()),
            Action::Topics(n) => format!("{TOPICS}{n}"),
            Action::BoardPage(request) => {
                let group = request.group.as_ref().map_or("-", |g| g.key.as_str());
                let page = request.page.unwrap_or(1);
                format!("{BOARD}{page}:{}:{}:{group}", request.period.as_str(), metric_name(request.metric))
            }
            Action::DeleteData => DELETE.to_string(),
            Action::NudgeCheckIn { space_id } => format!("{NUDGE_CHECKIN}{space_id}"),
            Action::NudgeSnooze { space_id } => format!("{NUDGE_SNOOZE}{space_id}"),
            Action::NudgeSkipToday { space_id } => format!("{NUDGE_SKIP}{space_id}"),
            Action::OpenSettings => OPEN_SETTINGS.to_string(),
            Action::OpenCheckIn => OPEN_CHECKIN.to_string(),
        }
    }

    /// Reads an id back; `None` for an id this release does not know.
    pub fn parse(id: &str) -> Option<Self> {
        if let Some(space_id) = id.strip_prefix(NUDGE_CHECKIN) {
            return Some(Action::NudgeCheckIn { space_id: space_id.to_string() });
        }
        if let Some(space_id) = id.strip_prefix(NUDGE_SNOOZE) {
            return Some(Action::NudgeSnooze { space_id: space_id.to_string() });
        }
        if let Some(space_id) = id.strip_prefix(NUDGE_SKIP) {
            return Some(Action::NudgeSkipToday { space_id: space_id.to_string() });
        }
        if let Some(number) = id.strip_prefix(TOPICS) {
            return Some(Action::Topics(number.parse().ok()?));
        }
        if let Some(rest) = id.strip_prefix(BOARD) {
            return parse_board(rest).map(Action::BoardPage);
        }
        match id {
            DELETE => return Some(Action::DeleteData),
            OPEN_SETTINGS => return Some(Action::OpenSettings),
            OPEN_CHECKIN => return Some(Action::OpenCheckIn),
            _ => {}
        }
        let parts: Vec<&str> = id.split(':').collect();
        match parts.as_slice() {
            ["roadmap", "open", n] => Some(Action::OpenStep(n.parse().ok()?)),
            ["roadmap", "set", n, status] => Some(Action::SetStep(n.parse().ok()?, StepStatus::parse(status)?)),
            _ => None,
        }
    }
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Streak => "streak",
        Metric::Days => "days",
        Metric::Minutes => "minutes",
    }
}

fn parse_board(rest: &str) -> Option<BoardRequest> {
    let mut parts = rest.splitn(4, ':');
    let page = parts.next()?.parse().ok()?;
    let period = Period::parse(parts.next()?).ok()?;
    let metric = Metric::parse(parts.next()?).ok()?;
    let group = match parts.next()? {
        "-" => None,
        key => Some(GroupRef { key: key.to_string(), name: key.to_string() }),
    };
    Some(BoardRequest { group, period, metric, page: Some(page) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_as_itself() {
        let board = BoardRequest {
            group: Some(GroupRef { key: "role:42".into(), name: "role:42".into() }),
            period: Period::Week,
            metric: Metric::Minutes,
            page: Some(3),
        };
        for action in [
            Action::OpenStep(3),
            Action::SetStep(8, StepStatus::Done),
            Action::SetStep(1, StepStatus::Skipped),
            Action::Topics(4),
            Action::BoardPage(board),
            Action::BoardPage(BoardRequest { page: Some(1), ..BoardRequest::default() }),
            Action::DeleteData,
            Action::NudgeCheckIn { space_id: "123".into() },
            Action::NudgeSnooze { space_id: "T0LEARN".into() },
            Action::NudgeSkipToday { space_id: "123".into() },
            Action::OpenSettings,
            Action::OpenCheckIn,
        ] {
            assert_eq!(Action::parse(&action.format()), Some(action.clone()), "{}", action.format());
        }
    }

    #[test]
    fn ids_of_other_releases_and_garbage_are_unknown() {
        for id in ["roadmap:open:x", "other:thing", "board:0x:week:streak:-", "roadmap:set:4:banana", ""] {
            assert_eq!(Action::parse(id), None, "{id}");
        }
    }
}
