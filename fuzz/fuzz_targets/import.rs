//! Fuzz `import_json` with arbitrary UTF-8: it must return a value, never panic, hang or
//! overflow the stack. Whatever opens must survive export and import unchanged.
#![no_main]

use kpi_structure::format::{export_csv, export_json, import_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = import_json(text) {
        let _ = export_csv(&imported.model);
        let again =
            import_json(&export_json(&imported.model)).expect("an exported model must import");
        // Floats with more than 15 significant digits may move by one unit through serde_json;
        // times are whole milliseconds in practice.
        let exact = |f: f64| f.fract() == 0.0 && f.abs() < 1e15;
        if exact(imported.model.created) && exact(imported.model.modified) {
            assert_eq!(again.model, imported.model);
        }
    }
});
