//! The open model and everything about it that is not on screen: its undo history, the
//! revision this tab loaded or saved, what it saved last, whether a save is pending, and the
//! library it is saved in. Pure: it works on any [`KeyValue`], and time and fresh ids are
//! passed in, so all of it is tested natively (`tests/session.rs`).
//!
//! The model is private: [`Session::model`] lends it read-only, and [`Session::change`] is the
//! one method that edits it (an edit, an undo or a redo), returning exactly what changed as
//! [`Touched`]. Opening another model bumps [`Session::generation`] instead: then everything
//! changed.

use crate::model::{Edit, EditError, History, Id, Model, Touched};
use crate::storage::keys;
use crate::storage::kv::{KeyValue, StoreError};
use crate::storage::library::{self, Listing, SaveError, Saved, Summary};

/// One change to the open model. (Passed by value once and consumed, so its size is moot.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Apply an edit; with `coalesce`, successive keystrokes in one field make one undo step.
    Edit {
        edit: Edit,
        coalesce: bool,
    },
    Undo,
    Redo,
}

/// A lasting problem with storage, shown until a save works again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageAlert {
    /// No storage at all: the app works in memory and nothing is kept.
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Anything else (a write that did not read back, a browser error).
    Failed,
}

impl From<&StoreError> for StorageAlert {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::Unavailable => StorageAlert::Unavailable,
            StoreError::Quota => StorageAlert::Full,
            StoreError::Other(_) => StorageAlert::Failed,
        }
    }
}

/// What [`Session::open`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// The model is open.
    Open,
    /// No model is stored under that id (any more): the listing was refreshed.
    Missing,
    /// The stored entry does not read (it stays quarantined) or storage failed.
    Failed,
}

/// The model open in this tab, with its history and save bookkeeping.
#[derive(Debug)]
struct Open {
    model: Model,
    history: History,
    /// Revision of the model as this tab last loaded or saved it (0: never stored).
    rev: u64,
    /// What this tab saved last, so the next save need not parse it again.
    last_saved: Option<Saved>,
    /// A change is not in storage yet.
    pending: bool,
}

/// The session of one tab: the library in `S` and the model open in it.
pub struct Session<S: KeyValue> {
    store: S,
    persistent: bool,
    open: Option<Open>,
    generation: u64,
    listing: Listing,
    alert: Option<StorageAlert>,
    conflict: bool,
}

impl<S: KeyValue> Session<S> {
    /// A session over `store`; `persistent` is false when it is only memory (storage blocked).
    /// Reads the library list; opens nothing.
    pub fn new(store: S, persistent: bool) -> Session<S> {
        let mut s = Session {
            store,
            persistent,
            open: None,
            generation: 0,
            listing: Listing::default(),
            alert: (!persistent).then_some(StorageAlert::Unavailable),
            conflict: false,
        };
        s.refresh_listing();
        s
    }

    // ---- reading ---------------------------------------------------------------------

    /// The open model, read-only.
    pub fn model(&self) -> Option<&Model> {
        self.open.as_ref().map(|o| &o.model)
    }

    /// Bumped whenever the open model is replaced (opened, created, imported, closed).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Revision of the open model as this tab last loaded or saved it.
    pub fn rev(&self) -> u64 {
        self.open.as_ref().map_or(0, |o| o.rev)
    }

