//! The library of saved models: an index plus one key per model, saved with a revision
//! number so that a tab never overwrites a newer revision written by another tab, written
//! and read back to verify. Entries that do not parse are quarantined: listed, exportable as
//! raw text, never overwritten or deleted by the app.

use serde::Serialize;
use serde_json::Value;

use super::keys;
use super::kv::{KeyValue, StoreError};
use crate::format::{read_stored, stored_version, upgrade_stored, ProblemKind, CURRENT_VERSION};
use crate::model::{Id, Model};

/// One line of the library list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub id: Id,
    pub name: String,
    pub modified: f64,
    pub rev: u64,
}

impl Summary {
    /// One line of the stored index; `None` if it has no id.
    fn read(value: &Value) -> Option<Summary> {
        Some(Summary {
            id: Id::new(value.get("id")?.as_str()?.to_string()),
            name: value
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            modified: value
                .get("modified")
                .and_then(Value::as_f64)
                .unwrap_or_default(),
            rev: value.get("rev").and_then(Value::as_u64).unwrap_or_default(),
        })
    }
}

/// A stored entry that does not read; kept as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub key: String,
    /// Size of the raw text in bytes (UTF-8).
    pub raw_len: usize,
    /// The entry is intact but written by a newer version of the app (another tab that was
    /// loaded after an update): reloading this tab reads it.
    pub newer: bool,
}

/// What the library holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub models: Vec<Summary>,
    pub quarantined: Vec<Quarantined>,
}

impl Listing {
    /// Puts `summary` in the list, replacing the line with its id; most recent first. What a
    /// tab does after its own save, instead of re-reading every entry.
    pub fn upsert(&mut self, summary: Summary) {
        self.models.retain(|s| s.id != summary.id);
        let at = self
            .models
            .iter()
            .position(|s| s.modified <= summary.modified)
            .unwrap_or(self.models.len());
        self.models.insert(at, summary);
    }
}

/// A stored model: the file format's `version` and `model`, plus the revision.
#[derive(Serialize)]
struct Entry<'a> {
    version: u32,
    rev: u64,
    model: &'a Model,
}

/// Why a stored entry does not read.
#[derive(Debug)]
enum Unreadable {
    Damaged,
    /// Written in a newer format version than this app knows.
    Newer,
}

/// The keys of stored models written in format version 1 (before entries stored their
/// version): [`upgrade_older`] brings them up to date before the library reads them, which
/// it does not otherwise (see [`crate::format::MIGRATIONS_FROM_V2`]). Cheap for the entries
/// this app writes: their text starts with their version, and only that head is read.
pub fn older_entries(kv: &impl KeyValue) -> Result<Vec<String>, StoreError> {
    let mut older = Vec::new();
    for key in kv.keys()? {
        if keys::model_id(&key).is_none() {
            continue;
        }
        let Some(head) = kv.head(&key, HEAD)? else {
            continue;
        };
        let old = match written_version(&head) {
            Some(version) => version == 1,
            None => kv.get(&key)?.is_some_and(|raw| is_older(&raw)),
        };
        if old {
            older.push(key);
        }
    }
    Ok(older)
}

/// How much of an entry [`older_entries`] reads first: `{"version":` and a version number.
const HEAD: usize = 24;

/// The version an entry's text starts with, as [`Entry`] writes it (`{"version":3,`);
/// `None` when it does not start that way.
fn written_version(head: &str) -> Option<u32> {
    let rest = head.strip_prefix("{\"version\":")?;
    let digits = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
    match rest[digits.len()..].bytes().next() {
        Some(b',' | b'}') => digits.parse().ok(),
        _ => None,
    }
}

/// True for the text of a version-1 entry (a damaged entry is not: it stays quarantined).
fn is_older(raw: &str) -> bool {
    serde_json::from_str::<Value>(raw)
        .ok()
        .filter(Value::is_object)
        .is_some_and(|v| stored_version(&v) == Ok(1))
}

