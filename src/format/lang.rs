//! The two languages every message of the format comes in.
//!
//! Defined here because `crate::model` has no `Lang` yet; if one appears there, this becomes a
//! re-export of it.

/// A user-interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Nl,
}
