//! "Find": the chains, links and KPIs whose name matches what was typed, best first, for the
//! search box of the Structure and Chains views.

use crate::model::names::name_key;
use crate::model::{Lang, Model, Target};

/// One match: the element and how the results list names it (`Chain “Chain 150”`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The chain, link or KPI.
    pub target: Target,
    /// Its kind and name, and a link's chain ([`Target::describe`]).
    pub label: String,
}

/// How well a name matches: 0 the whole name, 1 its start, 2 the start of a word in it, 3
/// anywhere in it; `None`: not at all. Case and spacing do not count ([`name_key`]).
pub fn rank(name: &str, query: &str) -> Option<u8> {
    let (name, query) = (name_key(name), name_key(query));
    if query.is_empty() {
        return None;
    }
    if name == query {
        Some(0)
    } else if name.starts_with(&query) {
        Some(1)
    } else if name.contains(&format!(" {query}")) {
        Some(2)
    } else if name.contains(&query) {
        Some(3)
    } else {
        None
    }
}

/// The chains, links and KPIs whose name matches `query`, best match first ([`rank`]); among
/// equals chains, then links, then KPIs, each in model order. At most `limit`; none for a
/// blank query. Only names are compared: O(elements) string comparisons.
pub fn find(m: &Model, query: &str, lang: Lang, limit: usize) -> Vec<Found> {
    let chains = m.chains.values().flat_map(|c| {
        std::iter::once((Target::Chain(c.id.clone()), c.name.as_str())).chain(c.links.iter().map(
            |l| {
                (
                    Target::Link {
                        chain: c.id.clone(),
                        link: l.id.clone(),
                    },
                    l.name.as_str(),
                )
            },
        ))
    });
    let kind = |t: &Target| match t {
        Target::Chain(_) => 0,
        Target::Link { .. } => 1,
        _ => 2,
    };
    let kpis = m
        .kpis
        .values()
        .map(|k| (Target::Kpi(k.id.clone()), k.name.as_str()));
    let mut hits: Vec<(u8, u8, usize, Target)> = chains
        .chain(kpis)
        .enumerate()
        .filter_map(|(i, (t, name))| Some((rank(name, query)?, kind(&t), i, t)))
        .collect();
    crate::model::sort::sort_by_key(&mut hits, |(r, k, i, _)| (*r, *k, *i));
    hits.into_iter()
        .take(limit)
        .map(|(_, _, _, target)| Found {
            label: target.describe(m, lang),
            target,
        })
        .collect()
}
