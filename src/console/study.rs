//! Console handlers for the study record: `/streak` (with the heatmap written to a file),
//! `/history`, `/pause`, `/group`, `/leaderboard`, `/privacy`, the moderator commands
//! `/correct` and `/boards`, and `/clock`. Each one parses its words, calls `App`, renders.

use super::parse::Command;
use super::{files, render, render_study, Console};
use crate::app::BoardRequest;
use crate::domain::correction::{parse_date, CorrectionKind, Reason};
use crate::domain::leaderboard::parse_page;
use crate::domain::pause::MAX_PAUSE_DAYS;
use crate::domain::{GroupRef, Metric, Period};
use crate::error::{Error, UserError};
use chrono::{DateTime, Utc};

impl Console {
    pub(super) async fn streak(&self, now: DateTime<Utc>) -> Result<String, Error> {
        let view = self.app.streak(&self.member, now).await?;
        let heatmap = self.app.streak_heatmap(&self.member, now).await?;
        let name = format!("heatmap-{}.png", self.file_safe_user());
        let path = files::write_private(&self.output_dir, &name, &heatmap.png)?;
        Ok(format!("{}{}", render::streak(&view), render_study::heatmap_written(&path, &heatmap)))
    }

    pub(super) async fn study(&self, command: Command, now: DateTime<Utc>) -> Result<String, Error> {
        let app = &self.app;
        Ok(match command {
            Command::History => render_study::history(&app.history(&self.member, now).await?),
            Command::Pause { from: Some(f), .. } if f.eq_ignore_ascii_case("cancel") => {
                app.cancel_pause(&self.member, now).await?;
                "Your pause is cancelled from today on; past paused days stay paused.\n".to_string()
            }
            Command::Pause { from, days } => {
                let today = app.member_timezone(&self.member).await?.local_date(now);
                let first = match from.as_deref() {
                    None | Some("today") => today,
                    Some(text) => parse_date(text)?,
                };
                let given = days.unwrap_or_else(|| "1".into());
                let days = given
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| UserError::PauseLength { given: given.trim().to_string(), max: MAX_PAUSE_DAYS })?;
                render_study::paused(&app.pause(&self.member, first, days, now).await?)
            }
            Command::Group { action, name } => self.group(action.as_deref(), name.as_deref(), now).await?,
            Command::Leaderboard { words } => {
                let request = board_request(&words)?;
                render_study::leaderboard(&app.leaderboard(&self.member, &self.rights, &request, now).await?)
            }
            Command::Privacy { action, confirm } => self.privacy(action.as_deref(), confirm.as_deref(), now).await?,
            Command::Correct { action, user, date, reason } => {
                let given = action.unwrap_or_default();
                let kind = CorrectionKind::parse(&given).ok_or(UserError::UnknownCorrection { given })?;
                let date = parse_date(date.as_deref().unwrap_or(""))?;
                let reason = Reason::new(reason.as_deref().unwrap_or(""))?;
                let user = user.unwrap_or_default();
                let view = app.correct_day(&self.member, &self.rights, &user, date, kind, &reason, now).await?;
                render_study::corrected(&view)
            }
            Command::Boards { setting } => {
                let allowed = match setting.map(|s| s.to_lowercase()).as_deref() {
                    Some("on" | "yes" | "true") => true,
                    Some("off" | "no" | "false") => false,
                    _ => return Err(UserError::BoardsNeedOnOrOff.into()),
                };
                app.set_members_see_boards(&self.member.space, &self.rights, allowed, now).await?;
                let state = if allowed {
                    "Members can now see leaderboards."
                } else {
                    "Only moderators can see leaderboards now."
                };
                format!("{state}\n")
            }
            Command::Clock { setting: None } => {
                format!("The console clock reads {} (UTC).\n", now.format("%Y-%m-%d %H:%M"))
            }
            Command::Clock { setting: Some(s) } => match self.clock.set(&s, now)? {
                Some(at) => format!(
                    "The console clock is set to {} (UTC). /clock off returns to the real time.\n",
                    at.format("%Y-%m-%d %H:%M")
                ),
                None => "The console clock follows the real time again.\n".to_string(),
            },
            _ => render::help(),
        })
    }

    async fn group(&self, action: Option<&str>, name: Option<&str>, now: DateTime<Utc>) -> Result<String, Error> {
        let app = &self.app;
        match action.map(str::to_lowercase).as_deref() {
            Some("join") => {
                let group = GroupRef::named(name.unwrap_or(""))?;
                let joined = app.join_group(&self.member, &group, now).await?;
                Ok(render_study::group_joined(&group.name, joined))
            }
            Some("leave") => {
                let group = GroupRef::named(name.unwrap_or(""))?;
                let left = app.leave_group(&self.member, &group).await?;
                Ok(if left {
                    format!("You left {}.\n", group.name)
                } else {
                    format!("You were not in {}.\n", group.name)
                })
            }
            _ => Ok(render_study::groups(&app.groups(&self.member).await?)),
        }
    }

    /// `/privacy export`, or `/privacy delete confirm`: exact words in any case, so nothing
    /// unknown exports and nothing without the confirm word deletes.
    async fn privacy(&self, action: Option<&str>, confirm: Option<&str>, now: DateTime<Utc>) -> Result<String, Error> {
        let lower = |word: Option<&str>| word.map(str::to_lowercase);
        match (lower(action).as_deref(), lower(confirm).as_deref()) {
            (Some("delete"), Some("confirm")) => {
                let deleted = self.app.privacy_delete(&self.member).await?;
                let user = self.file_safe_user();
                let export_prefix = format!("{user}-");
                let heatmap = format!("heatmap-{user}.png");
                let files = files::remove_files(&self.output_dir, |name| {
                    name == heatmap || (name.starts_with(&export_prefix) && name.ends_with(".json"))
                })?;
                let held = if deleted || files > 0 {
                    "Everything I held about you is deleted."
                } else {
                    "I held nothing about you."
                };
                let removed = if files > 0 { " The files I wrote for you are removed too." } else { "" };
                Ok(format!("{held}{removed}\n"))
            }
            (Some("delete"), _) => Err(UserError::DeleteNotConfirmed.into()),
            (Some("export"), None) => {
                let export = self.app.privacy_export(&self.member, now).await?;
                let name = format!("{}-{}", self.file_safe_user(), export.file_name);
                let path = files::write_private(&self.output_dir, &name, export.json.as_bytes())?;
                Ok(format!("Your data ({} bytes of JSON) is in {}\n", export.json.len(), path.display()))
            }
            _ => Err(UserError::PrivacyUsage.into()),
        }
    }

    /// The member's name as it goes into file names: letters and digits, at most 64 of them,
    /// and never a dash, which ends the name in an export's file name.
    fn file_safe_user(&self) -> String {
        self.member.user_id.chars().take(64).map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
    }
}

/// Reads `/leaderboard` words in any order: a period, a measure, a page number, and anything
/// else is the group's name. `name:value` works too.
fn board_request(words: &[String]) -> Result<BoardRequest, UserError> {
    let mut request = BoardRequest::default();
    let mut group_words = Vec::new();
    for word in words {
        match word.split_once(':') {
            Some(("period", v)) => request.period = Period::parse(v)?,
            Some(("metric", v)) => request.metric = Metric::parse(v)?,
            Some(("page", v)) => request.page = Some(parse_page(v)?),
            Some(("group", v)) => group_words.push(v.to_string()),
            _ if Period::parse(word).is_ok() => request.period = Period::parse(word)?,
            _ if Metric::parse(word).is_ok() => request.metric = Metric::parse(word)?,
            _ if word.chars().all(|c| c.is_ascii_digit() || c == '-') => request.page = Some(parse_page(word)?),
            _ => group_words.push(word.clone()),
        }
    }
    if !group_words.is_empty() {
        request.group = Some(GroupRef::named(&group_words.join(" "))?);
    }
    Ok(request)
}
