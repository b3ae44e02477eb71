//! The download name of a model: `<model name>.kpi.json`, safe on Windows, macOS and Linux.

use crate::model::Model;

/// Extension of a KPI Structure file.
pub const FILE_EXTENSION: &str = ".kpi.json";

/// Longest name part, in characters (file systems allow 255 bytes; leave room).
const MAX_STEM_CHARS: usize = 100;

/// `<model name>.kpi.json`; characters unsafe in file names (`/ \ : * ? " < > |` and control
/// characters) become `-`; leading and trailing spaces and dots are trimmed; reserved Windows
/// names get a `_` prefix; an empty result gives `model.kpi.json`.
pub fn file_name(model: &Model) -> String {
    format!("{}{FILE_EXTENSION}", file_stem(&model.name))
}

/// The name part of [`file_name`] for any text.
pub fn file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .take(MAX_STEM_CHARS)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '-') {
        return "model".to_string();
    }
    if is_reserved_on_windows(trimmed) {
        return format!("_{trimmed}");
    }
    trimmed.to_string()
}

fn is_reserved_on_windows(stem: &str) -> bool {
    let base = stem
        .split('.')
        .next()
        .unwrap_or(stem)
        .trim()
        .to_ascii_uppercase();
    matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem("Coffee machines"), "Coffee machines");
        assert_eq!(file_stem("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(file_stem(""), "model");
        assert_eq!(file_stem("  ...  "), "model");
        assert_eq!(file_stem("///"), "model");
        assert_eq!(file_stem("con"), "_con");
        assert_eq!(file_stem("COM1"), "_COM1");
        assert_eq!(file_stem("Koffie\u{0}\nmachines"), "Koffie--machines");
        assert_eq!(file_stem(&"x".repeat(500)).chars().count(), 100);
    }
}
