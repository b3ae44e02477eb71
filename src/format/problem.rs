//! A problem found while importing: where (a JSON path) and what (a sentence in English and
//! Dutch that a consultant understands).

use std::fmt;

use super::lang::Lang;

/// What kind of problem; lets the UI and the tests tell problems apart without parsing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is larger than [`super::limits::MAX_FILE_BYTES`].
    TooLarge,
    /// The file is nested deeper than [`super::limits::MAX_NESTING`].
    TooDeep,
    /// The text is not valid JSON.
    NotJson,
    /// `type` is missing or is not `"kpi-structure"`.
    NotKpiStructure,
    /// `version` is missing or not a whole number of at least 1.
    BadVersion,
    /// `version` is newer than this app understands.
    NewerVersion,
    /// A migration from an older version failed.
    MigrationFailed,
    /// A required field is absent.
    Missing,
    /// A field has the wrong JSON type (text where a list belongs, ...).
    WrongType,
    /// A field holds a value outside its allowed set (`direction`, `frequency`, ...).
    BadValue,
    /// An id is the empty string.
    EmptyId,
    /// A text is longer than the limit.
    TooLong,
    /// An id is used by two elements of the same kind.
    DuplicateId,
    /// A reference points at an element that is not in the file.
    UnknownReference,
    /// A `drives` list names the same KPI twice (warning; the repeat is dropped).
    DuplicateReference,
    /// A version-1 KPI's norm text could not be read as numbers (warning; the text is kept
    /// as its norm description).
    NormNotRead,
    /// The `drives` relation has a cycle (warning; the editor's checks report it too).
    Cycle,
}

/// One problem, with its JSON path (relative to `model`, e.g. `kpis[3].direction`; envelope
/// fields are `type`, `version`, `model`; the whole file is the empty path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: String,
    /// The full sentence in English.
    pub en: String,
    /// The full sentence in Dutch.
    pub nl: String,
}

impl Problem {
    /// A problem with full sentences in both languages.
    pub fn new(
        kind: ProblemKind,
        path: impl Into<String>,
        en: impl Into<String>,
        nl: impl Into<String>,
    ) -> Self {
        Problem {
            kind,
            path: path.into(),
            en: en.into(),
            nl: nl.into(),
        }
    }

    /// A file of `bytes` is larger than [`super::limits::MAX_FILE_BYTES`].
    pub fn too_large(bytes: usize) -> Self {
        let mb = super::fixed::fixed(bytes as f64 / (1024.0 * 1024.0), 1);
        let limit = super::limits::MAX_FILE_BYTES / (1024 * 1024);
        Problem::new(
            ProblemKind::TooLarge,
            "",
            format!(
                "This file is too large ({mb} MB). KPI Structure opens files up to {limit} MB."
            ),
            format!(
                "Dit bestand is te groot ({mb} MB). KPI Structure opent bestanden tot {limit} MB."
            ),
        )
    }

    /// A problem whose sentences start with the path: `kpis[3].direction must be ...`.
    pub(crate) fn at(kind: ProblemKind, path: &str, en: &str, nl: &str) -> Self {
        Problem::new(kind, path, format!("{path} {en}"), format!("{path} {nl}"))
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Why an import failed: every error found, plus the warnings found on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportErrors {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl ImportErrors {
    pub(crate) fn one(problem: Problem) -> Self {
        ImportErrors {
            errors: vec![problem],
            warnings: Vec::new(),
        }
    }

    /// The error messages in `lang`, one per line.
    pub fn messages(&self, lang: Lang) -> Vec<&str> {
        self.errors.iter().map(|p| p.message(lang)).collect()
    }
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&p.en)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}
