//! The open model and everything about it that is not on screen: its undo history, the
//! revision this tab loaded or saved, what it saved last, whether a save is pending, and the
//! library it is saved in. Pure: it works on any [`KeyValue`], and time and fresh ids are
//! passed in, so all of it is tested natively (`tests/session.rs`).
//!
//! The model is private: [`Session::model`] lends it read-only, and [`Session::change`] is the
//! one method that edits it (an edit, an undo or a redo), returning exactly what changed as
//! [`Touched`]. Opening another model bumps [`Session::generation`] instead: then everything
//! changed. Taking another tab's version of the open model (or merging it) is neither: what
//! differs is collected for [`Session::take_adopted`].
//!
//! A change made while the edit engine's lazy part is still on its way is a [`Step`]: it is
//! journaled at once ([`Session::journal`], `storage::journal`) and run when the part has
//! arrived; a journal left by a page that closed first is run when the model next opens
//! ([`Session::take_replay`], [`Session::replay`]).

mod change;
mod step;

pub use change::Change;
pub use step::Step;

use crate::model::merge::{merge, Conflict, Side};
use crate::model::{EditError, History, Id, Model, Touched};
use crate::storage::journal;
use crate::storage::keys;
use crate::storage::kv::{KeyValue, StoreError};
use crate::storage::library::{self, Listing, SaveError, Saved, Summary};
use crate::storage::points::{self, Point, Why, EDITING_INTERVAL_MS};

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
    /// What was stored before this tab's last save: the base of a merge if another tab
    /// wrote the same revision over that save (two saves at the same moment).
    prev_saved: Option<Saved>,
    /// A change is not in storage yet.
    pending: bool,
    /// Edited since the last restore point.
    edited: bool,
    /// When the last restore point was made (or the model was opened).
    point_time: f64,
    /// The journaled steps that are in no saved revision yet, in order (`None`: a step that
    /// is not journaled, see [`Step::encode`]); the last `unrun` of them have not run.
    journal: Vec<Option<String>>,
    unrun: usize,
    /// How many of the steps that have not run were read from storage when the model was
    /// opened: [`Session::replay`] runs them.
    replay: usize,
    /// The replay is waiting to be handed to the engine ([`Session::take_replay`]).
    replay_due: bool,
    /// The last write of the journal worked (the steps that have not run are in storage).
    journal_kept: bool,
}

impl Open {
    fn new(model: Model, saved: Option<Saved>, now: f64) -> Open {
        Open {
            model,
            history: History::default(),
            rev: saved.as_ref().map_or(0, |s| s.rev),
            last_saved: saved,
            prev_saved: None,
            pending: false,
            edited: false,
            point_time: now,
            journal: Vec::new(),
            unrun: 0,
            replay: 0,
            replay_due: false,
            journal_kept: true,
        }
    }

    /// Writes the journal: the steps in no saved revision, on the revision this tab holds,
    /// up to the first that is not journaled (those after it depend on it).
    fn write_journal(&mut self, store: &mut impl KeyValue, persistent: bool) {
        let steps: Vec<String> = self.journal.iter().map_while(Clone::clone).collect();
        let written = journal::write(store, &self.model.id, self.rev, &steps).is_ok();
        self.journal_kept = persistent && written && steps.len() == self.journal.len();
    }
}

/// Saves of another tab that came into the open model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    /// How many came in since this tab started.
    pub count: u64,
    /// The last one was merged with edits of this tab (otherwise this tab had nothing
    /// unsaved and simply took it).
    pub merged: bool,
}

/// Another tab saved the open model, and it changed some of the fields this tab changed:
/// the user decides those; everything else merged.
#[derive(Debug)]
struct TabConflict {
    /// The version both tabs started from (`None`: unknown, so the merge was two-way).
    base: Option<Model>,
    /// The other tab's save.
    theirs: Model,
    saved: Saved,
    conflicts: Vec<Conflict>,
}

