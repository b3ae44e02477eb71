//! Undo, redo, coalescing and the cap of `History`.

use kpi_structure::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn model() -> Model {
    let mut m = Model::default();
    let chain = Chain {
        id: id("c1"),
        name: "Chain".into(),
        ..Chain::default()
    };
    m.apply(Edit::AddChain { chain, index: None }).unwrap();
    m
}

fn name(v: &str) -> Edit {
    Edit::SetChain {
        id: id("c1"),
        field: ChainField::Name(v.into()),
    }
}

fn owner(v: &str) -> Edit {
    Edit::SetChain {
        id: id("c1"),
        field: ChainField::Owner(v.into()),
    }
}

#[test]
fn undo_and_redo() {
    let mut m = model();
    let start = m.clone();
    let mut h = History::default();
    assert!(!h.can_undo() && !h.can_redo());
    assert!(!h.undo(&mut m));
    h.apply(&mut m, name("A"), false).unwrap();
    h.apply(&mut m, owner("Ann"), false).unwrap();
    let end = m.clone();
    assert!(h.can_undo());
    assert!(h.undo(&mut m));
    assert!(h.can_redo());
    assert_eq!(m.chains[&id("c1")].owner, "");
    assert!(h.undo(&mut m));
    assert_eq!(m, start);
    assert!(!h.undo(&mut m));
    assert!(h.redo(&mut m) && h.redo(&mut m));
    assert_eq!(m, end);
    assert!(!h.redo(&mut m));
}

#[test]
fn a_new_edit_clears_redo() {
    let mut m = model();
    let mut h = History::default();
    h.apply(&mut m, name("A"), false).unwrap();
    h.undo(&mut m);
    assert!(h.can_redo());
    h.apply(&mut m, owner("B"), false).unwrap();
    assert!(!h.can_redo());
}

#[test]
fn keystrokes_coalesce_into_one_step() {
    let mut m = model();
    let start = m.clone();
    let mut h = History::default();
    for v in ["N", "Ne", "New"] {
        h.apply(&mut m, name(v), true).unwrap();
    }
    assert_eq!(h.undo_len(), 1);
    assert_eq!(m.chains[&id("c1")].name, "New");
    h.undo(&mut m);
    assert_eq!(m, start);
    h.redo(&mut m);
    assert_eq!(m.chains[&id("c1")].name, "New");
}

#[test]
fn coalescing_stops_at_another_field_blur_or_undo() {
    let mut m = model();
    let mut h = History::default();
    h.apply(&mut m, name("A"), true).unwrap();
    h.apply(&mut m, owner("B"), true).unwrap();
    h.apply(&mut m, name("AB"), true).unwrap();
    assert_eq!(h.undo_len(), 3);
    h.break_coalescing();
    h.apply(&mut m, name("ABC"), true).unwrap();
    assert_eq!(h.undo_len(), 4);
    h.undo(&mut m);
    h.apply(&mut m, name("ABD"), true).unwrap();
    assert_eq!(h.undo_len(), 4, "no merge right after an undo");
    // Without `coalesce` nothing merges.
    h.apply(&mut m, name("ABDE"), false).unwrap();
    assert_eq!(h.undo_len(), 5);
    // The same field of another element does not merge.
    let other = Chain {
        id: id("c2"),
        ..Chain::default()
    };
    h.apply(
        &mut m,
        Edit::AddChain {
            chain: other,
            index: None,
        },
        false,
    )
    .unwrap();
    h.apply(&mut m, name("x"), true).unwrap();
    let c2 = Edit::SetChain {
        id: id("c2"),
        field: ChainField::Name("y".into()),
    };
    h.apply(&mut m, c2, true).unwrap();
    assert_eq!(h.undo_len(), 8);
}

#[test]
fn an_edit_that_changes_nothing_is_no_step() {
    let mut m = model();
    let mut h = History::default();
    h.apply(&mut m, name("A"), false).unwrap();
    h.undo(&mut m);
    h.apply(&mut m, owner("Ann"), false).unwrap();
    h.undo(&mut m);
    // Setting a field to the value it has: no step, nothing touched, redo kept.
    let touched = h.apply_touched(&mut m, name("Chain"), false).unwrap();
    assert!(touched.is_empty());
    assert_eq!(h.undo_len(), 0);
    assert!(h.can_redo());
    // The same edit twice (a field committed again before the model showed the first):
    // one step, and one undo takes it back.
    h.apply(&mut m, name("B"), false).unwrap();
    h.apply(&mut m, name("B"), false).unwrap();
    assert_eq!(h.undo_len(), 1);
    h.undo(&mut m);
    assert_eq!(m.chains[&id("c1")].name, "Chain");
    // A toggle is its own inverse but always a step.
    let mut m = Model::default();
    for k in ["k1", "k2"] {
        let kpi = Kpi::new(id(k), k, Attach::Result { goal: id("g") });
        m.kpis.insert(id(k), kpi);
    }
    let toggle = Edit::ToggleDrive {
        id: id("k1"),
        target: id("k2"),
    };
    let mut h = History::default();
    h.apply(&mut m, toggle.clone(), false).unwrap();
    h.apply(&mut m, toggle, false).unwrap();
    assert_eq!(h.undo_len(), 2);
    assert!(m.kpis[&id("k1")].drives.is_empty());
}

#[test]
fn refused_edit_records_nothing() {
    let mut m = model();
    let before = m.clone();
    let mut h = History::default();
    let bad = Edit::SetChain {
        id: id("nope"),
        field: ChainField::Name("x".into()),
    };
    assert!(h.apply(&mut m, bad, true).is_err());
    assert!(!h.can_undo());
    assert_eq!(m, before);
}

#[test]
fn cap_drops_the_oldest() {
    let mut m = model();
    let mut h = History::new(200);
    assert_eq!(History::default().cap(), history::DEFAULT_CAP);
    const { assert!(history::DEFAULT_CAP >= 200) };
    for i in 0..250 {
        h.apply(&mut m, name(&format!("v{i}")), false).unwrap();
    }
    assert_eq!(h.undo_len(), 200);
    while h.undo(&mut m) {}
    // The first 50 steps were dropped: undo stops at the value after step 49.
    assert_eq!(m.chains[&id("c1")].name, "v49");
}

#[test]
fn undo_of_a_cascading_delete_through_history() {
    let mut m = model();
    let goal = Goal {
        id: id("g1"),
        ..Goal::default()
    };
    m.apply(Edit::AddGoal { goal, index: None }).unwrap();
    let r = Kpi::new(id("r1"), "R", Attach::Result { goal: id("g1") });
    m.apply(Edit::AddKpi {
        kpi: Box::new(r),
        index: None,
    })
    .unwrap();
    let mut k = Kpi::new(id("k1"), "K", Attach::Chain { chain: id("c1") });
    k.drives = vec![id("r1")];
    m.apply(Edit::AddKpi {
        kpi: Box::new(k),
        index: None,
    })
    .unwrap();
    let start = m.clone();
    let mut h = History::default();
    h.apply(&mut m, Edit::DeleteGoal { id: id("g1") }, false)
        .unwrap();
    assert!(m.kpis[&id("k1")].drives.is_empty());
    h.undo(&mut m);
    assert_eq!(m, start);
    h.redo(&mut m);
    assert!(!m.kpis.contains_key(&id("r1")));
}
