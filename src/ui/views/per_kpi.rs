//! One memo per KPI, and the list of their results in model order: a whole-model figure
//! ("12 of 18 KPIs fully defined", "Waiting for values") kept so that an edit of one KPI
//! re-runs that KPI's memo only, and the list only when a KPI's result changes or KPIs come
//! and go.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::model::{Id, Reader};
use crate::ui::state::App;

/// `f(reader, id)` for every KPI of the open model, in model order, `None`s left out. `f`
/// should read that KPI only (through the reader, which subscribes to what it reads): each
/// KPI's memo re-runs on its own edits, and the list re-runs when a result changes. The
/// per-KPI memos belong to the calling view's owner (not to the list's run, which re-runs).
pub fn per_kpi<T>(
    app: App,
    f: impl Fn(&Reader, &Id) -> Option<T> + Clone + Send + Sync + 'static,
) -> Memo<Vec<(Id, T)>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let owner = Owner::current().unwrap_or_default();
    let memos = StoredValue::new(HashMap::<Id, ArcMemo<Option<T>>>::new());
    let ids = Memo::new(move |_| {
        app.doc
            .read(|r| r.kpi_places().map(|(id, _)| id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    Memo::new(move |_| {
        ids.with(|ids| {
            memos.update_value(|memos| {
                let kept: HashSet<&Id> = ids.iter().collect();
                memos.retain(|id, _| kept.contains(id));
                for id in ids {
                    memos.entry(id.clone()).or_insert_with(|| {
                        let (id, f) = (id.clone(), f.clone());
                        owner.with(|| ArcMemo::new(move |_| app.doc.read(|r| f(r, &id)).flatten()))
                    });
                }
            });
            memos.with_value(|memos| {
                ids.iter()
                    .filter_map(|id| memos.get(id)?.get().map(|t| (id.clone(), t)))
                    .collect()
            })
        })
    })
}
