//! The Values view: KPIs (grouped by goal, chain and link) by period slots, a spreadsheet grid
//! (`role="grid"`, named "Values"). Typing a number and Enter or Tab sets it (one undo step);
//! arrows, Enter and Tab move the cursor. Only the rows and columns near the visible part are
//! mounted (`present::window`), so a 3,000-KPI model costs what a template does.

mod row;
mod waiting;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::steer::month_text;
use crate::present::values_grid::{
    read_grid_rows, read_my_grid_rows, slot_months, step, GridRow, Move, SLOTS,
};
use crate::present::window::{name_column_width, window};
use crate::ui::i18n::tr;
use crate::ui::identity::{your_name, YourNameControl};
use crate::ui::state::{use_app, App};
use crate::ui::values_io::{PasteValuesButton, Pasted, PastedStatus, ValuesFileActions};
use row::GridRowView;
use waiting::{MyKpisToggle, WaitingForValues};

/// Row height and column widths in pixels (fixed, so the window is arithmetic).
pub(super) const ROW_H: f64 = 34.0;
/// The name column's width where there is room; on a phone it narrows to no less than
/// `NAME_MIN_W` (`present::window::name_column_width`).
pub(super) const NAME_W: f64 = 280.0;
pub(super) const NAME_MIN_W: f64 = 150.0;
/// The norm column, frozen beside the name on a wide screen; on a phone it scrolls with the
/// values (style/values.css), so the column window starts a norm column's width earlier.
pub(super) const NORM_W: f64 = 120.0;
pub(super) const COL_W: f64 = 86.0;
/// Rows and columns mounted beyond the visible ones on each side.
const ROW_OVERSCAN: usize = 6;
const COL_OVERSCAN: usize = 1;

/// The grid's rows; depends on which goals, chains, links and KPIs exist (not on names), and
/// with "My KPIs" (`mine`: the name) on each KPI's owner.
fn rows(app: App, mine: Option<&str>) -> Vec<GridRow> {
    match mine {
        Some(name) => app.doc.read(|r| read_my_grid_rows(r, name)),
        None => app.doc.read(read_grid_rows),
    }
    .unwrap_or_default()
}

/// The scroll box's offsets and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Viewport {
    top: f64,
    left: f64,
    height: f64,
    width: f64,
}

impl Viewport {
    /// The name column's width in this box.
    fn name_w(&self) -> f64 {
        name_column_width(self.width, NAME_MIN_W, NAME_W)
    }

    /// The frozen columns (name and norm) together.
    fn frozen(&self) -> f64 {
        self.name_w() + NORM_W
    }
}

/// The grid's shared state, handed to every row.
#[derive(Clone, Copy)]
pub(super) struct Grid {
    pub rows: Memo<Vec<GridRow>>,
    pub cols: Memo<(usize, usize)>,
    scroll: NodeRef<leptos::html::Div>,
    /// The scroll box's offsets and size as last measured (reading them from the DOM after an
    /// edit would force a synchronous layout on every Enter).
    viewport: RwSignal<Viewport>,
    /// The cells the last "Paste values" set (highlighted).
    pub pasted: Pasted,
}

impl Grid {
    /// Where the cursor at `from` goes on `mv`; `None` once the grid is gone (a key handler
    /// may run while its view is being unmounted).
    pub fn step(&self, from: (usize, usize), mv: Move) -> Option<(usize, usize)> {
        self.rows.try_with_untracked(|r| step(r, from, mv))
    }

