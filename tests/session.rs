//! The session of one tab over an in-memory store: edits, undo, saves, another tab's newer
//! revision, quarantine. Two tabs share one store through `Shared`.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use std::cell::RefCell;
use std::rc::Rc;

use kpi_structure::model::add::AddPlan;
use kpi_structure::model::*;
use kpi_structure::session::{Change, Incoming, Opened, Session, Step, StorageAlert};
use kpi_structure::storage::kv::{KeyValue, MemoryStore, StoreError};
use kpi_structure::storage::points::{Point, Why};
use kpi_structure::storage::{journal, keys, library};

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

fn goal_named(g: &str, name: &str) -> Change {
    edit(Edit::SetGoal {
        id: id(g),
        field: GoalField::Name(name.into()),
    })
}

fn stored(store: &Shared, m: &str) -> Model {
    let mut c = Session::new(store.clone(), true);
    assert_eq!(c.open(&id(m), 99.0), Opened::Open);
    c.model().unwrap().clone()
}

#[test]
fn two_tabs_editing_different_things_both_keep_their_edits() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store.clone(), true);
    assert_eq!(b.open(&id("m1"), 2.0), Opened::Open);

    // Both edit before either hears of the other.
    b.change(edit(goal("from-b"))).unwrap();
    a.change(edit(goal("from-a"))).unwrap();
    a.change(rename("Coffee (A)")).unwrap();
    b.save(3.0);
    // A's save finds B's newer revision: it merges instead of refusing.
    let gen = a.generation();
    a.save(4.0);
    assert!(
        a.behind() && a.unsaved(),
        "nothing written before the merge"
    );
    a.merge_behind(4.0);
    assert!(!a.behind());
    assert!(!a.conflict());
    assert!(!a.unsaved());
    assert_eq!(
        a.incoming(),
        Incoming {
            count: 1,
            merged: true
        }
    );
    // The views show the merge in place: what it changed is notified, nothing is reopened
    // (the selection stays).
    assert_eq!(a.generation(), gen);
    let shown = a.take_adopted();
    assert!(shown.contains(&Topic::Goals), "{shown:?}");
    assert!(shown.contains(&Topic::Fields(Target::Goal(id("from-b")))));
    assert!(a.take_adopted().is_empty(), "taken once");
    let both = a.model().unwrap().clone();
    assert!(both.goals.contains_key(&id("from-a")));
    assert!(both.goals.contains_key(&id("from-b")));
    assert_eq!(both.name, "Coffee (A)");
    assert_eq!(stored(&store, "m1").goals, both.goals);

    // B hears of A's save with nothing pending: it shows the merged model.
    let (gen_b, _) = (b.generation(), b.take_adopted());
    b.storage_changed(Some(&keys::model("m1")));
    assert!(!b.conflict());
    // B had nothing unsaved: it took A's save, nothing of its own was merged.
    assert_eq!(
        b.incoming(),
        Incoming {
            count: 1,
            merged: false
        }
    );
    assert_eq!(b.model().unwrap().goals, both.goals);
    assert_eq!(b.model().unwrap().name, "Coffee (A)");
    // In place: the new goal and the new name are notified, the model is not reopened.
    assert_eq!(b.generation(), gen_b);
    let shown = b.take_adopted();
    assert!(shown.contains(&Topic::Fields(Target::Model)), "{shown:?}");
    assert!(shown.contains(&Topic::Fields(Target::Goal(id("from-a")))));
    assert!(!shown.contains(&Topic::Chains), "{shown:?}");
    // ... and B's next edit saves on top of it.
    b.change(edit(goal("later-b"))).unwrap();
    b.save(5.0);
    assert!(!b.unsaved());
    assert!(stored(&store, "m1").goals.contains_key(&id("from-a")));
    // A's undo still undoes A's own edit.
    a.storage_changed(Some(&keys::model("m1")));
    a.change(Change::Undo).unwrap();
    assert_eq!(a.model().unwrap().name, "Coffee");
    assert!(a.model().unwrap().goals.contains_key(&id("later-b")));
}

