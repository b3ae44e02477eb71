//! The three meeting levels as data (iPM's performance dialogue: department meetings, chain
//! meetings, the management team's meeting): each has actions, the next meeting's notes and
//! attendance, and the meetings held, each recorded with the statuses of that moment
//! ([`ChainMeeting`]). [`MeetingAt`] names which meeting.
//!
//! All of it lives in the model (`Chain::meeting`, `Department::meeting`, `Model::mt_meeting`,
//! optional fields of format version 2), so it travels with files and undoes like any edit.
//! An action a level cannot solve is escalated (`Action::escalated`): it shows in the MT
//! meeting until done, and stays the one action of the meeting it was agreed in. What a
//! meeting discusses and what changed since the last one is computed in `agenda.rs`.

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

use super::id::Id;
use super::norm::Status;
use super::period::Period;

/// Which meeting: a chain's (*ketenoverleg*), a department's (*afdelingsoverleg*) or the
/// management team's (*MT-overleg*).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "level", content = "id", rename_all = "snake_case")]
pub enum MeetingAt {
    Chain(Id),
    Department(Id),
    Mt,
}

/// The state of one meeting (a chain's, a department's or the MT's; the name is from when
/// only chains had one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields, extend("minProperties" = 1))
)]
#[serde(default)]
pub struct ChainMeeting {
    /// Agreed actions, open and done, in the order they were added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The notes of the next (not yet closed) meeting.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Links that will not attend the next meeting (every link attends by default).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Id>,
    /// The meetings held, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<Meeting>,
}

impl ChainMeeting {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
            && self.notes.is_empty()
            && self.absent.is_empty()
            && self.held.is_empty()
    }

    /// The last meeting held.
    pub fn last(&self) -> Option<&Meeting> {
        self.held.last()
    }
}

/// An agreed action. Owner and due are free text, so a link, a person, a period or a date fit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(default)]
pub struct Action {
    pub id: Id,
    /// What is to be done.
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// By when (`2026-09`, a date, "next meeting").
    pub due: String,
    pub done: bool,
    /// Escalated to the management team: it shows in the MT meeting until done.
    #[serde(skip_serializing_if = "is_false")]
    pub escalated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One field of an action, with its new value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum ActionField {
    What(String),
    Owner(String),
    Due(String),
    Done(bool),
    Escalated(bool),
}

impl ActionField {
    /// The field's name (for coalescing keystrokes).
    pub fn name(&self) -> &'static str {
        match self {
            ActionField::What(_) => "what",
            ActionField::Owner(_) => "owner",
            ActionField::Due(_) => "due",
            ActionField::Done(_) => "done",
            ActionField::Escalated(_) => "escalated",
        }
    }
}

/// A meeting as it was closed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(default)]
pub struct Meeting {
    /// The day it was closed, `YYYY-MM-DD`.
    pub date: String,
    /// The "As of" month it discussed, `YYYY-MM`.
    pub as_of: String,
    /// The links present (ids, with their names then; a chain meeting's only).
    pub attendees: Vec<Attendee>,
    pub notes: String,
    /// Every KPI of the meeting with its period, value and status then.
    pub kpis: Vec<KpiState>,
    /// The ids of every action then, and of those still open.
    pub actions: Vec<Id>,
    pub open: Vec<Id>,
    /// True when each KPI's comment of that moment is in `kpis` (`KpiState::comment`).
    /// Meetings closed before comments were kept (issue 23) lack it: a record then shows
    /// the period's comment of today, marked so. Absent when false.
    #[serde(skip_serializing_if = "is_false")]
    pub comments: bool,
}

/// A link present at a meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(default)]
pub struct Attendee {
    pub link: Id,
    pub name: String,
}

/// A KPI as a meeting saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct KpiState {
    pub kpi: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Period"))]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub value: Option<f64>,
    pub status: Status,
    /// The comment on the KPI's period then; absent when there was none (or, in a meeting
    /// without `comments`, when it was not kept), never empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "String", length(min = 1))
    )]
    pub comment: Option<String>,
}
