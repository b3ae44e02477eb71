//! Steering on the structure: each KPI's value and status "as of" a month, its trend, and
//! the months the "As of" choice offers.
//!
//! The "As of" month is `(year, month)`. Each KPI shows its value for its latest period that
//! ends on or before the end of that month ([`Period::latest_ending_by`]): a monthly KPI its
//! month, a quarterly KPI in 2026-02 its 2025-Q4, a weekly KPI the ISO week of the month's
//! last Sunday.

use super::date::Date;
use super::norm::Status;
use super::period::Period;
use super::rollup::Statuses;
use super::types::{Kpi, Model};

/// A calendar month, `(year, 1..=12)`: what "As of" holds.
pub type Month = (i32, u32);

/// How many months the "As of" choice offers up to the current month.
pub const AS_OF_MONTHS: usize = 36;

/// The period `kpi` shows as of `month`; `None` when its frequency is not set.
pub fn period_as_of(kpi: &Kpi, month: Month) -> Option<Period> {
    Period::latest_ending_by(kpi.frequency, month)
}

/// The value `kpi` shows as of `month`, if it has one for that period.
pub fn value_as_of(kpi: &Kpi, month: Month) -> Option<f64> {
    period_as_of(kpi, month).and_then(|p| kpi.values.get(&p))
}

/// The status `kpi` shows as of `month`: no norm, no value, or the value against the norm.
pub fn status_as_of(kpi: &Kpi, month: Month) -> Status {
    Status::of(kpi.norm().as_ref(), value_as_of(kpi, month))
}

/// Every KPI's status as of `month` (the input of [`super::rollup`]).
pub fn statuses(model: &Model, month: Month) -> Statuses {
    model
        .kpis
        .values()
        .map(|k| (k.id.clone(), status_as_of(k, month)))
        .collect()
}

/// The last `n` periods of `kpi` up to its period as of `month`, oldest first, each with its
/// value (the sparkline). Empty when the frequency is not set.
pub fn trend(kpi: &Kpi, month: Month, n: usize) -> Vec<(Period, Option<f64>)> {
    Period::last_n(kpi.frequency, month, n)
        .into_iter()
        .map(|p| (p, kpi.values.get(&p)))
        .collect()
}

/// The month in which `period` ends.
pub fn month_of(period: Period) -> Month {
    let d = period.last_day();
    (d.y, d.m)
}

/// The month of `date`.
pub fn month_of_date(date: Date) -> Month {
    (date.y, date.m)
}

/// The latest month in which a period with a value ends, over the whole model.
pub fn latest_value_month(model: &Model) -> Option<Month> {
    model
        .kpis
        .values()
        .flat_map(|k| k.values.iter().map(|(p, _)| month_of(*p)))
        .max()
}

/// The "As of" month a model opens at: the latest month with a value, else `today`'s month.
pub fn default_as_of(model: &Model, today: Month) -> Month {
    latest_value_month(model).unwrap_or(today)
}

/// The months "As of" offers, newest first: every month after `today`'s up to the latest
/// month with a value, then the [`AS_OF_MONTHS`] months up to `today`'s.
pub fn as_of_options(latest_value: Option<Month>, today: Month) -> Vec<Month> {
    let newest = latest_value.map_or(today, |l| l.max(today));
    let mut out = Vec::new();
    let mut m = newest;
    while m > today {
        out.push(m);
        m = prev_month(m);
    }
    for _ in 0..AS_OF_MONTHS {
        out.push(m);
        m = prev_month(m);
    }
    out
}

/// The month before `m`.
pub fn prev_month((y, m): Month) -> Month {
    if m <= 1 {
        (y - 1, 12)
    } else {
        (y, m - 1)
    }
}

/// `m` written as the contract writes months: `2026-03`.
pub fn month_text((y, m): Month) -> String {
    format!("{y:04}-{m:02}")
}

/// Reads `2026-03` (the option values of "As of").
pub fn parse_month(text: &str) -> Option<Month> {
    match Period::parse(text).ok()? {
        Period::Month { y, m } => Some((y, m)),
        _ => None,
    }
}
