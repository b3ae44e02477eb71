//! Files and links: Export JSON / CSV, Import JSON (file input and drop), Copy share link.

use leptos::prelude::*;

use crate::ui::state::use_app;

/// The file actions of the open model.
#[component]
pub fn FileActions() -> impl IntoView {
    let _app = use_app();
    view! { <div class="file-actions"></div> }
}
