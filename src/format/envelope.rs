//! The file envelope around a model, and writing it.
//!
//! ```json
//! { "type": "kpi-structure", "version": 2,
//!   "source": { "app": "KPI Structure", "app_version": "0.1.0" },
//!   "model": { ... } }
//! ```

use serde::{Deserialize, Serialize};

use crate::model::Model;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The value of the envelope's `type` field.
pub const FILE_TYPE: &str = "kpi-structure";

/// The format version this app writes. Older versions are migrated on import (see
/// [`super::migrate`]).
pub const CURRENT_VERSION: u32 = 2;

/// The app name written in `source.app`.
pub const APP_NAME: &str = "KPI Structure";

/// The marker in `type`: always `"kpi-structure"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub enum FileType {
    #[default]
    #[serde(rename = "kpi-structure")]
    KpiStructure,
}

/// Where the file came from. Informative only: import ignores it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Source {
    /// Always "KPI Structure".
    pub app: String,
    /// The version of the app that wrote the file (not the format version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// The address the app ran at, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Default for Source {
    fn default() -> Self {
        Source {
            app: APP_NAME.to_string(),
            app_version: Some(env!("CARGO_PKG_VERSION").to_string()),
            url: None,
        }
    }
}

/// A KPI Structure file: the envelope and the model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "KPI Structure file",
        description = "A KPI structure (goals, result KPIs, customer chains, chain and link KPIs) as saved by the KPI Structure editor. See docs/FORMAT.md."
    )
)]
pub struct KpiStructureFile {
    #[serde(rename = "type")]
    pub file_type: FileType,
    /// The format version; this schema describes version 1.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 1)))]
    pub version: u32,
    /// Informative; import ignores it.
    #[serde(default)]
    pub source: Source,
    pub model: Model,
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    #[serde(rename = "type")]
    file_type: FileType,
    version: u32,
    source: &'a Source,
    model: &'a Model,
}

/// The model as a pretty-printed file of the current version, ending in a newline.
pub fn export_json(model: &Model) -> String {
    export_json_with(model, &Source::default())
}

/// As [`export_json`], with a chosen `source` (e.g. with the app's `url`).
pub fn export_json_with(model: &Model, source: &Source) -> String {
    let envelope = EnvelopeRef {
        file_type: FileType::KpiStructure,
        version: CURRENT_VERSION,
        source,
        model,
    };
    // Serialising these types cannot fail: every map key is a string and no Serialize impl
    // reports errors. An empty string would be the visible symptom if that ever changed.
    let mut text = super::pretty::to_string(&envelope);
    text.push('\n');
    text
}
