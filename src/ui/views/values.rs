//! The Values view: KPIs (grouped by goal, chain and link) by periods, as a spreadsheet grid.

use leptos::prelude::*;

use crate::ui::i18n::tr;
use crate::ui::state::use_app;
use crate::ui::values_io::{PasteValuesButton, ValuesFileActions};

#[component]
pub fn ValuesView() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="values-toolbar">
            <PasteValuesButton />
            <ValuesFileActions />
        </div>
        <p>{tr(app.lang, "Values", "Waarden")}</p>
    }
}
