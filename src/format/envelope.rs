//! The file envelope around a model, and writing it.
//!
//! ```json
//! { "type": "kpi-structure", "version": 2,
//!   "source": { "app": "KPI Structure", "app_version": "0.1.0" },
//!   "lineage": { "version": "<content hash>", "from": "<content hash>" },
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
pub const CURRENT_VERSION: u32 = 3;

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
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Source {
    /// Always "KPI Structure".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = APP_NAME)))]
    pub app: String,
    /// The version of the app that wrote the file (not the format version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    pub app_version: Option<String>,
    /// The address the app ran at, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
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

/// Which versions of the model a file holds and descends from (content hashes,
/// [`crate::model::lineage::content_hash`]): compare and merge look for the version two
/// copies share. Optional; a file without it merges two-way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Lineage {
    /// The content hash of the model as exported in this file: 16 hex digits.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[0-9a-f]{16}$"))
    )]
    pub version: String,
    /// The content hash of the version the exporting model was itself imported from (the
    /// `lineage.version` of that file, as it was read).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub from: String,
}

impl Lineage {
    /// The lineage of `model` exported now.
    pub fn of(model: &Model) -> Lineage {
        Lineage {
            version: crate::model::lineage::content_hash(model),
            from: model.origin.clone(),
        }
    }

    /// The hashes it names, the exported version first.
    pub fn hashes(&self) -> impl Iterator<Item = &str> {
        [self.version.as_str(), self.from.as_str()]
            .into_iter()
            .filter(|h| !h.is_empty())
    }
}

/// A KPI Structure file: the envelope and the model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        deny_unknown_fields,
        title = "KPI Structure file",
        description = "A KPI structure (goals, result KPIs, customer chains, chain and link KPIs) as saved by the KPI Structure editor. See docs/FORMAT.md."
    )
)]
pub struct KpiStructureFile {
    #[serde(rename = "type")]
    pub file_type: FileType,
    /// The format version; this schema describes the version the app writes (2).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("const" = CURRENT_VERSION))
    )]
    pub version: u32,
    /// Informative; import ignores it.
    #[serde(default)]
    pub source: Source,
    /// Optional (written since 0.1 of the app; older files merge two-way).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Lineage"))]
    pub lineage: Option<Lineage>,
    pub model: Model,
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    #[serde(rename = "type")]
    file_type: FileType,
    version: u32,
    source: &'a Source,
    lineage: Lineage,
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
        lineage: Lineage::of(model),
        model,
    };
    // Serialising these types cannot fail: every map key is a string and no Serialize impl
    // reports errors. An empty string would be the visible symptom if that ever changed.
    let mut text = super::pretty::to_string(&envelope);
    text.push('\n');
    text
}
