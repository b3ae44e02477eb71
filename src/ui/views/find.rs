//! "Find" (Structure and Chains): a search box that lists the chains, links and KPIs whose
//! name matches ([`crate::present::find`]); Enter or a click selects the first or the chosen
//! one, and the view brings it into sight.

use leptos::prelude::*;

use crate::model::Target;
use crate::present::find::find;
use crate::ui::i18n::tr;
use crate::ui::split::build;
use crate::ui::state::use_app;

/// Lazy: "Find" (and the matching it pulls in) arrives after the first view, like the
/// header's menus: Structure is the first view.
#[cfg_attr(feature = "split", lazy)]
pub async fn find_box(on_pick: Callback<Target>) -> AnyView {
    build(|| view! { <FindBox on_pick=on_pick /> }.into_any())
}

/// How many matches the list shows.
const SHOWN: usize = 8;

/// The search box "Find" with its matches below it while something is typed.
///
/// - `on_pick`: selects the chosen element and brings it into sight (the view's part); the
///   box then empties.
#[component]
pub fn FindBox(on_pick: Callback<Target>) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    // Reads the model only while something is typed (an empty box subscribes to nothing),
    // once edits settle.
    let found = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        let lang = app.lang.get();
        app.doc
            .with_settled(|m| find(m, &q, lang, SHOWN))
            .unwrap_or_default()
    });
    let pick = move |t: Target| {
        query.set(String::new());
        on_pick.run(t);
    };
    let none = move || query.with(|q| !q.trim().is_empty()) && found.with(Vec::is_empty);
    view! {
        <div class="find">
            <input
                type="search"
                class="find-input"
                aria-label=tr(app.lang, "Find", "Zoeken")
                placeholder=tr(app.lang, "Find a chain, link or KPI", "Zoek een keten, schakel of KPI")
                autocomplete="off"
                // Only while the list is there: an id that points nowhere is invalid ARIA.
                aria-controls=move || found.with(|f| !f.is_empty()).then_some("find-results")
                aria-describedby="find-none"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        if let Some(first) = found.with_untracked(|f| f.first().map(|f| f.target.clone())) {
                            pick(first);
                        }
                    }
                    "Escape" => query.set(String::new()),
                    _ => {}
                }
            />
            <span id="find-none" class="find-none muted small" aria-live="polite">
                {move || none().then(|| app.lang.get().pick("Nothing found", "Niets gevonden"))}
            </span>
            <Show when=move || found.with(|f| !f.is_empty())>
                <ul id="find-results" class="find-results" aria-label=tr(app.lang, "Found", "Gevonden")>
                    <For
                        each=move || found.get()
                        key=|f| (f.target.clone(), f.label.clone())
                        children=move |f| {
                            let t = f.target.clone();
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| pick(t.clone())>
                                        {f.label}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </div>
    }
}
