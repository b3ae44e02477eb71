//! Property tests: random edit sequences, generated against the current model so that many
//! are valid and some are not, keep every invariant; a refused edit changes nothing; undoing
//! everything gives back the starting model exactly, and redoing everything the end model.

use kpi_structure::model::meeting::MeetingAt;
use kpi_structure::model::*;
use kpi_structure::session::{Change, Step};
use proptest::prelude::*;

mod edits;
use edits::{edit_for, op, start};

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
        out.extend(
            m.departments
                .keys()
                .map(|d| Topic::Meeting(MeetingAt::Department(d.clone()))),
        );
        out.push(Topic::Meeting(MeetingAt::Mt));
        for (c, chain) in &m.chains {
            out.push(Topic::Fields(Target::Chain(c.clone())));
            out.push(Topic::Links(c.clone()));
            out.push(Topic::Meeting(MeetingAt::Chain(c.clone())));
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
        Topic::Fields(Target::Model) => format!(
            "{:?}",
            (&m.name, &m.organisation, &m.description, &m.management_team)
        ),
        // A handover has no fields of its own: its text is its link's.
        Topic::Fields(Target::Handover { .. }) => String::new(),
        Topic::Fields(Target::Goal(id)) => format!("{:?}", m.goals.get(id)),
        Topic::Fields(Target::Department(id)) => format!(
            "{:?}",
            m.departments.get(id).map(|d| Department {
                meeting: Default::default(),
                ..d.clone()
            })
        ),
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
        Topic::Meeting(at) => format!("{:?}", m.meeting(at)),
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
