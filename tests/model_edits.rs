//! Every edit: apply, inverse, apply the inverse gives back the original; refusals leave the
//! model untouched.

use kpi_structure::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn link(i: &str, name: &str, department: Option<&str>) -> Link {
    Link {
        id: id(i),
        name: name.into(),
        department: department.map(id),
        ..Link::default()
    }
}

fn kpi(i: &str, at: Attach, drives: &[&str]) -> Kpi {
    let mut k = Kpi::new(id(i), format!("KPI {i}"), at);
    k.drives = drives.iter().map(|d| id(d)).collect();
    k
}

fn result(goal: &str) -> Attach {
    Attach::Result { goal: id(goal) }
}
fn chain_at(chain: &str) -> Attach {
    Attach::Chain { chain: id(chain) }
}
fn link_at(chain: &str, link: &str) -> Attach {
    Attach::Link {
        chain: id(chain),
        link: id(link),
    }
}

/// Goals g1, g2; departments d1, d2; chain c1 (links l1/d1, l2/d2, l3), chain c2 (l1/d1);
/// result KPIs r1, r2; chain KPIs k1, k2 (c1), k3 (c2); link KPIs lk1, lk2 (c1), lk3 (c2).
fn fixture() -> Model {
    let mut m = Model {
        id: id("m1"),
        name: "Fixture".into(),
        created: 1.0,
        modified: 2.0,
        ..Model::default()
    };
    for g in ["g1", "g2"] {
        m.goals.insert(
            id(g),
            Goal {
                id: id(g),
                name: format!("Goal {g}"),
                description: String::new(),
                extra: Default::default(),
            },
        );
    }
    for d in ["d1", "d2"] {
        m.departments.insert(
            id(d),
            Department {
                id: id(d),
                name: format!("Dept {d}"),
                description: String::new(),
                meeting: Default::default(),
                extra: Default::default(),
            },
        );
    }
    let c1 = Chain {
        id: id("c1"),
        name: "Chain one".into(),
        links: vec![
            link("l1", "Sales", Some("d1")),
            link("l2", "Service", Some("d2")),
            link("l3", "Partner", None),
        ],
        ..Chain::default()
    };
    let c2 = Chain {
        id: id("c2"),
        name: "Chain two".into(),
        links: vec![link("l1", "Sales", Some("d1"))],
        ..Chain::default()
    };
    m.chains.insert(id("c1"), c1);
    m.chains.insert(id("c2"), c2);
    for k in [
        kpi("r1", result("g1"), &[]),
        kpi("r2", result("g2"), &[]),
        kpi("k1", chain_at("c1"), &["r1"]),
        kpi("k2", chain_at("c1"), &["r1", "r2"]),
        kpi("k3", chain_at("c2"), &["r2"]),
        kpi("lk1", link_at("c1", "l1"), &["k1"]),
        kpi("lk2", link_at("c1", "l2"), &["k1", "k2"]),
        kpi("lk3", link_at("c2", "l1"), &["k3"]),
    ] {
        m.kpis.insert(k.id.clone(), k);
    }
    assert!(m.validate().is_empty(), "{:?}", m.validate());
    m
}

/// Applies `edit`, checks the invariants, undoes with the inverse, checks the model is back,
/// redoes with the inverse's inverse and checks it matches the first result.
fn round_trip(edit: Edit) -> Model {
    let before = fixture();
    let mut m = before.clone();
    let inverse = m.apply(edit).expect("edit applies");
    assert!(m.validate().is_empty(), "{:?}", m.validate());
    assert_ne!(m, before, "the edit changed something");
    let after = m.clone();
    let redo = m.apply(inverse).expect("inverse applies");
    assert_eq!(m, before, "inverse restores the model");
    m.apply(redo).expect("redo applies");
    assert_eq!(m, after, "redo gives the edited model again");
    after
}

/// Applies an edit that must be refused and checks nothing changed.
fn refused(edit: Edit) -> EditError {
    let before = fixture();
    let mut m = before.clone();
    let err = m.apply(edit).expect_err("edit is refused");
    assert_eq!(m, before, "a refused edit changes nothing");
    assert!(!err.message(Lang::En).is_empty());
    assert!(!err.message(Lang::Nl).is_empty());
    assert_ne!(err.message(Lang::En), err.message(Lang::Nl));
    err
}

