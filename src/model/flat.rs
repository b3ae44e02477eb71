//! A model as a flat map from field keys to JSON values, and back: the common ground of
//! compare and merge.
//!
//! Every element is keyed by its id, so two copies of one model line up whatever order their
//! lists are in: `goal/g1` (the element exists), `goal/g1/name`, `chain/c1/link/l2/department`,
//! `kpi/k3/drives/k7` (one arrow), `kpi/k3/value/2026-03`, `kpi/k3/comment/2026-03`,
//! `chain/c1/action/a1/done`, `chain/c1/held/0` (a department's meeting the same under
//! `department/d1/`, the MT's under `mt/`: `mt/action/a1/done`, `mt/meeting/notes`); the
//! order of a list is a key of its own
//! (`order/goals`, `chain/c1/order/links`). Fields are taken from the elements' serde form, so a
//! field added to a type is compared and merged without touching this file. Properties of a
//! newer version ([`Extra`](super::types::Extra)) are fields like the others (`goal/g1/<key>`,
//! `model/<key>`; the key escaped like an id): compare lists them under their key, merge merges
//! them one by one, and they come back in the element's `extra`.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::fields::{MODEL_FIELDS, MODEL_KEYS};
use super::graph::reaches;
use super::id::Id;
use super::meeting::{Action, ChainMeeting, Meeting};
use super::period::Period;
use super::types::{Chain, Department, Goal, Kpi, Link, Model};
use super::values::Series;

/// Field key → value. Ordered, so walking it groups an element's keys together.
pub type Flat = BTreeMap<String, Value>;

/// An id as a key segment: `%` and `/` escaped, so any id fits between slashes.
pub fn esc(id: impl std::fmt::Display) -> String {
    id.to_string().replace('%', "%25").replace('/', "%2F")
}

/// The id of a key segment.
pub fn unesc(key: &str) -> String {
    key.replace("%2F", "/").replace("%25", "%")
}

fn fields_of(value: &impl Serialize, skip: &[&str]) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(mut o)) => {
            o.remove("id");
            for s in skip {
                o.remove(*s);
            }
            o
        }
        _ => Map::new(),
    }
}

/// A flat form being built: entries pushed in model order, sorted once at the end (cheaper than
/// inserting each of a large model's ~150,000 keys into the map).
#[derive(Default)]
struct Entries(Vec<(String, Value)>);

impl Entries {
    fn insert(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }
}

fn put(flat: &mut Entries, prefix: &str, fields: Map<String, Value>) {
    flat.insert(prefix.to_string(), Value::Bool(true));
    for (k, v) in fields {
        // Known fields never hold `/` or `%`; a newer version's property might.
        flat.insert(format!("{prefix}/{}", esc(k)), v);
    }
}

fn ids<'a>(ids: impl Iterator<Item = &'a Id>) -> Value {
    Value::Array(ids.map(|i| Value::String(i.as_str().to_string())).collect())
}

