//! What a meeting discusses, at each of the three levels ([`MeetingAt`]):
//! [`meeting_kpis`] (a chain's: its KPIs, its links' KPIs and the result KPIs they drive; a
//! department's: the KPIs of its links across all chains; the MT's: the result KPIs by goal),
//! [`attendees`], [`record`] (the meeting as closed now), [`changes_since`] (what changed
//! since the last one: values, statuses, actions done and added) and [`read_escalated`] (the
//! actions escalated to the MT that are not done).

use super::id::Id;
use super::meeting::{Action, Attendee, KpiState, Meeting, MeetingAt};
use super::norm::Status;
use super::read::Reader;
use super::steer::{month_text, period_as_of, status_as_of, value_as_of, Month};
use super::types::{Attach, Chain, Model};

/// The KPIs a meeting discusses. A chain's, in this order: the chain KPIs, each link's KPIs
/// (in link order), then the result KPIs those drive (each once, in model order). A
/// department's: the KPIs of each link in that department, chain by chain (model order), link
/// by link (chain order). The MT's: the result KPIs, goal by goal (model order).
pub fn meeting_kpis<'m>(m: &'m Model, at: &MeetingAt) -> Vec<&'m Id> {
    read_meeting_kpis(&Reader::new(m), at)
}

/// [`meeting_kpis`], read through `r` (where the KPIs hang, the chains and their links, a
/// link's department, the goals, the drives).
pub fn read_meeting_kpis<'m>(r: &Reader<'m>, at: &MeetingAt) -> Vec<&'m Id> {
    let places: Places<'m> = r.kpi_places().collect();
    let hanging = |want: &dyn Fn(&Attach) -> bool| hanging(&places, want);
    match at {
        MeetingAt::Chain(chain) => chain_kpis(r, chain, &places),
        MeetingAt::Department(d) => {
            // Each of its links with the handovers it is part of: the one it receives (the
            // link before it hands over) and the one it makes, each once.
            let mut handovers: Vec<(&Id, &Id)> = Vec::new();
            let mut out = Vec::new();
            for (chain, link) in department_links(r, d) {
                let ids: Vec<&Id> = r.link_ids(chain).collect();
                let before = ids
                    .iter()
                    .position(|l| *l == link)
                    .and_then(|i| i.checked_sub(1))
                    .map(|i| ids[i]);
                let mut handover = |from: &'m Id, out: &mut Vec<&'m Id>| {
                    if !handovers.contains(&(chain, from)) {
                        handovers.push((chain, from));
                        out.extend(hanging(&|a| {
                            matches!(a, Attach::Handover { chain: c, link: l } if c == chain && l == from)
                        }));
                    }
                };
                if let Some(before) = before {
                    handover(before, &mut out);
                }
                out.extend(hanging(
                    &|a| matches!(a, Attach::Link { chain: c, link: l } if c == chain && l == link),
                ));
                handover(link, &mut out);
            }
            out
        }
        MeetingAt::Mt => r
            .goal_ids()
            .flat_map(|g| hanging(&|a| matches!(a, Attach::Result { goal } if goal == g)))
            .collect(),
    }
}

