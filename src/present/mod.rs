//! What the views show, computed from the model without Leptos or the browser: the
//! Structure diagram's geometry and its SVG export, the KPI table's rows, filter and sort, and
//! the small texts the views derive from the model. Native code, so its tests run with
//! `cargo test`; the `ui` draws what it returns.
//!
//! May use `crate::model` and `crate::format` only.

#![deny(missing_docs)]

pub mod chains;
pub mod compare;
pub mod diagram;
pub mod find;
pub mod form;
pub mod health;
pub mod history;
pub mod kpi_columns;
pub mod kpi_table;
pub mod labels;
pub mod meeting;
pub mod picture;
pub mod print;
pub mod record;
pub mod slides;
pub mod sparkline;
pub mod team;
pub mod trend_chart;
pub mod values_grid;
pub mod window;
