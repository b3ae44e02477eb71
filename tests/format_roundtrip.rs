//! Export then import gives back an equal model: by hand and over generated models.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;

use kpi_structure::format::{export_csv, export_json, file_name, import_json, share_payload};
use kpi_structure::model::{
    Agreement, Attach, Chain, Choice, Department, Direction, Extra, Frequency, Goal, Id, Kpi,
    Level, Link, Model, ValueType,
};
use kpi_structure::session::{Opened, Session};
use kpi_structure::storage::kv::MemoryStore;
use kpi_structure::storage::library;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

#[path = "support/filled.rs"]
mod filled;
use filled::filled;

#[test]
fn hand_made_model_round_trips() {
    let mut m = Model {
        id: "m1".into(),
        name: "Coffee machines".into(),
        organisation: "Koffie B.V.".into(),
        description: "Installs coffee machines".into(),
        created: 1_700_000_000_000.0,
        modified: 1_700_000_123_456.0,
        ..Model::default()
    };
    m.goals.insert(
        "g1".into(),
        Goal {
            id: "g1".into(),
            name: "Customer satisfaction".into(),
            description: String::new(),
            extra: Extra::new(),
        },
    );
    m.departments.insert(
        "d1".into(),
        Department {
            id: "d1".into(),
            name: "Sales".into(),
            description: "Sells".into(),
            meeting: Default::default(),
            extra: Extra::new(),
        },
    );
    m.chains.insert(
        "c1".into(),
        Chain {
            id: "c1".into(),
            name: "New coffee machine".into(),
            owner: "Commercial director".into(),
            links: vec![
                Link {
                    id: "l1".into(),
                    name: "Sales".into(),
                    department: Some("d1".into()),
                    ..Link::default()
                },
                Link {
                    id: "l2".into(),
                    name: "Carrier".into(),
                    external: true,
                    ..Link::default()
                },
            ],
            ..Chain::default()
        },
    );
    let mut k1 = Kpi::new(
        "k1".into(),
        "Satisfaction",
        Attach::Result { goal: "g1".into() },
    );
    k1.direction = Direction::Higher;
    (k1.target, k1.red) = (Some(9.0), Some(8.5));
    k1.norm_description = "9+".into();
    k1.frequency = Frequency::Quarterly;
    k1.value_type = ValueType::Customer;
    let mut k2 = Kpi::new("k2".into(), "On time", Attach::Chain { chain: "c1".into() });
    k2.drives = vec!["k1".into()];
    k2.direction = Direction::Band;
    (k2.low, k2.high, k2.tolerance) = (Some(90.0), Some(95.5), Some(0.0));
    let mut k3 = Kpi::new(
        "k3".into(),
        "Carrier on time",
        Attach::Link {
            chain: "c1".into(),
            link: "l2".into(),
        },
    );
    k3.drives = vec!["k2".into()];
    for k in [k1, k2, k3] {
        m.kpis.insert(k.id.clone(), k);
    }
    let text = export_json(&m);
    assert!(text.starts_with("{\n  \"type\": \"kpi-structure\",\n  \"version\": 3,\n  \"source\": {\n    \"app\": \"KPI Structure\""));
    assert!(text.ends_with("}\n"));
    let imported = import_json(&text).unwrap();
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.model, m);
    assert_eq!(file_name(&m), "Coffee machines.kpi.json");
    assert_eq!(file_name(&Model::default()), "model.kpi.json");
}

/// Short text of any characters, controls and markup included.
/// A norm number made from a generated text: none when it is empty.
fn num(text: &str) -> Option<f64> {
    (!text.is_empty()).then(|| text.chars().count() as f64 * 0.5 - 3.0)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ]{0,12}",
        proptest::string::string_regex("(?s).{0,16}").unwrap(),
        Just("<script>alert(1)</script>".to_string()),
        Just("=1+1,\"x\"\r\n".to_string()),
    ]
}

fn id(prefix: &str, i: usize, salt: &str) -> Id {
    Id::new(format!("{prefix}{i}{salt}"))
}

type LinkSpec = (String, Option<usize>, bool, String);
type ChainSpec = (String, [String; 5], Vec<LinkSpec>);
type KpiSpec = (
    String,
    (u8, usize, usize),
    [String; 9],
    (u8, u8, u8),
    Vec<usize>,
);