/// A stored entry brought up to the current format version that could not be written back.
#[derive(Clone, Debug, PartialEq)]
pub struct Unwritten {
    pub key: String,
    /// The stored text it replaces.
    pub stored: String,
    /// The entry at the current version.
    pub upgraded: String,
}

/// Brings each entry of `keys` (from [`older_entries`]) up to the current format version in
/// place, with its revision, written as [`Entry`] writes it: what opening and saving it would
/// write. An entry whose upgrade does not read as a model is left exactly as it was (the
/// library lists it as quarantined, with its own text). Returns the upgrades that could not
/// be written (storage full): the stored text stays, and the app reads the upgrade in its
/// place (`storage::local::read_instead`) until the entry is saved.
pub fn upgrade_older(kv: &mut impl KeyValue, keys: &[String]) -> Vec<Unwritten> {
    let mut unwritten = Vec::new();
    for key in keys {
        let Ok(Some(stored)) = kv.get(key) else {
            continue;
        };
        let Some(upgraded) = upgraded_text(&stored) else {
            continue;
        };
        if kv.set(key, &upgraded).is_err() {
            unwritten.push(Unwritten {
                key: key.clone(),
                stored,
                upgraded,
            });
        }
    }
    unwritten
}

/// `stored` at the current version, written as a save writes it (version and revision
/// first); `None` unless the upgrade reads as a model.
fn upgraded_text(stored: &str) -> Option<String> {
    let entry = serde_json::from_str::<Value>(stored).ok()?;
    let upgraded = upgrade_stored(entry).ok()?;
    let rev = upgraded.get("rev")?.as_u64()?;
    let model = read_stored(upgraded).ok()?;
    serde_json::to_string(&Entry {
        version: CURRENT_VERSION,
        rev,
        model: &model,
    })
    .ok()
}

/// Reads a stored entry leniently, through the file format's model walk (the reader of files
/// and share links) and its migrations from version 2 on (version 1: [`upgrade_older`]).
fn read_entry(raw: &str) -> Result<(Model, u64), Unreadable> {
    let value: Value = serde_json::from_str(raw).map_err(|_| Unreadable::Damaged)?;
    let rev = value
        .get("rev")
        .and_then(Value::as_u64)
        .ok_or(Unreadable::Damaged)?;
    let model = read_stored(value).map_err(|e| {
        if e.errors.iter().any(|p| p.kind == ProblemKind::NewerVersion) {
            Unreadable::Newer
        } else {
            Unreadable::Damaged
        }
    })?;
    Ok((model, rev))
}

/// Why a save did not happen. In every case what was stored stays as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved revision `stored` after this tab's `expected`.
    Conflict {
        expected: u64,
        stored: u64,
    },
    /// The stored entry for this id does not parse; it is quarantined and kept.
    Quarantined,
    /// What was read back differs from what was written.
    Verify,
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// Reads the index and checks every model key; models whose entry does not parse are
/// listed as quarantined. Entries missing from the index (e.g. index write failed) are
/// listed from their own data.
pub fn list(kv: &impl KeyValue) -> Result<Listing, StoreError> {
    let index = read_index(kv)?;
    let mut listing = Listing::default();
    let mut keys: Vec<String> = kv
        .keys()?
        .into_iter()
        .filter(|k| keys::model_id(k).is_some())
        .collect();
    crate::model::sort::sort(&mut keys);
    for key in keys {
        let Some(raw) = kv.get(&key)? else { continue };
        match read_entry(&raw) {
            Ok((model, rev)) => {
                let id = model.id.clone();
                let summary = index
                    .iter()
                    .find(|s| s.id == id)
                    .cloned()
                    .unwrap_or(Summary {
                        id,
                        name: model.name.clone(),
                        modified: model.modified,
                        rev,
                    });
                listing.models.push(Summary {
                    rev,
                    name: model.name,
                    ..summary
                });
            }
            Err(why) => listing.quarantined.push(Quarantined {
                raw_len: raw.len(),
                newer: matches!(why, Unreadable::Newer),
                key,
            }),
        }
    }
    // Most recently modified first.
    crate::model::sort::sort_by(&mut listing.models, |a, b| {
        b.modified.total_cmp(&a.modified)
    });
    Ok(listing)
}

