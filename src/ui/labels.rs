//! The names of a KPI's choice fields (direction, frequency, value type) in both languages,
//! and the short codes the form controls use. One place for the KPI table, the inspector and
//! print.

use crate::model::{Direction, Frequency, Lang, ValueType};

pub const DIRECTIONS: [Direction; 4] = [
    Direction::Unset,
    Direction::Higher,
    Direction::Lower,
    Direction::Band,
];

pub fn direction_code(d: Direction) -> &'static str {
    match d {
        Direction::Unset => "",
        Direction::Higher => "higher",
        Direction::Lower => "lower",
        Direction::Band => "band",
    }
}

pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Unset => "—",
        Direction::Higher => lang.pick("Higher is better", "Hoger is beter"),
        Direction::Lower => lang.pick("Lower is better", "Lager is beter"),
        Direction::Band => lang.pick("Within a band", "Binnen een bandbreedte"),
    }
}

pub const FREQUENCIES: [Frequency; 6] = [
    Frequency::Unset,
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Monthly,
    Frequency::Quarterly,
    Frequency::Yearly,
];

pub fn frequency_code(f: Frequency) -> &'static str {
    match f {
        Frequency::Unset => "",
        Frequency::Daily => "daily",
        Frequency::Weekly => "weekly",
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        Frequency::Yearly => "yearly",
    }
}

pub fn frequency_name(f: Frequency, lang: Lang) -> &'static str {
    match f {
        Frequency::Unset => "—",
        Frequency::Daily => lang.pick("Daily", "Dagelijks"),
        Frequency::Weekly => lang.pick("Weekly", "Wekelijks"),
        Frequency::Monthly => lang.pick("Monthly", "Maandelijks"),
        Frequency::Quarterly => lang.pick("Quarterly", "Per kwartaal"),
        Frequency::Yearly => lang.pick("Yearly", "Jaarlijks"),
    }
}

pub const VALUE_TYPES: [ValueType; 3] =
    [ValueType::Unset, ValueType::Customer, ValueType::Internal];

pub fn value_type_code(v: ValueType) -> &'static str {
    match v {
        ValueType::Unset => "",
        ValueType::Customer => "customer",
        ValueType::Internal => "internal",
    }
}

pub fn value_type_name(v: ValueType, lang: Lang) -> &'static str {
    match v {
        ValueType::Unset => "—",
        ValueType::Customer => lang.pick("Customer value", "Klantwaarde"),
        ValueType::Internal => lang.pick("Internal value", "Interne waarde"),
    }
}

/// The value whose code is `code` (the first, "not set", if none is).
pub fn from_code<T: Copy>(all: &[T], code: fn(T) -> &'static str, wanted: &str) -> T {
    all.iter()
        .copied()
        .find(|v| code(*v) == wanted)
        .unwrap_or(all[0])
}