#[test]
fn set_model_fields() {
    for field in [
        ModelField::Name("N".into()),
        ModelField::Organisation("O".into()),
        ModelField::Description("D".into()),
    ] {
        round_trip(Edit::SetModel { field });
    }
}

#[test]
fn apply_does_not_touch_modified() {
    let m = round_trip(Edit::SetModel {
        field: ModelField::Name("x".into()),
    });
    assert_eq!(m.modified, 2.0);
}

#[test]
fn add_goal_at_index_and_appended() {
    let goal = Goal {
        id: id("g3"),
        name: "New".into(),
        description: String::new(),
        extra: Default::default(),
    };
    let m = round_trip(Edit::AddGoal {
        goal: goal.clone(),
        index: Some(0),
    });
    assert_eq!(m.goals.get_index(0).map(|(k, _)| k.as_str()), Some("g3"));
    let m = round_trip(Edit::AddGoal { goal, index: None });
    assert_eq!(m.goals.get_index(2).map(|(k, _)| k.as_str()), Some("g3"));
}

#[test]
fn add_goal_refusals() {
    let dup = Goal {
        id: id("g1"),
        ..Goal::default()
    };
    assert!(matches!(
        refused(Edit::AddGoal {
            goal: dup,
            index: None
        }),
        EditError::DuplicateId { .. }
    ));
    assert!(matches!(
        refused(Edit::AddGoal {
            goal: Goal::default(),
            index: None
        }),
        EditError::EmptyId { .. }
    ));
    let g = Goal {
        id: id("g9"),
        ..Goal::default()
    };
    assert!(matches!(
        refused(Edit::AddGoal {
            goal: g,
            index: Some(5)
        }),
        EditError::IndexOutOfRange { .. }
    ));
}

#[test]
fn delete_goal_cascades_to_result_kpis_and_drives() {
    let m = round_trip(Edit::DeleteGoal { id: id("g1") });
    assert!(!m.goals.contains_key(&id("g1")));
    assert!(!m.kpis.contains_key(&id("r1")));
    assert!(m.kpis[&id("k1")].drives.is_empty());
    assert_eq!(m.kpis[&id("k2")].drives, vec![id("r2")]);
    refused(Edit::DeleteGoal { id: id("nope") });
}

#[test]
fn set_goal_fields() {
    round_trip(Edit::SetGoal {
        id: id("g1"),
        field: GoalField::Name("Loyalty".into()),
    });
    round_trip(Edit::SetGoal {
        id: id("g1"),
        field: GoalField::Description("d".into()),
    });
    refused(Edit::SetGoal {
        id: id("g7"),
        field: GoalField::Name("x".into()),
    });
}

#[test]
fn departments_add_set_delete() {
    let d = Department {
        id: id("d3"),
        name: "Finance".into(),
        description: String::new(),
        meeting: Default::default(),
        extra: Default::default(),
    };
    round_trip(Edit::AddDepartment {
        department: d.clone(),
        index: Some(1),
    });
    round_trip(Edit::SetDepartment {
        id: id("d1"),
        field: DepartmentField::Name("Verkoop".into()),
    });
    round_trip(Edit::SetDepartment {
        id: id("d1"),
        field: DepartmentField::Description("x".into()),
    });
    let m = round_trip(Edit::DeleteDepartment { id: id("d1") });
    assert_eq!(m.chains[&id("c1")].links[0].department, None);
    assert_eq!(m.chains[&id("c2")].links[0].department, None);
    assert_eq!(m.chains[&id("c1")].links[1].department, Some(id("d2")));
    refused(Edit::DeleteDepartment { id: id("d9") });
    refused(Edit::AddDepartment {
        department: Department { id: id("d2"), ..d },
        index: None,
    });
}

