//! Properties this version does not know (a file from a newer version of the same format) are
//! kept: on the model, a goal, a department, a chain, a link and a KPI (beside its norm too),
//! across opening, editing another field of the element, undo, storage, compare, merge and
//! export.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::compare::{differences, Difference, Subject};
use kpi_structure::model::flat::{flatten, unflatten};
use kpi_structure::model::merge::merge;
use kpi_structure::model::*;
use kpi_structure::present::compare::describe;
use kpi_structure::session::{Change, Opened, Session};
use kpi_structure::storage::kv::MemoryStore;
use serde_json::{json, Value};

#[path = "support/filled.rs"]
mod filled;
use filled::filled;

/// A version-2 file written by a newer app: every element carries a property this app does
/// not know (the KPI's `amber` and `norm_basis` describe its norm further).
const NEWER: &str = r##"{
  "type": "kpi-structure",
  "version": 2,
  "source": { "app": "KPI Structure", "app_version": "9.0.0" },
  "model": {
    "id": "m1",
    "name": "Coffee",
    "theme": { "colour": "teal", "dark": true },
    "goals": [{ "id": "g1", "name": "Satisfaction", "weight": 2 }],
    "departments": [{ "id": "d1", "name": "Sales", "cost_centre": "CC-12" }],
    "chains": [{
      "id": "c1", "name": "New machine", "colour": "#0a0",
      "links": [{ "id": "l1", "name": "Sales", "department": "d1", "sla": { "days": 3 } }]
    }],
    "kpis": [{
      "id": "k1", "name": "On time", "at": { "level": "chain", "chain": "c1" },
      "direction": "higher", "target": 95, "red": 90,
      "amber": 92.5, "norm_basis": "rolling 3 months", "tags": ["a", "b"]
    }]
  }
}"##;

fn map(v: Value) -> Extra {
    match v {
        Value::Object(o) => o,
        _ => panic!("an object"),
    }
}

fn opened() -> Model {
    let imported = import_json(NEWER).expect("the newer file opens");
    assert_eq!(imported.warnings, vec![]);
    imported.model
}

/// One edit of another field of each element that carries extras.
fn edits() -> Vec<Edit> {
    vec![
        Edit::SetModel {
            field: ModelField::Name("Coffee machines".into()),
        },
        Edit::SetGoal {
            id: "g1".into(),
            field: GoalField::Description("9 or more".into()),
        },
        Edit::SetDepartment {
            id: "d1".into(),
            field: DepartmentField::Name("Sales team".into()),
        },
        Edit::SetChain {
            id: "c1".into(),
            field: ChainField::Owner("Commercial director".into()),
        },
        Edit::SetLink {
            chain: "c1".into(),
            link: "l1".into(),
            field: LinkField::Owner("Sales manager".into()),
        },
        Edit::SetKpi {
            id: "k1".into(),
            field: KpiField::Target(Some(96.0)),
        },
    ]
}

fn assert_extras_kept(m: &Model) {
    assert_eq!(
        m.extra,
        map(json!({ "theme": { "colour": "teal", "dark": true } }))
    );
    assert_eq!(m.goals[0].extra, map(json!({ "weight": 2 })));
    assert_eq!(
        m.departments[0].extra,
        map(json!({ "cost_centre": "CC-12" }))
    );
    assert_eq!(m.chains[0].extra, map(json!({ "colour": "#0a0" })));
    assert_eq!(
        m.chains[0].links[0].extra,
        map(json!({ "sla": { "days": 3 } }))
    );
    assert_eq!(
        m.kpis[0].extra,
        map(json!({ "amber": 92.5, "norm_basis": "rolling 3 months", "tags": ["a", "b"] }))
    );
}

#[test]
fn a_newer_files_properties_survive_opening_editing_and_exporting() {
    let mut m = opened();
    assert_extras_kept(&m);
    for e in edits() {
        m.apply(e).expect("the edit applies");
    }
    assert_extras_kept(&m);
    assert_eq!(m.kpis[0].target, Some(96.0));

    let text = export_json(&m);
    let file: Value = serde_json::from_str(&text).unwrap();
    let model = &file["model"];
    assert_eq!(model["name"], "Coffee machines");
    assert_eq!(model["theme"], json!({ "colour": "teal", "dark": true }));
    assert_eq!(model["goals"][0]["weight"], 2);
    assert_eq!(model["goals"][0]["description"], "9 or more");
    assert_eq!(model["departments"][0]["cost_centre"], "CC-12");
    assert_eq!(model["chains"][0]["colour"], "#0a0");
    assert_eq!(model["chains"][0]["links"][0]["sla"], json!({ "days": 3 }));
    let kpi = &model["kpis"][0];
    assert_eq!((&kpi["target"], &kpi["red"]), (&json!(96.0), &json!(90.0)));
    assert_eq!(kpi["amber"], 92.5);
    assert_eq!(kpi["norm_basis"], "rolling 3 months");
    assert_eq!(kpi["tags"], json!(["a", "b"]));
    // Written after the known fields, each once.
    assert_eq!(text.matches("\"norm_basis\"").count(), 1);
    assert!(text.find("\"comments\"").unwrap_or(0) < text.find("\"amber\"").unwrap());

    assert_eq!(import_json(&text).unwrap().model, m);
}

