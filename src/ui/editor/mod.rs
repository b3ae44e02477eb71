//! The editor of the open model: toolbar, view tabs, the current view and the inspector.

pub mod tabs;

use leptos::prelude::*;

use tabs::{Tabs, ViewPanel};

#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <div class="editor">
            <Tabs />
            <div class="editor-body">
                <ViewPanel />
            </div>
        </div>
    }
}
