//! Checks 5 to 11: KPIs at their level (what they drive, what drives them, how many result
//! KPIs, goals without one), cycles in the drives relation and KPI definitions.

use super::{cycles, CheckKind, Facts, Finding, MAX_RESULT_KPIS};
use crate::model::target::Target;
use crate::model::types::{Direction, Level};

/// 5. A chain KPI drives no result KPI.
pub(super) fn chain_kpi_drives_no_result(f: &Facts, out: &mut Vec<Finding>) {
    for (id, k) in &f.model.kpis {
        if k.level() == Level::Chain
            && !k
                .drives
                .iter()
                .any(|t| f.level_of(t) == Some(Level::Result))
        {
            out.push(Finding::new(
                CheckKind::ChainKpiDrivesNoResult,
                Target::Kpi(id.clone()),
            ));
        }
    }
}

/// 6. A result KPI is driven by no chain KPI.
pub(super) fn result_kpi_not_driven(f: &Facts, out: &mut Vec<Finding>) {
    for (id, k) in &f.model.kpis {
        if k.level() == Level::Result && !f.driven_results.contains(id) {
            out.push(Finding::new(
                CheckKind::ResultKpiNotDriven,
                Target::Kpi(id.clone()),
            ));
        }
    }
}

/// 7. More than [`MAX_RESULT_KPIS`] result KPIs in the model.
pub(super) fn too_many_result_kpis(f: &Facts, out: &mut Vec<Finding>) {
    if f.result_count > MAX_RESULT_KPIS {
        out.push(Finding::new(
            CheckKind::TooManyResultKpis {
                count: f.result_count,
            },
            Target::Model,
        ));
    }
}

/// 8. A goal has no result KPI.
pub(super) fn goal_no_result_kpi(f: &Facts, out: &mut Vec<Finding>) {
    for id in f.model.goals.keys() {
        if !f.goals_with_result.contains(id) {
            out.push(Finding::new(
                CheckKind::GoalNoResultKpi,
                Target::Goal(id.clone()),
            ));
        }
    }
}

/// 9. The drives relation has a cycle (imported files only): one finding per cycle.
pub(super) fn drives_cycle(f: &Facts, out: &mut Vec<Finding>) {
    for cycle in cycles(f.model) {
        let first = cycle.first().cloned().unwrap_or_default();
        out.push(Finding::new(
            CheckKind::DrivesCycle { cycle },
            Target::Kpi(first),
        ));
    }
}

/// 10. A KPI lacks unit, direction or a complete norm (`target` is true without one).
pub(super) fn kpi_incomplete(f: &Facts, out: &mut Vec<Finding>) {
    for (id, k) in &f.model.kpis {
        let unit = k.unit.trim().is_empty();
        let direction = k.direction == Direction::Unset;
        // Without a direction the numbers it needs are unknown: any number counts as begun.
        let target = if direction {
            [k.target, k.red, k.low, k.high, k.tolerance]
                .iter()
                .all(Option::is_none)
        } else {
            k.norm().is_none()
        };
        if unit || direction || target {
            out.push(Finding::new(
                CheckKind::KpiIncomplete {
                    unit,
                    direction,
                    target,
                },
                Target::Kpi(id.clone()),
            ));
        }
    }
}

/// 11. A link KPI drives no chain KPI.
pub(super) fn link_kpi_drives_no_chain_kpi(f: &Facts, out: &mut Vec<Finding>) {
    for (id, k) in &f.model.kpis {
        if k.level() == Level::Link && !k.drives.iter().any(|t| f.level_of(t) == Some(Level::Chain))
        {
            out.push(Finding::new(
                CheckKind::LinkKpiDrivesNoChainKpi,
                Target::Kpi(id.clone()),
            ));
        }
    }
}
