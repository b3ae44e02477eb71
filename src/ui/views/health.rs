//! The Health view: the eighteen method checks on the open model, errors first, each finding
//! naming its element with a "Show" button that selects it and opens a view that shows it.
//!
//! The findings are a `Memo` on the model (`check` is linear, ~1.4 ms natively on 3,000
//! KPIs) that only notifies when the findings change; each item's text reads the model
//! itself, so a rename updates the sentence without rebuilding the list.
//!
//! Below them, "KPI definitions": how many KPIs are fully defined (all eight items of the
//! method's KPI definition filled) and the others with what they miss, each selectable.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::completeness::{read_completeness, Completeness, ModelCompleteness};
use crate::model::{check_as_of, CheckKind, Finding, Id, Level, Model, Severity, Target};
use crate::present::health::{
    check_label, severity_class, severity_name, severity_plural, SEVERITIES,
};
use crate::ui::state::{use_app, App, View};
use crate::ui::views::names::live_name;
use crate::ui::views::per_kpi::per_kpi;

/// Findings (and KPIs not fully defined) mounted at first; "Show all" mounts the rest.
const PAGE: usize = 300;

/// The view that shows a finding's element best, and what to select there.
fn destination(f: &Finding, m: &Model) -> (View, Option<Target>) {
    let view = match &f.target {
        Target::Model | Target::Goal(_) => View::Structure,
        Target::Department(_) => View::Matrix,
        Target::Chain(_) | Target::Link { .. } | Target::Handover { .. } => View::Chains,
        Target::Kpi(id) => match (&f.kind, m.level_of(id)) {
            // The KPIs table edits unit, direction, target and names in place.
            (
                CheckKind::KpiIncomplete { .. }
                | CheckKind::DuplicateName { .. }
                | CheckKind::NormContradiction { .. },
                _,
            ) => View::Kpis,
            // The Values grid is where the missing value is typed.
            (CheckKind::KpiNoValue { .. }, _) => View::Values,
            (_, Some(Level::Result)) | (_, None) => View::Structure,
            (_, Some(_)) => View::Chains,
        },
    };
    let select = match &f.target {
        Target::Model => None,
        t => t.exists_in(m).then(|| t.clone()),
    };
    (view, select)
}

