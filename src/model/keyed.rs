//! Serde adapter: an `IndexMap<Id, T>` is written as a JSON array of `T` (each carrying its
//! own `id`) and read back keyed by that id, keeping order.

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::id::Id;

/// Elements that carry their own id.
pub trait HasId {
    fn id(&self) -> &Id;
}

pub fn serialize<T: Serialize, S: Serializer>(
    map: &IndexMap<Id, T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(map.values())
}

pub fn deserialize<'de, T, D>(d: D) -> Result<IndexMap<Id, T>, D::Error>
where
    T: Deserialize<'de> + HasId,
    D: Deserializer<'de>,
{
    let items = Vec::<T>::deserialize(d)?;
    let mut map = IndexMap::with_capacity(items.len());
    for item in items {
        let id = item.id().clone();
        if map.contains_key(&id) {
            return Err(serde::de::Error::custom(format!("duplicate id \"{id}\"")));
        }
        map.insert(id, item);
    }
    Ok(map)
}
