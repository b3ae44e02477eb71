//! The app's state: the open model behind [`Doc`] (read-only, by topic), and the UI state
//! around it (language, selection, view, banners, save status). Every change to the model is
//! a [`Change`] through [`App::change`] (or [`App::edit`]); the session type makes any other
//! way impossible, since it lends the model only as `&Model`.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::doc::Doc;
use super::engine::{self, Job, Outcome};
use super::i18n::{t, T};
use crate::format::{ImportErrors, Problem};
use crate::model::add::AddPlan;
use crate::model::merge::{Conflict, Side};
use crate::model::steer::default_as_of;
use crate::model::{Edit, Id, Lang, Model, Month, Target};
use crate::session::{Change, Incoming, Opened, Session, Step, StorageAlert};
use crate::storage::keys;
use crate::storage::library::Listing;
use crate::storage::local::Backend;
use crate::storage::points::{Point, Why};
use crate::storage::usage::Usage;

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
    Values,
    /// The department meeting (*afdelingsoverleg*).
    DepartmentMeeting,
    /// The chain meeting (*ketenoverleg*).
    Meeting,
    /// The management team's meeting (*MT-overleg*).
    MtMeeting,
    Health,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Structure,
        View::Chains,
        View::Kpis,
        View::Matrix,
        View::Values,
        View::DepartmentMeeting,
        View::Meeting,
        View::MtMeeting,
        View::Health,
    ];
}

/// Which dialog of `ui::copies` is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Compare,
    History,
}

/// What the share box under the header shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Share {
    /// The link (also put on the clipboard).
    Link(String),
    /// The link would be this many characters: too long, use Export JSON.
    TooLarge(usize),
}