/// The links of department `d`: (chain, link), chain by chain in model order, each chain's in
/// chain order.
pub fn department_links<'m>(r: &Reader<'m>, d: &Id) -> Vec<(&'m Id, &'m Id)> {
    r.chain_ids()
        .flat_map(|c| {
            r.link_ids(c)
                .filter(|l| {
                    r.link(c, l)
                        .is_some_and(|l| l.department.as_ref() == Some(d))
                })
                .map(move |l| (c, l))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every KPI and where it hangs, in model order.
type Places<'m> = Vec<(&'m Id, &'m Attach)>;

/// The KPIs of `places` that hang where `want` says, in model order.
fn hanging<'m>(places: &Places<'m>, want: &dyn Fn(&Attach) -> bool) -> Vec<&'m Id> {
    places
        .iter()
        .filter(|(_, a)| want(a))
        .map(|(id, _)| *id)
        .collect()
}

/// A chain meeting's KPIs (see [`meeting_kpis`]).
fn chain_kpis<'m>(r: &Reader<'m>, chain: &Id, places: &Places<'m>) -> Vec<&'m Id> {
    let at = |want: &dyn Fn(&Attach) -> bool| hanging(places, want);
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

/// Who attends the next meeting at `at`: a chain meeting's links (all but the absent ones,
/// in chain order); a department's and the MT's meeting list none.
pub fn attendees(m: &Model, at: &MeetingAt) -> Vec<Attendee> {
    match at {
        MeetingAt::Chain(c) => m.chains.get(c).map(chain_attendees).unwrap_or_default(),
        MeetingAt::Department(_) | MeetingAt::Mt => Vec::new(),
    }
}

/// The links attending the next meeting of `c` (all but the absent ones), in chain order.
pub fn chain_attendees(c: &Chain) -> Vec<Attendee> {
    c.links
        .iter()
        .filter(|l| !c.meeting.absent.contains(&l.id))
        .map(|l| Attendee {
            link: l.id.clone(),
            name: l.name.clone(),
        })
        .collect()
}

/// The meeting at `at` as it would be recorded now: `date` (`YYYY-MM-DD`, from the shell's
/// clock), the "As of" month, attendees, notes, statuses and its own actions.
pub fn record(m: &Model, at: &MeetingAt, as_of: Month, date: &str) -> Option<Meeting> {
    let meeting = m.meeting(at)?;
    let kpis = meeting_kpis(m, at)
        .into_iter()
        .filter_map(|id| m.kpis.get(id))
        .map(|k| {
            let period = period_as_of(k, as_of);
            KpiState {
                kpi: k.id.clone(),
                name: k.name.clone(),
                comment: period
                    .and_then(|p| k.comments.get(&p))
                    .filter(|c| !c.trim().is_empty())
                    .cloned(),
                period,
                value: value_as_of(k, as_of),
                status: status_as_of(k, as_of),
            }
        })
        .collect();
    Some(Meeting {
        date: date.to_string(),
        as_of: month_text(as_of),
        attendees: attendees(m, at),
        notes: meeting.notes.clone(),
        kpis,
        actions: meeting.actions.iter().map(|a| a.id.clone()).collect(),
        open: meeting
            .actions
            .iter()
            .filter(|a| !a.done)
            .map(|a| a.id.clone())
            .collect(),
        comments: true,
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

/// What changed since the last meeting at `at` (`None` before the first one).
pub fn changes_since(m: &Model, at: &MeetingAt, as_of: Month) -> Option<Changes> {
    read_changes_since(&Reader::new(m), at, as_of)
}

/// [`changes_since`], read through `r` (the meeting, which KPIs it has, their values).
pub fn read_changes_since(r: &Reader, at: &MeetingAt, as_of: Month) -> Option<Changes> {
    let meeting = r.meeting(at)?;
    let last = meeting.last()?;
    let mut out = Changes::default();
    for id in read_meeting_kpis(r, at) {
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

/// The actions escalated to the MT that are not done, each with the meeting it was agreed in:
/// the chain meetings' (chain order), then the departments' (department order); within a
/// meeting, in the order they were added.
pub fn read_escalated<'m>(r: &Reader<'m>) -> Vec<(MeetingAt, &'m Action)> {
    let places: Vec<MeetingAt> = r
        .chain_ids()
        .map(|c| MeetingAt::Chain(c.clone()))
        .chain(r.department_ids().map(|d| MeetingAt::Department(d.clone())))
        .collect();
    places
        .into_iter()
        .flat_map(|at| {
            let open: Vec<&'m Action> = r
                .meeting(&at)
                .map(|m| {
                    m.actions
                        .iter()
                        .filter(|a| a.escalated && !a.done)
                        .collect()
                })
                .unwrap_or_default();
            open.into_iter().map(move |a| (at.clone(), a))
        })
        .collect()
}

/// [`read_escalated`] of `m`.
pub fn escalated(m: &Model) -> Vec<(MeetingAt, &Action)> {
    read_escalated(&Reader::new(m))
}
