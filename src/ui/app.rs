//! The app shell: header, alerts, the models list and the workspace.

use leptos::prelude::*;

use super::alerts::Alerts;
use super::editor::Editor;
use super::header::Header;
use super::library::Library;
use super::print::PrintDocument;
use super::start::StartScreen;
use super::state::App;

#[component]
pub fn Root() -> impl IntoView {
    let app = provide_app();
    view! { <Shell app=app workspace=true /> }
}

/// The app's state, opened from storage (the most recent model read and opened), and the
/// contexts every view takes it from. [`super::mount`] runs it a task before [`Shell`] is
/// built, so neither task blocks input for long on a slow phone (issue 24).
pub fn provide_app() -> App {
    let app = App::new();
    provide_context(app);
    super::folder::provide_folder();
    super::identity::provide_identity();
    app
}

/// What the app shows for `app`: header, alerts, the models list or the start screen, the
/// editor, and the dialogs.
#[component]
pub fn Shell(
    app: App,
    /// Whether the workspace (the models list, the start screen or the editor) is built: false
    /// builds the rest first, and the workspace in a later task when it turns true
    /// ([`super::mount`]).
    #[prop(into)]
    workspace: Signal<bool>,
) -> impl IntoView {
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
    // The Models panel opens by itself only when no model is open and there are models to
    // choose from: a newcomer sees the start screen, not an empty list and storage notes.
    let show_models = RwSignal::new(
        app.doc.with_untracked(|_| ()).is_none()
            && app
                .listing
                .with_untracked(|l| !l.models.is_empty() || !l.quarantined.is_empty()),
    );
    view! {
        <Header show_models=show_models />
        <Alerts />
        {move || {
            workspace
                .get()
                .then(|| {
                    view! {
                        <main class="workspace">
                            <Show when=move || show_models.get()>
                                <Library show=show_models />
                            </Show>
                            <Show
                                when=move || app.doc.is_open()
                                fallback=move || view! { <StartScreen show_models=show_models /> }
                            >
                                <Editor />
                            </Show>
                        </main>
                    }
                })
        }}
        <super::copies::CopiesDialog />
        <super::identity::YourNameDialog />
        <super::copies::CopiesWatcher />
        <PrintDocument />
    }
}
