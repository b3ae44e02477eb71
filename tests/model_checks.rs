//! Each of the twelve structure checks (13-15: `model_checks_steer.rs`): a model where it does not fire and one where it does.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn complete(i: &str, name: &str, at: Attach, drives: &[&str]) -> Kpi {
    let mut k = Kpi::new(id(i), name, at);
    k.unit = "%".into();
    k.direction = Direction::Higher;
    k.target = Some(95.0);
    k.red = Some(90.0);
    k.drives = drives.iter().map(|d| id(d)).collect();
    k
}

/// A model on which no check fires.
fn clean() -> Model {
    let mut m = Model::default();
    m.goals.insert(
        id("g1"),
        Goal {
            id: id("g1"),
            name: "Customer satisfaction".into(),
            description: String::new(),
            extra: Default::default(),
        },
    );
    m.departments.insert(
        id("d1"),
        Department {
            id: id("d1"),
            name: "Sales".into(),
            description: String::new(),
            meeting: Default::default(),
            extra: Default::default(),
        },
    );
    let chain = Chain {
        id: id("c1"),
        name: "New coffee machine".into(),
        trigger: "Wants a machine".into(),
        outcome: "Machine installed".into(),
        owner: "Ann".into(),
        links: vec![Link {
            id: id("l1"),
            name: "Sales".into(),
            department: Some(id("d1")),
            ..Link::default()
        }],
        ..Chain::default()
    };
    m.chains.insert(id("c1"), chain);
    let chain_at = || Attach::Chain { chain: id("c1") };
    for k in [
        complete(
            "r1",
            "Satisfaction score",
            Attach::Result { goal: id("g1") },
            &[],
        ),
        complete("k1", "Installed on time", chain_at(), &["r1"]),
        complete("k2", "Right first time", chain_at(), &["r1"]),
        complete(
            "lk1",
            "Quotes sent within a day",
            Attach::Link {
                chain: id("c1"),
                link: id("l1"),
            },
            &["k1"],
        ),
    ] {
        m.kpis.insert(k.id.clone(), k);
    }
    m
}

/// The findings of `m`, asserting that each has an English and a Dutch message.
fn findings(m: &Model) -> Vec<Finding> {
    let f = check(m);
    for finding in &f {
        let en = finding.message(m, Lang::En);
        let nl = finding.message(m, Lang::Nl);
        assert!(!en.is_empty() && !nl.is_empty() && en != nl, "{en} / {nl}");
        assert_eq!(finding.severity, finding.kind.severity());
    }
    f
}

fn only(m: &Model) -> Finding {
    let f = findings(m);
    assert_eq!(f.len(), 1, "{f:?}");
    f.into_iter().next().unwrap()
}

#[test]
fn clean_model_has_no_findings() {
    assert!(findings(&clean()).is_empty());
}

#[test]
fn check_1_chain_without_owner() {
    let mut m = clean();
    m.chains[&id("c1")].owner = "  ".into();
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::ChainNoOwner);
    assert_eq!(f.target, Target::Chain(id("c1")));
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain “New coffee machine” has no owner."
    );
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Keten “New coffee machine” heeft geen eigenaar."
    );
}

#[test]
fn check_2_chain_kpi_count() {
    let mut m = clean();
    m.kpis.shift_remove(&id("k2"));
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::ChainKpiCount { count: 1 });
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain “New coffee machine” has 1 chain KPI; the method asks for 2 to 3."
    );
    let mut m = clean();
    for i in 3..=4 {
        let k = complete(
            &format!("k{i}"),
            &format!("Chain KPI {i}"),
            Attach::Chain { chain: id("c1") },
            &["r1"],
        );
        m.kpis.insert(k.id.clone(), k);
    }
    assert_eq!(only(&m).kind, CheckKind::ChainKpiCount { count: 4 });
    // Three is fine.
    m.kpis.shift_remove(&id("k4"));
    assert!(findings(&m).is_empty());
}

