//! Checks 1 to 4: what a chain lacks (owner, chain KPIs, trigger or outcome, links).

use super::{CheckKind, Facts, Finding, MAX_CHAIN_KPIS, MIN_CHAIN_KPIS};
use crate::model::target::Target;

/// 1. A chain has no owner.
pub(super) fn no_owner(f: &Facts, out: &mut Vec<Finding>) {
    for (id, c) in &f.model.chains {
        if c.owner.trim().is_empty() {
            out.push(Finding::new(
                CheckKind::ChainNoOwner,
                Target::Chain(id.clone()),
            ));
        }
    }
}

/// 2. A chain has fewer than 2 or more than 3 chain KPIs.
pub(super) fn kpi_count(f: &Facts, out: &mut Vec<Finding>) {
    for id in f.model.chains.keys() {
        let count = f.chain_kpis.get(id).copied().unwrap_or(0);
        if !(MIN_CHAIN_KPIS..=MAX_CHAIN_KPIS).contains(&count) {
            out.push(Finding::new(
                CheckKind::ChainKpiCount { count },
                Target::Chain(id.clone()),
            ));
        }
    }
}

/// 3. A chain has no trigger or no outcome.
pub(super) fn no_trigger_or_outcome(f: &Facts, out: &mut Vec<Finding>) {
    for (id, c) in &f.model.chains {
        let trigger = c.trigger.trim().is_empty();
        let outcome = c.outcome.trim().is_empty();
        if trigger || outcome {
            out.push(Finding::new(
                CheckKind::ChainNoTriggerOrOutcome { trigger, outcome },
                Target::Chain(id.clone()),
            ));
        }
    }
}

/// 4. A chain has no links.
pub(super) fn no_links(f: &Facts, out: &mut Vec<Finding>) {
    for (id, c) in &f.model.chains {
        if c.links.is_empty() {
            out.push(Finding::new(
                CheckKind::ChainNoLinks,
                Target::Chain(id.clone()),
            ));
        }
    }
}
