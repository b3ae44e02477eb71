//! An earlier meeting as a record (issue 23): what "Open" on an item of "Earlier meetings"
//! shows ([`meeting_record`]: its KPI table with the values, statuses and comments of that
//! moment, the actions done and open then, who was present and absent, the notes) and what
//! "Compare with this meeting" shows ([`compare_with`]: each KPI then and now).
//!
//! A meeting stores its KPIs' values and statuses (`model::meeting::KpiState`) and, since
//! issue 23, their comments (`Meeting::comments`). A meeting closed before that shows the
//! comment its period has today, marked so ([`RecordRow::comment_today`]). The norm, a
//! value's unit and the actions' texts are today's (a meeting keeps the ids of its actions,
//! and whether each was open).

use crate::model::agenda::read_meeting_kpis;
use crate::model::meeting::{Meeting, MeetingAt};
use crate::model::steer::{status_as_of, value_as_of, Month};
use crate::model::{shown_norm, Id, Lang, Reader, Status, Target};
use crate::present::chains::read_name_of;
use crate::present::meeting::{read_meeting_title, value_text};

/// One KPI row of a meeting's record.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRow {
    /// The KPI.
    pub kpi: Id,
    /// Its name then.
    pub name: String,
    /// Its value then, with today's unit ("97.5%", "no value").
    pub value: String,
    /// Its norm (today's).
    pub norm: String,
    /// Its status then.
    pub status: Status,
    /// Its comment then (empty when none).
    pub comment: String,
    /// True when the meeting did not keep comments and `comment` is the one its period has
    /// today.
    pub comment_today: bool,
}

/// An action of a meeting's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordAction {
    /// What is to be done (today's text).
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: String,
    /// Done at that meeting.
    pub done: bool,
}

/// An earlier meeting as a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// "Chain meeting · New coffee machine · 2026-12-05".
    pub heading: String,
    /// "as of 2026-11".
    pub as_of: String,
    /// Its KPIs in the order the meeting saw them.
    pub rows: Vec<RecordRow>,
    /// The actions it listed: those open then, and those done since the meeting before it.
    pub actions: Vec<RecordAction>,
    /// The links present (their names then); empty for a department's and the MT's meeting.
    pub present: Vec<String>,
    /// The chain's other links (today's names); empty for a department's and the MT's.
    pub absent: Vec<String>,
    /// Its notes.
    pub notes: String,
    /// False when the meeting was closed before comments were kept.
    pub comments_kept: bool,
}

/// The meeting held `index` (0 = the first, as in `ChainMeeting::held`) at `at`.
fn held<'m>(r: &Reader<'m>, at: &MeetingAt, index: usize) -> Option<(&'m [Meeting], usize)> {
    let held = &r.meeting(at)?.held;
    (index < held.len()).then_some((held.as_slice(), index))
}

