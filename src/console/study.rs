//! What only the console does around a command: heatmaps and exports are written to files in a
//! private folder (and removed with the member's data), and `/clock` sets the time for trials.

use super::{files, Console};
use crate::error::Error;
use crate::present::{Attachment, HEATMAP_FILE};
use chrono::{DateTime, Utc};

impl Console {
    /// Writes an attached file (a heatmap, an export) and says where it is.
    pub(super) fn save(&self, file: &Attachment) -> Result<String, Error> {
        let user = self.file_safe_user();
        if file.name == HEATMAP_FILE {
            let path = files::write_private(&self.output_dir, &format!("heatmap-{user}.png"), &file.bytes)?;
            return Ok(format!("  Heatmap: {}\n", path.display()));
        }
        let path = files::write_private(&self.output_dir, &format!("{user}-{}", file.name), &file.bytes)?;
        Ok(format!("Your data ({} bytes of JSON) is in {}\n", file.bytes.len(), path.display()))
    }

    /// After a delete: removes the files written for this member.
    pub(super) fn remove_files(&self) -> Result<String, Error> {
        let user = self.file_safe_user();
        let (prefix, heatmap) = (format!("{user}-"), format!("heatmap-{user}.png"));
        let removed = files::remove_files(&self.output_dir, |name| {
            name == heatmap || (name.starts_with(&prefix) && name.ends_with(".json"))
        })?;
        Ok(if removed > 0 { "The files I wrote for you are removed too.\n".to_string() } else { String::new() })
    }

    /// `/clock`: shows, sets, steps or turns off the console's clock.
    pub(super) fn clock_line(&self, setting: Option<String>, now: DateTime<Utc>) -> Result<String, Error> {
        let Some(setting) = setting else {
            return Ok(format!("The console clock reads {} (UTC).\n", now.format("%Y-%m-%d %H:%M")));
        };
        Ok(match self.clock.set(&setting)? {
            Some(at) => format!(
                "The console clock is set to {} (UTC). /clock off returns to the real time.\n",
                at.format("%Y-%m-%d %H:%M")
            ),
            None => "The console clock follows the real time again.\n".to_string(),
        })
    }

    /// The member's name as it goes into file names: letters and digits, at most 64 of them,
    /// and never a dash, which ends the name in a file name.
    fn file_safe_user(&self) -> String {
        self.caller.member.user_id.chars().take(64).map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
    }
}
