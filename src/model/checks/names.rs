//! Check 12: two elements of one kind share a name (goals, departments, chains and KPIs
//! model-wide; links within one chain).

use std::collections::HashMap;

use super::{CheckKind, Facts, Finding};
use crate::model::names::name_key;
use crate::model::target::Target;

/// 12. Every element whose name an earlier one of its kind has.
pub(super) fn duplicate_names(f: &Facts, out: &mut Vec<Finding>) {
    let model = f.model;
    duplicates(
        model
            .goals
            .iter()
            .map(|(id, g)| (&g.name, Target::Goal(id.clone()))),
        out,
    );
    duplicates(
        model
            .departments
            .iter()
            .map(|(id, d)| (&d.name, Target::Department(id.clone()))),
        out,
    );
    duplicates(
        model
            .chains
            .iter()
            .map(|(id, c)| (&c.name, Target::Chain(id.clone()))),
        out,
    );
    for (chain, c) in &model.chains {
        duplicates(
            c.links.iter().map(|l| {
                let target = Target::Link {
                    chain: chain.clone(),
                    link: l.id.clone(),
                };
                (&l.name, target)
            }),
            out,
        );
    }
    duplicates(
        model
            .kpis
            .iter()
            .map(|(id, k)| (&k.name, Target::Kpi(id.clone()))),
        out,
    );
}

/// Reports every element whose non-empty name an earlier one has (the same by
/// [`name_key`]: trimmed, inner white space collapsed, case-insensitive over Unicode).
fn duplicates<'a>(items: impl Iterator<Item = (&'a String, Target)>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, Target> = HashMap::new();
    for (name, target) in items {
        let key = name_key(name);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => out.push(Finding::new(
                CheckKind::DuplicateName {
                    first: first.clone(),
                },
                target,
            )),
            None => {
                seen.insert(key, target);
            }
        }
    }
}
