//! The "Models" list: every saved model with Open / Duplicate / Delete (Delete asks first),
//! and quarantined entries that could not be read.

use leptos::prelude::*;

use super::files::export_raw;
use super::i18n::{tr_key, T};
use super::split::{after_first_view, build};
use super::state::use_app;
use crate::storage::library::Summary;

#[component]
pub fn Library(show: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="library" aria-labelledby="library-title">
            <div class="library-head">
                <h2 id="library-title">{tr_key(app.lang, T::Models)}</h2>
                <button type="button" class="quiet" on:click=move |_| show.set(false)>
                    {tr_key(app.lang, T::Close)}
                </button>
            </div>
            <div class="library-folder">
                {after_first_view(folder_opener)}
                <span class="muted small">
                    {move || app.lang.get().pick(
                        "A model your team keeps in a synced folder (OneDrive, Google Drive, Dropbox).",
                        "Een model dat je team in een gesynchroniseerde map bewaart (OneDrive, Google Drive, Dropbox).",
                    )}
                </span>
            </div>
            <Show
                when=move || !app.listing.with(|l| l.models.is_empty())
                fallback=move || view! { <p class="muted">{tr_key(app.lang, T::NoModels)}</p> }
            >
                <ul class="model-list">
                    <For
                        each=move || app.listing.get().models
                        key=|s| (s.id.clone(), s.name.clone(), s.rev)
                        children=move |s| view! { <ModelRow summary=s show=show /> }
                    />
                </ul>
            </Show>
            <Show when=move || !app.listing.with(|l| l.quarantined.is_empty())>
                <ul class="model-list quarantined">
                    <For
                        each=move || app.listing.get().quarantined
                        key=|q| q.key.clone()
                        children=move |q| {
                            let key = q.key.clone();
                            let what = if q.newer { T::QuarantinedNewer } else { T::Quarantined };
                            view! {
                                <li>
                                    <span class="model-row-name">{q.key.clone()}</span>
                                    <span class="muted">
                                        {move || app.text(what)} " · " {size_text(q.raw_len)}
                                    </span>
                                    <button type="button" on:click=move |_| export_raw(app, &key)>
                                        {move || app.text(T::ExportRaw)}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            {after_first_view(storage_use)}
            <p class="muted storage-persistence">
                {move || {
                    let lang = app.lang.get();
                    match app.persisted.get() {
                        Some(true) => lang.pick("Storage: persistent", "Opslag: blijvend"),
                        Some(false) => lang.pick(
                            "Storage: may be cleared by the browser",
                            "Opslag: kan door de browser worden gewist",
                        ),
                        None => "",
                    }
                }}
            </p>
        </section>
    }
}

/// A size in bytes as people read it: "18 B", "4.2 KB", "1.3 MB".
fn size_text(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => {
            format!("{} KB", crate::format::fixed::fixed(b as f64 / 1024.0, 1))
        }
        b => format!(
            "{} MB",
            crate::format::fixed::fixed(b as f64 / (1024.0 * 1024.0), 1)
        ),
    }
}

/// Lazy: "Open folder" (a model a team keeps in a synced folder) comes after the first view.
#[cfg_attr(feature = "split", lazy)]
async fn folder_opener() -> AnyView {
    build(|| view! { <super::folder::menu::OpenFolder /> }.into_any())
}

/// Lazy: the storage measure comes after the first view.
#[cfg_attr(feature = "split", lazy)]
async fn storage_use() -> AnyView {
    build(|| view! { <StorageUse /> }.into_any())
}

/// How much of the browser's storage the library uses, and the largest models.
#[component]
fn StorageUse() -> impl IntoView {
    let app = use_app();
    let usage = Memo::new(move |_| {
        app.listing.track();
        app.usage()
    });
    view! {
        {move || {
            let u = usage.get()?;
            let lang = app.lang.get();
            // Browsers count localStorage in characters (UTF-16 units) against "5 MB".
            let (used, quota) = (size_text(u.used), size_text(u.quota));
            let percent = (u.share() * 100.0).round();
            // Plain text, not a list: the listitems of Models are the models.
            let largest = u
                .models
                .iter()
                .take(3)
                .map(|m| {
                    let points = if m.points > 0 {
                        lang.pick(
                            format!(" (restore points {})", size_text(m.points)),
                            format!(" (herstelpunten {})", size_text(m.points)),
                        )
                    } else {
                        String::new()
                    };
                    format!("{} · {}{points}", m.name, size_text(m.total()))
                })
                .collect::<Vec<_>>()
                .join("; ");
            Some(view! {
                <div class="storage-use" class:nearly-full=u.nearly_full()>
                    <h3>{lang.pick("Storage", "Opslag")}</h3>
                    <p>
                        {lang.pick(
                            format!("{used} of {quota} used ({percent}%)"),
                            format!("{used} van {quota} gebruikt ({percent}%)"),
                        )}
                    </p>
                    <meter min="0" max="1" low="0.6" high="0.8" optimum="0" value=u.share()
                        aria-label=lang.pick("Storage used", "Opslag gebruikt")></meter>
                    <p class="storage-largest">
                        {lang.pick("Largest: ", "Grootste: ")}
                        {largest}
                    </p>
                </div>
            })
        }}
    }
}

#[component]
fn ModelRow(summary: Summary, show: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let (open_id, dup_id, del_id) = (summary.id.clone(), summary.id.clone(), summary.id.clone());
    let is_open = {
        let id = summary.id.clone();
        move || app.doc.read(|r| r.model().id == id).unwrap_or(false)
    };
    view! {
        <li class="model-row" class:current=is_open>
            <span class="model-row-name">{summary.name.clone()}</span>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    let (open_id, dup_id) = (open_id.clone(), dup_id.clone());
                    view! {
                        <button type="button" on:click=move |_| { app.open(&open_id); show.set(false); }>
                            {tr_key(app.lang, T::Open)}
                        </button>
                        <button type="button" on:click=move |_| app.duplicate(&dup_id)>
                            {tr_key(app.lang, T::Duplicate)}
                        </button>
                        <button type="button" class="danger" on:click=move |_| confirming.set(true)>
                            {tr_key(app.lang, T::Delete)}
                        </button>
                    }
                }
            >
                {
                    let del_id = del_id.clone();
                    view! {
                        <button type="button" class="danger" on:click=move |_| app.delete(&del_id)>
                            {tr_key(app.lang, T::ConfirmDelete)}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>
                            {tr_key(app.lang, T::Cancel)}
                        </button>
                    }
                }
            </Show>
        </li>
    }
}
