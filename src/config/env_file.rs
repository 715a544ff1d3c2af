//! The `.env` file: read from the current folder only, and never quoted back when it is broken.
//!
//! `dotenvy::dotenv()` walks up through the parent folders until it finds a `.env`, so a file
//! in a home or shared folder could hand the bot a token or a proxy nobody meant it to use; the
//! README promises `./.env`, so that is the only file read. dotenvy's parse error carries the
//! offending line's text (a token, often), so its message is never shown: the file and line
//! number are worked out here instead. Variables already set in the environment win over the file.

use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// What start-up found in the current folder, for the log once logging is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvFile {
    Loaded(PathBuf),
    Absent(PathBuf),
}

/// A `.env` that exists but cannot be used. The messages name the file and the line, never the
/// line's text, which may hold a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvFileError {
    /// A line that is not `NAME=value` (or a comment).
    BadLine { path: PathBuf, line: usize },
    /// A quote opened on `line` and never closed before the end of the file.
    UnclosedQuote { path: PathBuf, line: usize },
    /// The file could not be read at all (permissions, not UTF-8, ...).
    Unreadable { path: PathBuf, kind: ErrorKind },
}

impl fmt::Display for EnvFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvFileError::BadLine { path, line } => write!(
                f,
                "{}, line {line}: this line is not a NAME=value setting or a # comment (its text is not shown, as it may hold a secret)",
                path.display()
            ),
            EnvFileError::UnclosedQuote { path, line } => {
                write!(f, "{}, line {line}: a quoted value starts here and is never closed", path.display())
            }
            EnvFileError::Unreadable { path, kind } => write!(f, "{} could not be read ({kind})", path.display()),
        }
    }
}

impl std::error::Error for EnvFileError {}

/// Reads `folder/.env` and sets each variable it holds that the environment does not already
/// set. A missing file is not an error. Call it before any thread starts (it sets variables).
pub fn load_env_file(folder: &Path) -> Result<EnvFile, EnvFileError> {
    let path = folder.join(".env");
    let Some(settings) = read_env_file(&path)? else {
        return Ok(EnvFile::Absent(path));
    };
    for (name, value) in settings {
        if std::env::var_os(&name).is_none() {
            std::env::set_var(name, value);
        }
    }
    Ok(EnvFile::Loaded(path))
}

/// The settings in the file at `path`, in order; `None` when there is no such file.
pub fn read_env_file(path: &Path) -> Result<Option<Vec<(String, String)>>, EnvFileError> {
    let content = match std::fs::read_to_string(path) {
        Ok(content) => content,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(EnvFileError::Unreadable { path: path.to_path_buf(), kind: e.kind() }),
    };
    let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
    let mut settings = Vec::new();
    for item in dotenvy::from_read_iter(content.as_bytes()) {
        match item {
            Ok(setting) => settings.push(setting),
            Err(dotenvy::Error::LineParse(text, index)) => return Err(locate(path, content, &text, index)),
            Err(_) => return Err(EnvFileError::Unreadable { path: path.to_path_buf(), kind: ErrorKind::InvalidData }),
        }
    }
    Ok(Some(settings))
}

/// Turns dotenvy's (text, position in it) into a line number of the file. The text is a whole
/// entry, which starts a line and may span several while a quote is open, or only the value
/// after `=`; a position at its very end means a quote never closed.
fn locate(path: &Path, content: &str, text: &str, index: usize) -> EnvFileError {
    let mut line_starts = std::iter::once(0).chain(content.match_indices('\n').map(|(at, _)| at + 1));
    let after_equals =
        || content.match_indices(text).map(|(at, _)| at).find(|&at| content[..at].ends_with(['=', '"', '\'']));
    let start = line_starts
        .find(|&at| content[at..].starts_with(text))
        .or_else(after_equals)
        .or_else(|| content.find(text))
        .unwrap_or(0);
    let first_line = content[..start].matches('\n').count() + 1;
    let path = path.to_path_buf();
    if index >= text.len() && text.contains(['"', '\'']) {
        return EnvFileError::UnclosedQuote { path, line: first_line };
    }
    let before_error = text.as_bytes().get(..index).unwrap_or(text.as_bytes());
    let line = first_line + before_error.iter().filter(|&&byte| byte == b'\n').count();
    EnvFileError::BadLine { path, line }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn settings_are_read_in_order_and_comments_skipped() {
        let (_dir, path) = env_file("# a comment\nA=1\nB=\"two words\"\n\nC='x' # trailing\n");
        let settings = read_env_file(&path).unwrap().unwrap();
        let names: Vec<&str> = settings.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert_eq!(settings[1].1, "two words");
    }

    #[test]
    fn a_missing_file_is_no_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_env_file(&dir.path().join(".env")).unwrap(), None);
    }

    #[test]
    fn an_unclosed_quote_names_the_file_and_line_but_not_the_text() {
        let (_dir, path) = env_file("LOG_FORMAT=json\n# note\nDISCORD_TOKEN=\"abc-secret-token\nRUST_LOG=info\n");
        let error = read_env_file(&path).unwrap_err();
        assert_eq!(error, EnvFileError::UnclosedQuote { path: path.clone(), line: 3 });
        let shown = error.to_string();
        assert!(shown.contains(&path.display().to_string()) && shown.contains("line 3"), "{shown}");
        assert!(!shown.contains("abc-secret") && !shown.contains("DISCORD_TOKEN"), "{shown}");
    }

    #[test]
    fn a_line_that_is_not_a_setting_is_named_by_its_number() {
        let (_dir, path) = env_file("A=1\nB=2\nnot a setting secret-text\nC=3\n");
        assert_eq!(read_env_file(&path).unwrap_err(), EnvFileError::BadLine { path: path.clone(), line: 3 });
        let (_dir, path) = env_file("A=1\nTOKEN=abc\\qsecret\n");
        let error = read_env_file(&path).unwrap_err();
        assert_eq!(error, EnvFileError::BadLine { path, line: 2 });
        assert!(!error.to_string().contains("qsecret"));
    }
}
