//! Reading fields out of a `serde_json::Value` leniently while recording every problem:
//! missing optional fields default, `null` counts as missing, unknown fields are kept as they
//! are ([`extra`]), wrong types and bad values are reported with their path.

use serde_json::{Map, Value};

use super::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use super::problem::{Problem, ProblemKind};
use crate::model::{Choice, Extra, Id};

/// How long a text may be.
#[derive(Clone, Copy)]
pub enum TextSize {
    /// Names, ids, owners, units, targets: [`MAX_NAME_CHARS`].
    Short,
    /// Descriptions, definitions, formulas: [`MAX_TEXT_CHARS`].
    Long,
}

impl TextSize {
    /// The most characters a text of this size may have.
    fn max(self) -> usize {
        match self {
            TextSize::Short => MAX_NAME_CHARS,
            TextSize::Long => MAX_TEXT_CHARS,
        }
    }
}

/// Collects errors and warnings while a model is read.
#[derive(Default)]
pub struct Reader {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Text lengths are not limited: set when reading back what this app stored itself, so
    /// a long text typed in the editor never makes a saved model unreadable.
    pub unlimited: bool,
}

pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The properties of `obj` whose keys are in none of `known` (the keys its reader reads): a
/// newer version's fields, kept as they came (see [`Extra`]).
pub fn extra(obj: &Map<String, Value>, known: &[&[&str]]) -> Extra {
    // Inserted one by one: `collect` into the map would sort, one more copy of the sort.
    let mut extra = Extra::new();
    for (k, v) in obj {
        if !known.iter().any(|keys| keys.contains(&k.as_str())) {
            extra.insert(k.clone(), v.clone());
        }
    }
    extra
}

/// A present, non-null field.
fn field<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| !v.is_null())
}

impl Reader {
    pub fn error(&mut self, kind: ProblemKind, path: &str, en: &str, nl: &str) {
        self.errors.push(Problem::at(kind, path, en, nl));
    }

    pub fn warning(&mut self, kind: ProblemKind, path: &str, en: &str, nl: &str) {
        self.warnings.push(Problem::at(kind, path, en, nl));
    }

