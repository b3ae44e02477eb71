//! What the shared folder shows in words: a KPI's "Value history", who entered a value (the
//! Values grid's title), the folder's status line and its notices (sync copies merged, files
//! not read, changes overwritten unseen). Times come formatted by the caller (`when`: the
//! browser knows the local time zone).

use crate::format::Folder;
use crate::model::changes::{Merged, Stamp, ValueChange};
use crate::model::Lang;

use super::meeting::value_text;

/// The "Value history" lines of a KPI, newest first: `2026-12: 91% → 93% · Ben · 4-12 10:15`.
pub fn value_history_lines(
    history: &[ValueChange],
    unit: &str,
    lang: Lang,
    when: impl Fn(&str) -> String,
) -> Vec<String> {
    history
        .iter()
        .map(|c| {
            format!(
                "{}: {} → {} · {} · {}",
                c.period,
                value_text(c.old, unit, lang),
                value_text(c.new, unit, lang),
                c.by,
                when(&c.at)
            )
        })
        .collect()
}

/// Who entered a value, for a cell's title. Names are self-declared: the text says so.
pub fn entered_by(stamp: &Stamp, lang: Lang, when: impl Fn(&str) -> String) -> String {
    match lang {
        Lang::En => format!(
            "Entered by {} (a self-declared name), {}",
            stamp.by,
            when(&stamp.at)
        ),
        Lang::Nl => format!(
            "Ingevoerd door {} (een zelf opgegeven naam), {}",
            stamp.by,
            when(&stamp.at)
        ),
    }
}

/// Who works in the folder: "Shared with Anna, Ben" (nobody yet: "No changes by anyone yet").
pub fn writers_line(merged: &Merged, lang: Lang) -> String {
    if merged.writers.is_empty() {
        return lang
            .pick(
                "No changes by anyone yet",
                "Nog geen wijzigingen van iemand",
            )
            .to_string();
    }
    format!(
        "{} {}",
        lang.pick("Changes by", "Wijzigingen van"),
        merged.writers.join(", ")
    )
}

/// The notices of a folder read and merged: copies a sync client made (merged), files not
/// read (with why), changes that were overwritten by a writer who had not seen them.
pub fn folder_notices(folder: &Folder, merged: &Merged, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if !folder.copies.is_empty() {
        out.push(format!(
            "{} {}",
            lang.pick(
                "Copies your sync client made were read and merged:",
                "Kopieën die je synchronisatieprogramma maakte, zijn gelezen en samengevoegd:"
            ),
            folder.copies.join(", ")
        ));
    }
    for (name, problem) in &folder.unread {
        out.push(format!(
            "{} {name}: {}",
            lang.pick("Not read:", "Niet gelezen:"),
            problem.message(lang)
        ));
    }
    for c in &merged.conflicts {
        out.push(match lang {
            Lang::En => format!(
                "{} changed {} without having seen {}'s change; the later one ({}) is kept.",
                c.kept.by, c.key, c.lost.by, c.kept.by
            ),
            Lang::Nl => format!(
                "{} wijzigde {} zonder de wijziging van {} te hebben gezien; de latere ({}) blijft.",
                c.kept.by, c.key, c.lost.by, c.kept.by
            ),
        });
    }
    out
}
