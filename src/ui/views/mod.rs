//! The editor's six views (tabs). Each reads the open model from the app state and selects
//! elements with `app.selection`; edits go through `app.edit`.

pub mod agreements;
pub mod chains;
pub mod find;
pub mod health;
pub mod kpis;
pub mod matrix;
pub mod meeting;
pub mod names;
pub mod per_kpi;
pub mod status;
pub mod structure;
pub mod trend_chart;
pub mod values;

use leptos::prelude::*;

/// `f` at most once per animation frame, however often the returned function is called
/// (scroll and resize fire many events a frame). Nothing runs once the view is gone (a scroll
/// event or a frame may come after it was unmounted).
pub(crate) fn once_per_frame(f: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    let pending = StoredValue::new(false);
    move || {
        if pending.try_get_value() != Some(false) {
            return;
        }
        pending.try_set_value(true);
        request_animation_frame(move || {
            if pending.try_update_value(|p| *p = false).is_some() {
                f();
            }
        });
    }
}
