//! Files and links: Export JSON / CSV / slides / PNG (of a picture a view shows), Import JSON (file input and drop anywhere on the
//! window), Copy share link, opening a share link, and the banners that go with them
//! (import problems, the share box, a model arriving in a link, a change in another tab).

mod banners;
mod browser;
mod png;
mod slides;
mod transfer;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use banners::FileBanners;
pub use browser::{deflate, inflate, read_text, request_persistence};
pub use png::export_png_now;
pub use transfer::{
    copy_share_link, export_csv_now, export_json_now, export_raw, import_file, offer_download,
    offer_download_bytes,
};

use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// "Import JSON": always in the header, so a file can be imported with no model open.
#[component]
pub fn ImportButton() -> impl IntoView {
    let app = use_app();
    view! {
        <label class="file-button">
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                aria-label=tr(app.lang, "Import JSON", "JSON importeren")
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        spawn_local(import_file(app, file));
                    }
                    // Choosing the same file again must fire `change` again.
                    input.set_value("");
                }
            />
            <span aria-hidden="true">{tr(app.lang, "Import JSON", "JSON importeren")}</span>
        </label>
    }
}

/// Export and share actions of the open model (in the editor toolbar).
#[component]
pub fn FileActions() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toolbar-group file-actions" role="group" aria-label=tr(app.lang, "Files", "Bestanden")>
            <button type="button" on:click=move |_| export_json_now(app)>
                {tr(app.lang, "Export JSON", "JSON exporteren")}
            </button>
            <button type="button" on:click=move |_| export_csv_now(app)>
                {tr(app.lang, "Export CSV", "CSV exporteren")}
            </button>
            <button type="button" on:click=move |_| slides::export_slides_now(app)>
                {tr(app.lang, "Export slides", "Dia's exporteren")}
            </button>
            <button type="button" on:click=move |_| spawn_local(copy_share_link(app))>
                {tr(app.lang, "Copy share link", "Deellink kopiëren")}
            </button>
            <crate::ui::folder::menu::FolderActions />
        </div>
    }
}