fn read_index(kv: &impl KeyValue) -> Result<Vec<Summary>, StoreError> {
    Ok(kv
        .get(keys::INDEX)?
        .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
        .and_then(|v| {
            v.as_array()
                .map(|a| a.iter().filter_map(Summary::read).collect())
        })
        .unwrap_or_default())
}

/// Loads one model and its revision. `Ok(None)` if it is not stored; an entry that does
/// not parse is reported as `Err(SaveError::Quarantined)`.
pub fn load(kv: &impl KeyValue, id: &Id) -> Result<Option<(Model, u64)>, SaveError> {
    Ok(load_saved(kv, id)?.map(|(model, saved)| (model, saved.rev)))
}

/// [`load`], with the exact stored text (what a later save compares against, and the base
/// of a merge with another tab's save).
pub fn load_saved(kv: &impl KeyValue, id: &Id) -> Result<Option<(Model, Saved)>, SaveError> {
    match kv.get(&keys::model(id.as_str()))? {
        None => Ok(None),
        Some(text) => {
            let (model, rev) = read_entry(&text).map_err(|_| SaveError::Quarantined)?;
            Ok(Some((model, Saved { rev, text })))
        }
    }
}

/// A stored entry's text read back as a model (`None` if it does not read).
pub fn model_of_entry(text: &str) -> Option<Model> {
    read_entry(text).ok().map(|(m, _)| m)
}

/// `model` as compact entry text without a revision (what a restore point holds), read back
/// by [`model_of_entry`]-like readers through the file format's migrations.
pub fn entry_text(model: &Model) -> String {
    serde_json::to_string(&Entry {
        version: CURRENT_VERSION,
        rev: 0,
        model,
    })
    .unwrap_or_default()
}

/// The stored revision of a model, if it is stored and parses.
pub fn stored_rev(kv: &impl KeyValue, id: &Id) -> Result<Option<u64>, SaveError> {
    Ok(load(kv, id)?.map(|(_, rev)| rev))
}

/// The raw text of a stored entry (for exporting a quarantined entry).
pub fn raw(kv: &impl KeyValue, key: &str) -> Result<Option<String>, StoreError> {
    kv.get(key)
}

/// A save that happened: the revision written and the exact text of the entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub rev: u64,
    pub text: String,
}

/// Saves `model` as revision `expected + 1`, refusing if the stored revision is newer than
/// `expected` (another tab saved meanwhile). Writes, reads back and compares, then updates
/// the index. Returns the new revision.
pub fn save(kv: &mut impl KeyValue, model: &Model, expected: u64) -> Result<u64, SaveError> {
    save_after(kv, model, expected, None).map(|saved| saved.rev)
}

