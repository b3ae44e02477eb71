//! The editor of the open model: toolbar, view tabs, the current view and the inspector.

pub mod shortcuts;
pub mod tabs;
pub mod toolbar;

use leptos::prelude::*;

use crate::ui::inspector::Inspector;
use tabs::{Tabs, ViewPanel};
use toolbar::Toolbar;

#[component]
pub fn Editor() -> impl IntoView {
    shortcuts::install();
    view! {
        <div class="editor">
            <Toolbar />
            <Tabs />
            <div class="editor-body">
                <ViewPanel />
                <Inspector />
            </div>
        </div>
    }
}
