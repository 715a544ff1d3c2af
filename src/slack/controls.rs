//! The buttons and menus under a reply as Block Kit: a row of buttons is an `actions` block, a
//! menu a section with the menu as its accessory (Slack takes a multi-select only there). Each control's
//! `action_id` is its `Action::format()`, read back by `clicks.rs`. Slack has no disabled
//! button, so a disabled one (Previous on the first page) is left out; an `action_id` may appear
//! once per message, so a repeat is left out too; labels and options are cut to Slack's limits.

use super::blocks::cut;
use crate::present::{Button, ButtonStyle, Menu, Row};
use slack_morphism::prelude::*;
use std::collections::HashSet;

/// A button's text, an option's text.
const LABEL_LIMIT: usize = 75;
const PLACEHOLDER_LIMIT: usize = 150;
const ACTION_ID_LIMIT: usize = 255;
const OPTION_VALUE_LIMIT: usize = 150;
const OPTIONS_PER_MENU: usize = 100;
const ELEMENTS_PER_ACTIONS_BLOCK: usize = 25;

/// One block per row that still has a control, with the characters it holds.
pub(super) fn actions(rows: &[Row]) -> Vec<(SlackBlock, usize)> {
    let mut seen = HashSet::new();
    rows.iter()
        .filter_map(|row| match row {
            Row::Buttons(buttons) => {
                let elements: Vec<(SlackActionBlockElement, usize)> =
                    buttons.iter().filter_map(|b| button(b, &mut seen)).take(ELEMENTS_PER_ACTIONS_BLOCK).collect();
                let size = elements.iter().map(|(_, size)| size).sum();
                let elements: Vec<_> = elements.into_iter().map(|(e, _)| e).collect();
                (!elements.is_empty()).then(|| (SlackActionsBlock::new(elements).into(), size))
            }
            Row::Menu(menu) => menu_section(menu, &mut seen),
        })
        .collect()
}

/// The id, when it fits and this message has not used it yet.
fn fresh_id(id: String, seen: &mut HashSet<String>) -> Option<SlackActionId> {
    (id.len() <= ACTION_ID_LIMIT && seen.insert(id.clone())).then(|| id.into())
}

fn button(button: &Button, seen: &mut HashSet<String>) -> Option<(SlackActionBlockElement, usize)> {
    if button.disabled {
        return None;
    }
    let id = fresh_id(button.action.format(), seen)?;
    let label = cut(&button.label, LABEL_LIMIT);
    let size = label.chars().count();
    let element = SlackBlockButtonElement::new(pt!(label)).with_action_id(id);
    let element = match button.style {
        ButtonStyle::Primary | ButtonStyle::Selected => element.with_style(SlackBlockButtonStyle::Primary),
        ButtonStyle::Danger => element.with_style(SlackBlockButtonStyle::Danger),
        ButtonStyle::Secondary => element,
    };
    Some((SlackActionBlockElement::Button(element), size))
}

/// A menu as a section: its placeholder as the text, a multi-select with the chosen options
/// as the accessory.
fn menu_section(menu: &Menu, seen: &mut HashSet<String>) -> Option<(SlackBlock, usize)> {
    let options: Vec<SlackBlockChoiceItem<SlackBlockPlainTextOnly>> = menu
        .options
        .iter()
        .filter(|o| o.value.len() <= OPTION_VALUE_LIMIT)
        .take(OPTIONS_PER_MENU)
        .map(|o| SlackBlockChoiceItem::new(pt!(cut(&o.label, LABEL_LIMIT)), o.value.clone()))
        .collect();
    if options.is_empty() {
        return None;
    }
    let id = fresh_id(menu.action.format(), seen)?;
    let chosen: Vec<_> =
        options.iter().filter(|item| menu.options.iter().any(|o| o.chosen && o.value == item.value)).cloned().collect();
    let placeholder = cut(&menu.placeholder, PLACEHOLDER_LIMIT);
    let labels: usize =
        menu.options.iter().take(OPTIONS_PER_MENU).map(|o| o.label.chars().count().min(LABEL_LIMIT)).sum();
    let size = 2 * placeholder.chars().count() + labels;
    let most = menu.max_chosen.min(options.len()).max(1) as u64;
    let element = SlackBlockMultiStaticSelectElement::new()
        .with_action_id(id)
        .with_placeholder(pt!(placeholder.clone()))
        .with_options(options)
        .with_max_selected_items(most);
    let element = if chosen.is_empty() { element } else { element.with_initial_options(chosen) };
    let section = SlackSectionBlock::new()
        .with_text(pt!(placeholder))
        .with_accessory(SlackSectionBlockElement::MultiStaticSelect(element));
    Some((section.into(), size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::Action;
    use crate::present::MenuOption;

    fn plain(action: Action, label: &str, disabled: bool) -> Button {
        Button { action, label: label.to_string(), style: ButtonStyle::Secondary, disabled }
    }

    #[test]
    fn disabled_and_repeated_buttons_are_left_out_and_labels_fit() {
        let long = "a label far longer than any button Slack would draw, seventy-five characters at most";
        let rows = vec![Row::Buttons(vec![
            plain(Action::OpenStep(1), "◀ Previous", true),
            plain(Action::OpenStep(2), long, false),
            plain(Action::OpenStep(2), "Next ▶", false),
        ])];
        let blocks = actions(&rows);
        assert_eq!(blocks.len(), 1);
        let json = serde_json::to_value(&blocks[0].0).unwrap();
        let elements = json["elements"].as_array().unwrap();
        assert_eq!(elements.len(), 1, "{json}");
        assert_eq!(elements[0]["action_id"], "roadmap:open:2");
        assert!(elements[0]["text"]["text"].as_str().unwrap().chars().count() <= LABEL_LIMIT);
    }

    #[test]
    fn a_row_with_nothing_to_press_draws_no_block_and_a_menu_keeps_its_choices() {
        let board = vec![Row::Buttons(vec![plain(Action::DeleteData, "x", true)])];
        assert!(actions(&board).is_empty());
        let option = |value: &str, chosen| MenuOption { label: format!("topic {value}"), value: value.into(), chosen };
        let menu = Menu {
            action: Action::Topics(3),
            placeholder: "Tick".into(),
            options: vec![option("1", true), option("2", false)],
            max_chosen: 2,
        };
        let json = serde_json::to_value(&actions(&[Row::Menu(menu)])[0].0).unwrap();
        assert_eq!(json["type"], "section");
        let select = &json["accessory"];
        assert_eq!(select["type"], "multi_static_select");
        assert_eq!(select["initial_options"][0]["value"], "1");
        assert_eq!(select["max_selected_items"], 2);
    }
}
