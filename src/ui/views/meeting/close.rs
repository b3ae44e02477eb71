//! Who attends a chain meeting (a checkbox per link, named after it, checked unless the link
//! is absent), the notes of this meeting (any level), and "Close meeting": records it at once
//! (`agenda::record`, one `CloseMeeting` edit, one undo step) and starts the next one.

use leptos::prelude::*;

use crate::format::MAX_TEXT_CHARS;
use crate::model::agenda::record;
use crate::model::meeting::MeetingAt;
use crate::model::{Edit, Id, Target};
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App};
use crate::ui::views::names::live_name;

use super::today_date;

/// `YYYY-MM-DD` of today (local time).
fn today_text() -> String {
    let d = today_date();
    format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
}

fn attendee(app: App, chain: Id, link: Id) -> impl IntoView {
    let at = MeetingAt::Chain(chain.clone());
    let present = {
        let (at, link) = (at.clone(), link.clone());
        move || {
            app.doc
                .read(|r| r.meeting(&at).is_some_and(|m| !m.absent.contains(&link)))
                .unwrap_or(true)
        }
    };
    let name = live_name(
        app,
        Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        },
    );
    view! {
        <li>
            <label>
                <input
                    type="checkbox"
                    prop:checked=present
                    on:change=move |ev| {
                        app.edit(
                            Edit::SetAttendance {
                                at: at.clone(),
                                link: link.clone(),
                                present: event_target_checked(&ev),
                            },
                            false,
                        );
                    }
                />
                {name}
            </label>
        </li>
    }
}

/// A chain meeting's attendees: a checkbox per link.
fn attendees(app: App, chain: Id) -> impl IntoView {
    let links = super::link_ids(app, chain.clone());
    view! {
        <fieldset class="attendees">
            <legend>{tr(app.lang, "Attendees", "Aanwezig")}</legend>
            <ul>
                <For each=move || links.get() key=|id| id.clone() let:link>
                    {attendee(app, chain.clone(), link)}
                </For>
            </ul>
        </fieldset>
    }
}

/// Attendance (a chain meeting's), the notes, and "Close meeting".
#[component]
pub fn Close(at: MeetingAt) -> impl IntoView {
    let app = use_app();
    let notes = {
        let at = at.clone();
        move || {
            app.doc
                .read(|r| r.meeting(&at).map(|m| m.notes.clone()))
                .flatten()
                .unwrap_or_default()
        }
    };
    let set_notes = {
        let at = at.clone();
        move |ev| {
            app.edit(
                Edit::SetMeetingNotes {
                    at: at.clone(),
                    notes: event_target_value(&ev),
                },
                true,
            );
        }
    };
    let present = match &at {
        MeetingAt::Chain(chain) => Some(attendees(app, chain.clone())),
        MeetingAt::Department(_) | MeetingAt::Mt => None,
    };
    let close = move |_| {
        let as_of = app.as_of.get_untracked();
        let meeting = app
            .doc
            .with_untracked(|m| record(m, &at, as_of, &today_text()))
            .flatten();
        if let Some(meeting) = meeting {
            app.break_coalescing();
            app.edit(
                Edit::CloseMeeting {
                    at: at.clone(),
                    meeting: Box::new(meeting),
                },
                false,
            );
        }
    };
    view! {
        <section class="meeting-attendance">
            {present}
            <label class="meeting-notes">
                <span>{tr(app.lang, "Meeting notes", "Aantekeningen van het overleg")}</span>
                <textarea
                    rows="3"
                    maxlength=MAX_TEXT_CHARS
                    prop:value=notes
                    on:input=set_notes
                    on:blur=move |_| app.break_coalescing()
                ></textarea>
            </label>
            <button type="button" class="close-meeting primary" on:click=close>
                {tr(app.lang, "Close meeting", "Overleg afsluiten")}
            </button>
        </section>
    }
}
