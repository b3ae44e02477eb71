//! Why an edit was refused. A refused edit leaves the model exactly as it was.

use std::fmt;

use super::id::Id;
use super::lang::Lang;
use super::target::ElementKind;

/// A refused edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// A new element has an empty id.
    EmptyId { kind: ElementKind },
    /// A new element's id is already taken (for links: within their chain).
    DuplicateId { kind: ElementKind, id: Id },
    /// No goal, department, chain or KPI with this id (also a dangling reference, e.g. a
    /// link's department or a KPI attached to a missing goal).
    Unknown { kind: ElementKind, id: Id },
    /// No link with this id in this chain.
    UnknownLink { chain: Id, link: Id },
    /// A position beyond the end of its list.
    IndexOutOfRange { index: usize, len: usize },
    /// A KPI would drive itself.
    SelfDrive { kpi: Id },
    /// A KPI would drive the same KPI twice.
    DuplicateDrive { kpi: Id, target: Id },
    /// `kpi` driving `target` would close a cycle (`target` already drives `kpi`).
    DrivesCycle { kpi: Id, target: Id },
    /// A restore that does not fit the model (it was not made by a delete on this model).
    BadRestore,
    /// A measured value that is not a finite number.
    NotFinite,
}

impl EditError {
    /// A short human message.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::EmptyId { kind }, Lang::En) => {
                format!("A new {} needs an id.", kind.noun(lang))
            }
            (EditError::EmptyId { kind }, Lang::Nl) => {
                format!("Een nieuwe {} heeft een id nodig.", kind.noun(lang))
            }
            (EditError::DuplicateId { kind, id }, Lang::En) => {
                format!("There already is a {} with id “{id}”.", kind.noun(lang))
            }
            (EditError::DuplicateId { kind, id }, Lang::Nl) => {
                format!("Er is al een {} met id “{id}”.", kind.noun(lang))
            }
            (EditError::Unknown { kind, id }, Lang::En) => {
                format!("There is no {} with id “{id}”.", kind.noun(lang))
            }
            (EditError::Unknown { kind, id }, Lang::Nl) => {
                format!("Er is geen {} met id “{id}”.", kind.noun(lang))
            }
            (EditError::UnknownLink { chain, link }, Lang::En) => {
                format!("Chain “{chain}” has no link with id “{link}”.")
            }
            (EditError::UnknownLink { chain, link }, Lang::Nl) => {
                format!("Keten “{chain}” heeft geen schakel met id “{link}”.")
            }
            (EditError::IndexOutOfRange { index, len }, Lang::En) => {
                format!("Position {index} is beyond the end of a list of {len}.")
            }
            (EditError::IndexOutOfRange { index, len }, Lang::Nl) => {
                format!("Positie {index} ligt voorbij het einde van een lijst van {len}.")
            }
            (EditError::SelfDrive { kpi }, Lang::En) => format!("KPI “{kpi}” cannot drive itself."),
            (EditError::SelfDrive { kpi }, Lang::Nl) => {
                format!("KPI “{kpi}” kan zichzelf niet sturen.")
            }
            (EditError::DuplicateDrive { kpi, target }, Lang::En) => {
                format!("KPI “{kpi}” already drives KPI “{target}”.")
            }
            (EditError::DuplicateDrive { kpi, target }, Lang::Nl) => {
                format!("KPI “{kpi}” stuurt KPI “{target}” al.")
            }
            (EditError::DrivesCycle { kpi, target }, Lang::En) => format!(
                "KPI “{kpi}” cannot drive KPI “{target}”: “{target}” already drives “{kpi}”, \
                 which would make a cycle."
            ),
            (EditError::DrivesCycle { kpi, target }, Lang::Nl) => format!(
                "KPI “{kpi}” kan KPI “{target}” niet sturen: “{target}” stuurt “{kpi}” al, \
                 dat zou een cyclus maken."
            ),
            (EditError::BadRestore, Lang::En) => {
                "This undo step no longer fits the model.".to_string()
            }
            (EditError::BadRestore, Lang::Nl) => {
                "Deze stap ongedaan maken past niet meer bij het model.".to_string()
            }
            (EditError::NotFinite, Lang::En) => "A value must be a finite number.".to_string(),
            (EditError::NotFinite, Lang::Nl) => {
                "Een waarde moet een eindig getal zijn.".to_string()
            }
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EditError {}
