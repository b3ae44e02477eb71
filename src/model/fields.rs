//! Each element kind's own fields, defined once: one line per field gives its edit variant
//! (`KpiField::Target` and what it holds), the element's member it sets (whose name is the
//! field's key in files, flat keys and the edit), its kind, and its label in English and Dutch.
//! From that line follow the edit enums (`ModelField`, `GoalField`, `DepartmentField`,
//! `ChainField`, `LinkField`, `KpiField`), their `name` and `swap` (what `apply` does), and the
//! tables (`KPI_FIELDS`, …: key, labels, kind, `get`, `set`) that the reader's known keys, the
//! KPI CSV's columns, the compare words and the inspector's controls are made from.
//!
//! A member with its own edits (ids, a KPI's `at` and `drives`, values, links, the meeting) is
//! not a field here. A field added to a type is added here too (its edit, its CSV column and
//! its compare words follow), read in `format/read_model.rs` (a compile error until it is) and
//! filled in `tests/support/filled.rs` (likewise).

use serde::{Deserialize, Serialize};

use super::choice::Choice;
use super::id::Id;
use super::lang::Lang;
use super::types::{
    Agreement, Chain, Department, Direction, Frequency, Goal, Kpi, Link, Model, ValueType,
};

/// What a field holds: how a form shows it, how long a text may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A short text: a name, an owner, a unit.
    Text,
    /// A long text: a description, a definition, a formula.
    LongText,
    /// A number that may be unset: a norm number.
    Number,
    /// Yes or no.
    Flag,
    /// One of a fixed set ([`super::Choice`]).
    Choice,
    /// Another element, by id: a link's department.
    Reference,
    /// A list with its own control: a link's agreements.
    List,
}

/// A field's value in an element, borrowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldValue<'a> {
    Text(&'a str),
    Number(Option<f64>),
    Flag(bool),
    Reference(Option<&'a Id>),
    Direction(Direction),
    Frequency(Frequency),
    ValueType(ValueType),
    Agreements(&'a [Agreement]),
}

macro_rules! field_value_from {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {
        $(impl<'a> From<&'a $t> for FieldValue<'a> {
            fn from($v: &'a $t) -> Self {
                $e
            }
        })*
    };
}

field_value_from! {
    String => |v| FieldValue::Text(v),
    Option<f64> => |v| FieldValue::Number(*v),
    bool => |v| FieldValue::Flag(*v),
    Option<Id> => |v| FieldValue::Reference(v.as_ref()),
    Direction => |v| FieldValue::Direction(*v),
    Frequency => |v| FieldValue::Frequency(*v),
    ValueType => |v| FieldValue::ValueType(*v),
    Vec<Agreement> => |v| FieldValue::Agreements(v),
}

impl FieldValue<'_> {
    /// The value as a file writes it.
    pub fn to_json(self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            FieldValue::Text(t) => Value::from(t),
            FieldValue::Number(n) => n.map_or(Value::Null, Value::from),
            FieldValue::Flag(b) => Value::from(b),
            FieldValue::Reference(id) => id.map_or(Value::Null, |id| Value::from(id.as_str())),
            FieldValue::Direction(d) => Value::from(d.code()),
            FieldValue::Frequency(f) => Value::from(f.code()),
            FieldValue::ValueType(v) => Value::from(v.code()),
            FieldValue::Agreements(a) => serde_json::to_value(a).unwrap_or(Value::Null),
        }
    }
}

/// A field's new value as a form gives it (owned), or its value read for a form.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldInput {
    Text(String),
    Number(Option<f64>),
    Flag(bool),
    Reference(Option<Id>),
    /// A [`Choice`]'s code ("higher", "quarterly"; "" when not set).
    Code(String),
    Agreements(Vec<Agreement>),
}

impl Default for FieldInput {
    fn default() -> Self {
        FieldInput::Text(String::new())
    }
}

impl FieldValue<'_> {
    /// The value, owned, as a form shows it.
    pub fn to_input(self) -> FieldInput {
        match self {
            FieldValue::Text(t) => FieldInput::Text(t.to_string()),
            FieldValue::Number(n) => FieldInput::Number(n),
            FieldValue::Flag(b) => FieldInput::Flag(b),
            FieldValue::Reference(id) => FieldInput::Reference(id.cloned()),
            FieldValue::Direction(d) => FieldInput::Code(d.code().to_string()),
            FieldValue::Frequency(f) => FieldInput::Code(f.code().to_string()),
            FieldValue::ValueType(v) => FieldInput::Code(v.code().to_string()),
            FieldValue::Agreements(a) => FieldInput::Agreements(a.to_vec()),
        }
    }
}

/// A member type a form can set: from the [`FieldInput`] of its kind, else `None`.
pub trait FromInput: Sized {
    fn from_input(v: FieldInput) -> Option<Self>;
}

