//! Format versions and the migrations between them.
//!
//! A migration turns the raw JSON value of a version-`n` file (the whole envelope) into a
//! version-`n + 1` file. [`MIGRATIONS`] is one ordered list; the runner applies every step from
//! the file's version up to the current one and writes the new `version` after each step.
//!
//! To add version 2: bump [`super::envelope::CURRENT_VERSION`], change the types, append
//! `(1, v1_to_v2)` here, add a test that a version-1 file still opens.

use serde_json::Value;

use super::envelope::CURRENT_VERSION;
use super::problem::{Problem, ProblemKind};

/// One step: turns a file of version `from` into one of version `from + 1`.
pub type Migration = fn(Value) -> Result<Value, Problem>;

/// Every migration, ordered by `from`. Empty while the current version is 1.
pub const MIGRATIONS: &[(u32, Migration)] = &[];

/// Brings `file` (an envelope of version `from`) up to version `current` with `migrations`.
pub fn migrate(
    mut file: Value,
    from: u32,
    current: u32,
    migrations: &[(u32, Migration)],
) -> Result<Value, Problem> {
    if from > current {
        return Err(newer_version(from));
    }
    let mut version = from;
    while version < current {
        let step = migrations
            .iter()
            .find(|(step_from, _)| *step_from == version)
            .map(|(_, f)| *f);
        let Some(step) = step else {
            return Err(Problem::new(
                ProblemKind::MigrationFailed,
                "version",
                format!(
                    "This file has version {version}, which this version of KPI Structure cannot convert."
                ),
                format!(
                    "Dit bestand heeft versie {version}, die deze versie van KPI Structure niet kan omzetten."
                ),
            ));
        };
        file = step(file)?;
        version += 1;
        if let Value::Object(map) = &mut file {
            map.insert("version".to_string(), Value::from(version));
        }
    }
    Ok(file)
}

/// Brings `file` up to [`CURRENT_VERSION`] with [`MIGRATIONS`].
pub fn migrate_to_current(file: Value, from: u32) -> Result<Value, Problem> {
    migrate(file, from, CURRENT_VERSION, MIGRATIONS)
}

pub(crate) fn newer_version(version: u32) -> Problem {
    Problem::new(
        ProblemKind::NewerVersion,
        "version",
        format!(
            "This file was made with a newer version of KPI Structure (version {version}). Update the app to open it."
        ),
        format!(
            "Dit bestand is gemaakt met een nieuwere versie van KPI Structure (versie {version}). Werk de app bij om het te openen."
        ),
    )
}
