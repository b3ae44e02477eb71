//! Property tests: random edit sequences, generated against the current model so that many
//! are valid and some are not, keep every invariant; a refused edit changes nothing; undoing
//! everything gives back the starting model exactly, and redoing everything the end model.

use indexmap::IndexMap;
use kpi_structure::model::*;
use kpi_structure::session::{Change, Step};
use proptest::prelude::*;

type Op = (u8, u16, u16, u16, bool);

/// An existing key, or (one time in len + 1) an id that does not exist.
fn pick<T>(map: &IndexMap<Id, T>, n: u16) -> Id {
    let i = n as usize % (map.len() + 1);
    map.get_index(i)
        .map(|(k, _)| k.clone())
        .unwrap_or_else(|| Id::new("missing"))
}

fn pick_link(m: &Model, a: u16, b: u16) -> (Id, Id) {
    let chain = pick(&m.chains, a);
    let link = match m.chains.get(&chain) {
        Some(c) => {
            let i = b as usize % (c.links.len() + 1);
            c.links
                .get(i)
                .map(|l| l.id.clone())
                .unwrap_or_else(|| Id::new("missing"))
        }
        None => Id::new("l0"),
    };
    (chain, link)
}

fn maybe_department(m: &Model, n: u16) -> Option<Id> {
    if n.is_multiple_of(3) {
        None
    } else {
        Some(pick(&m.departments, n))
    }
}

fn attach(m: &Model, a: u16, b: u16) -> Attach {
    match b % 3 {
        0 => Attach::Result {
            goal: pick(&m.goals, a),
        },
        1 => Attach::Chain {
            chain: pick(&m.chains, a),
        },
        _ => {
            let (chain, link) = pick_link(m, a, b / 3);
            Attach::Link { chain, link }
        }
    }
}

fn drives(m: &Model, a: u16, b: u16) -> Vec<Id> {
    (0..(b % 4))
        .map(|i| pick(&m.kpis, a.wrapping_add(i * 7919)))
        .collect()
}

/// A norm number, or none.
fn number(n: u16) -> Option<f64> {
    [None, Some(0.0), Some(92.5), Some(-3.0)][n as usize % 4]
}

fn text(n: u16) -> String {
    ["", "Sales", "sales ", "Service", "x"][n as usize % 5].to_string()
}

