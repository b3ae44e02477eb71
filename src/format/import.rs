//! Opening a file: lenient reading, strict checking. Every problem is reported with its path.
//!
//! Order: size limit, UTF-8 BOM, nesting limit, JSON syntax, `type`, `version`, migrations,
//! then the model walk (which reports all its problems at once).

use serde_json::Value;

use super::envelope::{Lineage, CURRENT_VERSION, FILE_TYPE};
use super::limits::{MAX_FILE_BYTES, MAX_NESTING};
use super::migrate::{migrate, Migration, MIGRATIONS, MIGRATIONS_FROM_V2};
use super::nesting::exceeds_nesting;
use super::problem::{ImportErrors, Problem, ProblemKind};
use super::read_model::read_model;
use super::reader::Reader;
use crate::model::Model;

/// A successfully opened file.
///
/// A file without a model `id` gives a model with an empty id: the caller assigns one (the
/// format never invents ids or randomness).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub model: Model,
    /// Problems that do not stop the file from opening (cycles in `drives`, repeated
    /// `drives` entries).
    pub warnings: Vec<Problem>,
    /// The versions the file records (see [`Lineage`]), if it records any.
    pub lineage: Option<Lineage>,
}

/// Opens a KPI Structure file written by this or an older version of the app.
pub fn import_json(text: &str) -> Result<Imported, ImportErrors> {
    import_json_with(text, CURRENT_VERSION, MIGRATIONS)
}

impl Imported {
    /// The model as a new copy: its [`Model::origin`] is the version the file was exported at
    /// (its content, for a file that does not say), so the copy, edited and exported again,
    /// still names the version it started from. What opening a file or share link keeps.
    pub fn into_copy(self) -> Model {
        let mut model = self.model;
        model.origin = match self.lineage {
            Some(l) => l.version,
            None => crate::model::lineage::content_hash(&model),
        };
        model
    }
}

/// As [`import_json`], for an app whose current format version is `current` with the given
/// migrations (tests use it to show that old files open after a future version bump).
pub fn import_json_with(
    text: &str,
    current: u32,
    migrations: &[(u32, Migration)],
) -> Result<Imported, ImportErrors> {
    let value = parse(text).map_err(ImportErrors::one)?;
    let version = check_envelope(&value).map_err(ImportErrors::one)?;
    let mut reader = Reader::default();
    let value = migrate(value, version, current, migrations, &mut reader.warnings)
        .map_err(ImportErrors::one)?;
    read_file(&value, reader)
}

/// Reads back a model this app stored: `entry` is the stored JSON object, holding the
/// format `version` it was written with and the `model` (entries written before the version
/// was stored are version 1). Read with the same walk as a file, without the length limits;
/// any error means the entry is damaged.
///
/// Knows the migrations from version 2 on ([`MIGRATIONS_FROM_V2`]): a version-1 entry is an
/// error until [`upgrade_stored`] has brought it up to date.
pub fn read_stored(entry: Value) -> Result<Model, ImportErrors> {
    let version = stored_version(&entry).map_err(ImportErrors::one)?;
    let mut reader = Reader {
        unlimited: true,
        ..Reader::default()
    };
    let entry = migrate(
        entry,
        version,
        CURRENT_VERSION,
        MIGRATIONS_FROM_V2,
        &mut reader.warnings,
    )
    .map_err(ImportErrors::one)?;
    read_file(&entry, reader).map(|imported| imported.model)
}

/// The format version a stored entry was written with (1 for entries from before the version
/// was stored).
pub fn stored_version(entry: &Value) -> Result<u32, Problem> {
    match entry.get("version") {
        None => Ok(1),
        Some(v) => whole_version(v),
    }
}

/// A stored entry brought up to the current version with every migration, its revision and
/// everything else kept: what [`read_stored`] then reads as it read the old entry before.
/// The conversion's warnings (a norm text not read as numbers, kept as the description) are
/// the ones reading it never showed either.
pub fn upgrade_stored(entry: Value) -> Result<Value, Problem> {
    let version = stored_version(&entry)?;
    migrate(entry, version, CURRENT_VERSION, MIGRATIONS, &mut Vec::new())
}