#[test]
fn a_field_both_tabs_changed_asks_and_takes_the_choice() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    a.change(edit(goal("g1"))).unwrap();
    a.change(edit(goal("g2"))).unwrap();
    a.save(1.5);
    let mut b = Session::new(store.clone(), true);
    b.open(&id("m1"), 2.0);
    b.change(goal_named("g1", "Theirs")).unwrap();
    b.change(goal_named("g2", "Theirs too")).unwrap();
    b.save(3.0);
    a.change(goal_named("g1", "Mine")).unwrap();
    a.change(goal_named("g2", "Mine too")).unwrap();
    a.change(edit(goal("only-a"))).unwrap();
    a.save(4.0);
    a.merge_behind(4.0);
    // Nothing is written until the user decides; the change stays pending.
    assert!(a.conflict());
    assert!(a.unsaved());
    let (conflicts, theirs) = a.tab_conflicts().unwrap();
    let keys: Vec<&str> = conflicts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["goal/g1/name", "goal/g2/name"]);
    assert_eq!(theirs.goals[&id("g1")].name, "Theirs");
    assert_eq!(stored(&store, "m1").goals[&id("g1")].name, "Theirs");
    a.save(4.5);
    assert!(a.conflict(), "a save waits for the decision");

    a.resolve_tab_conflicts(&[("goal/g1/name".into(), merge::Side::Theirs)], 5.0);
    assert!(!a.conflict());
    assert!(!a.unsaved());
    let m = stored(&store, "m1");
    assert_eq!(m.goals[&id("g1")].name, "Theirs");
    assert_eq!(m.goals[&id("g2")].name, "Mine too", "not named: mine");
    assert!(m.goals.contains_key(&id("only-a")));
    assert_eq!(a.model().unwrap().goals, m.goals);
}

#[test]
fn conflict_escape_hatches_still_work() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store.clone(), true);
    b.open(&id("m1"), 2.0);
    b.change(rename("B")).unwrap();
    b.save(3.0);
    a.change(rename("A")).unwrap();
    a.save(4.0);
    a.merge_behind(4.0);
    assert!(a.conflict());
    // "Keep mine as a copy" saves A's version under a new id; B's stays.
    let gen = a.generation();
    a.keep_mine_as_copy(id("m1-copy"), |n| format!("Copy of {n}"), 6.0);
    assert!(a.generation() > gen);
    assert!(!a.conflict());
    assert_eq!(a.model().unwrap().name, "Copy of A");
    assert_eq!(stored(&store, "m1").name, "B");
    assert_eq!(a.listing().models.len(), 2);
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

/// The app shows an imported file before it stores it: nothing is stored until the flush,
/// and a second import of the same file meanwhile still gets a fresh id (the first is
/// stored before the id is checked), so neither overwrites the other.
#[test]
fn an_import_left_unsaved_is_stored_by_the_flush_and_keeps_its_id_taken() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.import_unsaved(model("m1"), true, id("fresh"), 1.0);
    assert_eq!(s.model().unwrap().id, id("m1"));
    assert!(s.pending());
    assert_eq!(store.get(&keys::model("m1")).unwrap(), None);
    assert_eq!(s.take_point_due(), Some(Why::Imported));

    s.import_unsaved(model("m1"), true, id("m2"), 2.0);
    assert_eq!(s.model().unwrap().id, id("m2"));
    assert!(store.get(&keys::model("m1")).unwrap().is_some());
    s.flush(3.0);
    assert!(!s.pending());
    assert!(store.get(&keys::model("m2")).unwrap().is_some());
    let mut listed: Vec<_> = s.listing().models.iter().map(|m| m.id.clone()).collect();
    listed.sort();
    assert_eq!(listed, vec![id("m1"), id("m2")]);
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

fn point(s: &Session<impl KeyValue>, time: f64, why: Why) -> Point {
    let m = s.model().unwrap();
    Point {
        time,
        why,
        hash: lineage::content_hash(m),
        name: m.name.clone(),
        data: library::entry_text(m),
    }
}

