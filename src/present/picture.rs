//! "Export PNG": what a standalone SVG picture (the diagram, a chain, a trend chart) becomes
//! as a PNG. Its size is its root's `width` and `height`; it is drawn at [`SCALE`] (sharp when
//! pasted into a document), or smaller when that would pass what a browser canvas can hold.
//! The file is named `<model name> - <what>.png`.

use crate::format::file_stem;

/// How many PNG pixels per CSS pixel of the picture.
pub const SCALE: f64 = 2.0;
/// The longest side a PNG gets, in pixels (Chromium's canvas stops at 32,767 and Firefox's
/// and Safari's earlier; this stays clear of all).
pub const MAX_SIDE: f64 = 16_000.0;
/// The most pixels a PNG gets (Safari's canvas stops near 16.7 million).
pub const MAX_PIXELS: f64 = 16_000_000.0;

/// The value of the root element's attribute `name` (`width`, `height`) in `svg`.
fn root_attribute<'a>(svg: &'a str, name: &str) -> Option<&'a str> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

/// The picture's width and height in CSS pixels, from its root `svg` element; `None` without
/// them (or when not positive).
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let num = |name| {
        let v: f64 = root_attribute(svg, name)?.trim().parse().ok()?;
        (v.is_finite() && v > 0.0).then_some(v)
    };
    Some((num("width")?, num("height")?))
}

/// The scale a `width` x `height` picture is drawn at: [`SCALE`], or less where the PNG would
/// pass [`MAX_SIDE`] or [`MAX_PIXELS`].
pub fn png_scale(width: f64, height: f64) -> f64 {
    SCALE
        .min(MAX_SIDE / width)
        .min(MAX_SIDE / height)
        .min((MAX_PIXELS / (width * height)).sqrt())
}

/// The PNG's width and height in pixels for a `width` x `height` picture (at least 1 x 1).
pub fn png_size(width: f64, height: f64) -> (u32, u32) {
    let s = png_scale(width, height);
    let px = |v: f64| ((v * s).round() as u32).max(1);
    (px(width), px(height))
}

/// `<model name> - <what>.png`, safe as a file name.
pub fn png_file_name(model: &str, what: &str) -> String {
    format!(
        "{}.png",
        file_stem(&format!("{} - {}", model.trim(), what.trim()))
    )
}
