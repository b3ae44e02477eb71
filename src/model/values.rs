//! A KPI's measured values and comments, one per period.
//!
//! [`Series`] is written compactly (a file of 3,000 KPIs with three years of monthly values
//! stays well under a megabyte): an object whose keys are the first period of a run of
//! consecutive periods and whose values are the run's numbers, a short gap written as `null`:
//! `{"2025-01": [91.5, 93, null, 94.2], "2025-09": [88]}`. [`Comments`] is an object from
//! period to text. Both are in format version 2 (`docs/FORMAT.md`).

use std::collections::BTreeMap;

use serde::de::{MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::period::Period;

/// A gap of at most this many periods without a value stays inside a run (written `null`).
const MAX_GAP: usize = 2;

/// Measured values by period, oldest first (periods of one kind are ordered in time).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series(pub BTreeMap<Period, f64>);

/// Comments ("why did it move") by period.
pub type Comments = BTreeMap<Period, String>;

impl Series {
    pub fn get(&self, period: &Period) -> Option<f64> {
        self.0.get(period).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sets (`Some`) or removes (`None`) the value of `period`; returns the value it had.
    pub fn set(&mut self, period: Period, value: Option<f64>) -> Option<f64> {
        match value {
            Some(v) => self.0.insert(period, v),
            None => self.0.remove(&period),
        }
    }

    /// Every value, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Period, &f64)> {
        self.0.iter()
    }

    /// The runs of the compact form: each run's first period and its values (`None` for a
    /// short gap), consecutive in time and of one kind.
    pub fn runs(&self) -> Vec<(Period, Vec<Option<f64>>)> {
        let mut runs: Vec<(Period, Vec<Option<f64>>)> = Vec::new();
        let mut last: Option<Period> = None;
        for (&p, &v) in &self.0 {
            let gap = last.and_then(|l| gap_between(l, p));
            match (runs.last_mut(), gap) {
                (Some((_, values)), Some(gap)) if gap <= MAX_GAP => {
                    values.extend(std::iter::repeat_n(None, gap));
                    values.push(Some(v));
                }
                _ => runs.push((p, vec![Some(v)])),
            }
            last = Some(p);
        }
        runs
    }
}

/// How many periods lie strictly between `a` and `b` (same kind, `a` before `b`), when that
/// is at most `MAX_GAP`; `None` otherwise.
fn gap_between(a: Period, b: Period) -> Option<usize> {
    if a.kind() != b.kind() {
        return None;
    }
    let mut p = a.next();
    for gap in 0..=MAX_GAP {
        if p == b {
            return Some(gap);
        }
        p = p.next();
    }
    None
}

impl Serialize for Series {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let runs = self.runs();
        let mut map = s.serialize_map(Some(runs.len()))?;
        for (start, values) in &runs {
            map.serialize_entry(start, &Run(values))?;
        }
        map.end()
    }
}

/// A run's numbers as JSON writes them shortest: a whole number without `.0` (`95`, not
/// `95.0`), a gap as `null`. Reading takes either form.
struct Run<'a>(&'a [Option<f64>]);

impl Serialize for Run<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// Whole numbers up to this size are exact as `i64` and as `f64`.
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for v in self.0 {
            match *v {
                Some(n) if n.fract() == 0.0 && n.abs() <= EXACT => {
                    seq.serialize_element(&(n as i64))?
                }
                other => seq.serialize_element(&other)?,
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Series {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Series, D::Error> {
        struct Runs;
        impl<'de> Visitor<'de> for Runs {
            type Value = Series;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of runs: first period -> array of numbers or null")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Series, A::Error> {
                let mut series = Series::default();
                while let Some((start, values)) = map.next_entry::<Period, Vec<Option<f64>>>()? {
                    series.extend_run(start, values);
                }
                Ok(series)
            }
        }
        d.deserialize_map(Runs)
    }
}

impl Series {
    /// Adds a run: `values[i]` belongs to the `i`-th period from `start`.
    pub fn extend_run(&mut self, start: Period, values: impl IntoIterator<Item = Option<f64>>) {
        let mut p = start;
        for v in values {
            if let Some(v) = v {
                self.0.insert(p, v);
            }
            p = p.next();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Series {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Series".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Keys match `Period`'s pattern; a run starts with a number.
        let mut schema = by_period::<Vec<Option<f64>>>(generator, |run| {
            run.insert("minItems".into(), 1.into());
            run.insert(
                "prefixItems".into(),
                serde_json::json!([{ "type": "number" }]),
            );
        });
        schema.insert("description".into(), "Measured values: keys are the first period of a run of consecutive periods (2026-03-05, 2026-W09, 2026-03, 2026-Q1, 2026), values the run's numbers, null for a short gap (at most two periods) inside a run.".into());
        schema
    }
}

/// The schema of a KPI's `comments` as written: a period to a non-empty text (an empty
/// comment is removed, not kept).
#[cfg(not(target_arch = "wasm32"))]
pub fn comments_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    by_period::<String>(generator, |text| {
        text.insert("minLength".into(), 1.into());
    })
}

/// A non-empty object from period to `T` (written only when not empty), `more` added to the
/// schema of each value.
#[cfg(not(target_arch = "wasm32"))]
fn by_period<T: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
    more: impl Fn(&mut serde_json::Map<String, serde_json::Value>),
) -> schemars::Schema {
    use schemars::JsonSchema;
    let mut schema = <BTreeMap<Period, T>>::json_schema(generator);
    let values = schema
        .get_mut("patternProperties")
        .and_then(|p| p.as_object_mut());
    for value in values.into_iter().flat_map(|v| v.values_mut()) {
        if let Some(value) = value.as_object_mut() {
            more(value);
        }
    }
    schema.insert("minProperties".into(), 1.into());
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, m: u32) -> Period {
        Period::Month { y, m }
    }

    #[test]
    fn runs_fill_short_gaps_and_split_long_ones() {
        let mut s = Series::default();
        s.set(m(2025, 11), Some(1.0));
        s.set(m(2025, 12), Some(2.0));
        s.set(m(2026, 2), Some(3.0)); // one missing month
        s.set(m(2026, 9), Some(4.5)); // far away
        s.set(Period::Quarter { y: 2026, q: 1 }, Some(-5.0)); // another kind
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"2025-11":[1,2,null,3],"2026-09":[4.5],"2026-Q1":[-5]}"#
        );
        let back: Series = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn whole_numbers_are_written_without_a_fraction_and_read_back_equal() {
        let mut s = Series::default();
        let values = [95.0, 92.5, -0.5, 1e15, 1e300, 0.1 + 0.2, f64::MIN_POSITIVE];
        for (i, v) in values.into_iter().enumerate() {
            s.set(m(2020 + i as i32, 1), Some(v));
        }
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            json.contains("[95]") && json.contains("[1000000000000000]"),
            "{json}"
        );
        assert!(
            json.contains("[92.5]") && json.contains("[1e+300]"),
            "{json}"
        );
        let back: Series = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn set_returns_the_old_value_and_none_removes() {
        let mut s = Series::default();
        assert_eq!(s.set(m(2026, 1), Some(1.0)), None);
        assert_eq!(s.set(m(2026, 1), Some(2.0)), Some(1.0));
        assert_eq!(s.set(m(2026, 1), None), Some(2.0));
        assert!(s.is_empty());
    }
}
