//! Shared by the native tests: the shipped templates as models.

use kpi_structure::format::import_json;
use kpi_structure::model::{Id, Model};

/// A template of `public/templates/` (e.g. `coffee-machines.en.kpi.json`) as a model.
pub fn template(file: &str) -> Model {
    let path = format!("{}/public/templates/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("template file");
    import_json(&text).expect("template imports").model
}

/// The Coffee machines template (English).
#[allow(dead_code)]
pub fn coffee() -> Model {
    template("coffee-machines.en.kpi.json")
}

/// The id of the chain named `name` (panics when there is none: a test's own data).
#[allow(dead_code)]
pub fn chain_named(m: &Model, name: &str) -> Id {
    let chain = m.chains.values().find(|c| c.name == name);
    chain.expect("chain by name").id.clone()
}

/// The id of the link named `name` of the chain `chain` (panics when there is none).
#[allow(dead_code)]
pub fn link_named(m: &Model, chain: &Id, name: &str) -> Id {
    let link = m.chains[chain].links.iter().find(|l| l.name == name);
    link.expect("link by name").id.clone()
}

/// The id of the KPI named `name` (panics when there is none: a test's own data).
#[allow(dead_code)]
pub fn kpi_named(m: &Model, name: &str) -> Id {
    let kpi = m.kpis.values().find(|k| k.name == name);
    kpi.expect("KPI by name").id.clone()
}
