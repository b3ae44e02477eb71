//! Views cannot go stale: a view model computed through a `Reader` depends on exactly the
//! topics it read, and re-runs only when an edit (or its undo or redo) touched one of them, as
//! the shell does (`ui::doc::Doc::read`). After random edit sequences with undo and redo, every
//! live view model equals the one computed from scratch: the Structure diagram's skeleton, the
//! Matrix, every row of the KPIs table, every Health finding's sentence, the Values grid's
//! rows and each chain's Meeting rows.

use std::collections::HashMap;

use kpi_structure::model::queries::department_matrix;
use kpi_structure::model::*;
use kpi_structure::present::diagram::layout::Skeleton;
use kpi_structure::present::kpi_table::read_row_data;
use kpi_structure::present::meeting::{read_meeting_rows, MeetingRow};
use kpi_structure::present::values_grid::{read_grid_rows, GridRow};
use proptest::prelude::*;

mod edits;
use edits::{edit_for, op, start};

/// One live view model: its value and the topics its last run read.
struct Live<T> {
    value: T,
    topics: Vec<Topic>,
}

impl<T: PartialEq + std::fmt::Debug> Live<T> {
    fn run(m: &Model, f: &impl Fn(&Reader) -> T) -> Live<T> {
        let r = Reader::new(m);
        let value = f(&r);
        Live {
            value,
            topics: r.into_topics(),
        }
    }

    /// Re-runs if `touched` names a topic it read (what a subscription does).
    fn notify(&mut self, m: &Model, touched: &Touched, f: &impl Fn(&Reader) -> T) {
        if self.topics.iter().any(|t| touched.contains(t)) {
            *self = Live::run(m, f);
        }
    }
}

/// The views of one model, kept live as the shell keeps them.
struct Views {
    skeleton: Live<Skeleton>,
    matrix: Live<DepartmentMatrix>,
    rows: HashMap<Id, Live<Option<kpi_structure::present::kpi_table::RowData>>>,
    findings: Vec<(Finding, Live<String>)>,
    grid: Live<Vec<GridRow>>,
    meetings: HashMap<Id, Live<Vec<MeetingRow>>>,
}

fn meeting(chain: Id) -> impl Fn(&Reader) -> Vec<MeetingRow> {
    move |r| read_meeting_rows(r, &chain)
}

fn row(id: Id) -> impl Fn(&Reader) -> Option<kpi_structure::present::kpi_table::RowData> {
    move |r| read_row_data(r, &id)
}

fn message(f: Finding) -> impl Fn(&Reader) -> String {
    move |r| f.read_message(r, Lang::En)
}

impl Views {
    fn mount(m: &Model) -> Views {
        Views {
            skeleton: Live::run(m, &Skeleton::read),
            matrix: Live::run(m, &department_matrix),
            rows: m
                .kpis
                .keys()
                .map(|id| (id.clone(), Live::run(m, &row(id.clone()))))
                .collect(),
            findings: check(m)
                .into_iter()
                .map(|f| {
                    let live = Live::run(m, &message(f.clone()));
                    (f, live)
                })
                .collect(),
            grid: Live::run(m, &read_grid_rows),
            meetings: m
                .chains
                .keys()
                .map(|c| (c.clone(), Live::run(m, &meeting(c.clone()))))
                .collect(),
        }
    }

    /// After a change: the subscribed views re-run; the KPI list mounts rows of new KPIs and
    /// drops gone ones (the list itself reads `Kpis`). The findings list is the one of before
    /// the change (the checks re-run only once typing settles), each sentence live.
    fn notify(&mut self, m: &Model, touched: &Touched) {
        self.skeleton.notify(m, touched, &Skeleton::read);
        self.matrix.notify(m, touched, &department_matrix);
        self.rows.retain(|id, _| m.kpis.contains_key(id));
        for id in m.kpis.keys() {
            match self.rows.get_mut(id) {
                Some(live) => live.notify(m, touched, &row(id.clone())),
                None => {
                    self.rows.insert(id.clone(), Live::run(m, &row(id.clone())));
                }
            }
        }
        for (f, live) in &mut self.findings {
            live.notify(m, touched, &message(f.clone()));
        }
        self.grid.notify(m, touched, &read_grid_rows);
        // The Meeting view shows one chain at a time; keep one live per chain that exists.
        self.meetings.retain(|c, _| m.chains.contains_key(c));
        for c in m.chains.keys() {
            match self.meetings.get_mut(c) {
                Some(live) => live.notify(m, touched, &meeting(c.clone())),
                None => {
                    self.meetings
                        .insert(c.clone(), Live::run(m, &meeting(c.clone())));
                }
            }
        }
    }