    /// Scrolls the cell at `(row, col)` into view, mounting it, and focuses it.
    pub fn focus(&self, (row, col): (usize, usize)) {
        let (Some(el), Some(v)) = (
            self.scroll.try_get_untracked().flatten(),
            self.viewport.try_get_untracked(),
        ) else {
            return;
        };
        let y = row as f64 * ROW_H; // below the header row, which is ROW_H high too
        if y < v.top {
            el.set_scroll_top(y as i32);
        } else if y + 2.0 * ROW_H > v.top + v.height {
            el.set_scroll_top((y + 2.0 * ROW_H - v.height) as i32);
        }
        let x = col as f64 * COL_W;
        if x < v.left {
            el.set_scroll_left(x as i32);
        } else if x + COL_W > v.left + v.width - v.frozen() {
            el.set_scroll_left((x + COL_W - (v.width - v.frozen())) as i32);
        }
        // Focus on the next frame, once the scroll has re-windowed the grid if it had to:
        // focusing at once would force a layout inside the keystroke (7 ms on 3,000 KPIs) that
        // the frame does anyway.
        let id = cell_id(row, col);
        request_animation_frame(move || {
            if !focus_cell(&id) {
                request_animation_frame(move || {
                    focus_cell(&id);
                });
            }
        });
    }
}

/// The DOM id of a cell's textbox.
pub(super) fn cell_id(row: usize, col: usize) -> String {
    format!("vg-{row}-{col}")
}

/// Focuses a cell's textbox and selects its text (without scrolling: the grid scrolls
/// itself); false when it is not mounted.
fn focus_cell(id: &str) -> bool {
    let input = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(input) = input else {
        return false;
    };
    if document().active_element().as_ref() != Some(input.as_ref()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = input.focus_with_options(&options);
        input.select();
    }
    true
}

