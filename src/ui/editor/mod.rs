//! The editor of the open model: toolbar, view tabs, the current view and the inspector.

pub mod as_of;
pub mod shortcuts;
pub mod tabs;
pub mod toolbar;

use leptos::prelude::*;

use crate::ui::inspector::Inspector;
use crate::ui::split::{build, deferred, idle};
use crate::ui::state::{use_app, View};
use as_of::AsOfSelect;
use tabs::{Tabs, ViewPanel};
use toolbar::Toolbar;

/// The inspector is a lazy part: loaded when the browser is idle after the first view, or at
/// once when something is selected before that. An empty panel holds its place meanwhile.
#[cfg_attr(feature = "split", lazy)]
async fn inspector() -> AnyView {
    // The part may arrive after its place is gone (the editor closed or rebuilt while it
    // loaded): then there is no app to inspect, and nothing to build.
    build(|| {
        if use_context::<crate::ui::state::App>().is_none() {
            return ().into_any();
        }
        view! { <Inspector /> }.into_any()
    })
}

/// The views of wide tables (KPIs, Matrix, Values): with nothing selected the inspector takes
/// no room there, and the table gets the whole width ("Model details" in the toolbar shows the
/// model's own fields). Elsewhere it shows the model's fields while nothing is selected.
fn wide(view: View) -> bool {
    matches!(view, View::Kpis | View::Matrix | View::Values)
}

#[component]
pub fn Editor() -> impl IntoView {
    shortcuts::install();
    let app = use_app();
    let idle = idle();
    let selected = Memo::new(move |_| app.selection.with(Option::is_some));
    let shown = Memo::new(move |_| selected.get() || !wide(app.view.get()));
    let inspect = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || idle.get() || selected.get()
    });
    view! {
        <div class="editor">
            <Toolbar />
            <div class="tabs-row">
                <Tabs />
                <AsOfSelect />
            </div>
            <div class="editor-body">
                <ViewPanel />
                {move || {
                    let placeholder = || view! { <aside class="inspector"></aside> };
                    if !shown.get() {
                        ().into_any()
                    } else if inspect.get() {
                        view! { <Suspense fallback=placeholder>{deferred(inspector())}</Suspense> }
                            .into_any()
                    } else {
                        placeholder().into_any()
                    }
                }}
            </div>
        </div>
    }
}
