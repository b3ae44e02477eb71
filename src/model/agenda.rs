//! What a chain meeting discusses: [`meeting_kpis`] (the chain's KPIs, its links' KPIs and the
//! result KPIs they drive), [`attendees`], [`record`] (the meeting as closed now) and
//! [`changes_since`] (what changed since the last one: values, statuses, actions done and
//! added).

use super::id::Id;
use super::meeting::{Attendee, KpiState, Meeting};
use super::norm::Status;
use super::read::Reader;
use super::steer::{month_text, period_as_of, status_as_of, value_as_of, Month};
use super::types::{Attach, Chain, Model};

/// The KPIs a chain's meeting discusses, in this order: the chain KPIs, each link's KPIs (in
/// link order), then the result KPIs those drive (each once, in model order).
pub fn meeting_kpis<'m>(m: &'m Model, chain: &Id) -> Vec<&'m Id> {
    read_meeting_kpis(&Reader::new(m), chain)
}

/// [`meeting_kpis`], read through `r` (where the KPIs hang, the chain's links, the drives).
pub fn read_meeting_kpis<'m>(r: &Reader<'m>, chain: &Id) -> Vec<&'m Id> {
    let places: Vec<(&'m Id, &'m Attach)> = r.kpi_places().collect();
    let at = |want: &dyn Fn(&Attach) -> bool| -> Vec<&'m Id> {
        places
            .iter()
            .filter(|(_, a)| want(a))
            .map(|(id, _)| *id)
            .collect()
    };
    let mut out = at(&|a| matches!(a, Attach::Chain { chain: c } if c == chain));
    for l in r.link_ids(chain) {
        out.extend(at(
            &|a| matches!(a, Attach::Link { chain: c, link } if c == chain && link == l),
        ));
        out.extend(at(
            &|a| matches!(a, Attach::Handover { chain: c, link } if c == chain && link == l),
        ));
    }
    let driven: std::collections::HashSet<&Id> =
        out.iter().flat_map(|k| r.drives(k).iter()).collect();
    out.extend(
        at(&|a| matches!(a, Attach::Result { .. }))
            .into_iter()
            .filter(|k| driven.contains(k)),
    );
    out
}

/// The links attending the next meeting of `c` (all but the absent ones), in chain order.
pub fn attendees(c: &Chain) -> Vec<Attendee> {
    c.links
        .iter()
        .filter(|l| !c.meeting.absent.contains(&l.id))
        .map(|l| Attendee {
            link: l.id.clone(),
            name: l.name.clone(),
        })
        .collect()
}

/// The meeting of `chain` as it would be recorded now: `date` (`YYYY-MM-DD`, from the
/// shell's clock), the "As of" month, attendees, notes, statuses and actions.
pub fn record(m: &Model, chain: &Id, as_of: Month, date: &str) -> Option<Meeting> {
    let c = m.chains.get(chain)?;
    let kpis = meeting_kpis(m, chain)
        .into_iter()
        .filter_map(|id| m.kpis.get(id))
        .map(|k| KpiState {
            kpi: k.id.clone(),
            name: k.name.clone(),
            period: period_as_of(k, as_of),
            value: value_as_of(k, as_of),
            status: status_as_of(k, as_of),
        })
        .collect();
    Some(Meeting {
        date: date.to_string(),
        as_of: month_text(as_of),
        attendees: attendees(c),
        notes: c.meeting.notes.clone(),
        kpis,
        actions: c.meeting.actions.iter().map(|a| a.id.clone()).collect(),
        open: c
            .meeting
            .actions
            .iter()
            .filter(|a| !a.done)
            .map(|a| a.id.clone())
            .collect(),
    })
}

/// What changed in a chain since its last meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// KPIs whose value (as of now) differs from the one the last meeting saw: id, then, now.
    pub values: Vec<(Id, Option<f64>, Option<f64>)>,
    /// KPIs whose status differs: id, then, now.
    pub statuses: Vec<(Id, Status, Status)>,
    /// Actions open at the last meeting and done now.
    pub done: Vec<Id>,
    /// Actions added since the last meeting.
    pub added: Vec<Id>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
            && self.statuses.is_empty()
            && self.done.is_empty()
            && self.added.is_empty()
    }
}

/// What changed since the last meeting of `chain` (`None` before the first one).
pub fn changes_since(m: &Model, chain: &Id, as_of: Month) -> Option<Changes> {
    read_changes_since(&Reader::new(m), chain, as_of)
}

/// [`changes_since`], read through `r` (the meeting, which KPIs it has, their values).
pub fn read_changes_since(r: &Reader, chain: &Id, as_of: Month) -> Option<Changes> {
    let meeting = r.meeting(chain)?;
    let last = meeting.last()?;
    let mut out = Changes::default();
    for id in read_meeting_kpis(r, chain) {
        let Some(k) = r.kpi_with_values(id) else {
            continue;
        };
        let (value, status) = (value_as_of(k, as_of), status_as_of(k, as_of));
        let then = last.kpis.iter().find(|s| &s.kpi == id);
        let (v0, s0) = then.map_or((None, Status::NoValue), |s| (s.value, s.status));
        if v0 != value {
            out.values.push((id.clone(), v0, value));
        }
        if then.is_some_and(|s| s.status != status) {
            out.statuses.push((id.clone(), s0, status));
        }
    }
    for a in &meeting.actions {
        if a.done && last.open.contains(&a.id) {
            out.done.push(a.id.clone());
        }
        if !last.actions.contains(&a.id) {
            out.added.push(a.id.clone());
        }
    }
    Some(out)
}