#[component]
pub fn HealthView() -> impl IntoView {
    let app = use_app();
    // The checks read the whole model: they re-run once edits settle (a pause in typing), so
    // a keystroke costs the same on any model; the list below only changes where a finding
    // comes or goes (the memo compares). Each message follows its element's name at once.
    let findings = Memo::new(move |_| {
        let as_of = app.as_of.get();
        let mut all = app
            .doc
            .with_settled(|m| check_as_of(m, as_of))
            .unwrap_or_default();
        // Errors first, then warnings, then information; check order within each.
        crate::model::sort::sort_by_key(&mut all, |f| f.severity);
        all
    });
    let limit = RwSignal::new(PAGE);
    let count =
        move |s: Severity| findings.with(|all| all.iter().filter(|f| f.severity == s).count());
    let visible =
        move || findings.with(|all| all.iter().take(limit.get()).cloned().collect::<Vec<_>>());

    view! {
        <div class="view view-health">
            <div class="health-head">
                <h2>{tr(app.lang, "Health check", "Gezondheidscheck")}</h2>
                <p class="muted health-intro">
                    {move || {
                        app.lang.get().pick(
                            "The eighteen checks of the customer-chain method, run on every edit.",
                            "De achttien controles van de klantketenmethode, bij elke wijziging opnieuw.",
                        )
                    }}
                </p>
            </div>
            <div class="health-summary">
                {SEVERITIES
                    .into_iter()
                    .map(|s| {
                        view! {
                            <section
                                class=format!("health-count sev-{}", severity_class(s))
                                class:zero=move || count(s) == 0
                            >
                                <h3>{move || severity_plural(s, app.lang.get())}</h3>
                                <span class="count">{move || count(s)}</span>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            // The list is always there (empty when the structure is clean), so a screen
            // reader and a test find "Health check" either way.
            <Show when=move || findings.with(|f| f.is_empty())>
                <p class="health-clean" role="note">
                    <span class="health-clean-mark" aria-hidden="true">"✓"</span>
                    {move || {
                        app.lang.get().pick(
                            "No findings: the structure follows the method.",
                            "Geen bevindingen: de structuur volgt de methode.",
                        )
                    }}
                </p>
            </Show>
            <ul
                class="health-list"
                role="list"
                aria-label=tr(app.lang, "Health check", "Gezondheidscheck")
            >
                <For each=visible key=|f| f.clone() children=move |f| view! { <FindingItem finding=f /> } />
            </ul>
            <Show when=move || { findings.with(|f| f.len()) > limit.get() }>
                <button type="button" class="health-more" on:click=move |_| limit.set(usize::MAX)>
                    {move || {
                        let n = findings.with(|f| f.len());
                        app.lang.get().pick(format!("Show all {n} findings"), format!("Alle {n} bevindingen tonen"))
                    }}
                </button>
            </Show>
            <Definitions />
        </div>
    }
}

/// How many KPIs are fully defined and what the others miss (as
/// `completeness::read_model_completeness` reads it), kept per KPI ([`per_kpi`]): a keystroke
/// in a KPI's name re-runs that KPI's memo only (its score stays, so nothing follows); the
/// count re-runs when a KPI comes, goes or changes its score.
fn definitions(app: App) -> Memo<ModelCompleteness> {
    let scores = per_kpi(app, read_completeness);
    Memo::new(move |_| scores.with(|s| s.iter().cloned().collect()))
}

/// "KPI definitions": "12 of 18 KPIs fully defined" and a list of the others, each with its
/// score and what it misses; the list changes only where a score changes, and each name
/// follows its KPI at once.
#[component]
fn Definitions() -> impl IntoView {
    let app = use_app();
    let defined = definitions(app);
    let limit = RwSignal::new(PAGE);
    let visible = move || {
        defined.with(|d| {
            d.incomplete
                .iter()
                .take(limit.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let missing = move || defined.with(|d| d.incomplete.len());
    view! {
        <section class="health-defined" aria-labelledby="health-defined-title">
            <h3 id="health-defined-title">{tr(app.lang, "KPI definitions", "KPI-definities")}</h3>
            <p class="health-defined-summary">
                {move || defined.with(|d| d.summary(app.lang.get()))}
            </p>
            <ul
                class="health-list"
                role="list"
                aria-label=tr(app.lang, "KPIs not fully defined", "Niet volledig gedefinieerde KPI's")
            >
                <For
                    each=visible
                    key=|item| item.clone()
                    children=move |(id, completeness)| view! { <DefinitionItem id completeness /> }
                />
            </ul>
            <Show when=move || { missing() > limit.get() }>
                <button type="button" class="health-more" on:click=move |_| limit.set(usize::MAX)>
                    {move || {
                        let n = missing();
                        app.lang.get().pick(format!("Show all {n} KPIs"), format!("Alle {n} KPI's tonen"))
                    }}
                </button>
            </Show>
        </section>
    }
}

/// One KPI not fully defined: its score, its name (a button that selects it), what it
/// misses, and "Show", which selects it in the KPIs table.
#[component]
fn DefinitionItem(id: Id, completeness: Completeness) -> impl IntoView {
    let app = use_app();
    let target = Target::Kpi(id);
    let selected = {
        let target = target.clone();
        Memo::new(move |_| app.selection.with(|s| s.as_ref() == Some(&target)))
    };
    let name = live_name(app, target.clone());
    let select = {
        let target = target.clone();
        move |_| app.selection.set(Some(target.clone()))
    };
    let show = move |_| {
        app.selection.set(Some(target.clone()));
        app.view.set(View::Kpis);
    };
    let missing = move || completeness.missing_text(app.lang.get());
    view! {
        <li class="finding definition" class:selected=move || selected.get()>
            <span class="definition-score">{completeness.score_text()}</span>
            <span class="finding-text">
                <button
                    type="button"
                    class="definition-name"
                    aria-pressed=move || selected.get().to_string()
                    on:click=select
                >
                    {name}
                </button>
                <small class="finding-check muted">{missing}</small>
            </span>
            <button type="button" class="finding-show" on:click=show>
                {tr(app.lang, "Show", "Tonen")}
            </button>
        </li>
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let app = use_app();
    let severity = finding.severity;
    let target = finding.target.clone();
    let selected = Memo::new(move |_| {
        target != Target::Model && app.selection.with(|s| s.as_ref() == Some(&target))
    });
    let message = {
        let f = finding.clone();
        move || {
            let lang = app.lang.get();
            // Subscribes to every element the sentence names (a link's chain, each KPI of a
            // drives cycle).
            app.doc
                .read(|r| f.read_message(r, lang))
                .unwrap_or_default()
        }
    };
    let label = {
        let kind = finding.kind.clone();
        move || check_label(&kind, app.lang.get())
    };
    let show = move |_| {
        let dest = app.doc.with_untracked(|m| destination(&finding, m));
        if let Some((view, select)) = dest {
            if let Some(t) = select {
                app.selection.set(Some(t));
            }
            app.view.set(view);
        }
    };
    view! {
        <li class=format!("finding sev-{}", severity_class(severity)) class:selected=move || selected.get()>
            <span class="finding-sev">{move || severity_name(severity, app.lang.get())}</span>
            <span class="finding-text">
                <span class="finding-message">{message}</span>
                <small class="finding-check muted">{label}</small>
            </span>
            <button type="button" class="finding-show" on:click=show>
                {tr(app.lang, "Show", "Tonen")}
            </button>
        </li>
    }
}
