//! The KPI structure as a pure Rust model: types, edits, checks, queries.
//! No Leptos, no web-sys, no clock or randomness: the shell passes them in.
//!
//! See `docs/MODEL.md` for an overview of the model and the full list of edits.

pub mod add;
pub mod agenda;
mod apply;
pub mod changes;
pub mod checks;
mod choice;
pub mod compare;
pub mod completeness;
pub mod date;
pub mod edit;
mod eq;
pub mod error;
pub mod fields;
pub mod flat;
pub mod generate;
mod graph;
pub mod handover;
pub mod history;
pub mod id;
pub mod keyed;
pub mod lang;
pub mod lineage;
pub mod meeting;
pub mod merge;
pub mod missing;
pub mod names;
pub mod norm;
pub mod norm_text;
pub mod period;
pub mod queries;
pub mod read;
pub mod rollup;
pub mod sort;
pub mod steer;
pub mod target;
pub mod touch;
pub mod types;
mod validate;
pub mod values;

pub use checks::{check, check_as_of, CheckKind, Finding, Severity};
pub use choice::Choice;
pub use date::Date;
pub use edit::{
    ChainField, DepartmentField, DriveRef, Edit, GoalField, KpiField, LinkField, LinkRef,
    ModelField, PlacedKpi, Restore, Root,
};
pub use error::EditError;
pub use generate::{large_model, large_model_with_values};
pub use history::History;
pub use id::Id;
pub use lang::Lang;
pub use names::{name_key, same_name, unique_name};
pub use norm::{format_number, norm_note, parse_number, shown_norm, Contradiction, Norm, Status};
pub use norm_text::{norm_from_text, note_of, restates_norm, NormTextProblem};
pub use period::{Period, PeriodError, PeriodKind};
pub use queries::{DepartmentMatrix, MatrixLink, MatrixRow};
pub use read::Reader;
pub use steer::{status_as_of, value_as_of, Month};
pub use target::{kpi_noun, kpi_noun_at, ElementKind, Target};
pub use touch::{Topic, Touched};
pub use types::*;
pub use values::{Comments, Series};