/// The session of one tab: the library in `S` and the model open in it.
pub struct Session<S: KeyValue> {
    store: S,
    persistent: bool,
    open: Option<Open>,
    generation: u64,
    listing: Listing,
    alert: Option<StorageAlert>,
    conflict: Option<TabConflict>,
    /// Another tab's saves that came into the open model (taken or merged).
    incoming: Incoming,
    /// A save found another tab's newer revision: [`Session::merge_behind`] merges it.
    behind: bool,
    /// A restore point is due (the shell makes it: it compresses).
    point_due: Option<Why>,
    /// What another tab's version or a merge changed in the open model, not yet shown.
    adopted: Touched,
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
            conflict: None,
            incoming: Incoming::default(),
            behind: false,
            point_due: None,
            adopted: Touched::new(),
        };
        s.refresh_listing();
        s
    }

    // ---- reading ---------------------------------------------------------------------

    /// The open model, read-only.
    pub fn model(&self) -> Option<&Model> {
        self.open.as_ref().map(|o| &o.model)
    }

    /// Bumped whenever the open model is replaced (opened, created, imported, closed). Not
    /// when another tab's version or a merge of it is taken: that is [`Session::take_adopted`].
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// What taking another tab's version (or merging it) changed in the open model since the
    /// last call: the views update those topics in place, as after an edit.
    pub fn take_adopted(&mut self) -> Touched {
        std::mem::take(&mut self.adopted)
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

    /// Another tab saved a newer revision of the open model that changed some of the same
    /// fields as this tab: [`Session::tab_conflicts`] lists them until the user decides.
    pub fn conflict(&self) -> bool {
        self.conflict.is_some()
    }

    /// The fields both this tab and another tab changed, and the other tab's model.
    pub fn tab_conflicts(&self) -> Option<(&[Conflict], &Model)> {
        self.conflict
            .as_ref()
            .map(|c| (c.conflicts.as_slice(), &c.theirs))
    }

    /// A save found another tab's newer revision of the open model and is waiting for
    /// [`Session::merge_behind`] (the shell runs it from a lazy part: merging is not needed
    /// for the first view).
    pub fn behind(&self) -> bool {
        self.behind
    }

    /// The saves of other tabs that came into the open model (the shell says so).
    pub fn incoming(&self) -> Incoming {
        self.incoming
    }

    /// Takes the restore point that is due, if any: the shell compresses the model and
    /// hands it to [`Session::add_point`].
    pub fn take_point_due(&mut self) -> Option<Why> {
        self.point_due.take()
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
            open.edited = true;
        }
        Ok(touched)
    }

    /// Ends keystroke coalescing (a field lost focus): the next edit is a step of its own.
    pub fn break_coalescing(&mut self) {
        if let Some(o) = self.open.as_mut() {
            o.history.break_coalescing();
        }
    }

    // ---- steps that wait for the edit engine ------------------------------------------

    /// Writes down `step`, which waits for the edit engine, in the open model's journal
    /// (at once, so that it survives the page); it runs later through [`Session::run`] with
    /// the generation this returns. `None`: no model is open.
    pub fn journal(&mut self, step: &Step) -> Option<u64> {
        let open = self.open.as_mut()?;
        // The step is counted even if it cannot be written: it runs all the same.
        open.journal.push(step.encode());
        open.unrun += 1;
        open.write_journal(&mut self.store, self.persistent);
        Some(self.generation)
    }

    /// True unless a step waits for the engine that is not in storage (the journal could
    /// not be written): leaving the page now would lose it.
    pub fn journal_kept(&self) -> bool {
        self.open
            .as_ref()
            .is_none_or(|o| o.unrun == 0 || o.journal_kept)
    }

    /// Runs one step. `queued`: it waited for the engine and was journaled in that
    /// generation; if another model has been opened since, it does not run here (it stays in
    /// its own model's journal and runs when that model opens again). `None`: nothing to
    /// report (no model, the end of coalescing, a plan whose place is gone).
    pub fn run(&mut self, step: Step, queued: Option<u64>) -> Option<Result<Touched, EditError>> {
        if let Some(generation) = queued {
            if generation != self.generation {
                return None;
            }
            let open = self.open.as_mut()?;
            open.unrun = open.unrun.saturating_sub(1);
        }
        match step {
            Step::Change(change) => Some(self.change(change)),
            Step::Add(plan) => {
                let edit = self.model().and_then(|m| plan.edit(m))?;
                Some(self.change(Change::Edit {
                    edit,
                    coalesce: false,
                }))
            }
            Step::EndCoalescing => {
                self.break_coalescing();
                None
            }
        }
    }

    /// True once after a model opened with a journal of steps that never ran (its page
    /// closed before the engine arrived): the caller hands [`Session::replay`] to the engine.
    pub fn take_replay(&mut self) -> bool {
        self.open
            .as_mut()
            .is_some_and(|o| std::mem::take(&mut o.replay_due))
    }

    /// Runs the journaled steps read when the model opened, in order, as one job (the engine
    /// reads them, so their reading is not in the first load). `queued`: as for
    /// [`Session::run`]. What they touched together; a step that is refused or does not read
    /// is skipped (the first refusal is the outcome if none applied).
    pub fn replay(&mut self, queued: Option<u64>) -> Option<Result<Touched, EditError>> {
        if queued.is_some_and(|g| g != self.generation) {
            return None;
        }
        let open = self.open.as_mut()?;
        let n = std::mem::take(&mut open.replay);
        let first = open.journal.len().saturating_sub(open.unrun);
        let steps: Vec<Step> = open.journal[first..(first + n).min(open.journal.len())]
            .iter()
            .filter_map(|text| Step::decode(text.as_deref()?))
            .collect();
        open.unrun = open.unrun.saturating_sub(n);
        let mut touched = Touched::new();
        let mut refused = None;
        for step in steps {
            match self.run(step, None) {
                Some(Ok(t)) => touched.extend(t),
                Some(Err(e)) => {
                    refused.get_or_insert(e);
                }
                None => {}
            }
        }
        Some(match refused {
            Some(e) if touched.is_empty() => Err(e),
            _ => Ok(touched),
        })
    }

    /// A model whose journal holds steps that never ran (its page closed first): the one to
    /// open at start.
    pub fn journaled(&self) -> Option<Id> {
        let ids = journal::ids(&self.store);
        self.listing
            .models
            .iter()
            .find(|m| ids.contains(&m.id))
            .map(|m| m.id.clone())
    }

    // ---- saving ----------------------------------------------------------------------

    /// Saves the open model if a change is pending.
    pub fn flush(&mut self, now: f64) {
        if self.pending() {
            self.save(now);
        }
    }

    /// Saves the open model now as the next revision: stamps `modified`, writes, reads back,
    /// updates the listing. A newer revision from another tab is never overwritten: the save
    /// waits ([`Session::behind`]) for [`Session::merge_behind`]. A full store raises
    /// [`StorageAlert::Full`]; [`Session::make_room`] then gives up old restore points, never
    /// a model.
    pub fn save(&mut self, now: f64) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if self.conflict.is_some() || self.behind {
            return;
        }
        open.model.modified = now;
        let result = library::save_after(
            &mut self.store,
            &open.model,
            open.rev,
            open.last_saved.as_ref(),
        );
        match result {
            Ok(saved) => {
                open.rev = saved.rev;
                open.prev_saved = open.last_saved.replace(saved);
                open.pending = false;
                if !open.journal.is_empty() {
                    // What has run is in this revision now; what has not stays, on it.
                    let ran = open.journal.len().saturating_sub(open.unrun);
                    open.journal.drain(..ran);
                    open.write_journal(&mut self.store, self.persistent);
                }
                if open.edited && now - open.point_time >= EDITING_INTERVAL_MS {
                    self.point_due = Some(Why::Editing);
                }
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
                    SaveError::Conflict { .. } => self.behind = true,
                    SaveError::Quarantined | SaveError::Verify => {
                        self.alert = Some(StorageAlert::Failed)
                    }
                }
            }
        }
    }

    /// The store was full ([`StorageAlert::Full`]): drops old restore points (the oldest of
    /// any model first, never a model's newest) until the pending save fits, and saves. The
    /// shell runs it from a lazy part.
    pub fn make_room(&mut self, now: f64) {
        while self.alert == Some(StorageAlert::Full) && self.pending() {
            if points::make_room(&mut self.store) != Ok(true) {
                return;
            }
            self.save(now);
        }
    }

    /// Another tab saved the open model ([`Session::behind`]): merges its save into this
    /// tab's model, three-way (the base is what this tab last loaded or saved), then saves the
    /// result; fields both changed wait for the user ([`Session::tab_conflicts`]) and the
    /// change stays pending.
    pub fn merge_behind(&mut self, now: f64) {
        if !std::mem::take(&mut self.behind) {
            return;
        }
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let Ok(Some((theirs, saved))) = library::load_saved(&self.store, &open.model.id) else {
            self.alert = Some(StorageAlert::Failed);
            return;
        };
        let base = open
            .last_saved
            .as_ref()
            .and_then(|s| library::model_of_entry(&s.text));
        let m = merge(base.as_ref(), &open.model, &theirs);
        if m.conflicts.is_empty() {
            let merged = m.resolve(&open.model, &[]);
            self.adopt(merged, saved, true);
            self.save(now);
        } else {
            self.conflict = Some(TabConflict {
                base,
                theirs,
                saved,
                conflicts: m.conflicts,
            });
        }
    }

    /// Takes in the content of `model` (the open model merged with others' changes from a
    /// shared folder) as the open model, in place: its id, timestamps and origin stay, the
    /// views update what changed (as after another tab's save), the undo history stays (edits
    /// name fields), and it is saved. False if nothing changed or no model is open.
    pub fn take_in(&mut self, model: Model, now: f64) -> bool {
        let Some(open) = self.open.as_mut() else {
            return false;
        };
        let touched = Touched::between(&open.model, &model);
        if touched.is_empty() {
            return false;
        }
        let model = Model {
            id: open.model.id.clone(),
            created: open.model.created,
            modified: open.model.modified,
            origin: open.model.origin.clone(),
            ..model
        };
        self.adopted.extend(touched);
        open.model = model;
        open.pending = true;
        self.save(now);
        true
    }

    /// Makes `model` the open model at the stored revision `saved` (another tab's), keeping
    /// the undo history (edits and their inverses name fields, so they still apply).
    /// `pending`: `model` is a merge holding this tab's unsaved edits too, not a plain take.
    fn adopt(&mut self, model: Model, saved: Saved, pending: bool) {
        if let Some(open) = self.open.as_mut() {
            self.adopted.extend(Touched::between(&open.model, &model));
            open.model = model;
            open.rev = saved.rev;
            open.last_saved = Some(saved);
            open.pending = pending;
            self.incoming = Incoming {
                count: self.incoming.count + 1,
                merged: pending,
            };
        }
    }

    /// Decides the fields both tabs changed (`choices` by field key; a field not named keeps
    /// mine) and saves the merge.
    pub fn resolve_tab_conflicts(&mut self, choices: &[(String, Side)], now: f64) {
        let (Some(c), Some(open)) = (self.conflict.take(), self.open.as_ref()) else {
            return;
        };
        // Merged again: this tab may have changed more while the user decided.
        let m = merge(c.base.as_ref(), &open.model, &c.theirs);
        let sides: Vec<Side> = m
            .conflicts
            .iter()
            .map(|x| {
                choices
                    .iter()
                    .find(|(k, _)| *k == x.key)
                    .map_or(Side::Mine, |(_, s)| *s)
            })
            .collect();
        let merged = m.resolve(&open.model, &sides);
        self.adopt(merged, c.saved, true);
        self.save(now);
    }

    /// Another tab changed storage under `key` (`None`: it cleared everything): re-reads the
    /// listing. If it saved the open model: with nothing pending here, this tab takes that
    /// version; with changes pending, the next save merges them.
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
        // Steps waiting for the engine count as pending: they apply to this tab's revision.
        if open.pending || open.unrun > 0 || self.conflict.is_some() || self.behind {
            return;
        }
        if let Ok(Some((theirs, saved))) = library::load_saved(&self.store, &open.model.id) {
            let overwritten = open
                .last_saved
                .as_ref()
                .is_some_and(|l| l.rev == saved.rev && l.text != saved.text);
            if overwritten {
                // Two tabs saved the same revision at the same moment and the other one's
                // write came last: this tab's save is merged back in, from the version both
                // started from.
                if let Some(o) = self.open.as_mut() {
                    o.last_saved = o.prev_saved.take();
                    o.pending = true;
                }
                self.behind = true;
            } else if saved.rev != open.rev {
                self.adopt(theirs, saved, false);
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

    fn replace(&mut self, open: Option<Open>, due: Option<Why>) {
        self.open = open;
        self.adopted = Touched::new();
        self.conflict = None;
        self.behind = false;
        self.point_due = due;
        self.generation += 1;
    }

    /// Opens a model that is not stored yet (new, duplicated, imported) and saves it. A
    /// pending change of the model open now is saved first.
    pub fn open_new(&mut self, model: Model, now: f64) {
        self.open_unsaved(model, now);
        self.save(now);
    }

    /// Opens a model that is not stored yet with its save pending (a pending change of the
    /// model open now is saved first).
    fn open_unsaved(&mut self, model: Model, now: f64) {
        self.flush(now);
        let mut open = Open::new(model, None, now);
        open.pending = true;
        self.replace(Some(open), Some(Why::Created));
    }

    /// Opens the stored model `id` (saving a pending change of the open one first).
    pub fn open(&mut self, id: &Id, now: f64) -> Opened {
        self.flush(now);
        match library::load_saved(&self.store, id) {
            Ok(Some((model, saved))) => {
                let mut open = Open::new(model, Some(saved), now);
                match journal::read(&self.store, id) {
                    // Steps that never ran on this very revision: they run once the engine is
                    // there (and are kept until a save holds them).
                    Some(j) if j.rev == open.rev && !j.steps.is_empty() => {
                        open.unrun = j.steps.len();
                        open.replay = j.steps.len();
                        open.replay_due = true;
                        open.journal = j.steps.into_iter().map(Some).collect();
                    }
                    // Another revision holds them, or another tab's save came first.
                    Some(_) => {
                        let _ = journal::remove(&mut self.store, id);
                    }
                    None => {}
                }
                self.replace(Some(open), Some(Why::Opened));
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
        let _ = points::delete(&mut self.store, id);
        let _ = journal::remove(&mut self.store, id);
        if self.model().is_some_and(|m| &m.id == id) {
            self.replace(None, None);
        }
        self.refresh_listing();
    }

    /// Opens an imported model (file, drop, share link) as a NEW model: it keeps its id only
    /// if `keep_id` and no entry has that id; otherwise it gets `fresh`. Never replaces a
    /// stored model.
    pub fn import(&mut self, model: Model, keep_id: bool, fresh: Id, now: f64) {
        self.import_unsaved(model, keep_id, fresh, now);
        self.save(now);
    }

    /// [`Session::import`] with the save left pending ([`Session::flush`] stores it): the app
    /// shows a large imported file first and stores it right after. A pending change of the
    /// model open now is saved first, so a second import of the same file still finds the
    /// first one's id taken.
    pub fn import_unsaved(&mut self, mut model: Model, keep_id: bool, fresh: Id, now: f64) {
        self.flush(now);
        let free = keep_id
            && !model.id.as_str().is_empty()
            && library::is_free(&self.store, &model.id).unwrap_or(false);
        if !free {
            model.id = fresh;
        }
        if model.created <= 0.0 {
            model.created = now;
        }
        self.open_unsaved(model, now);
        self.point_due = Some(Why::Imported);
    }

    /// Keeps `point` as a restore point of model `id` (see [`points`]). Best effort: a
    /// point that does not fit is not kept, and a model's save is never affected.
    pub fn add_point(&mut self, id: &Id, point: Point) {
        if let Some(open) = self.open.as_mut().filter(|o| &o.model.id == id) {
            open.point_time = point.time;
            open.edited = false;
        }
        let _ = points::add(&mut self.store, id, point);
    }

    /// A stored model (not the open one's state in this tab), to compare or merge with.
    pub fn stored_model(&self, id: &Id) -> Option<Model> {
        library::load(&self.store, id)
            .ok()
            .flatten()
            .map(|(m, _)| m)
    }

    /// How much of the browser's storage the library uses, and by which models.
    pub fn usage(&self) -> Option<crate::storage::usage::Usage> {
        crate::storage::usage::usage(&self.store, &self.listing).ok()
    }

    /// The restore points of model `id`, oldest first.
    pub fn points(&self, id: &Id) -> Vec<Point> {
        points::read(&self.store, id)
    }

    /// Conflict: drops this tab's version and opens the stored one.
    pub fn reload(&mut self, now: f64) {
        let Some(id) = self.model().map(|m| m.id.clone()) else {
            return;
        };
        if let Some(o) = self.open.as_mut() {
            o.pending = false;
        }
        self.conflict = None;
        self.behind = false;
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
        self.conflict = None;
        self.behind = false;
        self.open_new(model, now);
    }
}
