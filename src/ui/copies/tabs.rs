//! Two tabs on one model: merging another tab's newer save, and the choices for the fields
//! both tabs changed. Lazy parts: merging is not needed for the first view.

use leptos::prelude::*;

use super::conflicts::ConflictChoices;
use crate::model::merge::Side;
use crate::present::compare::conflict_text;
use crate::ui::split::{build, deferred};
use crate::ui::state::{use_app, App};

/// Merges the other tab's save into the open model ([`crate::session::Session::merge_behind`]).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn merge_with_other_tab(app: App) {
    app.merge_behind();
}

#[cfg_attr(feature = "split", leptos::lazy)]
async fn tab_choices(app: App) -> AnyView {
    build(move || {
        let Some((conflicts, theirs)) = app.tab_conflicts() else {
            return ().into_any();
        };
        let lang = app.lang.get_untracked();
        app.doc
            .with_untracked(|mine| {
                let items = conflicts
                    .iter()
                    .map(|c| conflict_text(c, mine, &theirs, lang))
                    .collect::<Vec<_>>();
                let keys: Vec<String> = conflicts.iter().map(|c| c.key.clone()).collect();
                let on_finish = Callback::new(move |sides: Vec<Side>| {
                    app.resolve_tab_conflicts(keys.iter().cloned().zip(sides).collect());
                });
                view! { <ConflictChoices items=items group="tab" three_way=true on_finish=on_finish /> }.into_any()
            })
            .unwrap_or_else(|| ().into_any())
    })
}

/// The "Conflicts" list of the conflict banner (re-built when the language changes).
#[component]
pub fn TabConflicts() -> impl IntoView {
    let app = use_app();
    move || {
        app.lang.track();
        deferred(tab_choices(app))
    }
}
