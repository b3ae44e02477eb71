//! Status read bottom-up along "drives", and per element (goal, chain, link).
//!
//! Every function takes the model and a map KPI id → [`Status`] (computed by the caller for
//! one period each). A KPI missing from the map counts as [`Status::NoValue`]. Nothing here
//! walks the drives relation transitively, so a file with a cycle in it cannot make it loop.
//!
//! **Roll-up rule** ([`combine`]): the worst known status (off target, then at risk, then on
//! target); if none is known, no norm when none of them has a norm, otherwise no value;
//! `None` when there is nothing to combine.

use std::collections::{HashMap, HashSet};

use super::id::Id;
use super::norm::Status;
use super::types::{Attach, Model};

/// The status of each KPI for one period.
pub type Statuses = HashMap<Id, Status>;

fn status_of(statuses: &Statuses, kpi: &Id) -> Status {
    statuses.get(kpi).copied().unwrap_or(Status::NoValue)
}

/// Several statuses as one, by the roll-up rule in the module documentation.
pub fn combine(statuses: impl IntoIterator<Item = Status>) -> Option<Status> {
    let mut worst: Option<Status> = None;
    let mut any = false;
    let mut all_no_norm = true;
    for s in statuses {
        any = true;
        all_no_norm &= s == Status::NoNorm;
        if s.severity() > worst.and_then(Status::severity) {
            worst = Some(s);
        }
    }
    match (any, worst) {
        (false, _) => None,
        (true, Some(w)) => Some(w),
        (true, None) if all_no_norm => Some(Status::NoNorm),
        (true, None) => Some(Status::NoValue),
    }
}

/// The KPIs that drive `kpi` directly (whose `drives` contain it), each once, in model order.
fn drivers<'m>(model: &'m Model, kpi: &Id) -> Vec<&'m Id> {
    let mut seen = HashSet::new();
    model
        .driven_by(kpi)
        .into_iter()
        .filter(|d| *d != kpi && seen.insert(*d))
        .collect()
}

/// The worst status among the KPIs that drive `kpi` (roll-up rule: no value and no norm only
/// when all of them are); `None` when nothing drives it.
pub fn drivers_status(model: &Model, statuses: &Statuses, kpi: &Id) -> Option<Status> {
    combine(
        drivers(model, kpi)
            .into_iter()
            .map(|d| status_of(statuses, d)),
    )
}

/// A goal's status from its result KPIs; `None` when it has none.
pub fn goal_status(model: &Model, statuses: &Statuses, goal: &Id) -> Option<Status> {
    combine(
        model
            .result_kpis_of(goal)
            .map(|k| status_of(statuses, &k.id)),
    )
}

/// A chain's status from its chain KPIs (not its link KPIs); `None` when it has none.
pub fn chain_status(model: &Model, statuses: &Statuses, chain: &Id) -> Option<Status> {
    combine(
        model
            .chain_kpis_of(chain)
            .map(|k| status_of(statuses, &k.id)),
    )
}

/// A link's status from its link KPIs; `None` when it has none.
pub fn link_status(model: &Model, statuses: &Statuses, chain: &Id, link: &Id) -> Option<Status> {
    combine(
        model
            .link_kpis_of(chain, link)
            .map(|k| status_of(statuses, &k.id)),
    )
}

/// The status of whatever `at` names (a goal, a chain or a link), from its KPIs.
pub fn status_at(model: &Model, statuses: &Statuses, at: &Attach) -> Option<Status> {
    match at {
        Attach::Result { goal } => goal_status(model, statuses, goal),
        Attach::Chain { chain } => chain_status(model, statuses, chain),
        Attach::Link { chain, link } => link_status(model, statuses, chain, link),
        Attach::Handover { chain, link } => combine(
            model
                .kpis
                .values()
                .filter(|k| super::handover::is_at(k, chain, link))
                .map(|k| status_of(statuses, &k.id)),
        ),
    }
}

/// The early warning of the method: `kpi` is on target while strictly more than half of its
/// drivers with a known status (on target, at risk, off target) are off target.
pub fn on_target_but_drivers_off(model: &Model, statuses: &Statuses, kpi: &Id) -> bool {
    warns(statuses, kpi, drivers(model, kpi))
}

fn warns<'m>(statuses: &Statuses, kpi: &Id, drivers: impl IntoIterator<Item = &'m Id>) -> bool {
    if status_of(statuses, kpi) != Status::OnTarget {
        return false;
    }
    let (mut known, mut off) = (0usize, 0usize);
    let mut seen = HashSet::new();
    for d in drivers.into_iter().filter(|d| *d != kpi && seen.insert(*d)) {
        let s = status_of(statuses, d);
        known += usize::from(s.is_known());
        off += usize::from(s == Status::OffTarget);
    }
    2 * off > known
}

/// Every KPI for which [`on_target_but_drivers_off`] holds, in model order (one pass over the
/// drives relation).
pub fn early_warnings<'m>(model: &'m Model, statuses: &Statuses) -> Vec<&'m Id> {
    let reverse = model.reverse_drives();
    model
        .kpis
        .keys()
        .filter(|id| {
            let ds = reverse.get(id).map(Vec::as_slice).unwrap_or_default();
            warns(statuses, id, ds.iter().copied())
        })
        .collect()
}