#[test]
fn chains_add_with_links_and_refusals() {
    let chain = Chain {
        id: id("c3"),
        name: "Breakdown repair".into(),
        links: vec![
            link("x1", "Service", Some("d2")),
            link("x2", "Finance", None),
        ],
        ..Chain::default()
    };
    round_trip(Edit::AddChain {
        chain: chain.clone(),
        index: Some(0),
    });
    let mut bad = chain.clone();
    bad.links[0].department = Some(id("d9"));
    refused(Edit::AddChain {
        chain: bad,
        index: None,
    });
    let mut twice = chain.clone();
    twice.links[1].id = id("x1");
    refused(Edit::AddChain {
        chain: twice,
        index: None,
    });
    refused(Edit::AddChain {
        chain: Chain {
            id: id("c1"),
            ..Chain::default()
        },
        index: None,
    });
}

#[test]
fn delete_chain_cascades() {
    let m = round_trip(Edit::DeleteChain { id: id("c1") });
    for gone in ["k1", "k2", "lk1", "lk2"] {
        assert!(!m.kpis.contains_key(&id(gone)), "{gone}");
    }
    assert!(m.kpis.contains_key(&id("lk3")));
    // A delete in the middle restores KPI order exactly (checked in round_trip).
    round_trip(Edit::DeleteChain { id: id("c2") });
}

#[test]
fn set_chain_fields() {
    for field in [
        ChainField::Name("n".into()),
        ChainField::Description("d".into()),
        ChainField::Customer("c".into()),
        ChainField::Trigger("t".into()),
        ChainField::Outcome("o".into()),
        ChainField::Owner("w".into()),
    ] {
        round_trip(Edit::SetChain {
            id: id("c1"),
            field: field.clone(),
        });
        refused(Edit::SetChain {
            id: id("c9"),
            field,
        });
    }
}

#[test]
fn links_add_delete_move() {
    let m = round_trip(Edit::AddLink {
        chain: id("c1"),
        link: link("l4", "Finance", Some("d2")),
        index: Some(1),
    });
    assert_eq!(m.chains[&id("c1")].links[1].id, id("l4"));
    // Same link id in another chain is fine; in the same chain it is not.
    round_trip(Edit::AddLink {
        chain: id("c2"),
        link: link("l2", "Service", None),
        index: None,
    });
    refused(Edit::AddLink {
        chain: id("c1"),
        link: link("l2", "Again", None),
        index: None,
    });
    refused(Edit::AddLink {
        chain: id("c1"),
        link: link("l5", "Dangling", Some("d9")),
        index: None,
    });
    refused(Edit::AddLink {
        chain: id("c9"),
        link: link("l5", "x", None),
        index: None,
    });

    let m = round_trip(Edit::DeleteLink {
        chain: id("c1"),
        link: id("l2"),
    });
    assert!(!m.kpis.contains_key(&id("lk2")));
    assert!(m.kpis.contains_key(&id("lk1")));
    refused(Edit::DeleteLink {
        chain: id("c1"),
        link: id("l9"),
    });

    let m = round_trip(Edit::MoveLink {
        chain: id("c1"),
        link: id("l1"),
        to: 2,
    });
    let order: Vec<&str> = m.chains[&id("c1")]
        .links
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(order, ["l2", "l3", "l1"]);
    refused(Edit::MoveLink {
        chain: id("c1"),
        link: id("l1"),
        to: 3,
    });
}

#[test]
fn set_link_fields() {
    for field in [
        LinkField::Name("n".into()),
        LinkField::Description("d".into()),
        LinkField::Department(Some(id("d2"))),
        LinkField::Department(None),
        LinkField::External(true),
        LinkField::Owner("o".into()),
    ] {
        round_trip(Edit::SetLink {
            chain: id("c1"),
            link: id("l1"),
            field,
        });
    }
    refused(Edit::SetLink {
        chain: id("c1"),
        link: id("l1"),
        field: LinkField::Department(Some(id("d9"))),
    });
    refused(Edit::SetLink {
        chain: id("c1"),
        link: id("l9"),
        field: LinkField::Name("x".into()),
    });
}

