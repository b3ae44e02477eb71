//! A meeting's actions (a chain's, a department's or the MT's): every open action (carried
//! over until done) and those done since the last meeting (struck through). Each has textboxes
//! "Action", "Action owner" and "Due", a checkbox "Done" and, below the MT, "Escalate to MT";
//! an open action whose due period has passed says "overdue".

use leptos::prelude::*;

use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::meeting::{Action, ActionField, MeetingAt};
use crate::model::{Edit, Id};
use crate::present::meeting::{is_overdue, shown_actions};
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, use_app, App};

use super::today_date;

/// Reads one field of one action of the meeting at `at` (the default once it is gone).
pub(super) fn read<T: Default>(
    app: App,
    at: &MeetingAt,
    id: &Id,
    f: impl FnOnce(&Action) -> T,
) -> T {
    app.doc
        .read(|r| {
            r.meeting(at)
                .and_then(|m| m.actions.iter().find(|a| &a.id == id))
                .map(f)
        })
        .flatten()
        .unwrap_or_default()
}

#[component]
pub fn Actions(at: MeetingAt) -> impl IntoView {
    let app = use_app();
    let ids = {
        let at = at.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| {
                    r.meeting(&at).map(|meeting| {
                        shown_actions(meeting)
                            .into_iter()
                            .map(|a| a.id.clone())
                            .collect::<Vec<_>>()
                    })
                })
                .flatten()
                .unwrap_or_default()
        })
    };
    let add = {
        let at = at.clone();
        move |_| {
            let action = Action {
                id: fresh_id('a'),
                ..Action::default()
            };
            app.edit(
                Edit::AddAction {
                    at: at.clone(),
                    action,
                    index: None,
                },
                false,
            );
        }
    };
    view! {
        <section class="meeting-actions" aria-labelledby="meeting-actions-title">
            <h3 id="meeting-actions-title">{tr(app.lang, "Actions", "Acties")}</h3>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="muted">{tr(app.lang, "No open actions.", "Geen openstaande acties.")}</p>
            </Show>
            <ul class="action-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    {action_row(app, at.clone(), id)}
                </For>
            </ul>
            <button type="button" class="add-action" on:click=add>
                {tr(app.lang, "Add action", "Actie toevoegen")}
            </button>
        </section>
    }
}

/// A checkbox on action `id` of the meeting at `at`: checked while `get` says so; a change
/// sets the field `make` makes (one undo step).
pub(super) fn action_check(
    app: App,
    at: MeetingAt,
    id: Id,
    class: &'static str,
    label: (&'static str, &'static str),
    get: fn(&Action) -> bool,
    make: fn(bool) -> ActionField,
) -> impl IntoView {
    let checked = {
        let (at, id) = (at.clone(), id.clone());
        move || read(app, &at, &id, get)
    };
    view! {
        <label class=class>
            <input
                type="checkbox"
                prop:checked=checked
                on:change=move |ev| {
                    app.edit(
                        Edit::SetAction {
                            at: at.clone(),
                            id: id.clone(),
                            field: make(event_target_checked(&ev)),
                        },
                        false,
                    );
                }
            />
            {tr(app.lang, label.0, label.1)}
        </label>
    }
}

fn action_row(app: App, at: MeetingAt, id: Id) -> impl IntoView {
    let done = {
        let (at, id) = (at.clone(), id.clone());
        Memo::new(move |_| read(app, &at, &id, |a| a.done))
    };
    let overdue = {
        let (at, id) = (at.clone(), id.clone());
        let today = today_date();
        Memo::new(move |_| read(app, &at, &id, |a| !a.done && is_overdue(&a.due, today)))
    };
    let set = {
        let (at, id) = (at.clone(), id.clone());
        move |field: ActionField, coalesce: bool| {
            app.edit(
                Edit::SetAction {
                    at: at.clone(),
                    id: id.clone(),
                    field,
                },
                coalesce,
            );
        }
    };
    let text = |label: (&'static str, &'static str),
                class: &'static str,
                max: usize,
                get: fn(&Action) -> String,
                make: fn(String) -> ActionField| {
        let (at, id) = (at.clone(), id.clone());
        let set = set.clone();
        view! {
            <input
                type="text"
                class=class
                maxlength=max
                aria-label=tr(app.lang, label.0, label.1)
                placeholder=tr(app.lang, label.0, label.1)
                prop:value=move || read(app, &at, &id, get)
                on:input=move |ev| set(make(event_target_value(&ev)), true)
                on:blur=move |_| app.break_coalescing()
            />
        }
    };
    let what = text(
        ("Action", "Actie"),
        "action-what",
        MAX_TEXT_CHARS,
        |a| a.what.clone(),
        ActionField::What,
    );
    let owner = text(
        ("Action owner", "Actiehouder"),
        "action-owner",
        MAX_NAME_CHARS,
        |a| a.owner.clone(),
        ActionField::Owner,
    );
    let due = text(
        ("Due", "Gereed op"),
        "action-due",
        MAX_NAME_CHARS,
        |a| a.due.clone(),
        ActionField::Due,
    );
    let done_box = action_check(
        app,
        at.clone(),
        id.clone(),
        "action-done",
        ("Done", "Gereed"),
        |a| a.done,
        ActionField::Done,
    );
    // An action a chain or department cannot solve goes up to the MT.
    let escalate = (at != MeetingAt::Mt).then(|| {
        action_check(
            app,
            at.clone(),
            id.clone(),
            "action-escalate",
            ("Escalate to MT", "Escaleren naar MT"),
            |a| a.escalated,
            ActionField::Escalated,
        )
    });
    let remove = {
        let (at, id) = (at.clone(), id.clone());
        move |_| {
            app.edit(
                Edit::DeleteAction {
                    at: at.clone(),
                    id: id.clone(),
                },
                false,
            );
        }
    };
    view! {
        <li class="action" class:done=move || done.get() class:overdue=move || overdue.get()>
            {what}
            {owner}
            {due}
            <Show when=move || overdue.get()>
                <span class="action-late">{tr(app.lang, "overdue", "te laat")}</span>
            </Show>
            {done_box}
            {escalate}
            <button
                type="button"
                class="action-remove"
                title=tr(app.lang, "Remove action", "Actie verwijderen")
                aria-label=tr(app.lang, "Remove action", "Actie verwijderen")
                on:click=remove
            >
                "×"
            </button>
        </li>
    }
}
