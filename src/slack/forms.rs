//! Slack's modals: the member's settings (time zone, nudges on or off, their time, weekdays and
//! a snooze date, with Block Kit's time and date pickers and checkboxes) and "Log a check-in"
//! (minutes and a note), opened from the Home tab's buttons or the global shortcut. A submission
//! is read into the same `Command` the slash command would give; a value the domain refuses is
//! shown under its field (`response_action: errors`) and nothing is saved; a saved change closes
//! the modal and redraws the Home tab, and a check-in's answer arrives by direct message.

use super::blocks::messages;
use super::home;
use super::Core;
use crate::app::NudgeSettingsView;
use crate::commands::{self, Caller, Command, NudgeChange, SettingsChange};
use crate::domain::checkin::{Minutes, Note};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{CallerRights, MemberRef, Platform, Timezone};
use crate::error::{Error, UserError};
use crate::present::{self, Reply};
use chrono::{NaiveDate, Weekday};
use serde_json::{json, Value};
use slack_morphism::prelude::*;
use std::collections::HashMap;

/// The global shortcut's `callback_id`, as the manifest declares it.
pub const CHECK_IN_SHORTCUT: &str = "log_checkin";
const SETTINGS_FORM: &str = "settings";
const CHECK_IN_FORM: &str = "checkin";
const DAYS: [(&str, &str, Weekday); 7] = [
    ("mon", "Monday", Weekday::Mon),
    ("tue", "Tuesday", Weekday::Tue),
    ("wed", "Wednesday", Weekday::Wed),
    ("thu", "Thursday", Weekday::Thu),
    ("fri", "Friday", Weekday::Fri),
    ("sat", "Saturday", Weekday::Sat),
    ("sun", "Sunday", Weekday::Sun),
];

/// Opens the settings modal, filled with the member's settings.
pub(super) async fn open_settings(core: &Core, member: &MemberRef, trigger: SlackTriggerId) {
    let now = core.clock.now();
    let settings = async {
        Ok::<_, Error>((core.app.member_timezone(member).await?, core.app.nudge_settings(member, now).await?))
    };
    let view = match settings.await {
        Ok((zone, nudges)) => settings_view(zone, nudges.as_ref()),
        Err(error) => return commands::log_failure(&error, "settings form", false),
    };
    open(core, trigger, view).await;
}

/// Opens the "Log a check-in" modal.
pub(super) async fn open_check_in(core: &Core, trigger: SlackTriggerId) {
    let blocks = json!([
        input(
            "minutes",
            "Minutes studied",
            true,
            json!({
                "type": "number_input", "action_id": "minutes", "is_decimal_allowed": false,
                "min_value": "1", "max_value": Minutes::MAX.to_string(),
            })
        ),
        input(
            "note",
            "What did you study?",
            true,
            json!({
                "type": "plain_text_input", "action_id": "note", "multiline": true, "max_length": Note::MAX_CHARS,
            })
        ),
    ]);
    open(core, trigger, modal(CHECK_IN_FORM, "Log a check-in", "Check in", blocks)).await;
}

async fn open(core: &Core, trigger: SlackTriggerId, view: SlackView) {
    let request = SlackApiViewsOpenRequest::new(trigger, view);
    if let Err(e) = core.web.session().views_open(&request).await {
        tracing::warn!(error = %e, "a Slack modal could not be opened");
    }
}

fn settings_view(zone: Timezone, nudges: Option<&NudgeSettingsView>) -> SlackView {
    let (time, days) = match nudges {
        Some(n) => (n.schedule.time, n.schedule.weekdays),
        None => (LocalTime::DEFAULT_NUDGE, Weekdays::EVERY_DAY),
    };
    let option = |value: &str, label: &str| json!({ "text": { "type": "plain_text", "text": label }, "value": value });
    let (on, off) = (option("on", "On"), option("off", "Off"));
    let ticked: Vec<Value> = DAYS.iter().filter(|d| days.contains(d.2)).map(|d| option(d.0, d.1)).collect();
    let mut snooze = json!({ "type": "datepicker", "action_id": "snooze" });
    if let Some(last) = nudges.and_then(|n| n.snooze_until) {
        snooze["initial_date"] = json!(last.to_string());
    }
    let blocks = json!([
        input(
            "zone",
            "Time zone (such as Europe/Berlin)",
            false,
            json!({
                "type": "plain_text_input", "action_id": "zone", "initial_value": zone.name(),
            })
        ),
        input(
            "nudges",
            "Study nudges",
            false,
            json!({
                "type": "radio_buttons", "action_id": "nudges", "options": [on.clone(), off.clone()],
                "initial_option": if nudges.is_some() { on } else { off },
            })
        ),
        input(
            "time",
            "Nudge time",
            true,
            json!({ "type": "timepicker", "action_id": "time", "initial_time": time.to_hhmm() })
        ),
        input(
            "days",
            "Nudge days",
            true,
            json!({
                "type": "checkboxes", "action_id": "days",
                "options": DAYS.iter().map(|d| option(d.0, d.1)).collect::<Vec<_>>(), "initial_options": ticked,
            })
        ),
        input("snooze", "No nudges through", true, snooze),
    ]);
    modal(SETTINGS_FORM, "Your settings", "Save", blocks)
}

fn input(block_id: &str, label: &str, optional: bool, element: Value) -> Value {
    json!({ "type": "input", "block_id": block_id, "optional": optional,
            "label": { "type": "plain_text", "text": label }, "element": element })
}

