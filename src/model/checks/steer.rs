//! Checks 13 to 15: steering on the structure, as of the "As of" month. A KPI with a norm but
//! no value for its period, thresholds that contradict the direction, and the method's early
//! warning (on target while most of what drives it is off target).

use super::{CheckKind, Facts, Finding};
use crate::model::rollup::early_warnings;
use crate::model::steer::{period_as_of, statuses};
use crate::model::target::Target;

/// Check 13: a KPI with a norm has no value for its period as of the "As of" month. Only once the
/// model has any value at all: a model still being designed is not measured yet, and one
/// finding per KPI would bury the rest.
pub(super) fn kpi_no_value(f: &Facts, out: &mut Vec<Finding>) {
    let Some(as_of) = f.as_of else { return };
    if f.model.kpis.values().all(|k| k.values.is_empty()) {
        return;
    }
    for (id, k) in &f.model.kpis {
        if k.norm().is_none() {
            continue;
        }
        let period = period_as_of(k, as_of);
        if period.and_then(|p| k.values.get(&p)).is_none() {
            out.push(Finding::new(
                CheckKind::KpiNoValue { period, as_of },
                Target::Kpi(id.clone()),
            ));
        }
    }
}

/// 14. A KPI's thresholds contradict its direction ([`crate::model::Norm::contradiction`]).
pub(super) fn norm_contradiction(f: &Facts, out: &mut Vec<Finding>) {
    for (id, k) in &f.model.kpis {
        if let Some(contradiction) = k.norm().and_then(|n| n.contradiction()) {
            out.push(Finding::new(
                CheckKind::NormContradiction { contradiction },
                Target::Kpi(id.clone()),
            ));
        }
    }
}

/// Check 15: a KPI on target while strictly more than half of its drivers with a known status are
/// off target ([`early_warnings`] over every KPI's status as of the month).
pub(super) fn on_target_drivers_off(f: &Facts, out: &mut Vec<Finding>) {
    let Some(as_of) = f.as_of else { return };
    let statuses = statuses(f.model, as_of);
    for id in early_warnings(f.model, &statuses) {
        out.push(Finding::new(
            CheckKind::OnTargetDriversOff,
            Target::Kpi(id.clone()),
        ));
    }
}
