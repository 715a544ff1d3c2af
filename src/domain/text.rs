//! Text from outside (a note, a correction's reason, a role or channel name), as it is kept:
//! trimmed and without NUL characters. PostgreSQL cannot store a NUL in text at all, so both
//! stores keep the same text and no input turns into a database error. Every other character
//! is kept as given; renderers escape what a terminal or a chat would act on.

/// `text` trimmed and without NUL characters.
pub fn kept_text(text: &str) -> String {
    let kept: String = text.chars().filter(|&c| c != '\0').collect();
    kept.trim().to_string()
}

/// A member named by their id from outside (a moderator's option naming whom to correct or
/// appoint): trimmed, and `None` when that leaves nothing or a control character (a NUL among
/// them, which PostgreSQL cannot store), since no platform's ids hold one.
pub fn member_id_given(text: &str) -> Option<&str> {
    let id = text.trim();
    (!id.is_empty() && !id.chars().any(char::is_control)).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::{kept_text, member_id_given};

    #[test]
    fn a_member_id_is_trimmed_and_one_with_control_characters_names_nobody() {
        assert_eq!(member_id_given(" 123456789012345678 "), Some("123456789012345678"));
        assert_eq!(member_id_given("U024BE7LH"), Some("U024BE7LH"));
        assert_eq!(member_id_given("\0"), None);
        assert_eq!(member_id_given("12\u{7}34"), None);
        assert_eq!(member_id_given("   "), None);
    }

    #[test]
    fn nul_characters_are_dropped_and_everything_else_kept() {
        assert_eq!(kept_text("  read\0 a chapter\n  "), "read a chapter");
        assert_eq!(kept_text("line one\nline\ttwo \u{1b}[31m"), "line one\nline\ttwo \u{1b}[31m");
        assert_eq!(kept_text("\0 \0"), "");
    }
}
