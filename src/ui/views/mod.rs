//! The editor's six views (tabs). Each reads the open model from the app state and selects
//! elements with `app.selection`; edits go through `app.edit`.

pub mod chains;
pub mod health;
pub mod kpis;
pub mod matrix;
pub mod meeting;
pub mod names;
pub mod status;
pub mod structure;
pub mod values;

use leptos::prelude::*;

/// `f` at most once per animation frame, however often the returned function is called
/// (scroll and resize fire many events a frame).
pub(crate) fn once_per_frame(f: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    let pending = StoredValue::new(false);
    move || {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            f();
        });
    }
}
