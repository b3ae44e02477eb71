//! The journal: changes of a model that wait for the edit engine's lazy part, written down
//! the moment they are made, so that closing or reloading the page before the part arrives
//! loses none of them. One key per model, `kpi-structure:journal:<id>`, holds
//! `{"rev": n, "steps": ["...", ...]}`: the steps, in order, each a string (the text
//! `session::Step` writes; this module never looks inside it), and the revision of the model
//! they apply to.
//!
//! Exactly once: a journal applies only to the revision it names. Every save of the model
//! rewrites it with what has not run yet (or removes it), so a revision that holds the steps
//! is never given them again; a journal whose revision is not the stored one is dropped.

use serde_json::Value;

use super::keys;
use super::kv::{KeyValue, StoreError};
use crate::model::Id;

/// A model's journal as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    /// The revision of the model the steps apply to.
    pub rev: u64,
    /// Each step as its text, in order.
    pub steps: Vec<String>,
}

pub fn key(id: &Id) -> String {
    format!("{}{}", keys::JOURNAL_PREFIX, id.as_str())
}

/// Writes model `id`'s journal: `steps` on revision `rev`; no steps removes it.
pub fn write(
    kv: &mut impl KeyValue,
    id: &Id,
    rev: u64,
    steps: &[String],
) -> Result<(), StoreError> {
    if steps.is_empty() {
        return kv.remove(&key(id));
    }
    let steps: Vec<String> = steps
        .iter()
        .map(|s| serde_json::to_string(s.as_str()).unwrap_or_default())
        .collect();
    let text = format!(r#"{{"rev":{rev},"steps":[{}]}}"#, steps.join(","));
    kv.set(&key(id), &text)
}

/// Model `id`'s journal; `None` if there is none or it does not read.
pub fn read(kv: &impl KeyValue, id: &Id) -> Option<Journal> {
    let raw = kv.get(&key(id)).ok().flatten()?;
    let value: Value = serde_json::from_str(&raw).ok()?;
    Some(Journal {
        rev: value.get("rev")?.as_u64()?,
        steps: value
            .get("steps")?
            .as_array()?
            .iter()
            .map(|s| s.as_str().map(String::from))
            .collect::<Option<Vec<String>>>()?,
    })
}

/// Forgets model `id`'s journal.
pub fn remove(kv: &mut impl KeyValue, id: &Id) -> Result<(), StoreError> {
    kv.remove(&key(id))
}

/// The ids of the models that have a journal.
pub fn ids(kv: &impl KeyValue) -> Vec<Id> {
    kv.keys()
        .unwrap_or_default()
        .iter()
        .filter_map(|k| k.strip_prefix(keys::JOURNAL_PREFIX))
        .map(Id::new)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;

    #[test]
    fn a_journal_reads_back_as_written_and_no_steps_remove_it() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        assert_eq!(read(&kv, &id), None);
        let steps = vec![r#"["c",{"a":1}]"#.to_string(), "b\n\"".to_string()];
        write(&mut kv, &id, 3, &steps).unwrap();
        assert_eq!(
            kv.map[&key(&id)],
            r#"{"rev":3,"steps":["[\"c\",{\"a\":1}]","b\n\""]}"#
        );
        assert_eq!(read(&kv, &id), Some(Journal { rev: 3, steps }));
        assert_eq!(ids(&kv), std::slice::from_ref(&id));
        write(&mut kv, &id, 4, &[]).unwrap();
        assert_eq!(read(&kv, &id), None);
        assert!(kv.map.is_empty());
    }

    #[test]
    fn a_journal_never_touches_a_model_and_a_damaged_one_is_none() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        kv.map.insert(keys::model("m1"), "model".into());
        write(&mut kv, &id, 1, &["1".into()]).unwrap();
        assert_eq!(kv.map[&keys::model("m1")], "model");
        assert_eq!(key(&id), "kpi-structure:journal:m1");
        assert!(keys::model_id(&key(&id)).is_none());
        kv.map.insert(key(&id), "{not json".into());
        assert_eq!(read(&kv, &id), None);
    }
}
