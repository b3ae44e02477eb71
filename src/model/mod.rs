//! The KPI structure as a pure Rust model: types, edits, checks, queries.
//! No Leptos, no web-sys, no clock or randomness: the shell passes them in.

pub mod id;
pub mod keyed;
pub mod lang;
pub mod types;

pub use id::Id;
pub use lang::Lang;
pub use types::*;