/// Turns an op into an edit against the current model. `fresh` is a new id suffix.
fn edit_for(m: &Model, (kind, a, b, c, _): Op, fresh: usize) -> Edit {
    let new_id = |p: &str| {
        if c.is_multiple_of(11) {
            Id::new("") // refused: empty id
        } else {
            Id::new(format!("{p}{fresh}"))
        }
    };
    let index = |len: usize| (!b.is_multiple_of(4)).then_some(b as usize % (len + 2));
    match kind {
        0 => {
            let id = if c.is_multiple_of(7) {
                pick(&m.goals, a)
            } else {
                new_id("g")
            };
            Edit::AddGoal {
                goal: Goal {
                    id,
                    name: text(a),
                    description: String::new(),
                },
                index: index(m.goals.len()),
            }
        }
        1 => Edit::DeleteGoal {
            id: pick(&m.goals, a),
        },
        2 => Edit::SetGoal {
            id: pick(&m.goals, a),
            field: if b.is_multiple_of(2) {
                GoalField::Name(text(c))
            } else {
                GoalField::Description(text(c))
            },
        },
        3 => Edit::AddDepartment {
            department: Department {
                id: new_id("d"),
                name: text(a),
                description: String::new(),
            },
            index: index(m.departments.len()),
        },
        4 => Edit::DeleteDepartment {
            id: pick(&m.departments, a),
        },
        5 => Edit::SetDepartment {
            id: pick(&m.departments, a),
            field: DepartmentField::Name(text(c)),
        },
        6 => {
            let links = (0..(c % 3))
                .map(|i| Link {
                    id: Id::new(format!(
                        "l{fresh}-{}",
                        i % 2 + u16::from(!c.is_multiple_of(5))
                    )),
                    name: text(a.wrapping_add(i)),
                    department: maybe_department(m, a.wrapping_add(i)),
                    ..Link::default()
                })
                .collect();
            Edit::AddChain {
                chain: Chain {
                    id: new_id("c"),
                    name: text(a),
                    links,
                    ..Chain::default()
                },
                index: index(m.chains.len()),
            }
        }
        7 => Edit::DeleteChain {
            id: pick(&m.chains, a),
        },
        8 => Edit::SetChain {
            id: pick(&m.chains, a),
            field: match b % 6 {
                0 => ChainField::Name(text(c)),
                1 => ChainField::Description(text(c)),
                2 => ChainField::Customer(text(c)),
                3 => ChainField::Trigger(text(c)),
                4 => ChainField::Outcome(text(c)),
                _ => ChainField::Owner(text(c)),
            },
        },
        9 => {
            let chain = pick(&m.chains, a);
            let len = m.chains.get(&chain).map_or(0, |c| c.links.len());
            let id = if c.is_multiple_of(7) {
                pick_link(m, a, b).1
            } else {
                new_id("l")
            };
            Edit::AddLink {
                chain,
                link: Link {
                    id,
                    name: text(b),
                    department: maybe_department(m, c),
                    ..Link::default()
                },
                index: index(len),
            }
        }
        10 => {
            let (chain, link) = pick_link(m, a, b);
            Edit::DeleteLink { chain, link }
        }
        11 => {
            let (chain, link) = pick_link(m, a, b);
            let field = match c % 5 {
                0 => LinkField::Name(text(c / 5)),
                1 => LinkField::Description(text(c / 5)),
                2 => LinkField::Department(maybe_department(m, c / 5)),
                3 => LinkField::External(c.is_multiple_of(2)),
                _ => LinkField::Owner(text(c / 5)),
            };
            Edit::SetLink { chain, link, field }
        }
        12 => {
            let (chain, link) = pick_link(m, a, b);
            Edit::MoveLink {
                chain,
                link,
                to: c as usize % 6,
            }
        }
        13 => {
            let id = if c.is_multiple_of(7) {
                pick(&m.kpis, a)
            } else {
                new_id("k")
            };
            let mut kpi = Kpi::new(id, text(c), attach(m, a, b));
            kpi.drives = drives(m, c, a);
            Edit::AddKpi {
                kpi: Box::new(kpi),
                index: index(m.kpis.len()),
            }
        }
        14 => Edit::DeleteKpi {
            id: pick(&m.kpis, a),
        },
        15 => Edit::SetKpi {
            id: pick(&m.kpis, a),
            field: match b % 16 {
                0 => KpiField::Name(text(c)),
                1 => KpiField::Definition(text(c)),
                2 => KpiField::Formula(text(c)),
                3 => KpiField::Unit(text(c)),
                4 => KpiField::Direction(Direction::Higher),
                5 => KpiField::Target(number(c)),
                6 => KpiField::NormDescription(text(c)),
                7 => KpiField::Red(number(c)),
                12 => KpiField::Low(number(c)),
                13 => KpiField::High(number(c)),
                14 => KpiField::Tolerance(number(c)),
                15 => KpiField::Direction(Direction::Band),
                8 => KpiField::Frequency(Frequency::Quarterly),
                9 => KpiField::Owner(text(c)),
                10 => KpiField::DataSource(text(c)),
                _ => KpiField::ValueType(ValueType::Internal),
            },
        },
        16 => Edit::SetDrives {
            id: pick(&m.kpis, a),
            drives: drives(m, b, c),
        },
        17 => Edit::ToggleDrive {
            id: pick(&m.kpis, a),
            target: pick(&m.kpis, b),
        },
        18 => Edit::AttachKpi {
            id: pick(&m.kpis, a),
            at: attach(m, b, c),
        },
        19 => {
            let (kind, id, len) = match b % 5 {
                0 => (ElementKind::Goal, pick(&m.goals, a), m.goals.len()),
                1 => (
                    ElementKind::Department,
                    pick(&m.departments, a),
                    m.departments.len(),
                ),
                2 => (ElementKind::Chain, pick(&m.chains, a), m.chains.len()),
                3 => (ElementKind::Kpi, pick(&m.kpis, a), m.kpis.len()),
                _ => (ElementKind::Link, Id::new("l0"), 1),
            };
            Edit::Reorder {
                kind,
                id,
                to: c as usize % (len + 1),
            }
        }
        21 => Edit::SetValue {
            kpi: pick(&m.kpis, a),
            period: Period::Month {
                y: 2026,
                m: u32::from(b % 12) + 1,
            },
            value: number(c),
        },
        22 => Edit::SetComment {
            kpi: pick(&m.kpis, a),
            period: Period::Quarter {
                y: 2026,
                q: u32::from(b % 4) + 1,
            },
            comment: if c.is_multiple_of(3) {
                String::new()
            } else {
                text(c)
            },
        },
        23 => Edit::AddAction {
            chain: pick(&m.chains, a),
            action: kpi_structure::model::meeting::Action {
                id: Id::new(format!("a{}", c % 4)),
                what: text(b),
                ..Default::default()
            },
            index: None,
        },
        24 => Edit::SetAction {
            chain: pick(&m.chains, a),
            id: Id::new(format!("a{}", c % 4)),
            field: match b % 3 {
                0 => kpi_structure::model::meeting::ActionField::Done(true),
                1 => kpi_structure::model::meeting::ActionField::Owner(text(c)),
                _ => kpi_structure::model::meeting::ActionField::Due(text(c)),
            },
        },
        25 => {
            let (chain, link) = pick_link(m, a, b);
            Edit::SetAttendance {
                chain,
                link,
                present: c.is_multiple_of(2),
            }
        }
        26 => Edit::SetMeetingNotes {
            chain: pick(&m.chains, a),
            notes: text(c),
        },
        27 => {
            let chain = pick(&m.chains, a);
            match kpi_structure::model::agenda::record(m, &chain, (2026, 3), "2026-03-31") {
                Some(meeting) if !b.is_multiple_of(3) => Edit::CloseMeeting {
                    chain,
                    meeting: Box::new(meeting),
                },
                _ => Edit::DeleteAction {
                    chain,
                    id: Id::new(format!("a{}", c % 4)),
                },
            }
        }
        _ => Edit::SetModel {
            field: match b % 3 {
                0 => ModelField::Name(text(c)),
                1 => ModelField::Organisation(text(c)),
                _ => ModelField::Description(text(c)),
            },
        },
    }
}

