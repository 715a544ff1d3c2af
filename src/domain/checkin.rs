//! The parts of a check-in a member may give: minutes studied and a short note, validated at
//! the edge so nothing below has to wonder whether they are in range.

use crate::error::UserError;

/// Minutes studied in one check-in: 1 to 1,440 (a whole day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minutes(u16);

impl Minutes {
    pub const MAX: u16 = 1440;

    pub fn new(value: i64) -> Result<Self, UserError> {
        match u16::try_from(value) {
            Ok(m) if (1..=Self::MAX).contains(&m) => Ok(Minutes(m)),
            _ => Err(UserError::MinutesOutOfRange { given: value.to_string() }),
        }
    }

    /// Reads minutes as typed ("45", "45m", "45min").
    pub fn parse(text: &str) -> Result<Self, UserError> {
        let trimmed = text.trim().to_lowercase();
        let digits = trimmed.trim_end_matches("minutes").trim_end_matches("min").trim_end_matches('m');
        match digits.trim().parse::<i64>() {
            Ok(value) => Minutes::new(value),
            Err(_) => Err(UserError::MinutesOutOfRange { given: text.trim().to_string() }),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

/// A short note about what was studied, stored as given (less NUL characters, see
/// `text.rs`). Renderers escape it, so a note can never ping anyone or inject markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note(String);

impl Note {
    pub const MAX_CHARS: usize = 500;

    pub fn new(text: &str) -> Result<Option<Self>, UserError> {
        let kept = super::text::kept_text(text);
        let length = kept.chars().count();
        if length == 0 {
            return Ok(None);
        }
        if length > Self::MAX_CHARS {
            return Err(UserError::NoteTooLong { length, max: Self::MAX_CHARS });
        }
        Ok(Some(Note(kept)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_outside_a_day_are_refused() {
        assert!(Minutes::new(0).is_err());
        assert!(Minutes::new(1441).is_err());
        assert_eq!(Minutes::new(1440).unwrap().get(), 1440);
        assert_eq!(Minutes::parse("45min").unwrap().get(), 45);
        assert!(Minutes::parse("lots").is_err());
    }

    #[test]
    fn a_long_note_is_refused_and_a_blank_one_is_no_note() {
        assert!(matches!(Note::new(&"x".repeat(5000)), Err(UserError::NoteTooLong { length: 5000, .. })));
        assert_eq!(Note::new("   ").unwrap(), None);
        assert_eq!(Note::new(" <@everyone> ").unwrap().unwrap().as_str(), "<@everyone>");
    }
}