macro_rules! from_input {
    ($($t:ty => $pat:pat => $e:expr),* $(,)?) => {
        $(impl FromInput for $t {
            fn from_input(v: FieldInput) -> Option<Self> {
                match v {
                    $pat => Some($e),
                    _ => None,
                }
            }
        })*
    };
}

from_input! {
    String => FieldInput::Text(t) => t,
    Option<f64> => FieldInput::Number(n) => n,
    bool => FieldInput::Flag(b) => b,
    Option<Id> => FieldInput::Reference(id) => id,
    Direction => FieldInput::Code(c) => Direction::from_code(&c),
    Frequency => FieldInput::Code(c) => Frequency::from_code(&c),
    ValueType => FieldInput::Code(c) => ValueType::from_code(&c),
    Vec<Agreement> => FieldInput::Agreements(a) => a,
}

/// An element kind with fields: the edit that sets one of them.
pub trait Element: 'static {
    type Edit;
}

/// One field of an element of type `T`.
pub struct Field<T: Element> {
    /// Its key: the member's name, as files, flat keys and edits write it.
    pub key: &'static str,
    pub en: &'static str,
    pub nl: &'static str,
    pub kind: FieldKind,
    /// Its value in an element.
    pub get: for<'a> fn(&'a T) -> FieldValue<'a>,
    /// The edit that sets it to a form's value (`None` when the value is of another kind).
    pub set: fn(FieldInput) -> Option<T::Edit>,
}

impl<T: Element> Field<T> {
    /// Its label in `lang` (the inspector's, the compare dialog's).
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.nl)
    }
}

/// The field of `fields` with `key`.
pub fn field<'t, T: Element>(fields: &'t [Field<T>], key: &str) -> Option<&'t Field<T>> {
    fields.iter().find(|f| f.key == key)
}

macro_rules! fields {
    (
        $(#[$meta:meta])*
        $edit:ident of $t:ty, table $table:ident, keys $keys:ident, labels $labels:ident {
            $($variant:ident($vt:ty) = $member:ident, $kind:ident, $en:literal, $nl:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "field", content = "value", rename_all = "snake_case")]
        pub enum $edit {
            $($variant($vt),)*
        }

        impl $edit {
            /// The field's key (its member's name), e.g. for coalescing keystrokes.
            pub fn name(&self) -> &'static str {
                match self {
                    $($edit::$variant(..) => stringify!($member),)*
                }
            }

            /// Every field, set to its default (for tests).
            #[cfg(test)]
            fn every() -> Vec<$edit> {
                vec![$($edit::$variant(Default::default()),)*]
            }

            /// Sets the field in `element`; returns the edit that sets the old value back.
            pub fn swap(self, element: &mut $t) -> $edit {
                match self {
                    $($edit::$variant(v) => {
                        $edit::$variant(std::mem::replace(&mut element.$member, v))
                    })*
                }
            }
        }

        /// The fields, in the order forms and the CSV show them.
        pub const $table: &[Field<$t>] = &[
            $(Field {
                key: stringify!($member),
                en: $en,
                nl: $nl,
                kind: FieldKind::$kind,
                get: |e| FieldValue::from(&e.$member),
                set: |v| <$vt as FromInput>::from_input(v).map($edit::$variant),
            },)*
        ];

        impl Element for $t {
            type Edit = $edit;
        }

        /// The fields' keys.
        pub const $keys: &[&str] = &[$(stringify!($member),)*];

        /// Each field's label in English and Dutch, by its member's name (for forms).
        #[allow(non_upper_case_globals)]
        pub mod $labels {
            $(pub const $member: (&str, &str) = ($en, $nl);)*
        }
    };
}

fields! {
    /// A field of the model itself, with its new value.
    ModelField of Model, table MODEL_FIELDS, keys MODEL_KEYS, labels model {
        Name(String) = name, Text, "Name", "Naam";
        Organisation(String) = organisation, Text, "Organisation", "Organisatie";
        Description(String) = description, LongText, "Description", "Beschrijving";
        ManagementTeam(String) = management_team, LongText, "Management team", "Managementteam";
    }
}

fields! {
    /// A field of a goal, with its new value.
    GoalField of Goal, table GOAL_FIELDS, keys GOAL_KEYS, labels goal {
        Name(String) = name, Text, "Name", "Naam";
        Description(String) = description, LongText, "Description", "Beschrijving";
    }
}

fields! {
    /// A field of a department, with its new value.
    DepartmentField of Department, table DEPARTMENT_FIELDS, keys DEPARTMENT_KEYS, labels department {
        Name(String) = name, Text, "Name", "Naam";
        Description(String) = description, LongText, "Description", "Beschrijving";
    }
}

