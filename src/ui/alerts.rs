//! Errors and storage warnings, each in `role="alert"`.

use leptos::prelude::*;

use super::i18n::{tr_key, T};
use super::state::use_app;

#[component]
pub fn Alerts() -> impl IntoView {
    let app = use_app();
    view! {
        <super::files::FileBanners />
        <Show when=move || app.storage_alert.get().is_some()>
            <div class="banner banner-warning" role="alert">
                {move || app.storage_alert.get().map(|k| app.text(k))}
            </div>
        </Show>
        <Show when=move || app.error.get().is_some()>
            <div class="banner banner-error" role="alert">
                <span>{move || app.error.get()}</span>
                <button type="button" on:click=move |_| app.error.set(None)>
                    {tr_key(app.lang, T::Dismiss)}
                </button>
            </div>
        </Show>
    }
}
