//! The browser APIs the file actions use: downloads, reading a dropped or chosen file,
//! raw DEFLATE (CompressionStream, through a few lines of JS because web-sys marks it
//! unstable), the clipboard, persistent storage and the URL fragment.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
async function run(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}
export function deflate_raw(bytes) { return run(bytes, new CompressionStream('deflate-raw')); }
export function inflate_raw(bytes) { return run(bytes, new DecompressionStream('deflate-raw')); }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn deflate_raw(bytes: &[u8]) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn inflate_raw(bytes: &[u8]) -> Result<Promise, JsValue>;
}

async fn bytes_of(promise: Result<Promise, JsValue>) -> Option<Vec<u8>> {
    let value = JsFuture::from(promise.ok()?).await.ok()?;
    value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec())
}

/// Compresses with raw DEFLATE; `None` if the browser cannot.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    bytes_of(deflate_raw(bytes)).await
}

/// Decompresses raw DEFLATE; `None` if the data is damaged or the browser cannot.
pub async fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    bytes_of(inflate_raw(bytes)).await
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    save(name, &JsValue::from_str(text), mime)
}

/// Offers `bytes` as a download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    save(name, &Uint8Array::from(bytes), mime)
}

/// Downloads `part` (a string or bytes) as `name` of type `mime` (a hidden link, clicked).
fn save(name: &str, part: &JsValue, mime: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // `new Blob([part], { type })`: web-sys names this constructor after strings, but the
    // browser takes a typed array as well.
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(part), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.click();
        a.remove();
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The text of a chosen or dropped file (UTF-8).
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let value = JsFuture::from(file.text()).await?;
    value
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// Puts `text` on the clipboard; a refusal (no permission, page not focused) is ignored:
/// the link is shown in a textbox as well.
pub async fn copy_to_clipboard(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts.
    let present = Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| c.is_object())
        .unwrap_or(false);
    if present {
        let _ = JsFuture::from(navigator.clipboard().write_text(text)).await;
    }
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`).
/// `None` if the browser has no StorageManager here.
pub async fn request_persistence() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if !storage.is_object() {
        return None;
    }
    let manager: web_sys::StorageManager = storage.unchecked_into();
    let answer = JsFuture::from(manager.persist().ok()?).await.ok()?;
    answer.as_bool()
}

/// `location.hash`, e.g. `#m=...`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without the fragment.
pub fn address_without_fragment() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Removes the fragment from the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&address_without_fragment()));
    }
}
