//! Times the model core and the storage library on a 200-chain / 3,000-KPI model.
//! Run with `cargo run --release --example model_bench`.

use std::time::{Duration, Instant};

use kpi_structure::format::{export_json, import_json, read_stored};
use kpi_structure::model::steer::statuses;
use kpi_structure::model::{
    check, check_as_of, large_model, large_model_with_values, Edit, History, KpiField, Model,
};
use kpi_structure::storage::{kv::MemoryStore, library};

fn median(mut runs: Vec<Duration>) -> Duration {
    #[allow(clippy::disallowed_methods)] // not in the wasm
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed());
    }
    median(times)
}

fn main() {
    let start = Instant::now();
    let mut model: Model = large_model(200, 3000);
    let built = start.elapsed();
    println!(
        "large_model(200, 3000): {} chains, {} KPIs, {} departments, built in {built:?}",
        model.chains.len(),
        model.kpis.len(),
        model.departments.len()
    );
    let findings = check(&model);
    println!("check: {} findings", findings.len());
    println!(
        "check median of 200 runs: {:?}",
        time(200, || check(&model))
    );
    println!(
        "validate median of 50 runs: {:?}",
        time(50, || model.validate())
    );
    println!(
        "department_matrix median of 50 runs: {:?}",
        time(50, || model.department_matrix())
    );

    let kpi = model
        .kpis
        .get_index(1500)
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let mut history = History::default();
    let edit_undo = time(1000, || {
        let edit = Edit::SetKpi {
            id: kpi.clone(),
            field: KpiField::Name("Renamed".into()),
        };
        let ok = history.apply(&mut model, edit, false).is_ok();
        ok && history.undo(&mut model)
    });
    println!("single field edit + undo (History), median of 1000: {edit_undo:?}");

    // A chain KPI: driven by link KPIs, so the delete removes drives references too.
    let chain_kpi = model
        .kpis
        .values()
        .find(|k| k.level() == kpi_structure::model::Level::Chain)
        .map(|k| k.id.clone())
        .unwrap_or_default();
    let before = model.clone();
    let delete_undo = time(200, || {
        let edit = Edit::DeleteKpi {
            id: chain_kpi.clone(),
        };
        let ok = history.apply(&mut model, edit, false).is_ok();
        ok && history.undo(&mut model)
    });
    assert_eq!(model, before, "delete + undo gives back the model");
    println!("KPI delete + undo (History), median of 200: {delete_undo:?}");

    let chain = model
        .chains
        .get_index(100)
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let chain_undo = time(100, || {
        let ok = history
            .apply(&mut model, Edit::DeleteChain { id: chain.clone() }, false)
            .is_ok();
        ok && history.undo(&mut model)
    });
    assert_eq!(model, before, "chain delete + undo gives back the model");
    println!("chain delete + undo (History), median of 100: {chain_undo:?}");

    // What the debounced save does: read the stored revision, write, read back, index.
    let mut store = MemoryStore::default();
    let mut rev = library::save(&mut store, &model, 0).unwrap_or_default();
    let bytes = store.used();
    let save = time(20, || {
        rev = library::save(&mut store, &model, rev).unwrap_or_default();
    });
    println!("storage save, first of a tab ({bytes} bytes stored), median of 20: {save:?}");
    let mut last = library::save_after(&mut store, &model, rev, None).ok();
    let save_after = time(20, || {
        let expected = last.as_ref().map(|l| l.rev).unwrap_or_default();
        last = library::save_after(&mut store, &model, expected, last.as_ref()).ok();
    });
    println!("storage save after the tab's own save, median of 20: {save_after:?}");
    println!(
        "storage load, median of 20: {:?}",
        time(20, || library::load(&store, &model.id))
    );
    with_values();
}

/// localStorage in Chromium holds about 5 M UTF-16 code units per origin (keys and values).
const LOCAL_STORAGE_UNITS: usize = 5 * 1024 * 1024;

/// The 3,000-KPI model with 36 months of values (108,000 values): what it stores, and how
/// long export, import and every KPI's status take.
fn with_values() {
    let as_of = (2026, 12);
    let model = large_model_with_values(200, 3000, 36, as_of);
    let n: usize = model.kpis.values().map(|k| k.values.len()).sum();
    println!("\nwith values: {n} values (36 months per KPI, up to 2026-12)");

    let mut store = MemoryStore::default();
    let _ = library::save(&mut store, &model, 0);
    let used = store.used();
    println!(
        "stored in localStorage: {used} UTF-16 units = {:.0}% of ~{LOCAL_STORAGE_UNITS}",
        100.0 * used as f64 / LOCAL_STORAGE_UNITS as f64
    );
    let file = export_json(&model);
    println!(
        "Export JSON file: {} bytes (pretty; the import limit is 5 MiB)",
        file.len()
    );
    println!(
        "export_json median of 10: {:?}",
        time(10, || export_json(&model))
    );
    println!(
        "import_json median of 10: {:?}",
        time(10, || import_json(&file))
    );
    let entry = serde_json::to_string(&serde_json::json!({"version": 2, "model": &model}))
        .unwrap_or_default();
    println!(
        "read_stored (parse + lenient walk) median of 10: {:?}",
        time(10, || {
            serde_json::from_str(&entry)
                .ok()
                .map(|v: serde_json::Value| read_stored(v))
        })
    );
    println!(
        "storage load, median of 10: {:?}",
        time(10, || library::load(&store, &model.id))
    );
    println!(
        "statuses as of 2026-12 (3,000 KPIs), median of 200: {:?}",
        time(200, || statuses(&model, as_of))
    );
    let findings = check_as_of(&model, as_of);
    println!(
        "check_as_of: {} findings, median of 50: {:?}",
        findings.len(),
        time(50, || check_as_of(&model, as_of))
    );

    // Two copies (issue 13): what a restore point, a compare and a merge cost at this size.
    println!(
        "content_hash (a restore point's version), median of 10: {:?}",
        time(10, || kpi_structure::model::lineage::content_hash(&model))
    );
    let mut theirs = model.clone();
    for k in theirs.kpis.values_mut().step_by(10) {
        k.target = k.target.map(|t| t + 1.0);
    }
    println!(
        "differences (300 targets changed), median of 5: {:?}",
        time(5, || kpi_structure::model::compare::differences(
            &model, &theirs
        ))
    );
    println!(
        "three-way merge, median of 5: {:?}",
        time(5, || kpi_structure::model::merge::merge(
            Some(&model),
            &model,
            &theirs
        ))
    );
}
