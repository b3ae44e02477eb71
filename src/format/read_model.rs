//! Walks the raw JSON of a model, building a [`Model`] and reporting every problem with its
//! path: wrong types, bad values, missing or duplicate ids, references to elements that are
//! not in the file.

use std::collections::HashSet;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::problem::ProblemKind;
use super::read_meeting::{items, read_meeting};
use super::read_values::{read_comments, read_series};
use super::reader::{child, extra, item, Reader, TextSize};
use crate::model::fields::{
    CHAIN_KEYS, DEPARTMENT_KEYS, GOAL_KEYS, KPI_KEYS, LINK_KEYS, MODEL_KEYS,
};
use crate::model::{Attach, Chain, Department, Goal, Id, Kpi, Link, Model};

// The keys each reader reads: an element's fields (`model::fields`) and the members with edits
// of their own. Every other property of the object is kept in its `extra`. (A read key missing
// here would be kept twice: `tests/format_roundtrip.rs` fails then.)
const MODEL: &[&[&str]] = &[
    MODEL_KEYS,
    &[
        "id",
        "goals",
        "kpis",
        "chains",
        "departments",
        "created",
        "modified",
        "origin",
        "mt_meeting",
    ],
];
const GOAL: &[&[&str]] = &[GOAL_KEYS, &["id"]];
const DEPARTMENT: &[&[&str]] = &[DEPARTMENT_KEYS, &["id", "meeting"]];
const CHAIN: &[&[&str]] = &[CHAIN_KEYS, &["id", "links", "meeting"]];
const LINK: &[&[&str]] = &[LINK_KEYS, &["id"]];
const KPI: &[&[&str]] = &[KPI_KEYS, &["id", "at", "drives", "values", "comments"]];

/// Reads a model object. `path` is the prefix of every reported path ("" for the model).
///
/// Every element is built by a struct literal without `..Default::default()`: a field added
/// to a type does not compile here until it is read.
pub fn read_model(obj: &Map<String, Value>, path: &str, r: &mut Reader) -> Model {
    // Missing or empty: the caller assigns an id.
    let id = Id::new(r.text(obj, "id", path, TextSize::Short));
    let name = r.text(obj, "name", path, TextSize::Short);
    let organisation = r.text(obj, "organisation", path, TextSize::Short);
    let description = r.text(obj, "description", path, TextSize::Long);
    let created = r.number(obj, "created", path);
    let modified = r.number(obj, "modified", path);
    let origin = r.text(obj, "origin", path, TextSize::Short);
    let mt_meeting = read_meeting(r, obj, path, "mt_meeting");
    let goals = read_keyed(obj, "goals", path, r, |o, p, r, id| Goal {
        id,
        name: r.text(o, "name", p, TextSize::Short),
        description: r.text(o, "description", p, TextSize::Long),
        extra: extra(o, GOAL),
    });
    let departments = read_keyed(obj, "departments", path, r, |o, p, r, id| Department {
        id,
        name: r.text(o, "name", p, TextSize::Short),
        description: r.text(o, "description", p, TextSize::Long),
        meeting: read_meeting(r, o, p, "meeting"),
        extra: extra(o, DEPARTMENT),
    });
    let chains = read_keyed(obj, "chains", path, r, |o, p, r, id| {
        read_chain(o, p, r, id, &departments)
    });
    let kpis_path = child(path, "kpis");
    let (kpis, positions) = read_kpis(obj, path, r, &goals, &chains);
    let model = Model {
        id,
        name,
        organisation,
        description,
        goals,
        kpis,
        chains,
        departments,
        created,
        modified,
        origin,
        management_team: r.text(obj, "management_team", path, TextSize::Long),
        mt_meeting,
        extra: extra(obj, MODEL),
    };
    super::cycles::report_cycles(&model, &positions, &kpis_path, r);
    model
}

/// The KPIs, and the file index of each kept KPI (for the paths of later problems).
fn read_kpis(
    obj: &Map<String, Value>,
    path: &str,
    r: &mut Reader,
    goals: &IndexMap<Id, Goal>,
    chains: &IndexMap<Id, Chain>,
) -> (IndexMap<Id, Kpi>, Vec<usize>) {
    let kpis_path = child(path, "kpis");
    let raw_kpis = r.list(obj, "kpis", path);
    // Every KPI id in the file, so `drives` can be checked while reading.
    let kpi_ids: HashSet<&str> = raw_kpis
        .iter()
        .filter_map(|v| v.get("id").and_then(Value::as_str))
        .collect();
    let places = Places { goals, chains };
    let mut kpis = IndexMap::new();
    let mut positions: Vec<usize> = Vec::new();
    for (i, value) in raw_kpis.iter().enumerate() {
        let p = item(&kpis_path, i);
        let Some(o) = r.object(value, &p) else {
            continue;
        };
        let id = r.required_id(o, "id", &p);
        let kpi = read_kpi(o, &p, r, id.clone().unwrap_or_default(), places, &kpi_ids);
        let Some(id) = id else { continue };
        if kpis.contains_key(&id) {
            duplicate_id(r, &p);
            continue;
        }
        if let Some(kpi) = kpi {
            kpis.insert(id, kpi);
            positions.push(i);
        }
    }
    (kpis, positions)
}

