//! Cycles in the `drives` relation, found in linear time (iterative Tarjan, no recursion) and
//! reported as warnings: the file is still usable, and the editor's checks report them too.

use std::collections::{HashMap, VecDeque};

use super::problem::ProblemKind;
use super::reader::{child, item, Reader};
use crate::model::Model;

/// At most this many KPI names are spelled out in one cycle warning.
const MAX_NAMES: usize = 10;

/// Every cycle in `model`'s drives relation, one per strongly connected component, each as
/// KPI indices (in `model.kpis` order) from its first KPI round to the one that drives it back.
pub fn drive_cycles(model: &Model) -> Vec<Vec<usize>> {
    let adj: Vec<Vec<usize>> = model
        .kpis
        .values()
        .map(|k| {
            k.drives
                .iter()
                .filter_map(|id| model.kpis.get_index_of(id))
                .collect()
        })
        .collect();
    components(&adj)
        .into_iter()
        .filter(|c| c.len() > 1 || adj[c[0]].contains(&c[0]))
        .filter_map(|c| shortest_cycle(&adj, &c))
        .collect()
}

/// Adds one warning per cycle; `positions[i]` is the file index of the i-th KPI.
pub fn report_cycles(model: &Model, positions: &[usize], kpis_path: &str, r: &mut Reader) {
    for cycle in drive_cycles(model) {
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
            &format!("maakt een kringloop in wat wat aanstuurt: {chain}"),
        );
    }
}

/// Strongly connected components (Tarjan), iteratively.
fn components(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const NONE: usize = usize::MAX;
    let n = adj.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(v, edge)) = calls.last() {
            if let Some(&w) = adj[v].get(edge) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                if index[w] == NONE {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                comp.sort_unstable();
                out.push(comp);
            }
        }
    }
    out.sort_unstable_by_key(|c| c[0]);
    out
}

/// The shortest cycle through the component's first KPI, staying inside the component.
fn shortest_cycle(adj: &[Vec<usize>], comp: &[usize]) -> Option<Vec<usize>> {
    let start = comp[0];
    let inside = |v: usize| comp.binary_search(&v).is_ok();
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in &adj[v] {
            if w == start {
                let mut path = vec![v];
                let mut at = v;
                while at != start {
                    at = *parent.get(&at)?;
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            if inside(w) && !parent.contains_key(&w) {
                parent.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_components_and_cycles() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0
        let adj = vec![vec![1], vec![2], vec![0], vec![3], vec![0]];
        let comps = components(&adj);
        assert!(comps.contains(&vec![0, 1, 2]));
        assert_eq!(shortest_cycle(&adj, &[0, 1, 2]), Some(vec![0, 1, 2]));
        assert_eq!(shortest_cycle(&adj, &[3]), Some(vec![3]));
    }

    #[test]
    fn long_chain_does_not_overflow() {
        let n = 200_000;
        let adj: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let comps = components(&adj);
        assert_eq!(comps.len(), 1);
        assert_eq!(shortest_cycle(&adj, &comps[0]).map(|c| c.len()), Some(n));
    }
}
