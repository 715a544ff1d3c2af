//! The console's command list as `/help` shows it: usage and what each command does.

/// Every console command: name, options, and the line shown by /help.
pub const COMMANDS: &[(&str, &str)] = &[
    ("/roadmap [step]", "the learning path, or one step by number or name (/roadmap 4, /roadmap docker)"),
    ("/compare <a> <b>", "two technologies side by side (/compare postgres mongodb)"),
    ("/faq [question]", "ask anything about becoming a backend developer"),
    ("/prompt", "today's learning prompt"),
    ("/career [section]", "the career map: tracks, specializations, levels, salaries"),
    ("/checkin [minutes] [note]", "count today as a study day (/checkin 45 read about indexes)"),
    ("/streak [rules]", "your streak, totals, freezes, rank and a heatmap image; /streak rules explains them"),
    ("/history", "your last 14 days, pauses, and moderator corrections"),
    ("/pause <from> <days>", "pause your streak (/pause 2026-03-10 5, /pause today 3, /pause cancel)"),
    ("/group join|leave|list [name]", "study groups (/group join night owls)"),
    (
        "/leaderboard [group] [period] [metric] [page]",
        "week|month|all-time, streak|days|minutes (/leaderboard week days)",
    ),
    ("/privacy export|delete", "a JSON file of your data, or delete it all (/privacy delete confirm)"),
    ("/correct add|remove <user> <date> <reason>", "moderators: fix a member's day, logged with the reason"),
    ("/boards on|off", "moderators: let members see leaderboards (off by default)"),
    (
        "/setup prompts <time> <zone> [days]",
        "post the daily prompt here (/setup prompts 09:00 Europe/Berlin); show|off|preview",
    ),
    (
        "/nudges on|off [time] [days] [snooze-until]",
        "a daily study nudge when you haven't checked in (/nudges on 19:00)",
    ),
    ("/clock <time>|+1d|off", "for local trials: set the console's clock (UTC), off by default"),
    ("/topics <step> <numbers|none>", "tick a step's checklist topics done (/topics 4 1,2,5)"),
    ("/progress <step> <status>", "mark a step learning, done, skipped or reset (/progress 1 done)"),
    ("/settings timezone:<zone>", "set your time zone (/settings timezone:Europe/Berlin)"),
    ("/help", "this list"),
    ("/quit", "leave the console"),
];
