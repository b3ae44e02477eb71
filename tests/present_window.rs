//! Which rows of a long list are mounted: the window near the viewport.

use kpi_structure::present::window::{window, window_beyond};

#[test]
fn the_window_covers_the_viewport_and_overscan() {
    assert_eq!(window(0.0, 300.0, 30.0, 1000, 5), (0, 16));
    assert_eq!(window(3000.0, 300.0, 30.0, 1000, 5), (95, 116));
    assert_eq!(window(1e9, 300.0, 30.0, 1000, 5), (994, 1000));
    assert_eq!(window(0.0, 300.0, 30.0, 0, 5), (0, 0));
    assert_eq!(window(0.0, 300.0, 30.0, 3, 5), (0, 3));
}

#[test]
fn a_short_list_is_mounted_whole_wherever_it_is_scrolled() {
    assert_eq!(window_beyond(200, 0.0, 300.0, 30.0, 200, 5), (0, 200));
    assert_eq!(window_beyond(200, 4000.0, 300.0, 30.0, 120, 5), (0, 120));
    assert_eq!(window_beyond(200, 0.0, 300.0, 30.0, 0, 5), (0, 0));
}

#[test]
fn a_long_list_is_windowed() {
    assert_eq!(window_beyond(200, 0.0, 300.0, 30.0, 3000, 5), (0, 16));
    assert_eq!(window_beyond(200, 3000.0, 300.0, 30.0, 3000, 5), (95, 116));
    // Scrolled past the end (the list just got shorter): the last rows.
    assert_eq!(window_beyond(200, 1e6, 300.0, 30.0, 201, 5), (195, 201));
}
