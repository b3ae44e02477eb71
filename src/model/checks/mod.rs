//! The eighteen method checks of the iPM method (see `docs/MODEL.md`), each with an English
//! and a Dutch message that names the element: twelve on the structure, three on steering
//! (13-15, which read the values "as of" a month), three on the method in depth (16-18:
//! customer and internal value, handovers, the management team).
//!
//! [`check`] is linear in the size of the model (hash maps and sets of ids, no quadratic
//! work) and returns findings in a deterministic order: by check number, then model order.
//!
//! `CHECKS` lists them in order, one function each: `chains.rs` (1-4), `kpis.rs` (levels,
//! drives, cycles and definitions: 5-11), `names.rs` (12), `steer.rs` (values and norms as
//! of a month: 13-15), `method.rs` (16-18); `messages.rs` words the findings.

mod chains;
mod kpis;
mod messages;
pub mod method;
mod names;
mod steer;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::id::Id;
use crate::model::norm::Contradiction;
use crate::model::period::Period;
use crate::model::steer::{latest_value_month, Month};
use crate::model::target::Target;
use crate::model::types::{Attach, Level, Model, ValueType};

pub use crate::model::graph::cycles;

/// The method advises at most this many result KPIs for the whole organisation. The model
/// allows more; check 7 reports it.
pub const MAX_RESULT_KPIS: usize = 4;
/// A chain should have at least this many chain KPIs (check 2).
pub const MIN_CHAIN_KPIS: usize = 2;
/// A chain should have at most this many chain KPIs (check 2).
pub const MAX_CHAIN_KPIS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Which check found something, with what it found.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum CheckKind {
    /// 1. A chain has no owner.
    ChainNoOwner,
    /// 2. A chain has fewer than 2 or more than 3 chain KPIs.
    ChainKpiCount { count: usize },
    /// 3. A chain has no trigger or no outcome (`true` = missing).
    ChainNoTriggerOrOutcome { trigger: bool, outcome: bool },
    /// 4. A chain has no links.
    ChainNoLinks,
    /// 5. A chain KPI drives no result KPI.
    ChainKpiDrivesNoResult,
    /// 6. A result KPI is driven by no chain KPI.
    ResultKpiNotDriven,
    /// 7. More than 4 result KPIs in the model.
    TooManyResultKpis { count: usize },
    /// 8. A goal has no result KPI.
    GoalNoResultKpi,
    /// 9. The drives relation has a cycle; the KPIs on it, in order (the target is the first).
    DrivesCycle { cycle: Vec<Id> },
    /// 10. A KPI lacks unit, direction or target (`true` = missing).
    KpiIncomplete {
        unit: bool,
        direction: bool,
        target: bool,
    },
    /// 11. A link KPI drives no chain KPI.
    LinkKpiDrivesNoChainKpi,
    /// 12. Two elements of one kind share a name; `first` is the earlier, the target the later.
    DuplicateName { first: Target },
    /// Check 13: a KPI with a norm has no value for its period as of the "As of" month (`period`
    /// is `None` when its frequency is not set; `as_of` is that month).
    KpiNoValue {
        period: Option<Period>,
        as_of: Month,
    },
    /// 14. A KPI's thresholds contradict its direction.
    NormContradiction { contradiction: Contradiction },
    /// Check 15: a KPI is on target while most of the KPIs that drive it are off target (the
    /// method's early warning: the result may drop).
    OnTargetDriversOff,
    /// 16. A chain's chain KPIs measure only one of customer value and internal value.
    ChainValueUnbalanced { only: ValueType },
    /// 17. A chain of 3 or more links has no handover KPI.
    ChainNoHandoverKpi,
    /// 18. A chain owner is not in the management team.
    OwnerNotInMt,
}

impl CheckKind {
    /// The check's number in the method (1 to 18).
    pub fn number(&self) -> u8 {
        match self {
            CheckKind::ChainNoOwner => 1,
            CheckKind::ChainKpiCount { .. } => 2,
            CheckKind::ChainNoTriggerOrOutcome { .. } => 3,
            CheckKind::ChainNoLinks => 4,
            CheckKind::ChainKpiDrivesNoResult => 5,
            CheckKind::ResultKpiNotDriven => 6,
            CheckKind::TooManyResultKpis { .. } => 7,
            CheckKind::GoalNoResultKpi => 8,
            CheckKind::DrivesCycle { .. } => 9,
            CheckKind::KpiIncomplete { .. } => 10,
            CheckKind::LinkKpiDrivesNoChainKpi => 11,
            CheckKind::DuplicateName { .. } => 12,
            CheckKind::KpiNoValue { .. } => 13,
            CheckKind::NormContradiction { .. } => 14,
            CheckKind::OnTargetDriversOff => 15,
            CheckKind::ChainValueUnbalanced { .. } => 16,
            CheckKind::ChainNoHandoverKpi => 17,
            CheckKind::OwnerNotInMt => 18,
        }
    }

