//! Shared by the native tests: the shipped templates as models.

use kpi_structure::format::import_json;
use kpi_structure::model::Model;

/// A template of `public/templates/` (e.g. `coffee-machines.en.kpi.json`) as a model.
pub fn template(file: &str) -> Model {
    let path = format!("{}/public/templates/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("template file");
    import_json(&text).expect("template imports").model
}

/// The Coffee machines template (English).
pub fn coffee() -> Model {
    template("coffee-machines.en.kpi.json")
}
