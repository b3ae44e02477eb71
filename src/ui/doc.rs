//! The open model as the views see it: read-only, by [`Topic`].
//!
//! The one reactive path from the model to the screen. The model lives in the pure
//! [`Session`]; it is not a signal. A reader names the topic it depends on ("the fields of
//! KPI k", "the links of chain c", "the list of chains") and reads the model through
//! [`Doc::with`]; that subscribes it to one trigger per topic, made on first use. An edit
//! (or its undo) notifies exactly the triggers of the topics it touched ([`Touched`]), so
//! typing in a KPI's name re-runs only what shows that KPI's fields. Opening another model
//! notifies every trigger and starts a fresh set.

use std::collections::HashMap;
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::model::{Model, Reader, Topic, Touched};
use crate::session::Session;
use crate::storage::local::Backend;

/// How long after the last change the whole-model readers re-run.
pub const SETTLE: Duration = Duration::from_millis(250);

/// The open model, read-only, with per-topic subscriptions. `Copy`: pass it anywhere.
#[derive(Clone, Copy)]
pub struct Doc {
    session: StoredValue<Session<Backend>, LocalStorage>,
    topics: StoredValue<HashMap<Topic, ArcTrigger>, LocalStorage>,
    /// Notified once edits have settled (no change for [`SETTLE`]): the readers of the whole
    /// model (the checks) re-run once per pause in typing, not per keystroke.
    settled: StoredValue<ArcTrigger, LocalStorage>,
    settle_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// Which model is open (its generation in the session); a model was opened or closed.
    generation: RwSignal<u64>,
}

impl Doc {
    pub(super) fn new(session: Session<Backend>) -> Doc {
        let generation = session.generation();
        Doc {
            session: StoredValue::new_local(session),
            topics: StoredValue::new_local(HashMap::new()),
            settled: StoredValue::new_local(ArcTrigger::new()),
            settle_timer: StoredValue::new_local(None),
            generation: RwSignal::new(generation),
        }
    }

    /// Subscribes the running reader to `topic`. (Not to `generation`: opening another model
    /// notifies every topic's trigger instead. A signal with thousands of readers makes each
    /// re-run of one of them cost O(readers) in `reactive_graph`'s subscriber set.)
    fn track(&self, topic: Topic) {
        let trigger = self
            .topics
            .try_update_value(|t| t.entry(topic).or_default().clone());
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Reads the open model through a [`Reader`] and subscribes to exactly the topics the
    /// function read: a view model's dependencies follow from what it reads, never from a
    /// second list. `None` when no model is open (then it re-runs when one is).
    pub fn read<R>(&self, f: impl FnOnce(&Reader) -> R) -> Option<R> {
        let read = self.with_untracked(|m| {
            let r = Reader::new(m);
            let value = f(&r);
            (value, r.into_topics())
        });
        let Some((value, topics)) = read else {
            self.generation.track();
            return None;
        };
        for topic in topics {
            self.track(topic);
        }
        Some(value)
    }

    /// Reads the whole open model, re-running when another model is opened and once edits
    /// have settled (for whole-model analyses such as the checks: their cost is paid once per
    /// pause in typing, so a keystroke costs the same on any model size).
    pub fn with_settled<R>(&self, f: impl FnOnce(&Model) -> R) -> Option<R> {
        self.generation.track();
        self.settled.with_value(|a| a.track());
        self.with_untracked(f)
    }

    /// Reads the open model without subscribing (event handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Model) -> R) -> Option<R> {
        self.session.with_value(|s| s.model().map(f))
    }

    /// True while a model is open; depends only on which model is open.
    pub fn is_open(&self) -> bool {
        self.generation.track();
        self.with_untracked(|_| ()).is_some()
    }

    /// Runs `f` on the session (the shell's methods on [`super::state::App`]). After it,
    /// nothing is notified: the caller notifies what changed with [`Doc::notify`] or
    /// [`Doc::sync_generation`].
    pub(super) fn session<R>(&self, f: impl FnOnce(&mut Session<Backend>) -> R) -> Option<R> {
        self.session.try_update_value(f)
    }

    /// True when models are kept in the browser's storage (not only in memory).
    pub fn is_persistent(&self) -> bool {
        self.session_ref(|s| s.is_persistent())
    }

    /// Reads the session (save state, listing) without subscribing.
    pub(super) fn session_ref<R>(&self, f: impl FnOnce(&Session<Backend>) -> R) -> R {
        self.session.with_value(f)
    }

    /// Notifies the readers of what a change touched (and the readers of everything).
    pub(super) fn notify(&self, touched: &Touched) {
        if touched.is_empty() {
            return;
        }
        let triggers: Vec<ArcTrigger> = self.topics.with_value(|t| {
            touched
                .iter()
                .filter_map(|topic| t.get(topic).cloned())
                .collect()
        });
        for t in triggers {
            t.notify();
        }
        self.settle_soon();
    }

    /// Notifies the `settled` readers [`SETTLE`] after the last change.
    fn settle_soon(&self) {
        if let Some(h) = self.settle_timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let settled = self.settled;
        let handle =
            set_timeout_with_handle(move || settled.with_value(|t| t.notify()), SETTLE).ok();
        self.settle_timer.set_value(handle);
    }

    /// If another model was opened (or the open one closed), notifies every reader and drops
    /// the old subscriptions (readers subscribe afresh as they re-run). True if it was.
    pub(super) fn sync_generation(&self) -> bool {
        let generation = self.session_ref(|s| s.generation());
        if generation == self.generation.get_untracked() {
            return false;
        }
        let old = self.topics.try_update_value(std::mem::take);
        if let Some(old) = old {
            for t in old.values() {
                t.notify();
            }
        }
        self.settled.with_value(|a| a.notify());
        self.generation.set(generation);
        true
    }
}