#[component]
pub fn ValuesView() -> impl IntoView {
    let app = use_app();
    // "My KPIs": off by default; on only with a name (checking it asks for one).
    let mine = RwSignal::new(false);
    let name = your_name();
    let rows = Memo::new(move |_| {
        let name = name.get();
        let mine = mine.get() && !name.is_empty();
        rows(app, mine.then_some(name.as_str()))
    });
    let scroll = NodeRef::<leptos::html::Div>::new();
    let viewport = RwSignal::new(Viewport {
        height: 600.0,
        width: 900.0,
        ..Viewport::default()
    });
    let measure = move || {
        // `try_`: the first measure runs a frame after mounting, when the view may be gone.
        if let Some(el) = scroll.try_get_untracked().flatten() {
            let v = Viewport {
                top: f64::from(el.scroll_top()),
                left: f64::from(el.scroll_left()),
                height: f64::from(el.client_height()),
                width: f64::from(el.client_width()),
            };
            if viewport.try_get_untracked().is_some_and(|old| old != v) {
                viewport.try_set(v);
            }
        }
    };
    let measure_soon = crate::ui::views::once_per_frame(measure);
    let resize = window_event_listener(leptos::ev::resize, move |_| measure_soon());
    on_cleanup(move || resize.remove());
    // Open at the newest periods (the right end).
    request_animation_frame(move || {
        if let Some(el) = scroll.try_get_untracked().flatten() {
            el.set_scroll_left(el.scroll_width());
        }
        measure();
    });

    let row_range = Memo::new(move |_| {
        let v = viewport.get();
        let n = rows.with(Vec::len);
        window(v.top, v.height, ROW_H, n, ROW_OVERSCAN)
    });
    let cols = Memo::new(move |_| {
        let v = viewport.get();
        // The slots seen: from the scroll offset (less the norm column, where it scrolls with
        // them) to the width right of the frozen columns.
        window(
            (v.left - NORM_W).max(0.0),
            v.width - v.name_w(),
            COL_W,
            SLOTS,
            COL_OVERSCAN,
        )
    });
    let pasted = Pasted(RwSignal::new(None));
    provide_context(pasted);
    let grid = Grid {
        rows,
        cols,
        scroll,
        viewport,
        pasted,
    };
    let sel = StoredValue::new(Selector::new(move || app.selection.get()));
    let months = Memo::new(move |_| slot_months(app.as_of.get()));
    let visible = move || {
        let (a, b) = row_range.get();
        rows.with(|r| {
            r[a..b]
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, r)| (a + i, r))
                .collect::<Vec<_>>()
        })
    };
    // The name column's width follows the box's (narrower on a phone); the norm column's
    // sticky offset reads it from `--vg-name-w` (style/values.css).
    let name_w = Memo::new(move |_| viewport.get().name_w());
    let table_style = move || {
        let name = name_w.get();
        let total = name + NORM_W + SLOTS as f64 * COL_W;
        format!("width: {total}px; --vg-name-w: {name}px")
    };

    view! {
        <div class="view view-values">
            <div class="values-toolbar">
                <PasteValuesButton />
                <ValuesFileActions />
                <MyKpisToggle mine=mine />
                <YourNameControl />
                <PastedStatus />
            </div>
            <WaitingForValues />
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || {
                    let mine = mine.get() && !name.get().is_empty();
                    view! {
                        <p class="muted">
                            {move || if mine {
                                app.lang.get().pick(
                                    format!("No KPI has “{}” as its owner. Clear “My KPIs” to see every KPI.", name.get()),
                                    format!("Geen KPI heeft “{}” als eigenaar. Zet “Mijn KPI's” uit om alle KPI's te zien.", name.get()),
                                )
                            } else {
                                app.lang.get().pick(
                                    "No KPIs yet. Add KPIs to goals, chains and links; their values are entered here.",
                                    "Nog geen KPI's. Voeg KPI's toe aan doelen, ketens en schakels; hun waarden vul je hier in.",
                                ).to_string()
                            }}
                        </p>
                    }
                }
            >
                <p class="muted small values-hint">
                    {tr(app.lang,
                        "Type a number and press Enter or Tab. Arrow keys move between cells; an empty cell removes the value. The last column is each KPI's period as of the chosen month.",
                        "Typ een getal en druk op Enter of Tab. Pijltjestoetsen gaan van cel naar cel; een lege cel wist de waarde. De laatste kolom is de periode van elke KPI per de gekozen maand.")}
                </p>
                <div class="values-scroll" node_ref=scroll on:scroll=move |_| measure_soon()>
                    <table
                        class="values-grid"
                        role="grid"
                        aria-label=tr(app.lang, "Values", "Waarden")
                        aria-rowcount=move || rows.with(Vec::len) + 1
                        aria-colcount=SLOTS + 2
                        style=table_style
                    >
                        <colgroup>
                            <col style:width=move || format!("{}px", name_w.get()) />
                            <col style:width=format!("{NORM_W}px") />
                            <col span=SLOTS style:width=format!("{COL_W}px") />
                        </colgroup>
                        <thead>
                            <tr aria-rowindex="1">
                                <th scope="col" class="vg-corner" aria-colindex="1">
                                    {tr(app.lang, "KPI", "KPI")}
                                </th>
                                <th scope="col" class="vg-norm" aria-colindex="2">
                                    {tr(app.lang, "Norm", "Norm")}
                                </th>
                                {move || spacer_th(cols.get().0)}
                                {move || {
                                    let (a, b) = cols.get();
                                    months.with(|m| m[a..b].to_vec()).into_iter().enumerate().map(|(i, p)| {
                                        view! {
                                            <th scope="col" class="vg-month" aria-colindex=a + i + 3>
                                                {month_text(crate::model::steer::month_of(p))}
                                            </th>
                                        }
                                    }).collect_view()
                                }}
                                {move || spacer_th(SLOTS - cols.get().1)}
                            </tr>
                        </thead>
                        <tbody>
                            {move || spacer_row(row_range.get().0)}
                            <For
                                each=visible
                                key=|(i, r)| (*i, r.clone())
                                children=move |(i, r)| view! { <GridRowView index=i row=r grid=grid sel=sel.get_value() /> }
                            />
                            {move || spacer_row(rows.with(Vec::len) - row_range.get().1)}
                        </tbody>
                    </table>
                </div>
            </Show>
        </div>
    }
}

/// A header cell standing in for `n` unmounted columns.
fn spacer_th(n: usize) -> impl IntoView {
    (n > 0).then(|| view! { <th class="vg-spacer" colspan=n aria-hidden="true"></th> })
}

/// A row standing in for `n` unmounted rows.
fn spacer_row(n: usize) -> impl IntoView {
    (n > 0).then(|| {
        view! {
            <tr class="vg-spacer-row" aria-hidden="true" style:height=format!("{}px", n as f64 * ROW_H)>
                <td colspan=SLOTS + 2></td>
            </tr>
        }
    })
}
