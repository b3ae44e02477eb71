//! The one modal frame of the app's dialogs (Paste values, Import values CSV, Compare,
//! History): a backdrop, a dialog named by its heading, the first field (or the dialog)
//! focused when it opens, Escape closes it, the editor's shortcuts do not reach the model
//! behind it, and the keyboard focus goes back where it was when it closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A modal dialog. The caller owns whether it is shown: `on_close` asks it to unmount.
#[component]
pub fn Modal(
    /// The element id of the heading inside `children` that names the dialog.
    labelled_by: &'static str,
    /// The dialog box's class (its width and layout).
    class: &'static str,
    /// Called on Escape; the caller closes the dialog (Close and Cancel buttons call the same).
    on_close: Callback<()>,
    /// The content, heading included. An element with `data-autofocus` is focused on opening.
    children: Children,
) -> impl IntoView {
    // Held by the cleanup itself, not by the reactive owner it runs in.
    let opener = send_wrapper::SendWrapper::new(document().active_element());
    let dialog = NodeRef::<leptos::html::Div>::new();
    // The dialog may be closed before that frame (Escape at once): then there is nothing to do.
    request_animation_frame(move || {
        if let Some(el) = dialog.try_get_untracked().flatten() {
            let first = el
                .query_selector("[data-autofocus]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let _ = first.unwrap_or_else(|| el.into()).focus();
        }
    });
    // Escape closes it wherever the focus is (a button that did its work may be gone).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        }
    });
    on_cleanup(move || {
        keys.remove();
        // Back to where the user was (nothing happens if that element is gone).
        if let Some(el) = opener
            .take()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    view! {
        <div class="modal-backdrop">
            <div
                node_ref=dialog
                class=class
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                tabindex="-1"
                // The editor's shortcuts (Ctrl+Z, Delete) stay inside: Ctrl+Z in a textbox
                // undoes typing there, not an edit of the model.
                on:keydown=move |ev| {
                    if ev.key() != "Escape" {
                        ev.stop_propagation();
                    }
                }
            >
                {children()}
            </div>
        </div>
    }
}
