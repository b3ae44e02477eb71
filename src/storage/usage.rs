//! How much of the browser's storage the library uses, and which models take most of it.
//! Browsers give a site about 5 MiB of localStorage, counted in UTF-16 units of keys and
//! values (measured in Chromium: 5,242,880).

use super::keys;
use super::kv::{KeyValue, StoreError};
use super::library::Listing;
use crate::model::Id;

/// What a site may keep in localStorage (UTF-16 units).
pub const QUOTA_UNITS: usize = 5_242_880;
/// From this share on, the library warns that storage is nearly full.
pub const WARN_SHARE: f64 = 0.8;

/// One model's part.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelUsage {
    pub id: Id,
    pub name: String,
    /// The model's entry (UTF-16 units, key included).
    pub model: usize,
    /// Its restore points.
    pub points: usize,
}

impl ModelUsage {
    pub fn total(&self) -> usize {
        self.model + self.points
    }
}

/// The library's use of storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    /// Every key of this app (models, points, index, preferences).
    pub used: usize,
    pub quota: usize,
    /// The models, largest first.
    pub models: Vec<ModelUsage>,
}

impl Usage {
    /// The share of the quota in use (0..=1, more if the browser allows more).
    pub fn share(&self) -> f64 {
        self.used as f64 / self.quota as f64
    }

    pub fn nearly_full(&self) -> bool {
        self.share() >= WARN_SHARE
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Measures what `kv` holds for this app; names come from `listing`.
pub fn usage(kv: &impl KeyValue, listing: &Listing) -> Result<Usage, StoreError> {
    let mut used = 0;
    let mut models: Vec<ModelUsage> = listing
        .models
        .iter()
        .map(|s| ModelUsage {
            id: s.id.clone(),
            name: s.name.clone(),
            model: 0,
            points: 0,
        })
        .collect();
    for key in kv.keys()? {
        if !key.starts_with(keys::PREFIX) {
            continue;
        }
        let n = units(&key) + kv.units(&key)?.unwrap_or(0);
        used += n;
        let (id, is_points) = match (keys::model_id(&key), key.strip_prefix(keys::POINTS_PREFIX)) {
            (Some(id), _) => (id, false),
            (_, Some(id)) => (id, true),
            _ => continue,
        };
        if let Some(m) = models.iter_mut().find(|m| m.id.as_str() == id) {
            if is_points {
                m.points += n;
            } else {
                m.model += n;
            }
        }
    }
    crate::model::sort::sort_by_key(&mut models, |m| std::cmp::Reverse(m.total()));
    Ok(Usage {
        used,
        quota: QUOTA_UNITS,
        models,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;
    use crate::storage::kv::MemoryStore;
    use crate::storage::library::{list, save};

    #[test]
    fn models_are_measured_with_their_points_largest_first() {
        let mut kv = MemoryStore::default();
        for (id, name) in [("a", "Small"), ("b", "Large model with a long name")] {
            let m = Model {
                id: Id::new(id),
                name: name.into(),
                ..Model::default()
            };
            save(&mut kv, &m, 0).unwrap();
        }
        kv.map
            .insert("kpi-structure:points:a".into(), "p".repeat(1000));
        kv.map.insert("other-app".into(), "x".repeat(99_999));
        let u = usage(&kv, &list(&kv).unwrap()).unwrap();
        assert_eq!(u.models[0].name, "Small", "its points make it the largest");
        assert_eq!(u.models[0].points, "kpi-structure:points:a".len() + 1000);
        assert!(u.models[1].model > 0 && u.models[1].points == 0);
        assert_eq!(u.used, kv.used() - "other-app".len() - 99_999);
        assert!(!u.nearly_full());
        kv.map.insert(
            "kpi-structure:points:b".into(),
            "p".repeat(QUOTA_UNITS * 4 / 5),
        );
        assert!(usage(&kv, &list(&kv).unwrap()).unwrap().nearly_full());
    }
}
