//! [`Model::apply`]: performs an [`Edit`] and returns its exact inverse, or refuses it with an
//! [`EditError`] and changes nothing.
//!
//! Every edit validates before it mutates. Lookups go through the `IndexMap`s (O(1)); only
//! cascading deletes scan the KPIs for references. `Model::modified` is never touched here:
//! the shell stamps it, so undo gives back an equal model.
//!
//! `apply` only dispatches; each kind of element has its edits in its own file (`goal.rs`,
//! `department.rs`, `chain.rs`, `link.rs`, `kpi.rs`), the inverse of every cascading delete is
//! in `restore.rs` and `Batch` in `batch.rs`. The helpers below are shared by them.

mod batch;
mod chain;
mod department;
mod goal;
mod kpi;
mod link;
mod meeting;
mod restore;
mod value;

use indexmap::IndexMap;

use super::edit::{DriveRef, Edit, LinkRef, ModelField, PlacedKpi, Restore, Root};
use super::error::EditError;
use super::id::Id;
use super::target::ElementKind;
use super::types::{Chain, Model};

impl Model {
    /// Performs `edit` and returns the edit that undoes it exactly; or refuses it and leaves
    /// the model untouched.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Batch(edits) => self.apply_batch(edits),
            Edit::SetModel { field } => Ok(self.set_model(field)),

            Edit::AddGoal { goal, index } => self.add_goal(goal, index),
            Edit::DeleteGoal { id } => self.delete_goal(id),
            Edit::SetGoal { id, field } => self.set_goal(id, field),

            Edit::AddDepartment { department, index } => self.add_department(department, index),
            Edit::DeleteDepartment { id } => self.delete_department(id),
            Edit::SetDepartment { id, field } => self.set_department(id, field),

            Edit::AddChain { chain, index } => self.add_chain(chain, index),
            Edit::DeleteChain { id } => self.delete_chain(id),
            Edit::SetChain { id, field } => self.set_chain(id, field),

            Edit::AddLink { chain, link, index } => self.add_link(chain, link, index),
            Edit::DeleteLink { chain, link } => self.delete_link(chain, link),
            Edit::SetLink { chain, link, field } => self.set_link(chain, link, field),
            Edit::MoveLink { chain, link, to } => self.move_link(chain, link, to),

            Edit::AddKpi { kpi, index } => self.add_kpi(*kpi, index),
            Edit::DeleteKpi { id } => self.delete_kpi(id),
            Edit::SetKpi { id, field } => self.set_kpi(id, field),
            Edit::SetDrives { id, drives } => self.set_drives(id, drives),
            Edit::ToggleDrive { id, target } => self.toggle_drive(id, target),
            Edit::AttachKpi { id, at } => self.attach_kpi(id, at),

            Edit::SetValue { kpi, period, value } => self.set_value(kpi, period, value),
            Edit::SetComment {
                kpi,
                period,
                comment,
            } => self.set_comment(kpi, period, comment),

            Edit::AddAction { at, action, index } => self.add_action(at, action, index),
            Edit::DeleteAction { at, id } => self.delete_action(at, id),
            Edit::SetAction { at, id, field } => self.set_action(at, id, field),
            Edit::SetMeetingNotes { at, notes } => self.set_meeting_notes(at, notes),
            Edit::SetAttendance { at, link, present } => self.set_attendance(at, link, present),
            Edit::CloseMeeting { at, meeting } => self.close_meeting(at, *meeting),
            Edit::ReopenMeeting { at, notes, absent } => self.reopen_meeting(at, notes, absent),

            Edit::Reorder { kind, id, to } => self.reorder(kind, id, to),
            Edit::Restore(r) => self.apply_restore(*r),
        }
    }

    /// `SetModel`: the model's own name, organisation or description.
    fn set_model(&mut self, field: ModelField) -> Edit {
        let field = field.swap(self);
        Edit::SetModel { field }
    }

    /// `Reorder`: moves a goal, department, chain or KPI within its map.
    fn reorder(&mut self, kind: ElementKind, id: Id, to: usize) -> Result<Edit, EditError> {
        match kind {
            ElementKind::Goal => reorder(&mut self.goals, kind, id, to),
            ElementKind::Department => reorder(&mut self.departments, kind, id, to),
            ElementKind::Chain => reorder(&mut self.chains, kind, id, to),
            ElementKind::Kpi => reorder(&mut self.kpis, kind, id, to),
            // Links move with `Edit::MoveLink`; actions stay in the order they were added.
            ElementKind::Link | ElementKind::Action | ElementKind::Handover => {
                Err(unknown(kind, &id))
            }
        }
    }
}

/// The error for an id that names no element of `kind`.
fn unknown(kind: ElementKind, id: &Id) -> EditError {
    EditError::Unknown {
        kind,
        id: id.clone(),
    }
}

/// Where a new element goes: checks its id and the requested index.
fn slot(
    kind: ElementKind,
    id: &Id,
    taken: bool,
    index: Option<usize>,
    len: usize,
) -> Result<usize, EditError> {
    if id.as_str().is_empty() {
        return Err(EditError::EmptyId { kind });
    }
    if taken {
        return Err(EditError::DuplicateId {
            kind,
            id: id.clone(),
        });
    }
    match index {
        Some(i) if i > len => Err(EditError::IndexOutOfRange { index: i, len }),
        Some(i) => Ok(i),
        None => Ok(len),
    }
}

/// The position of `link` in `chain`.
fn link_pos(chain: &Chain, link: &Id) -> Result<usize, EditError> {
    chain
        .links
        .iter()
        .position(|l| &l.id == link)
        .ok_or_else(|| EditError::UnknownLink {
            chain: chain.id.clone(),
            link: link.clone(),
        })
}

/// Moves `id` to index `to` of `map`; the inverse moves it back.
fn reorder<T>(
    map: &mut IndexMap<Id, T>,
    kind: ElementKind,
    id: Id,
    to: usize,
) -> Result<Edit, EditError> {
    let from = map.get_index_of(&id).ok_or_else(|| unknown(kind, &id))?;
    if to >= map.len() {
        return Err(EditError::IndexOutOfRange {
            index: to,
            len: map.len().saturating_sub(1),
        });
    }
    map.move_index(from, to);
    Ok(Edit::Reorder { kind, id, to: from })
}

/// The inverse of a cascading delete: what it removed, with positions.
fn restore(root: Root, kpis: Vec<PlacedKpi>, drives: Vec<DriveRef>, links: Vec<LinkRef>) -> Edit {
    Edit::Restore(Box::new(Restore {
        root,
        kpis,
        drives,
        links,
    }))
}
