//! The KPIs view: every KPI in one table, sortable by column, filterable by text and level,
//! editable in place.
//!
//! Fine-grained on purpose (3,000 KPIs): the row order is a `Memo` that depends on the sort,
//! the filter and the *set* of KPIs (`Topic::Kpis`), not on their fields, so typing in a cell
//! never re-sorts or re-filters (rows stay put while one edits; a new sort or filter applies
//! the new values). Each row is a memo on its own KPI's topics (see `row.rs`), so an edit
//! re-renders only the cells of that KPI. Up to 200 rows are all mounted; beyond, only the
//! rows near the visible part of the table (`scroll.rs`), so opening the view and scrolling
//! cost the same on 3,000 KPIs as on 300.

mod columns;
mod row;
mod scroll;

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::{Id, Level, Target};
use crate::present::kpi_columns::Column;
use crate::present::kpi_table::{level_code, level_from_code, level_name, order, Sort, SortKey};
use crate::ui::state::use_app;
use columns::{remembered, ColumnChooser};
use row::{CellLabels, KpiRow, Sel};
use scroll::Scroll;

#[component]
pub fn KpisView() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let level = RwSignal::new(None::<Level>);
    let sort = RwSignal::new(None::<(SortKey, bool)>);
    let columns = RwSignal::new(remembered(app));
    let scroll = Scroll::new();
    let measure_soon = crate::ui::views::once_per_frame(move || scroll.measure());
    let resize = window_event_listener(leptos::ev::resize, move |_| measure_soon());
    on_cleanup(move || resize.remove());
    let sel: StoredValue<Sel> = StoredValue::new(Selector::new(move || app.selection.get()));

    // The set of KPIs (ids and levels, in model order): changes on add, delete, reorder,
    // re-attach (`Topic::Kpis`); not on a field edit. Compared in place, so no allocation
    // when unchanged.
    let shape = Memo::new_owning(move |old: Option<Vec<(Id, Level)>>| {
        let fresh = app.doc.read(|r| {
            if let Some(old) = old.as_ref() {
                let mut places = r.kpi_places();
                let same = old.iter().all(|(id, l)| {
                    places
                        .next()
                        .is_some_and(|(k, at)| k == id && at.level() == *l)
                }) && places.next().is_none();
                if same {
                    return None;
                }
            }
            Some(
                r.kpi_places()
                    .map(|(id, at)| (id.clone(), at.level()))
                    .collect::<Vec<_>>(),
            )
        });
        match (fresh, old) {
            (Some(Some(new)), _) => (new, true),
            (Some(None), Some(old)) => (old, false),
            (Some(None), None) => (Vec::new(), true),
            (None, old) => (Vec::new(), old.is_some_and(|o| !o.is_empty())),
        }
    });
    let rows = Memo::new(move |_| {
        shape.track();
        let (q, l, s) = (query.get(), level.get(), sort.get());
        // Sorted by value or status, a new "As of" re-sorts; otherwise it does not matter.
        let as_of = if matches!(s, Some((SortKey::Value | SortKey::Status, _))) {
            app.as_of.get()
        } else {
            app.as_of.get_untracked()
        };
        app.doc
            .with_untracked(|m| order(m, &q, l, s, as_of))
            .unwrap_or_default()
    });
    let total = move || shape.with(|s| s.len());

    // The rows mounted: all of a short list, else those near the visible part.
    let range = Memo::new(move |_| scroll.range(rows.with(Vec::len)));
    // Newly mounted rows may be taller or shorter than those before: measure them.
    Effect::new(move |_| {
        range.track();
        measure_soon();
    });

    // A KPI selected elsewhere (e.g. Health's "Show") is mounted and scrolled to.
    if let Some(Target::Kpi(id)) = app.selection.get_untracked() {
        if let Some(p) = rows.with_untracked(|r| r.iter().position(|k| *k == id)) {
            scroll.reveal(p);
        }
    }

    // Each mounted row with its place in the list when the list is windowed (for
    // `aria-rowindex`: a screen reader then says "row 1,502 of 3,001"); keyed by it then, so
    // a row that moves gets its new place (a short list's rows move as they are).
    let windowed = move || Scroll::windowed(rows.with(Vec::len));
    let visible = move || {
        let (a, b) = range.get();
        let at = windowed().then_some(a);
        rows.with(|r| {
            r[a..b]
                .iter()
                .enumerate()
                .map(|(i, id)| (at.map(|a| a + i), id.clone()))
                .collect::<Vec<_>>()
        })
    };
    // Each header's width: its share of the table for the columns shown.
    let share = move |col: Column| {
        Signal::derive(move || format!("{:.2}%", columns.with(|c| c.share(col))))
    };
    let fixed = move |i: usize| {
        Signal::derive(move || {
            let (name, value, status) = columns.with(|c| c.fixed_share());
            format!("{:.2}%", [name, value, status][i])
        })
    };
    let above = move || scroll.spacer(range.with(|r| r.0));
    let below = move || scroll.spacer(rows.with(Vec::len) - range.with(|r| r.1));

    view! {
        <div class="view view-kpis">
            <div class="kpis-toolbar">
                <h2 class="kpis-title">{tr(app.lang, "KPIs", "KPI's")}</h2>
                <input
                    type="text"
                    class="kpis-filter"
                    aria-label=tr(app.lang, "Filter KPIs", "KPI's filteren")
                    placeholder=move || {
                        app.lang.get().pick("Filter by name, chain, link or owner", "Filter op naam, keten, schakel of eigenaar")
                    }
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        // A new filter shows its first rows.
                        scroll.to_top();
                    }
                />
                <label class="kpis-level">
                    <span>{tr(app.lang, "Level", "Niveau")}</span>
                    <select
                        aria-label=tr(app.lang, "Level", "Niveau")
                        prop:value=move || level_code(level.get())
                        on:change=move |ev| {
                            level.set(level_from_code(&event_target_value(&ev)));
                            scroll.to_top();
                        }
                    >
                        <option value="all" prop:selected=move || level.get().is_none()>{tr(app.lang, "All", "Alle")}</option>
                        {[Level::Result, Level::Chain, Level::Link]
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=level_code(Some(l)) prop:selected=move || level.get() == Some(l)>
                                        {move || level_name(l, app.lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <ColumnChooser columns />
                <span class="kpis-count muted" aria-live="polite">
                    {move || {
                        let lang = app.lang.get();
                        let (matching, all) = (rows.with(|r| r.len()), total());
                        if matching == all {
                            lang.pick(format!("{all} KPIs"), format!("{all} KPI's"))
                        } else {
                            lang.pick(format!("{matching} of {all} KPIs"), format!("{matching} van {all} KPI's"))
                        }
                    }}
                </span>
            </div>
            <Show
                when=move || { total() > 0 }
                fallback=move || {
                    view! {
                        <p class="kpis-empty muted">
                            {move || {
                                app.lang.get().pick(
                                    "No KPIs yet. Select a goal, chain or link and choose Add KPI.",
                                    "Nog geen KPI's. Selecteer een doel, keten of schakel en kies KPI toevoegen.",
                                )
                            }}
                        </p>
                    }
                }
            >
                <CellLabels />
                <div class="kpi-table-wrap" node_ref=scroll.wrap on:scroll=move |_| measure_soon()>
                    <table
                        class=move || columns.get().table_class()
                        style:min-width=move || format!("{:.1}rem", columns.get().min_width_rem())
                        aria-rowcount=move || windowed().then(|| rows.with(Vec::len) + 1)
                    >
                        <caption class="visually-hidden">
                            {tr(app.lang, "All KPIs of the model", "Alle KPI's van het model")}
                        </caption>
                        <thead>
                            <tr>
                                <SortHeader sort scroll key=SortKey::Name en="Name" nl="Naam" class="col-kpi" width=fixed(0) />
                                <SortHeader sort scroll key=SortKey::Level en="Level" nl="Niveau" class="col-level" width=share(Column::Level) />
                                <SortHeader sort scroll key=SortKey::Chain en="Chain" nl="Keten" class="col-chain" width=share(Column::Chain) />
                                <SortHeader sort scroll key=SortKey::Link en="Link or goal" nl="Schakel of doel" class="col-link" width=share(Column::Link) />
                                <SortHeader sort scroll key=SortKey::Owner en="Owner" nl="Eigenaar" class="col-owner" width=share(Column::Owner) />
                                <SortHeader sort scroll key=SortKey::Unit en="Unit" nl="Eenheid" class="col-unit" width=share(Column::Unit) />
                                <SortHeader sort scroll key=SortKey::Direction en="Direction" nl="Richting" class="col-direction" width=share(Column::Direction) />
                                <SortHeader sort scroll key=SortKey::Target en="Target" nl="Norm" class="col-target" width=share(Column::Norm) />
                                <SortHeader sort scroll key=SortKey::Frequency en="Frequency" nl="Frequentie" class="col-frequency" width=share(Column::Frequency) />
                                <SortHeader sort scroll key=SortKey::Defined en="Defined" nl="Gedefinieerd" class="col-defined" width=share(Column::Defined) />
                                <th scope="col" class="col-drives plain" style:width=share(Column::Drives)>{tr(app.lang, "Drives", "Stuurt")}</th>
                                <SortHeader sort scroll key=SortKey::Value en="Value" nl="Waarde" class="col-value" width=fixed(1) />
                                <SortHeader sort scroll key=SortKey::Status en="Status" nl="Status" class="col-status" width=fixed(2) />
                                <th scope="col" class="col-trend plain" style:width=share(Column::Trend)>{tr(app.lang, "Trend", "Verloop")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {above}
                            <For
                                each=visible
                                key=|row| row.clone()
                                children=move |(index, id)| view! { <KpiRow id index sel /> }
                            />
                            {below}
                        </tbody>
                    </table>
                    <Show when=move || rows.with(|r| r.is_empty())>
                        <p class="kpis-empty muted">
                            {tr(app.lang, "No KPI matches the filter.", "Geen KPI past bij het filter.")}
                        </p>
                    </Show>
                </div>
            </Show>
        </div>
    }
}

/// A column header whose button sorts by the column: ascending, then descending.
#[component]
fn SortHeader(
    /// The table's sort: this column and its direction, if it is the one.
    sort: RwSignal<Sort>,
    /// The table's scroll box (a new sort shows its first rows).
    scroll: Scroll,
    /// The column this header sorts by.
    key: SortKey,
    /// Its title in English and Dutch.
    en: &'static str,
    nl: &'static str,
    /// The column's class (`col-<code>`: hidden by the table's `hide-<code>`).
    class: &'static str,
    /// Its width: its share of the table for the columns shown.
    width: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let state = move || sort.get().and_then(|(k, asc)| (k == key).then_some(asc));
    view! {
        <th
            scope="col"
            class=class
            style:width=width
            aria-sort=move || state().map(|asc| if asc { "ascending" } else { "descending" })
        >
            <button
                type="button"
                class="sort"
                // The whole title where a narrow column cuts it ("Gedefinieerd").
                title=tr(app.lang, en, nl)
                on:click=move |_| {
                    // Untracked, and nothing once the table is gone (see `Scroll::to_top`).
                    let Some(now) = sort.try_get_untracked() else { return };
                    let asc = now.and_then(|(k, asc)| (k == key).then_some(asc)) != Some(true);
                    sort.set(Some((key, asc)));
                    scroll.to_top();
                }
            >
                {tr(app.lang, en, nl)}
                <span class="sort-mark" aria-hidden="true">
                    {move || match state() {
                        Some(true) => "▲",
                        Some(false) => "▼",
                        None => "↕",
                    }}
                </span>
            </button>
        </th>
    }
}
