//! Queries: KPIs by level, drives (direct, transitive, cycle-safe), the chain-by-department
//! matrix, departments by chain count, drive candidates.

use kpi_structure::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn ids<'a>(v: impl IntoIterator<Item = &'a Id>) -> Vec<&'a str> {
    v.into_iter().map(|i| i.as_str()).collect()
}

/// Chains c1 (links a/d1, b/d2, x/none) and c2 (a/d1); departments d1, d2, d3;
/// r1 <- k1 <- la, r1 <- k2 <- lb, k3 (c2) <- la2.
fn model() -> Model {
    let mut m = Model::default();
    let mut add = |e: Edit| {
        m.apply(e).expect("fixture edit");
    };
    add(Edit::AddGoal {
        goal: Goal {
            id: id("g1"),
            ..Goal::default()
        },
        index: None,
    });
    for d in ["d1", "d2", "d3"] {
        let department = Department {
            id: id(d),
            ..Department::default()
        };
        add(Edit::AddDepartment {
            department,
            index: None,
        });
    }
    let link = |i: &str, d: Option<&str>| Link {
        id: id(i),
        department: d.map(id),
        ..Link::default()
    };
    let c1 = Chain {
        id: id("c1"),
        links: vec![
            link("a", Some("d1")),
            link("b", Some("d2")),
            link("x", None),
        ],
        ..Chain::default()
    };
    let c2 = Chain {
        id: id("c2"),
        links: vec![link("a", Some("d1"))],
        ..Chain::default()
    };
    add(Edit::AddChain {
        chain: c1,
        index: None,
    });
    add(Edit::AddChain {
        chain: c2,
        index: None,
    });
    let kpi = |i: &str, at: Attach, drives: &[&str]| {
        let mut k = Kpi::new(id(i), i, at);
        k.drives = drives.iter().map(|d| id(d)).collect();
        Edit::AddKpi {
            kpi: Box::new(k),
            index: None,
        }
    };
    let chain = |c: &str| Attach::Chain { chain: id(c) };
    let at_link = |c: &str, l: &str| Attach::Link {
        chain: id(c),
        link: id(l),
    };
    add(kpi("r1", Attach::Result { goal: id("g1") }, &[]));
    add(kpi("k1", chain("c1"), &["r1"]));
    add(kpi("k2", chain("c1"), &["r1"]));
    add(kpi("k3", chain("c2"), &[]));
    add(kpi("la", at_link("c1", "a"), &["k1"]));
    add(kpi("lb", at_link("c1", "b"), &["k2"]));
    add(kpi("la2", at_link("c2", "a"), &["k3"]));
    m
}

#[test]
fn levels() {
    let m = model();
    assert_eq!(m.level_of(&id("k1")), Some(Level::Chain));
    assert_eq!(m.level_of(&id("nope")), None);
    let links: Vec<&str> = m
        .kpis_at_level(Level::Link)
        .map(|k| k.id.as_str())
        .collect();
    assert_eq!(links, ["la", "lb", "la2"]);
    assert_eq!(m.kpis_at_level(Level::Result).count(), 1);
    let g = id("g1");
    assert_eq!(m.result_kpis_of(&g).count(), 1);
    let c1 = id("c1");
    assert_eq!(m.chain_kpis_of(&c1).count(), 2);
    let a = id("a");
    assert_eq!(
        m.link_kpis_of(&c1, &a)
            .map(|k| k.id.as_str())
            .collect::<Vec<_>>(),
        ["la"]
    );
}

#[test]
fn drives_direct_and_transitive() {
    let m = model();
    assert_eq!(ids(m.drives_of(&id("la"))), ["k1"]);
    assert_eq!(ids(m.driven_by(&id("r1"))), ["k1", "k2"]);
    assert_eq!(ids(m.drives_transitive(&id("la"))), ["k1", "r1"]);
    assert_eq!(
        ids(m.driven_by_transitive(&id("r1"))),
        ["k1", "k2", "la", "lb"]
    );
    assert!(m.drives_transitive(&id("nope")).is_empty());
}

#[test]
fn transitive_queries_survive_a_cycle() {
    let mut m = model();
    // Only an imported file can hold a cycle; put one in by hand.
    m.kpis[&id("r1")].drives.push(id("la"));
    assert_eq!(ids(m.drives_transitive(&id("la"))), ["k1", "r1", "la"]);
    assert_eq!(m.driven_by_transitive(&id("r1")).len(), 5);
}

#[test]
fn drive_candidates_one_level_up_without_cycles() {
    let mut m = model();
    assert_eq!(ids(m.drive_candidates(&id("la"))), ["k1", "k2"]);
    assert_eq!(ids(m.drive_candidates(&id("la2"))), ["k3"]);
    assert_eq!(ids(m.drive_candidates(&id("k3"))), ["r1"]);
    assert!(m.drive_candidates(&id("r1")).is_empty());
    // A chain KPI that (wrongly) drives a link KPI cannot be driven by it.
    m.apply(Edit::ToggleDrive {
        id: id("k2"),
        target: id("la"),
    })
    .unwrap();
    assert_eq!(ids(m.drive_candidates(&id("la"))), ["k1"]);
}

#[test]
fn department_matrix_and_counts() {
    let m = model();
    let x = m.department_matrix();
    assert_eq!(ids(&x.chains), ["c1", "c2"]);
    let rows: Vec<Option<&str>> = x
        .rows
        .iter()
        .map(|r| r.department.as_ref().map(|d| d.as_str()))
        .collect();
    assert_eq!(rows, [Some("d1"), Some("d2"), Some("d3"), None]);
    assert_eq!(
        x.rows[0].cells[0],
        vec![MatrixLink {
            link: id("a"),
            kpis: vec![id("la")]
        }]
    );
    assert_eq!(
        x.rows[0].cells[1],
        vec![MatrixLink {
            link: id("a"),
            kpis: vec![id("la2")]
        }]
    );
    assert!(x.rows[2].cells.iter().all(|c| c.is_empty()));
    assert_eq!(x.rows[3].cells[0][0].link, id("x"));

    assert_eq!(ids(m.chains_of_department(&id("d1"))), ["c1", "c2"]);
    assert!(m.chains_of_department(&id("d3")).is_empty());
    let by_count: Vec<(&str, usize)> = m
        .departments_by_chain_count()
        .into_iter()
        .map(|(d, n)| (d.as_str(), n))
        .collect();
    assert_eq!(by_count, [("d1", 2), ("d2", 1), ("d3", 0)]);
}

#[test]
fn large_model_is_sound_and_deterministic() {
    let a = large_model(200, 3000);
    assert_eq!(a, large_model(200, 3000));
    assert_eq!(a.chains.len(), 200);
    assert_eq!(a.kpis.len(), 3000);
    assert!(a.validate().is_empty(), "{:?}", a.validate());
    let small = large_model(2, 3);
    assert_eq!(small.kpis.len(), 3);
    assert!(small.validate().is_empty());
    assert!(large_model(0, 0).validate().is_empty());
}
