//! The History dialog: the open model's restore points, newest first, each with its date,
//! why it was made, a line on what changed since the one before, and "Restore as new model".

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::modal::CopiesModal;
use super::points::read_point;
use crate::model::{Lang, Model};
use crate::present::history::change_summary;
use crate::storage::points::{Point, BUDGET_UNITS, MAX_PER_MODEL};
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, now, use_app};

/// A time as the user's browser writes dates ("2 Dec 2026, 10:14").
fn when(time: f64, lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(time))
        .to_locale_string(lang.code(), &options)
        .into()
}

/// One row: the point and, once read, the version it holds.
#[derive(Clone, Debug)]
struct Row {
    point: Point,
    model: Option<Model>,
    summary: String,
}

/// Reads every point (oldest first) and says what changed from one to the next; newest first.
async fn read_rows(points: &[Point], lang: Lang) -> Vec<Row> {
    let mut models = Vec::with_capacity(points.len());
    for p in points {
        models.push(read_point(p).await);
    }
    let mut out: Vec<Row> = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        let summary = match (
            i.checked_sub(1).and_then(|j| models[j].as_ref()),
            &models[i],
        ) {
            (_, None) => lang
                .pick(
                    "This version could not be read.",
                    "Deze versie kon niet worden gelezen.",
                )
                .to_string(),
            (Some(before), Some(now)) => change_summary(before, now, lang),
            (None, Some(m)) => lang.pick(
                format!(
                    "{} goals · {} chains · {} KPIs",
                    m.goals.len(),
                    m.chains.len(),
                    m.kpis.len()
                ),
                format!(
                    "{} doelen · {} ketens · {} KPI's",
                    m.goals.len(),
                    m.chains.len(),
                    m.kpis.len()
                ),
            ),
        };
        out.push(Row {
            point: p.clone(),
            model: models[i].clone(),
            summary,
        });
    }
    out.reverse();
    out
}

#[component]
pub fn HistoryDialog() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let name = app
        .doc
        .with_untracked(|m| m.name.clone())
        .unwrap_or_default();
    let id = app.doc.with_untracked(|m| m.id.clone()).unwrap_or_default();
    let rows: RwSignal<Vec<Row>> = RwSignal::new(Vec::new());
    // Lists the points at once, then each with what it holds once read. A reading that a
    // newer point overtook is dropped (the newer reading lists it).
    let load = move || {
        let points = app.points(&id);
        rows.set(
            points
                .iter()
                .rev()
                .map(|p| Row {
                    point: p.clone(),
                    model: None,
                    summary: String::new(),
                })
                .collect(),
        );
        spawn_local(async move {
            let out = read_rows(&points, lang.get_untracked()).await;
            if rows.with_untracked(|r| r.len() == out.len()) {
                rows.set(out);
            }
        });
    };
    let again = load.clone();
    load();
    // A point still being made (a model made, opened or imported a moment ago) is listed
    // as soon as it is written.
    Effect::new(move |ran: Option<()>| {
        app.points_busy.track();
        if ran.is_some() {
            again();
        }
    });
    let restore = move |row: &Row| {
        let Some(mut model) = row.model.clone() else {
            return;
        };
        let lang = lang.get_untracked();
        model.id = fresh_id('m');
        model.name = format!(
            "{} ({} {})",
            row.point.name,
            lang.pick("restored from", "hersteld van"),
            when(row.point.time, lang)
        );
        model.created = now();
        app.copies.set(None);
        app.open_new(model);
    };
    let title = Signal::derive(move || {
        lang.get().pick(
            format!("History of “{name}”"),
            format!("Geschiedenis van “{name}”"),
        )
    });
    view! {
        <CopiesModal title=title id="history-title">
            <p class="copies-intro muted">
                {move || {
                    let mb = BUDGET_UNITS as f64 / 1_000_000.0;
                    lang.get().pick(
                        format!("Restore points are kept when a model is made, opened, imported or exported, before a merge, and every 10 minutes of editing: up to {MAX_PER_MODEL} per model and {mb:.0} MB for all models together, compressed. The oldest go first."),
                        format!("Herstelpunten worden bewaard als een model wordt gemaakt, geopend, geïmporteerd of geëxporteerd, voor een samenvoeging en elke 10 minuten bewerken: tot {MAX_PER_MODEL} per model en {mb:.0} MB voor alle modellen samen, gecomprimeerd. De oudste gaan eerst weg."),
                    )
                }}
            </p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <p class="muted">
                        {move || if app.points_busy.get() > 0 {
                            lang.get().pick("Making a restore point…", "Herstelpunt wordt gemaakt…")
                        } else {
                            lang.get().pick("No restore points yet.", "Nog geen herstelpunten.")
                        }}
                    </p>
                }
            >
                <ul class="point-list" aria-label=tr(lang, "Restore points", "Herstelpunten")>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|row| {
                                let l = lang.get();
                                let ready = row.model.is_some();
                                let r = row.clone();
                                view! {
                                    <li class="point">
                                        <span class="point-when">{when(row.point.time, l)}</span>
                                        <span class="point-why">{row.point.why.label(l)}</span>
                                        <span class="point-summary">{row.summary.clone()}</span>
                                        <button type="button" disabled=!ready on:click=move |_| restore(&r)>
                                            {tr(lang, "Restore as new model", "Herstellen als nieuw model")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </CopiesModal>
    }
}
