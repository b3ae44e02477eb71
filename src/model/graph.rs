//! Walks over the drives relation shared by edits, validation, checks and queries. Cycle-safe.

use std::collections::{HashMap, HashSet};

use super::id::Id;
use super::types::Model;

/// Whether `goal` is reachable from `start` following drives. `seen` may be shared between
/// calls with the same `goal`: nodes seen once and not leading to `goal` are skipped.
pub(crate) fn reaches<'a>(
    model: &'a Model,
    start: &'a Id,
    goal: &Id,
    seen: &mut HashSet<&'a Id>,
) -> bool {
    let mut stack = vec![start];
    while let Some(n) = stack.pop() {
        if n == goal {
            return true;
        }
        if !seen.insert(n) {
            continue;
        }
        if let Some(k) = model.kpis.get(n) {
            stack.extend(k.drives.iter());
        }
    }
    false
}

/// Whether the graph given by `edges` has a cycle reachable from any of `starts`.
pub(crate) fn has_cycle_from<'a, F>(starts: impl IntoIterator<Item = &'a Id>, edges: F) -> bool
where
    F: Fn(&'a Id) -> Vec<&'a Id>,
{
    // false: on the current path; true: finished.
    let mut state: HashMap<&'a Id, bool> = HashMap::new();
    for s in starts {
        if state.contains_key(s) {
            continue;
        }
        state.insert(s, false);
        let mut stack: Vec<(&'a Id, Vec<&'a Id>, usize)> = vec![(s, edges(s), 0)];
        loop {
            let step = match stack.last_mut() {
                None => break,
                Some(top) if top.2 < top.1.len() => {
                    top.2 += 1;
                    Some(top.1[top.2 - 1])
                }
                Some(top) => {
                    state.insert(top.0, true);
                    None
                }
            };
            match step {
                None => {
                    stack.pop();
                }
                Some(next) => match state.get(next) {
                    Some(false) => return true,
                    Some(true) => {}
                    None => {
                        state.insert(next, false);
                        stack.push((next, edges(next), 0));
                    }
                },
            }
        }
    }
    false
}

/// All KPIs reachable from `start` (excluding `start` unless on a cycle), breadth first, each
/// once, in discovery order.
pub(crate) fn closure<'a, F>(start: &'a Id, edges: F) -> Vec<&'a Id>
where
    F: Fn(&'a Id) -> Vec<&'a Id>,
{
    let mut seen: HashSet<&'a Id> = HashSet::new();
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for next in edges(n) {
            if seen.insert(next) {
                out.push(next);
                queue.push_back(next);
            }
        }
    }
    out
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
