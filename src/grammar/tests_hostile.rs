//! The grammar's refusals: unknown commands with clap's typo suggestion, unknown options with
//! the known ones, never clap's own text; hostile input (pages of text, control characters,
//! any Unicode) never panics and is echoed cut short. Also that the catalog and the grammar
//! name the same commands.

use super::tests::mentor;
use super::*;
use proptest::prelude::*;

fn refusal(line: &str) -> UsageError {
    parse_line(line).expect_err(line)
}

#[test]
fn unknown_commands_get_clap_s_suggestion_in_our_words() {
    for (typed, meant) in [("/roadmp 4", "roadmap"), ("/chekin", "checkin"), ("/leaderbord", "leaderboard")] {
        assert_eq!(
            refusal(typed),
            UsageError::UnknownCommand {
                name: typed[1..].split(' ').next().unwrap().into(),
                suggestion: Some(meant.into())
            }
        );
    }
    let text = refusal("/roadmp 4").to_string();
    assert_eq!(text, "There is no /roadmp command. Did you mean /roadmap? Type /help to see them all.");
    assert_eq!(refusal("/dance now").to_string(), "There is no /dance command. Type /help to see them all.");
    assert_eq!(refusal("   "), UsageError::Empty);
    assert!(matches!(refusal("/"), UsageError::UnknownCommand { suggestion: None, .. }));
    assert!(matches!(
        parse_slack("clockk", "C1", "learning"),
        Err(UsageError::UnknownCommand { suggestion: None, .. })
    ));
}

#[test]
fn unknown_options_list_the_known_ones() {
    let settings =
        UsageError::UnknownOption { command: "settings".into(), option: "nudges".into(), known: "timezone".into() };
    assert_eq!(refusal("/settings nudges:on"), settings);
    assert_eq!(refusal("/pause X:1").to_string(), "/pause has no option \"X\". Its options are: from, days.");
    assert!(
        matches!(refusal("/nudges on hour:19"), UsageError::UnknownOption { known, .. } if known == "time, days, snooze-until")
    );
    // A command whose last option takes the rest reads such words as text.
    assert_eq!(mentor("/faq what is http:2"), Command::Faq { question: Some("what is http:2".into()) });
}

#[test]
fn every_refusal_is_one_short_line_of_our_words() {
    let page = "x".repeat(5000);
    let lines = [
        format!("/settings timezone:{page}"),
        format!("/{page}"),
        format!("/checkin {page}"),
        format!("/pause {page}"),
        format!("/settings {page}:1"),
        format!("/topics 4 {page}"),
        "/checkin \u{1b}[2J \u{0}\u{7}".to_string(),
        "/--help".to_string(),
        "/checkin --help".to_string(),
        "/-".to_string(),
    ];
    let mut texts = Vec::new();
    for line in &lines {
        let Err(e) = parse_line(line) else { continue };
        let text = e.to_string();
        texts.push(text.clone());
        assert!(text.chars().count() < 300, "{}", text.chars().take(200).collect::<String>());
        assert!(!text.contains("Usage:") && !text.contains("error:") && !text.contains('\u{1b}'), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
    let cut = format!("{}…", "x".repeat(59));
    assert_eq!(texts.iter().filter(|t| t.contains(&cut)).count(), 5, "each page is echoed cut: {texts:?}");
}

#[test]
fn clap_s_own_flags_are_just_words() {
    assert_eq!(mentor("/faq --help"), Command::Faq { question: Some("--help".into()) });
    assert_eq!(
        mentor("/checkin 10 --note=-x"),
        Command::CheckIn {
            minutes: Some(crate::domain::Minutes::new(10).unwrap()),
            note: crate::domain::Note::new("--note=-x").unwrap(),
        }
    );
    assert_eq!(mentor("/roadmap help:1"), Command::Roadmap { step: Some("help:1".into()) });
}

#[test]
fn the_catalog_and_the_grammar_name_the_same_commands() {
    let console: Vec<&str> = CONSOLE.get_subcommands().map(|c| c.get_name()).collect();
    let slack: Vec<&str> = SLACK.get_subcommands().map(|c| c.get_name()).collect();
    for info in catalog::COMMANDS {
        assert!(console.contains(&info.name), "{} is not in the grammar", info.name);
        assert_eq!(slack.contains(&info.name), !info.console_only, "{} on Slack", info.name);
        let about = CONSOLE.find_subcommand(info.name).and_then(|c| c.get_about()).map(|a| a.to_string());
        assert_eq!(about.as_deref(), Some(info.description));
    }
    assert_eq!(console.len(), catalog::COMMANDS.len(), "{console:?}");
}

const WORDS: &[&str] = &[
    "on", "OFF", "export", "delete", "confirm", "join", "prompts", "cancel", "rules", "none", "done", "week", "4",
    "1,2", "-1", "x:", ":", "a:", "note:", "minutes:", "\"", "--", "-", "--help", "=", "1e309", "NaN", "09:00",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,12}",
        2 => "[\\x00-\\x1f\\x7f\u{202e}a-z0-9 :,+\"=-]{0,12}",
        3 => prop::sample::select(WORDS).prop_map(String::from),
        1 => (0usize..3000, any::<char>()).prop_map(|(n, c)| c.to_string().repeat(n)),
    ]
}

fn line() -> impl Strategy<Value = String> {
    let names: Vec<String> =
        catalog::COMMANDS.iter().map(|c| c.name.to_string()).chain(["exit".into(), "x".into()]).collect();
    (prop::sample::select(names), prop::collection::vec(word(), 0..6), any::<bool>())
        .prop_map(|(name, words, slash)| format!("{}{name} {}", if slash { "/" } else { "" }, words.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_line_panics_and_every_refusal_is_short(line in prop_oneof![3 => line(), 1 => "\\PC{0,40}"]) {
        for result in [parse_line(&line).err(), parse_slack(&line, "C1", "learning").err()] {
            let Some(refusal) = result else { continue };
            let text = refusal.to_string();
            prop_assert!(!matches!(refusal, UsageError::Unreadable { .. }), "{line:?}: {text}");
            prop_assert!(text.chars().count() < 400, "{line:?}: {text}");
        }
    }
}
