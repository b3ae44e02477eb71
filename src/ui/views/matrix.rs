//! The Matrix view.

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn MatrixView() -> impl IntoView {
    let _app = use_app();
    view! { <div class="view view-matrix"></div> }
}