    /// True while a change of the open model is not in storage (or storage is only memory).
    pub fn unsaved(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.pending) || (self.open.is_some() && !self.persistent)
    }

    /// True while a save is pending (the caller schedules [`Session::save`]).
    pub fn pending(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.pending)
    }

    /// Another tab saved a newer revision of the open model.
    pub fn conflict(&self) -> bool {
        self.conflict
    }

    /// The lasting storage problem, if any.
    pub fn alert(&self) -> Option<StorageAlert> {
        self.alert
    }

    /// The library as last read (or updated by this tab's own saves).
    pub fn listing(&self) -> &Listing {
        &self.listing
    }

    pub fn is_persistent(&self) -> bool {
        self.persistent
    }

    pub fn can_undo(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.history.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.history.can_redo())
    }

    /// A stored preference (not a model), e.g. the language.
    pub fn pref(&self, key: &str) -> Option<String> {
        self.store.get(key).ok().flatten()
    }

    /// Stores a preference; failures are ignored (a preference is not work).
    pub fn set_pref(&mut self, key: &str, value: &str) {
        let _ = self.store.set(key, value);
    }

    /// The raw stored text under `key` (to export a quarantined entry).
    pub fn raw_entry(&self, key: &str) -> Option<String> {
        library::raw(&self.store, key).ok().flatten()
    }

    // ---- changing the open model -----------------------------------------------------

    /// The one way the open model changes. Returns what changed (empty when there is no
    /// model, or nothing to undo or redo); a refused edit changes nothing.
    pub fn change(&mut self, change: Change) -> Result<Touched, EditError> {
        let Some(open) = self.open.as_mut() else {
            return Ok(Touched::new());
        };
        let touched = match change {
            Change::Edit { edit, coalesce } => {
                open.history
                    .apply_touched(&mut open.model, edit, coalesce)?
            }
            Change::Undo => open
                .history
                .undo_touched(&mut open.model)
                .unwrap_or_default(),
            Change::Redo => open
                .history
                .redo_touched(&mut open.model)
                .unwrap_or_default(),
        };
        if !touched.is_empty() {
            open.pending = true;
        }
        Ok(touched)
    }

    /// Ends keystroke coalescing (a field lost focus): the next edit is a step of its own.
    pub fn break_coalescing(&mut self) {
        if let Some(o) = self.open.as_mut() {
            o.history.break_coalescing();
        }
    }

    // ---- saving ----------------------------------------------------------------------

    /// Saves the open model if a change is pending.
    pub fn flush(&mut self, now: f64) {
        if self.pending() {
            self.save(now);
        }
    }

    /// Saves the open model now as the next revision: stamps `modified`, writes, reads back,
    /// updates the listing. A newer revision from another tab is never overwritten: that
    /// sets [`Session::conflict`] and keeps the change pending.
    pub fn save(&mut self, now: f64) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.model.modified = now;
        let last = open.last_saved.take();
        match library::save_after(&mut self.store, &open.model, open.rev, last.as_ref()) {
            Ok(saved) => {
                open.rev = saved.rev;
                open.last_saved = Some(saved);
                open.pending = false;
                if self.persistent {
                    // Saving works (again): a quota or failure warning is over.
                    self.alert = None;
                }
                self.listing.upsert(Summary {
                    id: open.model.id.clone(),
                    name: open.model.name.clone(),
                    modified: open.model.modified,
                    rev: open.rev,
                });
            }
            Err(e) => {
                open.pending = true;
                match e {
                    SaveError::Store(e) => self.alert = Some(StorageAlert::from(&e)),
                    SaveError::Conflict { .. } => self.conflict = true,
                    SaveError::Quarantined | SaveError::Verify => {
                        self.alert = Some(StorageAlert::Failed)
                    }
                }
            }
        }
    }

    /// Another tab changed storage under `key` (`None`: it cleared everything): re-reads the
    /// listing and flags a conflict if the open model's stored revision is not this tab's.
    pub fn storage_changed(&mut self, key: Option<&str>) {
        if key.is_some_and(|k| !k.starts_with(keys::PREFIX)) {
            return;
        }
        self.refresh_listing();
        let Some(open) = self.open.as_ref() else {
            return;
        };
        if key.is_some_and(|k| k != keys::model(open.model.id.as_str())) {
            return;
        }
        if let Ok(Some(stored)) = library::stored_rev(&self.store, &open.model.id) {
            if stored != open.rev {
                self.conflict = true;
            }
        }
    }

    /// Re-reads the library list.
    pub fn refresh_listing(&mut self) {
        match library::list(&self.store) {
            Ok(listing) => self.listing = listing,
            Err(e) => self.alert = Some(StorageAlert::from(&e)),
        }
    }

    // ---- replacing the open model ----------------------------------------------------

    fn replace(&mut self, open: Option<Open>) {
        self.open = open;
        self.conflict = false;
        self.generation += 1;
    }

    /// Opens a model that is not stored yet (new, duplicated, imported) and saves it. A
    /// pending change of the model open now is saved first.
    pub fn open_new(&mut self, model: Model, now: f64) {
        self.flush(now);
        self.replace(Some(Open {
            model,
            history: History::default(),
            rev: 0,
            last_saved: None,
            pending: true,
        }));
        self.save(now);
    }

    /// Opens the stored model `id` (saving a pending change of the open one first).
    pub fn open(&mut self, id: &Id, now: f64) -> Opened {
        self.flush(now);
        match library::load(&self.store, id) {
            Ok(Some((model, rev))) => {
                self.replace(Some(Open {
                    model,
                    history: History::default(),
                    rev,
                    last_saved: None,
                    pending: false,
                }));
                Opened::Open
            }
            Ok(None) => {
                self.refresh_listing();
                Opened::Missing
            }
            Err(SaveError::Store(e)) => {
                self.alert = Some(StorageAlert::from(&e));
                Opened::Failed
            }
            Err(_) => Opened::Failed,
        }
    }

    /// Opens a copy of the stored model `id` as a new model named `name(old name)`.
    pub fn duplicate(&mut self, id: &Id, new_id: Id, name: impl Fn(&str) -> String, now: f64) {
        if let Ok(Some((mut model, _))) = library::load(&self.store, id) {
            model.id = new_id;
            model.name = name(&model.name);
            model.created = now;
            self.open_new(model, now);
        }
    }

    /// Deletes the stored model `id` (closing it if it is open). Quarantined entries are
    /// never deleted.
    pub fn delete(&mut self, id: &Id) {
        if let Err(SaveError::Store(e)) = library::delete(&mut self.store, id) {
            self.alert = Some(StorageAlert::from(&e));
        }
        if self.model().is_some_and(|m| &m.id == id) {
            self.replace(None);
        }
        self.refresh_listing();
    }

    /// Opens an imported model (file, drop, share link) as a NEW model: it keeps its id only
    /// if `keep_id` and no entry has that id; otherwise it gets `fresh`. Never replaces a
    /// stored model.
    pub fn import(&mut self, mut model: Model, keep_id: bool, fresh: Id, now: f64) {
        let free = keep_id
            && !model.id.as_str().is_empty()
            && library::is_free(&self.store, &model.id).unwrap_or(false);
        if !free {
            model.id = fresh;
        }
        if model.created <= 0.0 {
            model.created = now;
        }
        self.open_new(model, now);
    }

    /// Conflict: drops this tab's version and opens the stored one.
    pub fn reload(&mut self, now: f64) {
        let Some(id) = self.model().map(|m| m.id.clone()) else {
            return;
        };
        if let Some(o) = self.open.as_mut() {
            o.pending = false;
        }
        self.conflict = false;
        self.open(&id, now);
    }

    /// Conflict: keeps this tab's version as a new model (`new_id`, `name(old name)`),
    /// leaving the stored one as the other tab saved it.
    pub fn keep_mine_as_copy(&mut self, new_id: Id, name: impl Fn(&str) -> String, now: f64) {
        let Some(open) = self.open.take() else {
            return;
        };
        let mut model = open.model;
        model.id = new_id;
        model.name = name(&model.name);
        model.created = now;
        self.conflict = false;
        self.open_new(model, now);
    }
}