    /// A cycle is an error (the structure cannot be read); a KPI's missing unit, direction or
    /// target and a missing value are information (every new KPI starts that way, and the
    /// latest month is often not measured yet), and so are the balance of values and a
    /// missing handover KPI (the method's advice, notes); the rest are warnings.
    pub fn severity(&self) -> Severity {
        match self {
            CheckKind::DrivesCycle { .. } => Severity::Error,
            CheckKind::KpiIncomplete { .. }
            | CheckKind::KpiNoValue { .. }
            | CheckKind::ChainValueUnbalanced { .. }
            | CheckKind::ChainNoHandoverKpi => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    pub kind: CheckKind,
    pub severity: Severity,
    pub target: Target,
}

impl Finding {
    fn new(kind: CheckKind, target: Target) -> Self {
        Finding {
            severity: kind.severity(),
            kind,
            target,
        }
    }
}

/// One check: reads the facts, appends its findings in model order.
type Check = fn(&Facts, &mut Vec<Finding>);

/// The eighteen checks in the method's order; [`check_as_of`] runs them one after the other.
const CHECKS: [(u8, Check); 18] = [
    (1, chains::no_owner),
    (2, chains::kpi_count),
    (3, chains::no_trigger_or_outcome),
    (4, chains::no_links),
    (5, kpis::chain_kpi_drives_no_result),
    (6, kpis::result_kpi_not_driven),
    (7, kpis::too_many_result_kpis),
    (8, kpis::goal_no_result_kpi),
    (9, kpis::drives_cycle),
    (10, kpis::kpi_incomplete),
    (11, kpis::link_kpi_drives_no_chain_kpi),
    (12, names::duplicate_names),
    (13, steer::kpi_no_value),
    (14, steer::norm_contradiction),
    (15, steer::on_target_drivers_off),
    (16, method::value_balance),
    (17, method::no_handover_kpi),
    (18, method::owner_not_in_mt),
];

/// Runs the eighteen checks as of the latest month with a value (the month a model opens at;
/// without any value, checks 13 and 15 find nothing). The editor uses [`check_as_of`].
pub fn check(model: &Model) -> Vec<Finding> {
    run(model, latest_value_month(model))
}

/// Runs the eighteen checks, the steering ones (13, 15) as of `as_of`. Dangling references
/// (possible in imported files) are skipped, never a panic.
pub fn check_as_of(model: &Model, as_of: Month) -> Vec<Finding> {
    run(model, Some(as_of))
}

fn run(model: &Model, as_of: Option<Month>) -> Vec<Finding> {
    let facts = Facts::new(model, as_of);
    let mut out = Vec::new();
    for (_, check) in CHECKS {
        check(&facts, &mut out);
    }
    out
}

/// The model and what several checks need, gathered in one pass over the KPIs.
struct Facts<'a> {
    model: &'a Model,
    /// The "As of" month of the steering checks; `None`: they find nothing.
    as_of: Option<Month>,
    /// Chain KPIs per chain (chains without any are absent).
    chain_kpis: HashMap<&'a Id, usize>,
    /// Goals with at least one result KPI.
    goals_with_result: HashSet<&'a Id>,
    /// Result KPIs driven by at least one chain KPI.
    driven_results: HashSet<&'a Id>,
    /// Result KPIs in the model.
    result_count: usize,
    /// Per chain: whether any chain KPI measures customer value, internal value.
    chain_values: HashMap<&'a Id, (bool, bool)>,
    /// Chains with at least one handover KPI.
    handover_chains: HashSet<&'a Id>,
}

impl<'a> Facts<'a> {
    fn new(model: &'a Model, as_of: Option<Month>) -> Self {
        let mut facts = Facts {
            model,
            as_of,
            chain_kpis: HashMap::with_capacity(model.chains.len()),
            goals_with_result: HashSet::with_capacity(model.goals.len()),
            driven_results: HashSet::new(),
            result_count: 0,
            chain_values: HashMap::new(),
            handover_chains: HashSet::new(),
        };
        for k in model.kpis.values() {
            match &k.at {
                Attach::Result { goal } => {
                    facts.result_count += 1;
                    facts.goals_with_result.insert(goal);
                }
                Attach::Chain { chain } => {
                    *facts.chain_kpis.entry(chain).or_default() += 1;
                    let values = facts.chain_values.entry(chain).or_default();
                    values.0 |= k.value_type == ValueType::Customer;
                    values.1 |= k.value_type == ValueType::Internal;
                    for t in &k.drives {
                        if facts.level_of(t) == Some(Level::Result) {
                            facts.driven_results.insert(t);
                        }
                    }
                }
                Attach::Link { .. } => {}
                Attach::Handover { chain, .. } => {
                    facts.handover_chains.insert(chain);
                }
            }
        }
        facts
    }

    /// The level of KPI `id`, if it exists.
    fn level_of(&self, id: &Id) -> Option<Level> {
        self.model.kpis.get(id).map(|k| k.level())
    }
}

#[cfg(test)]
mod tests {
    use super::CHECKS;

    #[test]
    fn checks_are_listed_in_the_method_order() {
        let numbers: Vec<u8> = CHECKS.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, (1..=18).collect::<Vec<u8>>());
    }
}
