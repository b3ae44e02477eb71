//! The coffee-machine model of the method (seed 000/002), built entirely through edits, in
//! English and in Dutch, and checked.

use kpi_structure::model::*;

struct Words {
    model: &'static str,
    goal: &'static str,
    result: &'static str,
    chain: &'static str,
    trigger: &'static str,
    outcome: &'static str,
    customer: &'static str,
    owner: &'static str,
    links: [&'static str; 5],
    on_time: &'static str,
    first_time: &'static str,
    planned: &'static str,
    handed_over: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            model: "Coffee machines",
            goal: "Customer satisfaction",
            result: "Customer satisfaction score",
            chain: "New coffee machine",
            trigger: "A customer wants a coffee machine so guests and staff can enjoy coffee",
            outcome: "Machine installed on time, right first time, on contract, billing started",
            customer: "Business customer",
            owner: "Operations director",
            links: ["Sales", "Planning", "Logistics", "Service", "Finance"],
            on_time: "Installed on time",
            first_time: "Right first time",
            planned: "Installation planned within 2 days",
            handed_over: "Complete orders handed over",
        },
        Lang::Nl => Words {
            model: "Koffiemachines",
            goal: "Klanttevredenheid",
            result: "Klanttevredenheidscijfer",
            chain: "Nieuwe koffiemachine",
            trigger: "Een klant wil een koffiemachine zodat gasten en personeel koffie drinken",
            outcome:
                "Machine op tijd en in één keer goed geïnstalleerd, op contract, facturatie gestart",
            customer: "Zakelijke klant",
            owner: "Directeur operatie",
            links: ["Verkoop", "Planning", "Logistiek", "Service", "Financiën"],
            on_time: "Op tijd geïnstalleerd",
            first_time: "In één keer goed",
            planned: "Installatie binnen 2 dagen gepland",
            handed_over: "Complete orders overgedragen",
        },
    }
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn kpi_fields(h: &mut History, m: &mut Model, kpi: &str, unit: &str, norm: (f64, f64)) {
    for field in [
        KpiField::Unit(unit.into()),
        KpiField::Direction(Direction::Higher),
        KpiField::Target(Some(norm.0)),
        KpiField::Red(Some(norm.1)),
        KpiField::Frequency(Frequency::Monthly),
        KpiField::ValueType(ValueType::Customer),
    ] {
        h.apply(m, Edit::SetKpi { id: id(kpi), field }, false)
            .expect("set KPI field");
    }
}

/// Adds KPI `(id, name)` at `at` with its fields and `norm`, driving the chain KPI `drives`.
fn add_driver(
    h: &mut History,
    m: &mut Model,
    (kid, name): (&str, &str),
    at: Attach,
    norm: (f64, f64),
    drives: &str,
) {
    let kpi = Kpi::new(id(kid), name, at);
    let add = Edit::AddKpi {
        kpi: Box::new(kpi),
        index: None,
    };
    h.apply(m, add, false).expect("add KPI");
    kpi_fields(h, m, kid, "%", norm);
    let set = Edit::SetDrives {
        id: id(kid),
        drives: vec![id(drives)],
    };
    h.apply(m, set, false).expect("set drives");
}

