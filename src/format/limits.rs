//! Limits on what an import accepts. Documented in `docs/FORMAT.md`.

/// Largest file accepted, in bytes: 5 MB, about what a browser's localStorage holds.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Deepest nesting of `[` and `{` accepted. A valid file needs 6; the rest leaves room for
/// extensions. Checked before parsing, so hostile input never reaches a recursive parser
/// (serde_json's own limit of 128 stays as a second guard).
pub const MAX_NESTING: usize = 32;

/// Longest short text (names, ids, owner, unit, target, ...), in characters.
pub const MAX_NAME_CHARS: usize = 10_000;

/// Longest long text (descriptions, definitions, formulas), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