/// The flat form of `m`.
pub fn flatten(m: &Model) -> Flat {
    let mut f = Entries::default();
    // The model's own fields (its id and timestamps are not content).
    for field in MODEL_FIELDS {
        f.insert(format!("model/{}", field.key), (field.get)(m).to_json());
    }
    for (k, v) in &m.extra {
        f.insert(format!("model/{}", esc(k)), v.clone());
    }
    f.insert("order/goals".into(), ids(m.goals.keys()));
    f.insert("order/departments".into(), ids(m.departments.keys()));
    f.insert("order/chains".into(), ids(m.chains.keys()));
    f.insert("order/kpis".into(), ids(m.kpis.keys()));
    for (id, g) in &m.goals {
        put(&mut f, &format!("goal/{}", esc(id)), fields_of(g, &[]));
    }
    for (id, d) in &m.departments {
        let p = format!("department/{}", esc(id));
        put(&mut f, &p, fields_of(d, &["meeting"]));
        put_meeting(&mut f, &p, &d.meeting);
    }
    put_meeting(&mut f, "mt", &m.mt_meeting);
    for (id, c) in &m.chains {
        let p = format!("chain/{}", esc(id));
        put(&mut f, &p, fields_of(c, &["links", "meeting"]));
        f.insert(
            format!("{p}/order/links"),
            ids(c.links.iter().map(|l| &l.id)),
        );
        for l in &c.links {
            put(
                &mut f,
                &format!("{p}/link/{}", esc(&l.id)),
                fields_of(l, &[]),
            );
        }
        put_meeting(&mut f, &p, &c.meeting);
    }
    for (id, k) in &m.kpis {
        let p = format!("kpi/{}", esc(id));
        // Its own fields only: the values and comments are keys of their own below.
        let bare = Kpi {
            drives: Vec::new(),
            values: Series::default(),
            comments: Default::default(),
            ..k.clone()
        };
        put(
            &mut f,
            &p,
            fields_of(&bare, &["drives", "values", "comments"]),
        );
        for (i, t) in k.drives.iter().enumerate() {
            f.insert(format!("{p}/drives/{}", esc(t)), Value::from(i));
        }
        for (period, v) in k.values.iter() {
            f.insert(format!("{p}/value/{period}"), Value::from(*v));
        }
        for (period, c) in &k.comments {
            f.insert(format!("{p}/comment/{period}"), Value::String(c.clone()));
        }
    }
    f.0.into_iter().collect()
}

/// A meeting's keys under `p` (`chain/c1`, `department/d1`, `mt`): its notes, absent links,
/// the order of its actions, each action's fields, each meeting held.
fn put_meeting(f: &mut Entries, p: &str, mt: &ChainMeeting) {
    f.insert(
        format!("{p}/meeting/notes"),
        Value::String(mt.notes.clone()),
    );
    for l in &mt.absent {
        f.insert(format!("{p}/absent/{}", esc(l)), Value::Bool(true));
    }
    f.insert(
        format!("{p}/order/actions"),
        ids(mt.actions.iter().map(|a| &a.id)),
    );
    for a in &mt.actions {
        put(f, &format!("{p}/action/{}", esc(&a.id)), fields_of(a, &[]));
    }
    for (i, held) in mt.held.iter().enumerate() {
        f.insert(
            format!("{p}/held/{i:04}"),
            serde_json::to_value(held).unwrap_or_default(),
        );
    }
}

/// Every key of the given flat forms once, in order, with its value in each (`None` where a
/// form lacks it or is absent): one pass over the sorted maps, no lookups.
pub fn joined<'f, const N: usize>(
    forms: [Option<&'f Flat>; N],
) -> impl Iterator<Item = (&'f String, [Option<&'f Value>; N])> + 'f {
    let mut heads = forms.map(|f| f.map(|f| f.iter().peekable()));
    std::iter::from_fn(move || {
        let key = heads
            .iter_mut()
            .filter_map(|h| h.as_mut()?.peek().map(|(k, _)| *k))
            .min()?;
        let values = std::array::from_fn(|i| {
            let head = heads[i].as_mut()?;
            match head.peek() {
                Some((k, _)) if *k == key => head.next().map(|(_, v)| v),
                _ => None,
            }
        });
        Some((key, values))
    })
}

/// The keys directly under `prefix/` (one level), with their values.
fn children<'f>(f: &'f Flat, prefix: &str) -> impl Iterator<Item = (&'f str, &'f Value)> + 'f {
    let start = format!("{prefix}/");
    let skip = start.len();
    f.range(start.clone()..)
        .take_while(move |(k, _)| k.starts_with(&start))
        .map(move |(k, v)| (&k[skip..], v))
}

/// The element ids of `kind` (`goal`, `chain/c1/link`, ...) that exist in `f`.
fn existing(f: &Flat, kind: &str) -> Vec<String> {
    children(f, kind)
        .filter(|(rest, _)| !rest.contains('/'))
        .map(|(rest, _)| rest.to_string())
        .collect()
}

