//! Status along "drives" and per element: drivers' status, goal / chain / link roll-up, the
//! early warning "on target while most drivers are off target", and a drives cycle.

use kpi_structure::model::rollup::{
    chain_status, combine, drivers_status, early_warnings, goal_status, link_status,
    on_target_but_drivers_off, status_at, Statuses,
};
use kpi_structure::model::{Attach, Chain, Goal, Id, Kpi, Link, Model, Status};

use Status::{AtRisk, NoNorm, NoValue, OffTarget, OnTarget};

fn id(s: &str) -> Id {
    Id::new(s)
}

/// Goal g; chain c with links l1, l2; result KPI r; chain KPIs c1, c2; link KPIs a, b (l1)
/// and d (l2). a, b, d drive c1; c1 and c2 drive r.
fn model() -> Model {
    let mut m = Model::default();
    m.goals.insert(
        id("g"),
        Goal {
            id: id("g"),
            ..Goal::default()
        },
    );
    let link = |s: &str| Link {
        id: id(s),
        ..Link::default()
    };
    m.chains.insert(
        id("c"),
        Chain {
            id: id("c"),
            links: vec![link("l1"), link("l2")],
            ..Chain::default()
        },
    );
    let goal = Attach::Result { goal: id("g") };
    let chain = Attach::Chain { chain: id("c") };
    let at_link = |l: &str| Attach::Link {
        chain: id("c"),
        link: id(l),
    };
    for (k, at, drives) in [
        ("r", goal, vec![]),
        ("c1", chain.clone(), vec!["r"]),
        ("c2", chain, vec!["r"]),
        ("a", at_link("l1"), vec!["c1"]),
        ("b", at_link("l1"), vec!["c1"]),
        ("d", at_link("l2"), vec!["c1"]),
    ] {
        let mut kpi = Kpi::new(id(k), k, at);
        kpi.drives = drives.into_iter().map(id).collect();
        m.kpis.insert(id(k), kpi);
    }
    m
}

fn statuses(pairs: &[(&str, Status)]) -> Statuses {
    pairs.iter().map(|(k, s)| (id(k), *s)).collect()
}

#[test]
fn combine_takes_the_worst_known_status() {
    assert_eq!(combine([]), None);
    assert_eq!(combine([OnTarget, AtRisk]), Some(AtRisk));
    assert_eq!(combine([OnTarget, OffTarget, AtRisk]), Some(OffTarget));
    assert_eq!(combine([NoValue, OnTarget, NoNorm]), Some(OnTarget));
    assert_eq!(combine([NoValue, NoValue]), Some(NoValue));
    assert_eq!(combine([NoNorm, NoValue]), Some(NoValue));
    assert_eq!(combine([NoNorm, NoNorm]), Some(NoNorm));
}

#[test]
fn drivers_status_is_the_worst_of_what_drives_it() {
    let m = model();
    let s = statuses(&[
        ("a", OnTarget),
        ("b", AtRisk),
        ("d", NoValue),
        ("c1", OnTarget),
        ("c2", OffTarget),
    ]);
    assert_eq!(drivers_status(&m, &s, &id("c1")), Some(AtRisk));
    assert_eq!(drivers_status(&m, &s, &id("r")), Some(OffTarget));
    assert_eq!(drivers_status(&m, &s, &id("a")), None);
    assert_eq!(drivers_status(&m, &s, &id("unknown")), None);
    let s = statuses(&[("a", NoNorm), ("b", NoNorm), ("d", NoNorm)]);
    assert_eq!(drivers_status(&m, &s, &id("c1")), Some(NoNorm));
    // Missing from the map counts as no value.
    let s = statuses(&[("a", NoNorm)]);
    assert_eq!(drivers_status(&m, &s, &id("c1")), Some(NoValue));
}

