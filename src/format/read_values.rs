//! Reading a KPI's `values` (runs: first period → array of numbers or null) and `comments`
//! (period → text) leniently: each bad period or number is one problem with its path, and the
//! rest of the KPI's values are still read.

use serde_json::{Map, Value};

use super::problem::ProblemKind;
use super::reader::{child, item, Reader, TextSize};
use crate::model::{Comments, Period, Series};

/// A KPI's `values` field (absent or null: none).
pub fn read_series(r: &mut Reader, o: &Map<String, Value>, p: &str) -> Series {
    let mut series = Series::default();
    let Some(runs) = object_field(r, o, "values", p) else {
        return series;
    };
    // Paths are written out only for a problem: a file holds many thousands of runs.
    let rp = |start: &str| child(&child(p, "values"), start);
    for (start_text, run) in runs {
        let Ok(start) = Period::parse(start_text) else {
            bad_period(r, &rp(start_text));
            continue;
        };
        let Value::Array(cells) = run else {
            r.error(
                ProblemKind::WrongType,
                &rp(start_text),
                "must be a list of numbers ([92.5, null, 94])",
                "moet een lijst getallen zijn ([92.5, null, 94])",
            );
            continue;
        };
        let values = cells.iter().enumerate().map(|(i, cell)| match cell {
            Value::Null => None,
            Value::Number(n) => match n.as_f64().filter(|f| f.is_finite()) {
                Some(f) => Some(f),
                None => {
                    bad_number(r, &item(&rp(start_text), i));
                    None
                }
            },
            _ => {
                bad_number(r, &item(&rp(start_text), i));
                None
            }
        });
        let values: Vec<Option<f64>> = values.collect();
        series.extend_run(start, values);
    }
    series
}

/// A KPI's `comments` field (absent or null: none).
pub fn read_comments(r: &mut Reader, o: &Map<String, Value>, p: &str) -> Comments {
    let mut comments = Comments::new();
    let Some(map) = object_field(r, o, "comments", p) else {
        return comments;
    };
    let cp = child(p, "comments");
    for (key, _) in map {
        let Some(period) = period(r, key, &child(&cp, key)) else {
            continue;
        };
        let text = r.text(map, key, &cp, TextSize::Long);
        if !text.is_empty() {
            comments.insert(period, text);
        }
    }
    comments
}

fn object_field<'v>(
    r: &mut Reader,
    o: &'v Map<String, Value>,
    key: &str,
    p: &str,
) -> Option<&'v Map<String, Value>> {
    match o.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => Some(m),
        Some(_) => {
            r.error(
                ProblemKind::WrongType,
                &child(p, key),
                "must be an object ({ \"2026-03\": ... })",
                "moet een object zijn ({ \"2026-03\": ... })",
            );
            None
        }
    }
}

fn period(r: &mut Reader, text: &str, path: &str) -> Option<Period> {
    let period = Period::parse(text).ok();
    if period.is_none() {
        bad_period(r, path);
    }
    period
}

fn bad_period(r: &mut Reader, path: &str) {
    r.error(
        ProblemKind::BadValue,
        path,
        "is not a period (2026-03-05, 2026-W09, 2026-03, 2026-Q1 or 2026)",
        "is geen periode (2026-03-05, 2026-W09, 2026-03, 2026-Q1 of 2026)",
    );
}

fn bad_number(r: &mut Reader, path: &str) {
    r.error(
        ProblemKind::BadValue,
        path,
        "must be a finite number or null",
        "moet een eindig getal of null zijn",
    );
}