#[test]
fn check_3_trigger_and_outcome() {
    let mut m = clean();
    m.chains[&id("c1")].trigger.clear();
    let f = only(&m);
    assert_eq!(
        f.kind,
        CheckKind::ChainNoTriggerOrOutcome {
            trigger: true,
            outcome: false
        }
    );
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Keten “New coffee machine” heeft geen aanleiding (klantbehoefte)."
    );
    m.chains[&id("c1")].outcome.clear();
    assert_eq!(
        only(&m).message(&m, Lang::En),
        "Chain “New coffee machine” has no trigger (customer need) and no outcome (product or service)."
    );
}

#[test]
fn check_4_chain_without_links() {
    let mut m = clean();
    m.chains[&id("c1")].links.clear();
    m.kpis.shift_remove(&id("lk1"));
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::ChainNoLinks);
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Keten “New coffee machine” heeft geen schakels."
    );
}

#[test]
fn check_5_chain_kpi_drives_no_result_kpi() {
    let mut m = clean();
    m.kpis[&id("k2")].drives.clear();
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::ChainKpiDrivesNoResult);
    assert_eq!(f.target, Target::Kpi(id("k2")));
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain KPI “Right first time” drives no result KPI."
    );
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Keten-KPI “Right first time” stuurt geen resultaat-KPI."
    );
}

#[test]
fn check_6_result_kpi_not_driven() {
    let mut m = clean();
    let r2 = complete("r2", "Loyalty", Attach::Result { goal: id("g1") }, &[]);
    m.kpis.insert(id("r2"), r2);
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::ResultKpiNotDriven);
    assert_eq!(
        f.message(&m, Lang::En),
        "Result KPI “Loyalty” is driven by no chain KPI."
    );
    // A link KPI driving it directly does not count.
    m.kpis[&id("lk1")].drives.push(id("r2"));
    assert_eq!(only(&m).kind, CheckKind::ResultKpiNotDriven);
    m.kpis[&id("k1")].drives.push(id("r2"));
    assert!(findings(&m).is_empty());
}

#[test]
fn check_7_more_than_four_result_kpis() {
    let mut m = clean();
    let mut ids = vec![];
    for i in 2..=4 {
        let k = complete(
            &format!("r{i}"),
            &format!("Result {i}"),
            Attach::Result { goal: id("g1") },
            &[],
        );
        ids.push(k.id.clone());
        m.kpis.insert(k.id.clone(), k);
    }
    m.kpis[&id("k1")].drives.extend(ids.clone());
    assert!(findings(&m).is_empty(), "four is fine");
    let k = complete("r5", "Result 5", Attach::Result { goal: id("g1") }, &[]);
    m.kpis.insert(id("r5"), k);
    m.kpis[&id("k1")].drives.push(id("r5"));
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::TooManyResultKpis { count: 5 });
    assert_eq!(f.target, Target::Model);
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Het model heeft 5 resultaat-KPI's; de methode adviseert er hoogstens 4."
    );
}

#[test]
fn check_8_goal_without_result_kpi() {
    let mut m = clean();
    m.goals.insert(
        id("g2"),
        Goal {
            id: id("g2"),
            name: "Loyalty".into(),
            description: String::new(),
            extra: Default::default(),
        },
    );
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::GoalNoResultKpi);
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Doel “Loyalty” heeft geen resultaat-KPI."
    );
}

#[test]
fn check_9_cycle() {
    let mut m = clean();
    // Imported files may hold a cycle even though edits refuse one.
    m.kpis[&id("r1")].drives.push(id("k1"));
    let f = findings(&m);
    let cycle: Vec<&Finding> = f.iter().filter(|f| f.kind.number() == 9).collect();
    assert_eq!(cycle.len(), 1, "{f:?}");
    assert_eq!(cycle[0].severity, Severity::Error);
    assert_eq!(
        cycle[0].message(&m, Lang::En),
        "The drives relation has a cycle: “Satisfaction score” → “Installed on time” → “Satisfaction score”."
    );
    assert!(!m.validate().is_empty());
}

#[test]
fn check_10_incomplete_kpi() {
    let mut m = clean();
    m.kpis[&id("k1")].unit.clear();
    m.kpis[&id("k1")].direction = Direction::Unset;
    let f = only(&m);
    assert_eq!(
        f.kind,
        CheckKind::KpiIncomplete {
            unit: true,
            direction: true,
            target: false
        }
    );
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain KPI “Installed on time” lacks a unit and a direction."
    );
    let k = m.kpis.get_mut(&id("k1")).unwrap();
    (k.target, k.red) = (None, None);
    assert_eq!(
        only(&m).message(&m, Lang::Nl),
        "Keten-KPI “Installed on time” mist een eenheid, een richting en een norm."
    );
}