fields! {
    /// A field of a customer chain, with its new value. Links have their own edits.
    ChainField of Chain, table CHAIN_FIELDS, keys CHAIN_KEYS, labels chain {
        Name(String) = name, Text, "Name", "Naam";
        Customer(String) = customer, Text, "Customer", "Klant";
        Trigger(String) = trigger, Text, "Trigger", "Aanleiding";
        Outcome(String) = outcome, Text, "Outcome", "Resultaat";
        Owner(String) = owner, Text, "Owner", "Eigenaar";
        CustomerValue(String) = customer_value, LongText, "Customer value", "Klantwaarde";
        InternalValue(String) = internal_value, LongText, "Internal value", "Interne waarde";
        Description(String) = description, LongText, "Description", "Beschrijving";
    }
}

fields! {
    /// A field of a link, with its new value. `Department(Some(id))` must name an existing
    /// department.
    LinkField of Link, table LINK_FIELDS, keys LINK_KEYS, labels link {
        Name(String) = name, Text, "Name", "Naam";
        Department(Option<Id>) = department, Reference, "Department", "Afdeling";
        External(bool) = external, Flag, "External", "Extern";
        Owner(String) = owner, Text, "Owner", "Eigenaar";
        TouchesCustomer(bool) = touches_customer, Flag, "Touches the customer", "Raakt de klant";
        Description(String) = description, LongText, "Description", "Beschrijving";
        Agreements(Vec<Agreement>) = agreements, List, "Agreements", "Afspraken";
        Handover(String) = handover, LongText, "Handover to the next link", "Overdracht aan de volgende schakel";
    }
}

fields! {
    /// A field of a KPI, with its new value. The attachment and the drives list have their
    /// own edits ([`super::Edit::AttachKpi`], [`super::Edit::SetDrives`],
    /// [`super::Edit::ToggleDrive`]).
    KpiField of Kpi, table KPI_FIELDS, keys KPI_KEYS, labels kpi {
        Name(String) = name, Text, "Name", "Naam";
        Definition(String) = definition, LongText, "Definition", "Definitie";
        Formula(String) = formula, LongText, "Formula", "Formule";
        Unit(String) = unit, Text, "Unit", "Eenheid";
        Direction(Direction) = direction, Choice, "Direction", "Richting";
        Target(Option<f64>) = target, Number, "Target", "Norm";
        Red(Option<f64>) = red, Number, "Red threshold", "Rode grens";
        Low(Option<f64>) = low, Number, "Low target", "Ondergrens";
        High(Option<f64>) = high, Number, "High target", "Bovengrens";
        Tolerance(Option<f64>) = tolerance, Number, "Tolerance", "Marge";
        NormDescription(String) = norm_description, LongText, "Norm description", "Normomschrijving";
        Frequency(Frequency) = frequency, Choice, "Frequency", "Frequentie";
        Owner(String) = owner, Text, "Owner", "Eigenaar";
        DataSource(String) = data_source, Text, "Data source", "Gegevensbron";
        ValueType(ValueType) = value_type, Choice, "Value type", "Soort waarde";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edit's tag in JSON (the undo history) and its `name` (coalescing) are the key of its
    /// table's field, in the same order.
    fn check<F: Serialize, T: Element>(
        every: Vec<F>,
        name: fn(&F) -> &'static str,
        table: &[Field<T>],
    ) {
        let keys: Vec<&str> = table.iter().map(|f| f.key).collect();
        let names: Vec<&str> = every.iter().map(name).collect();
        assert_eq!(names, keys);
        for e in &every {
            assert_eq!(serde_json::to_value(e).unwrap()["field"], name(e));
        }
    }

    #[test]
    fn an_edits_field_is_its_tables_field() {
        check(ModelField::every(), ModelField::name, MODEL_FIELDS);
        check(GoalField::every(), GoalField::name, GOAL_FIELDS);
        check(
            DepartmentField::every(),
            DepartmentField::name,
            DEPARTMENT_FIELDS,
        );
        check(ChainField::every(), ChainField::name, CHAIN_FIELDS);
        check(LinkField::every(), LinkField::name, LINK_FIELDS);
        check(KpiField::every(), KpiField::name, KPI_FIELDS);
        assert_eq!(KPI_KEYS.len(), KPI_FIELDS.len());
    }

    #[test]
    fn swap_sets_and_returns_the_old_value() {
        let mut link = Link::default();
        let old = LinkField::Department(Some(Id::new("d1"))).swap(&mut link);
        assert_eq!(old, LinkField::Department(None));
        assert_eq!(link.department, Some(Id::new("d1")));
        let get = field(LINK_FIELDS, "department").map(|f| f.get);
        assert_eq!(
            get.map(|g| g(&link)),
            Some(FieldValue::Reference(Some(&Id::new("d1"))))
        );
    }
}
