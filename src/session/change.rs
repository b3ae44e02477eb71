//! [`Change`]: one change to the open model (an edit, an undo, a redo).

use crate::model::Edit;

/// One change to the open model. (Passed by value once and consumed, so its size is moot.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Apply an edit; with `coalesce`, successive keystrokes in one field make one undo step.
    Edit {
        edit: Edit,
        coalesce: bool,
    },
    Undo,
    Redo,
}