/// Builds the model through edits only, starting from an empty model.
fn coffee_machines(lang: Lang) -> (Model, History) {
    let w = words(lang);
    let mut m = Model::default();
    let mut h = History::default();
    let edit = |h: &mut History, m: &mut Model, e: Edit| h.apply(m, e, false).expect("edit");

    edit(
        &mut h,
        &mut m,
        Edit::SetModel {
            field: ModelField::Name(w.model.into()),
        },
    );
    edit(
        &mut h,
        &mut m,
        Edit::SetModel {
            field: ModelField::Organisation("Coffee Company".into()),
        },
    );
    let goal = Goal {
        id: id("g1"),
        name: w.goal.into(),
        description: String::new(),
        extra: Default::default(),
    };
    edit(&mut h, &mut m, Edit::AddGoal { goal, index: None });
    let result = Kpi::new(id("k-sat"), w.result, Attach::Result { goal: id("g1") });
    edit(
        &mut h,
        &mut m,
        Edit::AddKpi {
            kpi: Box::new(result),
            index: None,
        },
    );
    kpi_fields(&mut h, &mut m, "k-sat", "score 1-10", (9.0, 8.5));

    for (i, name) in w.links.iter().enumerate() {
        let department = Department {
            id: Id::from_seed('d', i as u64),
            name: name.to_string(),
            description: String::new(),
            meeting: Default::default(),
            extra: Default::default(),
        };
        edit(
            &mut h,
            &mut m,
            Edit::AddDepartment {
                department,
                index: None,
            },
        );
    }

    let chain = Chain {
        id: id("c-new"),
        name: w.chain.into(),
        ..Chain::default()
    };
    edit(&mut h, &mut m, Edit::AddChain { chain, index: None });
    for field in [
        ChainField::Trigger(w.trigger.into()),
        ChainField::Outcome(w.outcome.into()),
        ChainField::Owner(w.owner.into()),
        ChainField::Customer(w.customer.into()),
    ] {
        edit(
            &mut h,
            &mut m,
            Edit::SetChain {
                id: id("c-new"),
                field,
            },
        );
    }
    for (i, name) in w.links.iter().enumerate() {
        let link = Link {
            id: Id::from_seed('l', i as u64),
            name: name.to_string(),
            ..Link::default()
        };
        edit(
            &mut h,
            &mut m,
            Edit::AddLink {
                chain: id("c-new"),
                link,
                index: None,
            },
        );
        let department = Some(Id::from_seed('d', i as u64));
        edit(
            &mut h,
            &mut m,
            Edit::SetLink {
                chain: id("c-new"),
                link: Id::from_seed('l', i as u64),
                field: LinkField::Department(department),
            },
        );
    }

    for (kid, name) in [("k-on-time", w.on_time), ("k-first-time", w.first_time)] {
        let kpi = Kpi::new(id(kid), name, Attach::Chain { chain: id("c-new") });
        edit(
            &mut h,
            &mut m,
            Edit::AddKpi {
                kpi: Box::new(kpi),
                index: None,
            },
        );
        kpi_fields(&mut h, &mut m, kid, "%", (95.0, 90.0));
        edit(
            &mut h,
            &mut m,
            Edit::ToggleDrive {
                id: id(kid),
                target: id("k-sat"),
            },
        );
    }

    // One link KPI at Planning driving "installed on time".
    let at = Attach::Link {
        chain: id("c-new"),
        link: Id::from_seed('l', 1),
    };
    add_driver(
        &mut h,
        &mut m,
        ("k-planned", w.planned),
        at,
        (90.0, 85.0),
        "k-on-time",
    );
    // "Right first time" weighs the internal value (no second visit), "on time" the
    // customer's: the chain KPIs measure both (check 16).
    edit(
        &mut h,
        &mut m,
        Edit::SetKpi {
            id: id("k-first-time"),
            field: KpiField::ValueType(ValueType::Internal),
        },
    );
    // One handover KPI, from Sales to Planning, driving "right first time" (check 17).
    let at = Attach::Handover {
        chain: id("c-new"),
        link: Id::from_seed('l', 0),
    };
    let kpi = ("k-handed-over", w.handed_over);
    add_driver(&mut h, &mut m, kpi, at, (98.0, 95.0), "k-first-time");
    (m, h)
}

#[test]
fn coffee_machines_has_no_findings() {
    for lang in [Lang::En, Lang::Nl] {
        let (m, _) = coffee_machines(lang);
        assert!(m.validate().is_empty(), "{:?}", m.validate());
        assert_eq!(m.chains.len(), 1);
        assert_eq!(m.chains[&id("c-new")].links.len(), 5);
        assert_eq!(m.kpis.len(), 5);
        let findings = check(&m);
        let messages: Vec<String> = findings.iter().map(|f| f.message(&m, lang)).collect();
        assert!(findings.is_empty(), "{messages:?}");
    }
}

#[test]
fn removing_the_owner_triggers_check_1() {
    let (mut m, mut h) = coffee_machines(Lang::En);
    let clear = Edit::SetChain {
        id: id("c-new"),
        field: ChainField::Owner(String::new()),
    };
    h.apply(&mut m, clear, false).unwrap();
    let findings = check(&m);
    assert_eq!(
        findings,
        vec![Finding {
            kind: CheckKind::ChainNoOwner,
            severity: Severity::Warning,
            target: Target::Chain(id("c-new")),
        }]
    );
    assert_eq!(findings[0].kind.number(), 1);
    assert_eq!(
        findings[0].message(&m, Lang::En),
        "Chain “New coffee machine” has no owner."
    );
    h.undo(&mut m);
    assert!(check(&m).is_empty());

    let (mut nl, _) = coffee_machines(Lang::Nl);
    nl.apply(Edit::SetChain {
        id: id("c-new"),
        field: ChainField::Owner(" ".into()),
    })
    .unwrap();
    let findings = check(&nl);
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].message(&nl, Lang::Nl),
        "Keten “Nieuwe koffiemachine” heeft geen eigenaar."
    );
}

#[test]
fn breaking_the_structure_shows_in_the_checks() {
    let (mut m, _) = coffee_machines(Lang::En);
    // Deleting the result KPI: its goal has none, the chain KPIs drive none.
    m.apply(Edit::DeleteKpi { id: id("k-sat") }).unwrap();
    let numbers: Vec<u8> = check(&m).iter().map(|f| f.kind.number()).collect();
    assert_eq!(numbers, vec![5, 5, 8]);
    let messages: Vec<String> = check(&m).iter().map(|f| f.message(&m, Lang::En)).collect();
    assert_eq!(
        messages,
        vec![
            "Chain KPI “Installed on time” drives no result KPI.",
            "Chain KPI “Right first time” drives no result KPI.",
            "Goal “Customer satisfaction” has no result KPI.",
        ]
    );
}

#[test]
fn undoing_every_step_gives_back_the_empty_model() {
    let (mut m, mut h) = coffee_machines(Lang::Nl);
    let built = m.clone();
    let steps = h.undo_len();
    assert!(steps > 40, "{steps} steps");
    while h.undo(&mut m) {}
    assert_eq!(m, Model::default());
    while h.redo(&mut m) {}
    assert_eq!(m, built);
}
