//! Models stored by the first format version (entries without a `version`, or version 1):
//! the library reads stored models with the migrations from version 2 on, so the app
//! upgrades these entries in place before it reads the library. They then open as they did
//! when the library read them through every migration: the real version-1 templates.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::format::{import_json, read_stored};
use kpi_structure::model::{Id, Model};
use kpi_structure::storage::keys;
use kpi_structure::storage::kv::{KeyValue, MemoryStore};
use kpi_structure::storage::library;
use serde_json::{json, Value};

const FIXTURES: &[&str] = &[
    "coffee-machines.en",
    "coffee-machines.nl",
    "order-to-cash.en",
    "order-to-cash.nl",
    "source-to-pay.en",
    "source-to-pay.nl",
    "issue-to-resolution.en",
    "issue-to-resolution.nl",
];

/// The version-1 file `name`, and the model it opens as through every migration.
fn fixture(name: &str, id: &str) -> (Value, Model) {
    let text = std::fs::read_to_string(format!("tests/fixtures/v1/{name}.kpi.json")).unwrap();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["version"], 1, "{name} is a version-1 file");
    file["model"]["id"] = json!(id);
    let expected = import_json(&file.to_string()).unwrap().model;
    (file["model"].clone(), expected)
}

#[test]
fn version_1_entries_are_upgraded_in_place_and_open_as_before() {
    let mut kv = MemoryStore::default();
    let mut expected = Vec::new();
    for (i, name) in FIXTURES.iter().enumerate() {
        let id = format!("m{i}");
        let (model, opened) = fixture(name, &id);
        // Entries from before the version was stored have none; later ones say 1.
        let rev = i + 3;
        let entry = if i % 2 == 0 {
            json!({ "rev": rev, "model": model }).to_string()
        } else {
            format!("{{\"version\":1,\"rev\":{rev},\"model\":{model}}}")
        };
        kv.set(&keys::model(&id), &entry).unwrap();
        expected.push((id, opened, (i + 3) as u64));
    }
    // A current entry and a damaged one are not the upgrade's business.
    let current = Model {
        id: Id::new("now".to_string()),
        name: "Current".into(),
        ..Model::default()
    };
    kv.set(&keys::model("now"), &library::entry_text(&current))
        .unwrap();
    kv.set(&keys::model("bad"), "{\"rev\":1,\"model\":")
        .unwrap();
    // A version-1 entry that is valid JSON but not a model (its revision is not a number):
    // listed as quarantined before and after, its text untouched.
    const DAMAGED: &str =
        "{\"rev\":\"x\",\"model\":{\"name\":\"Damaged\",\"kpis\":[{\"target\":\"95%\"}]}}";
    kv.set(&keys::model("damaged"), DAMAGED).unwrap();
    // Newer than this app: not older, whatever its digits start with.
    const NEWER: &str = "{\"version\":10,\"rev\":1,\"model\":{}}";
    kv.set(&keys::model("newer"), NEWER).unwrap();
    let current_text = kv.get(&keys::model("now")).unwrap();

    let mut older = library::older_entries(&kv).unwrap();
    older.sort();
    let mut want: Vec<String> = expected.iter().map(|(id, ..)| keys::model(id)).collect();
    want.push(keys::model("damaged"));
    want.sort();
    assert_eq!(older, want);
    // Unread by the library until upgraded.
    let raw = kv.get(&keys::model("m0")).unwrap().unwrap();
    assert!(read_stored(serde_json::from_str(&raw).unwrap()).is_err());

    assert_eq!(library::upgrade_older(&mut kv, &older), []);

    assert_eq!(
        library::older_entries(&kv).unwrap(),
        [keys::model("damaged")]
    );
    assert_eq!(
        kv.get(&keys::model("damaged")).unwrap().as_deref(),
        Some(DAMAGED)
    );
    assert_eq!(
        kv.get(&keys::model("newer")).unwrap().as_deref(),
        Some(NEWER)
    );
    for (id, opened, rev) in &expected {
        // Written as the app writes entries: version and revision first, so the next start
        // tells it is current from its first characters.
        let text = kv.get(&keys::model(id)).unwrap().unwrap();
        let head = format!("{{\"version\":3,\"rev\":{rev},");
        assert!(text.starts_with(&head), "{id}: {}", &text[..40]);
        let (model, stored_rev) = library::load(&kv, &Id::new(id.clone())).unwrap().unwrap();
        assert_eq!(
            &model, opened,
            "{id} opens as it did through every migration"
        );
        assert_eq!(stored_rev, *rev, "{id} keeps its revision");
    }
    // Each KPI's norm texts became numbers, with the texts kept as its description.
    let (coffee, _) = library::load(&kv, &Id::new("m0".to_string()))
        .unwrap()
        .unwrap();
    assert!(coffee.kpis.values().any(|k| !k.norm_description.is_empty()));
    assert_eq!(kv.get(&keys::model("now")).unwrap(), current_text);
    assert_eq!(
        kv.get(&keys::model("bad")).unwrap().as_deref(),
        Some("{\"rev\":1,\"model\":")
    );
    let listing = library::list(&kv).unwrap();
    assert_eq!(listing.models.len(), FIXTURES.len() + 1);
    assert_eq!(listing.quarantined.len(), 3);
}

#[test]
fn an_upgrade_that_does_not_fit_is_handed_back_and_the_stored_text_stays() {
    let (model, opened) = fixture("order-to-cash.nl", "m1");
    let stored = json!({ "rev": 2, "model": model }).to_string();
    let mut kv = MemoryStore::default();
    kv.set(&keys::model("m1"), &stored).unwrap();
    // Full: nothing larger than what is there fits.
    kv.quota = Some(kv.used());
    let older = library::older_entries(&kv).unwrap();
    let unwritten = library::upgrade_older(&mut kv, &older);
    assert_eq!(unwritten.len(), 1);
    assert_eq!(unwritten[0].key, keys::model("m1"));
    assert_eq!(unwritten[0].stored, stored);
    assert_eq!(
        kv.get(&keys::model("m1")).unwrap().as_deref(),
        Some(stored.as_str())
    );
    // What the app reads in its place opens as the stored entry did.
    let upgraded: Value = serde_json::from_str(&unwritten[0].upgraded).unwrap();
    assert_eq!(upgraded["rev"], 2);
    assert_eq!(read_stored(upgraded).unwrap(), opened);
}
