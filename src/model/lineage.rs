//! Where a copy of a model comes from: a content hash names one version of a model, whatever
//! its id, timestamps or the browser it lives in, so two copies can find the version they
//! both started from (the base of a three-way merge).
//!
//! A file records the hash of the version it was exported at and the model's [`Model::origin`]
//! (the version that model was itself imported from); importing keeps the file's version as
//! the new copy's origin. Restore points carry the hash of the version they hold.

use std::fmt::Write as _;

use super::id::Id;
use super::types::Model;

/// FNV-1a, 64 bits: stable across platforms and releases (unlike `std`'s hasher).
struct Fnv(u64);

impl Fnv {
    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The content hash of `m`: 16 hex digits over its compact JSON without the id, the
/// timestamps and the origin (which are not content), so neither those nor how a file was
/// indented count. (The same compact serialiser as storage, so the wasm holds it once; a
/// 3,000-KPI model with 108,000 values hashes in milliseconds, see `make bench-model`.)
pub fn content_hash(m: &Model) -> String {
    let content = Model {
        id: Id::default(),
        created: 0.0,
        modified: 0.0,
        origin: String::new(),
        ..m.clone()
    };
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    // These types always serialise.
    h.eat(&serde_json::to_vec(&content).unwrap_or_default());
    let mut out = String::with_capacity(16);
    let _ = write!(out, "{:016x}", h.0);
    out
}

/// The versions a copy is known to descend from, newest first: its own content, its origin,
/// and any more (a file's recorded versions, a model's restore points).
pub fn ancestry<'a>(m: &'a Model, more: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = vec![content_hash(m)];
    for h in more.into_iter().chain([m.origin.as_str()]) {
        if !h.is_empty() && !out.iter().any(|o| o == h) {
            out.push(h.to_string());
        }
    }
    out
}

/// The newest of `candidates` (hashes of versions whose content is at hand, newest first)
/// that both copies descend from: the base of a three-way merge.
pub fn common_base<'a>(
    candidates: impl IntoIterator<Item = &'a str>,
    mine: &[String],
    theirs: &[String],
) -> Option<&'a str> {
    candidates
        .into_iter()
        .find(|c| mine.iter().any(|m| m == c) && theirs.iter().any(|t| t == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn model(name: &str) -> Model {
        Model {
            id: Id::new("m1"),
            name: name.into(),
            ..Model::default()
        }
    }

    #[test]
    fn the_hash_names_content_not_identity() {
        let a = model("Coffee");
        let mut b = a.clone();
        b.id = Id::new("other");
        b.created = 5.0;
        b.modified = 9.0;
        b.origin = "0123456789abcdef".into();
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_eq!(content_hash(&a).len(), 16);
        assert_ne!(content_hash(&a), content_hash(&model("Coffee!")));
    }

    #[test]
    fn the_hash_is_stable_across_releases() {
        // A file written today must find its base in a later release: this value may never
        // change.
        assert_eq!(
            content_hash(&model("Coffee")),
            content_hash(&model("Coffee"))
        );
        assert_eq!(content_hash(&Model::default()), "203d1c3540ae22ac");
    }

    #[test]
    fn the_newest_shared_version_is_the_base() {
        let mine = vec!["m2".to_string(), "b1".into(), "b0".into()];
        let theirs = vec!["t1".to_string(), "b1".into(), "b0".into()];
        assert_eq!(common_base(["m2", "b1", "b0"], &mine, &theirs), Some("b1"));
        assert_eq!(common_base(["m2"], &mine, &theirs), None);
        let mut m = model("x");
        m.origin = "b0".into();
        let a = ancestry(&m, ["b1", ""]);
        assert_eq!(a[1..], ["b1".to_string(), "b0".to_string()]);
    }
}
