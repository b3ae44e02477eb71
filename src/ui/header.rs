//! The top bar: product name, model actions, model name, language, save status.

use leptos::prelude::*;

use super::files::ImportButton;
use super::i18n::{tr, tr_key, T};
use super::split::{after_first_view_or, build};
use super::state::{use_app, App, SaveState};
use super::templates::TemplatesMenu;
use crate::model::{Edit, Lang, ModelField};

/// Lazy: Templates and Import JSON (and the import path they pull in) come after the first view.
#[cfg_attr(feature = "split", lazy)]
async fn file_menus(show_models: RwSignal<bool>) -> AnyView {
    build(|| {
        view! {
            <TemplatesMenu show_models=show_models />
            <ImportButton />
        }
        .into_any()
    })
}

/// Templates and Import JSON as they look, until their part arrives: "Templates" disabled,
/// "Import JSON" only drawn (no file input that would take a file and do nothing).
fn file_menus_stand_in(app: App) -> impl IntoView {
    view! {
        <div class="menu">
            <button type="button" disabled aria-hidden="true">{tr(app.lang, "Templates", "Sjablonen")}</button>
        </div>
        <span class="file-button" aria-hidden="true">
            <span>{tr(app.lang, "Import JSON", "JSON importeren")}</span>
        </span>
    }
}

/// "New model": creates an empty model, opens it and closes the Models panel (in the header
/// and on the start screen, the same control).
///
/// - `show_models`: the Models panel's switch.
#[component]
pub fn NewModelButton(show_models: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            type="button"
            on:click=move |_| {
                app.new_model();
                show_models.set(false);
            }
        >
            {tr_key(app.lang, T::NewModel)}
        </button>
    }
}

#[component]
pub fn Header(show_models: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                // The page's one h1: the app's name while a model is open (the start screen,
                // shown otherwise, has its own).
                {move || {
                    if app.doc.is_open() {
                        view! { <h1 class="brand-name">{tr_key(app.lang, T::AppName)}</h1> }
                            .into_any()
                    } else {
                        view! { <span class="brand-name">{tr_key(app.lang, T::AppName)}</span> }
                            .into_any()
                    }
                }}
            </div>
            <nav class="actions" aria-label="Model">
                <NewModelButton show_models=show_models />
                {after_first_view_or(move || file_menus(show_models), move || file_menus_stand_in(app))}
                <button
                    type="button"
                    aria-expanded=move || show_models.get().to_string()
                    on:click=move |_| show_models.update(|v| *v = !*v)
                >
                    {tr_key(app.lang, T::Models)}
                </button>
            </nav>
            <ModelName />
            <div class="topbar-end">
                <LanguagePicker />
                <SaveStatus />
            </div>
        </header>
    }
}

#[component]
fn ModelName() -> impl IntoView {
    let app = use_app();
    let has_model = move || app.doc.is_open();
    view! {
        <Show when=has_model>
            <label class="model-name">
                <span class="visually-hidden">{tr_key(app.lang, T::ModelName)}</span>
                <input
                    type="text"
                    maxlength=crate::format::MAX_NAME_CHARS
                    aria-label=tr_key(app.lang, T::ModelName)
                    prop:value=move || app.doc.read(|r| r.model().name.clone()).unwrap_or_default()
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        app.edit(Edit::SetModel { field: ModelField::Name(name) }, true);
                    }
                    on:blur=move |_| app.break_coalescing()
                />
            </label>
        </Show>
    }
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let app = use_app();
    view! {
        <label class="lang">
            <span>{tr_key(app.lang, T::Language)}</span>
            <select
                aria-label=tr_key(app.lang, T::Language)
                on:change=move |ev| app.set_lang(Lang::from_code(&event_target_value(&ev)))
                prop:value=move || app.lang.get().code()
            >
                <option value="en" selected=move || app.lang.get() == Lang::En>"English"</option>
                <option value="nl" selected=move || app.lang.get() == Lang::Nl>"Nederlands"</option>
            </select>
        </label>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.doc.is_open()>
            <span
                role="status"
                class="save-status"
                class:unsaved=move || app.save_state.get() == SaveState::NotSaved
            >
                {move || match app.save_state.get() {
                    SaveState::Saved => app.text(T::Saved),
                    SaveState::NotSaved => app.text(T::NotSaved),
                }}
            </span>
        </Show>
    }
}
