//! `DATABASE_URL`, checked at start: a SQLite file (the default) or a PostgreSQL server, and the
//! URL is never shown with its credentials or query string.
//!
//! A URL of another database used to fall through to SQLite, which read it as a file name and
//! quietly ran on a local file called `postgres:/user:pw@host/db`. Refusing it here, by the
//! variable's name, stops the start instead. Every message that names the URL uses
//! [`redact_url`], so a password in it never reaches a terminal or a log.

use super::ConfigError;
use std::fmt;
use std::path::PathBuf;

/// What a hidden part of a URL is replaced with.
const HIDDEN: &str = "[redacted]";
/// The advice every refusal ends with.
const EXPECTED: &str = "use a SQLite URL such as sqlite://data/backend-mentor.db (or sqlite::memory: for a database \
                        that lasts one run), or a PostgreSQL URL such as postgres://mentor@db-host/mentor";

/// A `DATABASE_URL` that names a SQLite or PostgreSQL database. Its `Debug` and `Display` are the redacted form.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Accepts `sqlite:` URLs (`sqlite://path`, `sqlite:path`, `sqlite::memory:`) and
    /// `postgres://` (or `postgresql://`) URLs; refuses every other scheme with a message that
    /// does not repeat the value.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let refuse = |problem: String| ConfigError { name: "DATABASE_URL", problem };
        let scheme = text.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("sqlite" | "postgres" | "postgresql") => Ok(DatabaseUrl(text.to_string())),
            Some("mysql" | "mariadb") => {
                Err(refuse(format!("this names a MySQL server, and MySQL is not supported; {EXPECTED}")))
            }
            _ => Err(refuse(format!("this is neither a SQLite nor a PostgreSQL URL; {EXPECTED}"))),
        }
    }

    /// The URL as configured, for the database driver only: never print it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with any user name, password and query string replaced, safe to print.
    pub fn redacted(&self) -> String {
        redact_url(&self.0)
    }

    /// The database file's path, or `None` for an in-memory database or a server.
    pub fn file_path(&self) -> Option<PathBuf> {
        if !self.0.get(.."sqlite:".len())?.eq_ignore_ascii_case("sqlite:") {
            return None;
        }
        let rest = self.0.get("sqlite:".len()..)?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split(['?', '#']).next().unwrap_or(rest);
        (!path.is_empty() && !path.starts_with(':')).then(|| PathBuf::from(path))
    }

    /// The parts of the URL a log must never show (password, user info, query string), as
    /// written and percent-decoded, for the log redactor.
    pub fn sensitive_parts(&self) -> Vec<String> {
        let (userinfo, query) = split_sensitive(&self.0);
        let mut parts: Vec<String> = userinfo.into_iter().chain(query).map(str::to_string).collect();
        let password = userinfo.and_then(|info| info.split_once(':')).map(|(_, password)| password);
        let query_values = query.into_iter().flat_map(|q| q.split('&')).filter_map(|pair| pair.split_once('='));
        for value in password.into_iter().chain(query_values.map(|(_, value)| value)) {
            parts.push(value.to_string());
            parts.push(percent_decode(value));
        }
        parts.retain(|part| !part.is_empty());
        parts
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// `url` with the user info (`user:password@`) and the query string (`?...`) hidden, and any
/// fragment dropped: `postgres://u:pw@host/db?sslkey=x` becomes
/// `postgres://[redacted]@host/db?[redacted]`. Storage uses it when it names the database.
pub fn redact_url(url: &str) -> String {
    let (userinfo, query) = split_sensitive(url);
    let mut shown = url.split('#').next().unwrap_or(url).to_string();
    if let Some(query) = query {
        shown = shown.replacen(&format!("?{query}"), &format!("?{HIDDEN}"), 1);
    }
    if let Some(userinfo) = userinfo {
        shown = shown.replacen(&format!("//{userinfo}@"), &format!("//{HIDDEN}@"), 1);
    }
    shown
}

/// The user info (between `//` and the last `@` before the path) and the query string (after the
/// first `?`, before any `#`) of `url`, when it has them.
fn split_sensitive(url: &str) -> (Option<&str>, Option<&str>) {
    let without_fragment = url.split('#').next().unwrap_or(url);
    let (before_query, query) = match without_fragment.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (without_fragment, None),
    };
    let userinfo = before_query.split_once("//").and_then(|(_, rest)| {
        let authority = rest.split('/').next().unwrap_or(rest);
        authority.rsplit_once('@').map(|(userinfo, _)| userinfo)
    });
    (userinfo, query)
}

