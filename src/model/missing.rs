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
/// values): the Values view's "Waiting for values" list.
pub fn read_waiting_for_values(r: &Reader, as_of: Month) -> Vec<Waiting> {
    let mut groups: Vec<(String, Waiting)> = Vec::new();
    for (id, _) in r.kpi_places() {
        let Some(k) = r.kpi_with_values(id) else {
            continue;
        };
        if period_as_of(k, as_of).is_none() || value_as_of(k, as_of).is_some() {
            continue;
        }
        let key = name_key(&k.owner);
        match groups.iter_mut().find(|(g, _)| *g == key) {
            Some((_, w)) => w.kpis.push(k.id.clone()),
            None => groups.push((
                key,
                Waiting {
                    owner: k.owner.trim().to_string(),
                    kpis: vec![k.id.clone()],
                },
            )),
        }
    }
    groups.sort_by(|(a, _), (b, _)| (a.is_empty(), a).cmp(&(b.is_empty(), b)));
    groups.into_iter().map(|(_, w)| w).collect()
}

/// Whether `kpi` is one of "My KPIs": its owner is `your_name` (trimmed, case-insensitive).
/// Nobody owns a KPI without an owner, and an empty name owns nothing.
pub fn is_mine(kpi: &Kpi, your_name: &str) -> bool {
    !name_key(your_name).is_empty() && same_name(&kpi.owner, your_name)
}
