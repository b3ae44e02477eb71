//! Keyboard shortcuts: Ctrl/Cmd+Z undo; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. They act on the
//! model history even inside a text field, so what the field shows and what undo does agree.
//! Delete (outside text fields) deletes the selected element, like the Delete button.

use leptos::prelude::*;

use super::toolbar::delete_selection;
use crate::ui::state::use_app;

/// True while the keyboard is in a text field or list box, where Delete edits text.
fn typing_in_a_field() -> bool {
    document()
        .active_element()
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

pub fn install() {
    let app = use_app();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Delete" && !typing_in_a_field() {
            ev.prevent_default();
            delete_selection(app);
            return;
        }
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let key = ev.key().to_ascii_lowercase();
        // Ctrl+P: the Print button's way, which waits for the print part if need be.
        if key == "p" && !ev.shift_key() {
            ev.prevent_default();
            crate::ui::print::print();
            return;
        }
        let redo = (key == "z" && ev.shift_key()) || (key == "y" && !ev.shift_key());
        let undo = key == "z" && !ev.shift_key();
        if undo || redo {
            ev.prevent_default();
            app.break_coalescing();
            if undo {
                app.undo();
            } else {
                app.redo();
            }
        }
    });
    on_cleanup(move || handle.remove());
}