fn model_strategy() -> impl Strategy<Value = Model> {
    let link = (text(), option::of(0usize..8), any::<bool>(), text());
    let chain = (
        text(),
        [text(), text(), text(), text(), text()],
        vec(link, 0..4),
    );
    let kpi = (
        text(),
        (any::<u8>(), any::<usize>(), any::<usize>()),
        [
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
        ],
        (any::<u8>(), any::<u8>(), any::<u8>()),
        vec(any::<usize>(), 0..4),
    );
    (
        (text(), text(), text(), "[a-z-]{0,3}"),
        vec((text(), text()), 0..4),
        vec((text(), text()), 0..4),
        vec(chain, 0..4),
        vec(kpi, 0..10),
        // Whole milliseconds up to the year 5000 (serde_json without `float_roundtrip` can be
        // one unit off for floats with more than 16 significant digits).
        (0u64..100_000_000_000_000, 0u64..100_000_000_000_000),
    )
        .prop_map(|(head, goals, deps, chains, kpis, times)| {
            build(head, goals, deps, chains, kpis, times)
        })
}

fn build(
    (name, organisation, description, salt): (String, String, String, String),
    goals: Vec<(String, String)>,
    deps: Vec<(String, String)>,
    chains: Vec<ChainSpec>,
    kpis: Vec<KpiSpec>,
    (created, modified): (u64, u64),
) -> Model {
    let mut m = Model {
        id: Id::new(format!("m{salt}")),
        name,
        organisation,
        description,
        created: created as f64,
        modified: modified as f64,
        ..Model::default()
    };
    for (i, (name, description)) in goals.into_iter().enumerate() {
        let id = id("g", i, &salt);
        m.goals.insert(
            id.clone(),
            Goal {
                id,
                name,
                description,
                extra: Extra::new(),
            },
        );
    }
    for (i, (name, description)) in deps.into_iter().enumerate() {
        let id = id("d", i, &salt);
        m.departments.insert(
            id.clone(),
            Department {
                id,
                name,
                description,
                meeting: Default::default(),
                extra: Extra::new(),
            },
        );
    }
    let n_deps = m.departments.len();
    for (i, (name, [description, customer, trigger, outcome, owner], links)) in
        chains.into_iter().enumerate()
    {
        let id = id("c", i, &salt);
        let links = links
            .into_iter()
            .enumerate()
            .map(|(j, (name, dep, external, owner))| Link {
                id: Id::new(format!("l{j}")),
                description: String::new(),
                department: dep
                    .filter(|_| n_deps > 0)
                    .map(|d| Id::new(format!("d{}{salt}", d % n_deps))),
                external,
                touches_customer: j % 2 == 0,
                handover: if j % 3 == 1 {
                    owner.clone()
                } else {
                    String::new()
                },
                agreements: if j % 2 == 1 {
                    vec![Agreement {
                        text: name.clone(),
                        owner: owner.clone(),
                    }]
                } else {
                    Vec::new()
                },
                name,
                owner,
                extra: Extra::new(),
            })
            .collect();
        m.chains.insert(
            id.clone(),
            Chain {
                id,
                customer_value: name.to_uppercase(),
                internal_value: owner.to_lowercase(),
                name,
                description,
                customer,
                trigger,
                outcome,
                owner,
                links,
                meeting: Default::default(),
                extra: Extra::new(),
            },
        );
    }
    let mut placed: Vec<(Kpi, Vec<usize>)> = Vec::new();
    for (i, (name, (sel, a, b), texts, (dir, freq, vt), drives)) in kpis.into_iter().enumerate() {
        let Some(at) = attach(&m, sel, a, b) else {
            continue;
        };
        let [definition, formula, unit, target, amber, red, owner, data_source, _] = texts;
        let kpi = Kpi {
            definition,
            formula,
            unit,
            direction: Direction::ALL[dir as usize % Direction::ALL.len()],
            // Norm numbers from the texts' lengths: empty gives none, others halves.
            target: num(&target),
            red: num(&amber),
            low: num(&amber),
            high: num(&target).map(|n| n + 1.5),
            tolerance: num(&red).map(f64::abs),
            norm_description: red,
            frequency: Frequency::ALL[freq as usize % Frequency::ALL.len()],
            owner,
            data_source,
            value_type: ValueType::ALL[vt as usize % ValueType::ALL.len()],
            ..Kpi::new(id("k", i, &salt), name, at)
        };
        placed.push((kpi, drives));
    }
    let ids: Vec<Id> = placed.iter().map(|(k, _)| k.id.clone()).collect();
    for (mut kpi, drives) in placed {
        for d in drives {
            let target = ids[d % ids.len()].clone();
            if !kpi.drives.contains(&target) {
                kpi.drives.push(target);
            }
        }
        m.kpis.insert(kpi.id.clone(), kpi);
    }
    m
}

