//! The edits of a chain meeting: actions, the next meeting's notes and attendance, closing
//! a meeting and its inverse.

use std::mem::{replace, take};

use super::{link_pos, slot, unknown};
use crate::model::edit::Edit;
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::meeting::{Action, ActionField, ChainMeeting, Meeting};
use crate::model::target::ElementKind;
use crate::model::types::Model;

impl Model {
    fn meeting_mut(&mut self, chain: &Id) -> Result<&mut ChainMeeting, EditError> {
        self.chains
            .get_mut(chain)
            .map(|c| &mut c.meeting)
            .ok_or_else(|| unknown(ElementKind::Chain, chain))
    }

    /// `AddAction`: the inverse deletes it.
    pub(super) fn add_action(
        &mut self,
        chain: Id,
        action: Action,
        index: Option<usize>,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        let taken = m.actions.iter().any(|a| a.id == action.id);
        let at = slot(
            ElementKind::Action,
            &action.id,
            taken,
            index,
            m.actions.len(),
        )?;
        let id = action.id.clone();
        m.actions.insert(at, action);
        Ok(Edit::DeleteAction { chain, id })
    }

    /// `DeleteAction`: the inverse adds it back where it was.
    pub(super) fn delete_action(&mut self, chain: Id, id: Id) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        let at = m
            .actions
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| unknown(ElementKind::Action, &id))?;
        let action = m.actions.remove(at);
        Ok(Edit::AddAction {
            chain,
            action,
            index: Some(at),
        })
    }

    /// `SetAction`: one field; the inverse sets the old value.
    pub(super) fn set_action(
        &mut self,
        chain: Id,
        id: Id,
        field: ActionField,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        let a = m
            .actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| unknown(ElementKind::Action, &id))?;
        let field = match field {
            ActionField::What(v) => ActionField::What(replace(&mut a.what, v)),
            ActionField::Owner(v) => ActionField::Owner(replace(&mut a.owner, v)),
            ActionField::Due(v) => ActionField::Due(replace(&mut a.due, v)),
            ActionField::Done(v) => ActionField::Done(replace(&mut a.done, v)),
        };
        Ok(Edit::SetAction { chain, id, field })
    }

    /// `SetMeetingNotes`: the inverse sets the old notes.
    pub(super) fn set_meeting_notes(
        &mut self,
        chain: Id,
        notes: String,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        let notes = replace(&mut m.notes, notes);
        Ok(Edit::SetMeetingNotes { chain, notes })
    }

    /// `SetAttendance`: the link must be in the chain; the inverse sets the old attendance.
    pub(super) fn set_attendance(
        &mut self,
        chain: Id,
        link: Id,
        present: bool,
    ) -> Result<Edit, EditError> {
        let c = self
            .chains
            .get_mut(&chain)
            .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
        link_pos(c, &link)?;
        let absent = &mut c.meeting.absent;
        let was = !absent.contains(&link);
        if present {
            absent.retain(|l| l != &link);
        } else if was {
            absent.push(link.clone());
        }
        Ok(Edit::SetAttendance {
            chain,
            link,
            present: was,
        })
    }

    /// `CloseMeeting`: records the meeting, clears the next one's notes and attendance.
    pub(super) fn close_meeting(&mut self, chain: Id, meeting: Meeting) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        m.held.push(meeting);
        let notes = take(&mut m.notes);
        let absent = take(&mut m.absent);
        Ok(Edit::ReopenMeeting {
            chain,
            notes,
            absent,
        })
    }

    /// `ReopenMeeting`: removes the last meeting, puts back notes and attendance.
    pub(super) fn reopen_meeting(
        &mut self,
        chain: Id,
        notes: String,
        absent: Vec<Id>,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&chain)?;
        let meeting = m.held.pop().ok_or(EditError::BadRestore)?;
        m.notes = notes;
        m.absent = absent;
        Ok(Edit::CloseMeeting {
            chain,
            meeting: Box::new(meeting),
        })
    }
}
