//! The domain types of a KPI structure. Plain data: serde, no behaviour beyond accessors.
//!
//! Collections of top-level elements are `IndexMap<Id, T>`: O(1) lookup by id for edits,
//! insertion order kept for display, serialised as a JSON array (see [`super::keyed`]).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::id::Id;
use super::keyed::{self, HasId};
use super::meeting::ChainMeeting;
use super::norm::Norm;
pub use super::period::Frequency;
use super::values::{Comments, Series};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The properties of an element (or the model) that this version does not know: a file from a
/// newer version of the same format may add some (a new optional field is no format change,
/// `docs/FORMAT.md`). They are kept as they came, carried through edits of the element's other
/// fields, undo, compare and merge (as fields of their own, by key), and written back after the
/// known fields, so opening such a file here and exporting it loses nothing. Written in the
/// element itself (`#[serde(flatten)]`); the reader keeps every property it does not read.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// One organisation's KPI structure: the unit that is saved, exported and shared.
// Equality is order-sensitive (`PartialEq` is in `eq.rs`): the same elements in another order
// make another model, because order is what the user sees.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Model {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub description: String,
    #[serde(with = "keyed")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Goal>"))]
    pub goals: IndexMap<Id, Goal>,
    #[serde(with = "keyed")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Kpi>"))]
    pub kpis: IndexMap<Id, Kpi>,
    #[serde(with = "keyed")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Chain>"))]
    pub chains: IndexMap<Id, Chain>,
    #[serde(with = "keyed")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Department>"))]
    pub departments: IndexMap<Id, Department>,
    /// Milliseconds since the Unix epoch; passed in by the shell, never read from a clock here.
    pub created: f64,
    /// Milliseconds since the Unix epoch of the last edit.
    pub modified: f64,
    /// The content hash ([`super::lineage::content_hash`]) of the version this copy was
    /// imported from; empty if it was made here. Not content: compare and merge ignore it.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub origin: String,
    /// The management team (MT), one name per line; chain owners belong in it (check 18).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub management_team: String,
    /// The management team's meeting (*MT-overleg*): its own actions, the next meeting's
    /// notes, the meetings held. (Escalated actions stay in the meeting they were agreed in.)
    #[serde(skip_serializing_if = "ChainMeeting::is_empty")]
    pub mt_meeting: ChainMeeting,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// What success the organisation wants (customer satisfaction, loyalty, financial, societal).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// An org-chart unit; appears as a link in several chains.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Department {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Its department meeting (*afdelingsoverleg*): actions, the next meeting's notes, the
    /// meetings held.
    #[serde(skip_serializing_if = "ChainMeeting::is_empty")]
    pub meeting: ChainMeeting,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// A customer chain: from a concrete customer need (trigger) to its fulfilment (outcome).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Chain {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Who has the need: customer, student, client, citizen, resident, ...
    pub customer: String,
    /// The customer need where the chain starts.
    pub trigger: String,
    /// The product or service that fulfils the need.
    pub outcome: String,
    /// The chain owner, one management-team member.
    pub owner: String,
    /// What the customer expects of the chain (its customer value), set with its owner.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_value: String,
    /// What the organisation needs of the chain (cost, margin: its internal value).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub internal_value: String,
    /// The links in the order the chain runs through them.
    pub links: Vec<Link>,
    /// Its chain meeting: actions, the next meeting's notes and attendance, meetings held.
    #[serde(skip_serializing_if = "ChainMeeting::is_empty")]
    pub meeting: ChainMeeting,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// A link (schakel): a department, team or partner organisation a chain runs through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Link {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// The department this link is, if it is one of the organisation's own.
    pub department: Option<Id>,
    /// True for a partner organisation outside the organisation.
    pub external: bool,
    pub owner: String,
    /// True when the customer meets this link (a moment of truth).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub touches_customer: bool,
    /// What this link hands over to the next one (the handover after it, see
    /// [`Attach::Handover`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handover: String,
    /// The team's agreements about how to play together (tactics).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// An agreement within a link's team about how to play together (a tactic), with who sees to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(default)]
pub struct Agreement {
    pub text: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
}

