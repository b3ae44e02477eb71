//! The History list's texts: what changed from one restore point to the next, in one line.

use crate::model::compare::differences;
use crate::model::{Lang, Model};

use super::compare::describe;

/// What changed from `older` to `newer` in one line: "No changes", the one change, or
/// "3 changes: the first; the second; and 1 more".
pub fn change_summary(older: &Model, newer: &Model, lang: Lang) -> String {
    let diffs = differences(older, newer);
    let shown: Vec<String> = diffs
        .iter()
        .take(2)
        .map(|d| describe(d, older, newer, lang))
        .collect();
    match diffs.len() {
        0 => lang.pick("No changes", "Geen wijzigingen").to_string(),
        1 => shown[0].clone(),
        n => {
            let more = n - shown.len();
            let head = lang.pick(format!("{n} changes: "), format!("{n} wijzigingen: "));
            let tail = match (more, lang) {
                (0, _) => String::new(),
                (m, Lang::En) => format!("; and {m} more"),
                (m, Lang::Nl) => format!("; en nog {m}"),
            };
            format!("{head}{}{tail}", shown.join("; "))
        }
    }
}