#[test]
fn a_newer_files_properties_survive_storage_and_undo() {
    let mut session = Session::new(MemoryStore::default(), true);
    session.open_new(opened(), 1.0);
    for e in edits() {
        let change = Change::Edit {
            edit: e,
            coalesce: false,
        };
        session.change(change).expect("the edit applies");
    }
    // Deleting the chain and undoing it brings its properties back, with its link's and KPI's.
    let delete = Change::Edit {
        edit: Edit::DeleteChain { id: "c1".into() },
        coalesce: false,
    };
    session.change(delete).unwrap();
    assert!(session.model().unwrap().chains.is_empty());
    session.change(Change::Undo).unwrap();
    session.save(2.0);
    let edited = session.model().unwrap().clone();
    assert_extras_kept(&edited);

    // Opened again from storage, as the library does.
    let id = edited.id.clone();
    assert_eq!(session.stored_model(&id), Some(edited.clone()));
    assert_eq!(session.open(&id, 3.0), Opened::Open);
    assert_eq!(session.model(), Some(&edited));
}

#[test]
fn properties_of_a_newer_version_are_compared_and_merged_by_key() {
    let base = filled();
    // The flat form carries them: a merge rebuilds every element with its properties.
    assert_eq!(unflatten(&flatten(&base), &base), base);

    let mut theirs = base.clone();
    theirs.goals[0]
        .extra
        .insert("goal_since_v2_1".into(), json!("changed"));
    theirs.kpis[1]
        .extra
        .insert("x/added".into(), json!({ "by": "them" }));
    let diffs = differences(&base, &theirs);
    assert_eq!(diffs.len(), 2, "{diffs:?}");
    assert!(diffs.contains(&Difference::Field {
        subject: Subject::Goal("g1".into()),
        field: "goal_since_v2_1".into(),
        old: Some(json!("goal extra")),
        new: Some(json!("changed")),
    }));
    assert!(diffs.contains(&Difference::Field {
        subject: Subject::Kpi("k2".into()),
        field: "x/added".into(),
        old: None,
        new: Some(json!({ "by": "them" })),
    }));
    // Named by their key: this version has no words for them.
    let line = describe(&diffs[0], &base, &theirs, Lang::En);
    assert!(line.contains("goal since v2 1"), "{line}");

    // Mine renames the goal, theirs changes its property: both are kept, no conflict.
    let mut mine = base.clone();
    mine.apply(Edit::SetGoal {
        id: "g1".into(),
        field: GoalField::Name("Loyalty".into()),
    })
    .unwrap();
    let merged = merge(Some(&base), &mine, &theirs);
    assert_eq!(merged.conflicts, vec![]);
    let result = merged.resolve(&mine, &[]);
    assert_eq!(result.goals[0].name, "Loyalty");
    assert_eq!(result.goals[0].extra, theirs.goals[0].extra);
    assert_eq!(result.kpis[1].extra, theirs.kpis[1].extra);
}

#[test]
fn the_shipped_files_have_no_unknown_properties() {
    // What this version writes, and what migrating a version-1 file gives, it reads entirely:
    // nothing lands in `extra` (a key missing from the reader's list would).
    let root = env!("CARGO_MANIFEST_DIR");
    for dir in ["public/templates", "tests/fixtures/v1"] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".kpi.json"))
            .collect();
        files.sort();
        assert!(!files.is_empty());
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let m = import_json(&text).unwrap().model;
            let extras = std::iter::once(&m.extra)
                .chain(m.goals.values().map(|g| &g.extra))
                .chain(m.departments.values().map(|d| &d.extra))
                .chain(m.chains.values().map(|c| &c.extra))
                .chain(
                    m.chains
                        .values()
                        .flat_map(|c| c.links.iter().map(|l| &l.extra)),
                )
                .chain(m.kpis.values().map(|k| &k.extra));
            for extra in extras {
                assert!(extra.is_empty(), "{}: {extra:?}", path.display());
            }
        }
    }
}

#[test]
fn the_schema_allows_the_properties_kept() {
    // A newer file must still validate against this version's schema where we keep what it
    // adds: no `additionalProperties: false` on these objects.
    let schema: Value = serde_json::from_str(&kpi_structure::format::schema_json()).unwrap();
    for def in ["Model", "Goal", "Department", "Chain", "Link", "Kpi"] {
        let object = &schema["$defs"][def];
        assert!(object.is_object(), "{def} is in the schema");
        assert_ne!(
            object.get("additionalProperties"),
            Some(&json!(false)),
            "{def}"
        );
    }
}
