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
pub use tabs::{merge_with_other_tab, TabConflicts};

use crate::ui::i18n::tr;
use crate::ui::split::{build, deferred};
use crate::ui::state::use_app;

/// Which dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Compare,
    History,
}

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
