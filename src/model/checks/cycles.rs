//! Check 9: cycles in the drives relation (possible in imported files only).

use super::{CheckKind, Facts, Finding};
use crate::model::id::Id;
use crate::model::target::Target;
use crate::model::types::Model;

/// 9. Every cycle, targeting its first KPI.
pub(super) fn drives_cycle(f: &Facts, out: &mut Vec<Finding>) {
    for cycle in cycles(f.model) {
        let first = cycle.first().cloned().unwrap_or_default();
        out.push(Finding::new(
            CheckKind::DrivesCycle { cycle },
            Target::Kpi(first),
        ));
    }
}

/// Cycles of the drives relation: one per back edge of a depth-first search in model order.
pub fn cycles(model: &Model) -> Vec<Vec<Id>> {
    let n = model.kpis.len();
    let adj: Vec<Vec<usize>> = model
        .kpis
        .values()
        .map(|k| {
            k.drives
                .iter()
                .filter_map(|t| model.kpis.get_index_of(t))
                .collect()
        })
        .collect();
    // 0 new, 1 on the path, 2 done.
    let mut state = vec![0u8; n];
    let mut path: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        path.push((start, 0));
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if let Some(&to) = adj[node].get(*next) {
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        path.push((to, 0));
                    }
                    1 => {
                        let from = path.iter().position(|&(p, _)| p == to).unwrap_or(0);
                        let cycle = path[from..]
                            .iter()
                            .filter_map(|&(p, _)| model.kpis.get_index(p).map(|(id, _)| id.clone()))
                            .collect();
                        found.push(cycle);
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                path.pop();
            }
        }
    }
    found
}
