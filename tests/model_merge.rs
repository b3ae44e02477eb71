//! Merging two copies of a model: the flat form round-trips, and the merge laws hold for
//! random edits (property tests).

use kpi_structure::model::flat::{flatten, unflatten};
use kpi_structure::model::merge::{merge, Side};
use kpi_structure::model::*;
use proptest::prelude::*;

mod support;
use support::coffee;

/// One random edit on `m`, touching element number `which` (of its kind); may be refused.
fn edit(m: &Model, kind: u8, which: usize, n: u16) -> Option<Edit> {
    let kpi = m.kpis.keys().nth(which % m.kpis.len().max(1))?.clone();
    let chain = m.chains.keys().nth(which % m.chains.len().max(1))?.clone();
    let goal = m.goals.keys().nth(which % m.goals.len().max(1))?.clone();
    Some(match kind % 9 {
        0 => Edit::SetKpi {
            id: kpi,
            field: KpiField::Name(format!("KPI {n}")),
        },
        1 => Edit::SetKpi {
            id: kpi,
            field: KpiField::Target(Some(f64::from(n % 100))),
        },
        2 => Edit::SetValue {
            kpi,
            period: Period::Month {
                y: 2026,
                m: u32::from(n % 12) + 1,
            },
            value: Some(f64::from(n)),
        },
        3 => Edit::SetGoal {
            id: goal,
            field: GoalField::Description(format!("d{n}")),
        },
        4 => Edit::SetChain {
            id: chain,
            field: ChainField::Owner(format!("o{n}")),
        },
        5 => Edit::AddGoal {
            goal: Goal {
                id: Id::new(format!("g-new-{n}")),
                name: format!("Goal {n}"),
                description: String::new(),
                extra: Default::default(),
            },
            index: None,
        },
        6 => {
            let links = &m.chains[&chain].links;
            let link = links.get(which % links.len().max(1))?.id.clone();
            Edit::MoveLink {
                chain,
                link,
                to: usize::from(n) % links.len(),
            }
        }
        7 => Edit::DeleteKpi { id: kpi },
        _ => Edit::SetComment {
            kpi,
            period: Period::Month { y: 2026, m: 3 },
            comment: format!("c{n}"),
        },
    })
}

fn edited(base: &Model, ops: &[(u8, usize, u16)]) -> Model {
    let mut m = base.clone();
    for (k, w, n) in ops {
        if let Some(e) = edit(&m, *k, *w, *n) {
            let _ = m.apply(e);
        }
    }
    m
}

fn ops() -> impl Strategy<Value = Vec<(u8, usize, u16)>> {
    prop::collection::vec((any::<u8>(), any::<usize>(), any::<u16>()), 0..8)
}

#[test]
fn the_flat_form_round_trips_every_template() {
    let m = coffee();
    assert_eq!(unflatten(&flatten(&m), &m), m);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn the_flat_form_round_trips_edited_models(a in ops()) {
        let m = edited(&coffee(), &a);
        prop_assert_eq!(unflatten(&flatten(&m), &m), m);
    }

    #[test]
    fn merging_a_copy_with_itself_or_with_the_base_changes_nothing(a in ops()) {
        let base = coffee();
        let mine = edited(&base, &a);
        let same = merge(Some(&base), &mine, &mine);
        prop_assert!(same.conflicts.is_empty());
        prop_assert_eq!(&same.resolve(&mine, &[]), &mine);
        // merge(base, base, b) = b
        let theirs = merge(Some(&base), &base, &mine);
        prop_assert!(theirs.conflicts.is_empty());
        prop_assert_eq!(unflatten(&theirs.flat, &mine), mine.clone());
        // merge(base, a, base) = a
        let back = merge(Some(&base), &mine, &base);
        prop_assert!(back.conflicts.is_empty());
        prop_assert_eq!(back.resolve(&mine, &[]), mine);
    }

    #[test]
    fn conflicts_are_exactly_the_fields_changed_differently_on_both_sides(a in ops(), b in ops()) {
        let base = coffee();
        let (mine, theirs) = (edited(&base, &a), edited(&base, &b));
        let (fb, fm, ft) = (flatten(&base), flatten(&mine), flatten(&theirs));
        let merged = merge(Some(&base), &mine, &theirs);
        for c in &merged.conflicts {
            prop_assert!(fm.get(&c.key) != fb.get(&c.key), "{} unchanged in mine", c.key);
            prop_assert!(ft.get(&c.key) != fb.get(&c.key), "{} unchanged in theirs", c.key);
            prop_assert!(fm.get(&c.key) != ft.get(&c.key), "{} changed alike", c.key);
        }
        // A field changed on one side only is taken from that side.
        for (k, v) in &fm {
            if ft.get(k) == fb.get(k) && fb.get(k) != Some(v) && !k.contains("/order/") && !k.starts_with("order/") {
                prop_assert_eq!(merged.flat.get(k), Some(v), "{} changed in mine only", k);
            }
        }
        for (k, v) in &ft {
            if fm.get(k) == fb.get(k) && fb.get(k) != Some(v) && !k.contains("/order/") && !k.starts_with("order/") {
                prop_assert_eq!(merged.flat.get(k), Some(v), "{} changed in theirs only", k);
            }
        }
        // Whatever is decided, the result is a valid model.
        let all_theirs = vec![Side::Theirs; merged.conflicts.len()];
        prop_assert!(merged.resolve(&mine, &all_theirs).validate().is_empty());
        prop_assert!(merged.resolve(&mine, &[]).validate().is_empty());
    }
}

