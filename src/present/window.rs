//! Which rows (or columns) of a long list to mount: those near the visible part of a scroll
//! box. The Values grid and the KPIs table mount only these, so a 3,000-KPI model costs what
//! a template does.

/// The items `[first, last)` to mount for a scroll offset: those inside the viewport and
/// `overscan` more on each side. `item` is each item's size (pixels); all are equal, or at
/// least that size (taller items only mount more than is seen).
pub fn window(
    offset: f64,
    viewport: f64,
    item: f64,
    count: usize,
    overscan: usize,
) -> (usize, usize) {
    if count == 0 || item <= 0.0 {
        return (0, 0);
    }
    let first = ((offset.max(0.0) / item).floor() as usize).min(count - 1);
    let shown = (viewport.max(0.0) / item).ceil() as usize + 1;
    let a = first.saturating_sub(overscan);
    let b = (first + shown + overscan).min(count);
    (a, b)
}

/// [`window`] for a list that is mounted whole up to `all_up_to` items (so a small model's
/// every row is in the page, for the browser's find and for screen readers) and windowed
/// beyond.
pub fn window_beyond(
    all_up_to: usize,
    offset: f64,
    viewport: f64,
    item: f64,
    count: usize,
    overscan: usize,
) -> (usize, usize) {
    if count <= all_up_to {
        (0, count)
    } else {
        window(offset, viewport, item, count, overscan)
    }
}

/// The width of a grid's frozen name column in a scroll box `box_width` pixels wide: `widest`
/// where there is room, less on a narrow screen (45 % of the box, no less than `narrowest`),
/// so that a phone shows a value column beside the names. `widest` before the box is measured
/// (`box_width` 0).
pub fn name_column_width(box_width: f64, narrowest: f64, widest: f64) -> f64 {
    if box_width <= 0.0 {
        widest
    } else {
        (box_width * 0.45).clamp(narrowest, widest)
    }
}
