//! The JSON Schema of a file, generated from the types (native builds only).
//! The committed copy is `public/kpi-structure.schema.json`; `tests/format_schema.rs` keeps
//! it in step (`UPDATE_SCHEMA=1 cargo test --test format_schema` rewrites it).

use super::envelope::KpiStructureFile;

/// Where the committed schema lives, relative to the crate root.
pub const SCHEMA_PATH: &str = "public/kpi-structure.schema.json";

/// The schema of a version-1 file, pretty-printed, ending in a newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(KpiStructureFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
