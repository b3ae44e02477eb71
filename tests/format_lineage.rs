//! A file records its lineage, and a copy imported from it keeps it: the consultant's export,
//! the client's edits and the client's export still name the version both started from.

mod support;

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::lineage::{ancestry, common_base, content_hash};
use serde_json::Value;
use support::coffee;

fn lineage_of(file: &str) -> Value {
    serde_json::from_str::<Value>(file).unwrap()["lineage"].clone()
}

#[test]
fn a_copy_edited_elsewhere_still_names_the_version_it_started_from() {
    let consultant = coffee();
    let v0 = content_hash(&consultant);
    let file0 = export_json(&consultant);
    assert_eq!(lineage_of(&file0)["version"], v0.as_str());
    assert!(
        lineage_of(&file0).get("from").is_none(),
        "made here: no origin"
    );

    // The client opens the file, edits, and exports again.
    let mut client = import_json(&file0).unwrap().into_copy();
    assert_eq!(client.origin, v0);
    client.name = "Coffee (client)".into();
    let v1 = content_hash(&client);
    assert_ne!(v1, v0);
    let file1 = export_json(&client);
    assert_eq!(lineage_of(&file1)["version"], v1.as_str());
    assert_eq!(lineage_of(&file1)["from"], v0.as_str());

    // Back at the consultant: the file's ancestry meets the consultant's restore point of v0.
    let back = import_json(&file1).unwrap();
    let lineage = back.lineage.unwrap();
    let theirs = ancestry(&back.model, lineage.hashes());
    let mine = ancestry(&consultant, [v0.as_str()]);
    assert_eq!(
        common_base([v0.as_str()], &mine, &theirs),
        Some(v0.as_str())
    );
}

#[test]
fn a_file_without_lineage_is_its_own_origin() {
    let m = coffee();
    let mut v: Value = serde_json::from_str(&export_json(&m)).unwrap();
    v.as_object_mut().unwrap().remove("lineage");
    let imported = import_json(&v.to_string()).unwrap();
    assert!(imported.lineage.is_none());
    assert_eq!(imported.into_copy().origin, content_hash(&m));
}

#[test]
fn a_damaged_lineage_is_ignored_not_an_error() {
    let m = coffee();
    let mut v: Value = serde_json::from_str(&export_json(&m)).unwrap();
    v["lineage"] = serde_json::json!({"version": 7});
    let imported = import_json(&v.to_string()).unwrap();
    assert!(imported.lineage.is_none());
    assert_eq!(imported.into_copy().origin, content_hash(&m));
}

#[test]
fn the_stored_origin_survives_a_save_and_a_file() {
    let mut m = coffee();
    m.origin = "00112233aabbccdd".into();
    let back = import_json(&export_json(&m)).unwrap();
    assert_eq!(back.model.origin, m.origin, "read back as it was written");
    assert_eq!(back.lineage.unwrap().from, m.origin);
}