#[test]
fn kpis_add_and_refusals() {
    round_trip(Edit::AddKpi {
        kpi: Box::new(kpi("k4", chain_at("c2"), &["r1", "r2"])),
        index: Some(3),
    });
    round_trip(Edit::AddKpi {
        kpi: Box::new(kpi("lk4", link_at("c1", "l3"), &["k2"])),
        index: None,
    });
    for bad in [
        kpi("k1", chain_at("c1"), &[]),
        kpi("k5", chain_at("c9"), &[]),
        kpi("k5", result("g9"), &[]),
        kpi("k5", link_at("c1", "l9"), &[]),
        kpi("k5", link_at("c9", "l1"), &[]),
        kpi("k5", chain_at("c1"), &["r9"]),
        kpi("k5", chain_at("c1"), &["k5"]),
        kpi("k5", chain_at("c1"), &["r1", "r1"]),
    ] {
        refused(Edit::AddKpi {
            kpi: Box::new(bad),
            index: None,
        });
    }
}

#[test]
fn delete_kpi_removes_references_and_restores_positions() {
    let m = round_trip(Edit::DeleteKpi { id: id("k1") });
    assert_eq!(m.kpis[&id("lk2")].drives, vec![id("k2")]);
    assert!(m.kpis[&id("lk1")].drives.is_empty());
    round_trip(Edit::DeleteKpi { id: id("r2") });
    refused(Edit::DeleteKpi { id: id("zz") });
}

#[test]
fn set_kpi_fields() {
    for field in [
        KpiField::Name("n".into()),
        KpiField::Definition("d".into()),
        KpiField::Formula("f".into()),
        KpiField::Unit("%".into()),
        KpiField::Direction(Direction::Band),
        KpiField::Target(Some(9.0)),
        KpiField::Red(Some(7.5)),
        KpiField::Low(Some(90.0)),
        KpiField::High(Some(95.0)),
        KpiField::Tolerance(Some(2.0)),
        KpiField::NormDescription("9+".into()),
        KpiField::Frequency(Frequency::Weekly),
        KpiField::Owner("o".into()),
        KpiField::DataSource("CRM".into()),
        KpiField::ValueType(ValueType::Customer),
    ] {
        round_trip(Edit::SetKpi {
            id: id("k1"),
            field: field.clone(),
        });
        refused(Edit::SetKpi {
            id: id("k9"),
            field,
        });
    }
}

#[test]
fn drives_set_toggle_and_refusals() {
    round_trip(Edit::SetDrives {
        id: id("k1"),
        drives: vec![id("r2"), id("r1")],
    });
    round_trip(Edit::SetDrives {
        id: id("k2"),
        drives: vec![],
    });
    let m = round_trip(Edit::ToggleDrive {
        id: id("k1"),
        target: id("r2"),
    });
    assert_eq!(m.kpis[&id("k1")].drives, vec![id("r1"), id("r2")]);
    let m = round_trip(Edit::ToggleDrive {
        id: id("k2"),
        target: id("r1"),
    });
    assert_eq!(m.kpis[&id("k2")].drives, vec![id("r2")]);

    assert!(matches!(
        refused(Edit::ToggleDrive {
            id: id("r1"),
            target: id("lk1")
        }),
        EditError::DrivesCycle { .. }
    ));
    assert!(matches!(
        refused(Edit::SetDrives {
            id: id("r1"),
            drives: vec![id("k1")]
        }),
        EditError::DrivesCycle { .. }
    ));
    assert!(matches!(
        refused(Edit::ToggleDrive {
            id: id("k1"),
            target: id("k1")
        }),
        EditError::SelfDrive { .. }
    ));
    assert!(matches!(
        refused(Edit::SetDrives {
            id: id("k1"),
            drives: vec![id("nope")]
        }),
        EditError::Unknown { .. }
    ));
    assert!(matches!(
        refused(Edit::SetDrives {
            id: id("k1"),
            drives: vec![id("r1"), id("r1")]
        }),
        EditError::DuplicateDrive { .. }
    ));
    refused(Edit::SetDrives {
        id: id("k9"),
        drives: vec![],
    });
}

