//! [`Model::validate`]: the invariants every edit keeps, for property tests and for the
//! file importer (a file read from disk may break them).

use std::collections::HashSet;

use super::checks::cycles;
use super::types::{Attach, Model};

impl Model {
    /// Every broken invariant, as an English sentence; empty if the model is sound: map keys
    /// equal element ids, ids non-empty, link ids unique within their chain, every link
    /// department, KPI attachment and drives target exists, no KPI drives itself or the same
    /// KPI twice, and the drives relation has no cycle.
    pub fn validate(&self) -> Vec<String> {
        let mut out = Vec::new();
        macro_rules! keys {
            ($map:expr, $what:literal) => {
                for (key, item) in &$map {
                    if key != &item.id {
                        out.push(format!("{} key “{key}” holds id “{}”", $what, item.id));
                    }
                    if key.as_str().is_empty() {
                        out.push(format!("{} with an empty id", $what));
                    }
                }
            };
        }
        keys!(self.goals, "goal");
        keys!(self.departments, "department");
        keys!(self.chains, "chain");
        keys!(self.kpis, "KPI");
        for (cid, c) in &self.chains {
            let mut ids = HashSet::new();
            for l in &c.links {
                if l.id.as_str().is_empty() {
                    out.push(format!("chain “{cid}” has a link with an empty id"));
                }
                if !ids.insert(&l.id) {
                    out.push(format!("chain “{cid}” has link id “{}” twice", l.id));
                }
                if let Some(d) = &l.department {
                    if !self.departments.contains_key(d) {
                        out.push(format!(
                            "link “{}” of chain “{cid}” names missing department “{d}”",
                            l.id
                        ));
                    }
                }
            }
        }
        for (id, k) in &self.kpis {
            match &k.at {
                Attach::Result { goal } if !self.goals.contains_key(goal) => {
                    out.push(format!("KPI “{id}” is attached to missing goal “{goal}”"))
                }
                Attach::Chain { chain } if !self.chains.contains_key(chain) => {
                    out.push(format!("KPI “{id}” is attached to missing chain “{chain}”"))
                }
                Attach::Link { chain, link } | Attach::Handover { chain, link } => match self
                    .chains
                    .get(chain)
                {
                    None => out.push(format!("KPI “{id}” is attached to missing chain “{chain}”")),
                    Some(c) if !c.links.iter().any(|l| &l.id == link) => out.push(format!(
                        "KPI “{id}” is attached to missing link “{link}” of chain “{chain}”"
                    )),
                    Some(_) => {}
                },
                _ => {}
            }
            let mut seen = HashSet::new();
            for t in &k.drives {
                if t == id {
                    out.push(format!("KPI “{id}” drives itself"));
                } else if !self.kpis.contains_key(t) {
                    out.push(format!("KPI “{id}” drives missing KPI “{t}”"));
                }
                if !seen.insert(t) {
                    out.push(format!("KPI “{id}” drives “{t}” twice"));
                }
            }
        }
        for cycle in cycles(self) {
            let path: Vec<&str> = cycle.iter().map(|i| i.as_str()).collect();
            if path.len() > 1 {
                out.push(format!("drives cycle: {}", path.join(" -> ")));
            }
        }
        out
    }
}
