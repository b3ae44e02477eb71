//! The committed JSON Schema matches the types.
//! Regenerate with: `UPDATE_SCHEMA=1 cargo test --test format_schema`

use kpi_structure::format::{export_json, import_json, schema_json, SCHEMA_PATH};
use kpi_structure::model::Model;

#[test]
fn committed_schema_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let fresh = schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).expect("write schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{SCHEMA_PATH} is out of date with the types. Regenerate it with:\n    UPDATE_SCHEMA=1 cargo test --test format_schema\nand commit the result."
    );
}

#[test]
fn schema_describes_the_envelope() {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let props = &schema["properties"];
    for key in ["type", "version", "source", "model"] {
        assert!(props.get(key).is_some(), "schema lacks {key}");
    }
    assert_eq!(props["version"]["const"], 1);
    // The schema itself is JSON, not a KPI Structure file.
    assert!(import_json(&schema_json()).is_err());
    assert!(import_json(&export_json(&Model::default())).is_ok());
}
