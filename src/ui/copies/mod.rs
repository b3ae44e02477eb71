//! Two copies of one model (issue 13): **Compare** the open model with a saved model or a
//! file, **Merge** them into a new model (three-way when a restore point is the version both
//! started from), **History** (the restore points, "Restore as new model"), and making restore
//! points. The pure parts are `model::{lineage, compare, merge}`, `storage::points` and
//! `present::{compare, history}`; the dialogs are lazy parts, loaded on first use.

mod compare;
mod conflicts;
mod history;
mod modal;
mod points;
mod tabs;

use leptos::prelude::*;

pub use points::{make_point, read_point};
pub use tabs::ConflictBanner;

use crate::ui::i18n::{tr, T};
use crate::ui::split::{build, deferred, when_idle};
use crate::ui::state::use_app;

pub use crate::ui::state::Panel;

#[cfg_attr(feature = "split", lazy)]
async fn compare_dialog() -> AnyView {
    build(|| view! { <compare::CompareDialog /> }.into_any())
}

#[cfg_attr(feature = "split", lazy)]
async fn history_dialog() -> AnyView {
    build(|| view! { <history::HistoryDialog /> }.into_any())
}

/// "Compare" and "History" (in the toolbar's file actions).
#[component]
pub fn CopiesButtons() -> impl IntoView {
    let app = use_app();
    let open = move |p: Panel| app.copies.set(Some(p));
    view! {
        <button type="button" aria-haspopup="dialog" on:click=move |_| open(Panel::Compare)>
            {tr(app.lang, "Compare", "Vergelijken")}
        </button>
        <button type="button" aria-haspopup="dialog" on:click=move |_| open(Panel::History)>
            {tr(app.lang, "History", "Geschiedenis")}
        </button>
    }
}

/// What the rest of the app asks of this module, watched once (mounted in the app shell):
/// a restore point that is due, another tab's save to merge, a full store that old restore
/// points can make room in, and how full storage is (after the first view, and whenever
/// another model is opened or the list changes). Each runs a lazy part.
#[component]
pub fn CopiesWatcher() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| {
        // Taken out (not cloned) only when there is one: the write re-runs this effect.
        if app.point_due.with(Option::is_some) {
            if let Some((why, model)) = app.point_due.try_update(Option::take).flatten() {
                make_point(app, why, model);
            }
        }
    });
    Effect::new(move |_| {
        if app.behind.get() {
            leptos::task::spawn_local(tabs::merge_with_other_tab(app));
        }
    });
    Effect::new(move |_| {
        if app.storage_alert.get() == Some(T::StorageFull) {
            leptos::task::spawn_local(points::make_room(app));
        }
    });
    Effect::new(move |_| {
        app.listing.track();
        when_idle(points::measure_storage(app));
    });
}

/// The open dialog, if any (mounted once in the app shell).
#[component]
pub fn CopiesDialog() -> impl IntoView {
    let app = use_app();
    move || {
        app.copies.get().map(|p| match p {
            Panel::Compare => deferred(compare_dialog()).into_any(),
            Panel::History => deferred(history_dialog()).into_any(),
        })
    }
}
