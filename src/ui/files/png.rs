//! "Export PNG": a standalone SVG picture (the Structure diagram, a chain, a trend chart)
//! drawn by the browser onto a canvas at twice its size (`present::picture`) on white, and
//! offered as `<model name> - <what>.png`. SVG -> Blob -> object URL -> image -> canvas ->
//! PNG blob. A lazy part: the canvas code loads on the first export.

use js_sys::{Array, Promise, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlCanvasElement, Url};

use crate::present::picture::{png_size, svg_size};
use crate::ui::state::App;

use super::offer_download_bytes;

/// Why no PNG came, in words.
enum Failed {
    /// The SVG has no size (a programming error, said as such).
    NoSize,
    /// The browser could not draw it (or refused a step).
    Browser,
}

/// The image `svg` describes, loaded and decoded.
async fn load(svg: &str) -> Result<web_sys::HtmlImageElement, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(svg)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = Url::revoke_object_url(&url);
    decoded.map(|_| img)
}

/// `svg` as PNG bytes at [`png_size`].
async fn render(svg: &str) -> Result<Vec<u8>, Failed> {
    let (w, h) = svg_size(svg).ok_or(Failed::NoSize)?;
    let (pw, ph) = png_size(w, h);
    let img = load(svg).await.map_err(|_| Failed::Browser)?;
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(|_| Failed::Browser)?
        .unchecked_into();
    canvas.set_width(pw);
    canvas.set_height(ph);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(Failed::Browser)?
        .unchecked_into();
    let (pw, ph) = (f64::from(pw), f64::from(ph));
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, pw, ph);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, pw, ph)
        .map_err(|_| Failed::Browser)?;
    // `canvas.toBlob(resolve, "image/png")`: null when the canvas cannot be encoded.
    let png = Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    });
    let blob = JsFuture::from(png).await.map_err(|_| Failed::Browser)?;
    let blob: Blob = blob.dyn_into().map_err(|_| Failed::Browser)?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| Failed::Browser)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Lazy: draws `svg` as a PNG and offers it as `file`; says in the alert when it cannot.
#[cfg_attr(feature = "split", lazy)]
async fn export_png_file(app: App, svg: String, file: String) {
    let result = render(&svg).await;
    let lang = app.lang.get_untracked();
    match result {
        Ok(bytes) => offer_download_bytes(app, &file, &bytes, "image/png"),
        Err(Failed::NoSize) => app.error.set(Some(
            lang.pick(
                "This picture has no size, so no PNG could be made. Please report this.",
                "Deze afbeelding heeft geen afmetingen, dus er kon geen PNG worden gemaakt. Meld dit alstublieft.",
            )
            .to_string(),
        )),
        Err(Failed::Browser) => app.error.set(Some(
            lang.pick(
                "The browser could not make the PNG. Please try another browser.",
                "De browser kon de PNG niet maken. Probeer een andere browser.",
            )
            .to_string(),
        )),
    }
}

/// "Export PNG": `picture()` gives the SVG and the file name (`None`: nothing to export);
/// fetches the part if needed, then draws and downloads it.
pub fn export_png_now(app: App, picture: impl FnOnce() -> Option<(String, String)>) {
    if let Some((svg, file)) = picture() {
        leptos::task::spawn_local(export_png_file(app, svg, file));
    }
}
