//! What validation reports: a problem, named by the file and entry it is in, and the values it
//! checks, each with the file it was read from.

use std::fmt;

/// A value together with the content file it was read from.
pub(crate) struct Sourced<T> {
    pub file: String,
    pub value: T,
}

impl<T> Sourced<T> {
    pub(crate) fn new(file: &str, value: T) -> Self {
        Sourced { file: file.to_string(), value }
    }
}

/// One thing wrong with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub entry: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), entry: None, message: message.into() }
    }

    pub fn entry(file: &str, entry: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), entry: Some(entry.to_string()), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}, entry `{}`: {}", self.file, entry, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