/// What a KPI's `at` may name: the goals and chains read so far.
#[derive(Clone, Copy)]
struct Places<'a> {
    goals: &'a IndexMap<Id, Goal>,
    chains: &'a IndexMap<Id, Chain>,
}

fn duplicate_id(r: &mut Reader, element_path: &str) {
    r.error(
        ProblemKind::DuplicateId,
        &child(element_path, "id"),
        "is used twice",
        "wordt twee keer gebruikt",
    );
}

/// Reads a list of elements keyed by their `id`; elements without a usable id or with a
/// repeated id are reported and left out.
fn read_keyed<T>(
    obj: &Map<String, Value>,
    key: &str,
    path: &str,
    r: &mut Reader,
    mut read: impl FnMut(&Map<String, Value>, &str, &mut Reader, Id) -> T,
) -> IndexMap<Id, T> {
    let list_path = child(path, key);
    let mut map = IndexMap::new();
    for (i, value) in r.list(obj, key, path).iter().enumerate() {
        let p = item(&list_path, i);
        let Some(o) = r.object(value, &p) else {
            continue;
        };
        let id = r.required_id(o, "id", &p);
        // Read the fields even without an id, so their problems are reported too.
        let element = read(o, &p, r, id.clone().unwrap_or_default());
        let Some(id) = id else { continue };
        if map.contains_key(&id) {
            duplicate_id(r, &p);
            continue;
        }
        map.insert(id, element);
    }
    map
}

fn read_chain(
    o: &Map<String, Value>,
    p: &str,
    r: &mut Reader,
    id: Id,
    departments: &IndexMap<Id, Department>,
) -> Chain {
    Chain {
        id,
        name: r.text(o, "name", p, TextSize::Short),
        description: r.text(o, "description", p, TextSize::Long),
        customer: r.text(o, "customer", p, TextSize::Short),
        trigger: r.text(o, "trigger", p, TextSize::Short),
        outcome: r.text(o, "outcome", p, TextSize::Short),
        owner: r.text(o, "owner", p, TextSize::Short),
        customer_value: r.text(o, "customer_value", p, TextSize::Long),
        internal_value: r.text(o, "internal_value", p, TextSize::Long),
        meeting: read_meeting(r, o, p, "meeting"),
        links: read_links(o, p, r, departments),
        extra: extra(o, CHAIN),
    }
}

/// A chain's links; one without a usable id, or with an id used before in the chain, is
/// reported and left out.
fn read_links(
    o: &Map<String, Value>,
    p: &str,
    r: &mut Reader,
    departments: &IndexMap<Id, Department>,
) -> Vec<Link> {
    let links_path = child(p, "links");
    let mut seen = HashSet::new();
    let mut links = Vec::new();
    for (i, value) in r.list(o, "links", p).iter().enumerate() {
        let lp = item(&links_path, i);
        let Some(lo) = r.object(value, &lp) else {
            continue;
        };
        let id = r.required_id(lo, "id", &lp);
        let department = r.optional_id(lo, "department", &lp);
        if let Some(d) = &department {
            if !departments.contains_key(d) {
                r.error(
                    ProblemKind::UnknownReference,
                    &child(&lp, "department"),
                    "refers to a department that is not in the file",
                    "verwijst naar een afdeling die niet in het bestand staat",
                );
            }
        }
        let link = Link {
            id: id.clone().unwrap_or_default(),
            name: r.text(lo, "name", &lp, TextSize::Short),
            description: r.text(lo, "description", &lp, TextSize::Long),
            department,
            external: r.flag(lo, "external", &lp),
            owner: r.text(lo, "owner", &lp, TextSize::Short),
            touches_customer: r.flag(lo, "touches_customer", &lp),
            handover: r.text(lo, "handover", &lp, TextSize::Long),
            agreements: items(r, lo, "agreements", &lp),
            extra: extra(lo, LINK),
        };
        let Some(id) = id else { continue };
        if !seen.insert(id) {
            r.error(
                ProblemKind::DuplicateId,
                &child(&lp, "id"),
                "is used twice in this chain",
                "wordt twee keer gebruikt in deze keten",
            );
            continue;
        }
        links.push(link);
    }
    links
}