#[test]
fn restore_points_are_due_when_made_opened_imported_and_every_ten_minutes_of_editing() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("m1"), 1.0);
    assert_eq!(s.take_point_due(), Some(Why::Created));
    assert_eq!(s.take_point_due(), None);
    let p = point(&s, 1.0, Why::Created);
    s.add_point(&id("m1"), p);

    // Editing: a point once ten minutes have passed since the last one, not before.
    let minute = 60_000.0;
    s.change(rename("Coffee 2")).unwrap();
    s.save(1.0 + 9.0 * minute);
    assert_eq!(s.take_point_due(), None);
    s.change(rename("Coffee 3")).unwrap();
    s.save(1.0 + 10.0 * minute);
    assert_eq!(s.take_point_due(), Some(Why::Editing));
    let p = point(&s, 1.0 + 10.0 * minute, Why::Editing);
    s.add_point(&id("m1"), p);
    // Saving without edits makes none.
    s.save(1.0 + 30.0 * minute);
    assert_eq!(s.take_point_due(), None);

    let points = s.points(&id("m1"));
    assert_eq!(points.len(), 2);
    assert_eq!(points[1].name, "Coffee 3");
    let old = library::model_of_entry(&points[0].data).unwrap();
    assert_eq!(old.name, "Coffee");

    // Opening one asks for a point (the writer skips it if nothing changed since the newest).
    s.open(&id("m1"), 2.0);
    assert_eq!(s.take_point_due(), Some(Why::Opened));
    s.import(model("m1"), true, id("m9"), 3.0);
    assert_eq!(s.take_point_due(), Some(Why::Imported));
    // Deleting a model forgets its points.
    s.delete(&id("m1"));
    assert!(s.points(&id("m1")).is_empty());
}

#[test]
fn a_full_store_gives_up_old_restore_points_before_a_model() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("m1"), 1.0);
    for i in 0..6 {
        s.change(rename(&format!("Coffee {i}"))).unwrap();
        let mut p = point(&s, 2.0 + f64::from(i), Why::Editing);
        p.data = "x".repeat(300);
        s.add_point(&id("m1"), p);
    }
    assert_eq!(s.points(&id("m1")).len(), 6);
    let used = store.0.borrow().used();
    store.0.borrow_mut().quota = Some(used + 200);
    for i in 0..20 {
        s.change(edit(goal(&format!("goal-with-a-long-name-{i}"))))
            .unwrap();
    }
    s.save(10.0);
    assert_eq!(s.alert(), Some(StorageAlert::Full));
    s.make_room(10.0);
    assert_eq!(s.alert(), None, "saved, by dropping old points");
    assert!(!s.pending());
    let left = s.points(&id("m1"));
    assert!(!left.is_empty() && left.len() < 6, "{}", left.len());
}

#[test]
fn two_saves_of_the_same_revision_at_once_lose_nothing() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store.clone(), true);
    b.open(&id("m1"), 2.0);
    let base_rev = b.rev();
    a.change(edit(goal("from-a"))).unwrap();
    b.change(edit(goal("from-b"))).unwrap();
    // Both check the stored revision before either writes, so both write the next one: B's
    // write lands last, over A's.
    a.save(3.0);
    let mut mb = b.model().unwrap().clone();
    mb.modified = 3.5;
    let text = serde_json::json!({"version": 2, "rev": base_rev + 1, "model": mb}).to_string();
    store.0.borrow_mut().map.insert(keys::model("m1"), text);
    // A hears of it: its own save was overwritten, so it merges it back in.
    a.storage_changed(Some(&keys::model("m1")));
    assert!(a.behind() && a.unsaved());
    a.merge_behind(4.0);
    assert!(!a.unsaved());
    let m = stored(&store, "m1");
    assert!(m.goals.contains_key(&id("from-a")), "A's edit is back");
    assert!(m.goals.contains_key(&id("from-b")), "B's edit stays");
}

// ---- the journal: changes made before the edit engine's part arrived ---------------------

fn name_of(store: &Shared, m: &str) -> String {
    stored(store, m).name
}

fn add_goal(g: &str) -> Step {
    Step::Add(AddPlan::Goal {
        id: id(g),
        name: "New goal".into(),
    })
}

/// A page that made `steps` on a new model `m` and closed before the engine arrived.
fn closed_page(store: &Shared, m: &str, steps: &[Step]) {
    let mut s = Session::new(store.clone(), true);
    s.open_new(model(m), 1.0);
    for step in steps {
        assert_eq!(s.journal(step), Some(s.generation()));
    }
    assert!(s.journal_kept());
}