fn start(which: u8) -> Model {
    match which {
        0 => Model::default(),
        1 => large_model(3, 30),
        _ => large_model(6, 12),
    }
}

fn op() -> impl Strategy<Value = Op> {
    (
        0u8..29,
        any::<u16>(),
        any::<u16>(),
        any::<u16>(),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_edits_keep_invariants_and_undo_exactly(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..80),
    ) {
        let start = start(which);
        prop_assert!(start.validate().is_empty(), "{:?}", start.validate());
        let mut m = start.clone();
        let mut h = History::new(10_000);
        let mut accepted = 0;
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let before = m.clone();
            match h.apply(&mut m, edit.clone(), op.4) {
                Ok(()) => accepted += 1,
                Err(e) => {
                    prop_assert_eq!(&m, &before, "refused {:?} ({}) changed the model", edit, e);
                }
            }
            let problems = m.validate();
            prop_assert!(problems.is_empty(), "after {:?}: {:?}", edit, problems);
        }
        let end = m.clone();
        while h.undo(&mut m) {}
        prop_assert!(!h.can_undo());
        prop_assert_eq!(&m, &start);
        while h.redo(&mut m) {}
        prop_assert_eq!(&m, &end);
        let _ = accepted;
    }

    #[test]
    fn every_inverse_restores_the_previous_model(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..60),
    ) {
        let mut m = start(which);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let before = m.clone();
            if let Ok(inverse) = m.apply(edit) {
                let after = m.clone();
                let redo = m.apply(inverse).expect("the inverse applies");
                prop_assert_eq!(&m, &before);
                m.apply(redo).expect("redo applies");
                prop_assert_eq!(&m, &after);
            }
        }
    }

    #[test]
    fn checks_and_queries_never_panic(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut m = start(which);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let _ = m.apply(edit);
        }
        for f in check(&m) {
            prop_assert!(!f.message(&m, Lang::En).is_empty());
            prop_assert!(!f.message(&m, Lang::Nl).is_empty());
            prop_assert!(f.kind.number() != 9, "edits never make a cycle");
        }
        for id in m.kpis.keys() {
            let _ = m.drives_transitive(id);
            let _ = m.driven_by_transitive(id);
            for c in m.drive_candidates(id) {
                let mut probe = m.clone();
                prop_assert!(
                    probe.apply(Edit::ToggleDrive { id: id.clone(), target: c.clone() }).is_ok()
                        || m.kpis[id].drives.contains(c),
                    "candidate {} of {} is accepted", c, id
                );
            }
        }
        let matrix = m.department_matrix();
        let links: usize = matrix.rows.iter().flat_map(|r| r.cells.iter()).map(|c| c.len()).sum();
        prop_assert_eq!(links, m.chains.values().map(|c| c.links.len()).sum::<usize>());
    }
}

