//! `Batch`: several edits as one undo step, all or nothing.

use crate::model::edit::Edit;
use crate::model::error::EditError;
use crate::model::types::Model;

impl Model {
    /// Applies `edits` in order; if one is refused, rolls back the applied ones (each inverse
    /// is exact) and returns its error. The inverse is the `Batch` of the inverses, reversed.
    pub(super) fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for e in edits {
            match self.apply(e) {
                Ok(inverse) => inverses.push(inverse),
                Err(err) => {
                    // Roll back what was applied: each inverse is exact.
                    for inverse in inverses.into_iter().rev() {
                        let _ = self.apply(inverse);
                    }
                    return Err(err);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }
}