fn attach(m: &Model, sel: u8, a: usize, b: usize) -> Option<Attach> {
    match sel % 3 {
        0 if !m.goals.is_empty() => Some(Attach::Result {
            goal: m.goals.get_index(a % m.goals.len())?.0.clone(),
        }),
        1 if !m.chains.is_empty() => Some(Attach::Chain {
            chain: m.chains.get_index(a % m.chains.len())?.0.clone(),
        }),
        2 if !m.chains.is_empty() => {
            let (cid, chain) = m.chains.get_index(a % m.chains.len())?;
            let link = chain.links.get(b % chain.links.len().max(1))?;
            Some(if b.is_multiple_of(2) {
                Attach::Link {
                    chain: cid.clone(),
                    link: link.id.clone(),
                }
            } else {
                Attach::Handover {
                    chain: cid.clone(),
                    link: link.id.clone(),
                }
            })
        }
        _ => None,
    }
}

const BOM: char = '\u{feff}';

/// A minimal RFC 4180 reader, to check what the CSV export wrote.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else if c == '"' {
            quoted = true;
        } else if c == ',' {
            row.push(std::mem::take(&mut cell));
        } else if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        } else {
            cell.push(c);
        }
    }
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_models_round_trip(m in model_strategy()) {
        let text = export_json(&m);
        let imported = import_json(&text);
        prop_assert!(imported.is_ok(), "{}", imported.unwrap_err());
        prop_assert_eq!(imported.unwrap().model, m);
    }

    #[test]
    fn csv_has_a_row_per_kpi_and_every_name(m in model_strategy()) {
        let csv = export_csv(&m);
        prop_assert!(csv.starts_with(BOM), "no BOM");
        let rows = parse_csv(csv.trim_start_matches(BOM));
        prop_assert_eq!(rows.len(), m.kpis.len() + 1);
        for row in &rows {
            prop_assert_eq!(row.len(), 21);
        }
        let mut names: Vec<String> = rows[1..].iter().map(|r| r[4].clone()).collect();
        let mut expected: Vec<String> = m.kpis.values().map(|k| {
            if k.name.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{}", k.name) } else { k.name.clone() }
        }).collect();
        names.sort();
        expected.sort();
        prop_assert_eq!(names, expected);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = import_json(&s);
    }

    #[test]
    fn damaged_files_never_panic(m in model_strategy(), cut in any::<usize>(), byte in any::<u8>()) {
        let text = export_json(&m);
        let mut chars: Vec<char> = text.chars().collect();
        let at = cut % chars.len();
        chars[at] = char::from(byte);
        let damaged: String = chars.into_iter().collect();
        let _ = import_json(&damaged);
        let truncated: String = text.chars().take(at).collect();
        prop_assert!(import_json(&truncated).is_err() || at == 0 || truncated.trim_end() == text.trim_end());
    }
}

#[test]
fn choice_codes_are_what_files_hold() {
    fn check<T: Choice + serde::Serialize>() {
        for &v in &T::ALL[1..] {
            assert_eq!(serde_json::to_value(v).unwrap(), v.code());
        }
    }
    check::<Direction>();
    check::<Frequency>();
    check::<ValueType>();
}

// ---- Every field of every kind -------------------------------------------------------------
//
// `filled()` (tests/support/filled.rs) sets every field of every type a model holds, built with
// struct literals without `..Default::default()`: a field added to a type does not compile there
// until it is filled, and `every_field_is_filled` fails while it holds its default. The round trips
// below then fail until the new field survives export → import and storage → reload.

