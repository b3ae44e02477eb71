//! The Values view: KPIs (grouped by goal, chain and link) by periods, as a spreadsheet grid.

use leptos::prelude::*;

use crate::ui::i18n::tr;
use crate::ui::state::use_app;

#[component]
pub fn ValuesView() -> impl IntoView {
    let app = use_app();
    view! { <p>{tr(app.lang, "Values", "Waarden")}</p> }
}
