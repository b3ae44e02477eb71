//! Reading a meeting (a chain's or a department's `meeting`, the model's `mt_meeting`:
//! actions, next notes and attendance, meetings held) leniently: each action or meeting that
//! does not read is one problem with its path; the others are kept.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::ProblemKind;
use super::reader::{child, item, Reader, TextSize};
use crate::model::meeting::ChainMeeting;
use crate::model::Id;

/// The meeting field `key` of `o` (absent or null: none). Built by a struct literal without
/// `..Default::default()`, so a field added to [`ChainMeeting`] is a compile error here until
/// it is read.
pub fn read_meeting(r: &mut Reader, o: &Map<String, Value>, p: &str, key: &str) -> ChainMeeting {
    let mp = child(p, key);
    let Some(value) = o.get(key).filter(|v| !v.is_null()) else {
        return ChainMeeting::default();
    };
    let Some(mo) = r.object(value, &mp) else {
        return ChainMeeting::default();
    };
    ChainMeeting {
        notes: r.text(mo, "notes", &mp, TextSize::Long),
        actions: items(r, mo, "actions", &mp),
        held: items(r, mo, "held", &mp),
        absent: r
            .list(mo, "absent", &mp)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| r.id_value(v, &item(&child(&mp, "absent"), i)))
            .collect::<Vec<Id>>(),
    }
}

/// Each element of the list `key` as a `T`; one that does not read is reported and skipped.
pub fn items<T: DeserializeOwned>(
    r: &mut Reader,
    o: &Map<String, Value>,
    key: &str,
    p: &str,
) -> Vec<T> {
    let lp = child(p, key);
    r.list(o, key, p)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match T::deserialize(v) {
            Ok(t) => Some(t),
            Err(e) => {
                let en = format!("could not be read: {e}");
                let nl = format!("kon niet gelezen worden: {e}");
                r.error(ProblemKind::BadValue, &item(&lp, i), &en, &nl);
                None
            }
        })
        .collect()
}
