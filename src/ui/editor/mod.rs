//! The editor of the open model: toolbar, view tabs, the current view and the inspector.

pub mod as_of;
pub mod shortcuts;
pub mod tabs;
pub mod toolbar;

use leptos::prelude::*;

use crate::ui::inspector::Inspector;
use as_of::AsOfSelect;
use tabs::{Tabs, ViewPanel};
use toolbar::Toolbar;

#[component]
pub fn Editor() -> impl IntoView {
    shortcuts::install();
    view! {
        <div class="editor">
            <Toolbar />
            <div class="tabs-row">
                <Tabs />
                <AsOfSelect />
            </div>
            <div class="editor-body">
                <ViewPanel />
                <Inspector />
            </div>
        </div>
    }
}
