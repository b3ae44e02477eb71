//! The management team's meeting (*MT-overleg*), as of the "As of" month: the goals with their
//! result KPIs (value, norm, status, trend, comment), each chain's status in one line (name,
//! owner, status, open actions), the actions escalated to the MT that are not done (each with
//! the meeting it came from; "Done" marks that one action done), then what changed since the
//! last MT meeting, the MT's own actions, notes, "Close meeting" and its earlier meetings.

use leptos::prelude::*;

use super::actions::{action_check, read};
use super::{as_of_text, kpis, lower};
use crate::model::meeting::{ActionField, MeetingAt};
use crate::model::Target;
use crate::present::chains::read_name_of;
use crate::present::meeting::{
    is_overdue, read_chain_lines, read_escalated_lines, read_goals_without_results, ChainLine,
    EscalatedLine,
};
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App};
use crate::ui::views::chains::flow::select_button;
use crate::ui::views::status::StatusBadge;

use super::today_date;

/// "Goals without a result KPI: …", when there are such goals.
fn goals_without(app: App) -> impl IntoView {
    let text = Memo::new(move |_| {
        let lang = app.lang.get();
        app.doc
            .read(|r| {
                let names: Vec<String> = read_goals_without_results(r)
                    .into_iter()
                    .map(|g| read_name_of(r, &Target::Goal(g.clone()), lang))
                    .collect();
                (!names.is_empty()).then(|| {
                    format!(
                        "{}: {}",
                        lang.pick("Goals without a result KPI", "Doelen zonder resultaat-KPI"),
                        names.join(", ")
                    )
                })
            })
            .flatten()
    });
    move || {
        text.get()
            .map(|t| view! { <p class="muted mt-no-results">{t}</p> })
    }
}

fn chain_row(app: App, sel: &Selector<Option<Target>>, line: ChainLine) -> impl IntoView {
    let status = line.status;
    let name = line.name.clone();
    view! {
        <tr>
            <td class="mt-chain-name">
                {select_button(
                    app,
                    sel,
                    Target::Chain(line.chain.clone()),
                    "meeting-kpi-name",
                    move || name.clone(),
                )}
            </td>
            <td class="mt-owner">{line.owner}</td>
            <td class="mt-status">
                <StatusBadge status=Signal::derive(move || status) />
            </td>
            <td class="mk-num mt-open">{line.open}</td>
        </tr>
    }
}

/// Each chain in one line: name (selects it), owner, status, open actions.
fn chain_lines(app: App) -> impl IntoView {
    let sel = Selector::new(move || app.selection.get());
    let lines = Memo::new(move |_| {
        let (as_of, lang) = (app.as_of.get(), app.lang.get());
        app.doc
            .read(|r| read_chain_lines(r, as_of, lang))
            .unwrap_or_default()
    });
    view! {
        <section class="mt-chains" aria-labelledby="mt-chains-title">
            <h3 id="mt-chains-title">{tr(app.lang, "Chains", "Ketens")}</h3>
            <Show when=move || lines.with(|l| l.is_empty())>
                <p class="muted">{tr(app.lang, "No chains yet.", "Nog geen ketens.")}</p>
            </Show>
            <table class="meeting-kpis mt-chain-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(app.lang, "Chain", "Keten")}</th>
                        <th scope="col">{tr(app.lang, "Owner", "Eigenaar")}</th>
                        <th scope="col">{tr(app.lang, "Status", "Status")}</th>
                        <th scope="col" class="mk-num">
                            {tr(app.lang, "Open actions", "Open acties")}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || lines.get() key=|l| l.clone() let:line>
                        {chain_row(app, &sel, line)}
                    </For>
                </tbody>
            </table>
        </section>
    }
}

fn escalated_row(app: App, line: EscalatedLine) -> impl IntoView {
    let EscalatedLine { at, action, from } = line;
    let text = |get: fn(&crate::model::meeting::Action) -> String| {
        let (at, action) = (at.clone(), action.clone());
        move || read(app, &at, &action, get)
    };
    let what = text(|a| {
        if a.what.trim().is_empty() {
            "–".to_string()
        } else {
            a.what.clone()
        }
    });
    let owner = text(|a| a.owner.clone());
    let due = text(|a| a.due.clone());
    let overdue = {
        let (at, action) = (at.clone(), action.clone());
        let today = today_date();
        move || read(app, &at, &action, |a| is_overdue(&a.due, today))
    };
    view! {
        <li class="escalated" class:overdue=overdue>
            <span class="esc-what">{what}</span>
            <span class="esc-meta">
                <span class="esc-from">{from}</span>
                <span class="esc-owner">{owner}</span>
                <span class="esc-due">{due}</span>
            </span>
            {action_check(app, at, action, "action-done", ("Done", "Gereed"), |a| a.done, ActionField::Done)}
        </li>
    }
}

/// The actions escalated to the MT and not done, with where each came from.
fn escalated(app: App) -> impl IntoView {
    let lines = Memo::new(move |_| {
        let lang = app.lang.get();
        app.doc
            .read(|r| read_escalated_lines(r, lang))
            .unwrap_or_default()
    });
    view! {
        <section class="mt-escalated" aria-labelledby="mt-escalated-title">
            <h3 id="mt-escalated-title">
                {tr(app.lang, "Escalated actions", "Geëscaleerde acties")}
            </h3>
            <Show when=move || lines.with(|l| l.is_empty())>
                <p class="muted">
                    {tr(app.lang, "No open escalated actions.", "Geen openstaande geëscaleerde acties.")}
                </p>
            </Show>
            <ul class="escalated-list" aria-labelledby="mt-escalated-title">
                <For each=move || lines.get() key=|l| (l.at.clone(), l.action.clone(), l.from.clone()) let:line>
                    {escalated_row(app, line)}
                </For>
            </ul>
        </section>
    }
}

#[component]
pub fn MtMeetingView() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="view view-meeting view-mt-meeting">
            <div class="meeting-head">
                <h2 class="meeting-title">
                    {tr(app.lang, "MT meeting", "MT-overleg")}
                    " · "
                    {as_of_text(app)}
                </h2>
            </div>
            <kpis::MeetingKpis at=MeetingAt::Mt />
            {goals_without(app)}
            <div class="mt-middle">{chain_lines(app)} {escalated(app)}</div>
            {lower(MeetingAt::Mt)}
        </div>
    }
}