fn modal(callback_id: &str, title: &str, submit: &str, blocks: Value) -> SlackView {
    let view = json!({
        "type": "modal", "callback_id": callback_id, "title": { "type": "plain_text", "text": title },
        "submit": { "type": "plain_text", "text": submit }, "close": { "type": "plain_text", "text": "Cancel" },
        "blocks": blocks,
    });
    serde_json::from_value(view).expect("the modal is valid Block Kit")
}

/// Answers a modal's submission: errors under the fields, or the modal closed.
pub(super) async fn submitted(core: &Core, event: &SlackInteractionViewSubmissionEvent) -> SlackInteractionResponse {
    let SlackView::Modal(modal) = &event.view.view else { return SlackInteractionResponse::Empty };
    let values = Values(event.view.state_params.state.as_ref().map(|s| &s.values));
    let member = MemberRef::new(Platform::Slack, event.team.id.value(), event.user.id.value());
    let read = match modal.callback_id.as_ref().map(|id| id.value().as_str()) {
        Some(SETTINGS_FORM) => settings_change(&values, &core.app.member_timezone(&member).await.ok()),
        Some(CHECK_IN_FORM) => check_in(&values),
        _ => return SlackInteractionResponse::Empty,
    };
    let command = match read {
        Ok(command) => command,
        Err((block, problem)) => return errors(block, &problem),
    };
    let is_check_in = matches!(command, Command::CheckIn { .. });
    // A refusal that names no field, or an apology, is shown under the form's first field.
    let first_field = if is_check_in { "minutes" } else { "zone" };
    let caller = Caller { member: member.clone(), rights: CallerRights::default() };
    let reply = match commands::run(&core.app, &caller, command, core.clock.now()).await {
        Ok(reply) => reply,
        Err(error) => {
            commands::log_failure(&error, "a Slack form", true);
            return errors(first_field, &commands::failure(&error).view.words());
        }
    };
    let core = core.clone();
    core.after_ack.clone().spawn(async move {
        if is_check_in {
            send_direct(&core, &member.user_id, &reply).await;
        }
        home::publish(&core, &member).await;
    });
    SlackViewSubmissionResponse::Clear(SlackViewSubmissionClearResponse::new()).into()
}

fn errors(block: &str, text: &str) -> SlackInteractionResponse {
    let errors = HashMap::from([(block.to_string(), text.to_string())]);
    SlackViewSubmissionResponse::Errors(SlackViewSubmissionErrorsResponse::new(errors)).into()
}

/// The values of a submitted modal, by block (each block here holds one element).
struct Values<'a>(Option<&'a HashMap<SlackBlockId, HashMap<SlackActionId, SlackViewStateValue>>>);

impl Values<'_> {
    fn get(&self, block: &str) -> Option<&SlackViewStateValue> {
        self.0?.get(&SlackBlockId::new(block.to_string()))?.values().next()
    }

    fn text(&self, block: &str) -> Option<&str> {
        self.get(block)?.value.as_deref().map(str::trim).filter(|t| !t.is_empty())
    }
}

/// The block a refused value was typed in, and why, in the member's words.
type Refusal = (&'static str, String);

fn refused(block: &'static str) -> impl Fn(UserError) -> Refusal {
    move |problem| (block, present::user_error(&problem).words())
}

fn settings_change(values: &Values<'_>, current: &Option<Timezone>) -> Result<Command, Refusal> {
    let zone = Timezone::parse(values.text("zone").unwrap_or("")).map_err(refused("zone"))?;
    let on = values.get("nudges").and_then(|v| v.selected_option.as_ref()).is_none_or(|o| o.value == "on");
    let time = values.get("time").and_then(|v| v.selected_time.as_deref());
    let time = time.map(LocalTime::parse).transpose().map_err(refused("time"))?;
    let ticked: Vec<&str> = values
        .get("days")
        .and_then(|v| v.selected_options.as_ref())
        .into_iter()
        .flatten()
        .map(|o| o.value.as_str())
        .collect();
    let weekdays = if on { Some(Weekdays::parse(&ticked.join(",")).map_err(refused("days"))?) } else { None };
    let snooze = values.get("snooze").and_then(|v| v.selected_date.as_deref());
    let snooze_until = snooze.map(|d| {
        d.parse::<NaiveDate>().map_err(|_| refused("snooze")(UserError::InvalidDate { given: d.to_string() }))
    });
    let nudges =
        NudgeChange { on, time: time.filter(|_| on), weekdays, snooze_until: snooze_until.transpose()?.filter(|_| on) };
    let timezone = (current.as_ref() != Some(&zone)).then_some(zone);
    Ok(Command::Settings(SettingsChange { timezone, nudges: Some(nudges) }))
}

fn check_in(values: &Values<'_>) -> Result<Command, Refusal> {
    let minutes = values.text("minutes").map(Minutes::parse).transpose().map_err(refused("minutes"))?;
    let note = Note::new(values.text("note").unwrap_or("")).map_err(refused("note"))?;
    Ok(Command::CheckIn { minutes, note })
}

/// Sends a reply to the member's direct messages.
async fn send_direct(core: &Core, user: &str, reply: &Reply) {
    let channel = match core.web.direct_channel(user).await {
        Ok(channel) => channel,
        Err(e) => return tracing::warn!(error = %e, "a form's answer could not reach the member's direct messages"),
    };
    for message in messages(reply) {
        let request = SlackApiChatPostMessageRequest::new(channel.clone(), message.content);
        if let Err(e) = core.web.session().chat_post_message(&request).await {
            return tracing::warn!(error = %e, "a form's answer could not be posted");
        }
    }
}
