//! The editor's five views (tabs). Each reads the open model from the app state and selects
//! elements with `app.selection`; edits go through `app.edit`.

pub mod chains;
pub mod health;
pub mod kpis;
pub mod matrix;
pub mod names;
pub mod structure;
