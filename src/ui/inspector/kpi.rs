//! Inspector of a KPI: every field of the KPI definition (from the field table), and "Drives"
//! as checkboxes.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use super::fields::{field_control, Source};
use crate::model::fields::KPI_FIELDS;
use crate::model::{shown_norm, Direction, Edit, Id, KpiField, Lang};
use crate::present::form::{kpi_form, kpi_row_when, When};
use crate::ui::folder::history::ValueHistory;
use crate::ui::state::use_app;
use crate::ui::views::status::{drivers_status, kpi_status, kpi_value_text, StatusBadge};
use crate::ui::views::trend_chart::TrendChart;

/// Every field of `KPI_FIELDS` (`present::form::kpi_form`), the standing after the name, the
/// norm as shown after its numbers, and "Drives".
#[component]
pub fn KpiInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let src = Source {
        key: id.clone(),
        get: |r, id| r.kpi(id),
    };
    let write = {
        let id = id.clone();
        move |field: KpiField, coalesce: bool| {
            app.edit(
                Edit::SetKpi {
                    id: id.clone(),
                    field,
                },
                coalesce,
            );
        }
    };
    // Within a band the norm has low, high and tolerance; otherwise target and red.
    let band = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| r.kpi(&id).map(|k| k.direction == Direction::Band))
                .flatten()
                .unwrap_or(false)
        })
    };
    let form = kpi_form();
    let hints: Vec<_> = KPI_FIELDS
        .iter()
        .map(|f| (f.key, form.hint(f.key)))
        .collect();
    let hint = move |key: &str| hints.iter().find(|(k, _)| *k == key).and_then(|(_, h)| *h);
    let rows = form.rows.into_iter().map(|row| {
        let key = row[0].key;
        let render = {
            let (src, write, row, hint) = (src.clone(), write.clone(), row.clone(), hint.clone());
            move || {
                let controls = row
                    .iter()
                    .filter_map(|f| {
                        let described = (f.key == "norm_description").then_some("norm-note-hint");
                        field_control(f, src.clone(), write.clone(), hint(f.key), described)
                    })
                    .collect_view();
                match row.len() {
                    1 => controls.into_any(),
                    2 => view! { <div class="field-row">{controls}</div> }.into_any(),
                    _ => view! { <div class="field-row three">{controls}</div> }.into_any(),
                }
            }
        };
        let body = match kpi_row_when(key) {
            When::Always => render().into_any(),
            When::Band => (move || band.get().then(render.clone())).into_any(),
            When::NotBand => (move || (!band.get()).then(render.clone())).into_any(),
        };
        let after = match key {
            "name" => view! { <KpiStanding id=id.clone() /> }.into_any(),
            "low" => view! {
                <NormShown id=id.clone() />
                <Contradiction id=id.clone() />
            }
            .into_any(),
            "norm_description" => view! {
                <p id="norm-note-hint" class="field-hint">
                    {tr(
                        app.lang,
                        "A note in your own words: views show it as a note beside the norm. The norm itself comes from the numbers above.",
                        "Een notitie in eigen woorden: overzichten tonen die als notitie naast de norm. De norm zelf volgt uit de getallen hierboven.",
                    )}
                </p>
            }
            .into_any(),
            _ => ().into_any(),
        };
        view! { {body} {after} }
    });
    view! {
        {rows.collect_view()}
        <Drives id=id.clone() />
        <ValueHistory id=id />
    }
}

/// Where the KPI stands as of "As of": its value, status and the status of what drives it;
/// under it its trend chart (12 periods, the norm, comments; a table under "Show as table").
#[component]
fn KpiStanding(id: Id) -> impl IntoView {
    let app = use_app();
    let status = {
        let id = id.clone();
        Signal::derive(move || kpi_status(app, &id))
    };
    let drivers = {
        let id = id.clone();
        Memo::new(move |_| drivers_status(app, &id))
    };
    let value = {
        let id = id.clone();
        move || {
            let v = kpi_value_text(app, &id);
            if v.is_empty() {
                "–".to_string()
            } else {
                v
            }
        }
    };
    let month = move || crate::model::steer::month_text(app.as_of.get());
    view! {
        <section class="kpi-standing" aria-label=tr(app.lang, "Status", "Status")>
            <div class="standing-row">
                <span class="field-label">
                    {tr(app.lang, "As of", "Stand per")} " " {month}
                </span>
                <span class="standing-value">{value}</span>
                <StatusBadge status=status />
            </div>
            <div class="standing-row">
                <span class="standing-drivers small muted">
                    {move || {
                        let lang = app.lang.get();
                        match drivers.get() {
                            Some(s) => format!("{}: {}", lang.pick("Drivers", "Sturende KPI's"), s.word(lang)),
                            None => lang.pick("Nothing drives it", "Niets stuurt deze KPI").to_string(),
                        }
                    }}
                </span>
            </div>
        </section>
        // Beside the standing, not in it: its words stay the KPI's status of "As of".
        <div class="kpi-trend">
            <TrendChart id=id export=true />
        </div>
    }
}

