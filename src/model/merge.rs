//! Merging two copies of one model, field by field on their flat forms ([`super::flat`]).
//!
//! **Three-way** (with the version both started from): a field changed on one side only is
//! taken from that side; changed the same way on both, taken; changed differently on both, a
//! [`Conflict`] the user decides ("Keep mine" / "Keep theirs"; until then mine). An element
//! deleted on one side and edited on the other is kept with the edits: a merge never drops
//! work silently. **Two-way** (no common version): every field that differs is a conflict.
//!
//! Lists: the order of goals, chains, links, KPIs and actions is taken from the side that
//! changed it (mine when both did), new elements of either side are appended where that order
//! does not place them; arrows of "drives" are merged one by one; meetings held are the union
//! of both sides' (each once, mine first). The result is repaired so it always validates
//! ([`super::flat::unflatten`]).

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::flat::{flatten, joined, unflatten, Flat};
use super::types::Model;

/// A field changed differently on both sides (or, two-way, a field that differs).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The field's key in the flat form (`kpi/k3/target`).
    pub key: String,
    /// Its value in the common version (`None`: absent, or a two-way merge).
    pub base: Option<Value>,
    /// Its value in mine and in theirs (`None`: absent there, e.g. the element was deleted).
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    /// For an element in one copy only (`key` is the element's, e.g. `kpi/k9`): the
    /// conflicting fields inside it, decided with it, so a choice keeps or drops it whole.
    pub inner: Vec<Conflict>,
}

impl Conflict {
    /// Whether the element itself is in one copy only.
    fn is_element(&self) -> bool {
        let exists = |v: &Option<Value>| *v == Some(Value::Bool(true));
        (exists(&self.mine) && self.theirs.is_none())
            || (exists(&self.theirs) && self.mine.is_none())
    }
}

/// Puts the conflicts inside an element in one copy only into that element's conflict.
fn nest(conflicts: Vec<Conflict>) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = Vec::new();
    for c in conflicts {
        // Keys are sorted, so an element's key comes before the keys inside it.
        match out
            .iter_mut()
            .rev()
            .find(|o| o.is_element() && c.key.starts_with(&format!("{}/", o.key)))
        {
            Some(parent) => parent.inner.push(c),
            None => out.push(c),
        }
    }
    out
}

/// Which side a conflict keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// The result of a merge before the conflicts are decided.
#[derive(Clone, Debug)]
pub struct Merge {
    /// The merged fields, with mine for every conflict.
    pub flat: Flat,
    pub conflicts: Vec<Conflict>,
    /// Whether it was three-way.
    pub three_way: bool,
}

fn is_order(key: &str) -> bool {
    key.starts_with("order/") || key.contains("/order/")
}

fn is_held(key: &str) -> bool {
    key.contains("/held/")
}

/// Arrows keep their position as the value; only whether one exists is merged.
fn is_drive(key: &str) -> bool {
    key.contains("/drives/")
}

/// Element keys (`kpi/k3`, `chain/c1/link/l2`) whose element `side` deleted while `other`
/// changed something in it: those are kept, with `other`'s fields.
fn deleted_but_edited(base: &Flat, side: &Flat, other: &Flat) -> Vec<String> {
    base.iter()
        .filter(|(k, v)| {
            **v == Value::Bool(true) && !side.contains_key(*k) && other.contains_key(*k)
        })
        .filter(|(k, _)| {
            let prefix = format!("{k}/");
            let keys: BTreeSet<&String> = base
                .range(prefix.clone()..)
                .take_while(|(x, _)| x.starts_with(&prefix))
                .map(|(x, _)| x)
                .chain(
                    other
                        .range(prefix.clone()..)
                        .take_while(|(x, _)| x.starts_with(&prefix))
                        .map(|(x, _)| x),
                )
                .collect();
            keys.into_iter().any(|x| base.get(x) != other.get(x))
        })
        .map(|(k, _)| k.clone())
        .collect()
}

