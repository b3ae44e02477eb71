//! The "As of" month (a `<select>` beside the view tabs, so it is visible from every view):
//! each KPI shows its value for its latest period that ends by the end of that month. Beside
//! it, how complete that month is ("5 of 18 KPIs have a value for 2026-12").

use leptos::prelude::*;

use crate::model::steer::{
    as_of_options, completeness, latest_value_month, month_text, parse_month,
};
use crate::ui::i18n::tr;
use crate::ui::state::{today, use_app};

#[component]
pub fn AsOfSelect() -> impl IntoView {
    let app = use_app();
    // The latest month with a value: a whole-model scan, re-run once edits settle.
    let latest = Memo::new(move |_| app.doc.with_settled(latest_value_month).flatten());
    let options = Memo::new(move |_| {
        let mut months = as_of_options(latest.get(), today());
        // A month chosen earlier stays selectable even when its values are gone.
        let current = app.as_of.get();
        if !months.contains(&current) {
            months.push(current);
            crate::model::sort::sort_by(&mut months, |a, b| b.cmp(a));
        }
        months
    });
    // How complete the month is: depends on every KPI's values, so it is a whole-model read,
    // re-run once edits settle (and at once when the month changes), not per keystroke.
    let complete = Memo::new(move |_| {
        let month = app.as_of.get();
        app.doc.with_settled(|m| completeness(m, month))
    });
    let on_change = move |ev| {
        if let Some(m) = parse_month(&event_target_value(&ev)) {
            app.as_of.set(m);
        }
    };
    view! {
        <div class="as-of">
            <label for="as-of">{tr(app.lang, "As of", "Stand per")}</label>
            <select
                id="as-of"
                aria-describedby="as-of-complete"
                on:change=on_change
                prop:value=move || month_text(app.as_of.get())
            >
                <For each=move || options.get() key=|m| *m let:m>
                    <option value=month_text(m) selected=move || app.as_of.get() == m>
                        {month_text(m)}
                    </option>
                </For>
            </select>
            <span id="as-of-complete" class="as-of-complete">
                {move || complete.get().map(|c| c.text(app.lang.get())).unwrap_or_default()}
            </span>
        </div>
    }
}
