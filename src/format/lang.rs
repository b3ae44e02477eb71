//! The two languages every message of the format comes in: the model's [`Lang`], re-exported so
//! `crate::format::Lang` keeps working.

pub use crate::model::Lang;