/// Merges `theirs` into `mine`; with `base`, three-way.
pub fn merge(base: Option<&Model>, mine: &Model, theirs: &Model) -> Merge {
    let (m, t) = (flatten(mine), flatten(theirs));
    let b = base.map(flatten);
    // Elements deleted on one side and edited on the other: the edited side wins them whole.
    let keep_theirs: Vec<String> = b
        .as_ref()
        .map(|b| deleted_but_edited(b, &m, &t))
        .unwrap_or_default();
    let keep_mine: Vec<String> = b
        .as_ref()
        .map(|b| deleted_but_edited(b, &t, &m))
        .unwrap_or_default();
    let under = |list: &[String], key: &str| {
        list.iter().any(|p| {
            key.strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    };
    // Sorted in, sorted out: the result is built in one go from its ordered entries.
    let mut picked: Vec<(String, Value)> = Vec::new();
    let mut conflicts = Vec::new();
    for (key, [mv, tv, bv]) in joined([Some(&m), Some(&t), b.as_ref()]) {
        if is_held(key) {
            continue;
        }
        let pick = if under(&keep_theirs, key) {
            tv
        } else if under(&keep_mine, key) {
            mv
        } else if is_drive(key) && b.is_some() {
            // Whether the arrow exists: the side that changed that wins (they agree if both
            // did); its position comes along.
            let (me, te, be) = (mv.is_some(), tv.is_some(), bv.is_some());
            let exists = if me == be { te } else { me };
            match exists {
                true if mv == bv => tv.or(mv),
                true => mv.or(tv),
                false => None,
            }
        } else if mv == tv {
            mv
        } else if b.is_some() && mv == bv {
            tv
        } else if b.is_some() && tv == bv {
            mv
        } else if is_order(key) {
            mv.or(tv)
        } else {
            conflicts.push(Conflict {
                key: key.clone(),
                base: bv.cloned(),
                mine: mv.cloned(),
                theirs: tv.cloned(),
                inner: Vec::new(),
            });
            mv
        };
        if let Some(v) = pick {
            picked.push((key.clone(), v.clone()));
        }
    }
    let mut flat: Flat = picked.into_iter().collect();
    merge_held(&mut flat, &m, &t);
    Merge {
        flat,
        conflicts: nest(conflicts),
        three_way: base.is_some(),
    }
}

/// Meetings held: the union of both sides', mine first, each once (per chain).
fn merge_held(flat: &mut Flat, m: &Flat, t: &Flat) {
    let mut chains: BTreeSet<String> = BTreeSet::new();
    for k in m.keys().chain(t.keys()).filter(|k| is_held(k)) {
        if let Some(i) = k.find("/held/") {
            chains.insert(k[..i].to_string());
        }
    }
    for chain in chains {
        let prefix = format!("{chain}/held/");
        let of = |f: &Flat| -> Vec<Value> {
            f.range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .map(|(_, v)| v.clone())
                .collect()
        };
        let mut seen = HashSet::new();
        let all: Vec<Value> = of(m)
            .into_iter()
            .chain(of(t))
            .filter(|v| seen.insert(v.to_string()))
            .collect();
        for (i, v) in all.into_iter().enumerate() {
            flat.insert(format!("{prefix}{i:04}"), v);
        }
    }
}

impl Merge {
    /// The merged model with each conflict decided by `choices` (in the order of
    /// [`Merge::conflicts`]; missing choices keep mine). Ids and timestamps come from `mine`.
    pub fn resolve(&self, mine: &Model, choices: &[Side]) -> Model {
        let mut flat = self.flat.clone();
        for (c, side) in self.conflicts.iter().zip(choices) {
            for c in std::iter::once(c).chain(&c.inner) {
                let v = match side {
                    Side::Mine => &c.mine,
                    Side::Theirs => &c.theirs,
                };
                match v {
                    Some(v) => flat.insert(c.key.clone(), v.clone()),
                    None => flat.remove(&c.key),
                };
            }
        }
        unflatten(&flat, mine)
    }
}
