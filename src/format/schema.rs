//! The JSON Schema of a file, generated from the types (native builds only). It describes
//! what [`super::export_json`] writes (schemars' serialize contract): a field the writer
//! always writes is required, one it leaves out when empty is optional, nothing else is
//! allowed. Import is more lenient (`docs/FORMAT.md`).
//! The committed copy is `public/kpi-structure.schema.json`; `tests/format_schema.rs` keeps
//! it in step (`UPDATE_SCHEMA=1 cargo test --test format_schema` rewrites it).

use super::envelope::KpiStructureFile;

/// Where the committed schema lives, relative to the crate root.
pub const SCHEMA_PATH: &str = "public/kpi-structure.schema.json";

/// The schema of a file of the current version, pretty-printed, ending in a newline.
pub fn schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<KpiStructureFile>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
