//! The one integration-test binary (one link instead of many): flows through `App` on real
//! SQLite files, the console and command line as a user runs them, content checks, search
//! quality, and the tidy invariants.

#![allow(dead_code)]

mod app_flows;
mod board_pages;
mod checkin_batches;
mod cli;
mod commands;
mod common;
mod console_input;
mod console_schedule;
mod console_streaks;
mod content_check;
mod deliveries;
mod discord_e2e;
mod discord_faults;
mod discord_http;
mod discord_records_e2e;
mod discord_render;
mod discord_schedule_e2e;
mod discord_schedule_faults;
mod discord_shards;
mod disk_full;
mod fake_discord;
mod fake_slack;
mod hostile_app_props;
mod hostile_inputs;
mod hostile_props;
mod ops_listener;
mod pg_connections;
mod privacy_schema;
mod root;
mod same_answer;
mod scheduler;
mod scheduler_handover;
mod scheduler_processes;
mod search_eval;
mod search_pruning;
mod secrets;
mod slack_bot;
mod slack_clicks;
mod slack_e2e;
mod slack_home;
mod slack_http;
mod slack_schedule;
mod store_faults;
mod stored_values;
mod streak_flows;
mod streak_props;
mod tidy;
mod tidy_layers;
