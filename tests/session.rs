//! The session of one tab over an in-memory store: edits, undo, saves, another tab's newer
//! revision, quarantine. Two tabs share one store through `Shared`.

use std::cell::RefCell;
use std::rc::Rc;

use kpi_structure::model::*;
use kpi_structure::session::{Change, Opened, Session, StorageAlert};
use kpi_structure::storage::keys;
use kpi_structure::storage::kv::{KeyValue, MemoryStore, StoreError};

/// One localStorage seen by several tabs.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<MemoryStore>>);

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn model(id_: &str) -> Model {
    Model {
        id: id(id_),
        name: "Coffee".into(),
        ..Model::default()
    }
}

fn goal(g: &str) -> Edit {
    Edit::AddGoal {
        goal: Goal {
            id: id(g),
            name: g.into(),
            ..Goal::default()
        },
        index: None,
    }
}

fn rename(v: &str) -> Change {
    Change::Edit {
        edit: Edit::SetModel {
            field: ModelField::Name(v.into()),
        },
        coalesce: true,
    }
}

fn edit(e: Edit) -> Change {
    Change::Edit {
        edit: e,
        coalesce: false,
    }
}

#[test]
fn a_new_model_is_saved_and_listed() {
    let mut s = Session::new(MemoryStore::default(), true);
    assert!(s.model().is_none());
    s.open_new(model("m1"), 10.0);
    assert_eq!(s.rev(), 1);
    assert!(!s.unsaved());
    assert_eq!(s.listing().models.len(), 1);
    assert_eq!(s.listing().models[0].name, "Coffee");
}

#[test]
fn an_edit_says_what_it_touched_and_is_saved_on_save() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    let t = s.change(edit(goal("g1"))).unwrap();
    assert!(t.contains(&Topic::Goals));
    assert!(t.contains(&Topic::Fields(Target::Goal(id("g1")))));
    assert!(s.unsaved());
    s.save(2.0);
    assert!(!s.unsaved());
    assert_eq!(s.rev(), 2);
    // Another session over the same store reads it back.
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m2"), 1.0);
    a.change(edit(goal("g9"))).unwrap();
    a.save(2.0);
    let mut b = Session::new(store, true);
    assert_eq!(b.open(&id("m2"), 3.0), Opened::Open);
    assert!(b.model().unwrap().goals.contains_key(&id("g9")));
}

#[test]
fn a_field_edit_touches_only_that_element() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    s.change(edit(goal("g1"))).unwrap();
    let t = s
        .change(Change::Edit {
            edit: Edit::SetGoal {
                id: id("g1"),
                field: GoalField::Name("Grow".into()),
            },
            coalesce: true,
        })
        .unwrap();
    assert_eq!(t.len(), 1);
    assert!(t.contains(&Topic::Fields(Target::Goal(id("g1")))));
}

#[test]
fn undo_and_redo_touch_what_the_edit_did() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    let did = s.change(edit(goal("g1"))).unwrap();
    s.save(2.0);
    let undone = s.change(Change::Undo).unwrap();
    assert_eq!(undone, did);
    assert!(s.model().unwrap().goals.is_empty());
    assert!(s.pending(), "an undo is a change to save");
    let redone = s.change(Change::Redo).unwrap();
    assert_eq!(redone, did);
    assert!(
        s.change(Change::Redo).unwrap().is_empty(),
        "nothing to redo"
    );
}

#[test]
fn keystrokes_coalesce_and_undo_in_one_step() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    for v in ["C", "Co", "Cof"] {
        s.change(rename(v)).unwrap();
    }
    s.change(Change::Undo).unwrap();
    assert_eq!(s.model().unwrap().name, "Coffee");
    assert!(!s.can_undo());
}

#[test]
fn a_refused_edit_changes_nothing_and_leaves_nothing_pending() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    let before = s.model().unwrap().clone();
    assert!(s.change(edit(Edit::DeleteGoal { id: id("nope") })).is_err());
    assert_eq!(s.model().unwrap(), &before);
    assert!(!s.pending());
}

