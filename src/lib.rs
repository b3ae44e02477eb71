//! KPI Structure: a browser-only editor for KPI structures built on customer chains.

pub mod format;
pub mod model;
pub mod present;
pub mod session;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
