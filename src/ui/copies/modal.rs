//! The modal frame of the Compare and History dialogs: a heading, Close, Escape, and the
//! keyboard focus back where it was when it closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// A modal dialog labelled by its heading.
#[component]
pub fn Modal(
    /// The heading, also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The element id of the heading (unique per dialog).
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let opener = StoredValue::new_local(document().active_element());
    let dialog = NodeRef::<leptos::html::Div>::new();
    let close = move || {
        app.copies.set(None);
        if let Some(el) = opener
            .get_value()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    request_animation_frame(move || {
        if let Some(el) = dialog.get_untracked() {
            let _ = el.focus();
        }
    });
    // Escape closes it wherever the focus is (a button that did its work may be gone).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="modal-backdrop">
            <div
                node_ref=dialog
                class="copies-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=id
                tabindex="-1"
                // The editor's shortcuts (Ctrl+Z, Delete) do not reach the model behind it.
                on:keydown=move |ev| {
                    if ev.key() != "Escape" {
                        ev.stop_propagation();
                    }
                }
            >
                <div class="copies-head">
                    <h2 id=id>{move || title.get()}</h2>
                    <button type="button" class="quiet" on:click=move |_| close()>
                        {tr(app.lang, "Close", "Sluiten")}
                    </button>
                </div>
                {children()}
            </div>
        </div>
    }
}