/// The record of the meeting held `index` at `at` (0 = the first); `None` when there is no
/// such meeting.
pub fn read_meeting_record(r: &Reader, at: &MeetingAt, index: usize, lang: Lang) -> Option<Record> {
    let (all, index) = held(r, at, index)?;
    let h = &all[index];
    let rows = h
        .kpis
        .iter()
        .map(|s| {
            let k = r.kpi(&s.kpi);
            let unit = k.map_or("", |k| k.unit.as_str());
            let (comment, comment_today) = if h.comments {
                (s.comment.clone().unwrap_or_default(), false)
            } else {
                let today = s
                    .period
                    .and_then(|p| r.comments(&s.kpi).and_then(|c| c.get(&p)))
                    .cloned()
                    .unwrap_or_default();
                let marked = !today.is_empty();
                (today, marked)
            };
            RecordRow {
                kpi: s.kpi.clone(),
                name: s.name.clone(),
                value: value_text(s.value, unit, lang),
                norm: k
                    .map(|k| shown_norm(k.norm().as_ref(), lang))
                    .unwrap_or_default(),
                status: s.status,
                comment,
                comment_today,
            }
        })
        .collect();
    let before = index.checked_sub(1).map(|i| &all[i]);
    let actions = r
        .meeting(at)
        .map(|cm| {
            cm.actions
                .iter()
                .filter(|a| h.actions.contains(&a.id))
                .filter_map(|a| {
                    let open = h.open.contains(&a.id);
                    // Done then: shown when it was done since the meeting before.
                    let shown = open
                        || before
                            .is_none_or(|b| b.open.contains(&a.id) || !b.actions.contains(&a.id));
                    shown.then(|| RecordAction {
                        what: a.what.clone(),
                        owner: a.owner.clone(),
                        due: a.due.clone(),
                        done: !open,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let present: Vec<String> = h.attendees.iter().map(|a| a.name.clone()).collect();
    let absent = match at {
        MeetingAt::Chain(c) => r
            .link_ids(c)
            .filter(|l| !h.attendees.iter().any(|a| &a.link == *l))
            .map(|l| {
                read_name_of(
                    r,
                    &Target::Link {
                        chain: c.clone(),
                        link: l.clone(),
                    },
                    lang,
                )
            })
            .collect(),
        MeetingAt::Department(_) | MeetingAt::Mt => Vec::new(),
    };
    Some(Record {
        heading: format!("{} · {}", read_meeting_title(r, at, lang), h.date),
        as_of: format!("{} {}", lang.pick("as of", "stand per"), h.as_of),
        rows,
        actions,
        present,
        absent,
        notes: h.notes.clone(),
        comments_kept: h.comments,
    })
}

/// [`read_meeting_record`] of `m`.
pub fn meeting_record(
    m: &crate::model::Model,
    at: &MeetingAt,
    index: usize,
    lang: Lang,
) -> Option<Record> {
    read_meeting_record(&Reader::new(m), at, index, lang)
}

/// One KPI then and now.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The KPI.
    pub kpi: Id,
    /// Its name (today's; then's when it is gone).
    pub name: String,
    /// Its value and status at the meeting (`None`: it was not discussed then).
    pub then: Option<(String, Status)>,
    /// Its value and status as of the month now (`None`: it is gone or no longer discussed).
    pub now: Option<(String, Status)>,
}

impl CompareRow {
    /// True when the value or the status differs.
    pub fn changed(&self) -> bool {
        self.then != self.now
    }
}

/// Each KPI of the meeting held `index` at `at`, then and as of `as_of` now, in the order
/// the meeting saw them; then the KPIs the meeting discusses now that it did not then.
pub fn read_compare_with(
    r: &Reader,
    at: &MeetingAt,
    index: usize,
    as_of: Month,
    lang: Lang,
) -> Vec<CompareRow> {
    let Some((all, index)) = held(r, at, index) else {
        return Vec::new();
    };
    let h = &all[index];
    let discussed = read_meeting_kpis(r, at);
    let now = |id: &Id| {
        let k = r.kpi_with_values(id)?;
        discussed.contains(&id).then(|| {
            (
                value_text(value_as_of(k, as_of), &k.unit, lang),
                status_as_of(k, as_of),
            )
        })
    };
    let unit = |id: &Id| r.kpi(id).map_or("", |k| k.unit.as_str());
    let name = |id: &Id, then: &str| r.kpi(id).map_or(then.to_string(), |k| k.name.clone());
    let mut rows: Vec<CompareRow> = h
        .kpis
        .iter()
        .map(|s| CompareRow {
            kpi: s.kpi.clone(),
            name: name(&s.kpi, &s.name),
            then: Some((value_text(s.value, unit(&s.kpi), lang), s.status)),
            now: now(&s.kpi),
        })
        .collect();
    for id in &discussed {
        let id: &Id = id;
        if !h.kpis.iter().any(|s| &s.kpi == id) {
            rows.push(CompareRow {
                kpi: id.clone(),
                name: name(id, ""),
                then: None,
                now: now(id),
            });
        }
    }
    rows
}

/// [`read_compare_with`] of `m`.
pub fn compare_with(
    m: &crate::model::Model,
    at: &MeetingAt,
    index: usize,
    as_of: Month,
    lang: Lang,
) -> Vec<CompareRow> {
    read_compare_with(&Reader::new(m), at, index, as_of, lang)
}
