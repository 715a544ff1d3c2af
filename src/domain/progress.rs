//! Roadmap progress: each step is not started, being learned, done or skipped, and the percent
//! complete counts done and skipped steps over all steps.

/// Where a member stands on one roadmap step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StepStatus {
    #[default]
    NotStarted,
    Learning,
    Done,
    Skipped,
}

impl StepStatus {
    /// The stored and typed name ("learning", "done", "skipped"); not-started is never stored.
    pub fn as_str(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not-started",
            StepStatus::Learning => "learning",
            StepStatus::Done => "done",
            StepStatus::Skipped => "skipped",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "learning" | "started" | "start" | "in-progress" => Some(StepStatus::Learning),
            "done" | "complete" | "completed" | "finished" => Some(StepStatus::Done),
            "skipped" | "skip" => Some(StepStatus::Skipped),
            "not-started" | "reset" | "clear" => Some(StepStatus::NotStarted),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::Learning => "Learning",
            StepStatus::Done => "Done",
            StepStatus::Skipped => "Skipped",
        }
    }

    /// A one-character mark for lists.
    pub fn mark(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "○",
            StepStatus::Learning => "◐",
            StepStatus::Done => "●",
            StepStatus::Skipped => "◌",
        }
    }

    fn completes(self) -> bool {
        matches!(self, StepStatus::Done | StepStatus::Skipped)
    }
}

/// (done + skipped) / total, rounded down to a whole percent.
pub fn percent_complete(statuses: &[StepStatus]) -> u8 {
    if statuses.is_empty() {
        return 0;
    }
    let complete = statuses.iter().filter(|s| s.completes()).count();
    (complete * 100 / statuses.len()) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_and_skipped_steps_both_count_towards_completion() {
        use StepStatus::*;
        assert_eq!(percent_complete(&[Done, Skipped, Learning, NotStarted]), 50);
        assert_eq!(percent_complete(&[]), 0);
    }

    #[test]
    fn statuses_read_the_words_people_type() {
        assert_eq!(StepStatus::parse("Done"), Some(StepStatus::Done));
        assert_eq!(StepStatus::parse("skip"), Some(StepStatus::Skipped));
        assert_eq!(StepStatus::parse("maybe"), None);
    }
}
