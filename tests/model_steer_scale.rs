//! The scale of issue #10: 3,000 KPIs with 36 months of values (108,000 values) survive
//! export and import unchanged, and fit where they are kept. Measured (`make bench-model`):
//! 1,676,387 UTF-16 units stored (about a third of localStorage's ~5 M), Export JSON
//! 4,009,949 bytes (pretty, under the 5 MiB import limit).

use kpi_structure::format::{export_json, import_json, MAX_FILE_BYTES};
use kpi_structure::model::steer::statuses;
use kpi_structure::model::{large_model_with_values, Status};
use kpi_structure::storage::{kv::MemoryStore, library};

/// What the stored entry may take: the measured 1.68 M plus a margin of about 20%.
const STORED_BOUND: usize = 2_000_000;

#[test]
fn a_3000_kpi_model_with_108000_values_round_trips_and_fits() {
    let model = large_model_with_values(200, 3000, 36, (2026, 12));
    let n: usize = model.kpis.values().map(|k| k.values.len()).sum();
    assert_eq!(n, 108_000);
    assert_eq!(large_model_with_values(200, 3000, 36, (2026, 12)), model);

    // The file: every value back, equal, and small enough to import again.
    let file = export_json(&model);
    assert!(file.len() < MAX_FILE_BYTES, "{} bytes", file.len());
    let back = import_json(&file).expect("re-import").model;
    assert_eq!(back, model);

    // What localStorage keeps (the library's save, counted in UTF-16 units as the browser
    // counts), read back by the lenient reader.
    let mut store = MemoryStore::default();
    library::save(&mut store, &model, 0).expect("saves");
    assert!(store.used() < STORED_BOUND, "{} units stored", store.used());
    let (loaded, _) = library::load(&store, &model.id).unwrap().expect("stored");
    assert_eq!(loaded, model);

    // The generated values give every status a norm can give.
    let s = statuses(&model, (2026, 12));
    for status in [Status::OnTarget, Status::AtRisk, Status::OffTarget] {
        assert!(s.values().any(|v| *v == status), "{status:?}");
    }
}
