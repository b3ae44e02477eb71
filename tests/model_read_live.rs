//! Views cannot go stale: a view model computed through a `Reader` depends on exactly the
//! topics it read, and re-runs only when an edit (or its undo or redo) touched one of them, as
//! the shell does (`ui::doc::Doc::read`). After random edit sequences with undo and redo, every
//! live view model equals the one computed from scratch: the Structure diagram's skeleton, the
//! Matrix, every row of the KPIs table, every Health finding's sentence and its count of fully
//! defined KPIs, the Values grid's rows, each meeting's rows and "Since the last meeting" (every
//! chain's, every department's and the MT's, with the MT's chain lines and escalated actions),
//! the KPIs of each chain and link, and each KPI's "Drives" candidates, place and name.

use std::collections::HashMap;

use kpi_structure::model::add::{read_chain_context, read_kpi_context};
use kpi_structure::model::completeness::{
    read_completeness, read_model_completeness, ModelCompleteness,
};
use kpi_structure::model::meeting::MeetingAt;
use kpi_structure::model::missing::{read_waiting_for_values, read_waits, Waiting};
use kpi_structure::model::queries::department_matrix;
use kpi_structure::model::steer::Month;
use kpi_structure::model::*;
use kpi_structure::present::chains::{read_chain_of, read_name_of};
use kpi_structure::present::diagram::layout::Skeleton;
use kpi_structure::present::kpi_table::read_row_data;
use kpi_structure::present::meeting::{
    read_chain_lines, read_change_groups, read_escalated_lines, read_goals_without_results,
    read_meeting_rows,
};
use kpi_structure::present::trend_chart::trend_chart;
use kpi_structure::present::values_grid::{read_grid_rows, read_my_grid_rows, GridRow};
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
    /// The Values view's "My KPIs" rows and its "Waiting for values".
    my_grid: Live<Vec<GridRow>>,
    waiting: Live<Vec<Waiting>>,
    /// Health's "KPI definitions": how many are fully defined, what the others miss.
    completeness: Live<ModelCompleteness>,
    /// Per meeting (each chain's, each department's, the MT's): its rows and "Since the last
    /// meeting"; the MT's also its chain lines, escalated actions and goals without results.
    meetings: HashMap<MeetingAt, Live<String>>,
    /// Per chain: the Chains view's KPIs at the chain and at each link.
    chain_parts: HashMap<Id, Live<String>>,
    /// Per KPI: the inspector's "Drives" candidates, its heading's level, the toolbar's Add
    /// context, the shown name and its trend chart.
    kpi_parts: HashMap<Id, Live<String>>,
}

fn chain_part(chain: Id) -> impl Fn(&Reader) -> String {
    move |r| {
        let at = Attach::Chain {
            chain: chain.clone(),
        };
        let mut kpis = vec![r.kpis_at(&at).cloned().collect::<Vec<_>>()];
        for link in r.link_ids(&chain) {
            let at = Attach::Link {
                chain: chain.clone(),
                link: link.clone(),
            };
            kpis.push(r.kpis_at(&at).cloned().collect());
        }
        format!("{kpis:?}")
    }
}

fn kpi_part(kpi: Id) -> impl Fn(&Reader) -> String {
    move |r| {
        let t = Target::Kpi(kpi.clone());
        format!(
            "{:?} {:?} {:?} {:?} {:?} {} {:?} {:?} {:?}",
            r.drive_candidates(&kpi),
            r.driven_by(&kpi),
            read_chain_context(r, &t),
            read_kpi_context(r, &t),
            read_chain_of(r, Some(&t)),
            read_name_of(r, &t, Lang::En),
            // The Values view's "Waiting for values" and Health's definitions, kept per KPI.
            read_waits(r, &kpi, (2026, 6)),
            read_completeness(r, &kpi),
            trend_chart(r, &kpi, (2026, 12), 12, Lang::En),
        )
    }
}

/// Keeps one live part per element that exists: mounts new ones, drops gone ones, re-runs
/// the rest when touched.
fn keep_live<F: Fn(&Reader) -> String>(
    parts: &mut HashMap<Id, Live<String>>,
    ids: Vec<Id>,
    m: &Model,
    touched: &Touched,
    part: impl Fn(Id) -> F,
) {
    parts.retain(|id, _| ids.contains(id));
    for id in ids {
        match parts.get_mut(&id) {
            Some(live) => live.notify(m, touched, &part(id.clone())),
            None => {
                let live = Live::run(m, &part(id.clone()));
                parts.insert(id, live);
            }
        }
    }
}

