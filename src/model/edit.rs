//! Every change the user interface can make to a model, as plain data.
//!
//! [`Model::apply`](super::types::Model::apply) (in `apply.rs`) performs an [`Edit`] and returns
//! its exact inverse, which [`History`](super::history::History) keeps for undo.

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::meeting::{Action, ActionField, Meeting, MeetingAt};
use super::period::Period;
use super::target::{ElementKind, Target};
use super::types::{Attach, Chain, Department, Goal, Kpi, Link};

pub use super::fields::{ChainField, DepartmentField, GoalField, KpiField, LinkField, ModelField};

/// One change to a model. Ids of new elements are chosen by the caller (the shell passes a
/// seed to [`Id::from_seed`]); `index: None` appends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    SetModel {
        field: ModelField,
    },

    AddGoal {
        goal: Goal,
        index: Option<usize>,
    },
    /// Also deletes the goal's result KPIs (and every drives reference to them).
    DeleteGoal {
        id: Id,
    },
    SetGoal {
        id: Id,
        field: GoalField,
    },

    AddDepartment {
        department: Department,
        index: Option<usize>,
    },
    /// Also clears `department` on every link that named it.
    DeleteDepartment {
        id: Id,
    },
    SetDepartment {
        id: Id,
        field: DepartmentField,
    },

    /// The chain may come with links (ids unique within the chain, departments existing).
    AddChain {
        chain: Chain,
        index: Option<usize>,
    },
    /// Also deletes its links, its chain KPIs and its link KPIs (and drives references to them).
    DeleteChain {
        id: Id,
    },
    SetChain {
        id: Id,
        field: ChainField,
    },

    /// Inserts a link into a chain; its id must be unique within that chain.
    AddLink {
        chain: Id,
        link: Link,
        index: Option<usize>,
    },
    /// Also deletes the link's KPIs (and drives references to them).
    DeleteLink {
        chain: Id,
        link: Id,
    },
    SetLink {
        chain: Id,
        link: Id,
        field: LinkField,
    },
    /// Moves a link within its chain to position `to` (counted after removing it).
    MoveLink {
        chain: Id,
        link: Id,
        to: usize,
    },

    /// The KPI's attachment must exist and its drives must name existing KPIs other than itself.
    AddKpi {
        kpi: Box<Kpi>,
        index: Option<usize>,
    },
    /// Also removes the KPI from every other KPI's drives.
    DeleteKpi {
        id: Id,
    },
    SetKpi {
        id: Id,
        field: KpiField,
    },
    /// Replaces a KPI's drives list; refused on an unknown target, itself, a duplicate or a
    /// cycle.
    SetDrives {
        id: Id,
        drives: Vec<Id>,
    },
    /// Adds `target` to the end of the drives list, or removes it if present.
    ToggleDrive {
        id: Id,
        target: Id,
    },
    /// Re-attaches a KPI to another goal, chain or link (its level may change).
    AttachKpi {
        id: Id,
        at: Attach,
    },

    /// Sets (`Some`) or clears (`None`) a KPI's measured value for one period. Any period
    /// kind is accepted (a KPI whose frequency changed keeps its older values).
    SetValue {
        kpi: Id,
        period: Period,
        value: Option<f64>,
    },
    /// Sets a KPI's comment for one period; an empty comment removes it.
    SetComment {
        kpi: Id,
        period: Period,
        comment: String,
    },

    /// Adds an action to a meeting (`index: None` appends); its id must be new there.
    AddAction {
        at: MeetingAt,
        action: Action,
        index: Option<usize>,
    },
    DeleteAction {
        at: MeetingAt,
        id: Id,
    },
    SetAction {
        at: MeetingAt,
        id: Id,
        field: ActionField,
    },
    /// The notes of a meeting's next session.
    SetMeetingNotes {
        at: MeetingAt,
        notes: String,
    },
    /// Whether a link attends a chain's next meeting (only a chain meeting has attendees).
    SetAttendance {
        at: MeetingAt,
        link: Id,
        present: bool,
    },
    /// Records a meeting (made by `agenda::record`) and starts the next one: its notes and
    /// attendance start afresh; open actions carry over.
    CloseMeeting {
        at: MeetingAt,
        meeting: Box<Meeting>,
    },
    /// The inverse of `CloseMeeting`: removes the last meeting and puts back the notes and
    /// attendance it had.
    ReopenMeeting {
        at: MeetingAt,
        notes: String,
        absent: Vec<Id>,
    },

    /// Moves a goal, department, chain or KPI to position `to` in its collection
    /// (links move with [`Edit::MoveLink`]).
    Reorder {
        kind: ElementKind,
        id: Id,
        to: usize,
    },

    /// Puts back what a cascading delete removed; the inverse of every `Delete*` edit.
    Restore(Box<Restore>),

    /// Several edits as one step, applied in order, all or nothing (e.g. "add a department
    /// and put this link in it"). Its inverse is the batch of inverses in reverse order.
    Batch(Vec<Edit>),
}

