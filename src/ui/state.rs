//! The app's state: one source of truth for the open model, plus the library list, the
//! language and the save state. Every mutation is a method here; components only call them.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::i18n::{t, T};
use crate::format::ImportErrors;
use crate::model::{Edit, History, Id, Lang, Model, Target};
use crate::storage::keys;
use crate::storage::kv::{KeyValue, StoreError};
use crate::storage::library::{self, Listing, SaveError, Summary};
use crate::storage::local::Backend;

/// Whether the open model's latest edit is in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    NotSaved,
}

/// The editor's views (tabs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Structure,
    Chains,
    Kpis,
    Matrix,
    Health,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Structure,
        View::Chains,
        View::Kpis,
        View::Matrix,
        View::Health,
    ];
}

/// What the share box under the header shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Share {
    /// The link (also put on the clipboard).
    Link(String),
    /// The link would be this many characters: too long, use Export JSON.
    TooLarge(usize),
}

/// What the last change to the open model touched, so that views can skip work: a field
/// edit changes one element's text; anything else may change the structure.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Field(Target),
    Structure,
}

const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct App {
    pub lang: RwSignal<Lang>,
    /// The open model, if any.
    pub model: RwSignal<Option<Model>>,
    /// Revision of the open model as this tab last loaded or saved it.
    rev: StoredValue<u64>,
    /// What this tab saved last of the open model, so the next save need not parse it.
    last_saved: StoredValue<Option<library::Saved>>,
    pub listing: RwSignal<Listing>,
    pub save_state: RwSignal<SaveState>,
    /// A lasting storage warning (unavailable, full, failed), shown in `role="alert"`.
    pub storage_alert: RwSignal<Option<T>>,
    /// A one-off error message, shown in `role="alert"` until dismissed.
    pub error: RwSignal<Option<String>>,
    /// Undo/redo of the open model; reset when another model is opened.
    history: StoredValue<History>,
    /// Bumped on every undo-stack change so the Undo/Redo buttons update.
    pub history_rev: RwSignal<u64>,
    /// What the last change touched (set on every change of the open model).
    pub last_change: RwSignal<Change>,
    /// Bumped on every change that may alter the structure (not on field edits): derived
    /// structures (diagram layout) track this instead of the whole model.
    pub structure_rev: RwSignal<u64>,
    /// The selected element of the open model.
    pub selection: RwSignal<Option<Target>>,
    pub view: RwSignal<View>,
    /// Every problem of the last failed import (file, drop or share link), until dismissed.
    pub import_errors: RwSignal<Option<ImportErrors>>,
    /// The share link box, while shown.
    pub share: RwSignal<Option<Share>>,
    /// A model that arrived in a share link, waiting for "Keep as new model" or "Dismiss".
    pub incoming: RwSignal<Option<Model>>,
    /// The open model was changed in another tab (or a save was refused because of that).
    pub conflict: RwSignal<bool>,
    /// The browser's answer to `navigator.storage.persist()`; `None` until it answers.
    pub persisted: RwSignal<Option<bool>>,
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
            .map(|c| Lang::from_code(&c))
            .or_else(|| {
                web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .map(|c| Lang::from_code(&c))
            })
            .unwrap_or_default();
        let app = App {
            lang: RwSignal::new(lang),
            model: RwSignal::new(None),
            rev: StoredValue::new(0),
            last_saved: StoredValue::new(None),
            listing: RwSignal::new(Listing::default()),
            save_state: RwSignal::new(SaveState::Saved),
            storage_alert: RwSignal::new((!persistent).then_some(T::StorageUnavailable)),
            error: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            history_rev: RwSignal::new(0),
            last_change: RwSignal::new(Change::Structure),
            structure_rev: RwSignal::new(0),
            selection: RwSignal::new(None),
            view: RwSignal::new(View::Structure),
            import_errors: RwSignal::new(None),
            share: RwSignal::new(None),
            incoming: RwSignal::new(None),
            conflict: RwSignal::new(false),
            persisted: RwSignal::new(None),
            store: StoredValue::new_local(store),
            timer: StoredValue::new(None),
        };
        app.refresh_listing();
        if persistent {
            let persisted = app.persisted;
            leptos::task::spawn_local(async move {
                if let Some(answer) = super::files::request_persistence().await {
                    persisted.set(Some(answer));
                }
            });
        }
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
        match self.store.with_value(library::list) {
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
        // A pending edit of the model open now is saved first.
        self.flush();
        self.cancel_timer();
        self.rev.set_value(0);
        self.last_saved.set_value(None);
        self.reset_editor();
        self.model.set(Some(model));
        self.save_now();
    }

    pub fn open(&self, id: &Id) {
        self.flush();
        match self.store.with_value(|s| library::load(s, id)) {
            Ok(Some((model, rev))) => {
                self.rev.set_value(rev);
                self.last_saved.set_value(None);
                self.reset_editor();
                self.model.set(Some(model));
                self.save_state.set(SaveState::Saved);
            }
            Ok(None) => self.refresh_listing(),
            Err(SaveError::Store(e)) => self.report_store_error(e),
            Err(_) => self.error.set(Some(self.text(T::StorageError).to_string())),
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

    /// Opens an imported model (file, drop, share link) as a NEW model: it keeps its id only
    /// if `keep_id` and that id is not stored yet; otherwise it gets a fresh one. Never
    /// replaces a stored model.
    pub fn import_model(&self, mut model: Model, keep_id: bool) {
        let free = keep_id
            && !model.id.as_str().is_empty()
            && self
                .store
                .with_value(|s| library::is_free(s, &model.id))
                .unwrap_or(false);
        if !free {
            model.id = fresh_id('m');
        }
        if model.created <= 0.0 {
            model.created = now();
        }
        self.import_errors.set(None);
        self.open_new(model);
    }

    /// The raw stored text under `key` (to export a damaged entry).
    pub fn raw_entry(&self, key: &str) -> Option<String> {
        self.store
            .with_value(|s| library::raw(s, key))
            .ok()
            .flatten()
    }

    /// Another tab changed storage (`key`; `None` when it cleared everything): refresh the
    /// list, and flag a conflict if the open model's stored revision is not the one this tab
    /// has.
    pub fn storage_changed(&self, key: Option<&str>) {
        if key.is_some_and(|k| !k.starts_with(keys::PREFIX)) {
            return;
        }
        self.refresh_listing();
        let Some(id) = self
            .model
            .with_untracked(|m| m.as_ref().map(|m| m.id.clone()))
        else {
            return;
        };
        if key.is_some_and(|k| k != keys::model(id.as_str())) {
            return;
        }
        if let Ok(Some(stored)) = self.store.with_value(|s| library::stored_rev(s, &id)) {
            if stored != self.rev.get_value() {
                self.conflict.set(true);
            }
        }
    }

    /// Conflict: drops this tab's version and opens the stored one.
    pub fn reload_open_model(&self) {
        self.cancel_timer();
        self.save_state.set(SaveState::Saved);
        self.conflict.set(false);
        if let Some(id) = self
            .model
            .with_untracked(|m| m.as_ref().map(|m| m.id.clone()))
        {
            self.open(&id);
        }
    }

    /// Conflict: keeps this tab's version as a new model ("Copy of ..."), leaving the stored
    /// one as the other tab saved it.
    pub fn keep_mine_as_copy(&self) {
        let lang = self.lang.get_untracked();
        let Some(mut model) = self.model.get_untracked() else {
            return;
        };
        self.cancel_timer();
        self.save_state.set(SaveState::Saved);
        self.conflict.set(false);
        model.id = fresh_id('m');
        model.name = format!("{} {}", t(lang, T::CopyOf), model.name);
        model.created = now();
        self.open_new(model);
    }

    fn note_change(&self, change: Change) {
        if change == Change::Structure {
            self.structure_rev.update(|r| *r += 1);
        }
        self.last_change.set(change);
    }

    fn reset_editor(&self) {
        self.note_change(Change::Structure);
        self.conflict.set(false);
        self.history.update_value(|h| h.clear());
        self.history_rev.update(|r| *r += 1);
        self.selection.set(None);
    }

    /// Applies an edit to the open model through the history (so undo is exact) and
    /// schedules a save. `coalesce`: successive keystrokes in one field make one undo step.
    /// A refused edit changes nothing and shows its message.
    pub fn edit(&self, edit: Edit, coalesce: bool) -> bool {
        let lang = self.lang.get_untracked();
        let change = match edit.field_key() {
            Some((target, _)) => Change::Field(target),
            None => Change::Structure,
        };
        let mut result = None;
        self.model.update(|m| {
            if let Some(m) = m {
                result = Some(
                    self.history
                        .try_update_value(|h| h.apply(m, edit, coalesce)),
                );
            }
        });
        match result.flatten() {
            Some(Ok(())) => {
                self.note_change(change);
                self.history_rev.update(|r| *r += 1);
                self.schedule_save();
                true
            }
            Some(Err(e)) => {
                self.error.set(Some(e.message(lang)));
                false
            }
            None => false,
        }
    }

    /// Applies an edit and selects `select` (used by the Add buttons).
    pub fn edit_and_select(&self, edit: Edit, select: Target) {
        if self.edit(edit, false) {
            self.selection.set(Some(select));
        }
    }

    /// Ends keystroke coalescing (on blur), so the next edit is a step of its own.
    pub fn break_coalescing(&self) {
        self.history.update_value(|h| h.break_coalescing());
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(|h| h.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(|h| h.can_redo())
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        let mut done = false;
        self.model.update(|m| {
            if let Some(m) = m {
                done = self
                    .history
                    .try_update_value(|h| if back { h.undo(m) } else { h.redo(m) })
                    .unwrap_or(false);
            }
        });
        if done {
            self.note_change(Change::Structure);
            self.history_rev.update(|r| *r += 1);
            // The selection may point at something the step removed.
            let gone = self.selection.with_untracked(|s| {
                s.as_ref().is_some_and(|t| {
                    self.model
                        .with_untracked(|m| !m.as_ref().is_some_and(|m| t.exists_in(m)))
                })
            });
            if gone {
                self.selection.set(None);
            }
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
        let last = self.last_saved.try_update_value(Option::take).flatten();
        let result = self
            .store
            .try_update_value(|s| library::save_after(s, &model, expected, last.as_ref()))
            .unwrap_or(Err(SaveError::Store(StoreError::Unavailable)));
        match result {
            Ok(saved) => {
                let rev = saved.rev;
                self.rev.set_value(rev);
                self.last_saved.set_value(Some(saved));
                // In memory (storage blocked) nothing is really saved: say so.
                if self.store.with_value(|s| s.is_persistent()) {
                    self.save_state.set(SaveState::Saved);
                    // Saving works (again): clear a quota or failure warning.
                    self.storage_alert.set(None);
                } else {
                    self.save_state.set(SaveState::NotSaved);
                }
                self.listing.update(|l| {
                    l.upsert(Summary {
                        id: model.id.clone(),
                        name: model.name.clone(),
                        modified: model.modified,
                        rev,
                    })
                });
            }
            Err(SaveError::Store(e)) => {
                self.save_state.set(SaveState::NotSaved);
                self.report_store_error(e);
            }
            Err(SaveError::Conflict { .. }) => {
                self.save_state.set(SaveState::NotSaved);
                self.conflict.set(true);
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