#[test]
fn attach_kpi() {
    let m = round_trip(Edit::AttachKpi {
        id: id("lk1"),
        at: link_at("c1", "l3"),
    });
    assert_eq!(m.kpis[&id("lk1")].at, link_at("c1", "l3"));
    round_trip(Edit::AttachKpi {
        id: id("k3"),
        at: chain_at("c1"),
    });
    refused(Edit::AttachKpi {
        id: id("k3"),
        at: chain_at("c9"),
    });
    refused(Edit::AttachKpi {
        id: id("k9"),
        at: chain_at("c1"),
    });
}

#[test]
fn reorder_collections() {
    let m = round_trip(Edit::Reorder {
        kind: ElementKind::Kpi,
        id: id("lk3"),
        to: 0,
    });
    assert_eq!(m.kpis.get_index(0).map(|(k, _)| k.as_str()), Some("lk3"));
    round_trip(Edit::Reorder {
        kind: ElementKind::Chain,
        id: id("c1"),
        to: 1,
    });
    round_trip(Edit::Reorder {
        kind: ElementKind::Goal,
        id: id("g2"),
        to: 0,
    });
    round_trip(Edit::Reorder {
        kind: ElementKind::Department,
        id: id("d1"),
        to: 1,
    });
    refused(Edit::Reorder {
        kind: ElementKind::Chain,
        id: id("c1"),
        to: 2,
    });
    refused(Edit::Reorder {
        kind: ElementKind::Link,
        id: id("l1"),
        to: 0,
    });
}

#[test]
fn restore_that_does_not_fit_is_refused() {
    let mut m = fixture();
    let inverse = m.apply(Edit::DeleteChain { id: id("c1") }).unwrap();
    // Put the chain back another way first: the restore no longer fits.
    let mut other = m.clone();
    other
        .apply(Edit::AddChain {
            chain: Chain {
                id: id("c1"),
                ..Chain::default()
            },
            index: None,
        })
        .unwrap();
    let before = other.clone();
    assert!(other.apply(inverse.clone()).is_err());
    assert_eq!(other, before);
    // A restore that would put back a drives reference making a cycle is refused.
    let mut cyc = m.clone();
    let Edit::Restore(mut r) = inverse else {
        panic!("a delete's inverse is a restore")
    };
    r.drives.push(DriveRef {
        kpi: id("r1"),
        index: 0,
        target: id("lk1"),
    });
    let before = cyc.clone();
    assert!(cyc.apply(Edit::Restore(r)).is_err());
    assert_eq!(cyc, before);
}

#[test]
fn edits_serialise_round_trip() {
    let mut m = fixture();
    let inverse = m.apply(Edit::DeleteChain { id: id("c1") }).unwrap();
    let json = serde_json::to_string(&inverse).unwrap();
    let back: Edit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, inverse);
}

#[test]
fn a_batch_is_one_step_all_or_nothing() {
    use kpi_structure::model::{Department, LinkField};
    let mut m = Model::default();
    let chain = Chain {
        id: Id::new("c1"),
        name: "Chain".into(),
        links: vec![Link {
            id: Id::new("l1"),
            name: "Sales".into(),
            ..Link::default()
        }],
        ..Chain::default()
    };
    m.apply(Edit::AddChain { chain, index: None }).unwrap();
    let before = m.clone();
    let batch = Edit::Batch(vec![
        Edit::AddDepartment {
            department: Department {
                id: Id::new("d1"),
                name: "Sales".into(),
                ..Department::default()
            },
            index: None,
        },
        Edit::SetLink {
            chain: Id::new("c1"),
            link: Id::new("l1"),
            field: LinkField::Department(Some(Id::new("d1"))),
        },
    ]);
    let inverse = m.apply(batch).unwrap();
    assert_eq!(m.chains[0].links[0].department, Some(Id::new("d1")));
    m.apply(inverse).unwrap();
    assert_eq!(m, before);
    // A batch whose second edit is refused leaves nothing of the first.
    let bad = Edit::Batch(vec![
        Edit::AddDepartment {
            department: Department {
                id: Id::new("d2"),
                name: "X".into(),
                ..Department::default()
            },
            index: None,
        },
        Edit::SetLink {
            chain: Id::new("c1"),
            link: Id::new("nope"),
            field: LinkField::Owner("x".into()),
        },
    ]);
    assert!(m.apply(bad).is_err());
    assert_eq!(m, before);
}
