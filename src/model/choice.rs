//! The KPI fields with a fixed set of values (direction, frequency, value type): every value
//! in order and the short code that files, CSV and form controls use. One place for all of
//! them; names in a language live with the UI.

use super::types::{Direction, Frequency, ValueType};

/// A field with a fixed set of values; the first of [`Choice::ALL`] is "not set" (code "").
pub trait Choice: Copy + Default + PartialEq + 'static {
    /// Every value, "not set" first.
    const ALL: &'static [Self];

    /// The value's code as written in files ("higher", "quarterly"); "" when not set.
    fn code(self) -> &'static str;

    /// The value with this code; "not set" if none has it.
    fn from_code(code: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code() == code)
            .unwrap_or_default()
    }
}

impl Choice for Direction {
    const ALL: &'static [Self] = &[
        Direction::Unset,
        Direction::Higher,
        Direction::Lower,
        Direction::Band,
    ];

    fn code(self) -> &'static str {
        match self {
            Direction::Unset => "",
            Direction::Higher => "higher",
            Direction::Lower => "lower",
            Direction::Band => "band",
        }
    }
}

impl Choice for Frequency {
    const ALL: &'static [Self] = &[
        Frequency::Unset,
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Yearly,
    ];

    fn code(self) -> &'static str {
        match self {
            Frequency::Unset => "",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }
}

impl Choice for ValueType {
    const ALL: &'static [Self] = &[ValueType::Unset, ValueType::Customer, ValueType::Internal];

    fn code(self) -> &'static str {
        match self {
            ValueType::Unset => "",
            ValueType::Customer => "customer",
            ValueType::Internal => "internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Choice + std::fmt::Debug>() {
        for &v in T::ALL {
            assert_eq!(T::from_code(v.code()), v);
        }
        assert_eq!(T::ALL[0], T::default());
        assert_eq!(T::from_code("no such code"), T::default());
    }

    #[test]
    fn every_code_names_one_value() {
        round_trips::<Direction>();
        round_trips::<Frequency>();
        round_trips::<ValueType>();
    }
}
