//! A team's shared folder, merged: each writer's changes as flat-key entries
//! ([`super::flat`]), one file per writer, merged over the base model for everyone.
//!
//! A writer appends [`diff`]`(seen, now, at)` to their own [`ChangeFile`]: every field key whose
//! value differs between the model they last saw (the merged folder) and their model now, with
//! the old and new value and the time. [`merge_folder`] applies every writer's entries to the
//! base: for each key the entry with the latest `at` wins (ties: writer name, then value), so
//! the result depends only on the set of entries, not on the order of the files or on how a
//! sync client split a file into copies. An entry that overwrote another writer's change it had
//! not seen (its `old` is not the value it replaced) is a [`FolderConflict`]: the later one
//! is kept and both are named. [`value_history`] / [`comment_history`] say who changed a KPI's
//! values and comments, newest first.
//!
//! Times are passed in (no clock here): RFC 3339 text, as the browser's
//! `Date.prototype.toISOString` writes it (`2026-12-04T10:15:00.000Z`); other offsets
//! (`+01:00`) and precisions compare correctly; text that is not such a time sorts before all
//! times. The format of the file is `crate::format` (`docs/FORMAT.md`, "Shared folder").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::date::Date;
use super::flat::{esc, flatten, joined, unflatten};
use super::id::Id;
use super::period::Period;
use super::types::Model;

/// One entry of a change file: the field `key` set to `value` (`None`: removed, e.g. the
/// element was deleted) where it was `old` (`None`: absent), at time `at`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// A flat key ([`super::flat`]): `kpi/k3/value/2026-03`, `goal/g1/name`, `kpi/k9`.
    pub key: String,
    #[serde(default)]
    pub value: Option<Value>,
    #[serde(default)]
    pub old: Option<Value>,
    /// RFC 3339, e.g. `2026-12-04T10:15:00.000Z`.
    pub at: String,
}

/// One writer's file: every change they made to the folder's model, oldest first.
/// Only that writer ever writes it; they append, never rewrite earlier entries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeFile {
    /// The id of the base model.
    pub model: Id,
    /// The content hash ([`super::lineage::content_hash`]) of the base the writer started
    /// from.
    pub base: String,
    /// The writer's self-declared name ("Your name").
    pub writer: String,
    pub changes: Vec<Change>,
}

impl ChangeFile {
    /// An empty file of `writer` for the folder whose base model is `base`.
    pub fn for_base(base: &Model, writer: &str) -> ChangeFile {
        ChangeFile {
            model: base.id.clone(),
            base: super::lineage::content_hash(base),
            writer: writer.to_string(),
            changes: Vec::new(),
        }
    }
}

/// The entries to append when the model the writer last saw (`seen`: the merged folder, or
/// what they wrote last) has become `now`: one per flat key whose value differs, in key
/// order, all at `at`. Empty when nothing changed.
pub fn diff(seen: &Model, now: &Model, at: &str) -> Vec<Change> {
    let (a, b) = (flatten(seen), flatten(now));
    joined([Some(&a), Some(&b)])
        .filter_map(|(key, [old, new])| {
            let (old, new) = (present(old), present(new));
            (old != new).then(|| Change {
                key: key.clone(),
                value: new.cloned(),
                old: old.cloned(),
                at: at.to_string(),
            })
        })
        .collect()
}

/// A flat value, with JSON `null` counted as absent (a change file writes removal as `null`).
fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_null())
}

/// Who made an entry, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The writer's name.
    pub by: String,
    /// The entry's `at`.
    pub at: String,
}

/// An entry with its writer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub by: String,
    pub change: Change,
}

/// A change that was overwritten by a writer who had not seen it. `kept` is in the merged
/// model, `lost` is not. For a deleted element, `key` is the element's (`kpi/k3`), `kept` its
/// deletion and `lost` a later change inside it (one per writer and element).
#[derive(Clone, Debug, PartialEq)]
pub struct FolderConflict {
    pub key: String,
    pub kept: Entry,
    pub lost: Entry,
}

/// The folder merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The base with every writer's latest entries: a valid model (ids and timestamps of the
    /// base).
    pub model: Model,
    /// Changes overwritten unseen, in key order.
    pub conflicts: Vec<FolderConflict>,
    /// Who set each key changed in the folder (the winning entry), by flat key.
    pub last: BTreeMap<String, Stamp>,
    /// Every writer with at least one entry, sorted.
    pub writers: Vec<String>,
}

impl Merged {
    /// Who entered the value a KPI has for `period` (the Values grid's title), if a writer of
    /// the folder did.
    pub fn value_by(&self, kpi: &Id, period: Period) -> Option<&Stamp> {
        self.last.get(&format!("kpi/{}/value/{period}", esc(kpi)))
    }
}

