//! `App` actions for the wider career map: skill tracks, specializations, levels and salaries.

use super::App;
use crate::content::model::Career;
use crate::error::UserError;

/// Which part of the career map to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareerSection {
    Tracks,
    Specializations,
    Levels,
    Salaries,
}

impl CareerSection {
    pub const ALL: [CareerSection; 4] =
        [CareerSection::Tracks, CareerSection::Specializations, CareerSection::Levels, CareerSection::Salaries];

    /// Reads "tracks", "specialisations", "levels", "salary" and the like.
    pub fn parse(text: &str) -> Result<Self, UserError> {
        let word = text.trim().to_lowercase();
        let section = match word.as_str() {
            "track" | "tracks" | "skills" => CareerSection::Tracks,
            w if w.starts_with("speciali") => CareerSection::Specializations,
            "level" | "levels" | "seniority" => CareerSection::Levels,
            "salary" | "salaries" | "pay" => CareerSection::Salaries,
            _ => return Err(UserError::UnknownCareerSection { given: text.trim().to_string() }),
        };
        Ok(section)
    }

    pub fn title(self) -> &'static str {
        match self {
            CareerSection::Tracks => "Skill tracks",
            CareerSection::Specializations => "Specializations",
            CareerSection::Levels => "Career levels",
            CareerSection::Salaries => "Salary ranges",
        }
    }
}

impl App {
    /// The career map from the content.
    pub fn career(&self) -> &Career {
        &self.content.career
    }
}
