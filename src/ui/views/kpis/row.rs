//! One row of the KPIs table. The row reads only its own KPI (a `Memo` per row), so an edit
//! elsewhere re-renders nothing here.

use leptos::prelude::*;

use super::data::{
    direction_code, direction_name, frequency_code, frequency_name, level_name, row_data, RowData,
    DIRECTIONS, FREQUENCIES,
};
use crate::model::{Direction, Edit, Frequency, Id, KpiField, Lang, Target};
use crate::ui::state::use_app;

/// The text fields edited in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextField {
    Name,
    Owner,
    Unit,
    Target,
    Amber,
    Red,
}

impl TextField {
    fn get(self, r: &RowData) -> &str {
        match self {
            TextField::Name => &r.name,
            TextField::Owner => &r.owner,
            TextField::Unit => &r.unit,
            TextField::Target => &r.target,
            TextField::Amber => &r.amber,
            TextField::Red => &r.red,
        }
    }

    fn edit(self, v: String) -> KpiField {
        match self {
            TextField::Name => KpiField::Name(v),
            TextField::Owner => KpiField::Owner(v),
            TextField::Unit => KpiField::Unit(v),
            TextField::Target => KpiField::Target(v),
            TextField::Amber => KpiField::Amber(v),
            TextField::Red => KpiField::Red(v),
        }
    }

    /// Lower case: the input's name is "<KPI name>: <field>".
    fn label(self, lang: Lang) -> &'static str {
        match self {
            TextField::Name => lang.pick("name", "naam"),
            TextField::Owner => lang.pick("owner", "eigenaar"),
            TextField::Unit => lang.pick("unit", "eenheid"),
            TextField::Target => lang.pick("target", "norm"),
            TextField::Amber => lang.pick("amber threshold", "oranjegrens"),
            TextField::Red => lang.pick("red threshold", "roodgrens"),
        }
    }

    fn class(self) -> &'static str {
        match self {
            TextField::Name => "col-name",
            TextField::Owner => "col-owner",
            TextField::Unit => "col-unit",
            TextField::Target => "col-target",
            TextField::Amber => "col-amber",
            TextField::Red => "col-red",
        }
    }
}

fn shown_name(r: &RowData, lang: Lang) -> String {
    if r.name.trim().is_empty() {
        lang.pick("(unnamed KPI)", "(KPI zonder naam)").to_string()
    } else {
        r.name.clone()
    }
}

#[component]
pub fn KpiRow(id: Id) -> impl IntoView {
    let app = use_app();
    let row = {
        let id = id.clone();
        Memo::new(move |_| app.model.with(|m| m.as_ref().and_then(|m| row_data(m, &id))))
    };
    let selected = {
        let id = id.clone();
        Memo::new(move |_| app.selection.with(|s| matches!(s, Some(Target::Kpi(k)) if *k == id)))
    };
    let name = move || row.with(|r| r.as_ref().map(|r| shown_name(r, app.lang.get())).unwrap_or_default());
    let select = {
        let id = id.clone();
        move |_| app.selection.set(Some(Target::Kpi(id.clone())))
    };
    let text_cell = {
        let id = id.clone();
        move |field: TextField| {
            let id = id.clone();
            view! {
                <td class=field.class()>
                    <input
                        type="text"
                        class="cell"
                        aria-label=move || format!("{}: {}", name(), field.label(app.lang.get()))
                        prop:value=move || row.with(|r| r.as_ref().map(|r| field.get(r).to_string()).unwrap_or_default())
                        on:input=move |ev| {
                            app.edit(Edit::SetKpi { id: id.clone(), field: field.edit(event_target_value(&ev)) }, true);
                        }
                        on:blur=move |_| app.break_coalescing()
                    />
                </td>
            }
        }
    };
    let (direction_id, frequency_id) = (id.clone(), id.clone());
    view! {
        <tr class="kpi-row" class:selected=move || selected.get()>
            <th scope="row" class="col-kpi">
                <button
                    type="button"
                    class="kpi-select"
                    aria-pressed=move || selected.get().to_string()
                    on:click=select
                >
                    {name}
                </button>
            </th>
            <td class="col-level">
                {move || {
                    row.with(|r| {
                        r.as_ref().and_then(|r| r.level).map(|l| {
                            view! {
                                <span class=format!("level-chip level-{}", super::data::level_code(Some(l)))>
                                    {level_name(l, app.lang.get())}
                                </span>
                            }
                        })
                    })
                }}
            </td>
            <td class="col-chain">{move || row.with(|r| r.as_ref().map(|r| r.chain.clone()).unwrap_or_default())}</td>
            <td class="col-link">{move || row.with(|r| r.as_ref().map(|r| r.link.clone()).unwrap_or_default())}</td>
            {text_cell(TextField::Name)}
            {text_cell(TextField::Owner)}
            {text_cell(TextField::Unit)}
            <td class="col-direction">
                <select
                    class="cell"
                    aria-label=move || format!("{}: {}", name(), app.lang.get().pick("direction", "richting"))
                    prop:value=move || row.with(|r| r.as_ref().map(|r| direction_code(r.direction)).unwrap_or(""))
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let d = DIRECTIONS.into_iter().find(|d| direction_code(*d) == code).unwrap_or(Direction::Unset);
                        app.edit(Edit::SetKpi { id: direction_id.clone(), field: KpiField::Direction(d) }, false);
                    }
                >
                    {DIRECTIONS
                        .into_iter()
                        .map(|d| view! { <option value=direction_code(d) prop:selected=move || row.with(|r| r.as_ref().is_some_and(|r| r.direction == d))>{move || direction_name(d, app.lang.get())}</option> })
                        .collect_view()}
                </select>
            </td>
            {text_cell(TextField::Target)}
            {text_cell(TextField::Amber)}
            {text_cell(TextField::Red)}
            <td class="col-frequency">
                <select
                    class="cell"
                    aria-label=move || format!("{}: {}", name(), app.lang.get().pick("frequency", "frequentie"))
                    prop:value=move || row.with(|r| r.as_ref().map(|r| frequency_code(r.frequency)).unwrap_or(""))
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let f = FREQUENCIES.into_iter().find(|f| frequency_code(*f) == code).unwrap_or(Frequency::Unset);
                        app.edit(Edit::SetKpi { id: frequency_id.clone(), field: KpiField::Frequency(f) }, false);
                    }
                >
                    {FREQUENCIES
                        .into_iter()
                        .map(|f| view! { <option value=frequency_code(f) prop:selected=move || row.with(|r| r.as_ref().is_some_and(|r| r.frequency == f))>{move || frequency_name(f, app.lang.get())}</option> })
                        .collect_view()}
                </select>
            </td>
            <td class="col-drives">{move || row.with(|r| r.as_ref().map(|r| r.drives.join(", ")).unwrap_or_default())}</td>
        </tr>
    }
}
