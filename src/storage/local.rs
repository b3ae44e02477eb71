//! localStorage, guarded: every access goes through `web_sys` results, so a browser that
//! blocks storage (or throws on access) gives [`StoreError::Unavailable`] instead of a panic
//! (gloo-storage's `LocalStorage::raw()` panics, so it is only called after [`probe`]).

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use std::cell::RefCell;

use super::kv::{KeyValue, StoreError};
use super::library::Unwritten;

/// True if localStorage can be read and written on this origin. A full store counts as
/// usable: what it holds can be read, and saving resumes when there is room again.
pub fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    let key = "kpi-structure:probe";
    let ok = match storage.set_item(key, "1") {
        Ok(()) => true,
        Err(e) => js_error(e) == StoreError::Quota,
    };
    let _ = storage.remove_item(key);
    ok
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The same Storage object, with `getItem` returning the JS string itself, so its length
    /// is read without copying it into wasm.
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;
}

/// localStorage as a [`KeyValue`]. Build it with [`LocalStore::open`], which probes first.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    pub fn open() -> Option<LocalStore> {
        probe().then(|| LocalStore {
            storage: LocalStorage::raw(),
        })
    }

    /// localStorage for reading only, without [`probe`]'s test write (which other tabs see
    /// as a storage event): `None` where the browser gives none; a read it refuses is an error.
    pub fn for_reading() -> Option<LocalStore> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(LocalStore { storage })
    }
}

fn js_error(e: JsValue) -> StoreError {
    match e.dyn_into::<web_sys::DomException>() {
        Ok(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => StoreError::Quota,
        Ok(ex) if ex.name() == "SecurityError" => StoreError::Unavailable,
        Ok(ex) => StoreError::Other(ex.message()),
        Err(e) => StoreError::Other(format!("{e:?}")),
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(js_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(js_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(js_error)
    }

    fn units(&self, key: &str) -> Result<Option<usize>, StoreError> {
        let raw: &RawStorage = self.storage.unchecked_ref();
        let value = raw.get_item(key).map_err(js_error)?;
        Ok(value.map(|v| v.length() as usize))
    }

    /// Copies only the head into wasm (counted in UTF-16 units: the same characters for the
    /// ASCII heads this is asked for).
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        let raw: &RawStorage = self.storage.unchecked_ref();
        let value = raw.get_item(key).map_err(js_error)?;
        let end = u32::try_from(chars).unwrap_or(u32::MAX);
        Ok(value.map(|v| String::from(v.slice(0, end))))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(js_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(js_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// The store the app saves to: localStorage when the browser allows it, else memory (the
/// app keeps working and says so).
pub enum Backend {
    Local(LocalStore),
    Memory(super::kv::MemoryStore),
}

impl Backend {
    pub fn open() -> Backend {
        match LocalStore::open() {
            Some(s) => Backend::Local(s),
            None => Backend::Memory(Default::default()),
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self, Backend::Local(_))
    }
}

thread_local! {
    /// Stored entries of format version 1 upgraded where storage had no room to write them
    /// back ([`super::library::upgrade_older`]): read in place of the stored text while that
    /// text is what is stored (a save, or another tab's, ends it).
    static READ_INSTEAD: RefCell<Vec<Unwritten>> = const { RefCell::new(Vec::new()) };
}

/// Makes every [`Backend`] read `upgrade.upgraded` for its key while the stored text is
/// `upgrade.stored`.
pub fn read_instead(upgrade: Unwritten) {
    READ_INSTEAD.with(|r| r.borrow_mut().push(upgrade));
}

impl KeyValue for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let stored = match self {
            Backend::Local(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }?;
        let instead = READ_INSTEAD.with(|r| {
            r.borrow()
                .iter()
                .find(|u| u.key == key && stored.as_deref() == Some(u.stored.as_str()))
                .map(|u| u.upgraded.clone())
        });
        Ok(instead.or(stored))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            Backend::Local(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            Backend::Local(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Backend::Local(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
    fn units(&self, key: &str) -> Result<Option<usize>, StoreError> {
        match self {
            Backend::Local(s) => s.units(key),
            Backend::Memory(s) => s.units(key),
        }
    }
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        match self {
            Backend::Local(s) => s.head(key, chars),
            Backend::Memory(s) => s.head(key, chars),
        }
    }
}