fn my_grid(r: &Reader) -> Vec<GridRow> {
    read_my_grid_rows(r, "Sales")
}

fn waiting(r: &Reader) -> Vec<Waiting> {
    read_waiting_for_values(r, (2026, 6))
}

fn meeting(at: MeetingAt) -> impl Fn(&Reader) -> String {
    move |r| {
        let as_of: Month = (2026, 6);
        let changes = agenda::read_changes_since(r, &at, as_of)
            .map(|ch| read_change_groups(r, &at, &ch, Lang::En));
        let rows = read_meeting_rows(r, &at);
        let mt = (at == MeetingAt::Mt).then(|| {
            format!(
                "{:?} {:?} {:?}",
                read_chain_lines(r, as_of, Lang::En),
                read_escalated_lines(r, Lang::En),
                read_goals_without_results(r)
            )
        });
        format!("{rows:?} {changes:?} {mt:?}")
    }
}

/// Every meeting of `m`: each chain's, each department's, the MT's.
fn meetings_of(m: &Model) -> Vec<MeetingAt> {
    m.chains
        .keys()
        .map(|c| MeetingAt::Chain(c.clone()))
        .chain(
            m.departments
                .keys()
                .map(|d| MeetingAt::Department(d.clone())),
        )
        .chain([MeetingAt::Mt])
        .collect()
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
            my_grid: Live::run(m, &my_grid),
            waiting: Live::run(m, &waiting),
            completeness: Live::run(m, &read_model_completeness),
            meetings: meetings_of(m)
                .into_iter()
                .map(|at| (at.clone(), Live::run(m, &meeting(at))))
                .collect(),
            chain_parts: m
                .chains
                .keys()
                .map(|c| (c.clone(), Live::run(m, &chain_part(c.clone()))))
                .collect(),
            kpi_parts: m
                .kpis
                .keys()
                .map(|k| (k.clone(), Live::run(m, &kpi_part(k.clone()))))
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
        self.my_grid.notify(m, touched, &my_grid);
        self.waiting.notify(m, touched, &waiting);
        self.completeness
            .notify(m, touched, &read_model_completeness);
        // A meeting view shows one meeting at a time; keep one live per meeting that exists.
        let all = meetings_of(m);
        self.meetings.retain(|at, _| all.contains(at));
        for at in all {
            match self.meetings.get_mut(&at) {
                Some(live) => live.notify(m, touched, &meeting(at.clone())),
                None => {
                    let live = Live::run(m, &meeting(at.clone()));
                    self.meetings.insert(at, live);
                }
            }
        }
        let chains = m.chains.keys().cloned().collect();
        keep_live(&mut self.chain_parts, chains, m, touched, chain_part);
        let kpis = m.kpis.keys().cloned().collect();
        keep_live(&mut self.kpi_parts, kpis, m, touched, kpi_part);
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
        if self.my_grid.value != fresh.my_grid.value {
            return Err("My KPIs rows are stale".into());
        }
        if self.waiting.value != fresh.waiting.value {
            return Err(format!(
                "Waiting for values is stale: {:?} != {:?}",
                self.waiting.value, fresh.waiting.value
            ));
        }
        if self.completeness.value != fresh.completeness.value {
            return Err(format!(
                "KPI definitions are stale: {:?} != {:?}",
                self.completeness.value, fresh.completeness.value
            ));
        }
        for (c, live) in &self.meetings {
            if live.value != fresh.meetings[c].value {
                return Err(format!(
                    "meeting of {c:?} is stale: {} != {}",
                    live.value, fresh.meetings[c].value
                ));
            }
        }
        for (c, live) in &self.chain_parts {
            if live.value != fresh.chain_parts[c].value {
                return Err(format!(
                    "chain {c:?}: {} != {}",
                    live.value, fresh.chain_parts[c].value
                ));
            }
        }
        for (k, live) in &self.kpi_parts {
            if live.value != fresh.kpi_parts[k].value {
                return Err(format!(
                    "KPI {k:?}: {} != {}",
                    live.value, fresh.kpi_parts[k].value
                ));
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