/// The model walk over an envelope that is already at the current version.
fn read_file(value: &Value, mut reader: Reader) -> Result<Imported, ImportErrors> {
    let model = match value.get("model").filter(|v| !v.is_null()) {
        None => {
            reader.error(ProblemKind::Missing, "model", "is missing", "ontbreekt");
            Model::default()
        }
        Some(m) => match reader.object(m, "model") {
            Some(obj) => read_model(obj, "", &mut reader),
            None => Model::default(),
        },
    };
    if reader.errors.is_empty() {
        let lineage = read_lineage(value);
        Ok(Imported {
            model,
            warnings: reader.warnings,
            lineage,
        })
    } else {
        Err(ImportErrors {
            errors: reader.errors,
            warnings: reader.warnings,
        })
    }
}

/// The envelope's `lineage`, leniently: anything but two hash strings counts as none (it only
/// decides whether a merge can be three-way).
fn read_lineage(value: &Value) -> Option<Lineage> {
    let l = value.get("lineage")?;
    let text = |k: &str| {
        l.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let lineage = Lineage {
        version: text("version"),
        from: text("from"),
    };
    (!lineage.version.is_empty()).then_some(lineage)
}

pub(crate) fn parse(text: &str) -> Result<Value, Problem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Problem::too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::new(
            ProblemKind::NotJson,
            "",
            "This file is empty.",
            "Dit bestand is leeg.",
        ));
    }
    if exceeds_nesting(text, MAX_NESTING) {
        return Err(Problem::new(
            ProblemKind::TooDeep,
            "",
            format!("This file is nested too deeply (more than {MAX_NESTING} levels of [ and {{). It is not a KPI Structure file."),
            format!("Dit bestand is te diep genest (meer dan {MAX_NESTING} niveaus van [ en {{). Het is geen KPI Structure-bestand."),
        ));
    }
    serde_json::from_str::<Value>(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if e.is_eof() {
            Problem::new(
                ProblemKind::NotJson,
                "",
                format!("This file is not valid JSON: it ends too early (line {line}, column {column}). It may have been cut off."),
                format!("Dit bestand is geen geldige JSON: het houdt te vroeg op (regel {line}, kolom {column}). Misschien is het afgebroken."),
            )
        } else {
            Problem::new(
                ProblemKind::NotJson,
                "",
                format!("This file is not valid JSON ({e})."),
                format!("Dit bestand is geen geldige JSON (fout op regel {line}, kolom {column})."),
            )
        }
    })
}

/// Checks `type` and reads `version`.
fn check_envelope(value: &Value) -> Result<u32, Problem> {
    let not_ours =
        |en: String, nl: String| Problem::new(ProblemKind::NotKpiStructure, "type", en, nl);
    let Value::Object(obj) = value else {
        return Err(not_ours(
            "This is not a KPI Structure file: it does not start with {.".to_string(),
            "Dit is geen KPI Structure-bestand: het begint niet met {.".to_string(),
        ));
    };
    match obj.get("type") {
        Some(Value::String(t)) if t == FILE_TYPE => {}
        None | Some(Value::Null) => {
            return Err(not_ours(
                format!("This is not a KPI Structure file: it has no \"type\": \"{FILE_TYPE}\"."),
                format!(
                    "Dit is geen KPI Structure-bestand: het heeft geen \"type\": \"{FILE_TYPE}\"."
                ),
            ))
        }
        Some(other) => {
            let shown: String = match other {
                Value::String(s) => s.chars().take(60).collect(),
                _ => other.to_string().chars().take(60).collect(),
            };
            return Err(not_ours(
                format!("This is not a KPI Structure file: its \"type\" is \"{shown}\", not \"{FILE_TYPE}\"."),
                format!("Dit is geen KPI Structure-bestand: het \"type\" is \"{shown}\", niet \"{FILE_TYPE}\"."),
            ));
        }
    }
    match obj.get("version") {
        None | Some(Value::Null) => Err(Problem::new(
            ProblemKind::BadVersion,
            "version",
            "This KPI Structure file has no \"version\", so it cannot be read safely.",
            "Dit KPI Structure-bestand heeft geen \"version\", dus het kan niet veilig gelezen worden.",
        )),
        Some(v) => whole_version(v),
    }
}

/// A `version` value: a whole number of at least 1.
pub(crate) fn whole_version(value: &Value) -> Result<u32, Problem> {
    let whole = value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0)
            .map(|f| f as u64)
    });
    match whole {
        Some(v) if v >= 1 => Ok(u32::try_from(v).unwrap_or(u32::MAX)),
        _ => Err(Problem::new(
            ProblemKind::BadVersion,
            "version",
            "The \"version\" of this file must be a whole number of at least 1.",
            "De \"version\" van dit bestand moet een geheel getal van minstens 1 zijn.",
        )),
    }
}