#[test]
fn check_10_means_no_complete_norm() {
    let mut m = clean();
    m.kpis[&id("k1")].red = None;
    let f = only(&m);
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain KPI “Installed on time” lacks a target."
    );
    m.kpis[&id("k1")].red = Some(90.0);
    m.kpis[&id("k1")].direction = Direction::Band;
    assert_eq!(
        only(&m).target,
        Target::Kpi(id("k1")),
        "a band needs low, high, tolerance"
    );
    let k = m.kpis.get_mut(&id("k1")).unwrap();
    (k.low, k.high, k.tolerance) = (Some(90.0), Some(95.0), Some(2.0));
    assert!(check(&m).is_empty());
}

#[test]
fn check_11_link_kpi_drives_no_chain_kpi() {
    let mut m = clean();
    m.kpis[&id("lk1")].drives = vec![id("r1")];
    let f = only(&m);
    assert_eq!(f.kind, CheckKind::LinkKpiDrivesNoChainKpi);
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Schakel-KPI “Quotes sent within a day” stuurt geen keten-KPI."
    );
}

#[test]
fn check_12_duplicate_names() {
    let mut m = clean();
    m.kpis[&id("k2")].name = " installed ON time ".into();
    let f = only(&m);
    assert_eq!(
        f.kind,
        CheckKind::DuplicateName {
            first: Target::Kpi(id("k1"))
        }
    );
    assert_eq!(f.target, Target::Kpi(id("k2")));
    assert_eq!(
        f.message(&m, Lang::En),
        "Chain KPI “installed ON time” has the same name as another KPI."
    );

    // Links: only within one chain. Goals: Dutch "een ander doel".
    let mut m = clean();
    let mut l2 = m.chains[&id("c1")].links[0].clone();
    l2.id = id("l2");
    m.chains[&id("c1")].links.push(l2);
    let f = only(&m);
    assert_eq!(
        f.target,
        Target::Link {
            chain: id("c1"),
            link: id("l2")
        }
    );
    assert_eq!(
        f.message(&m, Lang::Nl),
        "Schakel “Sales” van keten “New coffee machine” heeft dezelfde naam als een andere schakel."
    );
    let mut m = clean();
    let g2 = Goal {
        id: id("g2"),
        name: "customer satisfaction".into(),
        description: String::new(),
        extra: Default::default(),
    };
    m.goals.insert(id("g2"), g2);
    let f: Vec<Finding> = findings(&m)
        .into_iter()
        .filter(|f| f.kind.number() == 12)
        .collect();
    assert_eq!(
        f[0].message(&m, Lang::Nl),
        "Doel “customer satisfaction” heeft dezelfde naam als een ander doel."
    );
    // Empty names are not duplicates of each other.
    let mut m = clean();
    m.departments.insert(
        id("d2"),
        Department {
            id: id("d2"),
            ..Department::default()
        },
    );
    m.departments.insert(
        id("d3"),
        Department {
            id: id("d3"),
            ..Department::default()
        },
    );
    assert!(findings(&m).is_empty());
}

#[test]
fn dangling_references_do_not_panic_and_order_is_stable() {
    let mut m = clean();
    m.kpis[&id("k1")].drives.push(id("ghost"));
    m.kpis[&id("lk1")].at = Attach::Link {
        chain: id("gone"),
        link: id("x"),
    };
    m.chains[&id("c1")].links[0].department = Some(id("nowhere"));
    let a = check(&m);
    assert_eq!(a, check(&m));
    let big = large_model(30, 400);
    let f = check(&big);
    assert_eq!(f, check(&big));
    let numbers: Vec<u8> = f.iter().map(|f| f.kind.number()).collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    assert_eq!(numbers, sorted, "findings come in check order");
    for n in [1, 2, 3, 10, 11] {
        assert!(
            numbers.contains(&n),
            "the generated model triggers check {n}"
        );
    }
}
