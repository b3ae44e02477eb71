//! Restore points: earlier versions of each model, so that no version is ever lost to an
//! import, a merge or a mistake. One key per model, `kpi-structure:points:<id>`, holds its
//! points oldest first as JSON; a point's `data` is the model's stored entry compressed by
//! the shell (raw DEFLATE, [`super::pack`]), so this module never looks inside it.
//!
//! **Budget** (documented in docs/ARCHITECTURE.md): at most [`MAX_PER_MODEL`] points a model,
//! and all points together at most [`BUDGET_UNITS`] UTF-16 units (a fifth of the 5 MiB that
//! browsers give a site), so models always have room. Over budget, the oldest points go
//! first, whichever model they belong to; every model keeps its newest point. Points never
//! take room from a model: a write that hits the quota drops old points and tries again,
//! then gives up.

use serde::Serialize;
use serde_json::Value;

use super::keys;
use super::kv::{KeyValue, StoreError};
use crate::model::Id;

/// Points kept per model.
pub const MAX_PER_MODEL: usize = 30;
/// UTF-16 units all restore points may take together (keys included).
pub const BUDGET_UNITS: usize = 1_000_000;
/// While a model is being edited, a point at least this often (milliseconds).
pub const EDITING_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Why a point was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// The model was made (new, from a template, a copy).
    Created,
    Opened,
    Imported,
    Exported,
    /// Just before a merge made a new model from this one.
    BeforeMerge,
    /// Ten minutes of editing since the last point.
    Editing,
}

impl Why {
    const ALL: [(Why, &'static str); 6] = [
        (Why::Created, "created"),
        (Why::Opened, "opened"),
        (Why::Imported, "imported"),
        (Why::Exported, "exported"),
        (Why::BeforeMerge, "before-merge"),
        (Why::Editing, "editing"),
    ];

    fn read(code: &str) -> Option<Why> {
        Why::ALL.iter().find(|(_, c)| *c == code).map(|(w, _)| *w)
    }

    /// Why, in words (the History list).
    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        match self {
            Why::Created => lang.pick("Made", "Gemaakt"),
            Why::Opened => lang.pick("Opened", "Geopend"),
            Why::Imported => lang.pick("Imported", "Geïmporteerd"),
            Why::Exported => lang.pick("Exported", "Geëxporteerd"),
            Why::BeforeMerge => lang.pick("Before a merge", "Voor een samenvoeging"),
            Why::Editing => lang.pick("While editing", "Tijdens bewerken"),
        }
    }
}

/// One restore point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Milliseconds since the Unix epoch.
    pub time: f64,
    pub why: Why,
    /// The content hash of the version it holds ([`crate::model::lineage::content_hash`]).
    pub hash: String,
    /// The model's name in that version.
    pub name: String,
    /// The version, as the shell packed it.
    pub data: String,
}

impl Point {
    /// Reads a stored point; `None` if it is not one. (By hand over `Value`, which the file
    /// reader already brings: a serde `Deserialize` would add its own code to the first load.)
    fn read(v: &Value) -> Option<Point> {
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
        Some(Point {
            time: v.get("time")?.as_f64()?,
            why: Why::read(v.get("why")?.as_str()?)?,
            hash: text("hash")?,
            name: text("name").unwrap_or_default(),
            data: text("data")?,
        })
    }
}

/// What [`add`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    Added,
    /// The newest point already holds this version.
    Same,
}

pub fn key(id: &Id) -> String {
    format!("{}{}", keys::POINTS_PREFIX, id.as_str())
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The points of model `id`, oldest first (none if there are none or they do not read).
pub fn read(kv: &impl KeyValue, id: &Id) -> Vec<Point> {
    read_key(kv, &key(id))
}

fn read_key(kv: &impl KeyValue, key: &str) -> Vec<Point> {
    let value: Option<Value> = kv
        .get(key)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok());
    value
        .as_ref()
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Point::read).collect())
        .unwrap_or_default()
}

fn text(points: &[Point]) -> String {
    serde_json::to_string(points).unwrap_or_else(|_| "[]".into())
}

/// Every model's points (key, points), for the budget.
fn all(kv: &impl KeyValue) -> Result<Vec<(String, Vec<Point>)>, StoreError> {
    let mut out = Vec::new();
    for k in kv.keys()? {
        if k.starts_with(keys::POINTS_PREFIX) {
            let points = read_key(kv, &k);
            out.push((k, points));
        }
    }
    Ok(out)
}

