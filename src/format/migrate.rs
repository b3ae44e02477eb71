//! Format versions and the migrations between them.
//!
//! A migration turns the raw JSON value of a version-`n` file (the whole envelope) into a
//! version-`n + 1` file. [`MIGRATIONS`] is one ordered list; the runner applies every step from
//! the file's version up to the current one and writes the new `version` after each step.
//!
//! To add a version: bump [`super::envelope::CURRENT_VERSION`], change the types, append
//! `(n, vn_to_vn1)` here, add a test that a version-`n` file still opens.
//!
//! A step may push warnings (something it could not convert but kept); they are reported
//! with the import's other warnings.

use serde_json::{Map, Value};

use super::envelope::CURRENT_VERSION;
use super::problem::{Problem, ProblemKind};
use crate::model::{norm_from_text, Direction, Lang, Norm};

/// One step: turns a file of version `from` into one of version `from + 1`, pushing warnings.
pub type Migration = fn(Value, &mut Vec<Problem>) -> Result<Value, Problem>;

/// Every migration, ordered by `from`.
pub const MIGRATIONS: &[(u32, Migration)] = &[(1, v1_to_v2), (2, v2_to_v3)];

/// [`MIGRATIONS`] from version 2 on: what a stored model needs once the library's version-1
/// entries are upgraded (`storage::library::upgrade_older`, done before the library is read).
/// Reading the norm texts of version 1 is then not part of the app's first load. A new step
/// goes at the end of both lists (a test checks that this one is the other's tail).
pub const MIGRATIONS_FROM_V2: &[(u32, Migration)] = &[(2, v2_to_v3)];

/// Version 2 -> 3: a KPI may now hang at a handover between two links (`{"level":
/// "handover", "chain": …, "link": …}`, [`crate::model::Attach::Handover`]). A version-2
/// reader would refuse such a KPI and lose it, hence the new version; a version-2 file has
/// none, so nothing in it changes but its version.
pub fn v2_to_v3(file: Value, _warnings: &mut Vec<Problem>) -> Result<Value, Problem> {
    Ok(file)
}

/// Version 1 -> 2: a KPI's free-text norm (`target`, `amber`, `red`) becomes numbers
/// (`target` and `red`, or `low`, `high` and `tolerance`) where [`norm_from_text`] reads
/// them; the texts are always kept, joined, in `norm_description`. A KPI whose text cannot
/// be read keeps empty numbers and gets a warning naming it.
pub fn v1_to_v2(mut file: Value, warnings: &mut Vec<Problem>) -> Result<Value, Problem> {
    let Some(kpis) = file
        .get_mut("model")
        .and_then(|m| m.get_mut("kpis"))
        .and_then(Value::as_array_mut)
    else {
        return Ok(file);
    };
    for (i, kpi) in kpis.iter_mut().enumerate() {
        if let Value::Object(k) = kpi {
            if let Some(w) = kpi_v1_to_v2(k, &format!("kpis[{i}]")) {
                warnings.push(w);
            }
        }
    }
    Ok(file)
}

/// Converts one KPI object in place; returns the warning when its text cannot be read.
fn kpi_v1_to_v2(k: &mut Map<String, Value>, path: &str) -> Option<Problem> {
    // Texts only: anything else stays for the version-2 reader to judge (a number is read
    // as the number, another type is reported with its path).
    let mut take = |key: &str| match k.get(key) {
        Some(Value::String(s)) => {
            let s = s.clone();
            k.remove(key);
            s
        }
        Some(Value::Null) => {
            k.remove(key);
            String::new()
        }
        _ => String::new(),
    };
    let target = take("target");
    let amber = take("amber");
    let red = take("red");
    let description: Vec<String> = [
        target.trim().to_string(),
        prefixed("amber", &amber),
        prefixed("red", &red),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if description.is_empty() {
        return None;
    }
    k.insert(
        "norm_description".to_string(),
        Value::from(description.join(" · ")),
    );
    let direction = match k.get("direction").and_then(Value::as_str) {
        Some(d) => match d.trim().to_ascii_lowercase().as_str() {
            "higher" => Direction::Higher,
            "lower" => Direction::Lower,
            "band" => Direction::Band,
            _ => Direction::Unset,
        },
        None => Direction::Unset,
    };
    match norm_from_text(direction, &target, &amber, &red) {
        Ok(norm) => {
            let numbers: &[(&str, f64)] = match norm {
                Norm::Higher { target, red } | Norm::Lower { target, red } => {
                    &[("target", target), ("red", red)]
                }
                Norm::Band {
                    low,
                    high,
                    tolerance,
                } => &[("low", low), ("high", high), ("tolerance", tolerance)],
            };
            for (key, n) in numbers {
                k.insert((*key).to_string(), Value::from(*n));
            }
            None
        }
        Err(problem) => {
            let name = k.get("name").and_then(Value::as_str).unwrap_or("").trim();
            let name = if name.is_empty() { path } else { name };
            Some(Problem::new(
                ProblemKind::NormNotRead,
                path,
                format!(
                    "KPI “{name}”: its norm was not read as numbers. {} The text is kept as the norm description; enter the numbers in the inspector.",
                    problem.message(Lang::En)
                ),
                format!(
                    "KPI “{name}”: de norm is niet als getallen gelezen. {} De tekst staat in de normomschrijving; vul de getallen in bij de eigenschappen.",
                    problem.message(Lang::Nl)
                ),
            ))
        }
    }
}

/// `"amber 90 - 95%"`, or "" when the text is empty.
fn prefixed(label: &str, text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!("{label} {text}")
    }
}

/// Brings `file` (an envelope of version `from`) up to version `current` with `migrations`.
pub fn migrate(
    mut file: Value,
    from: u32,
    current: u32,
    migrations: &[(u32, Migration)],
    warnings: &mut Vec<Problem>,
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
        file = step(file, warnings)?;
        version += 1;
        if let Value::Object(map) = &mut file {
            map.insert("version".to_string(), Value::from(version));
        }
    }
    Ok(file)
}

/// Brings `file` up to [`CURRENT_VERSION`] with [`MIGRATIONS`].
pub fn migrate_to_current(
    file: Value,
    from: u32,
    warnings: &mut Vec<Problem>,
) -> Result<Value, Problem> {
    migrate(file, from, CURRENT_VERSION, MIGRATIONS, warnings)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_v2_is_the_tail_of_every_migration() {
        assert_eq!(MIGRATIONS_FROM_V2.len(), MIGRATIONS.len() - 1);
        assert_eq!(MIGRATIONS_FROM_V2[0].0, 2);
        for ((a, f), (b, g)) in MIGRATIONS[1..].iter().zip(MIGRATIONS_FROM_V2) {
            assert_eq!(a, b);
            assert_eq!(*f as usize, *g as usize, "the step from version {a}");
        }
    }
}
