//! How much text one message part may hold on a platform. Each platform supplies its own (the
//! Discord adapter its embed limits); content is validated against the tightest of those the
//! binary serves, so an entry that fits is shown whole everywhere.

/// One platform's limits on what the content's entries become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderLimits {
    /// The platforms these limits are for, for problem messages.
    pub platforms: &'static str,
    /// A title, a question or a name offered as an autocomplete choice.
    pub choice_name: usize,
    /// A message's main text.
    pub body: usize,
    /// One labelled part of a message.
    pub field_value: usize,
    /// A whole message.
    pub total: usize,
}

impl RenderLimits {
    /// No limits: for front ends that show any length (the terminal).
    pub const NONE: RenderLimits = RenderLimits {
        platforms: "every platform",
        choice_name: usize::MAX,
        body: usize::MAX,
        field_value: usize::MAX,
        total: usize::MAX,
    };

    /// The smallest of each limit; `platforms` names the set.
    pub fn tightest(all: &[RenderLimits], platforms: &'static str) -> RenderLimits {
        all.iter().fold(RenderLimits { platforms, ..RenderLimits::NONE }, |a, b| RenderLimits {
            platforms,
            choice_name: a.choice_name.min(b.choice_name),
            body: a.body.min(b.body),
            field_value: a.field_value.min(b.field_value),
            total: a.total.min(b.total),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tightest_limits_take_the_smallest_of_each() {
        let a = RenderLimits { platforms: "a", choice_name: 100, body: 4000, field_value: 1024, total: 5000 };
        let b = RenderLimits { platforms: "b", choice_name: 75, body: 3000, field_value: 2000, total: 9000 };
        let both = RenderLimits::tightest(&[a, b], "a and b");
        assert_eq!(
            both,
            RenderLimits { platforms: "a and b", choice_name: 75, body: 3000, field_value: 1024, total: 5000 }
        );
        assert_eq!(RenderLimits::tightest(&[], "none"), RenderLimits { platforms: "none", ..RenderLimits::NONE });
    }
}
