//! Which rows of a long list are mounted: the window near the viewport.

use kpi_structure::present::window::{name_column_width, window, window_beyond};

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

#[test]
fn the_name_column_narrows_on_a_phone_and_keeps_its_width_where_there_is_room() {
    // A 1280 px screen's grid, a 412 px phone's, a very narrow one, not measured yet.
    assert_eq!(name_column_width(900.0, 150.0, 280.0), 280.0);
    assert_eq!(name_column_width(362.0, 150.0, 280.0), 362.0 * 0.45);
    assert_eq!(name_column_width(200.0, 150.0, 280.0), 150.0);
    assert_eq!(name_column_width(0.0, 150.0, 280.0), 280.0);
    // Never more than half of the box on a phone: room for a value column beside it.
    assert!(name_column_width(362.0, 150.0, 280.0) + 86.0 < 362.0);
}