/// [`save`], given what this tab saved last. If the stored entry is still exactly that text,
/// its revision is known and it is known to read, so it is not parsed again: on a
/// 3,000-KPI model that parse is most of the time a save takes. Any other text (another tab
/// saved, or the entry was damaged) is read in full as before.
pub fn save_after(
    kv: &mut impl KeyValue,
    model: &Model,
    expected: u64,
    last: Option<&Saved>,
) -> Result<Saved, SaveError> {
    let key = keys::model(model.id.as_str());
    let unchanged = last.filter(|l| l.rev == expected).is_some_and(|l| {
        kv.get(&key)
            .ok()
            .flatten()
            .is_some_and(|stored| stored == l.text)
    });
    if !unchanged {
        if let Some(stored) = stored_rev(kv, &model.id)? {
            if stored > expected {
                return Err(SaveError::Conflict { expected, stored });
            }
        }
    }
    let rev = expected + 1;
    let text = serde_json::to_string(&Entry {
        version: CURRENT_VERSION,
        rev,
        model,
    })
    .map_err(|e| StoreError::Other(e.to_string()))?;
    kv.set(&key, &text)?;
    if kv.get(&key)?.as_deref() != Some(text.as_str()) {
        return Err(SaveError::Verify);
    }
    let mut index = read_index(kv)?;
    let summary = Summary {
        id: model.id.clone(),
        name: model.name.clone(),
        modified: model.modified,
        rev,
    };
    match index.iter_mut().find(|s| s.id == model.id) {
        Some(s) => *s = summary,
        None => index.push(summary),
    }
    // The model is stored as revision `rev`: report that even if the index (a cache that
    // `list` rebuilds from the entries) cannot be written, e.g. when storage is full.
    // Reporting an error here would leave the caller at `expected` and make its next save
    // a false conflict with itself.
    let _ = write_index(kv, &index);
    Ok(Saved { rev, text })
}

fn write_index(kv: &mut impl KeyValue, index: &[Summary]) -> Result<(), StoreError> {
    let text = serde_json::to_string(index).map_err(|e| StoreError::Other(e.to_string()))?;
    kv.set(keys::INDEX, &text)
}

/// Deletes a model the user chose to delete. Quarantined entries are never deleted here.
pub fn delete(kv: &mut impl KeyValue, id: &Id) -> Result<(), SaveError> {
    load(kv, id)?;
    kv.remove(&keys::model(id.as_str()))?;
    let mut index = read_index(kv)?;
    index.retain(|s| &s.id != id);
    write_index(kv, &index)?;
    Ok(())
}

