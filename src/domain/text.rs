//! Text from outside (a note, a correction's reason, a role or channel name), as it is kept:
//! trimmed and without NUL characters. PostgreSQL cannot store a NUL in text at all, so both
//! stores keep the same text and no input turns into a database error. Every other character
//! is kept as given; renderers escape what a terminal or a chat would act on.

/// `text` trimmed and without NUL characters.
pub fn kept_text(text: &str) -> String {
    let kept: String = text.chars().filter(|&c| c != '\0').collect();
    kept.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::kept_text;

    #[test]
    fn nul_characters_are_dropped_and_everything_else_kept() {
        assert_eq!(kept_text("  read\0 a chapter\n  "), "read a chapter");
        assert_eq!(kept_text("line one\nline\ttwo \u{1b}[31m"), "line one\nline\ttwo \u{1b}[31m");
        assert_eq!(kept_text("\0 \0"), "");
    }
}
