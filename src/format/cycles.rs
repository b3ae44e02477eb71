//! Cycles in the `drives` relation (found by the model's own [`cycles`], iteratively, so no
//! deep file can overflow the stack), reported as warnings: the file is still usable, and the
//! editor's checks report them too.

use super::problem::ProblemKind;
use super::reader::{child, item, Reader};
use crate::model::checks::cycles;
use crate::model::Model;

/// At most this many KPI names are spelled out in one cycle warning.
const MAX_NAMES: usize = 10;

/// Adds one warning per cycle; `positions[i]` is the file index of the i-th KPI.
pub fn report_cycles(model: &Model, positions: &[usize], kpis_path: &str, r: &mut Reader) {
    for cycle in cycles(model) {
        let cycle: Vec<usize> = cycle
            .iter()
            .filter_map(|id| model.kpis.get_index_of(id))
            .collect();
        if cycle.is_empty() {
            continue;
        }
        let name = |i: usize| {
            model
                .kpis
                .get_index(i)
                .map(|(id, k)| {
                    if k.name.is_empty() {
                        id.to_string()
                    } else {
                        k.name.clone()
                    }
                })
                .unwrap_or_default()
        };
        let mut names: Vec<String> = cycle.iter().take(MAX_NAMES).map(|&i| name(i)).collect();
        if cycle.len() > MAX_NAMES {
            names.push("…".to_string());
        }
        names.push(name(cycle[0]));
        let chain = names.join(" → ");
        let pos = positions.get(cycle[0]).copied().unwrap_or(cycle[0]);
        let path = child(&item(kpis_path, pos), "drives");
        r.warning(
            ProblemKind::Cycle,
            &path,
            &format!("makes a cycle in what drives what: {chain}"),
            &format!("maakt een cyclus in wat wat aanstuurt: {chain}"),
        );
    }
}
