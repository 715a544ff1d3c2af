//! The buttons and menus under an answer, as typed actions: a step's status buttons and topic
//! menu, a leaderboard's pages, the delete confirmation. Each platform draws them its own way.

use super::Action;
use crate::app::{BoardRequest, LeaderboardView, StepView};
use crate::domain::StepStatus;
use crate::present::{Button, ButtonStyle, Menu, MenuOption, Row};

fn button(action: Action, label: &str, style: ButtonStyle) -> Button {
    Button { action, label: label.to_string(), style, disabled: false }
}

/// Under a step: previous, the three statuses, next; then the checklist menu.
pub(super) fn step_rows(view: &StepView<'_>) -> Vec<Row> {
    let n = view.step.number;
    let total = u8::try_from(view.total).unwrap_or(u8::MAX);
    let mark = |status: StepStatus, label: &str| {
        let style = if view.status == status { ButtonStyle::Selected } else { ButtonStyle::Secondary };
        button(Action::SetStep(n, status), label, style)
    };
    let previous = Button {
        disabled: n <= 1,
        ..button(Action::OpenStep(n.saturating_sub(1).max(1)), "◀ Previous", ButtonStyle::Secondary)
    };
    let next = Button {
        disabled: n >= total,
        ..button(Action::OpenStep((n + 1).min(total)), "Next ▶", ButtonStyle::Secondary)
    };
    let buttons = vec![
        previous,
        mark(StepStatus::Learning, "Learning"),
        mark(StepStatus::Done, "Done ✓"),
        mark(StepStatus::Skipped, "Skip"),
        next,
    ];
    vec![Row::Buttons(buttons), topics_menu(view)]
}

fn topics_menu(view: &StepView<'_>) -> Row {
    let options: Vec<MenuOption> = view
        .step
        .checklist
        .iter()
        .enumerate()
        .map(|(i, topic)| MenuOption {
            label: topic.clone(),
            value: (i + 1).to_string(),
            chosen: view.topics_done.get(i).copied().unwrap_or(false),
        })
        .collect();
    Row::Menu(Menu {
        action: Action::Topics(view.step.number),
        placeholder: "Tick the checklist topics you have done".to_string(),
        max_chosen: options.len().max(1),
        options,
    })
}

/// Previous and next page of a leaderboard; each button carries the whole request.
pub(super) fn board_row(request: &BoardRequest, view: &LeaderboardView) -> Row {
    let page = |page: u32| Action::BoardPage(BoardRequest { page: Some(page), ..request.clone() });
    let previous = Button {
        disabled: view.page <= 1,
        ..button(page(view.page.saturating_sub(1).max(1)), "◀ Previous", ButtonStyle::Secondary)
    };
    let next =
        Button { disabled: view.page >= view.pages, ..button(page(view.page + 1), "Next ▶", ButtonStyle::Secondary) };
    Row::Buttons(vec![previous, next])
}

/// The confirmation under a delete request.
pub(super) fn delete_row() -> Row {
    Row::Buttons(vec![button(Action::DeleteData, "Delete my data", ButtonStyle::Danger)])
}
