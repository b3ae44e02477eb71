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
    build(|| view! { <Inspector /> }.into_any())
}

#[component]
pub fn Editor() -> impl IntoView {
    shortcuts::install();
    let app = use_app();
    let idle = idle();
    let inspect = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || idle.get() || app.selection.with(Option::is_some)
    });
    let nothing_selected = Memo::new(move |_| app.selection.with(Option::is_none));
    view! {
        <div class="editor">
            <Toolbar />
            <div class="tabs-row">
                <Tabs />
                <AsOfSelect />
            </div>
            // In the wide tables, and on a phone in every view, the inspector folds away while
            // nothing is selected: the view gets the whole width (it stays mounted, so nothing
            // is rebuilt; style/editor.css).
            <div
                class="editor-body"
                class:nothing-selected=move || nothing_selected.get()
                class:inspector-folded=move || {
                    nothing_selected.get()
                        && matches!(app.view.get(), View::Kpis | View::Matrix | View::Values)
                }
            >
                <ViewPanel />
                {move || {
                    // Its stand-in while it loads: with nothing selected, the heading and the
                    // hint it will show, so the page's text is there at the first view.
                    let placeholder = move || {
                        let lang = app.lang.get_untracked();
                        let idle = app
                            .selection
                            .with_untracked(|s| matches!(s, None | Some(crate::model::Target::Model)));
                        view! {
                            <aside class="inspector">
                                {idle.then(|| view! {
                                    <h2>{crate::ui::inspector::heading(&crate::model::Target::Model, None, lang)}</h2>
                                    <p class="muted">{crate::ui::inspector::hint(lang)}</p>
                                })}
                            </aside>
                        }
                    };
                    if inspect.get() {
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
