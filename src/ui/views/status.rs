//! A KPI's status (and its value) as of the "As of" month, live: each depends on that KPI's
//! fields and values and on `app.as_of` only, so typing a value re-runs only what shows that
//! KPI. Shown as a word (visible text or `title`) and a colour, never colour alone.

use leptos::prelude::*;

use crate::model::rollup::combine;
use crate::model::{
    format_number, status_as_of, value_as_of, Attach, Id, Lang, Status, Target, Topic,
};
use crate::ui::state::App;

/// The CSS class of a status (`st-on`, `st-risk`, `st-off`, `st-none`, `st-nonorm`).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "st-on",
        Status::AtRisk => "st-risk",
        Status::OffTarget => "st-off",
        Status::NoValue => "st-none",
        Status::NoNorm => "st-nonorm",
    }
}

/// A one-character mark that survives black-and-white print and colour blindness.
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "✓",
        Status::AtRisk => "!",
        Status::OffTarget => "✕",
        Status::NoValue => "–",
        Status::NoNorm => "·",
    }
}

/// The status of KPI `id` as of `app.as_of` (`None` once the KPI is gone).
pub fn kpi_status(app: App, id: &Id) -> Option<Status> {
    let as_of = app.as_of.get();
    app.doc.track(Topic::Values(id.clone()));
    app.doc
        .with(Topic::Fields(Target::Kpi(id.clone())), |m| {
            m.kpis.get(id).map(|k| status_as_of(k, as_of))
        })
        .flatten()
}

/// The value of KPI `id` as of `app.as_of`, written in the UI language ("" without one).
pub fn kpi_value_text(app: App, id: &Id) -> String {
    let as_of = app.as_of.get();
    let lang = app.lang.get();
    app.doc.track(Topic::Values(id.clone()));
    app.doc
        .with(Topic::Fields(Target::Kpi(id.clone())), |m| {
            m.kpis.get(id).and_then(|k| value_as_of(k, as_of)).map(|v| {
                let unit = k_unit(&m.kpis[id].unit);
                format!("{}{unit}", format_number(v, lang))
            })
        })
        .flatten()
        .unwrap_or_default()
}

fn k_unit(unit: &str) -> String {
    match unit.trim() {
        "" => String::new(),
        "%" => "%".to_string(),
        u => format!(" {u}"),
    }
}

/// The rolled-up status of what `at` names (a goal from its result KPIs, a chain from its
/// chain KPIs, a link from its link KPIs; `None` without KPIs). Depends on the KPIs at `at`
/// and on each one's fields and values.
pub fn status_at(app: App, at: &Attach) -> Option<Status> {
    let ids: Vec<Id> = app
        .doc
        .with(Topic::KpisAt(at.clone()), |m| {
            m.kpis
                .values()
                .filter(|k| &k.at == at)
                .map(|k| k.id.clone())
                .collect()
        })
        .unwrap_or_default();
    combine(ids.iter().filter_map(|id| kpi_status(app, id)))
}

/// A status as a small badge: a mark and the word, coloured.
#[component]
pub fn StatusBadge(
    /// The status shown; `None` shows nothing.
    #[prop(into)]
    status: Signal<Option<Status>>,
) -> impl IntoView {
    let app = crate::ui::state::use_app();
    move || {
        status.get().map(|s| {
            let word = s.word(app.lang.get());
            view! {
                <span class=format!("status {}", status_class(s))>
                    <span class="status-mark" aria-hidden="true">{status_mark(s)}</span>
                    " "
                    {word}
                </span>
            }
        })
    }
}

/// The word of a status in `lang` (for `title`s and accessible descriptions).
pub fn status_word(s: Option<Status>, lang: Lang) -> &'static str {
    s.map_or("", |s| s.word(lang))
}
