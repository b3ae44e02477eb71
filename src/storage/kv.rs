//! The key-value seam: the library logic is written against [`KeyValue`], so it is tested
//! natively with [`MemoryStore`] and runs in the browser on localStorage (see `local.rs`).

use std::collections::BTreeMap;

/// Why a storage operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all (blocked by browser settings, private mode, sandboxed frame).
    Unavailable,
    /// The browser's quota for this site is full.
    Quota,
    /// Anything else the browser threw.
    Other(String),
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The length of the value under `key` in UTF-16 units (what browsers count against the
    /// quota). Stores that can tell without reading the value out override it.
    fn units(&self, key: &str) -> Result<Option<usize>, StoreError> {
        Ok(self.get(key)?.map(|v| v.encode_utf16().count()))
    }
    /// The first `chars` characters of the value under `key` (all of it if shorter). Stores
    /// that can tell without reading the value out override it.
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        Ok(self.get(key)?.map(|v| v.chars().take(chars).collect()))
    }
}

/// An in-memory store: the fallback when localStorage is unavailable, and the test double.
/// `quota` (bytes of keys + values, counted as UTF-16 like browsers do) makes it behave
/// like a full localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl MemoryStore {
    pub fn used(&self) -> usize {
        self.map
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self
                .map
                .get(key)
                .map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            let new = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used() - old + new > quota {
                return Err(StoreError::Quota);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}
