//! What the Add buttons add, as data: an [`AddPlan`] becomes its [`Edit`] from the model it
//! is added to, so the new element's name is free there and its place follows the selection
//! as it is then (the edit may wait for edits made before it). Plain data, so a plan that
//! waits can be written down and run later (`session::Step`).

use super::edit::Edit;
use super::id::Id;
use super::names::unique_name;
use super::read::Reader;
use super::target::Target;
use super::types::{Attach, Chain, Department, Goal, Kpi, Link, Model};

/// An element to add: its fresh id, the name it gets if that is free ("New goal"; else "New
/// goal 2", ...) and, for a link or a KPI, the selection it goes next to.
#[derive(Clone, Debug, PartialEq)]
pub enum AddPlan {
    Goal {
        id: Id,
        name: String,
    },
    Department {
        id: Id,
        name: String,
    },
    Chain {
        id: Id,
        name: String,
    },
    /// A link in the chain of `near` (a chain, a link, or a KPI of a chain or link), after
    /// `near`'s link if it names one, else at the end.
    Link {
        id: Id,
        name: String,
        near: Target,
    },
    /// A KPI where `near` hangs (a goal, chain or link, or beside a KPI).
    Kpi {
        id: Id,
        name: String,
        near: Target,
    },
}

impl AddPlan {
    /// The edit that adds the element to `model`; `None` if `near` is gone or is no place
    /// for it.
    pub fn edit(self, model: &Model) -> Option<Edit> {
        Some(match self {
            AddPlan::Goal { id, name } => {
                let name = unique_name(&name, model.goals.values().map(|g| g.name.as_str()));
                let goal = Goal {
                    id,
                    name,
                    ..Goal::default()
                };
                Edit::AddGoal { goal, index: None }
            }
            AddPlan::Department { id, name } => {
                let name = unique_name(&name, model.departments.values().map(|d| d.name.as_str()));
                let department = Department {
                    id,
                    name,
                    description: String::new(),
                    meeting: Default::default(),
                    extra: Default::default(),
                };
                Edit::AddDepartment {
                    department,
                    index: None,
                }
            }
            AddPlan::Chain { id, name } => {
                let name = unique_name(&name, model.chains.values().map(|c| c.name.as_str()));
                let chain = Chain {
                    id,
                    name,
                    ..Chain::default()
                };
                Edit::AddChain { chain, index: None }
            }
            AddPlan::Link { id, name, near } => {
                let (chain, after) = chain_context(model, &near)?;
                let links = &model.chains.get(&chain)?.links;
                let index = after.and_then(|a| links.iter().position(|l| l.id == a).map(|i| i + 1));
                let name = unique_name(&name, links.iter().map(|l| l.name.as_str()));
                let link = Link {
                    id,
                    name,
                    ..Link::default()
                };
                Edit::AddLink { chain, link, index }
            }
            AddPlan::Kpi { id, name, near } => {
                let at = kpi_context(model, &near)?;
                let name = unique_name(&name, model.kpis.values().map(|k| k.name.as_str()));
                Edit::AddKpi {
                    kpi: Box::new(Kpi::new(id, name, at)),
                    index: None,
                }
            }
        })
    }
}

/// The chain `sel` belongs to, and the link after which a new link goes.
pub fn chain_context(model: &Model, sel: &Target) -> Option<(Id, Option<Id>)> {
    read_chain_context(&Reader::new(model), sel)
}

/// [`chain_context`], read through `r` (a selected KPI's place).
pub fn read_chain_context(r: &Reader, sel: &Target) -> Option<(Id, Option<Id>)> {
    match sel {
        Target::Chain(c) => Some((c.clone(), None)),
        Target::Link { chain, link } | Target::Handover { chain, link } => {
            Some((chain.clone(), Some(link.clone())))
        }
        Target::Kpi(k) => match r.kpi_at(k)? {
            Attach::Chain { chain } => Some((chain.clone(), None)),
            Attach::Link { chain, link } | Attach::Handover { chain, link } => {
                Some((chain.clone(), Some(link.clone())))
            }
            Attach::Result { .. } => None,
        },
        _ => None,
    }
}

/// Where a new KPI is attached for the selection `sel`.
pub fn kpi_context(model: &Model, sel: &Target) -> Option<Attach> {
    read_kpi_context(&Reader::new(model), sel)
}

/// [`kpi_context`], read through `r` (a selected KPI's place).
pub fn read_kpi_context(r: &Reader, sel: &Target) -> Option<Attach> {
    match sel {
        Target::Goal(g) => Some(Attach::Result { goal: g.clone() }),
        Target::Chain(c) => Some(Attach::Chain { chain: c.clone() }),
        Target::Link { chain, link } => Some(Attach::Link {
            chain: chain.clone(),
            link: link.clone(),
        }),
        Target::Handover { chain, link } => Some(Attach::Handover {
            chain: chain.clone(),
            link: link.clone(),
        }),
        Target::Kpi(k) => r.kpi_at(k).cloned(),
        _ => None,
    }
}
