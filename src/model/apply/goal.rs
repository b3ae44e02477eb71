//! The edits of a goal: `AddGoal`, `DeleteGoal` (with its result KPIs), `SetGoal`.

use super::{restore, slot, unknown};
use crate::model::edit::{Edit, GoalField, Root};
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Attach, Goal, Model};

impl Model {
    /// `AddGoal`: inserts `goal` at `index` (or last); the inverse deletes it.
    pub(super) fn add_goal(&mut self, goal: Goal, index: Option<usize>) -> Result<Edit, EditError> {
        let taken = self.goals.contains_key(&goal.id);
        let at = slot(ElementKind::Goal, &goal.id, taken, index, self.goals.len())?;
        let id = goal.id.clone();
        self.goals.shift_insert(at, id.clone(), goal);
        Ok(Edit::DeleteGoal { id })
    }

    /// `DeleteGoal`: removes the goal and its result KPIs; the inverse restores them.
    pub(super) fn delete_goal(&mut self, id: Id) -> Result<Edit, EditError> {
        let index = self
            .goals
            .get_index_of(&id)
            .ok_or_else(|| unknown(ElementKind::Goal, &id))?;
        let (kpis, drives) =
            self.take_kpis(|k| matches!(&k.at, Attach::Result { goal } if goal == &id));
        let (_, goal) = self
            .goals
            .shift_remove_index(index)
            .ok_or(EditError::BadRestore)?;
        Ok(restore(Root::Goal { index, goal }, kpis, drives, vec![]))
    }

    /// `SetGoal`: one field; the inverse sets the old value.
    pub(super) fn set_goal(&mut self, id: Id, field: GoalField) -> Result<Edit, EditError> {
        let g = self
            .goals
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Goal, &id))?;
        let field = field.swap(g);
        Ok(Edit::SetGoal { id, field })
    }
}
