//! The edits of a meeting (a chain's, a department's or the MT's, named by [`MeetingAt`]):
//! actions, the next meeting's notes and attendance, closing a meeting and its inverse.

use std::mem::{replace, take};

use super::{link_pos, slot, unknown};
use crate::model::edit::Edit;
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::meeting::{Action, ActionField, ChainMeeting, Meeting, MeetingAt};
use crate::model::target::ElementKind;
use crate::model::types::Model;

impl Model {
    fn meeting_mut(&mut self, at: &MeetingAt) -> Result<&mut ChainMeeting, EditError> {
        match at {
            MeetingAt::Chain(chain) => self
                .chains
                .get_mut(chain)
                .map(|c| &mut c.meeting)
                .ok_or_else(|| unknown(ElementKind::Chain, chain)),
            MeetingAt::Department(d) => self
                .departments
                .get_mut(d)
                .map(|d| &mut d.meeting)
                .ok_or_else(|| unknown(ElementKind::Department, d)),
            MeetingAt::Mt => Ok(&mut self.mt_meeting),
        }
    }

    /// `AddAction`: the inverse deletes it.
    pub(super) fn add_action(
        &mut self,
        at: MeetingAt,
        action: Action,
        index: Option<usize>,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
        let taken = m.actions.iter().any(|a| a.id == action.id);
        let pos = slot(
            ElementKind::Action,
            &action.id,
            taken,
            index,
            m.actions.len(),
        )?;
        let id = action.id.clone();
        m.actions.insert(pos, action);
        Ok(Edit::DeleteAction { at, id })
    }

    /// `DeleteAction`: the inverse adds it back where it was.
    pub(super) fn delete_action(&mut self, at: MeetingAt, id: Id) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
        let pos = m
            .actions
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| unknown(ElementKind::Action, &id))?;
        let action = m.actions.remove(pos);
        Ok(Edit::AddAction {
            at,
            action,
            index: Some(pos),
        })
    }

    /// `SetAction`: one field; the inverse sets the old value.
    pub(super) fn set_action(
        &mut self,
        at: MeetingAt,
        id: Id,
        field: ActionField,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
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
            ActionField::Escalated(v) => ActionField::Escalated(replace(&mut a.escalated, v)),
        };
        Ok(Edit::SetAction { at, id, field })
    }

    /// `SetMeetingNotes`: the inverse sets the old notes.
    pub(super) fn set_meeting_notes(
        &mut self,
        at: MeetingAt,
        notes: String,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
        let notes = replace(&mut m.notes, notes);
        Ok(Edit::SetMeetingNotes { at, notes })
    }

    /// `SetAttendance`: a chain meeting's only; the link must be in the chain; the inverse
    /// sets the old attendance.
    pub(super) fn set_attendance(
        &mut self,
        at: MeetingAt,
        link: Id,
        present: bool,
    ) -> Result<Edit, EditError> {
        let MeetingAt::Chain(chain) = at else {
            // A department's and the MT's meeting list no attendees (yet).
            self.meeting_mut(&at)?;
            return Err(unknown(ElementKind::Link, &link));
        };
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
            at: MeetingAt::Chain(chain),
            link,
            present: was,
        })
    }

    /// `CloseMeeting`: records the meeting, clears the next one's notes and attendance.
    pub(super) fn close_meeting(
        &mut self,
        at: MeetingAt,
        meeting: Meeting,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
        m.held.push(meeting);
        let notes = take(&mut m.notes);
        let absent = take(&mut m.absent);
        Ok(Edit::ReopenMeeting { at, notes, absent })
    }

    /// `ReopenMeeting`: removes the last meeting, puts back notes and attendance.
    pub(super) fn reopen_meeting(
        &mut self,
        at: MeetingAt,
        notes: String,
        absent: Vec<Id>,
    ) -> Result<Edit, EditError> {
        let m = self.meeting_mut(&at)?;
        let meeting = m.held.pop().ok_or(EditError::BadRestore)?;
        m.notes = notes;
        m.absent = absent;
        Ok(Edit::CloseMeeting {
            at,
            meeting: Box::new(meeting),
        })
    }
}
