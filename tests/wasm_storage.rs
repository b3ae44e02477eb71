//! localStorage in a real browser (headless chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use kpi_structure::model::{Id, Model};
use kpi_structure::storage::keys;
use kpi_structure::storage::kv::{KeyValue, StoreError};
use kpi_structure::storage::library::{self, SaveError};
use kpi_structure::storage::local::{probe, LocalStore};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::clear_storage;

fn model(id: &str, name: &str) -> Model {
    Model {
        id: Id::new(id),
        name: name.into(),
        ..Model::default()
    }
}

#[wasm_bindgen_test]
fn local_store_reads_back_what_it_wrote() {
    clear_storage();
    assert!(probe());
    let mut s = LocalStore::open().expect("storage available");
    s.set("kpi-structure:x", "één").unwrap();
    assert_eq!(s.get("kpi-structure:x").unwrap().as_deref(), Some("één"));
    assert!(s.keys().unwrap().contains(&"kpi-structure:x".to_string()));
    s.remove("kpi-structure:x").unwrap();
    assert_eq!(s.get("kpi-structure:x").unwrap(), None);
}

#[wasm_bindgen_test]
fn local_store_tells_a_values_length_in_utf16_units_without_reading_it_out() {
    clear_storage();
    let mut s = LocalStore::open().unwrap();
    // é and € are one UTF-16 unit each, 😀 two: as the browser counts against its quota.
    s.set("kpi-structure:x", "é€😀ab").unwrap();
    assert_eq!(s.units("kpi-structure:x").unwrap(), Some(6));
    assert_eq!(s.units("kpi-structure:none").unwrap(), None);
    s.remove("kpi-structure:x").unwrap();
}

#[wasm_bindgen_test]
fn a_full_store_reports_quota_and_keeps_what_was_stored() {
    clear_storage();
    let mut s = LocalStore::open().unwrap();
    library::save(&mut s, &model("m1", "Kept"), 0).unwrap();
    // Fill the origin's quota with filler keys.
    let chunk = "x".repeat(256 * 1024);
    let mut i = 0;
    while s.set(&format!("filler:{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "quota never reached");
    }
    let big = model("m1", &"y".repeat(300 * 1024));
    let err = library::save(&mut s, &big, 1).unwrap_err();
    assert_eq!(err, SaveError::Store(StoreError::Quota));
    let (kept, rev) = library::load(&s, &Id::new("m1")).unwrap().unwrap();
    assert_eq!((kept.name.as_str(), rev), ("Kept", 1));
    // Space returns: saving resumes.
    for j in 0..i {
        s.remove(&format!("filler:{j}")).unwrap();
    }
    assert_eq!(library::save(&mut s, &big, 1), Ok(2));
    clear_storage();
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_listed_as_quarantined_and_left_alone() {
    clear_storage();
    let mut s = LocalStore::open().unwrap();
    library::save(&mut s, &model("m1", "Good"), 0).unwrap();
    s.set(&keys::model("bad"), "{\"rev\":1,\"model\":").unwrap();
    let listing = library::list(&s).unwrap();
    assert_eq!(listing.models.len(), 1);
    assert_eq!(listing.quarantined.len(), 1);
    assert_eq!(listing.quarantined[0].key, keys::model("bad"));
    assert!(library::delete(&mut s, &Id::new("bad")).is_err());
    assert_eq!(
        s.get(&keys::model("bad")).unwrap().as_deref(),
        Some("{\"rev\":1,\"model\":")
    );
    clear_storage();
}

/// A restore point as the app keeps it: the entry deflated by the browser, packed 15 bits a
/// character, stored in localStorage, read back to the same model.
#[wasm_bindgen_test]
async fn a_restore_point_round_trips_through_the_browsers_deflate_and_local_storage() {
    use kpi_structure::model::lineage::content_hash;
    use kpi_structure::storage::pack::pack;
    use kpi_structure::storage::points::{self, Point, Why};
    use kpi_structure::ui::copies::read_point;
    use kpi_structure::ui::files::deflate;

    clear_storage();
    let mut s = LocalStore::open().unwrap();
    let mut m = model("m1", "Coffee machines, versie één");
    m.description = "Een lange omschrijving. ".repeat(200);
    let text = library::entry_text(&m);
    let bytes = deflate(text.as_bytes())
        .await
        .expect("the browser deflates");
    let point = Point {
        time: 1.0,
        why: Why::Exported,
        hash: content_hash(&m),
        name: m.name.clone(),
        data: pack(&bytes),
    };
    points::add(&mut s, &m.id, point).unwrap();
    let stored = s.get("kpi-structure:points:m1").unwrap().unwrap();
    assert!(
        stored.encode_utf16().count() * 4 < text.len(),
        "compressed: {} units for {} bytes",
        stored.encode_utf16().count(),
        text.len()
    );
    let back = points::read(&s, &m.id);
    assert_eq!(back.len(), 1);
    assert_eq!(read_point(&back[0]).await, Some(m));
}