/// Where a KPI is attached; its level follows from it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(tag = "level", rename_all = "lowercase")]
pub enum Attach {
    /// A result KPI measuring a goal.
    Result { goal: Id },
    /// A chain KPI of a customer chain.
    Chain { chain: Id },
    /// A link KPI of one link of a chain.
    Link { chain: Id, link: Id },
    /// A handover KPI: of the handover from `link` to the link after it in `chain` (format
    /// version 3). A handover belongs to the link that hands over; its KPIs are at the link
    /// level.
    Handover { chain: Id, link: Id },
}

/// The level of a KPI in the KPI structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Result,
    Chain,
    Link,
}

impl Attach {
    pub fn level(&self) -> Level {
        match self {
            Attach::Result { .. } => Level::Result,
            Attach::Chain { .. } => Level::Chain,
            Attach::Link { .. } | Attach::Handover { .. } => Level::Link,
        }
    }
}

/// Which way is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Not yet chosen (the method check "lacks direction" reports it).
    #[default]
    Unset,
    Higher,
    Lower,
    /// Within a band around the target.
    Band,
}

/// What a KPI protects: the customer's expectation or the organisation's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    #[default]
    Unset,
    Customer,
    Internal,
}

/// A KPI with the union of Bernard Marr's template and ISO 22400-2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Kpi {
    pub id: Id,
    pub name: String,
    /// Where it is attached: a goal (result KPI), a chain (chain KPI) or a link (link KPI).
    pub at: Attach,
    /// Definition / purpose: the question it answers.
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub formula: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    /// The norm as numbers in the KPI's unit (see [`Kpi::norm`]). Higher / lower is better:
    /// `target` and `red`; within a band: `low`, `high` and `tolerance`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub red: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "f64"))]
    pub tolerance: Option<f64>,
    /// The norm in the client's words ("9+", "95%"); a version-1 file's texts land here.
    #[serde(default)]
    pub norm_description: String,
    #[serde(default)]
    pub frequency: Frequency,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub data_source: String,
    #[serde(default)]
    pub value_type: ValueType,
    /// The KPIs this KPI drives (link -> chain -> result).
    #[serde(default)]
    pub drives: Vec<Id>,
    /// Measured values by period (format version 2; written compactly, see `values.rs`).
    #[serde(default, skip_serializing_if = "Series::is_empty")]
    pub values: Series,
    /// Comments by period ("why did it move").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "super::values::comments_schema")
    )]
    pub comments: Comments,
    /// Properties this version does not know (from a newer version of the format), kept as
    /// they came and written back after the known ones ([`Extra`]).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

impl Kpi {
    /// A KPI with only a name and an attachment; every other field empty.
    pub fn new(id: Id, name: impl Into<String>, at: Attach) -> Self {
        Kpi {
            id,
            name: name.into(),
            at,
            definition: String::new(),
            formula: String::new(),
            unit: String::new(),
            direction: Direction::Unset,
            target: None,
            red: None,
            low: None,
            high: None,
            tolerance: None,
            norm_description: String::new(),
            frequency: Frequency::Unset,
            owner: String::new(),
            data_source: String::new(),
            value_type: ValueType::Unset,
            drives: Vec::new(),
            values: Series::default(),
            comments: Comments::new(),
            extra: Extra::new(),
        }
    }

    pub fn level(&self) -> Level {
        self.at.level()
    }

    /// The norm from the direction and the numbers; `None` while a number it needs is missing
    /// or the direction is unset.
    pub fn norm(&self) -> Option<Norm> {
        match self.direction {
            Direction::Unset => None,
            Direction::Higher => Some(Norm::Higher {
                target: self.target?,
                red: self.red?,
            }),
            Direction::Lower => Some(Norm::Lower {
                target: self.target?,
                red: self.red?,
            }),
            Direction::Band => Some(Norm::Band {
                low: self.low?,
                high: self.high?,
                tolerance: self.tolerance?,
            }),
        }
    }
}

// The elements kept in `IndexMap<Id, _>`s carry their own id (for `keyed`'s reader).
macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &Id { &self.id } })* };
}
has_id!(Goal, Kpi, Chain, Department);
