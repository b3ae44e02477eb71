//! Files and links: Export JSON / CSV, Import JSON (file input and drop anywhere on the
//! window), Copy share link, opening a share link, and the banners that go with them
//! (import problems, the share box, a model arriving in a link, a change in another tab).

mod banners;
mod browser;
mod transfer;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use banners::FileBanners;
pub use browser::request_persistence;
pub use transfer::{copy_share_link, export_csv_now, export_json_now, export_raw, import_file};

use crate::ui::state::use_app;

/// The file actions of the open model (in the header).
#[component]
pub fn FileActions() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| move || app.lang.get().pick(en, nl);
    view! {
        <div class="file-actions" role="group" aria-label=pick("Files", "Bestanden")>
            <button type="button" on:click=move |_| export_json_now(app)>
                {pick("Export JSON", "JSON exporteren")}
            </button>
            <button type="button" on:click=move |_| export_csv_now(app)>
                {pick("Export CSV", "CSV exporteren")}
            </button>
            <label class="file-button">
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    aria-label=pick("Import JSON", "JSON importeren")
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            spawn_local(import_file(app, file));
                        }
                        // Choosing the same file again must fire `change` again.
                        input.set_value("");
                    }
                />
                <span aria-hidden="true">{pick("Import JSON", "JSON importeren")}</span>
            </label>
            <button type="button" on:click=move |_| spawn_local(copy_share_link(app))>
                {pick("Copy share link", "Deellink kopiëren")}
            </button>
        </div>
    }
}