#[test]
fn disjoint_edits_are_both_in_the_merge() {
    let base = coffee();
    let kpis: Vec<Id> = base.kpis.keys().cloned().collect();
    let mut mine = base.clone();
    mine.apply(Edit::SetKpi {
        id: kpis[0].clone(),
        field: KpiField::Name("Renamed by the consultant".into()),
    })
    .unwrap();
    let mut theirs = base.clone();
    theirs
        .apply(Edit::SetValue {
            kpi: kpis[3].clone(),
            period: Period::Month { y: 2026, m: 12 },
            value: Some(99.0),
        })
        .unwrap();
    let c = base.chains.keys().next().unwrap().clone();
    theirs
        .apply(Edit::AddLink {
            chain: c.clone(),
            link: Link {
                id: Id::new("l-client"),
                name: "Client's new link".into(),
                ..Link::default()
            },
            index: Some(1),
        })
        .unwrap();
    let merged = merge(Some(&base), &mine, &theirs);
    assert!(merged.conflicts.is_empty());
    let r = merged.resolve(&mine, &[]);
    assert_eq!(r.kpis[&kpis[0]].name, "Renamed by the consultant");
    assert_eq!(
        r.kpis[&kpis[3]]
            .values
            .get(&Period::Month { y: 2026, m: 12 }),
        Some(99.0)
    );
    assert_eq!(r.chains[&c].links[1].name, "Client's new link");
}

#[test]
fn the_same_field_changed_differently_asks_and_takes_the_choice() {
    let base = coffee();
    let k = base.kpis.keys().next().unwrap().clone();
    let set = |t: f64| {
        let mut m = base.clone();
        m.apply(Edit::SetKpi {
            id: k.clone(),
            field: KpiField::Target(Some(t)),
        })
        .unwrap();
        m
    };
    let (mine, theirs) = (set(97.0), set(98.0));
    let merged = merge(Some(&base), &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert!(merged.conflicts[0].key.ends_with("/target"));
    assert_eq!(
        merged.resolve(&mine, &[Side::Mine]).kpis[&k].target,
        Some(97.0)
    );
    assert_eq!(
        merged.resolve(&mine, &[Side::Theirs]).kpis[&k].target,
        Some(98.0)
    );
    // Without the common version every difference asks.
    assert_eq!(merge(None, &mine, &theirs).conflicts.len(), 1);
}

#[test]
fn a_kpi_deleted_on_one_side_and_edited_on_the_other_is_kept_with_the_edit() {
    let base = coffee();
    let k = base.kpis.keys().nth(4).unwrap().clone();
    let mut mine = base.clone();
    mine.apply(Edit::DeleteKpi { id: k.clone() }).unwrap();
    let mut theirs = base.clone();
    theirs
        .apply(Edit::SetKpi {
            id: k.clone(),
            field: KpiField::Unit("days".into()),
        })
        .unwrap();
    let r = merge(Some(&base), &mine, &theirs).resolve(&mine, &[]);
    assert_eq!(r.kpis[&k].unit, "days");
}

#[test]
fn two_way_an_element_in_one_copy_only_is_one_choice_kept_or_dropped_whole() {
    let base = coffee();
    let mut theirs = base.clone();
    let chain = base.chains.keys().next().unwrap().clone();
    let mut kpi = Kpi::new(
        Id::new("k-new"),
        "Right parts in the van, checked",
        Attach::Chain {
            chain: chain.clone(),
        },
    );
    kpi.unit = "%".into();
    kpi.target = Some(95.0);
    theirs
        .apply(Edit::AddKpi {
            kpi: Box::new(kpi),
            index: None,
        })
        .unwrap();
    let merged = merge(None, &base, &theirs);
    let element: Vec<&str> = merged
        .conflicts
        .iter()
        .filter(|c| c.key.starts_with("kpi/k-new"))
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(element, ["kpi/k-new"], "its fields ask with it, not apart");
    let at = merged
        .conflicts
        .iter()
        .position(|c| c.key == "kpi/k-new")
        .unwrap();
    assert!(merged.conflicts[at].inner.len() >= 3);
    let mut sides = vec![Side::Mine; merged.conflicts.len()];
    assert!(!merged
        .resolve(&base, &sides)
        .kpis
        .contains_key(&Id::new("k-new")));
    sides[at] = Side::Theirs;
    let kept = merged.resolve(&base, &sides);
    assert_eq!(
        kept.kpis[&Id::new("k-new")].name,
        "Right parts in the van, checked"
    );
    assert_eq!(kept.kpis[&Id::new("k-new")].target, Some(95.0));
    assert!(kept.validate().is_empty());
}