/// What a cascading delete removed, with the positions needed to put it back exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Restore {
    /// The element the delete was about.
    pub root: Root,
    /// Removed KPIs with their index in `Model::kpis`, ascending (indices as they were before
    /// the delete, so inserting them in this order restores the order).
    pub kpis: Vec<PlacedKpi>,
    /// Removed references in other KPIs' drives lists, in model order and ascending `index`.
    pub drives: Vec<DriveRef>,
    /// Links whose `department` was the deleted department (only with [`Root::Department`]).
    pub links: Vec<LinkRef>,
}

/// The element a cascading delete was about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Root {
    Goal {
        index: usize,
        goal: Goal,
    },
    Department {
        index: usize,
        department: Department,
    },
    Chain {
        index: usize,
        chain: Chain,
    },
    Link {
        chain: Id,
        index: usize,
        link: Link,
    },
    /// The KPI itself is in [`Restore::kpis`].
    Kpi {
        id: Id,
    },
}

/// A removed KPI and its index in `Model::kpis`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacedKpi {
    pub index: usize,
    pub kpi: Kpi,
}

/// `kpi.drives[index] == target` before the delete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriveRef {
    pub kpi: Id,
    pub index: usize,
    pub target: Id,
}

/// A link of a chain.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LinkRef {
    pub chain: Id,
    pub link: Id,
}

impl Edit {
    /// True when applying this edit changed nothing, given the `inverse` it returned: it set
    /// what was already there (a field to its value, a link to its place), so its inverse is
    /// the edit itself. A toggle is its own inverse and always changes something.
    pub fn changed_nothing(&self, inverse: &Edit) -> bool {
        self == inverse && !self.toggles()
    }

    /// A toggle, or a batch holding one.
    fn toggles(&self) -> bool {
        match self {
            Edit::ToggleDrive { .. } => true,
            Edit::Batch(edits) => edits.iter().any(Edit::toggles),
            _ => false,
        }
    }

    /// True when `next`, typed right after `self` in one field, may be coalesced into one undo
    /// step with it: the same field of the same element ([`Edit::field_key`]), the comment of
    /// the same KPI and period, or the same text field of the same action.
    pub fn coalesces_with(&self, next: &Edit) -> bool {
        match (self, next) {
            (
                Edit::SetComment { kpi, period, .. },
                Edit::SetComment {
                    kpi: k2,
                    period: p2,
                    ..
                },
            ) => kpi == k2 && period == p2,
            (
                Edit::SetAction { at, id, field },
                Edit::SetAction {
                    at: a2,
                    id: i2,
                    field: f2,
                },
            ) => {
                at == a2
                    && id == i2
                    && field.name() == f2.name()
                    && !matches!(f2, ActionField::Done(_) | ActionField::Escalated(_))
            }
            _ => self
                .field_key()
                .is_some_and(|key| next.field_key() == Some(key)),
        }
    }

    /// For edits that set one field of one element: that element and the field's name.
    /// Two consecutive edits with the same key may be coalesced into one undo step.
    pub fn field_key(&self) -> Option<(Target, &'static str)> {
        match self {
            Edit::SetModel { field } => Some((Target::Model, field.name())),
            Edit::SetGoal { id, field } => Some((Target::Goal(id.clone()), field.name())),
            Edit::SetDepartment { id, field } => {
                Some((Target::Department(id.clone()), field.name()))
            }
            Edit::SetChain { id, field } => Some((Target::Chain(id.clone()), field.name())),
            Edit::SetLink { chain, link, field } => Some((
                Target::Link {
                    chain: chain.clone(),
                    link: link.clone(),
                },
                field.name(),
            )),
            Edit::SetKpi { id, field } => Some((Target::Kpi(id.clone()), field.name())),
            Edit::SetMeetingNotes { at, .. } => Some(match at {
                MeetingAt::Chain(c) => (Target::Chain(c.clone()), "meeting_notes"),
                MeetingAt::Department(d) => (Target::Department(d.clone()), "meeting_notes"),
                MeetingAt::Mt => (Target::Model, "mt_meeting_notes"),
            }),
            _ => None,
        }
    }
}
