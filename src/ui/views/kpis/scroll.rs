//! The KPIs table's scroll box: which rows are mounted. Up to [`ALL_UP_TO`] matching KPIs
//! every row is; beyond, only those near the visible part (`present::window`), with a spacer
//! row above and below standing in for the others. Rows are at least [`ROW_H`] high; one whose
//! target or status takes two lines is higher, so the window uses the mean height of the
//! mounted rows, and keeps what is seen in place when that mean changes.

use leptos::html::Div;
use leptos::prelude::*;

use crate::present::window::window_beyond;

/// Up to this many matching KPIs every row is mounted (the browser's find sees them all).
const ALL_UP_TO: usize = 200;
/// A row's least height in pixels (`style/kpis.css` sets it on every row).
const ROW_H: f64 = 34.0;
/// Rows mounted beyond the visible ones on each side (Tab moves into them).
const OVERSCAN: usize = 12;
/// The table's 13 columns (for the rows standing in for unmounted ones).
const COLUMNS: usize = 13;

/// The scroll box as last measured: where its rows are seen, and how high a row is.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Viewport {
    /// The scroll offset below the head row, in pixels.
    top: f64,
    /// The height in which rows are seen (the box without the head row).
    height: f64,
    /// A row's height: the mean of the mounted rows.
    row: f64,
    /// Scrolled to the end.
    at_end: bool,
}

/// The table's scroll box (`node_ref`) and its last measure.
#[derive(Clone, Copy)]
pub(super) struct Scroll {
    /// The box (`.kpi-table-wrap`).
    pub wrap: NodeRef<Div>,
    viewport: RwSignal<Viewport>,
}

impl Scroll {
    pub fn new() -> Scroll {
        Scroll {
            wrap: NodeRef::new(),
            viewport: RwSignal::new(Viewport {
                top: 0.0,
                height: 800.0,
                row: ROW_H,
                at_end: false,
            }),
        }
    }

    /// The rows `[first, last)` of `count` to mount (subscribes to the scroll position).
    pub fn range(self, count: usize) -> (usize, usize) {
        let v = self.viewport.get();
        window_beyond(ALL_UP_TO, v.top, v.height, v.row, count, OVERSCAN)
    }

    /// True when a list of `count` rows is windowed (not all of it mounted).
    pub fn windowed(count: usize) -> bool {
        count > ALL_UP_TO
    }

    /// A row standing in for `n` unmounted rows (nothing when `n` is 0).
    pub fn spacer(self, n: usize) -> impl IntoView {
        let row = self.viewport.with(|v| v.row);
        (n > 0).then(|| {
            view! {
                <tr class="kpi-spacer" aria-hidden="true" style:height=format!("{}px", (n as f64 * row).round() as u64)>
                    <td colspan=COLUMNS></td>
                </tr>
            }
        })
    }

    /// Reads the box's scroll position and the mounted rows' height (on scroll, on resize,
    /// after the mounted rows change).
    pub fn measure(self) {
        // `try_`: a measure may run a frame after the view is gone.
        let (Some(el), Some(old)) = (
            self.wrap.try_get_untracked().flatten(),
            self.viewport.try_get_untracked(),
        ) else {
            return;
        };
        let (v, scroll_to) = measure(&el, old);
        if v != old {
            self.viewport.try_set(v);
        }
        if let Some(y) = scroll_to {
            // After the spacers have grown or shrunk (the next frame), or the box could not
            // scroll that far.
            let wrap = self.wrap;
            request_animation_frame(move || {
                if let Some(el) = wrap.try_get_untracked().flatten() {
                    el.set_scroll_top(y);
                }
            });
        }
    }

    /// Shows the first rows (a new filter or sort). `try_`: an input's handler may run after
    /// the view was disposed (its blur while it is being unmounted).
    pub fn to_top(self) {
        if let Some(el) = self.wrap.try_get_untracked().flatten() {
            el.set_scroll_top(0);
        }
        self.viewport.update(|v| v.top = 0.0);
    }

    /// Mounts row `index` and scrolls the selected row into view (a KPI selected elsewhere,
    /// e.g. by Health's "Show").
    pub fn reveal(self, index: usize) {
        request_animation_frame(move || {
            // Bring its place near the top (which mounts it), then it into view.
            if let (Some(el), Some(v)) = (
                self.wrap.try_get_untracked().flatten(),
                self.viewport.try_get_untracked(),
            ) {
                el.set_scroll_top((index as f64 * v.row) as i32);
            }
            self.measure();
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector(".kpi-table tr.selected")
                    .ok()
                    .flatten()
                {
                    el.scroll_into_view_with_bool(false);
                }
            });
        });
    }
}

/// Reads the scroll box `el` (`old`: the last reading, whose row height is kept when no
/// rows are mounted), and where to scroll it once the spacers have the new row height.
fn measure(el: &web_sys::HtmlDivElement, old: Viewport) -> (Viewport, Option<i32>) {
    let head = el
        .query_selector("thead")
        .ok()
        .flatten()
        .map_or(0.0, |h| h.get_bounding_client_rect().height());
    let mut row = old.row;
    if let Ok(list) = el.query_selector_all("tbody tr:not(.kpi-spacer)") {
        let n = list.length();
        let rect = |i| {
            list.item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                .map(|e| e.get_bounding_client_rect())
        };
        if let (true, Some(first), Some(last)) = (n > 1, rect(0), rect(n - 1)) {
            let mean = (last.bottom() - first.top()) / f64::from(n);
            if (mean - row).abs() > 0.5 {
                row = mean.max(ROW_H);
            }
        }
    }
    let (scroll, seen) = (f64::from(el.scroll_top()), f64::from(el.client_height()));
    let at_end = scroll + seen + 1.0 >= f64::from(el.scroll_height());
    let mut top = scroll - head;
    let mut scroll_to = None;
    if row != old.row && top > 0.0 {
        // Keep what is seen where it is: the spacer above the mounted rows grows or
        // shrinks with the row height, so the offset moves by as much; a table that was
        // scrolled to its end stays at its end.
        let above = el
            .query_selector("tbody tr.kpi-spacer:first-child")
            .ok()
            .flatten()
            .map_or(0.0, |s| s.get_bounding_client_rect().height());
        top += above * (row / old.row - 1.0);
        scroll_to = Some(if old.at_end {
            i32::MAX
        } else {
            (top + head).round() as i32
        });
    }
    let v = Viewport {
        top,
        height: seen - head,
        row,
        at_end,
    };
    (v, scroll_to)
}
