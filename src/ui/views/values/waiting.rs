//! Above the Values grid: "My KPIs" (the grid shows only the KPIs whose owner is your name)
//! and "Waiting for values" (as of the "As of" month, the KPIs without a value by owner, each
//! a button selecting it). Both are computed in `model::missing` and `present::values_grid`.

use leptos::prelude::*;

use crate::model::missing::{group_waiting, read_waits};
use crate::present::values_grid::{waiting_line, waiting_summary};
use crate::ui::i18n::tr;
use crate::ui::identity::{ask_your_name, your_name};
use crate::ui::state::use_app;
use crate::ui::views::chains::flow::kpi_button;
use crate::ui::views::per_kpi::per_kpi;

/// The checkbox "My KPIs": off by default; checking it without a name asks for one first
/// (Cancel leaves it off).
#[component]
pub fn MyKpisToggle(mine: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let name = your_name();
    view! {
        <label class="my-kpis">
            <input
                type="checkbox"
                prop:checked=move || mine.get() && !name.get().is_empty()
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    if !input.checked() {
                        mine.set(false);
                    } else if name.get_untracked().is_empty() {
                        input.set_checked(false);
                        ask_your_name(move |_| {
                            mine.try_set(true);
                        });
                    } else {
                        mine.set(true);
                    }
                }
            />
            {tr(app.lang, "My KPIs", "Mijn KPI's")}
        </label>
    }
}

/// "Waiting for values": a disclosure whose summary counts the KPIs without a value as of
/// "As of"; opened, a list of owners ("Anna: 3 KPIs") with their KPIs. The list's items are
/// mounted only while it is open (a large model's KPIs cost nothing until then).
#[component]
pub fn WaitingForValues() -> impl IntoView {
    let app = use_app();
    // Kept per KPI: a keystroke in a KPI's name or a value set re-runs that KPI's memo only,
    // and the list when a KPI starts or stops waiting (3,000 KPIs: not a pass over all).
    let waits = per_kpi(app, move |r, id| read_waits(r, id, app.as_of.get()));
    let waiting = Memo::new(move |_| waits.with(|w| group_waiting(w.iter().cloned())));
    let open = RwSignal::new(false);
    let sel = Selector::new(move || app.selection.get());
    let items = move || {
        if !open.get() {
            return Vec::new();
        }
        let lang = app.lang.get();
        waiting.with(|ws| {
            ws.iter()
                .map(|w| {
                    let buttons = w
                        .kpis
                        .iter()
                        .map(|id| kpi_button(app, &sel, id.clone(), "kpi-chip waiting-kpi"))
                        .collect_view();
                    view! {
                        <li>
                            <span class="waiting-owner">{waiting_line(w, lang)}</span>
                            <span class="waiting-kpis">{buttons}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details
            class="values-waiting"
            on:toggle=move |ev| {
                // (`open` as an attribute: no web-sys feature for `HtmlDetailsElement`.)
                let el = event_target::<web_sys::Element>(&ev);
                open.set(el.has_attribute("open"));
            }
        >
            <summary>
                {move || waiting.with(|w| waiting_summary(w, app.as_of.get(), app.lang.get()))}
            </summary>
            <ul class="waiting-owners" aria-label=tr(app.lang, "Waiting for values", "Wachten op waarden")>
                {items}
            </ul>
        </details>
    }
}