#[test]
fn steps_journaled_before_the_engine_arrived_run_once_when_the_model_opens_again() {
    let store = Shared::default();
    closed_page(
        &store,
        "m1",
        &[
            Step::Change(rename("K")),
            Step::Change(rename("Kept")),
            Step::EndCoalescing,
            add_goal("g1"),
            add_goal("g2"),
        ],
    );
    // The page closed: nothing ran, the model is as it was saved, the journal holds them.
    assert_eq!(name_of(&store, "m1"), "Coffee");
    assert_eq!(journal::read(&store, &id("m1")).unwrap().steps.len(), 5);

    let mut s = Session::new(store.clone(), true);
    assert_eq!(s.journaled(), Some(id("m1")), "the model to open at start");
    s.open(&id("m1"), 2.0);
    assert_eq!(
        s.model().unwrap().name,
        "Coffee",
        "nothing runs before the engine"
    );
    assert!(s.take_replay());
    assert!(!s.take_replay(), "handed to the engine once");
    let touched = s.replay(Some(s.generation())).unwrap().unwrap();
    assert!(touched.contains(&Topic::Goals));
    let m = s.model().unwrap();
    assert_eq!(m.name, "Kept");
    let names: Vec<&str> = m.goals.values().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        ["New goal", "New goal 2"],
        "each plan made from the model it runs on"
    );
    // One undo step each, the keystrokes coalesced, as they would have been then.
    for _ in 0..3 {
        s.change(Change::Undo).unwrap();
    }
    assert_eq!(s.model().unwrap().name, "Coffee");
    assert!(s.model().unwrap().goals.is_empty());
    for _ in 0..3 {
        s.change(Change::Redo).unwrap();
    }
    assert!(s.unsaved());
    s.save(3.0);
    assert_eq!(name_of(&store, "m1"), "Kept");
    assert_eq!(
        journal::read(&store, &id("m1")),
        None,
        "a save that holds them clears it"
    );

    // Opened again: nothing runs twice.
    let mut again = Session::new(store.clone(), true);
    assert_eq!(again.journaled(), None);
    again.open(&id("m1"), 4.0);
    assert!(!again.take_replay());
    assert_eq!(again.model().unwrap().goals.len(), 2);
    assert_eq!(again.model().unwrap().name, "Kept");
}

#[test]
fn steps_that_ran_and_were_saved_are_not_in_the_journal_and_the_rest_stays() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("m1"), 1.0);
    let g = s.journal(&Step::Change(rename("First"))).unwrap();
    s.journal(&add_goal("g1")).unwrap();
    // The engine arrives and runs the first; a save comes before the second runs.
    s.run(Step::Change(rename("First")), Some(g))
        .unwrap()
        .unwrap();
    s.save(2.0);
    assert_eq!(s.rev(), 2);
    let left = journal::read(&store, &id("m1")).unwrap();
    assert_eq!(
        (left.rev, left.steps.len()),
        (2, 1),
        "the second, on the saved revision"
    );
    // The page closes now: the next open runs only the second.
    let mut next = Session::new(store.clone(), true);
    next.open(&id("m1"), 3.0);
    assert!(next.take_replay());
    next.replay(None).unwrap().unwrap();
    assert_eq!(next.model().unwrap().name, "First");
    assert!(next.model().unwrap().goals.contains_key(&id("g1")));
    // Had it run and been saved here, nothing would be left.
    s.run(add_goal("g1"), Some(g)).unwrap().unwrap();
    s.save(4.0);
    assert_eq!(journal::read(&store, &id("m1")), None);
    assert!(store
        .keys()
        .unwrap()
        .iter()
        .all(|k| !k.starts_with(keys::JOURNAL_PREFIX)));
}

#[test]
fn a_journal_on_another_revision_is_dropped_not_run() {
    let store = Shared::default();
    closed_page(&store, "m1", &[add_goal("g1")]);
    // Another tab saved a newer revision (it had opened the model before the journal).
    let mut other = Session::new(store.clone(), true);
    other.open(&id("m1"), 2.0);
    other.take_replay();
    other.change(rename("Theirs")).unwrap();
    other.save(3.0);
    // The journal was on revision 1, the model is at 2: applying it could apply it twice.
    journal::write(
        &mut store.clone(),
        &id("m1"),
        1,
        &[r#"{"end_coalescing":null}"#.into()],
    )
    .unwrap();
    let mut s = Session::new(store.clone(), true);
    s.open(&id("m1"), 4.0);
    assert!(!s.take_replay());
    assert_eq!(journal::read(&store, &id("m1")), None, "dropped");
    assert_eq!(s.model().unwrap().name, "Theirs");
}

#[test]
fn a_step_made_for_a_model_that_is_no_longer_open_waits_in_its_own_journal() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("a"), 1.0);
    let step = Step::Change(rename("A, renamed"));
    let g = s.journal(&step).unwrap();
    // Another model is opened before the engine arrives; then it runs the queue.
    s.open_new(model("b"), 2.0);
    assert_eq!(s.run(step, Some(g)), None);
    assert_eq!(s.model().unwrap().name, "Coffee", "not run on b");
    assert_eq!(name_of(&store, "b"), "Coffee");
    // Model a opens again: the step runs there.
    s.open(&id("a"), 3.0);
    assert!(s.take_replay());
    s.replay(Some(s.generation())).unwrap().unwrap();
    assert_eq!(s.model().unwrap().name, "A, renamed");
}

