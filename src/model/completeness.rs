//! How completely a KPI is defined: which of the eight items of its definition are filled
//! (definition, formula, unit, direction, norm, frequency, data source, owner; the method's
//! "A KPI's definition"), and how many KPIs of a model are fully defined.
//!
//! A text is filled when it is not blank after trimming; direction and frequency when they are
//! not unset; the norm when [`Kpi::norm`] is some (the direction and its numbers are set).

use super::id::Id;
use super::lang::Lang;
use super::read::Reader;
use super::types::{Direction, Frequency, Kpi, Model};

/// One item of a KPI's definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// Definition / purpose: the question it answers.
    Definition,
    Formula,
    Unit,
    Direction,
    /// The norm: the direction's numbers (target and red threshold, or a band).
    Norm,
    Frequency,
    DataSource,
    Owner,
}

impl Item {
    /// The eight items, in the order they are named.
    pub const ALL: [Item; 8] = [
        Item::Definition,
        Item::Formula,
        Item::Unit,
        Item::Direction,
        Item::Norm,
        Item::Frequency,
        Item::DataSource,
        Item::Owner,
    ];

    /// Its name in a sentence ("data source", "gegevensbron").
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Item::Definition => lang.pick("definition", "definitie"),
            Item::Formula => lang.pick("formula", "formule"),
            Item::Unit => lang.pick("unit", "eenheid"),
            Item::Direction => lang.pick("direction", "richting"),
            Item::Norm => lang.pick("norm", "norm"),
            Item::Frequency => lang.pick("frequency", "frequentie"),
            Item::DataSource => lang.pick("data source", "gegevensbron"),
            Item::Owner => lang.pick("owner", "eigenaar"),
        }
    }

    /// True if `k` has this item filled.
    pub fn is_filled(self, k: &Kpi) -> bool {
        let text = |s: &str| !s.trim().is_empty();
        match self {
            Item::Definition => text(&k.definition),
            Item::Formula => text(&k.formula),
            Item::Unit => text(&k.unit),
            Item::Direction => k.direction != Direction::Unset,
            Item::Norm => k.norm().is_some(),
            Item::Frequency => k.frequency != Frequency::Unset,
            Item::DataSource => text(&k.data_source),
            Item::Owner => text(&k.owner),
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Which of the eight items of a KPI's definition are filled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Completeness {
    filled: u8,
}

impl Completeness {
    /// The items `k` has filled.
    pub fn of(k: &Kpi) -> Completeness {
        Completeness {
            filled: Item::ALL
                .iter()
                .filter(|i| i.is_filled(k))
                .fold(0, |bits, i| bits | i.bit()),
        }
    }

    /// True if `item` is filled.
    pub fn has(self, item: Item) -> bool {
        self.filled & item.bit() != 0
    }

    /// How many items are filled, of how many: `(6, 8)`.
    pub fn score(self) -> (usize, usize) {
        (self.filled.count_ones() as usize, Item::ALL.len())
    }

    /// True if all eight items are filled.
    pub fn is_complete(self) -> bool {
        self.missing_items().next().is_none()
    }

    /// The items not filled, in order.
    pub fn missing_items(self) -> impl Iterator<Item = Item> {
        Item::ALL.into_iter().filter(move |&i| !self.has(i))
    }

    /// The names of the items not filled, in order: `["formula", "data source"]`.
    pub fn missing(self, lang: Lang) -> Vec<&'static str> {
        self.missing_items().map(|i| i.name(lang)).collect()
    }

    /// The score as shown: "6/8".
    pub fn score_text(self) -> String {
        let (filled, of) = self.score();
        format!("{filled}/{of}")
    }

    /// What is missing in a sentence: "Missing: formula, data source" ("Ontbreekt: formule,
    /// gegevensbron"), or that it is fully defined.
    pub fn missing_text(self, lang: Lang) -> String {
        if self.is_complete() {
            return lang
                .pick("Fully defined", "Volledig gedefinieerd")
                .to_string();
        }
        format!(
            "{}: {}",
            lang.pick("Missing", "Ontbreekt"),
            self.missing(lang).join(", ")
        )
    }
}

/// How many KPIs of a model are fully defined, and the others with what they miss.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelCompleteness {
    /// How many KPIs the model has.
    pub kpis: usize,
    /// How many of them are fully defined.
    pub defined: usize,
    /// The KPIs not fully defined, in model order, with what they have.
    pub incomplete: Vec<(Id, Completeness)>,
}

impl ModelCompleteness {
    /// The summary: "12 of 18 KPIs fully defined" ("12 van 18 KPI's volledig gedefinieerd").
    pub fn summary(&self, lang: Lang) -> String {
        let (defined, kpis) = (self.defined, self.kpis);
        match (lang, kpis) {
            (Lang::En, 0) => "No KPIs yet".to_string(),
            (Lang::Nl, 0) => "Nog geen KPI's".to_string(),
            (Lang::En, 1) => format!("{defined} of 1 KPI fully defined"),
            (Lang::Nl, 1) => format!("{defined} van 1 KPI volledig gedefinieerd"),
            (Lang::En, _) => format!("{defined} of {kpis} KPIs fully defined"),
            (Lang::Nl, _) => format!("{defined} van {kpis} KPI's volledig gedefinieerd"),
        }
    }
}

/// Counts the KPIs given with their completeness, in order.
impl FromIterator<(Id, Completeness)> for ModelCompleteness {
    fn from_iter<I: IntoIterator<Item = (Id, Completeness)>>(kpis: I) -> Self {
        let mut out = ModelCompleteness::default();
        for (id, c) in kpis {
            out.kpis += 1;
            if c.is_complete() {
                out.defined += 1;
            } else {
                out.incomplete.push((id, c));
            }
        }
        out
    }
}

/// The completeness of KPI `id`, `None` if it is gone.
pub fn completeness(m: &Model, id: &Id) -> Option<Completeness> {
    m.kpis.get(id).map(Completeness::of)
}

/// [`completeness`], read through `r` (the KPI's own fields).
pub fn read_completeness(r: &Reader, id: &Id) -> Option<Completeness> {
    r.kpi(id).map(Completeness::of)
}

/// How many KPIs of `m` are fully defined, and what the others miss.
pub fn model_completeness(m: &Model) -> ModelCompleteness {
    read_model_completeness(&Reader::new(m))
}

/// [`model_completeness`], read through `r`: which KPIs exist ([`Reader::kpi_places`]) and
/// each one's own fields ([`read_completeness`]). A view may keep the second part per KPI
/// and collect it ([`ModelCompleteness`]'s `FromIterator`), so that a keystroke in one KPI's
/// name re-runs only that KPI's part.
pub fn read_model_completeness(r: &Reader) -> ModelCompleteness {
    r.kpi_places()
        .filter_map(|(id, _)| read_completeness(r, id).map(|c| (id.clone(), c)))
        .collect()
}