/// An element's own fields from `f` (one level under `prefix`, skipping nested keys).
fn element<T: DeserializeOwned>(f: &Flat, prefix: &str, id: &str) -> Option<T> {
    let mut o = Map::new();
    o.insert("id".into(), Value::String(unesc(id)));
    for (rest, v) in children(f, prefix) {
        if !rest.contains('/') {
            o.insert(unesc(rest), v.clone());
        }
    }
    serde_json::from_value(Value::Object(o)).ok()
}

/// `keys` (escaped ids) in the order `order` gives (unknown ones dropped), then the others in
/// their order.
fn ordered(order: Option<&Value>, ids: Vec<String>) -> Vec<String> {
    let listed: Vec<String> = order
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(esc)).collect())
        .unwrap_or_default();
    let present: std::collections::HashSet<&String> = ids.iter().collect();
    let mut out: Vec<String> = listed.into_iter().filter(|i| present.contains(i)).collect();
    let mut seen: std::collections::HashSet<String> = out.iter().cloned().collect();
    for i in ids {
        if seen.insert(i.clone()) {
            out.push(i);
        }
    }
    out
}

fn map_of<T>(
    f: &Flat,
    kind: &str,
    order: &str,
    read: impl Fn(&str) -> Option<T>,
) -> IndexMap<Id, T> {
    ordered(f.get(order), existing(f, kind))
        .into_iter()
        .filter_map(|key| read(&key).map(|t| (Id::new(unesc(&key)), t)))
        .collect()
}

