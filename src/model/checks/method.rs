//! Checks 16 to 18: the method in depth (customer and internal value, handovers, the
//! management team). Each is a note or a warning, never an error: a structure is usable
//! without them, the method asks for them.

use super::{CheckKind, Facts, Finding};
use crate::model::target::Target;
use crate::model::types::ValueType;

/// A chain of this many links or more should measure at least one handover (check 17).
pub const MIN_LINKS_FOR_HANDOVER_KPI: usize = 3;

/// Check 16: a chain's chain KPIs measure only customer value or only internal value. Only those
/// whose value type is set count: a chain with none set has nothing to weigh yet.
pub(super) fn value_balance(f: &Facts, out: &mut Vec<Finding>) {
    for id in f.model.chains.keys() {
        let (customer, internal) = f.chain_values.get(id).copied().unwrap_or((false, false));
        let only = match (customer, internal) {
            (true, false) => ValueType::Customer,
            (false, true) => ValueType::Internal,
            _ => continue,
        };
        out.push(Finding::new(
            CheckKind::ChainValueUnbalanced { only },
            Target::Chain(id.clone()),
        ));
    }
}

/// Check 17: a chain of 3 or more links has no handover KPI.
pub(super) fn no_handover_kpi(f: &Facts, out: &mut Vec<Finding>) {
    for (id, c) in &f.model.chains {
        if c.links.len() >= MIN_LINKS_FOR_HANDOVER_KPI && !f.handover_chains.contains(id) {
            out.push(Finding::new(
                CheckKind::ChainNoHandoverKpi,
                Target::Chain(id.clone()),
            ));
        }
    }
}

/// Check 18: a chain owner is not in the management team (only when the model names its members).
pub(super) fn owner_not_in_mt(f: &Facts, out: &mut Vec<Finding>) {
    let members = f.model.management_team_members();
    if members.is_empty() {
        return;
    }
    for (id, c) in &f.model.chains {
        let owner = c.owner.trim();
        if !owner.is_empty() && !members.iter().any(|m| same_person(m, owner)) {
            out.push(Finding::new(
                CheckKind::OwnerNotInMt,
                Target::Chain(id.clone()),
            ));
        }
    }
}

/// True when two names are the same person as typed: case and spacing aside.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}
