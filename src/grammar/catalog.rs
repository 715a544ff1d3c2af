//! The text commands in one list: each name with its usage line and what it does. The grammar
//! takes its `about`s from here (`describe`), `/help` is generated from it (`help_text`), and a
//! test checks that this list and the grammar name the same commands.

/// One text command as `/help` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    /// The command word, as typed after the slash (console) or after `/mentor` (Slack).
    pub name: &'static str,
    /// The words after the name, as a usage line: `[optional]`, `<required>`, `a|b` choices.
    pub usage: &'static str,
    pub description: &'static str,
    /// Only the console has it (the clock of local trials, leaving the REPL).
    pub console_only: bool,
}

const fn shared(name: &'static str, usage: &'static str, description: &'static str) -> CommandInfo {
    CommandInfo { name, usage, description, console_only: false }
}

const fn console(name: &'static str, usage: &'static str, description: &'static str) -> CommandInfo {
    CommandInfo { name, usage, description, console_only: true }
}

/// Every text command, in the order `/help` lists them.
pub const COMMANDS: &[CommandInfo] = &[
    shared("roadmap", "[step]", "the learning path, or one step by number or name (/roadmap 4, /roadmap docker)"),
    shared("compare", "<a> <b> [c]", "two or three technologies side by side (/compare postgres mongodb)"),
    shared("faq", "[question]", "ask anything about becoming a backend developer"),
    shared("prompt", "", "today's learning prompt"),
    shared("career", "[section]", "the career map: tracks, specializations, levels, salaries"),
    shared("checkin", "[minutes] [note]", "count today as a study day (/checkin 45 read about indexes)"),
    shared("streak", "[rules]", "your streak, totals, freezes, rank and a heatmap image; /streak rules explains them"),
    shared("history", "", "your last 14 days, pauses, and moderator corrections"),
    shared("pause", "<from> <days>", "pause your streak (/pause 2026-03-10 5, /pause today 3, /pause cancel)"),
    shared("group", "join|leave|list [name]", "study groups (/group join night owls)"),
    shared(
        "leaderboard",
        "[group] [period] [metric] [page]",
        "week|month|all-time, streak|days|minutes (/leaderboard week days)",
    ),
    shared("privacy", "export|delete", "a JSON file of your data, or delete it all (/privacy delete confirm)"),
    shared("correct", "add|remove <user> <date> <reason>", "moderators: fix a member's day, logged with the reason"),
    shared("boards", "on|off", "moderators: let members see leaderboards (off by default)"),
    shared(
        "setup",
        "prompts <time> <zone> [days]",
        "post the daily prompt here (/setup prompts 09:00 Europe/Berlin); show|off|preview; moderator add|remove <user>",
    ),
    shared(
        "nudges",
        "on|off [time] [days] [snooze-until]",
        "a daily study nudge when you haven't checked in (/nudges on 19:00)",
    ),
    console("clock", "<time>|+1d|off", "for local trials: set the console's clock (UTC), off by default"),
    shared("topics", "<step> <numbers|none>", "tick a step's checklist topics done (/topics 4 1,2,5)"),
    shared("progress", "<step> <status>", "mark a step learning, done, skipped or reset (/progress 1 done)"),
    shared("settings", "timezone:<zone>", "set your time zone (/settings timezone:Europe/Berlin)"),
    shared("help", "", "this list"),
    console("quit", "", "leave the console"),
];

/// The entry for a command word, if it is one.
pub fn find(name: &str) -> Option<&'static CommandInfo> {
    COMMANDS.iter().find(|c| c.name == name)
}

impl CommandInfo {
    /// `/name usage`, as `/help` and usage errors show it.
    pub fn usage_line(&self) -> String {
        if self.usage.is_empty() {
            format!("/{}", self.name)
        } else {
            format!("/{} {}", self.name, self.usage)
        }
    }
}

/// How the grammar reads the words after a command, for the end of `/help`.
pub const HOW_OPTIONS_GO: &str =
    "\nOptions go in order (/compare postgres mongodb) or by name (/checkin minutes:30 note:\"joins\").\n";

/// The console's `/help`: one line per command, `/name usage: description`.
pub fn help_text() -> String {
    help_lines("/", COMMANDS.iter())
}

/// Slack's help: the shared commands as `/mentor name usage: description`.
pub fn slack_help_text() -> String {
    help_lines("/mentor ", COMMANDS.iter().filter(|c| !c.console_only))
}

fn help_lines<'a>(prefix: &str, commands: impl Iterator<Item = &'a CommandInfo>) -> String {
    let mut text = String::from("Commands\n");
    for command in commands {
        let usage = command.usage_line();
        text.push_str(&format!("  {prefix}{}: {}\n", &usage[1..], command.description));
    }
    text.push_str(HOW_OPTIONS_GO);
    text
}

/// Sets each subcommand's `about` (and the usage clap would show) from this list.
pub(crate) fn describe(mut grammar: clap::Command) -> clap::Command {
    for info in COMMANDS {
        if grammar.find_subcommand(info.name).is_some() {
            grammar =
                grammar.mut_subcommand(info.name, |c| c.about(info.description).override_usage(info.usage_line()));
        }
    }
    grammar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_command_with_its_usage_and_description() {
        let help = help_text();
        assert!(help.contains("  /checkin [minutes] [note]: count today as a study day"), "{help}");
        assert!(help.contains("  /prompt: today's learning prompt\n"), "{help}");
        assert_eq!(help.lines().filter(|l| l.starts_with("  /")).count(), COMMANDS.len());
        assert!(help.ends_with(HOW_OPTIONS_GO));
    }

    #[test]
    fn slack_help_leaves_out_the_console_s_own_commands() {
        let help = slack_help_text();
        assert!(help.contains("  /mentor checkin [minutes] [note]: count today"), "{help}");
        assert!(!help.contains("clock") && !help.contains("quit"), "{help}");
    }

    #[test]
    fn names_are_unique_and_lowercase() {
        for (i, c) in COMMANDS.iter().enumerate() {
            assert_eq!(c.name, c.name.to_lowercase());
            assert!(COMMANDS[i + 1..].iter().all(|o| o.name != c.name), "{} twice", c.name);
        }
    }
}
