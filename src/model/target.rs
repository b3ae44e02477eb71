//! What a finding or an edit is about: the model itself or one of its elements.

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::lang::Lang;
use super::types::{Attach, Level, Model};

/// The kinds of elements a model holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ElementKind {
    Goal,
    Department,
    Chain,
    Link,
    Kpi,
    /// An action agreed in a chain meeting.
    Action,
    /// A handover between two links of a chain.
    Handover,
}

impl ElementKind {
    /// The kind's name in lower case ("chain", "keten").
    pub fn noun(self, lang: Lang) -> &'static str {
        match self {
            ElementKind::Goal => lang.pick("goal", "doel"),
            ElementKind::Department => lang.pick("department", "afdeling"),
            ElementKind::Chain => lang.pick("chain", "keten"),
            ElementKind::Link => lang.pick("link", "schakel"),
            ElementKind::Kpi => "KPI",
            ElementKind::Action => lang.pick("action", "actie"),
            ElementKind::Handover => lang.pick("handover", "overdracht"),
        }
    }

    /// The plural ("chains", "ketens").
    pub fn plural(self, lang: Lang) -> &'static str {
        match self {
            ElementKind::Goal => lang.pick("goals", "doelen"),
            ElementKind::Department => lang.pick("departments", "afdelingen"),
            ElementKind::Chain => lang.pick("chains", "ketens"),
            ElementKind::Link => lang.pick("links", "schakels"),
            ElementKind::Kpi => lang.pick("KPIs", "KPI's"),
            ElementKind::Action => lang.pick("actions", "acties"),
            ElementKind::Handover => lang.pick("handovers", "overdrachten"),
        }
    }
}

/// The model or one element of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    Model,
    Goal(Id),
    Department(Id),
    Chain(Id),
    Link {
        chain: Id,
        link: Id,
    },
    Kpi(Id),
    /// The handover from `link` to the link after it in `chain` ([`super::Attach::Handover`]).
    Handover {
        chain: Id,
        link: Id,
    },
}

impl Target {
    /// The element kind, `None` for the model.
    pub fn kind(&self) -> Option<ElementKind> {
        match self {
            Target::Model => None,
            Target::Goal(_) => Some(ElementKind::Goal),
            Target::Department(_) => Some(ElementKind::Department),
            Target::Chain(_) => Some(ElementKind::Chain),
            Target::Link { .. } => Some(ElementKind::Link),
            Target::Kpi(_) => Some(ElementKind::Kpi),
            Target::Handover { .. } => Some(ElementKind::Handover),
        }
    }

    /// True if the element is (still) in `model`.
    pub fn exists_in(&self, model: &Model) -> bool {
        match self {
            Target::Model => true,
            Target::Goal(id) => model.goals.contains_key(id),
            Target::Department(id) => model.departments.contains_key(id),
            Target::Chain(id) => model.chains.contains_key(id),
            Target::Link { chain, link } | Target::Handover { chain, link } => model
                .chains
                .get(chain)
                .is_some_and(|c| c.links.iter().any(|l| &l.id == link)),
            Target::Kpi(id) => model.kpis.contains_key(id),
        }
    }

    /// The element's name exactly as stored, `None` if the element is gone.
    pub fn stored_name<'a>(&self, model: &'a Model) -> Option<&'a str> {
        match self {
            Target::Model => Some(model.name.as_str()),
            Target::Goal(id) => model.goals.get(id).map(|g| g.name.as_str()),
            Target::Department(id) => model.departments.get(id).map(|d| d.name.as_str()),
            Target::Chain(id) => model.chains.get(id).map(|c| c.name.as_str()),
            Target::Link { chain, link } => model
                .chains
                .get(chain)
                .and_then(|c| c.links.iter().find(|l| &l.id == link))
                .map(|l| l.name.as_str()),
            Target::Kpi(id) => model.kpis.get(id).map(|k| k.name.as_str()),
            Target::Handover { .. } => None,
        }
    }

    /// The element's name as it stands in the model, or its id if it has no name or is gone.
    pub fn name<'a>(&'a self, model: &'a Model) -> &'a str {
        match self.stored_name(model) {
            Some(n) if !n.trim().is_empty() => n.trim(),
            _ => match self {
                Target::Model => "",
                Target::Goal(id)
                | Target::Department(id)
                | Target::Chain(id)
                | Target::Kpi(id)
                | Target::Link { link: id, .. }
                | Target::Handover { link: id, .. } => id.as_str(),
            },
        }
    }

    /// A capitalised description naming the element: `Chain “New coffee machine”`,
    /// `Link “Sales” of chain “New coffee machine”`, `Chain KPI “Installed on time”`.
    pub fn describe(&self, model: &Model, lang: Lang) -> String {
        let name = self.name(model);
        match self {
            Target::Model => lang.pick("The model", "Het model").to_string(),
            Target::Goal(_) => format!("{} “{name}”", lang.pick("Goal", "Doel")),
            Target::Department(_) => format!("{} “{name}”", lang.pick("Department", "Afdeling")),
            Target::Chain(_) => format!("{} “{name}”", lang.pick("Chain", "Keten")),
            Target::Link { chain, .. } => {
                let chain_name = Target::Chain(chain.clone()).name(model).to_string();
                match lang {
                    Lang::En => format!("Link “{name}” of chain “{chain_name}”"),
                    Lang::Nl => format!("Schakel “{name}” van keten “{chain_name}”"),
                }
            }
            Target::Kpi(id) => {
                let at = model.kpis.get(id).map(|k| &k.at);
                format!("{} “{name}”", kpi_noun_at(at, lang))
            }
            Target::Handover { chain, link } => {
                let chain_name = Target::Chain(chain.clone()).name(model).to_string();
                let between = super::handover::between(model, chain, link, lang);
                match lang {
                    Lang::En => format!("Handover “{between}” of chain “{chain_name}”"),
                    Lang::Nl => format!("Overdracht “{between}” van keten “{chain_name}”"),
                }
            }
        }
    }
}

/// [`kpi_noun`] of a KPI hanging at `at`; a handover's KPI is a "Handover KPI".
pub fn kpi_noun_at(at: Option<&Attach>, lang: Lang) -> &'static str {
    match at {
        Some(Attach::Handover { .. }) => lang.pick("Handover KPI", "Overdrachts-KPI"),
        at => kpi_noun(at.map(Attach::level), lang),
    }
}

/// "Result KPI", "Chain KPI", "Link KPI" (capitalised), or "KPI" when the level is unknown.
pub fn kpi_noun(level: Option<Level>, lang: Lang) -> &'static str {
    match level {
        Some(Level::Result) => lang.pick("Result KPI", "Resultaat-KPI"),
        Some(Level::Chain) => lang.pick("Chain KPI", "Keten-KPI"),
        Some(Level::Link) => lang.pick("Link KPI", "Schakel-KPI"),
        None => "KPI",
    }
}
