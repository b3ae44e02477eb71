//! "Export PNG": a picture's size read from its SVG (the diagram's, a chain's, a trend
//! chart's), twice that as the PNG's, less for a picture too large for a canvas, and the file
//! name.

use kpi_structure::present::picture::{
    png_file_name, png_scale, png_size, svg_size, MAX_PIXELS, MAX_SIDE, SCALE,
};
use kpi_structure::present::trend_chart::{H, W};

#[test]
fn size_of_each_kind_of_picture() {
    // The diagram's export: a prolog, then the root with xmlns first.
    let diagram = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"812.5\" height=\"400\" viewBox=\"0 0 812.5 400\"><rect stroke-width=\"3\" width=\"9\"/></svg>";
    assert_eq!(svg_size(diagram), Some((812.5, 400.0)));
    // The trend chart: class and viewBox first; `stroke-width` inside is not the width.
    let trend = "<svg class=\"trend-svg\" viewBox=\"0 0 280 160\" width=\"700\" height=\"400\" xmlns=\"http://www.w3.org/2000/svg\"><path stroke-width=\"1.6\"/></svg>";
    assert_eq!(svg_size(trend), Some((700.0, 400.0)));
    assert_eq!(
        700.0 * H / W,
        400.0,
        "the trend chart's export width gives whole pixels"
    );
    // The screen's form, sized by the page: no size.
    assert_eq!(svg_size("<svg viewBox=\"0 0 280 160\"></svg>"), None);
    assert_eq!(svg_size("<svg width=\"0\" height=\"5\"></svg>"), None);
    assert_eq!(svg_size("not a picture"), None);
}

#[test]
fn twice_the_size_unless_too_large() {
    assert_eq!(SCALE, 2.0);
    assert_eq!(png_size(700.0, 400.0), (1400, 800));
    assert_eq!(png_size(812.5, 304.0), (1625, 608));
    // A very wide diagram: the longest side is held to the limit.
    let (w, h) = png_size(20_000.0, 1_000.0);
    assert!(f64::from(w) <= MAX_SIDE && h < 2_000, "{w} x {h}");
    assert!(png_scale(20_000.0, 1_000.0) < 1.0);
    // A large square one: the pixel count is.
    let (w, h) = png_size(5_000.0, 5_000.0);
    assert!(
        f64::from(w) * f64::from(h) <= MAX_PIXELS * 1.001,
        "{w} x {h}"
    );
}

#[test]
fn file_names() {
    assert_eq!(
        png_file_name("Coffee machines", "Structure"),
        "Coffee machines - Structure.png"
    );
    assert_eq!(
        png_file_name(" A/B ", "Trend: cups?"),
        "A-B - Trend- cups-.png"
    );
}
