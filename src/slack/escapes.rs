//! Slack's escaped command text (the manifest sets `should_escape`): a user mention
//! `<@U0123|ada>` becomes the user id the core names members by, a link `<https://x|label>` its
//! address, `<!here>` the word, and `&lt; &gt; &amp;` their characters. Channel mentions stay
//! as Slack writes them (`<#C0123|rust>`): the grammar reads them as study groups.

/// The text as the grammar reads it.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let token = &rest[start + 1..start + end];
        let target = token.split('|').next().unwrap_or("");
        match target.chars().next() {
            Some('@') => out.push_str(&target[1..]),
            Some('#') => out.push_str(&rest[start..=start + end]),
            Some('!') => out.push_str(&format!("@{}", &target[1..])),
            _ => out.push_str(target),
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn mentions_links_and_entities_read_as_typed_and_channels_stay() {
        assert_eq!(unescape("setup moderator add <@U0ADA|ada>"), "setup moderator add U0ADA");
        assert_eq!(unescape("group join <#C0RUST|rust>"), "group join <#C0RUST|rust>");
        assert_eq!(
            unescape("faq what is <https://example.com|example.com> &amp; &lt;b&gt;"),
            "faq what is https://example.com & <b>"
        );
        assert_eq!(unescape("faq a < b"), "faq a < b");
    }
}
