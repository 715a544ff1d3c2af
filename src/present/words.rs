//! Small pieces of wording shared by every view: counts with the right plural.

/// "1 day", "3 days".
pub fn days(n: impl Into<i64>) -> String {
    count(n.into(), "day", "days")
}

/// "1 minute", "30 minutes".
pub fn minutes(n: impl Into<i64>) -> String {
    count(n.into(), "minute", "minutes")
}

/// A number with its noun, singular for exactly one.
pub fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(days(1u32), "1 day");
        assert_eq!(days(0u32), "0 days");
        assert_eq!(minutes(45), "45 minutes");
        assert_eq!(count(-1, "day", "days"), "-1 days");
    }
}