/// The norm as every view shows it, derived from the direction and the numbers above (or
/// "no norm"); the norm description is a note, never this.
#[component]
fn NormShown(id: Id) -> impl IntoView {
    let app = use_app();
    let text = Memo::new(move |_| {
        let lang = app.lang.get();
        app.doc
            .read(|r| r.kpi(&id).map(|k| shown_norm(k.norm().as_ref(), lang)))
            .flatten()
            .unwrap_or_default()
    });
    view! {
        <p class="norm-shown">
            <span class="field-label">{tr(app.lang, "Norm", "Norm")}</span>
            " "
            <span class="norm-shown-text">{text}</span>
        </p>
    }
}

/// A note when the norm's thresholds contradict its direction (its status is not shown as
/// meaningful then).
#[component]
fn Contradiction(id: Id) -> impl IntoView {
    let app = use_app();
    let problem = Memo::new(move |_| {
        app.doc
            .read(|r| {
                r.kpi(&id)
                    .and_then(|k| k.norm())
                    .and_then(|n| n.contradiction())
            })
            .flatten()
    });
    move || {
        problem.get().map(|c| {
            view! { <p class="norm-contradiction" role="status">{c.message(app.lang.get())}</p> }
        })
    }
}

/// "Drives": one checkbox per KPI this KPI may drive (the level above, without cycles), plus
/// any it already drives.
#[component]
fn Drives(id: Id) -> impl IntoView {
    let app = use_app();
    let candidates = {
        let id = id.clone();
        // Which KPIs, and whether each is driven: the KPI list and the drives only. Each
        // checkbox reads its KPI's name itself.
        Memo::new(move |_| {
            app.doc
                .read(|r| {
                    if !r.has_kpi(&id) {
                        return Vec::new();
                    }
                    let drives = r.drives(&id);
                    let mut ids: Vec<Id> = r.drive_candidates(&id).into_iter().cloned().collect();
                    for d in drives {
                        if !ids.contains(d) {
                            ids.push(d.clone());
                        }
                    }
                    ids.into_iter()
                        .filter(|d| r.has_kpi(d))
                        .map(|d| {
                            let on = drives.contains(&d);
                            (d, on)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let legend = tr(app.lang, "Drives", "Stuurt");
    let empty = move || {
        match app.lang.get() {
        Lang::En => "Nothing to drive yet: a link KPI drives chain KPIs of its chain, a chain KPI drives result KPIs.",
        Lang::Nl => "Nog niets om te sturen: een schakel-KPI stuurt keten-KPI's van zijn keten, een keten-KPI stuurt resultaat-KPI's.",
    }
    };
    view! {
        <fieldset class="field drives">
            <legend class="field-label">{legend}</legend>
            <Show when=move || !candidates.with(|c| c.is_empty()) fallback=move || view! { <p class="muted small">{empty}</p> }>
                <For
                    each=move || candidates.get()
                    key=|c| c.clone()
                    children={
                        let id = id.clone();
                        move |(target, on)| {
                            let id = id.clone();
                            let name = {
                                let target = target.clone();
                                move || {
                                    app.doc
                                        .read(|r| r.kpi(&target).map(|k| k.name.clone()))
                                        .flatten()
                                        .unwrap_or_default()
                                }
                            };
                            view! {
                                <label class="field-check">
                                    <input
                                        type="checkbox"
                                        prop:checked=on
                                        on:change=move |_| {
                                            app.edit(Edit::ToggleDrive { id: id.clone(), target: target.clone() }, false);
                                        }
                                    />
                                    <span>{name}</span>
                                </label>
                            }
                        }
                    }
                />
            </Show>
        </fieldset>
    }
}
