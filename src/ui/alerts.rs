//! Errors and storage warnings, each in `role="alert"`.

use leptos::prelude::*;

use super::i18n::{tr_key, T};
use super::state::use_app;

#[component]
pub fn Alerts() -> impl IntoView {
    let app = use_app();
    view! {
        <super::files::FileBanners />
        <super::copies::ConflictBanner />
        <Show when=move || app.storage_alert.get().is_some()>
            <div class="banner banner-warning" role="alert">
                {move || app.storage_alert.get().map(|k| app.text(k))}
            </div>
        </Show>
        <Show when=move || app.nearly_full.get().is_some() && app.storage_alert.get().is_none()>
            <div class="banner banner-warning" role="alert">
                {move || {
                    let p = app.nearly_full.get().unwrap_or_default();
                    app.lang.get().pick(
                        format!("The browser's storage for this app is nearly full ({p}% used). Export models you want to keep and delete those you no longer need (Models shows the largest)."),
                        format!("De opslag van de browser voor deze app is bijna vol ({p}% gebruikt). Exporteer modellen die u wilt bewaren en verwijder wat u niet meer nodig hebt (Modellen toont de grootste)."),
                    )
                }}
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
