//! What is still missing for a month: the KPIs waiting for a value, grouped by owner, and
//! which KPIs are "mine".

use super::names::{name_key, same_name};
use super::read::Reader;
use super::steer::{period_as_of, value_as_of, Month};
use super::types::{Kpi, Model};
use super::Id;

/// One owner's KPIs without a value for the "As of" month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    /// The owner as the first of their KPIs (in model order) writes it, trimmed; `""` for the
    /// KPIs without an owner ("No owner").
    pub owner: String,
    /// Their KPIs waiting for a value, in model order.
    pub kpis: Vec<Id>,
}

/// The KPIs without a value for the period they show as of `as_of` (the same period as their
/// status: a monthly KPI that month, a quarterly KPI its latest quarter ending by the month's
/// end, ...), grouped by owner. Owners are one group whatever their case and spacing
/// ([`same_name`]), sorted by name (case-insensitive); the KPIs without an owner come last.
/// A KPI without a frequency has no period, so it never waits.
pub fn waiting_for_values(m: &Model, as_of: Month) -> Vec<Waiting> {
    read_waiting_for_values(&Reader::new(m), as_of)
}

/// [`waiting_for_values`], read through `r` (which KPIs exist, and each one's own fields and
/// values): the Values view's "Waiting for values" list. The same as [`read_waits`] for each
/// KPI in model order, grouped by [`group_waiting`] (the view keeps one memo per KPI).
pub fn read_waiting_for_values(r: &Reader, as_of: Month) -> Vec<Waiting> {
    let ids: Vec<Id> = r.kpi_places().map(|(id, _)| id.clone()).collect();
    group_waiting(
        ids.iter()
            .filter_map(|id| Some((id.clone(), read_waits(r, id, as_of)?))),
    )
}

/// Whether the KPI `id` waits for a value as of `as_of`: its owner as written (`Some("")`: no
/// owner) when it has a period then and no value for it; `None` when it has its value, has no
/// frequency, or does not exist. Reads that KPI's own fields and values only.
pub fn read_waits(r: &Reader, id: &Id, as_of: Month) -> Option<String> {
    let k = r.kpi_with_values(id)?;
    if period_as_of(k, as_of).is_none() || value_as_of(k, as_of).is_some() {
        return None;
    }
    Some(k.owner.clone())
}

/// The waiting KPIs `(id, owner)` (in model order) grouped by owner: owners are one group
/// whatever their case and spacing, the group named as its first KPI writes it (trimmed),
/// sorted by name (case-insensitive), the KPIs without an owner last.
pub fn group_waiting(waits: impl IntoIterator<Item = (Id, String)>) -> Vec<Waiting> {
    let mut groups: Vec<(String, Waiting)> = Vec::new();
    for (id, owner) in waits {
        let key = name_key(&owner);
        match groups.iter_mut().find(|(g, _)| *g == key) {
            Some((_, w)) => w.kpis.push(id),
            None => groups.push((
                key,
                Waiting {
                    owner: owner.trim().to_string(),
                    kpis: vec![id],
                },
            )),
        }
    }
    crate::model::sort::sort_by(&mut groups, |(a, _), (b, _)| {
        (a.is_empty(), a).cmp(&(b.is_empty(), b))
    });
    groups.into_iter().map(|(_, w)| w).collect()
}

/// Whether `kpi` is one of "My KPIs": its owner is `your_name` (trimmed, case-insensitive).
/// Nobody owns a KPI without an owner, and an empty name owns nothing.
pub fn is_mine(kpi: &Kpi, your_name: &str) -> bool {
    !name_key(your_name).is_empty() && same_name(&kpi.owner, your_name)
}
