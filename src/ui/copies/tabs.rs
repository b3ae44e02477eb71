//! Two tabs on one model: merging another tab's newer save, and the choices for the fields
//! both tabs changed. Lazy parts: merging is not needed for the first view.

use leptos::prelude::*;

use super::conflicts::ConflictChoices;
use crate::model::merge::Side;
use crate::present::compare::conflict_text;
use crate::ui::i18n::{tr, tr_key, T};
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

/// Another tab saved the open model. Changes to other fields were merged (a note says so);
/// fields both tabs changed ask here, "Keep mine" or "Keep theirs", until "Finish merge".
#[component]
pub fn ConflictBanner() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| tr(app.lang, en, nl);
    // Saves of the other tab seen when this tab started are old news.
    let seen = RwSignal::new(app.other_tab.get_untracked().count);
    view! {
        <Show when=move || app.conflict.get() && app.doc.is_open()>
            <div class="banner banner-warning banner-conflict" role="alert">
                <span>
                    <strong>{pick("This model was also changed in another tab.", "Dit model is ook in een ander tabblad gewijzigd.")}</strong>
                    " "
                    {pick(
                        "Everything else is merged; choose what to keep where both tabs changed the same field. Until then your changes here are not saved.",
                        "Al het andere is samengevoegd; kies wat u houdt waar beide tabbladen hetzelfde veld wijzigden. Tot dan zijn uw wijzigingen hier niet opgeslagen.",
                    )}
                </span>
                <TabConflicts />
                <span class="banner-actions">
                    <button type="button" on:click=move |_| app.reload_open_model()>
                        {pick("Take the other tab's version", "Versie van het andere tabblad nemen")}
                    </button>
                    <button type="button" on:click=move |_| app.keep_mine_as_copy()>
                        {pick("Keep mine as a copy", "Mijn versie als kopie bewaren")}
                    </button>
                </span>
            </div>
        </Show>
        <Show when=move || app.other_tab.get().count != seen.get() && !app.conflict.get()>
            <div class="banner banner-info" aria-live="polite">
                <span>
                    {move || {
                        let lang = app.lang.get();
                        if app.other_tab.get().merged {
                            lang.pick(
                                "Changes saved in another tab were merged into this model.",
                                "Wijzigingen uit een ander tabblad zijn in dit model samengevoegd.",
                            )
                        } else {
                            lang.pick(
                                "This model was updated with changes saved in another tab.",
                                "Dit model is bijgewerkt met wijzigingen uit een ander tabblad.",
                            )
                        }
                    }}
                </span>
                <button type="button" on:click=move |_| seen.set(app.other_tab.get_untracked().count)>
                    {tr_key(app.lang, T::Dismiss)}
                </button>
            </div>
        </Show>
    }
}