#[test]
fn elements_roll_up_from_their_own_kpis() {
    let m = model();
    let s = statuses(&[
        ("r", OnTarget),
        ("c1", AtRisk),
        ("c2", OnTarget),
        ("a", OffTarget),
        ("b", OnTarget),
        ("d", NoNorm),
    ]);
    assert_eq!(goal_status(&m, &s, &id("g")), Some(OnTarget));
    assert_eq!(chain_status(&m, &s, &id("c")), Some(AtRisk));
    assert_eq!(link_status(&m, &s, &id("c"), &id("l1")), Some(OffTarget));
    assert_eq!(link_status(&m, &s, &id("c"), &id("l2")), Some(NoNorm));
    assert_eq!(goal_status(&m, &s, &id("other")), None);
    assert_eq!(
        status_at(&m, &s, &Attach::Chain { chain: id("c") }),
        Some(AtRisk)
    );
    assert_eq!(
        status_at(
            &m,
            &s,
            &Attach::Link {
                chain: id("c"),
                link: id("l1")
            }
        ),
        Some(OffTarget)
    );
    assert_eq!(
        status_at(&m, &s, &Attach::Result { goal: id("g") }),
        Some(OnTarget)
    );
}

#[test]
fn on_target_while_most_drivers_are_off_target() {
    let m = model();
    // Two of three known drivers off target: strictly more than half.
    let s = statuses(&[
        ("c1", OnTarget),
        ("a", OffTarget),
        ("b", OffTarget),
        ("d", OnTarget),
    ]);
    assert!(on_target_but_drivers_off(&m, &s, &id("c1")));
    assert_eq!(early_warnings(&m, &s), vec![&id("c1")]);
    // One of two: exactly half is not most.
    let s = statuses(&[
        ("c1", OnTarget),
        ("a", OffTarget),
        ("b", AtRisk),
        ("d", NoValue),
    ]);
    assert!(!on_target_but_drivers_off(&m, &s, &id("c1")));
    // Drivers without a known status do not count: one known, off target.
    let s = statuses(&[("c1", OnTarget), ("a", OffTarget), ("b", NoNorm)]);
    assert!(on_target_but_drivers_off(&m, &s, &id("c1")));
    // Not on target itself: no warning.
    let s = statuses(&[("c1", AtRisk), ("a", OffTarget), ("b", OffTarget)]);
    assert!(!on_target_but_drivers_off(&m, &s, &id("c1")));
    // Nothing drives it, or nothing known: no warning.
    let s = statuses(&[("a", OnTarget), ("c1", OnTarget)]);
    assert!(!on_target_but_drivers_off(&m, &s, &id("a")));
    assert!(early_warnings(&m, &s).is_empty());
    // The result KPI from its chain KPIs.
    let s = statuses(&[("r", OnTarget), ("c1", OffTarget), ("c2", OffTarget)]);
    assert_eq!(early_warnings(&m, &s), vec![&id("r")]);
}

#[test]
fn a_drives_cycle_in_a_file_does_not_loop() {
    let mut m = model();
    // r drives a, closing a -> c1 -> r -> a; c1 also drives itself and r twice.
    m.kpis[&id("r")].drives = vec![id("a")];
    m.kpis[&id("c1")].drives = vec![id("r"), id("c1"), id("r")];
    let s = statuses(&[
        ("r", OffTarget),
        ("a", OnTarget),
        ("b", OffTarget),
        ("d", OffTarget),
        ("c1", OnTarget),
        ("c2", AtRisk),
    ]);
    assert_eq!(drivers_status(&m, &s, &id("a")), Some(OffTarget));
    assert_eq!(drivers_status(&m, &s, &id("c1")), Some(OffTarget));
    assert_eq!(drivers_status(&m, &s, &id("r")), Some(AtRisk));
    // c1's drivers a, b, d (itself left out): two of three off target.
    assert!(on_target_but_drivers_off(&m, &s, &id("c1")));
    // a is driven only by r, off target.
    assert!(on_target_but_drivers_off(&m, &s, &id("a")));
    assert_eq!(early_warnings(&m, &s), vec![&id("c1"), &id("a")]);
    assert_eq!(chain_status(&m, &s, &id("c")), Some(AtRisk));
}