    /// `value` as an object, or a problem.
    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            _ => {
                self.error(
                    ProblemKind::WrongType,
                    path,
                    "must be an object ({ ... }) but is not",
                    "moet een object ({ ... }) zijn maar is dat niet",
                );
                None
            }
        }
    }

    /// An optional text field; missing or null gives "".
    pub fn text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        size: TextSize,
    ) -> String {
        match field(obj, key) {
            None => String::new(),
            Some(Value::String(s)) => {
                if !self.fits(s, size) {
                    self.check_length(s, &child(path, key), size);
                }
                s.clone()
            }
            Some(_) => {
                self.error(
                    ProblemKind::WrongType,
                    &child(path, key),
                    "must be text",
                    "moet tekst zijn",
                );
                String::new()
            }
        }
    }

    /// Whether `s` is surely within the limit for `size`, without counting characters: the
    /// common case, in which no path needs to be written out.
    fn fits(&self, s: &str, size: TextSize) -> bool {
        // Bytes bound characters from above.
        self.unlimited || s.len() <= size.max()
    }

    fn check_length(&mut self, s: &str, path: &str, size: TextSize) {
        if self.fits(s, size) {
            return;
        }
        let max = size.max();
        if s.chars().count() > max {
            self.error(
                ProblemKind::TooLong,
                path,
                &format!("is too long (more than {max} characters)"),
                &format!("is te lang (meer dan {max} tekens)"),
            );
        }
    }

    /// An id that must be present: a non-empty text.
    pub fn required_id(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<Id> {
        match field(obj, key) {
            None => {
                self.error(
                    ProblemKind::Missing,
                    &child(path, key),
                    "is missing",
                    "ontbreekt",
                );
                None
            }
            Some(value) => self.field_id(value, key, path),
        }
    }

    /// An optional id: missing or null gives `None`.
    pub fn optional_id(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<Id> {
        field(obj, key).and_then(|value| self.field_id(value, key, path))
    }

    /// [`Reader::id_value`] of the field `key` of the object at `path`: the field's path is
    /// written out only when there is a problem to report.
    fn field_id(&mut self, value: &Value, key: &str, path: &str) -> Option<Id> {
        self.id_value_lazily(value, || child(path, key))
    }

    /// [`Reader::id_value`] with the path written out (`path()`) only for a problem.
    pub fn id_value_lazily(&mut self, value: &Value, path: impl FnOnce() -> String) -> Option<Id> {
        match value {
            Value::String(s) if !s.is_empty() && self.fits(s, TextSize::Short) => {
                Some(Id::new(s.clone()))
            }
            _ => self.id_value(value, &path()),
        }
    }

    /// A value that must be an id.
    pub fn id_value(&mut self, value: &Value, path: &str) -> Option<Id> {
        match value {
            Value::String(s) if s.is_empty() => {
                self.error(
                    ProblemKind::EmptyId,
                    path,
                    "must not be empty",
                    "mag niet leeg zijn",
                );
                None
            }
            Value::String(s) => {
                self.check_length(s, path, TextSize::Short);
                Some(Id::new(s.clone()))
            }
            _ => {
                self.error(
                    ProblemKind::WrongType,
                    path,
                    "must be an id written as text",
                    "moet een id zijn, geschreven als tekst",
                );
                None
            }
        }
    }

    /// An optional true/false field; missing or null gives false.
    pub fn flag(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> bool {
        match field(obj, key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(
                    ProblemKind::WrongType,
                    &child(path, key),
                    "must be true or false",
                    "moet true of false zijn",
                );
                false
            }
        }
    }

    /// An optional number field; missing or null gives 0.
    pub fn number(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> f64 {
        match field(obj, key) {
            None => 0.0,
            Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
            Some(_) => {
                self.error(
                    ProblemKind::WrongType,
                    &child(path, key),
                    "must be a number",
                    "moet een getal zijn",
                );
                0.0
            }
        }
    }

    /// An optional number field that may be absent; missing or null gives `None`. A number
    /// written as text (`"95"`) is a problem, as is a number that is not finite.
    pub fn optional_number(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<f64> {
        match field(obj, key) {
            None => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) if f.is_finite() => Some(f),
                _ => {
                    self.error(
                        ProblemKind::BadValue,
                        &child(path, key),
                        "must be a finite number",
                        "moet een eindig getal zijn",
                    );
                    None
                }
            },
            Some(_) => {
                self.error(
                    ProblemKind::WrongType,
                    &child(path, key),
                    "must be a number (without quotes)",
                    "moet een getal zijn (zonder aanhalingstekens)",
                );
                None
            }
        }
    }

    /// An optional list field; missing or null gives an empty list.
    pub fn list<'v>(&mut self, obj: &'v Map<String, Value>, key: &str, path: &str) -> &'v [Value] {
        match field(obj, key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.error(
                    ProblemKind::WrongType,
                    &child(path, key),
                    "must be a list ([ ... ])",
                    "moet een lijst ([ ... ]) zijn",
                );
                &[]
            }
        }
    }

    /// An optional choice among `options` (matched ignoring case and surrounding spaces);
    /// missing, null, "" or "unset" give `T::default()`. `shown` lists the choices for the
    /// message, e.g. "higher, lower, band".
    /// A field with a fixed set of values, by code (any case); missing, empty or "unset" is
    /// "not set".
    pub fn choice<T: Choice>(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> T {
        let Some(value) = field(obj, key) else {
            return T::default();
        };
        if let Value::String(s) = value {
            let s = s.trim();
            if s.is_empty() || s.eq_ignore_ascii_case("unset") {
                return T::default();
            }
            if let Some(&t) = T::ALL.iter().find(|t| t.code().eq_ignore_ascii_case(s)) {
                return t;
            }
        }
        let shown = T::ALL[1..]
            .iter()
            .map(|t| t.code())
            .collect::<Vec<_>>()
            .join(", ");
        self.error(
            ProblemKind::BadValue,
            &child(path, key),
            &format!("must be one of {shown}"),
            &format!("moet een van deze zijn: {shown}"),
        );
        T::default()
    }
}
