//! Storage: the only code that touches localStorage (`local.rs`, wasm only). The library
//! logic (`library.rs`) is pure and runs on any [`kv::KeyValue`].

#[cfg(target_arch = "wasm32")]
pub mod folder_fs;
pub mod journal;
pub mod keys;
pub mod kv;
pub mod library;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod pack;
pub mod points;
pub mod usage;
