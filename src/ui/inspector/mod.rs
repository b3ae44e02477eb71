//! The inspector: every field of the selected goal, chain, link, department or KPI.

mod agreements;
mod chain;
pub mod fields;
mod goal;
mod kpi;

use leptos::prelude::*;

use crate::model::{kpi_noun_at, Attach, Lang, Target};
use crate::ui::state::use_app;

/// The inspector's heading for what is selected (also its stand-in's while it loads).
pub fn heading(target: &Target, at: Option<&Attach>, lang: Lang) -> &'static str {
    match target {
        Target::Model => lang.pick("Model", "Model"),
        Target::Goal(_) => lang.pick("Goal", "Doel"),
        Target::Department(_) => lang.pick("Department", "Afdeling"),
        Target::Chain(_) => lang.pick("Customer chain", "Klantketen"),
        Target::Link { .. } => lang.pick("Link", "Schakel"),
        Target::Handover { .. } => lang.pick("Handover", "Overdracht"),
        Target::Kpi(_) => kpi_noun_at(at, lang),
    }
}

/// What the inspector says with nothing selected (also its stand-in's text while it loads).
pub fn hint(lang: Lang) -> &'static str {
    lang.pick(
        "Select a goal, chain, link, department or KPI to edit it here. Start with Add goal or Add chain.",
        "Selecteer een doel, keten, schakel, afdeling of KPI om die hier te bewerken. Begin met Doel toevoegen of Keten toevoegen.",
    )
}

#[component]
pub fn Inspector() -> impl IntoView {
    let app = use_app();
    let title = move || {
        let lang = app.lang.get();
        app.selection.with(|s| match s {
            None => lang.pick("Model", "Model"),
            Some(t) => {
                let at = match t {
                    Target::Kpi(id) => app.doc.read(|r| r.kpi_at(id).cloned()).flatten(),
                    _ => None,
                };
                heading(t, at.as_ref(), lang)
            }
        })
    };
    let body = move || match app.selection.get() {
        Some(Target::Goal(id)) => view! { <goal::GoalInspector id=id /> }.into_any(),
        Some(Target::Department(id)) => view! { <goal::DepartmentInspector id=id /> }.into_any(),
        Some(Target::Chain(id)) => view! { <chain::ChainInspector id=id /> }.into_any(),
        Some(Target::Link { chain, link }) => {
            view! { <chain::LinkInspector chain=chain link=link /> }.into_any()
        }
        Some(Target::Handover { chain, link }) => {
            view! { <chain::HandoverInspector chain=chain link=link /> }.into_any()
        }
        Some(Target::Kpi(id)) => view! { <kpi::KpiInspector id=id /> }.into_any(),
        Some(Target::Model) | None => {
            let hint = move || hint(app.lang.get());
            view! {
                <p class="muted">{hint}</p>
                <goal::ModelInspector />
            }
            .into_any()
        }
    };
    view! {
        <aside class="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">{title}</h2>
            <form class="inspector-form" on:submit=|ev| ev.prevent_default()>
                {body}
            </form>
        </aside>
    }
}