/// A point in time from RFC 3339 text: (seconds since 1970 in UTC, nanoseconds). `None` for
/// anything else.
fn instant(at: &str) -> Option<(i64, u32)> {
    let b = at.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = b.get(r)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(s).ok()?.parse().ok())?
    };
    let sep = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let date = Date::new(
        i32::try_from(num(0..4)?).ok()?,
        u32::try_from(num(5..7)?).ok()?,
        u32::try_from(num(8..10)?).ok()?,
    )?;
    let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut i = 19;
    let mut nanos = 0u32;
    if sep(19, b".,") {
        i = 20;
        let mut scale = 100_000_000u32;
        while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
            i += 1;
        }
    }
    let offset = match b.get(i..)? {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let [h1, h2, m1, m2] = [*h1, *h2, *m1, *m2];
            if ![h1, h2, m1, m2].iter().all(u8::is_ascii_digit) {
                return None;
            }
            let d = |x: u8| i64::from(x - b'0');
            let minutes = (d(h1) * 10 + d(h2)) * 60 + d(m1) * 10 + d(m2);
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    Some((
        date.days() * 86_400 + h * 3600 + mi * 60 + s - offset,
        nanos,
    ))
}

/// The order of entries for one key: time, then writer, then value (then old), so the
/// latest is last whatever order the files came in.
type SortKey = (Option<(i64, u32)>, String, String, String, String);

fn sort_key(e: &Entry) -> SortKey {
    let json = |v: &Option<Value>| v.as_ref().map(Value::to_string).unwrap_or_default();
    (
        instant(&e.change.at),
        e.change.at.clone(),
        e.by.clone(),
        json(&e.change.value),
        json(&e.change.old),
    )
}

/// Every entry of `files` once (sync copies repeat them), grouped by key, each group oldest
/// first; only keys `keep` accepts.
fn entries_by_key(
    files: &[ChangeFile],
    keep: impl Fn(&str) -> bool,
) -> BTreeMap<String, Vec<Entry>> {
    let mut by_key: BTreeMap<String, Vec<(SortKey, Entry)>> = BTreeMap::new();
    for f in files {
        for c in f.changes.iter().filter(|c| keep(&c.key)) {
            let e = Entry {
                by: f.writer.clone(),
                change: c.clone(),
            };
            by_key
                .entry(c.key.clone())
                .or_default()
                .push((sort_key(&e), e));
        }
    }
    by_key
        .into_iter()
        .map(|(k, mut v)| {
            crate::model::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            v.dedup_by(|a, b| a.0 == b.0);
            (k, v.into_iter().map(|(_, e)| e).collect())
        })
        .collect()
}

/// The model of the folder whose base is `base` and whose writers' files are `files`
/// (sync copies included: an entry in two files counts once). Deterministic: any order of
/// `files`, and any split of a writer's entries over several files, gives the same result.
/// Entries for elements that no longer exist are left out by [`unflatten`], never a panic.
pub fn merge_folder(base: &Model, files: &[ChangeFile]) -> Merged {
    let mut flat = flatten(base);
    let mut conflicts = Vec::new();
    let mut last = BTreeMap::new();
    let mut winners: Vec<Entry> = Vec::new();
    for (key, entries) in entries_by_key(files, |_| true) {
        let mut current: (Option<Value>, Option<&Entry>) = (present(flat.get(&key)).cloned(), None);
        // This key's conflicts (few: scanned whole).
        let mut here: Vec<FolderConflict> = Vec::new();
        for e in &entries {
            let (value, old) = (
                present(e.change.value.as_ref()),
                present(e.change.old.as_ref()),
            );
            if let (Some(prev), true) = (current.1, old != current.0.as_ref()) {
                if prev.by != e.by && value != current.0.as_ref() {
                    here.push(FolderConflict {
                        key: key.clone(),
                        kept: e.clone(),
                        lost: prev.clone(),
                    });
                }
            }
            // The writer of an overwritten change who then builds on the result has seen it.
            if old == current.0.as_ref() {
                here.retain(|c| c.lost.by != e.by);
            }
            current = (value.cloned(), Some(e));
        }
        conflicts.extend(here);
        let Some(w) = entries.last() else { continue };
        match present(w.change.value.as_ref()) {
            Some(v) => flat.insert(key.clone(), v.clone()),
            None => flat.remove(&key),
        };
        last.insert(
            key,
            Stamp {
                by: w.by.clone(),
                at: w.change.at.clone(),
            },
        );
        winners.push(w.clone());
    }
    let mut conflicts = lost_in_deletions(&winners, conflicts);
    crate::model::sort::sort_by(&mut conflicts, |a, b| a.key.cmp(&b.key));
    let writers: BTreeSet<String> = files
        .iter()
        .filter(|f| !f.changes.is_empty())
        .map(|f| f.writer.clone())
        .collect();
    Merged {
        model: unflatten(&flat, base),
        conflicts,
        last,
        writers: writers.into_iter().collect(),
    }
}