/// Whether a JSON value is a default: empty text, list or object, `false`, `0`, `null` or
/// `unset`.
fn is_default(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::Bool(true) => false,
        Value::String(s) => s.is_empty() || s == "unset",
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

/// For every path in `v` (list positions left out: `kpis[].drives`), whether some value at
/// it is not a default.
fn filled_paths(v: &serde_json::Value, path: &str, out: &mut BTreeMap<String, bool>) {
    *out.entry(path.to_string()).or_default() |= !is_default(v);
    match v {
        serde_json::Value::Array(a) => a
            .iter()
            .for_each(|x| filled_paths(x, &format!("{path}[]"), out)),
        serde_json::Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| filled_paths(x, &format!("{path}.{k}"), out)),
        _ => {}
    }
}

/// Every property the schema of `T` names is written for `value` (fields skipped when empty
/// would otherwise go unnoticed).
fn assert_all_written<T: schemars::JsonSchema + serde::Serialize>(value: &T) {
    let schema = schemars::schema_for!(T);
    let props = schema
        .as_value()
        .get("properties")
        .and_then(|p| p.as_object())
        .expect("an object schema");
    let written = serde_json::to_value(value).unwrap();
    for key in props.keys() {
        assert!(
            written.get(key).is_some(),
            "{}.{key} is not written: fill it in filled()",
            std::any::type_name::<T>()
        );
    }
}

#[test]
fn every_field_is_filled() {
    let m = filled();
    let mut paths = BTreeMap::new();
    filled_paths(&serde_json::to_value(&m).unwrap(), "model", &mut paths);
    for (path, filled) in paths {
        assert!(filled, "{path} only holds defaults: fill it in filled()");
    }
    assert_all_written(&m);
    assert_all_written(&m.goals[0]);
    assert_all_written(&m.departments[0]);
    let chain = &m.chains[0];
    assert_all_written(chain);
    assert_all_written(&chain.links[0]);
    assert_all_written(&chain.meeting);
    assert_all_written(&chain.meeting.actions[0]);
    assert_all_written(&chain.meeting.held[0]);
    assert_all_written(&chain.meeting.held[0].attendees[0]);
    assert_all_written(&chain.meeting.held[0].kpis[0]);
    for k in m.kpis.values() {
        assert_all_written(k);
    }
    // Every kind of attachment is there.
    let levels: std::collections::BTreeSet<Level> = m.kpis.values().map(Kpi::level).collect();
    assert_eq!(levels.len(), 3);
}

#[test]
fn every_field_survives_export_and_import() {
    let m = filled();
    let text = export_json(&m);
    let imported = import_json(&text).unwrap();
    assert_eq!(imported.warnings, vec![]);
    assert_eq!(imported.model, m);
    assert_eq!(export_json(&imported.model), text);
    // A share link carries the same file, compactly.
    let shared = import_json(&share_payload(&m)).unwrap();
    assert_eq!(shared.model, m);
}

#[test]
fn every_field_survives_storage_and_reload() {
    let m = filled();
    // The library: save, then load as opening a model does.
    let mut store = MemoryStore::default();
    let rev = library::save(&mut store, &m, 0).unwrap();
    let (loaded, loaded_rev) = library::load(&store, &m.id).unwrap().unwrap();
    assert_eq!(loaded_rev, rev);
    assert_eq!(loaded, m);
    // A restore point's entry text.
    assert_eq!(
        library::model_of_entry(&library::entry_text(&m)),
        Some(m.clone())
    );
    // A session opens it from the same store, and saves it back unchanged.
    let mut session = Session::new(store, true);
    assert_eq!(session.open(&m.id, 1.0), Opened::Open);
    assert_eq!(session.model(), Some(&m));
    // Through a new session over a store the model was first opened into.
    // (Saving stamps `modified`: save at the moment it holds.)
    let mut first = Session::new(MemoryStore::default(), true);
    first.open_new(m.clone(), m.modified);
    assert_eq!(first.model(), Some(&m));
    assert_eq!(first.stored_model(&m.id), Some(m.clone()));
}