/// Decodes `%XX` escapes, so a password written as `p%40ss` is also known as `p@ss`.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_are_accepted_as_written() {
        for url in ["sqlite://data/backend-mentor.db", "sqlite::memory:", "sqlite:mentor.db", "SQLITE:///tmp/x.db"] {
            assert_eq!(DatabaseUrl::parse(url).unwrap().expose(), url);
        }
    }

    #[test]
    fn the_file_path_is_what_follows_the_scheme_without_the_query() {
        let path = |url: &str| DatabaseUrl::parse(url).unwrap().file_path();
        assert_eq!(path("sqlite://data/m.db?mode=rwc"), Some(PathBuf::from("data/m.db")));
        assert_eq!(path("sqlite:///srv/m.db"), Some(PathBuf::from("/srv/m.db")));
        assert_eq!(path("sqlite:m.db"), Some(PathBuf::from("m.db")));
        assert_eq!(path("sqlite::memory:"), None);
    }

    #[test]
    fn a_postgres_url_is_accepted_and_shown_without_its_credentials() {
        let url = DatabaseUrl::parse("postgres://mentor:hunter2-pw@db.internal/mentor?sslmode=require").unwrap();
        let shown = format!("{url} {url:?}");
        assert!(!shown.contains("hunter2") && !shown.contains("mentor:") && !shown.contains("sslmode"), "{shown}");
        assert_eq!(url.file_path(), None, "a server has no file to create a folder for");
        assert!(url.sensitive_parts().iter().any(|part| part == "hunter2-pw"));
        assert!(DatabaseUrl::parse("postgresql://a@b/c").is_ok());
    }

    #[test]
    fn other_schemes_and_bare_paths_are_refused_without_echoing_the_value() {
        for value in ["mysql://root:s3cr3t-value@host/db", "data/mentor.db", "file:s3cr3t-value.db", "s3cr3t-value"] {
            let error = DatabaseUrl::parse(value).unwrap_err();
            assert_eq!(error.name, "DATABASE_URL");
            assert!(!error.to_string().contains("s3cr3t") && !error.to_string().contains(value), "{error}");
            assert!(error.to_string().contains("sqlite://"), "{error}");
        }
    }

    #[test]
    fn the_redacted_form_hides_user_info_and_query_but_keeps_the_place() {
        assert_eq!(
            redact_url("postgres://u:pw@host:5432/db?sslkey=k#frag"),
            "postgres://[redacted]@host:5432/db?[redacted]"
        );
        assert_eq!(redact_url("sqlite://data/a@b.db"), "sqlite://data/a@b.db");
        assert_eq!(redact_url("sqlite:///srv/mentor.db?mode=rwc"), "sqlite:///srv/mentor.db?[redacted]");
        let url = DatabaseUrl::parse("sqlite://data/x.db?key=hidden-key").unwrap();
        assert!(!format!("{url} {url:?}").contains("hidden-key"));
    }

    #[test]
    fn sensitive_parts_include_the_password_as_written_and_decoded() {
        let url = DatabaseUrl::parse("sqlite://me:p%40ss-word@host/x.db?k=v&key=s%2Fcret").unwrap();
        let parts = url.sensitive_parts();
        for expected in ["me:p%40ss-word", "p%40ss-word", "p@ss-word", "k=v&key=s%2Fcret", "s%2Fcret", "s/cret"] {
            assert!(parts.iter().any(|p| p == expected), "{expected} missing from {parts:?}");
        }
    }
}
