//! The list "Conflicts": each field both copies changed differently, with "Keep mine" and
//! "Keep theirs", and "Finish merge". Used by Merge and by two tabs that changed one field.

use leptos::prelude::*;

use crate::model::merge::Side;
use crate::model::Lang;
use crate::present::compare::ConflictText;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// The choices for `items`; `on_finish` gets one side per item, in order (mine unless the
/// user chose theirs).
#[component]
pub fn ConflictChoices(
    /// The conflicts in words, in the order of the merge's conflicts.
    items: Vec<ConflictText>,
    /// A prefix for the radio groups' names (unique per list on the page).
    group: &'static str,
    /// Whether the copies share a base (then these fields changed differently in both);
    /// without one, these are simply every difference.
    three_way: bool,
    /// Called with the choices when the user clicks "Finish merge".
    on_finish: Callback<Vec<Side>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let n = items.len();
    let sides = RwSignal::new(vec![Side::Mine; n]);
    let set = move |i: usize, side: Side| sides.update(|s| s[i] = side);
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let name = format!("{group}-{i}");
            view! {
                <li class="conflict">
                    <span class="conflict-what">{c.what}</span>
                    <span class="conflict-choice">
                        <label>
                            <input
                                type="radio"
                                name=name.clone()
                                checked=true
                                on:change=move |_| set(i, Side::Mine)
                            />
                            {tr(lang, "Keep mine", "Mijn versie houden")}
                        </label>
                        <span class="conflict-value">{c.mine}</span>
                    </span>
                    <span class="conflict-choice">
                        <label>
                            <input type="radio" name=name on:change=move |_| set(i, Side::Theirs) />
                            {tr(lang, "Keep theirs", "Hun versie houden")}
                        </label>
                        <span class="conflict-value">{c.theirs}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="conflicts">
            <h3>
                {move || {
                    match (lang.get(), n, three_way) {
                        (Lang::En, 1, true) => "1 field was changed differently in both copies: choose what to keep".to_string(),
                        (Lang::En, n, true) => format!("{n} fields were changed differently in both copies: choose what to keep"),
                        (Lang::Nl, 1, true) => "1 veld is in beide kopieën anders gewijzigd: kies wat u houdt".to_string(),
                        (Lang::Nl, n, true) => format!("{n} velden zijn in beide kopieën anders gewijzigd: kies wat u houdt"),
                        (Lang::En, 1, false) => "1 difference: choose what to keep".to_string(),
                        (Lang::En, n, false) => format!("{n} differences: choose what to keep for each"),
                        (Lang::Nl, 1, false) => "1 verschil: kies wat u houdt".to_string(),
                        (Lang::Nl, n, false) => format!("{n} verschillen: kies per verschil wat u houdt"),
                    }
                }}
            </h3>
            <ul class="conflict-list" aria-label=tr(lang, "Conflicts", "Conflicten")>
                {rows}
            </ul>
            <button type="button" class="primary" on:click=move |_| on_finish.run(sides.get_untracked())>
                {tr(lang, "Finish merge", "Samenvoegen afronden")}
            </button>
        </div>
    }
}
