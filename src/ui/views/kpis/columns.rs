//! "Columns": the KPIs table's column chooser. A button opens a list of checkboxes, one per
//! column that can be hidden; the choice is remembered in this browser
//! (`kpi-structure:kpi-columns`) and applies to every model.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::kpi_columns::{Column, Columns};
use crate::storage::keys;
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App};

/// The shown columns as remembered in this browser (the default where nothing is).
pub fn remembered(app: App) -> Columns {
    app.doc
        .session_ref(|s| s.pref(keys::KPI_COLUMNS))
        .map(|c| Columns::from_code(&c))
        .unwrap_or_default()
}

/// The button "Columns" and, while open, its checkboxes.
#[component]
pub fn ColumnChooser(
    /// The table's shown columns: set by the checkboxes, and remembered.
    columns: RwSignal<Columns>,
) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let set = move |col: Column, shown: bool| {
        let now = columns.get_untracked().with(col, shown);
        columns.set(now);
        app.doc
            .session(|s| s.set_pref(keys::KPI_COLUMNS, &now.code()));
    };
    let chooser = NodeRef::<leptos::html::Div>::new();
    // Closes when the focus leaves it (a click elsewhere, Tab past the last checkbox).
    let left = move |ev: web_sys::FocusEvent| {
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = chooser
            .get_untracked()
            .is_some_and(|c| c.contains(to.as_ref()));
        if !inside {
            open.set(false);
        }
    };
    view! {
        <div
            class="kpi-columns"
            node_ref=chooser
            on:focusout=left
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <button
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="kpi-columns-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr(app.lang, "Columns", "Kolommen")}
            </button>
            <Show when=move || open.get()>
                <fieldset id="kpi-columns-list" class="kpi-columns-list">
                    <legend class="visually-hidden">{tr(app.lang, "Columns shown", "Getoonde kolommen")}</legend>
                    {Column::ALL
                        .into_iter()
                        .map(|col| {
                            view! {
                                <label class="field-check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || columns.with(|c| c.shows(col))
                                        on:change=move |ev| set(col, event_target_checked(&ev))
                                    />
                                    <span>{move || col.name(app.lang.get())}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </Show>
        </div>
    }
}
