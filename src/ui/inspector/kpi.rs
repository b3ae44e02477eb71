//! Inspector of a KPI: every field of the KPI definition, and "Drives" as checkboxes.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use super::fields::{from_reader, NumberField, SelectField, Text2, TextField};
use crate::model::fields::kpi;
use crate::model::{
    shown_norm, Choice, Direction, Edit, Frequency, Id, Kpi, KpiField, Lang, ValueType,
};
use crate::present::labels::{direction_name, frequency_name, value_type_name};
use crate::ui::state::use_app;
use crate::ui::views::status::{
    drivers_status, kpi_status, kpi_value_text, Sparkline, StatusBadge,
};

/// (code, name) options of a choice field, from the shared labels.
fn options<T: Choice>(name: fn(T, Lang) -> &'static str) -> Vec<(String, Text2)> {
    T::ALL
        .iter()
        .map(|v| {
            (
                v.code().to_string(),
                (name(*v, Lang::En), name(*v, Lang::Nl)),
            )
        })
        .collect()
}

#[component]
pub fn KpiInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let get = {
        let id = id.clone();
        move |f: fn(&Kpi) -> String| {
            let id = id.clone();
            from_reader(move |r| r.kpi(&id).map(f))
        }
    };
    let set_text = {
        let id = id.clone();
        move |field: fn(String) -> KpiField| {
            let id = id.clone();
            Callback::new(move |v: String| {
                app.edit(
                    Edit::SetKpi {
                        id: id.clone(),
                        field: field(v),
                    },
                    true,
                );
            })
        }
    };
    let get_num = {
        let id = id.clone();
        move |f: fn(&Kpi) -> Option<f64>| {
            let id = id.clone();
            from_reader(move |r| r.kpi(&id).map(f))
        }
    };
    let set_num = {
        let id = id.clone();
        move |field: fn(Option<f64>) -> KpiField| {
            let id = id.clone();
            Callback::new(move |v: Option<f64>| {
                app.edit(
                    Edit::SetKpi {
                        id: id.clone(),
                        field: field(v),
                    },
                    true,
                );
            })
        }
    };
    // Within a band the norm has low, high and tolerance; otherwise target and red.
    let band = {
        let id = id.clone();
        let direction = from_reader(move |r| r.kpi(&id).map(|k| k.direction == Direction::Band));
        Memo::new(move |_| direction.get())
    };
    let set_choice = {
        let id = id.clone();
        move |field: fn(&str) -> KpiField| {
            let id = id.clone();
            Callback::new(move |v: String| {
                app.edit(
                    Edit::SetKpi {
                        id: id.clone(),
                        field: field(&v),
                    },
                    false,
                );
            })
        }
    };
    view! {
        <TextField label=kpi::name value=get(|k| k.name.clone()) on_input=set_text(KpiField::Name) />
        <KpiStanding id=id.clone() />
        <TextField
            label=kpi::definition
            multiline=true
            long=true
            value=get(|k| k.definition.clone())
            on_input=set_text(KpiField::Definition)
            placeholder=("The question this KPI answers", "De vraag die deze KPI beantwoordt")
        />
        <TextField label=kpi::formula value=get(|k| k.formula.clone()) on_input=set_text(KpiField::Formula) />
        <div class="field-row">
            <TextField label=kpi::unit value=get(|k| k.unit.clone()) on_input=set_text(KpiField::Unit) />
            <SelectField
                label=kpi::direction
                options=options(direction_name)
                value=get(|k| k.direction.code().to_string())
                on_change=set_choice(|v| KpiField::Direction(Direction::from_code(v)))
            />
        </div>
        {move || {
            if band.get() {
                view! {
                    <div class="field-row three">
                        <NumberField label=kpi::low value=get_num(|k| k.low) on_input=set_num(KpiField::Low) />
                        <NumberField label=kpi::high value=get_num(|k| k.high) on_input=set_num(KpiField::High) />
                        <NumberField label=kpi::tolerance value=get_num(|k| k.tolerance) on_input=set_num(KpiField::Tolerance) />
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="field-row">
                        <NumberField label=kpi::target value=get_num(|k| k.target) on_input=set_num(KpiField::Target) />
                        <NumberField label=kpi::red value=get_num(|k| k.red) on_input=set_num(KpiField::Red) />
                    </div>
                }
                .into_any()
            }
        }}
        <NormShown id=id.clone() />
        <Contradiction id=id.clone() />
        <TextField
            label=kpi::norm_description
            multiline=true
            long=true
            described_by="norm-note-hint"
            value=get(|k| k.norm_description.clone())
            on_input=set_text(KpiField::NormDescription)
        />
        <p id="norm-note-hint" class="field-hint">
            {tr(
                app.lang,
                "A note in your own words: views show it as a note beside the norm. The norm itself comes from the numbers above.",
                "Een notitie in eigen woorden: overzichten tonen die als notitie naast de norm. De norm zelf volgt uit de getallen hierboven.",
            )}
        </p>
        <SelectField
            label=kpi::frequency
            options=options(frequency_name)
            value=get(|k| k.frequency.code().to_string())
            on_change=set_choice(|v| KpiField::Frequency(Frequency::from_code(v)))
        />
        <TextField label=kpi::owner value=get(|k| k.owner.clone()) on_input=set_text(KpiField::Owner) />
        <TextField label=kpi::data_source value=get(|k| k.data_source.clone()) on_input=set_text(KpiField::DataSource) />
        <SelectField
            label=kpi::value_type
            options=options(value_type_name)
            value=get(|k| k.value_type.code().to_string())
            on_change=set_choice(|v| KpiField::ValueType(ValueType::from_code(v)))
        />
        <Drives id=id />
    }
}

/// Where the KPI stands as of "As of": its value, status, the status of what drives it, and
/// its trend with the norm (the sentence visible too, for everyone).
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
                <Sparkline id=id.clone() caption=true />
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
