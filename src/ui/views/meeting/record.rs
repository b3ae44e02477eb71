//! An earlier meeting's record, opened with "Open" on an item of "Earlier meetings", in the
//! one modal frame: its heading and date, the KPI table of that moment (KPI, value, norm,
//! status with mark and word, comment), the actions done and open then, who was present and
//! absent, the notes; "Compare with this meeting" shows each KPI then and now instead of the
//! table; "Close" goes back. What it shows is `present::record`.

use leptos::prelude::*;

use crate::model::meeting::MeetingAt;
use crate::model::{Lang, Status};
use crate::present::record::{read_compare_with, read_meeting_record, CompareRow, Record};
use crate::ui::i18n::tr;
use crate::ui::modal::Modal;
use crate::ui::state::use_app;
use crate::ui::views::status::StatusBadge;

/// A status as its badge (mark and word).
fn badge(s: Status) -> impl IntoView {
    view! { <StatusBadge status=Some(s) /> }
}

/// The KPI table of the record.
fn kpi_table(rec: &Record, lang: Lang) -> impl IntoView {
    let today = lang.pick("today's comment", "toelichting van nu");
    let today_title = lang.pick(
        "This meeting was closed before comments were kept: this is the comment its period has now.",
        "Dit overleg is afgesloten voordat toelichtingen werden bewaard: dit is de toelichting die de periode nu heeft.",
    );
    let rows = rec
        .rows
        .iter()
        .map(|row| {
            let mark = row.comment_today.then(|| {
                view! { <small class="record-today" title=today_title>{format!(" ({today})")}</small> }
            });
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}</th>
                    <td class="mk-num">{row.value.clone()}</td>
                    <td>{row.norm.clone()}</td>
                    <td>{badge(row.status)}</td>
                    <td>{row.comment.clone()} {mark}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="record-kpis">
            <thead>
                <tr>
                    <th scope="col">{lang.pick("KPI", "KPI")}</th>
                    <th scope="col" class="mk-num">{lang.pick("Value", "Waarde")}</th>
                    <th scope="col">{lang.pick("Norm", "Norm")}</th>
                    <th scope="col">{lang.pick("Status", "Status")}</th>
                    <th scope="col">{lang.pick("Comment", "Toelichting")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A KPI's value and status at one moment, or a dash when it was (or is) not discussed.
fn moment(state: Option<(String, Status)>) -> impl IntoView {
    match state {
        Some((value, status)) => view! {
            <span class="record-value">{value}</span>
            " "
            {badge(status)}
        }
        .into_any(),
        None => "–".into_any(),
    }
}

/// Each KPI then → now.
fn compare_table(rows: Vec<CompareRow>, lang: Lang) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|row| {
            let class = if row.changed() { "record-changed" } else { "" };
            view! {
                <tr class=class>
                    <th scope="row">{row.name}</th>
                    <td>{moment(row.then)}</td>
                    <td aria-hidden="true">"→"</td>
                    <td>{moment(row.now)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="record-compare">
            <caption>
                {lang.pick("Then → now", "Toen → nu")}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{lang.pick("KPI", "KPI")}</th>
                    <th scope="col">{lang.pick("At this meeting", "Bij dit overleg")}</th>
                    <th scope="col" aria-hidden="true"></th>
                    <th scope="col">{lang.pick("Now", "Nu")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The actions, attendance and notes of the record.
fn rest(rec: &Record, lang: Lang) -> impl IntoView {
    let actions = if rec.actions.is_empty() {
        view! { <p class="muted">{lang.pick("None.", "Geen.")}</p> }.into_any()
    } else {
        let items = rec
            .actions
            .iter()
            .map(|a| {
                let state = if a.done {
                    lang.pick("done", "afgerond")
                } else {
                    lang.pick("open", "open")
                };
                let who = [a.owner.trim(), a.due.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li class:record-done=a.done>
                        <span class="record-action-state">{state}</span>
                        " "
                        {a.what.clone()}
                        {(!who.is_empty()).then(|| view! { <small>{format!(" ({who})")}</small> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="record-actions">{items}</ul> }.into_any()
    };
    let names = |names: &[String]| {
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(", ")
        }
    };
    let attendance = (!rec.present.is_empty() || !rec.absent.is_empty()).then(|| {
        view! {
            <dl class="record-attendance">
                <div>
                    <dt>{lang.pick("Present", "Aanwezig")}</dt>
                    <dd>{names(&rec.present)}</dd>
                </div>
                <div>
                    <dt>{lang.pick("Absent", "Afwezig")}</dt>
                    <dd>{names(&rec.absent)}</dd>
                </div>
            </dl>
        }
    });
    let notes = (!rec.notes.trim().is_empty()).then(|| {
        view! {
            <h3>{lang.pick("Meeting notes", "Aantekeningen")}</h3>
            <p class="record-notes">{rec.notes.clone()}</p>
        }
    });
    view! {
        <h3>{lang.pick("Actions", "Acties")}</h3>
        {actions}
        {attendance}
        {notes}
    }
}

/// The record of the meeting held `index` (0 = the first) at `at`, in the modal frame.
#[component]
pub fn RecordDialog(at: MeetingAt, index: usize, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let comparing = RwSignal::new(false);
    let record = {
        let at = at.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| read_meeting_record(r, &at, index, lang))
                .flatten()
        })
    };
    let compare = Memo::new(move |_| {
        if !comparing.get() {
            return Vec::new();
        }
        let (as_of, lang) = (app.as_of.get(), app.lang.get());
        app.doc
            .read(|r| read_compare_with(r, &at, index, as_of, lang))
            .unwrap_or_default()
    });
    let body = move || {
        let lang = app.lang.get();
        let Some(rec) = record.get() else {
            // Gone (an undo of its Close meeting): nothing to show.
            return view! { <h2 id="meeting-record-title">{lang.pick("Earlier meeting", "Eerder overleg")}</h2> }
                .into_any();
        };
        let kept = (!rec.comments_kept).then(|| {
            view! {
                <p class="muted record-old">
                    {lang.pick(
                        "Closed before comments were kept: a comment shown is the one its period has now, marked so.",
                        "Afgesloten voordat toelichtingen werden bewaard: een getoonde toelichting is die van de periode nu, zo gemarkeerd.",
                    )}
                </p>
            }
        });
        let table = if comparing.get() {
            compare_table(compare.get(), lang).into_any()
        } else {
            view! { {kept} {kpi_table(&rec, lang)} }.into_any()
        };
        view! {
            <h2 id="meeting-record-title">{rec.heading.clone()}</h2>
            <p class="print-meta">{rec.as_of.clone()}</p>
            {table}
            {rest(&rec, lang)}
        }
        .into_any()
    };
    view! {
        <Modal labelled_by="meeting-record-title" class="values-dialog record-dialog" on_close=on_close>
            {body}
            <div class="values-dialog-actions">
                <button
                    type="button"
                    aria-pressed=move || comparing.get().to_string()
                    on:click=move |_| comparing.update(|c| *c = !*c)
                >
                    {tr(app.lang, "Compare with this meeting", "Vergelijk met dit overleg")}
                </button>
                <button type="button" class="primary" data-autofocus on:click=move |_| on_close.run(())>
                    {tr(app.lang, "Close", "Sluiten")}
                </button>
            </div>
        </Modal>
    }
}