#[test]
fn while_steps_wait_another_tabs_save_is_not_taken_over_them() {
    let store = Shared::default();
    let mut a = Session::new(store.clone(), true);
    a.open_new(model("m1"), 1.0);
    let mut b = Session::new(store.clone(), true);
    b.open(&id("m1"), 1.0);
    let g = a.journal(&add_goal("g1")).unwrap();
    b.change(rename("Theirs")).unwrap();
    b.save(2.0);
    a.storage_changed(Some(&keys::model("m1")));
    assert_eq!(
        a.rev(),
        1,
        "not taken while a step waits: the next save merges"
    );
    a.run(add_goal("g1"), Some(g)).unwrap().unwrap();
    a.save(3.0);
    assert!(a.behind());
    a.merge_behind(4.0);
    let m = stored(&store, "m1");
    assert_eq!(m.name, "Theirs");
    assert!(m.goals.contains_key(&id("g1")));
    assert_eq!(journal::read(&store, &id("m1")), None);
}

#[test]
fn a_journal_that_cannot_be_written_says_so_and_deleting_a_model_forgets_it() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("m1"), 1.0);
    let used = store.0.borrow().used();
    store.0.borrow_mut().quota = Some(used + 10);
    s.journal(&Step::Change(rename("Too long to fit"))).unwrap();
    assert!(
        !s.journal_kept(),
        "leaving now would lose it: the page asks first"
    );
    store.0.borrow_mut().quota = None;
    s.journal(&Step::Change(rename("Fits"))).unwrap();
    assert!(s.journal_kept());
    assert_eq!(journal::read(&store, &id("m1")).unwrap().steps.len(), 2);
    s.delete(&id("m1"));
    assert_eq!(journal::read(&store, &id("m1")), None);
    // Memory only: nothing is kept.
    let mut memory = Session::new(MemoryStore::default(), false);
    memory.open_new(model("m2"), 1.0);
    memory.journal(&Step::EndCoalescing).unwrap();
    assert!(!memory.journal_kept());
}

#[test]
fn a_step_that_is_not_journaled_keeps_the_ones_before_it_and_the_page_asks() {
    let store = Shared::default();
    let mut s = Session::new(store.clone(), true);
    s.open_new(model("m1"), 1.0);
    s.change(edit(goal("g1"))).unwrap();
    s.save(1.5);
    let g = s.journal(&Step::Change(rename("Before"))).unwrap();
    // A closed meeting's record is not journaled; nor is anything after it.
    let close = Step::Change(edit(Edit::Batch(vec![
        goal("g2"),
        Edit::Reorder {
            kind: ElementKind::Goal,
            id: id("g2"),
            to: 0,
        },
    ])));
    assert_eq!(close.encode(), None);
    s.journal(&close).unwrap();
    s.journal(&Step::Change(rename("After"))).unwrap();
    assert!(
        !s.journal_kept(),
        "leaving now would lose steps: the page asks first"
    );
    let left = journal::read(&store, &id("m1")).unwrap();
    assert_eq!(left.steps.len(), 1, "only what comes before it");
    // The engine runs them all and they are saved: nothing is left, nothing to ask.
    s.run(Step::Change(rename("Before")), Some(g))
        .unwrap()
        .unwrap();
    s.run(close, Some(g)).unwrap().unwrap();
    s.run(Step::Change(rename("After")), Some(g))
        .unwrap()
        .unwrap();
    assert!(s.journal_kept());
    s.save(2.0);
    assert_eq!(journal::read(&store, &id("m1")), None);
    assert_eq!(stored(&store, "m1").goals.len(), 2);
}
