//! The Kpis view.

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn KpisView() -> impl IntoView {
    let _app = use_app();
    view! { <div class="view view-kpis"></div> }
}
