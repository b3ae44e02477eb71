//! The names of a KPI's choice fields (direction, frequency, value type) in both languages,
//! and a status's one-character mark.
//! One place for the KPI table, the inspector and print; the values and their codes are the
//! model's [`crate::model::Choice`]. Also a status's CSS class and mark.

use crate::model::{Direction, Frequency, Lang, Status, ValueType};

/// The CSS class of a status (`st-on`, `st-risk`, `st-off`, `st-none`, `st-nonorm`).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "st-on",
        Status::AtRisk => "st-risk",
        Status::OffTarget => "st-off",
        Status::NoValue => "st-none",
        Status::NoNorm => "st-nonorm",
    }
}

/// A one-character mark that survives black-and-white print and colour blindness.
pub fn status_mark(s: Status) -> &'static str {
    s.mark()
}

/// A direction's name ("Higher is better").
pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Unset => "—",
        Direction::Higher => lang.pick("Higher is better", "Hoger is beter"),
        Direction::Lower => lang.pick("Lower is better", "Lager is beter"),
        Direction::Band => lang.pick("Within a band", "Binnen een bandbreedte"),
    }
}

/// A frequency's name ("Monthly").
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

/// A value type's name ("Customer value").
pub fn value_type_name(v: ValueType, lang: Lang) -> &'static str {
    match v {
        ValueType::Unset => "—",
        ValueType::Customer => lang.pick("Customer value", "Klantwaarde"),
        ValueType::Internal => lang.pick("Internal value", "Interne waarde"),
    }
}

/// A status as the pack prints it: a mark and the word (readable in black and white), in its
/// status colour where the printer prints colour.
pub fn status_cell(s: Status, lang: Lang) -> String {
    let class = match s {
        Status::OnTarget => "on",
        Status::AtRisk => "risk",
        Status::OffTarget => "off",
        Status::NoValue | Status::NoNorm => "none",
    };
    format!(
        "<span class=\"pack-status pack-{class}\">{} {}</span>",
        s.mark(),
        s.word(lang)
    )
}