/// Changes lost with a deleted element (its existence key's winning entry removes it): a
/// change inside it by another writer that is in the merged fields (the deleter had not seen
/// it), or that lost to the deletion. One conflict per element and writer (their latest
/// such change), instead of one per field; `conflicts` are the fields' conflicts.
fn lost_in_deletions(winners: &[Entry], conflicts: Vec<FolderConflict>) -> Vec<FolderConflict> {
    let deletions: BTreeMap<&str, &Entry> = winners
        .iter()
        .filter(|e| e.change.value.is_none() && e.change.old == Some(Value::Bool(true)))
        .map(|e| (e.change.key.as_str(), e))
        .collect();
    let deleted = |key: &str| -> Option<(String, &Entry)> {
        let mut prefixes = key.match_indices('/').map(|(i, _)| &key[..i]);
        prefixes.find_map(|p| deletions.get(p).map(|d| (p.to_string(), *d)))
    };
    let mut out = Vec::new();
    let mut lost: BTreeMap<(String, String), Entry> = BTreeMap::new();
    let mut note = |element: String, del: &Entry, e: &Entry| {
        if present(e.change.value.as_ref()).is_none() || e.by == del.by {
            return;
        }
        let slot = lost
            .entry((element, e.by.clone()))
            .or_insert_with(|| e.clone());
        if sort_key(e) > sort_key(slot) {
            *slot = e.clone();
        }
    };
    for c in conflicts {
        match deleted(&c.key) {
            Some((element, del)) => {
                note(element.clone(), del, &c.kept);
                note(element, del, &c.lost);
            }
            None => out.push(c),
        }
    }
    for e in winners {
        if let Some((element, del)) = deleted(&e.change.key) {
            note(element, del, e);
        }
    }
    out.extend(lost.into_iter().map(|((element, _), e)| FolderConflict {
        kept: deletions[element.as_str()].clone(),
        key: element,
        lost: e,
    }));
    out
}

/// One change of a KPI's value (or comment) for a period, by whom and when.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodChange<T> {
    pub period: Period,
    /// What it was (`None`: no value).
    pub old: Option<T>,
    /// What it became (`None`: removed).
    pub new: Option<T>,
    pub by: String,
    pub at: String,
}

/// A change of a value ("Value history").
pub type ValueChange = PeriodChange<f64>;
/// A change of a comment.
pub type CommentChange = PeriodChange<String>;

/// Every change of `kind` (`value`, `comment`) of the KPI `kpi`'s periods, newest first.
fn period_history<T>(
    files: &[ChangeFile],
    kpi: &Id,
    kind: &str,
    read: impl Fn(&Value) -> Option<T>,
) -> Vec<PeriodChange<T>> {
    let prefix = format!("kpi/{}/{kind}/", esc(kpi));
    let mut out: Vec<(SortKey, PeriodChange<T>)> =
        entries_by_key(files, |k| k.starts_with(&prefix))
            .into_values()
            .flatten()
            .filter_map(|e| {
                let period = Period::parse(&e.change.key[prefix.len()..]).ok()?;
                let change = PeriodChange {
                    period,
                    old: e.change.old.as_ref().and_then(&read),
                    new: e.change.value.as_ref().and_then(&read),
                    by: e.by.clone(),
                    at: e.change.at.clone(),
                };
                Some((sort_key(&e), change))
            })
            .collect();
    crate::model::sort::sort_by(&mut out, |a, b| b.0.cmp(&a.0));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Who changed the KPI `kpi`'s values, newest first ("Value history").
pub fn value_history(files: &[ChangeFile], kpi: &Id) -> Vec<ValueChange> {
    period_history(files, kpi, "value", Value::as_f64)
}

/// Who changed the KPI `kpi`'s comments, newest first.
pub fn comment_history(files: &[ChangeFile], kpi: &Id) -> Vec<CommentChange> {
    period_history(files, kpi, "comment", |v| v.as_str().map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::instant;

    #[test]
    fn times_compare_as_instants_whatever_their_form() {
        let z = instant("2026-12-04T10:15:00Z").unwrap();
        assert_eq!(instant("2026-12-04T10:15:00.000Z"), Some(z));
        assert_eq!(instant("2026-12-04T11:15:00+01:00"), Some(z));
        assert_eq!(instant("2026-12-04T09:15:00-01:00"), Some(z));
        assert!(instant("2026-12-04T10:15:00.5Z").unwrap() > z);
        assert!(
            instant("2026-12-04T10:15:01Z").unwrap() > instant("2026-12-04T10:15:00.999Z").unwrap()
        );
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some((0, 0)));
        for bad in [
            "",
            "yesterday",
            "2026-12-04",
            "2026-02-30T10:00:00Z",
            "2026-12-04T10:15:00",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
