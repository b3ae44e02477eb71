//! The Health view.

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn HealthView() -> impl IntoView {
    let _app = use_app();
    view! { <div class="view view-health"></div> }
}
