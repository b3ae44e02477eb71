//! The chain's actions: every open action (carried over until done) and those done since the
//! last meeting (struck through). Each has textboxes "Action", "Action owner" and "Due" and a
//! checkbox "Done"; an open action whose due period has passed says "overdue".

use leptos::prelude::*;

use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::meeting::{Action, ActionField};
use crate::model::{Edit, Id};
use crate::present::meeting::{is_overdue, shown_actions};
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, use_app, App};

use super::today_date;

/// Reads one field of one action of `chain` (the default once it is gone).
fn read<T: Default>(app: App, chain: &Id, id: &Id, f: impl FnOnce(&Action) -> T) -> T {
    app.doc
        .read(|r| {
            r.meeting(chain)
                .and_then(|m| m.actions.iter().find(|a| &a.id == id))
                .map(f)
        })
        .flatten()
        .unwrap_or_default()
}

#[component]
pub fn Actions(chain: Id) -> impl IntoView {
    let app = use_app();
    let ids = {
        let chain = chain.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| {
                    r.meeting(&chain).map(|meeting| {
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
        let chain = chain.clone();
        move |_| {
            let action = Action {
                id: fresh_id('a'),
                ..Action::default()
            };
            app.edit(
                Edit::AddAction {
                    chain: chain.clone(),
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
                    {action_row(app, chain.clone(), id)}
                </For>
            </ul>
            <button type="button" class="add-action" on:click=add>
                {tr(app.lang, "Add action", "Actie toevoegen")}
            </button>
        </section>
    }
}

fn action_row(app: App, chain: Id, id: Id) -> impl IntoView {
    let done = {
        let (chain, id) = (chain.clone(), id.clone());
        Memo::new(move |_| read(app, &chain, &id, |a| a.done))
    };
    let overdue = {
        let (chain, id) = (chain.clone(), id.clone());
        let today = today_date();
        Memo::new(move |_| read(app, &chain, &id, |a| !a.done && is_overdue(&a.due, today)))
    };
    let set = {
        let (chain, id) = (chain.clone(), id.clone());
        move |field: ActionField, coalesce: bool| {
            app.edit(
                Edit::SetAction {
                    chain: chain.clone(),
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
        let (chain, id) = (chain.clone(), id.clone());
        let set = set.clone();
        view! {
            <input
                type="text"
                class=class
                maxlength=max
                aria-label=tr(app.lang, label.0, label.1)
                placeholder=tr(app.lang, label.0, label.1)
                prop:value=move || read(app, &chain, &id, get)
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
    let remove = {
        let (chain, id) = (chain.clone(), id.clone());
        move |_| {
            app.edit(
                Edit::DeleteAction {
                    chain: chain.clone(),
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
            <label class="action-done">
                <input
                    type="checkbox"
                    prop:checked=move || done.get()
                    on:change=move |ev| set(ActionField::Done(event_target_checked(&ev)), false)
                />
                {tr(app.lang, "Done", "Gereed")}
            </label>
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
