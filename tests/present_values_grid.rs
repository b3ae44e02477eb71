//! The Values grid's rows, slots and keyboard steps.

use kpi_structure::model::*;
use kpi_structure::present::values_grid::{
    cell_value, grid_rows, slot_months, slot_period, step, GridRow, Move, SLOTS,
};

mod support;
use support::coffee;

#[test]
fn rows_group_every_kpi_once_under_its_goal_chain_or_link() {
    let m = coffee();
    let rows = grid_rows(&m);
    let kpis: Vec<&Id> = rows
        .iter()
        .filter_map(|r| match r {
            GridRow::Kpi(id) => Some(id),
            _ => None,
        })
        .collect();
    assert_eq!(kpis.len(), m.kpis.len());
    let mut seen = std::collections::HashSet::new();
    assert!(kpis.iter().all(|k| seen.insert(*k)));
    // Every KPI follows the heading of where it hangs.
    let mut heading: Option<&Target> = None;
    for r in &rows {
        match r {
            GridRow::Group(t) => heading = Some(t),
            GridRow::Kpi(id) => {
                let want = match &m.kpis[id].at {
                    Attach::Result { goal } => Target::Goal(goal.clone()),
                    Attach::Chain { chain } => Target::Chain(chain.clone()),
                    Attach::Link { chain, link } => Target::Link {
                        chain: chain.clone(),
                        link: link.clone(),
                    },
                };
                assert_eq!(heading, Some(&want));
            }
        }
    }
    assert!(matches!(rows[0], GridRow::Group(Target::Goal(_))));
}

#[test]
fn the_last_slot_is_each_kpis_period_as_of_the_month() {
    let as_of = (2026, 2);
    assert_eq!(
        slot_period(Frequency::Monthly, as_of, SLOTS - 1),
        Some(Period::Month { y: 2026, m: 2 })
    );
    assert_eq!(
        slot_period(Frequency::Monthly, as_of, 0),
        Some(Period::Month { y: 2023, m: 3 })
    );
    // Quarterly: only the months a quarter ends in have a cell.
    assert_eq!(slot_period(Frequency::Quarterly, as_of, SLOTS - 1), None);
    assert_eq!(
        slot_period(Frequency::Quarterly, as_of, SLOTS - 3),
        Some(Period::Quarter { y: 2025, q: 4 })
    );
    assert_eq!(slot_period(Frequency::Quarterly, as_of, SLOTS - 4), None);
    assert_eq!(
        slot_period(Frequency::Yearly, as_of, SLOTS - 3),
        Some(Period::Year { y: 2025 })
    );
    // Weekly: the last week ending in each month (Sunday 22 February 2026 ends 2026-W08).
    assert_eq!(
        slot_period(Frequency::Weekly, as_of, SLOTS - 1),
        Some(Period::Week { y: 2026, w: 8 })
    );
    assert_eq!(slot_period(Frequency::Unset, as_of, 3), None);
    let months = slot_months(as_of);
    assert_eq!(months.len(), SLOTS);
    assert_eq!(months[SLOTS - 1], Period::Month { y: 2026, m: 2 });
}

#[test]
fn steps_skip_headings_and_stop_at_edges() {
    let g = GridRow::Group(Target::Model);
    let k = |s: &str| GridRow::Kpi(Id::new(s));
    let rows = vec![g.clone(), k("a"), g.clone(), g, k("b")];
    assert_eq!(step(&rows, (1, 3), Move::Down), (4, 3));
    assert_eq!(step(&rows, (4, 3), Move::Down), (4, 3));
    assert_eq!(step(&rows, (4, 3), Move::Up), (1, 3));
    assert_eq!(step(&rows, (1, 3), Move::Up), (1, 3));
    assert_eq!(step(&rows, (1, 0), Move::Left), (1, 0));
    assert_eq!(step(&rows, (1, SLOTS - 1), Move::Right), (1, SLOTS - 1));
    assert_eq!(step(&rows, (1, 7), Move::End), (1, SLOTS - 1));
    assert_eq!(step(&rows, (1, 7), Move::Home), (1, 0));
}

#[test]
fn a_cell_is_read_from_the_model_as_it_is() {
    let mut m = coffee();
    let as_of = (2026, 10);
    let id = m
        .kpis
        .values()
        .find(|k| k.frequency == Frequency::Monthly)
        .map(|k| k.id.clone())
        .expect("a monthly KPI");
    let last = Period::Month { y: 2026, m: 10 };
    let k = m.kpis.get_mut(&id).expect("the KPI");
    k.values.set(last, Some(97.5));
    k.values.set(Period::Month { y: 2026, m: 9 }, None);
    assert_eq!(
        cell_value(&m, &id, as_of, SLOTS - 1),
        Some((last, Some(97.5)))
    );
    // A period without a value.
    assert_eq!(
        cell_value(&m, &id, as_of, SLOTS - 2),
        Some((Period::Month { y: 2026, m: 9 }, None))
    );
    // No period there (no frequency), or the KPI is gone.
    m.kpis.get_mut(&id).expect("the KPI").frequency = Frequency::Unset;
    assert_eq!(cell_value(&m, &id, as_of, SLOTS - 1), None);
    assert_eq!(cell_value(&m, &Id::new("gone"), as_of, SLOTS - 1), None);
}