fn size(key: &str, points: &[Point]) -> usize {
    units(key) + units(&text(points))
}

/// Drops the oldest point of any model that has more than one; false if none can go.
fn drop_oldest(sets: &mut [(String, Vec<Point>, bool)]) -> bool {
    let oldest = sets
        .iter()
        .enumerate()
        .filter(|(_, (_, p, _))| p.len() > 1)
        .min_by(|a, b| a.1 .1[0].time.total_cmp(&b.1 .1[0].time))
        .map(|(i, _)| i);
    match oldest {
        Some(i) => {
            sets[i].1.remove(0);
            sets[i].2 = true;
            true
        }
        None => false,
    }
}

/// Adds `point` to model `id`, keeping the budget (see the module docs).
pub fn add(kv: &mut impl KeyValue, id: &Id, point: Point) -> Result<Added, StoreError> {
    let mine = key(id);
    // (key, points, changed)
    let mut sets: Vec<(String, Vec<Point>, bool)> =
        all(kv)?.into_iter().map(|(k, p)| (k, p, false)).collect();
    let at = match sets.iter().position(|(k, _, _)| *k == mine) {
        Some(i) => i,
        None => {
            sets.push((mine.clone(), Vec::new(), false));
            sets.len() - 1
        }
    };
    if sets[at].1.last().is_some_and(|p| p.hash == point.hash) {
        return Ok(Added::Same);
    }
    sets[at].1.push(point);
    sets[at].2 = true;
    let excess = sets[at].1.len().saturating_sub(MAX_PER_MODEL);
    sets[at].1.drain(..excess);
    while sets.iter().map(|(k, p, _)| size(k, p)).sum::<usize>() > BUDGET_UNITS {
        if !drop_oldest(&mut sets) {
            break;
        }
    }
    // Others first: what they free makes room for this one.
    let last = sets.len() - 1;
    sets.swap(at, last);
    for (k, points, changed) in sets.iter_mut().filter(|s| s.2) {
        *changed = false;
        loop {
            match kv.set(k, &text(points)) {
                Ok(()) => break,
                Err(StoreError::Quota) if points.len() > 1 => {
                    points.remove(0);
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(Added::Added)
}

/// True if the newest of `points` (oldest first) is at least as recent as a model last
/// changed at `modified`: opening that model needs no new point.
pub fn covers(points: &[Point], modified: f64) -> bool {
    points.last().is_some_and(|p| p.time >= modified)
}

/// Forgets model `id`'s points (the model was deleted).
pub fn delete(kv: &mut impl KeyValue, id: &Id) -> Result<(), StoreError> {
    kv.remove(&key(id))
}

/// Drops the oldest restore point of any model that has more than one, to make room for a
/// model's save; false if there was none to drop.
pub fn make_room(kv: &mut impl KeyValue) -> Result<bool, StoreError> {
    let mut sets: Vec<(String, Vec<Point>, bool)> =
        all(kv)?.into_iter().map(|(k, p)| (k, p, false)).collect();
    if !drop_oldest(&mut sets) {
        return Ok(false);
    }
    for (k, points, _) in sets.iter().filter(|s| s.2) {
        kv.set(k, &text(points))?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;

    fn point(time: f64, hash: &str, data_len: usize) -> Point {
        Point {
            time,
            why: Why::Editing,
            hash: hash.into(),
            name: "M".into(),
            data: "x".repeat(data_len),
        }
    }

    #[test]
    fn points_are_kept_oldest_first_and_a_repeat_is_skipped() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        assert_eq!(add(&mut kv, &id, point(1.0, "a", 10)), Ok(Added::Added));
        assert_eq!(add(&mut kv, &id, point(2.0, "a", 10)), Ok(Added::Same));
        assert_eq!(add(&mut kv, &id, point(3.0, "b", 10)), Ok(Added::Added));
        let hashes: Vec<String> = read(&kv, &id).into_iter().map(|p| p.hash).collect();
        assert_eq!(hashes, ["a", "b"]);
        assert!(kv.map.contains_key("kpi-structure:points:m1"));
    }

    #[test]
    fn a_model_keeps_at_most_its_share_of_points() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        for i in 0..(MAX_PER_MODEL + 5) {
            add(&mut kv, &id, point(i as f64, &i.to_string(), 10)).unwrap();
        }
        let points = read(&kv, &id);
        assert_eq!(points.len(), MAX_PER_MODEL);
        assert_eq!(points[0].hash, "5", "the oldest went first");
    }

    #[test]
    fn over_budget_the_oldest_points_of_any_model_go_but_each_keeps_its_newest() {
        let mut kv = MemoryStore::default();
        let (a, b) = (Id::new("a"), Id::new("b"));
        let big = BUDGET_UNITS / 4;
        add(&mut kv, &a, point(1.0, "a1", big)).unwrap();
        add(&mut kv, &a, point(2.0, "a2", big)).unwrap();
        add(&mut kv, &b, point(3.0, "b1", big)).unwrap();
        add(&mut kv, &b, point(4.0, "b2", big)).unwrap();
        let a_points: Vec<String> = read(&kv, &a).into_iter().map(|p| p.hash).collect();
        assert_eq!(a_points, ["a2"], "a1 was the oldest of all");
        assert_eq!(read(&kv, &b).len(), 2);
        assert!(kv.used() <= BUDGET_UNITS);
        // One huge point still goes in: a model's newest point is never dropped.
        add(&mut kv, &b, point(5.0, "b3", BUDGET_UNITS)).unwrap();
        assert_eq!(read(&kv, &a).len(), 1);
        assert_eq!(read(&kv, &b).len(), 1);
    }

    #[test]
    fn a_full_store_drops_points_before_it_gives_up_and_never_touches_a_model() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        kv.map
            .insert("kpi-structure:model:m1".into(), "model".repeat(100));
        add(&mut kv, &id, point(1.0, "a", 400)).unwrap();
        add(&mut kv, &id, point(2.0, "b", 400)).unwrap();
        kv.quota = Some(kv.used() + 100);
        assert_eq!(add(&mut kv, &id, point(3.0, "c", 400)), Ok(Added::Added));
        let hashes: Vec<String> = read(&kv, &id).into_iter().map(|p| p.hash).collect();
        assert_eq!(hashes.last().map(String::as_str), Some("c"));
        assert!(hashes.len() < 3);
        assert_eq!(kv.map["kpi-structure:model:m1"], "model".repeat(100));
        assert_eq!(
            add(&mut kv, &id, point(4.0, "d", 5000)),
            Err(StoreError::Quota)
        );
        assert_eq!(
            read(&kv, &id).last().unwrap().hash,
            "c",
            "what was kept stays"
        );
    }

    #[test]
    fn points_read_back_as_written_and_a_damaged_one_is_skipped() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        for (i, why) in Why::ALL.iter().enumerate() {
            let mut p = point(i as f64, &i.to_string(), 3);
            p.why = why.0;
            add(&mut kv, &id, p).unwrap();
        }
        let whys: Vec<Why> = read(&kv, &id).into_iter().map(|p| p.why).collect();
        assert_eq!(whys, Why::ALL.map(|w| w.0));
        let raw = kv.map["kpi-structure:points:m1"].replacen("\"editing\"", "\"later\"", 1);
        kv.map.insert("kpi-structure:points:m1".into(), raw);
        assert_eq!(read(&kv, &id).len(), 5);
    }

    #[test]
    fn a_point_newer_than_the_last_change_covers_an_open() {
        assert!(!covers(&[], 5.0));
        assert!(covers(&[point(1.0, "a", 1), point(5.0, "b", 1)], 5.0));
        assert!(
            !covers(&[point(6.0, "a", 1), point(4.0, "b", 1)], 5.0),
            "the newest is last"
        );
    }

    #[test]
    fn make_room_drops_the_oldest_point() {
        let mut kv = MemoryStore::default();
        let id = Id::new("m1");
        add(&mut kv, &id, point(1.0, "a", 10)).unwrap();
        assert_eq!(make_room(&mut kv), Ok(false), "a model's only point stays");
        add(&mut kv, &id, point(2.0, "b", 10)).unwrap();
        assert_eq!(make_room(&mut kv), Ok(true));
        assert_eq!(read(&kv, &id)[0].hash, "b");
        delete(&mut kv, &id).unwrap();
        assert!(read(&kv, &id).is_empty());
    }
}