#[test]
fn generated_edits_are_a_mix_of_accepted_and_refused() {
    // Guard against a generator that only produces refusals (or only valid edits).
    let mut m = large_model(3, 30);
    let (mut ok, mut err) = (0, 0);
    for n in 0..2000u32 {
        let x = n.wrapping_mul(2_654_435_761);
        let op = (
            (n % 29) as u8,
            (x >> 3) as u16,
            (x >> 11) as u16,
            (x >> 19) as u16,
            false,
        );
        let edit = edit_for(&m, op, n as usize);
        match m.apply(edit) {
            Ok(_) => ok += 1,
            Err(_) => err += 1,
        }
        assert!(m.validate().is_empty());
    }
    eprintln!("accepted {ok}, refused {err}");
    assert!(ok > 600 && err > 200, "accepted {ok}, refused {err}");
}

/// Every topic a reader could depend on in `a` or `b`.
fn all_topics(a: &Model, b: &Model) -> Vec<Topic> {
    let mut out = vec![
        Topic::Fields(Target::Model),
        Topic::Goals,
        Topic::Departments,
        Topic::Chains,
        Topic::Kpis,
        Topic::Drives,
    ];
    for m in [a, b] {
        out.extend(
            m.goals
                .keys()
                .map(|g| Topic::Fields(Target::Goal(g.clone()))),
        );
        out.extend(
            m.goals
                .keys()
                .map(|g| Topic::KpisAt(Attach::Result { goal: g.clone() })),
        );
        out.extend(
            m.departments
                .keys()
                .map(|d| Topic::Fields(Target::Department(d.clone()))),
        );
        for (c, chain) in &m.chains {
            out.push(Topic::Fields(Target::Chain(c.clone())));
            out.push(Topic::Links(c.clone()));
            out.push(Topic::Meeting(c.clone()));
            out.push(Topic::KpisAt(Attach::Chain { chain: c.clone() }));
            for l in &chain.links {
                let (chain, link) = (c.clone(), l.id.clone());
                out.push(Topic::Fields(Target::Link {
                    chain: chain.clone(),
                    link: link.clone(),
                }));
                out.push(Topic::KpisAt(Attach::Link { chain, link }));
            }
        }
        out.extend(m.kpis.keys().map(|k| Topic::Fields(Target::Kpi(k.clone()))));
        out.extend(m.kpis.keys().map(|k| Topic::Values(k.clone())));
        out.extend(m.kpis.keys().map(|k| Topic::Comments(k.clone())));
    }
    out
}

/// What a reader of `topic` sees in `m`.
fn answer(m: &Model, topic: &Topic) -> String {
    match topic {
        Topic::Fields(Target::Model) => format!("{:?}", (&m.name, &m.organisation, &m.description)),
        Topic::Fields(Target::Goal(id)) => format!("{:?}", m.goals.get(id)),
        Topic::Fields(Target::Department(id)) => format!("{:?}", m.departments.get(id)),
        Topic::Fields(Target::Chain(id)) => format!(
            "{:?}",
            m.chains.get(id).map(|c| Chain {
                links: Vec::new(),
                meeting: Default::default(),
                ..c.clone()
            })
        ),
        Topic::Fields(Target::Link { chain, link }) => format!(
            "{:?}",
            m.chains
                .get(chain)
                .and_then(|c| c.links.iter().find(|l| &l.id == link))
        ),
        Topic::Fields(Target::Kpi(id)) => format!(
            "{:?}",
            m.kpis.get(id).map(|k| Kpi {
                drives: Vec::new(),
                values: Default::default(),
                comments: Default::default(),
                ..k.clone()
            })
        ),
        Topic::Meeting(c) => format!("{:?}", m.chains.get(c).map(|c| &c.meeting)),
        Topic::Values(id) => format!("{:?}", m.kpis.get(id).map(|k| &k.values)),
        Topic::Comments(id) => format!("{:?}", m.kpis.get(id).map(|k| &k.comments)),
        Topic::Goals => format!("{:?}", m.goals.keys().collect::<Vec<_>>()),
        Topic::Departments => format!("{:?}", m.departments.keys().collect::<Vec<_>>()),
        Topic::Chains => format!("{:?}", m.chains.keys().collect::<Vec<_>>()),
        Topic::Links(c) => format!(
            "{:?}",
            m.chains
                .get(c)
                .map(|c| c.links.iter().map(|l| &l.id).collect::<Vec<_>>())
        ),
        Topic::Kpis => format!(
            "{:?}",
            m.kpis.values().map(|k| (&k.id, &k.at)).collect::<Vec<_>>()
        ),
        Topic::KpisAt(at) => format!(
            "{:?}",
            m.kpis
                .values()
                .filter(|k| &k.at == at)
                .map(|k| &k.id)
                .collect::<Vec<_>>()
        ),
        // Which KPI drives which; the order of the KPIs themselves is `Topic::Kpis`.
        Topic::Drives => format!(
            "{:?}",
            m.kpis
                .values()
                .filter(|k| !k.drives.is_empty())
                .map(|k| (&k.id, &k.drives))
                .collect::<std::collections::BTreeMap<_, _>>()
        ),
    }
}

