//! The folder's buttons in the top bar and its status line: "Open folder", "Save to folder",
//! "Reconnect folder", and where folders cannot be written a read-only folder input (same
//! label) with "Download my changes".

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::sync::{download_my_changes, open_folder, open_folder_files, reconnect, save_to_folder};
use super::{use_folder, Status};
use crate::storage::folder_fs;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// "Open folder" (in the header's lazy file menus: it works with no model open).
#[component]
pub fn OpenFolder() -> impl IntoView {
    let app = use_app();
    if folder_fs::supported() {
        view! {
            <button type="button" on:click=move |_| open_folder(app)>
                {tr(app.lang, "Open folder", "Map openen")}
            </button>
        }
        .into_any()
    } else {
        view! { <ReadOnlyInput /> }.into_any()
    }
}

/// The open model's folder in the editor's file actions: "Save to folder" (not in a folder
/// yet), its status ("Folder “team”", who writes, when read), "Reconnect folder", or read
/// only with "Download my changes"; and the loop that keeps it in step.
#[component]
pub fn FolderActions() -> impl IntoView {
    let app = use_app();
    let Some(ctx) = use_folder() else {
        return ().into_any();
    };
    let writable = folder_fs::supported();
    super::sync::start(app);
    // A model that lives in a folder reconnects when it opens (if the browser still allows).
    Effect::new(move |_| {
        app.doc.is_open();
        spawn_local(reconnect(app, false));
    });
    let status = Memo::new(move |_| ctx.status.get());
    let status = move || status.get();
    view! {
        {move || match status() {
            Status::Off => writable
                .then(|| {
                    view! {
                        <button type="button" on:click=move |_| save_to_folder(app)>
                            {tr(app.lang, "Save to folder", "In map bewaren")}
                        </button>
                    }
                })
                .into_any(),
            Status::Connected(name) => view! {
                <span class="folder-status" role="status" title=move || ctx.summary.get()>
                    {tr(app.lang, "Folder", "Map")} " “" {name} "”"
                    <span class="folder-summary">" · " {move || ctx.summary.get()}</span>
                </span>
                <FolderNotices />
            }
            .into_any(),
            Status::NeedsPermission(name) => view! {
                <button
                    type="button"
                    class="primary"
                    title=format!("“{name}”")
                    on:click=move |_| spawn_local(reconnect(app, true))
                >
                    {tr(app.lang, "Reconnect folder", "Map opnieuw verbinden")}
                </button>
            }
            .into_any(),
            Status::ReadOnly(name) => view! {
                <span class="folder-status" role="status">
                    {tr(app.lang, "Folder", "Map")} " “" {name} "” · "
                    {tr(
                        app.lang,
                        "read only: this browser cannot write to folders. Your changes stay here; “Download my changes” gives your file for the folder's changes/ folder.",
                        "alleen lezen: deze browser kan niet in mappen schrijven. Je wijzigingen blijven hier; “Mijn wijzigingen downloaden” geeft je bestand voor de map changes/.",
                    )}
                </span>
                <button type="button" on:click=move |_| download_my_changes(app)>
                    {tr(app.lang, "Download my changes", "Mijn wijzigingen downloaden")}
                </button>
                <FolderNotices />
            }
            .into_any(),
        }}
    }
    .into_any()
}

/// The folder's notices (copies merged, files not read, changes overwritten unseen).
#[component]
fn FolderNotices() -> impl IntoView {
    let ctx = use_folder();
    move || {
        let notices = ctx.map(|c| c.notices.get()).unwrap_or_default();
        (!notices.is_empty()).then(|| {
            view! {
                <ul class="folder-notices">
                    {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

/// "Open folder" without the File System Access API: a folder input (read only).
#[component]
fn ReadOnlyInput() -> impl IntoView {
    let app = use_app();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        spawn_local(async move {
            let mut texts = Vec::new();
            let mut folder = String::new();
            for f in files {
                // `team/changes/ben.kpi-changes.json`: the path inside the picked folder.
                let path = js_sys::Reflect::get(&f, &"webkitRelativePath".into())
                    .ok()
                    .and_then(|p| p.as_string())
                    .unwrap_or_else(|| f.name());
                let (top, inner) = path.split_once('/').unwrap_or(("", path.as_str()));
                folder = top.to_string();
                let Ok(text) = wasm_bindgen_futures::JsFuture::from(f.text()).await else {
                    continue;
                };
                texts.push((inner.to_string(), text.as_string().unwrap_or_default()));
            }
            open_folder_files(app, folder, texts);
        });
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // `webkitdirectory` has no typed setter: set it once mounted.
    Effect::new(move |_| {
        if let Some(el) = input_ref.get() {
            let el: &web_sys::Element = el.unchecked_ref();
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    view! {
        <label class="file-button">
            <input
                type="file"
                class="visually-hidden"
                node_ref=input_ref
                aria-label=tr(app.lang, "Open folder", "Map openen")
                on:change=on_change
            />
            <span aria-hidden="true">{tr(app.lang, "Open folder", "Map openen")}</span>
        </label>
    }
}
