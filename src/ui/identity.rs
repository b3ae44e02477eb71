//! Who you are in a shared folder: "Your name", self-declared (anyone can type any name: it
//! is not a login), asked once and remembered in this browser (`keys::YOUR_NAME`, through the
//! session's preferences: with storage blocked it lasts until the page closes).
//!
//! [`provide_identity`] once in the app root and [`YourNameDialog`] beside the other dialogs;
//! then anywhere: [`your_name`], [`ask_your_name`] (the name at once, or the dialog first) and
//! [`YourNameControl`] ("Your name: Anna · Change").

use std::cell::Cell;

use leptos::prelude::*;

use super::i18n::tr;
use super::modal::Modal;
use super::split::{build, deferred};
use super::state::{use_app, App};
use crate::storage::keys;

/// What to do with the name once the dialog confirms it.
type Then = Box<dyn FnOnce(String)>;

#[derive(Clone, Copy)]
struct Identity {
    /// The remembered name, trimmed; `""` when not set.
    name: RwSignal<String>,
    /// The dialog asking the name is open.
    asking: RwSignal<bool>,
    /// The asker's continuation (none when the name is only being changed).
    then: StoredValue<Option<Then>, LocalStorage>,
}

thread_local! {
    /// The same handles, for callers outside the component tree (event handlers, timeouts,
    /// async tasks), where the context cannot be reached.
    static IDENTITY: Cell<Option<Identity>> = const { Cell::new(None) };
}

fn identity() -> Option<Identity> {
    use_context::<Identity>().or_else(|| IDENTITY.with(Cell::get))
}

/// Reads the remembered name and provides it to the app. Call once, in the app root, after
/// the [`App`] context.
pub fn provide_identity() {
    let app = use_app();
    let name = app
        .doc
        .session_ref(|s| s.pref(keys::YOUR_NAME))
        .map(|n| n.trim().to_string())
        .unwrap_or_default();
    let id = Identity {
        name: RwSignal::new(name),
        asking: RwSignal::new(false),
        then: StoredValue::new_local(None),
    };
    IDENTITY.with(|c| c.set(Some(id)));
    provide_context(id);
}

/// The name this person gave ("Your name"), `""` when not set.
pub fn your_name() -> Signal<String> {
    match identity() {
        Some(id) => id.name.into(),
        None => Signal::stored(String::new()),
    }
}

/// Calls `then` with the name: at once when it is set, else once the person typed it in the
/// dialog (Enter or OK; remembered). Cancel or Escape drops `then`.
pub fn ask_your_name(then: impl FnOnce(String) + 'static) {
    let Some(id) = identity() else {
        return;
    };
    let name = id.name.get_untracked();
    if !name.is_empty() {
        then(name);
        return;
    }
    id.then.set_value(Some(Box::new(then)));
    id.asking.set(true);
}

/// Opens the dialog to change the name (the current one filled in).
pub fn change_your_name() {
    if let Some(id) = identity() {
        id.then.set_value(None);
        id.asking.set(true);
    }
}

/// The dialog asking "Your name", while [`ask_your_name`] or [`change_your_name`] waits.
#[component]
pub fn YourNameDialog() -> impl IntoView {
    let app = use_app();
    let id = identity();
    move || {
        let id = id?;
        id.asking.get().then(|| deferred(name_form_part(app, id)))
    }
}

/// Lazy: the dialog's form comes when it is first asked for (not in the first load).
#[cfg_attr(feature = "split", lazy)]
async fn name_form_part(app: App, id: Identity) -> AnyView {
    build(|| name_form(app, id).into_any())
}

fn name_form(app: App, id: Identity) -> impl IntoView {
    let lang = app.lang;
    let text = RwSignal::new(id.name.get_untracked());
    let cancel = move || {
        id.then.set_value(None);
        id.asking.set(false);
    };
    let confirm = move || {
        let name = text.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        app.doc.session(|s| s.set_pref(keys::YOUR_NAME, &name));
        id.name.set(name.clone());
        let then = id.then.try_update_value(Option::take).flatten();
        id.asking.set(false);
        if let Some(then) = then {
            then(name);
        }
    };
    view! {
        <Modal labelled_by="your-name-title" class="values-dialog name-dialog" on_close=Callback::new(move |()| cancel())>
            <h2 id="your-name-title">{tr(lang, "Who are you?", "Wie ben je?")}</h2>
            <form
                class="name-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    confirm();
                }
            >
                <label for="your-name">{tr(lang, "Your name", "Jouw naam")}</label>
                <input
                    id="your-name"
                    type="text"
                    autocomplete="name"
                    data-autofocus
                    aria-describedby="your-name-note"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <p id="your-name-note" class="muted small">
                    {tr(lang,
                        "Your name shows with the values and comments you enter in a shared folder. Anyone can type any name: it is not a login.",
                        "Je naam staat bij de waarden en opmerkingen die je in een gedeelde map invoert. Iedereen kan elke naam typen: het is geen login.")}
                </p>
                <div class="values-dialog-actions">
                    <button type="submit" class="primary" disabled=move || text.with(|t| t.trim().is_empty())>
                        {tr(lang, "OK", "OK")}
                    </button>
                    <button type="button" on:click=move |_| cancel()>
                        {tr(lang, "Cancel", "Annuleren")}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// "Your name: Anna · Change", once a name is set (discreet: nothing before).
#[component]
pub fn YourNameControl() -> impl IntoView {
    let app = use_app();
    let name = your_name();
    move || {
        let shown = name.get();
        (!shown.is_empty()).then(|| {
            view! {
                <span class="your-name muted small">
                    {tr(app.lang, "Your name:", "Jouw naam:")} " " <strong>{shown}</strong> " · "
                    <button
                        type="button"
                        class="link-button"
                        aria-label=tr(app.lang, "Change your name", "Jouw naam wijzigen")
                        on:click=move |_| change_your_name()
                    >
                        {tr(app.lang, "Change", "Wijzigen")}
                    </button>
                </span>
            }
        })
    }
}
