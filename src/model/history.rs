//! Undo and redo over [`Model::apply`], with coalescing of consecutive keystrokes in one field.

use std::collections::VecDeque;

use super::edit::Edit;
use super::error::EditError;
use super::touch::Touched;
use super::types::Model;

/// Undo steps kept by [`History::default`].
pub const DEFAULT_CAP: usize = 500;

/// One undoable step: the edit as last applied, and the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    edit: Edit,
    inverse: Edit,
}

/// Undo and redo stacks. The oldest steps are dropped beyond the cap.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    cap: usize,
    /// Whether the next edit may merge into the last undo step.
    open: bool,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_CAP)
    }
}

impl History {
    /// An empty history keeping at most `cap` undo steps (at least 1).
    pub fn new(cap: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            cap: cap.max(1),
            open: false,
        }
    }

    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Applies `edit` to `model` and records it. With `coalesce`, an edit that sets the same
    /// field of the same element as the previous step (with no undo, redo or
    /// [`History::break_coalescing`] in between) merges into that step, so one undo returns to
    /// before the first keystroke. A refused edit records nothing and changes nothing; an edit
    /// that changes nothing ([`Edit::changed_nothing`]: a field set to the value it has) is no
    /// step and touches nothing.
    pub fn apply(
        &mut self,
        model: &mut Model,
        edit: Edit,
        coalesce: bool,
    ) -> Result<(), EditError> {
        self.apply_touched(model, edit, coalesce).map(|_| ())
    }

    /// [`History::apply`], returning what the edit touched.
    pub fn apply_touched(
        &mut self,
        model: &mut Model,
        edit: Edit,
        coalesce: bool,
    ) -> Result<Touched, EditError> {
        let merge = coalesce
            && self.open
            && self
                .undo
                .back()
                .is_some_and(|last| last.edit.coalesces_with(&edit));
        let recorded = edit.clone();
        let inverse = model.apply(edit)?;
        if recorded.changed_nothing(&inverse) {
            return Ok(Touched::new());
        }
        let touched = Touched::by(&recorded, &inverse, model);
        self.redo.clear();
        match self.undo.back_mut() {
            Some(last) if merge => last.edit = recorded,
            _ => {
                self.undo.push_back(Step {
                    edit: recorded,
                    inverse,
                });
                while self.undo.len() > self.cap {
                    self.undo.pop_front();
                }
            }
        }
        self.open = true;
        Ok(touched)
    }

    /// Undoes the last step; false if there is none (or it no longer fits the model, in which
    /// case the history is cleared).
    pub fn undo(&mut self, model: &mut Model) -> bool {
        self.undo_touched(model).is_some()
    }

    /// Redoes the last undone step; false if there is none (or it no longer fits).
    pub fn redo(&mut self, model: &mut Model) -> bool {
        self.redo_touched(model).is_some()
    }

    /// [`History::undo`], returning what the step touched.
    pub fn undo_touched(&mut self, model: &mut Model) -> Option<Touched> {
        self.open = false;
        let step = self.undo.pop_back()?;
        let applied = step.inverse.clone();
        match model.apply(step.inverse) {
            Ok(redo) => {
                let touched = Touched::by(&applied, &redo, model);
                self.redo.push(Step {
                    edit: redo,
                    inverse: step.edit,
                });
                Some(touched)
            }
            Err(_) => {
                self.clear();
                None
            }
        }
    }

    /// [`History::redo`], returning what the step touched.
    pub fn redo_touched(&mut self, model: &mut Model) -> Option<Touched> {
        self.open = false;
        let step = self.redo.pop()?;
        let applied = step.edit.clone();
        match model.apply(step.edit) {
            Ok(inverse) => {
                let touched = Touched::by(&applied, &inverse, model);
                self.undo.push_back(Step {
                    edit: step.inverse,
                    inverse,
                });
                Some(touched)
            }
            Err(_) => {
                self.clear();
                None
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps held.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of redo steps held.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The next edit ends coalescing (call it when a field loses focus).
    pub fn break_coalescing(&mut self) {
        self.open = false;
    }

    /// Forgets every step (e.g. when another model is opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = false;
    }
}
