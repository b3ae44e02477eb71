//! Steering on the structure: each KPI's value and status "as of" a month, its trend, and
//! the months the "As of" choice offers.
//!
//! The "As of" month is `(year, month)`. Each KPI shows its value for its latest period that
//! ends on or before the end of that month ([`Period::latest_ending_by`]): a monthly KPI its
//! month, a quarterly KPI in 2026-02 its 2025-Q4, a weekly KPI the ISO week of the month's
//! last Sunday.

use super::date::Date;
use super::lang::Lang;
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

/// How many months before a month count for [`default_as_of`]: a KPI with a value for a
/// period that ends in the month or in the 12 months before it is a KPI that reports.
pub const REPORTING_MONTHS: i64 = 12;

/// How complete a month is: how many KPIs have a value for it, of all KPIs in the model.
///
/// A KPI "has a value for the month" when it has a value for the period it shows as of that
/// month ([`value_as_of`], the same period its status uses): a monthly KPI for that month, a
/// quarterly KPI for its latest quarter ending by the month's end (in 2026-11 its 2026-Q3, in
/// 2026-12 its 2026-Q4), a yearly KPI for its latest year ending by then, a weekly KPI for the
/// ISO week of the month's last Sunday, a daily KPI for the month's last day. So the count is
/// exactly the KPIs that do not show "no value" as of the month; a KPI without a frequency
/// never has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Completeness {
    /// The month.
    pub month: Month,
    /// The KPIs with a value for it.
    pub with_value: usize,
    /// All KPIs of the model.
    pub kpis: usize,
}

impl Completeness {
    /// "5 of 18 KPIs have a value for 2026-12" / "5 van 18 KPI's hebben een waarde voor
    /// 2026-12".
    pub fn text(&self, lang: Lang) -> String {
        let (n, of, m) = (self.with_value, self.kpis, month_text(self.month));
        match lang {
            Lang::En => format!("{n} of {of} KPIs have a value for {m}"),
            Lang::Nl => format!("{n} van {of} KPI's hebben een waarde voor {m}"),
        }
    }
}

/// How complete `month` is ([`Completeness`]). O(KPIs).
pub fn completeness(model: &Model, month: Month) -> Completeness {
    Completeness {
        month,
        with_value: model
            .kpis
            .values()
            .filter(|k| value_as_of(k, month).is_some())
            .count(),
        kpis: model.kpis.len(),
    }
}

/// The "As of" month a model opens at: the latest month for which at least half of the KPIs
/// that report (a value for a period ending in that month or in the [`REPORTING_MONTHS`]
/// before it) have a value for that month (as [`Completeness`] counts); else `today`'s month.
///
/// Only months up to the latest month with a value are candidates (a later month shows
/// nothing newer). So one December value typed while the others report later keeps the model
/// opening at November; the first month ever filled in counts on its own. O(values) per
/// month tried; usually the first or second qualifies.
pub fn default_as_of(model: &Model, today: Month) -> Month {
    let ends = value_months(model);
    let Some(&latest) = ends.last() else {
        return today;
    };
    let mut m = latest;
    loop {
        if mostly_reported(model, m) {
            return month_at(m);
        }
        // A month can have a value only when a period with one ends in it or in the 11 months
        // before it (a yearly KPI in November shows the year that ended 11 months earlier):
        // skip the months in between.
        let Some(&before) = ends[..ends.partition_point(|&e| e < m)].last() else {
            return today;
        };
        m = (m - 1).min(before + 11);
    }
}

/// The months in which a period with a value ends, as month numbers, ascending, each once.
/// Marked in a table over their span (a model holds few months and many values: 36 months of
/// 3,000 KPIs are 108,000 values), sorted only when the span is implausibly wide.
fn value_months(model: &Model) -> Vec<i64> {
    let mut months: Vec<i64> = model
        .kpis
        .values()
        .flat_map(|k| k.values.iter().map(|(p, _)| index(month_of(*p))))
        .collect();
    let (Some(&lo), Some(&hi)) = (months.iter().min(), months.iter().max()) else {
        return months;
    };
    // Ten thousand years of months.
    if hi - lo >= 120_000 {
        super::sort::sort(&mut months);
        months.dedup();
        return months;
    }
    let mut seen = vec![false; (hi - lo + 1) as usize];
    for m in months {
        seen[(m - lo) as usize] = true;
    }
    (lo..=hi).filter(|m| seen[(m - lo) as usize]).collect()
}

/// True when at least half of the KPIs that report around month number `m` have a value for
/// it (and some do). O(values).
fn mostly_reported(model: &Model, m: i64) -> bool {
    let month = month_at(m);
    let window = m - REPORTING_MONTHS..=m;
    let (mut reporting, mut with_value) = (0usize, 0usize);
    for k in model.kpis.values() {
        // The period shown as of the month ends within the window, so such a KPI reports.
        if value_as_of(k, month).is_some() {
            with_value += 1;
            reporting += 1;
        } else if k
            .values
            .iter()
            .rev() // newest first within a kind: a recent value is found early
            .any(|(p, _)| window.contains(&index(month_of(*p))))
        {
            reporting += 1;
        }
    }
    reporting > 0 && 2 * with_value >= reporting
}

/// A month as a number of months since year 0 (consecutive months differ by one).
fn index((y, m): Month) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// The month of [`index`] `i`.
fn month_at(i: i64) -> Month {
    (i.div_euclid(12) as i32, i.rem_euclid(12) as u32 + 1)
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