#[test]
fn another_tabs_newer_revision_is_never_overwritten() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store.clone(), true);
    assert_eq!(b.open(&id("m1"), 2.0), Opened::Open);
    b.change(edit(goal("from-b"))).unwrap();
    b.save(3.0);

    // Tab A hears of it and flags a conflict; its own save is refused.
    a.storage_changed(Some(&keys::model("m1")));
    assert!(a.conflict());
    a.change(edit(goal("from-a"))).unwrap();
    a.save(4.0);
    assert!(a.unsaved());
    let mut c = Session::new(store.clone(), true);
    c.open(&id("m1"), 5.0);
    assert!(c.model().unwrap().goals.contains_key(&id("from-b")));
    assert!(!c.model().unwrap().goals.contains_key(&id("from-a")));

    // "Keep mine as a copy" saves A's version under a new id; B's stays.
    let gen = a.generation();
    a.keep_mine_as_copy(id("m1-copy"), |n| format!("Copy of {n}"), 6.0);
    assert!(a.generation() > gen);
    assert!(!a.conflict());
    assert_eq!(a.model().unwrap().name, "Copy of Coffee");
    assert!(a.model().unwrap().goals.contains_key(&id("from-a")));
    assert_eq!(a.listing().models.len(), 2);

    // "Reload" in B after another save by C drops nothing stored.
    c.change(edit(goal("from-c"))).unwrap();
    c.save(7.0);
    b.storage_changed(None);
    assert!(b.conflict());
    b.reload(8.0);
    assert!(!b.conflict());
    assert!(b.model().unwrap().goals.contains_key(&id("from-c")));
}

#[test]
fn a_save_after_an_unrelated_key_changed_is_no_conflict() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store, true);
    b.open_new(model("m2"), 1.0);
    a.storage_changed(Some(&keys::model("m2")));
    assert!(!a.conflict());
    assert_eq!(a.listing().models.len(), 2);
}

#[test]
fn a_damaged_entry_is_quarantined_and_kept() {
    let store = Shared::default();
    let key = keys::model("bad");
    store.clone().set(&key, "{not json").unwrap();
    let mut s = Session::new(store.clone(), true);
    assert_eq!(s.listing().quarantined.len(), 1);
    assert_eq!(s.open(&id("bad"), 1.0), Opened::Failed);
    assert!(s.model().is_none());
    // Importing a model with that id gets a fresh id: the entry is never overwritten.
    s.import(model("bad"), true, id("fresh"), 2.0);
    assert_eq!(s.model().unwrap().id, id("fresh"));
    s.delete(&id("bad"));
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("{not json"));
    assert_eq!(s.raw_entry(&key).as_deref(), Some("{not json"));
}

#[test]
fn import_keeps_a_free_id_and_opening_flushes_the_pending_edit() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.import(model("m1"), true, id("fresh"), 1.0);
    assert_eq!(s.model().unwrap().id, id("m1"));
    s.change(edit(goal("g1"))).unwrap();
    assert!(s.pending());
    s.import(model("m1"), true, id("m2"), 2.0);
    assert_eq!(s.model().unwrap().id, id("m2"));
    assert_eq!(s.open(&id("m1"), 3.0), Opened::Open);
    assert!(s.model().unwrap().goals.contains_key(&id("g1")));
}

#[test]
fn a_full_store_raises_an_alert_and_keeps_the_change_pending() {
    let store = MemoryStore {
        quota: Some(600),
        ..MemoryStore::default()
    };
    let mut s = Session::new(store, true);
    s.open_new(model("m1"), 1.0);
    assert_eq!(s.alert(), None);
    for i in 0..40 {
        s.change(edit(goal(&format!("goal-with-a-long-name-{i}"))))
            .unwrap();
    }
    s.save(2.0);
    assert_eq!(s.alert(), Some(StorageAlert::Full));
    assert!(s.pending());
    // Room again: the next save works and the alert goes.
    for _ in 0..40 {
        s.change(Change::Undo).unwrap();
    }
    s.save(3.0);
    assert_eq!(s.alert(), None);
    assert!(!s.pending());
}

#[test]
fn memory_only_storage_says_so() {
    let mut s = Session::new(MemoryStore::default(), false);
    assert_eq!(s.alert(), Some(StorageAlert::Unavailable));
    s.open_new(model("m1"), 1.0);
    assert!(s.unsaved(), "nothing is really kept");
}

#[test]
fn deleting_the_open_model_closes_it() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    let gen = s.generation();
    s.delete(&id("m1"));
    assert!(s.model().is_none());
    assert!(s.generation() > gen);
    assert!(s.listing().models.is_empty());
    assert!(s.change(edit(goal("g"))).unwrap().is_empty());
}

#[test]
fn duplicate_opens_a_named_copy() {
    let mut s = Session::new(MemoryStore::default(), true);
    s.open_new(model("m1"), 1.0);
    s.duplicate(&id("m1"), id("m2"), |n| format!("Kopie van {n}"), 2.0);
    assert_eq!(s.model().unwrap().name, "Kopie van Coffee");
    assert_eq!(s.listing().models.len(), 2);
}