/// Reads a KPI; `None` when its attachment is unusable (already reported).
fn read_kpi(
    o: &Map<String, Value>,
    p: &str,
    r: &mut Reader,
    id: Id,
    places: Places,
    kpi_ids: &HashSet<&str>,
) -> Option<Kpi> {
    let at = read_attach(o, p, r, places);
    // Read every field even when `at` is unusable, so all problems are reported.
    let name = r.text(o, "name", p, TextSize::Short);
    let definition = r.text(o, "definition", p, TextSize::Long);
    let formula = r.text(o, "formula", p, TextSize::Long);
    let unit = r.text(o, "unit", p, TextSize::Short);
    let direction = r.choice(o, "direction", p);
    let target = r.optional_number(o, "target", p);
    let red = r.optional_number(o, "red", p);
    let low = r.optional_number(o, "low", p);
    let high = r.optional_number(o, "high", p);
    let tolerance = r.optional_number(o, "tolerance", p);
    let norm_description = r.text(o, "norm_description", p, TextSize::Long);
    let frequency = r.choice(o, "frequency", p);
    let owner = r.text(o, "owner", p, TextSize::Short);
    let data_source = r.text(o, "data_source", p, TextSize::Short);
    let value_type = r.choice(o, "value_type", p);
    let drives = read_drives(o, p, r, kpi_ids);
    let values = read_series(r, o, p);
    let comments = read_comments(r, o, p);
    Some(Kpi {
        id,
        name,
        at: at?,
        definition,
        formula,
        unit,
        direction,
        target,
        red,
        low,
        high,
        tolerance,
        norm_description,
        frequency,
        owner,
        data_source,
        value_type,
        drives,
        values,
        comments,
        extra: extra(o, KPI),
    })
}

/// Every `drives` entry must name a KPI in the file; a repeated entry is a warning and dropped.
fn read_drives(
    o: &Map<String, Value>,
    p: &str,
    r: &mut Reader,
    kpi_ids: &HashSet<&str>,
) -> Vec<Id> {
    // Paths are written out only for a problem.
    let dp = |j: usize| item(&child(p, "drives"), j);
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for (j, value) in r.list(o, "drives", p).iter().enumerate() {
        let Some(target) = r.id_value_lazily(value, || dp(j)) else {
            continue;
        };
        if !kpi_ids.contains(target.as_str()) {
            r.error(
                ProblemKind::UnknownReference,
                &dp(j),
                "refers to a KPI that is not in the file",
                "verwijst naar een KPI die niet in het bestand staat",
            );
        } else if !seen.insert(target.clone()) {
            r.warning(
                ProblemKind::DuplicateReference,
                &dp(j),
                "names the same KPI twice; the repeat was left out",
                "noemt dezelfde KPI twee keer; de herhaling is weggelaten",
            );
            continue;
        }
        kept.push(target);
    }
    kept
}

fn read_attach(o: &Map<String, Value>, p: &str, r: &mut Reader, places: Places) -> Option<Attach> {
    let ap = child(p, "at");
    let Some(value) = o.get("at").filter(|v| !v.is_null()) else {
        r.error(
            ProblemKind::Missing,
            &ap,
            "is missing (it says whether the KPI measures a goal, a chain, a link or a handover)",
            "ontbreekt (het zegt of de KPI bij een doel, een keten, een schakel of een overdracht hoort)",
        );
        return None;
    };
    let at = r.object(value, &ap)?;
    let level = match at.get("level") {
        Some(Value::String(s)) => s.trim().to_ascii_lowercase(),
        _ => String::new(),
    };
    match level.as_str() {
        "result" => {
            let goal = r.required_id(at, "goal", &ap)?;
            if !places.goals.contains_key(&goal) {
                unknown(r, &child(&ap, "goal"), "a goal", "een doel");
            }
            Some(Attach::Result { goal })
        }
        "chain" => {
            let chain = r.required_id(at, "chain", &ap)?;
            if !places.chains.contains_key(&chain) {
                unknown(r, &child(&ap, "chain"), "a chain", "een keten");
            }
            Some(Attach::Chain { chain })
        }
        "link" | "handover" => {
            let chain = r.required_id(at, "chain", &ap);
            let link = r.required_id(at, "link", &ap);
            let (chain, link) = (chain?, link?);
            match places.chains.get(&chain) {
                None => unknown(r, &child(&ap, "chain"), "a chain", "een keten"),
                Some(c) if !c.links.iter().any(|l| l.id == link) => unknown(
                    r,
                    &child(&ap, "link"),
                    "a link of that chain",
                    "een schakel van die keten",
                ),
                Some(_) => {}
            }
            Some(if level == "link" {
                Attach::Link { chain, link }
            } else {
                Attach::Handover { chain, link }
            })
        }
        _ => {
            r.error(
                ProblemKind::BadValue,
                &child(&ap, "level"),
                "must be one of result, chain, link, handover",
                "moet een van deze zijn: result, chain, link, handover",
            );
            None
        }
    }
}

fn unknown(r: &mut Reader, path: &str, what_en: &str, what_nl: &str) {
    r.error(
        ProblemKind::UnknownReference,
        path,
        &format!("refers to {what_en} that is not in the file"),
        &format!("verwijst naar {what_nl} die niet in het bestand staat"),
    );
}
