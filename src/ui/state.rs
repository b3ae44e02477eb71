//! The app's state: one source of truth for the open model, plus the library list, the
//! language and the save state. Every mutation is a method here; components only call them.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::i18n::{lang_from_code, t, T};
use crate::model::{Id, Lang, Model};
use crate::storage::keys;
use crate::storage::kv::{KeyValue, StoreError};
use crate::storage::library::{self, Listing, SaveError};
use crate::storage::local::Backend;

/// Whether the open model's latest edit is in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    NotSaved,
}

const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct App {
    pub lang: RwSignal<Lang>,
    /// The open model, if any.
    pub model: RwSignal<Option<Model>>,
    /// Revision of the open model as this tab last loaded or saved it.
    rev: StoredValue<u64>,
    pub listing: RwSignal<Listing>,
    pub save_state: RwSignal<SaveState>,
    /// A lasting storage warning (unavailable, full, failed), shown in `role="alert"`.
    pub storage_alert: RwSignal<Option<T>>,
    /// A one-off error message, shown in `role="alert"` until dismissed.
    pub error: RwSignal<Option<String>>,
    store: StoredValue<Backend, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A fresh id: time and randomness come from the browser, the encoding from the model.
pub fn fresh_id(prefix: char) -> Id {
    let r = (js_sys::Math::random() * 1_000_000.0) as u64;
    let seed = (now() as u64 % 1_000_000_000_000).wrapping_mul(1_000_000) + r;
    Id::from_seed(prefix, seed)
}

impl App {
    pub fn new() -> App {
        let store = Backend::open();
        let persistent = store.is_persistent();
        let lang = store
            .get(keys::LANG)
            .ok()
            .flatten()
            .map(|c| lang_from_code(&c))
            .or_else(|| {
                web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .map(|c| lang_from_code(&c))
            })
            .unwrap_or_default();
        let app = App {
            lang: RwSignal::new(lang),
            model: RwSignal::new(None),
            rev: StoredValue::new(0),
            listing: RwSignal::new(Listing::default()),
            save_state: RwSignal::new(SaveState::Saved),
            storage_alert: RwSignal::new((!persistent).then_some(T::StorageUnavailable)),
            error: RwSignal::new(None),
            store: StoredValue::new_local(store),
            timer: StoredValue::new(None),
        };
        app.refresh_listing();
        if let Some(first) = app.listing.get_untracked().models.first() {
            app.open(&first.id.clone());
        }
        app
    }

    pub fn text(&self, key: T) -> &'static str {
        t(self.lang.get(), key)
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.store.update_value(|s| {
            let _ = s.set(keys::LANG, lang.code());
        });
    }

    pub fn refresh_listing(&self) {
        match self.store.with_value(|s| library::list(s)) {
            Ok(listing) => self.listing.set(listing),
            Err(e) => self.report_store_error(e),
        }
    }

    fn report_store_error(&self, e: StoreError) {
        self.storage_alert.set(Some(match e {
            StoreError::Unavailable => T::StorageUnavailable,
            StoreError::Quota => T::StorageFull,
            StoreError::Other(_) => T::StorageError,
        }));
    }

    /// Creates an empty model, opens it and saves it.
    pub fn new_model(&self) {
        let now = now();
        let model = Model {
            id: fresh_id('m'),
            name: t(self.lang.get_untracked(), T::Untitled).to_string(),
            created: now,
            modified: now,
            ..Model::default()
        };
        self.open_new(model);
    }

    /// Opens a model that is not stored yet (new, duplicated, imported) and saves it.
    pub fn open_new(&self, model: Model) {
        self.cancel_timer();
        self.rev.set_value(0);
        self.model.set(Some(model));
        self.save_now();
    }

    pub fn open(&self, id: &Id) {
        self.flush();
        match self.store.with_value(|s| library::load(s, id)) {
            Ok(Some((model, rev))) => {
                self.rev.set_value(rev);
                self.model.set(Some(model));
                self.save_state.set(SaveState::Saved);
            }
            Ok(None) => self.refresh_listing(),
            Err(SaveError::Store(e)) => self.report_store_error(e),
            Err(_) => self
                .error
                .set(Some(format!("{}", self.text(T::StorageError)))),
        }
    }

    pub fn duplicate(&self, id: &Id) {
        let lang = self.lang.get_untracked();
        if let Ok(Some((mut model, _))) = self.store.with_value(|s| library::load(s, id)) {
            model.id = fresh_id('m');
            model.name = format!("{} {}", t(lang, T::CopyOf), model.name);
            model.created = now();
            self.open_new(model);
        }
    }

    pub fn delete(&self, id: &Id) {
        let result = self.store.try_update_value(|s| library::delete(s, id));
        if let Some(Err(SaveError::Store(e))) = result {
            self.report_store_error(e);
        }
        if self
            .model
            .with_untracked(|m| m.as_ref().map(|m| &m.id == id))
            == Some(true)
        {
            self.cancel_timer();
            self.model.set(None);
            self.save_state.set(SaveState::Saved);
        }
        self.refresh_listing();
    }

    /// Changes the open model and schedules a debounced save.
    pub fn change(&self, f: impl FnOnce(&mut Model)) {
        let mut changed = false;
        self.model.update(|m| {
            if let Some(m) = m {
                f(m);
                changed = true;
            }
        });
        if changed {
            self.schedule_save();
        }
    }

    fn schedule_save(&self) {
        self.save_state.set(SaveState::NotSaved);
        self.cancel_timer();
        let app = *self;
        let handle = set_timeout_with_handle(move || app.save_now(), SAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    fn cancel_timer(&self) {
        if let Some(h) = self.timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
    }

    /// Saves at once if a save is pending.
    pub fn flush(&self) {
        if self.save_state.get_untracked() == SaveState::NotSaved {
            self.save_now();
        }
    }

    /// Saves the open model now: stamps `modified`, writes, reads back, updates the list.
    pub fn save_now(&self) {
        self.cancel_timer();
        let Some(mut model) = self.model.get_untracked() else {
            return;
        };
        model.modified = now();
        let expected = self.rev.get_value();
        let result = self
            .store
            .try_update_value(|s| library::save(s, &model, expected))
            .unwrap_or(Err(SaveError::Store(StoreError::Unavailable)));
        match result {
            Ok(rev) => {
                self.rev.set_value(rev);
                // In memory (storage blocked) nothing is really saved: say so.
                if self.store.with_value(|s| s.is_persistent()) {
                    self.save_state.set(SaveState::Saved);
                    // Saving works (again): clear a quota or failure warning.
                    self.storage_alert.set(None);
                } else {
                    self.save_state.set(SaveState::NotSaved);
                }
                self.refresh_listing();
            }
            Err(SaveError::Store(e)) => {
                self.save_state.set(SaveState::NotSaved);
                self.report_store_error(e);
            }
            Err(_) => {
                self.save_state.set(SaveState::NotSaved);
                self.storage_alert.set(Some(T::StorageError));
            }
        }
    }
}

impl Default for App {
    fn default() -> Self {
        App::new()
    }
}

/// The app state from context.
pub fn use_app() -> App {
    expect_context::<App>()
}
