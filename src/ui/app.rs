//! The app shell: header, alerts, the models list and the workspace.

use leptos::prelude::*;

use super::alerts::Alerts;
use super::editor::Editor;
use super::header::Header;
use super::i18n::{tr_key, T};
use super::library::Library;
use super::print::PrintDocument;
use super::state::App;

#[component]
pub fn Root() -> impl IntoView {
    let app = App::new();
    provide_context(app);
    super::folder::provide_folder();
    super::identity::provide_identity();
    // <html lang> follows the UI language.
    Effect::new(move |_| {
        let code = app.lang.get().code();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", code);
        }
    });
    // Save a pending edit before the tab goes away.
    let _unload = window_event_listener(leptos::ev::pagehide, move |_| app.flush());
    // Edits still waiting for the edit engine's part are journaled and run when the model
    // next opens; only if the journal could not be written does the browser ask first.
    let _leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if super::engine::waiting() && !app.doc.session_ref(|s| s.journal_kept()) {
            ev.prevent_default();
        }
    });
    // Ask the browser to keep our storage (answer shown in the models list).
    if app.doc.is_persistent() {
        leptos::task::spawn_local(async move {
            if let Some(answer) = super::files::request_persistence().await {
                app.persisted.set(Some(answer));
            }
        });
    }
    let show_models = RwSignal::new(app.doc.with_untracked(|_| ()).is_none());
    view! {
        <Header show_models=show_models />
        <Alerts />
        <main class="workspace">
            <Show when=move || show_models.get()>
                <Library show=show_models />
            </Show>
            <Show
                when=move || app.doc.is_open()
                fallback=move || view! {
                    <div class="empty">
                        <h1>{tr_key(app.lang, T::AppName)}</h1>
                        <p class="tagline">{tr_key(app.lang, T::Tagline)}</p>
                        <p class="muted">{tr_key(app.lang, T::NoModelOpen)}</p>
                    </div>
                }
            >
                <Editor />
            </Show>
        </main>
        <super::copies::CopiesDialog />
        <super::identity::YourNameDialog />
        <super::copies::CopiesWatcher />
        <PrintDocument />
    }
}