/// Every topic whose answer differs between `a` and `b` is in `touched`.
fn touched_covers(a: &Model, b: &Model, touched: &Touched) -> Result<(), String> {
    for t in all_topics(a, b) {
        if answer(a, &t) != answer(b, &t) && !touched.contains(&t) {
            return Err(format!("{t:?} changed but was not notified ({touched:?})"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// An edit, its undo and its redo each notify every topic whose answer they changed, so a
    /// view that reads through topics never shows a stale value.
    #[test]
    fn edits_undo_and_redo_notify_everything_they_change(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..60),
    ) {
        let mut m = start(which);
        let mut h = History::new(10_000);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let before = m.clone();
            if let Ok(t) = h.apply_touched(&mut m, edit.clone(), false) {
                let r = touched_covers(&before, &m, &t);
                prop_assert!(r.is_ok(), "{:?}: {}", edit, r.unwrap_err());
            }
        }
        loop {
            let before = m.clone();
            let Some(t) = h.undo_touched(&mut m) else { break };
            let r = touched_covers(&before, &m, &t);
            prop_assert!(r.is_ok(), "undo: {}", r.unwrap_err());
        }
        loop {
            let before = m.clone();
            let Some(t) = h.redo_touched(&mut m) else { break };
            let r = touched_covers(&before, &m, &t);
            prop_assert!(r.is_ok(), "redo: {}", r.unwrap_err());
        }
    }
}

#[test]
fn a_field_edit_touches_one_topic() {
    let mut m = large_model(3, 30);
    let id = m.kpis.keys().next().unwrap().clone();
    let t = History::default()
        .apply_touched(
            &mut m,
            Edit::SetKpi {
                id: id.clone(),
                field: KpiField::Name("x".into()),
            },
            true,
        )
        .unwrap();
    assert_eq!(
        t.iter().collect::<Vec<_>>(),
        vec![&Topic::Fields(Target::Kpi(id))]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A version that did not come from an edit here (another tab's save, a merge) notifies
    /// through `Touched::between`: every topic whose answer differs, and only those.
    #[test]
    fn between_two_versions_notifies_exactly_what_differs(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 0..40),
    ) {
        let start_model = start(which);
        let mut m = start_model.clone();
        let mut h = History::new(10_000);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let _ = h.apply_touched(&mut m, edit, false);
        }
        for (a, b) in [(&start_model, &m), (&m, &start_model)] {
            let t = Touched::between(a, b);
            let r = touched_covers(a, b, &t);
            prop_assert!(r.is_ok(), "{}", r.unwrap_err());
            for topic in t.iter() {
                prop_assert!(
                    answer(a, topic) != answer(b, topic),
                    "{:?} notified but unchanged",
                    topic
                );
            }
        }
        prop_assert!(Touched::between(&m, &m).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every edit and every inverse that is journaled (what the interface makes) reads
    /// back from the journal as it was written: an edit that waited for the edit engine is
    /// the same edit when it runs after a reload. The rest says so (`None`).
    #[test]
    fn journaled_edits_read_back_as_they_were_written(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..60),
    ) {
        let mut m = start(which);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            let mut both = vec![edit.clone()];
            if let Ok(inverse) = m.apply(edit) {
                both.push(inverse);
            }
            for e in both {
                let step = Step::Change(Change::Edit { edit: e, coalesce: op.4 });
                let Some(text) = step.encode() else {
                    // What the interface makes is always journaled.
                    let made_by_ui = matches!(
                        &step,
                        Step::Change(Change::Edit {
                            edit: Edit::SetKpi { .. } | Edit::SetValue { .. } | Edit::DeleteChain { .. },
                            ..
                        })
                    );
                    prop_assert!(!made_by_ui, "not journaled: {:?}", step);
                    continue;
                };
                prop_assert_eq!(Step::decode(&text), Some(step), "{}", text);
            }
        }
    }
}