    /// The checks settled: findings still there keep their live sentence, new ones mount.
    fn settle(&mut self, m: &Model) {
        let mut old: Vec<(Finding, Live<String>)> = std::mem::take(&mut self.findings);
        for f in check(m) {
            let live = match old.iter().position(|(o, _)| *o == f) {
                Some(i) => old.swap_remove(i).1,
                None => Live::run(m, &message(f.clone())),
            };
            self.findings.push((f, live));
        }
    }

    fn equal_to_fresh(&self, m: &Model) -> Result<(), String> {
        let fresh = Views::mount(m);
        if self.skeleton.value != fresh.skeleton.value {
            return Err("Structure skeleton is stale".into());
        }
        if self.matrix.value != fresh.matrix.value {
            return Err("Matrix is stale".into());
        }
        for (id, live) in &self.rows {
            if live.value != fresh.rows[id].value {
                return Err(format!(
                    "KPI row {id:?}: {:?} != {:?}",
                    live.value, fresh.rows[id].value
                ));
            }
        }
        if self.grid.value != fresh.grid.value {
            return Err("Values grid rows are stale".into());
        }
        for (c, live) in &self.meetings {
            if live.value != fresh.meetings[c].value {
                return Err(format!("meeting of {c:?} is stale"));
            }
        }
        for (f, live) in &self.findings {
            let now = f.message(m, Lang::En);
            if live.value != now {
                return Err(format!("finding: “{}” != “{now}”", live.value));
            }
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn live_views_equal_views_computed_from_scratch(
        which in 0u8..3,
        ops in prop::collection::vec(op(), 1..60),
        settle_every in 1usize..8,
    ) {
        let mut m = start(which);
        let mut h = History::new(10_000);
        let mut views = Views::mount(&m);
        for (n, op) in ops.iter().enumerate() {
            let edit = edit_for(&m, *op, n);
            if let Ok(t) = h.apply_touched(&mut m, edit.clone(), op.4) {
                views.notify(&m, &t);
                let r = views.equal_to_fresh(&m);
                prop_assert!(r.is_ok(), "after {:?}: {}", edit, r.unwrap_err());
            }
            if n % settle_every == 0 {
                views.settle(&m);
            }
        }
        while let Some(t) = h.undo_touched(&mut m) {
            views.notify(&m, &t);
            let r = views.equal_to_fresh(&m);
            prop_assert!(r.is_ok(), "undo: {}", r.unwrap_err());
        }
        while let Some(t) = h.redo_touched(&mut m) {
            views.notify(&m, &t);
            let r = views.equal_to_fresh(&m);
            prop_assert!(r.is_ok(), "redo: {}", r.unwrap_err());
        }
    }
}

/// The case the issue names: a drives-cycle finding names every KPI on the cycle; renaming
/// the second one updates the sentence (the hand-kept list watched only the first).
#[test]
fn renaming_any_kpi_of_a_cycle_updates_its_finding() {
    let mut m = large_model(3, 30);
    let ids: Vec<Id> = m.kpis.keys().take(2).cloned().collect();
    for (a, b) in [(0, 1), (1, 0)] {
        m.kpis[&ids[a]].drives = vec![ids[b].clone()];
    }
    let f = check(&m)
        .into_iter()
        .find(|f| matches!(f.kind, CheckKind::DrivesCycle { .. }))
        .expect("a cycle finding");
    let mut live = Live::run(&m, &message(f.clone()));
    let mut h = History::new(100);
    for id in &ids {
        let edit = Edit::SetKpi {
            id: id.clone(),
            field: KpiField::Name(format!("Renamed {id:?}")),
        };
        let t = h.apply_touched(&mut m, edit, false).unwrap();
        live.notify(&m, &t, &message(f.clone()));
        assert_eq!(live.value, f.message(&m, Lang::En));
        assert!(live.value.contains(&format!("Renamed {id:?}")));
    }
}