const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct App {
    pub lang: RwSignal<Lang>,
    /// The open model, read-only, by topic: the one way views read it.
    pub doc: Doc,
    pub listing: RwSignal<Listing>,
    pub save_state: RwSignal<SaveState>,
    /// A lasting storage warning (unavailable, full, failed), shown in `role="alert"`.
    pub storage_alert: RwSignal<Option<T>>,
    /// A one-off error message, shown in `role="alert"` until dismissed.
    pub error: RwSignal<Option<String>>,
    /// Whether Undo and Redo can do something.
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The selected element of the open model.
    pub selection: RwSignal<Option<Target>>,
    pub view: RwSignal<View>,
    /// The "As of" month: each KPI shows its value for its latest period ending by then. Set
    /// to [`default_as_of`] whenever another model is opened.
    pub as_of: RwSignal<Month>,
    /// Every problem of the last failed import (file, drop or share link), until dismissed.
    pub import_errors: RwSignal<Option<ImportErrors>>,
    /// What the last import kept but could not convert (a version-1 norm text that is no
    /// number), until dismissed or the next import.
    pub import_notes: RwSignal<Vec<Problem>>,
    /// The share link box, while shown.
    pub share: RwSignal<Option<Share>>,
    /// A model that arrived in a share link, waiting for "Keep as new model" or "Dismiss".
    pub incoming: RwSignal<Option<Model>>,
    /// Another tab saved the open model and changed some of the same fields as this tab:
    /// the user decides those (the conflict banner).
    pub conflict: RwSignal<bool>,
    /// The saves of another tab that came into the open model (a banner says so).
    pub other_tab: RwSignal<Incoming>,
    /// The Compare or History dialog, while open.
    pub copies: RwSignal<Option<Panel>>,
    /// A restore point is due (made, opened, imported, exported, ten minutes of editing),
    /// with the model as it was at that moment: `ui::copies` makes it and sets this back to
    /// `None`.
    pub point_due: RwSignal<Option<(Why, Model)>>,
    /// How many restore points are being made (waiting for the browser to be idle, or
    /// compressed); History re-reads the points when one is done.
    pub points_busy: RwSignal<u32>,
    /// A save found another tab's newer revision: `ui::copies` merges it.
    pub behind: RwSignal<bool>,
    /// The share of the browser's storage in use, in percent, once it is nearly full.
    pub nearly_full: RwSignal<Option<u32>>,
    /// The browser's answer to `navigator.storage.persist()`; `None` until it answers.
    pub persisted: RwSignal<Option<bool>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// The current month, by the browser's clock and time zone.
pub fn today() -> Month {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1)
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
        let session = Session::new(store, persistent);
        let lang = session
            .pref(keys::LANG)
            .map(|c| Lang::from_code(&c))
            .or_else(|| {
                web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .map(|c| Lang::from_code(&c))
            })
            .unwrap_or_default();
        let app = App {
            lang: RwSignal::new(lang),
            doc: Doc::new(session),
            listing: RwSignal::new(Listing::default()),
            save_state: RwSignal::new(SaveState::Saved),
            storage_alert: RwSignal::new(None),
            error: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            selection: RwSignal::new(None),
            view: RwSignal::new(View::Structure),
            as_of: RwSignal::new(today()),
            import_errors: RwSignal::new(None),
            import_notes: RwSignal::new(Vec::new()),
            share: RwSignal::new(None),
            incoming: RwSignal::new(None),
            conflict: RwSignal::new(false),
            other_tab: RwSignal::new(Incoming::default()),
            copies: RwSignal::new(None),
            point_due: RwSignal::new(None),
            points_busy: RwSignal::new(0),
            behind: RwSignal::new(false),
            nearly_full: RwSignal::new(None),
            persisted: RwSignal::new(None),
            timer: StoredValue::new(None),
        };
        // The model whose page closed while changes waited for the edit engine, else the
        // most recent.
        let first = app.doc.session_ref(|s| {
            s.journaled()
                .or_else(|| s.listing().models.first().map(|m| m.id.clone()))
        });
        match first {
            Some(id) => app.open(&id),
            None => app.sync(),
        }
        app
    }

    pub fn text(&self, key: T) -> &'static str {
        t(self.lang.get(), key)
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.doc.session(|s| s.set_pref(keys::LANG, lang.code()));
    }

    /// Mirrors the session's state into the signals the UI shows, setting only what changed.
    fn sync(&self) {
        let (listing_changed, unsaved, alert, conflict, undo, redo, other_tab) =
            self.doc.session_ref(|s| {
                (
                    self.listing.with_untracked(|l| l != s.listing()),
                    s.unsaved() || engine::waiting(),
                    s.alert(),
                    s.conflict(),
                    s.can_undo(),
                    s.can_redo(),
                    s.incoming(),
                )
            });
        set_if_changed(self.other_tab, other_tab);
        // A restore point is due (made, opened, imported, ten minutes of editing): of the
        // model as it is now, whatever the user does next.
        if let Some(why) = self.doc.session(|s| s.take_point_due()).flatten() {
            self.point_now(why);
        }
        set_if_changed(self.behind, self.doc.session_ref(|s| s.behind()));
        if listing_changed {
            self.listing
                .set(self.doc.session_ref(|s| s.listing().clone()));
        }
        let save_state = if unsaved {
            SaveState::NotSaved
        } else {
            SaveState::Saved
        };
        set_if_changed(self.save_state, save_state);
        set_if_changed(
            self.storage_alert,
            alert.map(|a| match a {
                StorageAlert::Unavailable => T::StorageUnavailable,
                StorageAlert::Full => T::StorageFull,
                StorageAlert::Failed => T::StorageError,
            }),
        );
        set_if_changed(self.conflict, conflict);
        set_if_changed(self.can_undo, undo);
        set_if_changed(self.can_redo, redo);
        // Another tab's version (or a merge with it) was taken: the views update what it
        // changed in place, like after an edit; the selection stays unless it is gone.
        let adopted = self.doc.session(|s| s.take_adopted()).unwrap_or_default();
        if !adopted.is_empty() {
            self.doc.notify(&adopted);
            let gone = self.selection.with_untracked(|sel| {
                sel.as_ref()
                    .is_some_and(|t| !self.doc.with_untracked(|m| t.exists_in(m)).unwrap_or(false))
            });
            if gone {
                self.selection.set(None);
            }
        }
        // Another model is open: the selection belonged to the old one.
        if self.doc.sync_generation() {
            self.selection.set(None);
            let as_of = self
                .doc
                .with_untracked(|m| default_as_of(m, today()))
                .unwrap_or_else(today);
            set_if_changed(self.as_of, as_of);
        }
    }

    /// Asks for a restore point of the open model as it is now.
    pub fn point_now(&self, why: Why) {
        if let Some(model) = self.doc.with_untracked(Model::clone) {
            self.point_due.set(Some((why, model)));
        }
    }

    /// Runs a session method that may replace the open model, then updates the UI.
    fn replace(&self, f: impl FnOnce(&mut Session<Backend>, f64)) {
        self.cancel_timer();
        self.doc.session(|s| f(s, now()));
        self.sync();
        if self.doc.session_ref(|s| s.pending()) {
            self.schedule_save();
        }
        // The model opened with changes its page made before the edit engine arrived and
        // could not save: they run now (or once the engine is there), before any new one.
        if self.doc.session(|s| s.take_replay()) == Some(true) {
            self.run_then(Job::Replay, |_| ());
        }
    }

    pub fn refresh_listing(&self) {
        self.doc.session(|s| s.refresh_listing());
        self.sync();
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
        self.replace(|s, now| s.open_new(model, now));
    }

    pub fn open(&self, id: &Id) {
        let mut opened = Opened::Open;
        self.replace(|s, now| opened = s.open(id, now));
        if opened == Opened::Failed && self.storage_alert.get_untracked().is_none() {
            self.error.set(Some(self.text(T::StorageError).to_string()));
        }
    }

    pub fn duplicate(&self, id: &Id) {
        let prefix = t(self.lang.get_untracked(), T::CopyOf);
        self.replace(|s, now| s.duplicate(id, fresh_id('m'), |n| format!("{prefix} {n}"), now));
    }

    pub fn delete(&self, id: &Id) {
        self.replace(|s, _| s.delete(id));
    }

    /// Opens an imported model (file, drop, share link) as a NEW model: it keeps its id only
    /// if `keep_id` and that id is not stored yet; otherwise it gets a fresh one. Never
    /// replaces a stored model.
    pub fn import_model(&self, model: Model, keep_id: bool) {
        self.import_errors.set(None);
        self.import_notes.set(Vec::new());
        self.replace(|s, now| s.import_unsaved(model, keep_id, fresh_id('m'), now));
        // Stored right after its first frame is painted, so a large file shows sooner. Until
        // then it is a pending save like an edit's: closing the page saves it too.
        let app = *self;
        super::split::after_paint(move || app.flush());
    }

    /// Checks how full the browser's storage is (the warning before it is full).
    pub fn measure_storage(&self) {
        let usage = self.doc.session_ref(|s| s.usage());
        let full = usage
            .filter(|u| u.nearly_full())
            .map(|u| (u.share() * 100.0).round() as u32);
        set_if_changed(self.nearly_full, full);
    }

    /// How much of the browser's storage the library uses, and by which models.
    pub fn usage(&self) -> Option<Usage> {
        self.doc.session_ref(|s| s.usage())
    }

    /// The restore points of model `id`, oldest first.
    pub fn points(&self, id: &Id) -> Vec<Point> {
        self.doc.session_ref(|s| s.points(id))
    }

    /// Keeps a restore point of model `id`.
    pub fn add_point(&self, id: &Id, point: Point) {
        self.doc.session(|s| s.add_point(id, point));
    }

    /// A stored model as it is in storage (to compare or merge with).
    pub fn stored_model(&self, id: &Id) -> Option<Model> {
        self.doc.session_ref(|s| s.stored_model(id))
    }

    /// The fields both this tab and another tab changed, with the other tab's model.
    pub fn tab_conflicts(&self) -> Option<(Vec<Conflict>, Model)> {
        self.doc.session_ref(|s| {
            s.tab_conflicts()
                .map(|(c, theirs)| (c.to_vec(), theirs.clone()))
        })
    }

    /// Decides the fields both tabs changed and saves the merge.
    pub fn resolve_tab_conflicts(&self, choices: Vec<(String, Side)>) {
        self.replace(|s, now| s.resolve_tab_conflicts(&choices, now));
    }

    /// The raw stored text under `key` (to export a damaged entry).
    pub fn raw_entry(&self, key: &str) -> Option<String> {
        self.doc.session_ref(|s| s.raw_entry(key))
    }

    /// Another tab changed storage (`key`; `None` when it cleared everything).
    pub fn storage_changed(&self, key: Option<&str>) {
        self.doc.session(|s| s.storage_changed(key));
        self.sync();
    }

    /// Conflict: drops this tab's version and opens the stored one.
    pub fn reload_open_model(&self) {
        self.replace(|s, now| s.reload(now));
    }

    /// Conflict: keeps this tab's version as a new model ("Copy of ..."), leaving the stored
    /// one as the other tab saved it.
    pub fn keep_mine_as_copy(&self) {
        let prefix = t(self.lang.get_untracked(), T::CopyOf);
        self.replace(|s, now| s.keep_mine_as_copy(fresh_id('m'), |n| format!("{prefix} {n}"), now));
    }

    /// The one way the open model changes: an edit, an undo or a redo, run by the edit engine
    /// ([`engine::run`]: at once, or in order once its lazy part is there). Notifies exactly
    /// what it touched and schedules a save; a refused edit changes nothing and shows its
    /// message. `then` hears whether the model changed.
    pub fn change_then(&self, change: Change, then: impl FnOnce(bool) + 'static) {
        self.run_then(Job::Step(Step::Change(change)), then);
    }

    /// Runs a job of the edit engine; `then` hears whether the model changed.
    fn run_then(&self, job: Job, then: impl FnOnce(bool) + 'static) {
        let app = *self;
        engine::run(self.doc, job, move |outcome| then(app.changed(outcome)));
        // Waiting for the engine: the status says so (`sync` counts waiting changes as unsaved).
        if engine::waiting() {
            self.sync();
        }
    }

    /// [`App::change_then`] with nothing to do after it.
    pub fn change(&self, change: Change) {
        self.change_then(change, |_| ());
    }

    /// Shows the outcome of a change: true if the model changed.
    fn changed(&self, outcome: Option<Outcome>) -> bool {
        match outcome {
            Some(Ok(touched)) => {
                if touched.is_empty() {
                    self.sync();
                    return false;
                }
                self.doc.notify(&touched);
                self.sync();
                self.schedule_save();
                true
            }
            Some(Err(e)) => {
                self.error.set(Some(e.message(self.lang.get_untracked())));
                self.sync();
                false
            }
            None => false,
        }
    }

    /// Applies an edit through the history (so undo is exact). `coalesce`: successive
    /// keystrokes in one field make one undo step.
    pub fn edit(&self, edit: Edit, coalesce: bool) {
        self.change(Change::Edit { edit, coalesce });
    }

    /// [`App::edit`], then `then` if the model changed.
    pub fn edit_then(&self, edit: Edit, then: impl FnOnce() + 'static) {
        self.change_then(
            Change::Edit {
                edit,
                coalesce: false,
            },
            move |done| {
                if done {
                    then()
                }
            },
        );
    }

    /// Adds the element `plan` makes from the model as it is when the edit runs (after the
    /// changes before it), then selects `select` (the Add buttons: the new element's name is
    /// free in that model).
    pub fn plan_and_select(&self, plan: AddPlan, select: Target) {
        let app = *self;
        self.run_then(Job::Step(Step::Add(plan)), move |done| {
            if done {
                app.selection.set(Some(select));
            }
        });
    }

    /// Ends keystroke coalescing (on blur), so the next edit is a step of its own.
    pub fn break_coalescing(&self) {
        engine::run(self.doc, Job::Step(Step::EndCoalescing), |_| ());
    }

    pub fn undo(&self) {
        self.step(Change::Undo);
    }

    pub fn redo(&self) {
        self.step(Change::Redo);
    }

    fn step(&self, change: Change) {
        let app = *self;
        self.change_then(change, move |done| {
            // The selection may point at something the step removed.
            let gone = done
                && app.selection.with_untracked(|s| {
                    s.as_ref().is_some_and(|t| {
                        app.doc.with_untracked(|m| !t.exists_in(m)).unwrap_or(true)
                    })
                });
            if gone {
                app.selection.set(None);
            }
        });
    }

    fn schedule_save(&self) {
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
        if self.doc.session_ref(|s| s.pending()) {
            self.save_now();
        }
    }

    /// Saves the open model now: stamps `modified`, writes, reads back, updates the list.
    /// If another tab saved it meanwhile, `ui::copies` merges next ([`App::behind`]).
    pub fn save_now(&self) {
        self.cancel_timer();
        self.doc.session(|s| s.save(now()));
        self.sync();
    }

    /// The store was full: gives up old restore points until the pending save fits.
    pub fn make_room(&self) {
        self.doc.session(|s| s.make_room(now()));
        self.sync();
    }

    /// Takes in the open model merged with others' changes (a shared folder), in place.
    pub fn take_in(&self, model: Model) {
        self.replace(|s, now| {
            s.take_in(model, now);
        });
    }

    /// Merges another tab's newer save into the open model and saves the result (or shows
    /// the fields both changed).
    pub fn merge_behind(&self) {
        self.replace(|s, now| s.merge_behind(now));
    }
}

fn set_if_changed<V: PartialEq + Send + Sync + 'static>(signal: RwSignal<V>, value: V) {
    if signal.with_untracked(|v| v != &value) {
        signal.set(value);
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
