//! The file format: envelope, versions and migrations, lenient import with precise errors, CSV.
//!
//! Pure Rust (compiles to wasm); no panics: every failure is a [`Problem`] value with a JSON
//! path and an English and Dutch sentence. See `docs/FORMAT.md`.

mod csv;
mod cycles;
mod delimited;
mod envelope;
mod file_name;
pub mod fixed;
mod folder;
mod folder_name;
mod import;
mod lang;
mod limits;
mod migrate;
mod nesting;
mod pretty;
mod problem;
mod read_meeting;
mod read_model;
mod read_values;
mod reader;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod share;
pub mod slides;
pub mod stored_zip;
mod value_text;
mod values_csv;
mod values_paste;
pub mod xml;

pub use csv::{export_csv, export_csv_with};
pub use delimited::records;
pub use envelope::{
    export_json, export_json_with, FileType, KpiStructureFile, Lineage, Source, APP_NAME,
    CURRENT_VERSION, FILE_TYPE,
};
pub use file_name::{file_name, file_stem, FILE_EXTENSION};
pub use folder::{
    changes_to_json, read_changes, read_folder, Folder, ReadChanges, CHANGES_FORMAT,
    CHANGES_VERSION,
};
pub use folder_name::{
    changes_file_name, classify, writer_slug, FolderFile, BASE_FILE, CHANGES_DIR, CHANGES_EXTENSION,
};
pub use import::{
    import_json, import_json_with, read_stored, stored_version, upgrade_stored, Imported,
};
pub use lang::Lang;
pub use limits::{MAX_FILE_BYTES, MAX_NAME_CHARS, MAX_NESTING, MAX_TEXT_CHARS};
pub use migrate::{migrate, migrate_to_current, Migration, MIGRATIONS, MIGRATIONS_FROM_V2};
pub use problem::{ImportErrors, Problem, ProblemKind};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::{schema_json, SCHEMA_PATH};
pub use share::{
    base64url_decode, base64url_encode, fragment_data, share_payload, FRAGMENT_PREFIX,
    MAX_LINK_CHARS,
};
pub use value_text::{read_heading, read_number, Heading};
pub use values_csv::{export_values_csv, import_values_csv, VALUES_CSV_COLUMNS};
pub use values_paste::{
    parse_values_paste, PastePreview, PasteProblem, PasteProblemKind, PreviewCell, ValuesPaste,
};