/// True if `id` is free: no model, and no quarantined entry, under that key.
pub fn is_free(kv: &impl KeyValue, id: &Id) -> Result<bool, StoreError> {
    Ok(kv.get(&keys::model(id.as_str()))?.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;

    fn model(id: &str, name: &str) -> Model {
        Model {
            id: Id::new(id),
            name: name.into(),
            ..Model::default()
        }
    }

    #[test]
    fn save_then_list_and_load() {
        let mut kv = MemoryStore::default();
        let rev = save(&mut kv, &model("m1", "Coffee"), 0).unwrap();
        assert_eq!(rev, 1);
        let listing = list(&kv).unwrap();
        assert_eq!(listing.models.len(), 1);
        assert_eq!(listing.models[0].name, "Coffee");
        let (m, r) = load(&kv, &Id::new("m1")).unwrap().unwrap();
        assert_eq!((m.name.as_str(), r), ("Coffee", 1));
    }

    #[test]
    fn newer_revision_from_another_tab_is_not_overwritten() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &model("m1", "A"), 0).unwrap();
        // Other tab saves rev 2.
        save(&mut kv, &model("m1", "B"), 1).unwrap();
        // This tab still thinks rev 1.
        let err = save(&mut kv, &model("m1", "C"), 1).unwrap_err();
        assert_eq!(
            err,
            SaveError::Conflict {
                expected: 1,
                stored: 2
            }
        );
        assert_eq!(load(&kv, &Id::new("m1")).unwrap().unwrap().0.name, "B");
    }

    #[test]
    fn corrupt_entry_is_quarantined_and_never_overwritten() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &model("m1", "Good"), 0).unwrap();
        kv.map.insert(keys::model("m2"), "{not json".into());
        let listing = list(&kv).unwrap();
        assert_eq!(listing.models.len(), 1);
        assert_eq!(
            listing.quarantined,
            vec![Quarantined {
                key: keys::model("m2"),
                raw_len: 9,
                newer: false,
            }]
        );
        assert_eq!(
            save(&mut kv, &model("m2", "Over"), 5),
            Err(SaveError::Quarantined)
        );
        assert_eq!(delete(&mut kv, &Id::new("m2")), Err(SaveError::Quarantined));
        assert_eq!(kv.map[&keys::model("m2")], "{not json");
        assert!(!is_free(&kv, &Id::new("m2")).unwrap());
    }

    #[test]
    fn entries_are_read_like_files() {
        let mut kv = MemoryStore::default();
        // Written before entries carried a version: version 1, upgraded before it is read.
        kv.map.insert(
            keys::model("old"),
            r#"{"rev":4,"model":{"id":"old","name":"Old","goals":[{"id":"g","name":"Loyal"}]}}"#
                .into(),
        );
        let older = older_entries(&kv).unwrap();
        assert_eq!(upgrade_older(&mut kv, &older), []);
        let (m, rev) = load(&kv, &Id::new("old")).unwrap().unwrap();
        assert_eq!((m.name.as_str(), rev, m.goals.len()), ("Old", 4, 1));
        // A long text typed in the editor never makes a saved model unreadable.
        let long = model("long", &"n".repeat(crate::format::MAX_NAME_CHARS + 1));
        save(&mut kv, &long, 0).unwrap();
        assert_eq!(
            load(&kv, &Id::new("long")).unwrap().unwrap().0.name,
            long.name
        );
        assert!(kv.map[&keys::model("long")].starts_with(r#"{"version":3,"rev":1,"#));
        // Valid JSON with a damaged model, or from a newer app: quarantined and kept.
        for raw in [
            r#"{"rev":1,"model":{"id":"bad","kpis":{}}}"#,
            r#"{"version":99,"rev":1,"model":{"id":"bad"}}"#,
            r#"{"model":{"id":"bad"}}"#,
        ] {
            kv.map.insert(keys::model("bad"), raw.into());
            assert_eq!(
                load(&kv, &Id::new("bad")),
                Err(SaveError::Quarantined),
                "{raw}"
            );
            assert_eq!(list(&kv).unwrap().quarantined.len(), 1, "{raw}");
            assert_eq!(
                save(&mut kv, &model("bad", "Over"), 1),
                Err(SaveError::Quarantined)
            );
            assert_eq!(kv.map[&keys::model("bad")], raw);
        }
    }

    #[test]
    fn a_version_1_entry_is_upgraded_in_place_and_then_opens() {
        let mut kv = MemoryStore::default();
        kv.map.insert(
            keys::model("v1"),
            r#"{"version":1,"rev":3,"model":{"id":"v1","name":"Old","goals":[{"id":"g","name":"Loyal"}],
              "kpis":[{"id":"k","name":"Satisfaction","at":{"level":"result","goal":"g"},
                "direction":"higher","target":"9+","amber":"8,5 - 9","red":"onder 8,5"},
                {"id":"k2","name":"Vague","at":{"level":"result","goal":"g"},"target":"high"}]}}"#
                .into(),
        );
        // Not read before the upgrade (the norm-text reader is not in the first load).
        assert_eq!(load(&kv, &Id::new("v1")), Err(SaveError::Quarantined));
        assert_eq!(older_entries(&kv).unwrap(), [keys::model("v1")]);
        assert_eq!(upgrade_older(&mut kv, &[keys::model("v1")]), []);
        assert!(older_entries(&kv).unwrap().is_empty());
        let (m, rev) = load(&kv, &Id::new("v1")).unwrap().unwrap();
        assert_eq!(rev, 3);
        let k = &m.kpis[&Id::new("k")];
        assert_eq!((k.target, k.red), (Some(9.0), Some(8.5)));
        assert_eq!(k.norm_description, "9+ · amber 8,5 - 9 · red onder 8,5");
        let vague = &m.kpis[&Id::new("k2")];
        assert_eq!((vague.target, vague.red), (None, None));
        assert_eq!(vague.norm_description, "high");
        assert_eq!(list(&kv).unwrap().models.len(), 1);
        // Saved again, it is an entry of the current version (3) with numbers.
        save(&mut kv, &m, 3).unwrap();
        let raw = &kv.map[&keys::model("v1")];
        assert!(raw.starts_with(r#"{"version":3,"rev":4,"#), "{raw}");
        assert!(raw.contains(r#""target":9.0,"red":8.5"#), "{raw}");
        assert_eq!(load(&kv, &Id::new("v1")).unwrap().unwrap().0, m);
    }

    #[test]
    fn a_save_after_its_own_save_skips_the_parse_but_not_the_checks() {
        let mut kv = MemoryStore::default();
        let first = save_after(&mut kv, &model("m1", "A"), 0, None).unwrap();
        let second = save_after(&mut kv, &model("m1", "B"), 1, Some(&first)).unwrap();
        assert_eq!(second.rev, 2);
        assert_eq!(load(&kv, &Id::new("m1")).unwrap().unwrap().0.name, "B");
        // Another tab saves meanwhile: the stored text differs, so the conflict is seen.
        save(&mut kv, &model("m1", "Other tab"), 2).unwrap();
        assert_eq!(
            save_after(&mut kv, &model("m1", "C"), 2, Some(&second)),
            Err(SaveError::Conflict {
                expected: 2,
                stored: 3
            })
        );
        // The entry gets damaged: still quarantined, never overwritten.
        kv.map.insert(keys::model("m1"), "{damaged".into());
        let third = Saved {
            rev: 3,
            text: kv.map[&keys::model("m1")].clone() + " ",
        };
        assert_eq!(
            save_after(&mut kv, &model("m1", "D"), 3, Some(&third)),
            Err(SaveError::Quarantined)
        );
        assert_eq!(kv.map[&keys::model("m1")], "{damaged");
    }

    #[test]
    fn full_store_keeps_what_was_stored() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &model("m1", "Small"), 0).unwrap();
        let before = kv.map.clone();
        kv.quota = Some(kv.used() + 10);
        let big = model("m1", &"x".repeat(1000));
        assert_eq!(
            save(&mut kv, &big, 1),
            Err(SaveError::Store(StoreError::Quota))
        );
        assert_eq!(kv.map, before);
        // Space returns: saving resumes.
        kv.quota = None;
        assert_eq!(save(&mut kv, &big, 1), Ok(2));
    }

    #[test]
    fn model_saved_but_index_full_still_counts_as_saved() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &model("m1", "Small"), 0).unwrap();
        // Room for the bigger model entry but not for the index that follows it.
        let big = model("m1", &"y".repeat(200));
        let entry_growth = 200 - "Small".len();
        kv.quota = Some(kv.used() + entry_growth + 5);
        assert_eq!(save(&mut kv, &big, 1), Ok(2));
        kv.quota = None;
        let listing = list(&kv).unwrap();
        assert_eq!(listing.models[0].name, big.name);
        assert_eq!(listing.models[0].rev, 2);
        // The next save is no conflict with itself.
        assert_eq!(save(&mut kv, &big, 2), Ok(3));
    }

    #[test]
    fn upsert_replaces_and_keeps_most_recent_first() {
        let line = |id: &str, modified: f64| Summary {
            id: Id::new(id),
            name: id.into(),
            modified,
            rev: 1,
        };
        let mut l = Listing::default();
        l.upsert(line("a", 1.0));
        l.upsert(line("b", 2.0));
        l.upsert(line("a", 3.0));
        let ids: Vec<_> = l.models.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(l.models[0].modified, 3.0);
    }

    #[test]
    fn delete_removes_model_and_index_line() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &model("m1", "A"), 0).unwrap();
        save(&mut kv, &model("m2", "B"), 0).unwrap();
        delete(&mut kv, &Id::new("m1")).unwrap();
        let names: Vec<_> = list(&kv)
            .unwrap()
            .models
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, vec!["B"]);
        assert!(is_free(&kv, &Id::new("m1")).unwrap());
    }
}
