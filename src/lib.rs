//! backend-mentor: a chat bot that mentors people learning backend development.
//!
//! Layers, from the inside out: `content` (the bundled curriculum and its search) and `domain`
//! (streak rules, time zones) are pure; `storage` holds every SQL query; `app` is the one API
//! that the front ends (`console`, and Discord and Slack as they land) call. `config`,
//! `telemetry` and `startup` wire it together. See ARCHITECTURE.md.

#![warn(unreachable_pub)]

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod console;
pub mod content;
pub mod discord;
pub mod domain;
pub mod error;
pub mod grammar;
pub mod heatmap;
pub mod ops;
pub mod present;
mod recent;
pub mod scheduler;
pub mod slack;
pub mod startup;
pub mod storage;
pub mod telemetry;
