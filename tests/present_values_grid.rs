//! The Values grid's rows, slots and keyboard steps.

use kpi_structure::model::missing::{waiting_for_values, Waiting};
use kpi_structure::model::*;
use kpi_structure::present::values_grid::{
    cell_value, grid_rows, kpi_count, read_my_grid_rows, slot_months, slot_period, step,
    waiting_line, waiting_summary, GridRow, Move, SLOTS,
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
                    Attach::Handover { chain, link } => Target::Handover {
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

#[test]
fn my_kpis_keep_only_the_kpis_i_own_under_their_headings() {
    let m = coffee();
    let all = grid_rows(&m);
    let mine = read_my_grid_rows(&Reader::new(&m), " service DIRECTOR");
    let kpis = |rows: &[GridRow]| -> Vec<Id> {
        rows.iter()
            .filter_map(|r| match r {
                GridRow::Kpi(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    };
    let want: Vec<Id> = kpis(&all)
        .into_iter()
        .filter(|id| m.kpis[id].owner == "Service director")
        .collect();
    assert_eq!(want.len(), 3);
    assert_eq!(kpis(&mine), want);
    // Each heading is the one of the full grid, and only where one of mine follows.
    for (i, r) in mine.iter().enumerate() {
        if let GridRow::Group(_) = r {
            assert!(matches!(mine.get(i + 1), Some(GridRow::Kpi(_))), "{r:?}");
            assert!(all.contains(r));
        }
    }
    let j = |r: &GridRow| all.iter().position(|a| a == r).unwrap();
    assert!(mine.windows(2).all(|w| j(&w[0]) < j(&w[1])));
    // Nobody, or nobody's name: nothing.
    assert!(read_my_grid_rows(&Reader::new(&m), "").is_empty());
    assert!(read_my_grid_rows(&Reader::new(&m), "Anna").is_empty());
}

#[test]
fn waiting_lines_count_kpis_in_both_languages() {
    let w = |owner: &str, n: usize| Waiting {
        owner: owner.into(),
        kpis: (0..n).map(|i| Id::new(format!("k{i}"))).collect(),
    };
    assert_eq!(waiting_line(&w("Anna", 3), Lang::En), "Anna: 3 KPIs");
    assert_eq!(waiting_line(&w("Anna", 3), Lang::Nl), "Anna: 3 KPI's");
    assert_eq!(waiting_line(&w("Ben", 1), Lang::En), "Ben: 1 KPI");
    assert_eq!(waiting_line(&w("Ben", 1), Lang::Nl), "Ben: 1 KPI");
    assert_eq!(waiting_line(&w("", 2), Lang::En), "No owner: 2 KPIs");
    assert_eq!(waiting_line(&w("", 2), Lang::Nl), "Geen eigenaar: 2 KPI's");
    assert_eq!(kpi_count(0, Lang::En), "0 KPIs");
    // As of 2026-12 the coffee model waits for every KPI (its values run to 2026-11).
    let m = coffee();
    let waiting = waiting_for_values(&m, (2026, 12));
    assert_eq!(
        waiting_summary(&waiting, (2026, 12), Lang::En),
        format!("Waiting for values for 2026-12: {} KPIs", m.kpis.len())
    );
    assert_eq!(
        waiting_summary(&waiting_for_values(&m, (2026, 11)), (2026, 11), Lang::Nl),
        "Wachten op waarden voor 2026-11: geen, elke KPI heeft zijn waarde"
    );
}
