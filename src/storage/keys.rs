//! The localStorage key scheme. Every key starts with `kpi-structure:` so the app never
//! touches another app's keys on the same origin.
//!
//! | key | value |
//! |---|---|
//! | `kpi-structure:index` | JSON array of [`super::library::Summary`]: the library list |
//! | `kpi-structure:model:<id>` | JSON `{"version": v, "rev": n, "model": {...}}`: one saved model, read back like a file (leniently, through the migrations; no `version` means 1) |
//! | `kpi-structure:lang` | `en` or `nl` |
//! | `kpi-structure:kpi-columns` | the KPIs table's shown columns, comma-separated column codes (read by the KPIs view) |
//! | `kpi-structure:your-name` | the self-declared name this browser's person writes under in a shared folder ("Your name") |
//! | `kpi-structure:points:<id>` | JSON array of [`super::points::Point`]: a model's restore points, oldest first |
//! | `kpi-structure:journal:<id>` | JSON `{"rev": n, "steps": [...]}`: changes of a model made before the edit engine arrived, not yet in a saved revision ([`super::journal`]) |
//!
//! Each kind of key has its own prefix, so no key of one kind is ever a key of another: a
//! journal or a restore point never overwrites a model.

pub const PREFIX: &str = "kpi-structure:";
pub const INDEX: &str = "kpi-structure:index";
pub const LANG: &str = "kpi-structure:lang";
pub const YOUR_NAME: &str = "kpi-structure:your-name";
pub const KPI_COLUMNS: &str = "kpi-structure:kpi-columns";
pub const MODEL_PREFIX: &str = "kpi-structure:model:";
pub const POINTS_PREFIX: &str = "kpi-structure:points:";
pub const JOURNAL_PREFIX: &str = "kpi-structure:journal:";

pub fn model(id: &str) -> String {
    format!("{MODEL_PREFIX}{id}")
}

/// The model id of a model key, if it is one.
pub fn model_id(key: &str) -> Option<&str> {
    key.strip_prefix(MODEL_PREFIX)
}
