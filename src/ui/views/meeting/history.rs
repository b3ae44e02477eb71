//! What changed since the last meeting (values, statuses, actions done and added; texts from
//! `present::meeting::change_groups`) and the list "Earlier meetings", newest first, each
//! with "Open": its record ([`super::record`]).

use leptos::prelude::*;

use crate::model::agenda::read_changes_since;
use crate::model::meeting::MeetingAt;
use crate::present::meeting::{read_change_groups, status_summary, ChangeGroup};
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

use super::record::RecordDialog;

#[component]
pub fn Changes(at: MeetingAt) -> impl IntoView {
    let app = use_app();
    let groups = Memo::new(move |_| {
        let as_of = app.as_of.get();
        let lang = app.lang.get();
        app.doc
            .read(|r| {
                read_changes_since(r, &at, as_of).map(|ch| read_change_groups(r, &at, &ch, lang))
            })
            .flatten()
    });
    move || {
        groups.get().map(|groups| {
            let body = if groups.is_empty() {
                view! {
                    <p class="muted">
                        {tr(app.lang, "Nothing changed.", "Niets veranderd.")}
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <div class="change-groups">
                        {groups.into_iter().map(group_view).collect_view()}
                    </div>
                }
                .into_any()
            };
            view! {
                <section class="meeting-changes" aria-labelledby="meeting-changes-title">
                    <h3 id="meeting-changes-title">
                        {tr(app.lang, "Since the last meeting", "Sinds het vorige overleg")}
                    </h3>
                    {body}
                </section>
            }
        })
    }
}

fn group_view(g: ChangeGroup) -> impl IntoView {
    view! {
        <div class="change-group">
            <h4>{g.heading}</h4>
            <ul>{g.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </div>
    }
}

#[component]
pub fn Earlier(at: MeetingAt) -> impl IntoView {
    let app = use_app();
    // The meeting whose record is open (its index in `held`).
    let open = RwSignal::new(None::<usize>);
    let dialog = {
        let at = at.clone();
        move || {
            open.get().map(|index| {
                view! {
                    <RecordDialog
                        at=at.clone()
                        index=index
                        on_close=Callback::new(move |()| open.set(None))
                    />
                }
            })
        }
    };
    // Each meeting held, newest first: its index, date, as of, attendees, notes, statuses.
    let items = Memo::new(move |_| {
        let lang = app.lang.get();
        app.doc
            .read(|r| {
                r.meeting(&at).map(|meeting| {
                    meeting
                        .held
                        .iter()
                        .enumerate()
                        .rev()
                        .map(|(index, h)| {
                            let names: Vec<&str> =
                                h.attendees.iter().map(|a| a.name.as_str()).collect();
                            (
                                index,
                                format!(
                                    "{} · {} {}",
                                    h.date,
                                    lang.pick("as of", "stand per"),
                                    h.as_of
                                ),
                                status_summary(&h.kpis, lang),
                                // A department's and the MT's meeting list no attendees.
                                if names.is_empty() {
                                    String::new()
                                } else {
                                    format!(
                                        "{}: {}",
                                        lang.pick("Present", "Aanwezig"),
                                        names.join(", ")
                                    )
                                },
                                h.notes.clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .flatten()
            .unwrap_or_default()
    });
    view! {
        <section class="meeting-earlier">
            <h3 id="meeting-earlier-title">
                {tr(app.lang, "Earlier meetings", "Eerdere overleggen")}
            </h3>
            <Show when=move || items.with(|i| i.is_empty())>
                <p class="muted">{tr(app.lang, "None yet.", "Nog geen.")}</p>
            </Show>
            <ul class="earlier-list" aria-labelledby="meeting-earlier-title">
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|(index, when, summary, present, notes)| {
                            view! {
                                <li>
                                    <span class="earlier-head">
                                        <b>{when}</b>
                                        <button
                                            type="button"
                                            class="earlier-open"
                                            on:click=move |_| open.set(Some(index))
                                        >
                                            {tr(app.lang, "Open", "Openen")}
                                        </button>
                                    </span>
                                    <span class="earlier-summary">{summary}</span>
                                    {(!present.is_empty())
                                        .then(|| view! { <span class="earlier-present">{present}</span> })}
                                    {(!notes.trim().is_empty())
                                        .then(|| view! { <span class="earlier-notes">{notes}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {dialog}
        </section>
    }
}