/// The model whose flat form is `f` (ids and timestamps from `base`). Lenient: an element
/// whose fields do not make a valid element is left out, references to missing elements are
/// dropped, so the result always validates.
pub fn unflatten(f: &Flat, base: &Model) -> Model {
    let text = |k: &str| {
        f.get(&format!("model/{k}"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let mut m = Model {
        id: base.id.clone(),
        name: text("name"),
        organisation: text("organisation"),
        description: text("description"),
        management_team: text("management_team"),
        created: base.created,
        modified: base.modified,
        origin: base.origin.clone(),
        extra: children(f, "model")
            .filter(|(k, _)| !MODEL_KEYS.contains(k))
            .map(|(k, v)| (unesc(k), v.clone()))
            .collect(),
        // Filled below. No `..Default::default()`: a field added to `Model` does not compile
        // here until it is read back.
        goals: Default::default(),
        departments: Default::default(),
        chains: Default::default(),
        kpis: Default::default(),
        mt_meeting: Default::default(),
    };
    m.goals = map_of(f, "goal", "order/goals", |id| {
        element::<Goal>(f, &format!("goal/{id}"), id)
    });
    m.departments = map_of(f, "department", "order/departments", |id| {
        let p = format!("department/{id}");
        let mut d = element::<Department>(f, &p, id)?;
        d.meeting = read_meeting(f, &p);
        Some(d)
    });
    m.mt_meeting = read_meeting(f, "mt");
    m.chains = map_of(f, "chain", "order/chains", |id| read_chain(f, id));
    m.kpis = map_of(f, "kpi", "order/kpis", |id| read_kpi(f, id));
    repair(&mut m);
    m
}

fn read_chain(f: &Flat, id: &str) -> Option<Chain> {
    let p = format!("chain/{id}");
    let mut c: Chain = element(f, &p, id)?;
    c.links = ordered(
        f.get(&format!("{p}/order/links")),
        existing(f, &format!("{p}/link")),
    )
    .into_iter()
    .filter_map(|l| element::<Link>(f, &format!("{p}/link/{l}"), &l))
    .collect();
    c.meeting = read_meeting(f, &p);
    Some(c)
}

/// The meeting whose keys are under `p` (see [`put_meeting`]).
fn read_meeting(f: &Flat, p: &str) -> ChainMeeting {
    let actions = ordered(
        f.get(&format!("{p}/order/actions")),
        existing(f, &format!("{p}/action")),
    )
    .into_iter()
    .filter_map(|a| element::<Action>(f, &format!("{p}/action/{a}"), &a))
    .collect();
    let held = children(f, &format!("{p}/held"))
        .filter_map(|(_, v)| serde_json::from_value::<Meeting>(v.clone()).ok())
        .collect();
    ChainMeeting {
        actions,
        notes: f
            .get(&format!("{p}/meeting/notes"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        absent: children(f, &format!("{p}/absent"))
            .map(|(l, _)| Id::new(unesc(l)))
            .collect(),
        held,
    }
}

fn read_kpi(f: &Flat, id: &str) -> Option<Kpi> {
    let p = format!("kpi/{id}");
    let mut k: Kpi = element(f, &p, id)?;
    let mut drives: Vec<(u64, &str)> = children(f, &format!("{p}/drives"))
        .map(|(t, v)| (v.as_u64().unwrap_or(u64::MAX), t))
        .collect();
    crate::model::sort::sort(&mut drives);
    k.drives = drives.into_iter().map(|(_, t)| Id::new(unesc(t))).collect();
    let mut values = Series::default();
    for (period, v) in children(f, &format!("{p}/value")) {
        if let (Ok(period), Some(v)) = (Period::parse(period), v.as_f64()) {
            values.set(period, Some(v));
        }
    }
    k.values = values;
    k.comments = children(f, &format!("{p}/comment"))
        .filter_map(|(period, v)| Some((Period::parse(period).ok()?, v.as_str()?.to_string())))
        .collect();
    Some(k)
}

/// Drops what a merge may leave dangling: KPIs at a missing goal, chain or link, arrows to
/// missing KPIs or that would close a cycle, links in missing departments.
fn repair(m: &mut Model) {
    let departments: std::collections::HashSet<Id> = m.departments.keys().cloned().collect();
    for c in m.chains.values_mut() {
        for l in &mut c.links {
            if l.department
                .as_ref()
                .is_some_and(|d| !departments.contains(d))
            {
                l.department = None;
            }
        }
    }
    let chains = &m.chains;
    let goals = &m.goals;
    m.kpis.retain(|_, k| match &k.at {
        super::types::Attach::Result { goal } => goals.contains_key(goal),
        super::types::Attach::Chain { chain } => chains.contains_key(chain),
        super::types::Attach::Link { chain, link }
        | super::types::Attach::Handover { chain, link } => chains
            .get(chain)
            .is_some_and(|c| c.links.iter().any(|l| &l.id == link)),
    });
    let drives: Vec<(Id, Vec<Id>)> = m
        .kpis
        .values_mut()
        .map(|k| (k.id.clone(), std::mem::take(&mut k.drives)))
        .collect();
    for (id, ds) in drives {
        for t in ds {
            let closes_cycle = reaches(m, &t, &id, &mut std::collections::HashSet::new());
            if t != id && m.kpis.contains_key(&t) && !closes_cycle {
                if let Some(k) = m.kpis.get_mut(&id) {
                    if !k.drives.contains(&t) {
                        k.drives.push(t);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{joined, Flat, Value};

    fn flat(keys: &[&str]) -> Flat {
        keys.iter()
            .map(|k| (k.to_string(), Value::from(k.len())))
            .collect()
    }

    #[test]
    fn joined_gives_every_key_once_in_order_with_its_value_in_each_form() {
        let (a, b) = (flat(&["a", "c", "d/x"]), flat(&["b", "c", "e"]));
        let got: Vec<(String, [bool; 3])> = joined([Some(&a), Some(&b), None])
            .map(|(k, v)| (k.clone(), v.map(|v| v.is_some())))
            .collect();
        let want = [
            ("a", [true, false, false]),
            ("b", [false, true, false]),
            ("c", [true, true, false]),
            ("d/x", [true, false, false]),
            ("e", [false, true, false]),
        ];
        assert_eq!(got.len(), want.len());
        for ((k, v), (wk, wv)) in got.iter().zip(want) {
            assert_eq!((k.as_str(), *v), (wk, wv));
        }
        assert_eq!(joined::<1>([None]).count(), 0);
    }
}
