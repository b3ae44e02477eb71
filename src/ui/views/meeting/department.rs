//! The department meeting (*afdelingsoverleg*) of one department, as of the "As of" month: the
//! KPIs of its links across all chains (grouped by chain and link), each with value, norm,
//! status, trend and a comment; what changed since the last meeting; its actions (each can be
//! escalated to the MT), notes, "Close meeting" and its earlier meetings.

use leptos::prelude::*;

use super::{kpis, lower, meeting_head};
use crate::model::meeting::MeetingAt;
use crate::model::{Id, Target};
use crate::ui::state::{use_app, App};

/// The department on show: the selected department (or the selected link's), else the one
/// shown before, else the first.
fn shown_department(app: App) -> Memo<Option<Id>> {
    Memo::new(move |prev: Option<&Option<Id>>| {
        app.doc
            .read(|r| {
                let ids: Vec<&Id> = r.department_ids().collect();
                let keep = |d: &Id| ids.contains(&d);
                let selected = app.selection.with(|s| match s {
                    Some(Target::Department(d)) => Some(d.clone()),
                    Some(Target::Link { chain, link }) => {
                        r.link(chain, link).and_then(|l| l.department.clone())
                    }
                    _ => None,
                });
                selected
                    .filter(|d| keep(d))
                    .or_else(|| prev.cloned().flatten().filter(|d| keep(d)))
                    .or_else(|| ids.first().map(|d| (*d).clone()))
            })
            .flatten()
    })
}

#[component]
pub fn DepartmentMeetingView() -> impl IntoView {
    let app = use_app();
    let current = shown_department(app);
    let ids = Memo::new(move |_| {
        app.doc
            .read(|r| r.department_ids().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let empty = move || {
        app.lang.get().pick(
            "This model has no departments yet. A department meeting discusses the KPIs of one department’s links across all chains: give a link a department in the inspector.",
            "Dit model heeft nog geen afdelingen. Een afdelingsoverleg bespreekt de KPI's van de schakels van één afdeling in alle ketens: geef een schakel een afdeling in de inspector.",
        )
    };
    view! {
        <div class="view view-meeting view-department-meeting">
            <Show
                when=move || ids.with(|d| !d.is_empty())
                fallback=move || view! { <p class="muted">{empty}</p> }
            >
                {meeting_head(
                    app,
                    ("Department", "Afdeling"),
                    ("Department meeting", "Afdelingsoverleg"),
                    ids,
                    current,
                    Target::Department,
                )}
                {move || {
                    current
                        .get()
                        .map(|d| {
                            let at = MeetingAt::Department(d);
                            view! {
                                <kpis::MeetingKpis at=at.clone() />
                                {lower(at)}
                            }
                        })
                }}
            </Show>
        </div>
    }
}
