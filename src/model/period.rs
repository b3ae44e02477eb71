//! The period a measured value belongs to: a day, an ISO week, a month, a quarter or a year.
//!
//! Written the same way in both languages (`docs/MODEL.md`, "Steering core"): `2026-03-05`,
//! `2026-W09`, `2026-03`, `2026-Q1`, `2026`. A KPI's frequency decides the kind of its periods.

use std::fmt;
use std::str::FromStr;

use super::date::{days_in_month, iso_weeks_in_year, Date};
use super::lang::Lang;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// One period. Years are 0 to 9999 (written with four digits). Ordered by kind (day first),
/// then chronologically within a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A calendar day.
    Day {
        /// Year.
        y: i32,
        /// Month, 1 to 12.
        m: u32,
        /// Day of the month.
        d: u32,
    },
    /// An ISO 8601 week: Monday to Sunday, numbered in its week-numbering year.
    Week {
        /// ISO week-numbering year (may differ from the calendar year around New Year).
        y: i32,
        /// Week, 1 to 52 or 53.
        w: u32,
    },
    /// A calendar month.
    Month {
        /// Year.
        y: i32,
        /// Month, 1 to 12.
        m: u32,
    },
    /// A calendar quarter.
    Quarter {
        /// Year.
        y: i32,
        /// Quarter, 1 to 4.
        q: u32,
    },
    /// A calendar year.
    Year {
        /// Year.
        y: i32,
    },
}

/// How often a KPI is measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    #[default]
    Unset,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

/// The kind of period a KPI's frequency measures in; `None` for [`Frequency::Unset`].
pub fn kind_of(frequency: Frequency) -> Option<PeriodKind> {
    match frequency {
        Frequency::Unset => None,
        Frequency::Daily => Some(PeriodKind::Day),
        Frequency::Weekly => Some(PeriodKind::Week),
        Frequency::Monthly => Some(PeriodKind::Month),
        Frequency::Quarterly => Some(PeriodKind::Quarter),
        Frequency::Yearly => Some(PeriodKind::Year),
    }
}

/// The five kinds of [`Period`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    /// [`Period::Day`].
    Day,
    /// [`Period::Week`].
    Week,
    /// [`Period::Month`].
    Month,
    /// [`Period::Quarter`].
    Quarter,
    /// [`Period::Year`].
    Year,
}

impl PeriodKind {
    /// The period of this kind that contains `date`.
    pub fn containing(self, date: Date) -> Period {
        match self {
            PeriodKind::Day => Period::Day {
                y: date.y,
                m: date.m,
                d: date.d,
            },
            PeriodKind::Week => {
                let (y, w) = date.iso_week();
                Period::Week { y, w }
            }
            PeriodKind::Month => Period::Month {
                y: date.y,
                m: date.m,
            },
            PeriodKind::Quarter => Period::Quarter {
                y: date.y,
                q: (date.m - 1) / 3 + 1,
            },
            PeriodKind::Year => Period::Year { y: date.y },
        }
    }
}

impl Period {
    /// The period of a KPI measured at `frequency` that contains `date`; `None` when the
    /// frequency is not set.
    pub fn of(frequency: Frequency, date: Date) -> Option<Period> {
        kind_of(frequency).map(|k| k.containing(date))
    }

    /// Its kind.
    pub fn kind(self) -> PeriodKind {
        match self {
            Period::Day { .. } => PeriodKind::Day,
            Period::Week { .. } => PeriodKind::Week,
            Period::Month { .. } => PeriodKind::Month,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::Year { .. } => PeriodKind::Year,
        }
    }

    /// Its first day.
    pub fn first_day(self) -> Date {
        match self {
            Period::Day { y, m, d } => Date { y, m, d },
            Period::Week { y, w } => Date::iso_week_monday(y, w),
            Period::Month { y, m } => Date { y, m, d: 1 },
            Period::Quarter { y, q } => Date {
                y,
                m: 3 * q - 2,
                d: 1,
            },
            Period::Year { y } => Date { y, m: 1, d: 1 },
        }
    }

    /// Its last day.
    pub fn last_day(self) -> Date {
        match self {
            Period::Day { y, m, d } => Date { y, m, d },
            Period::Week { y, w } => Date::iso_week_monday(y, w).plus_days(6),
            Period::Month { y, m } => Date {
                y,
                m,
                d: days_in_month(y, m),
            },
            Period::Quarter { y, q } => Date {
                y,
                m: 3 * q,
                d: days_in_month(y, 3 * q),
            },
            Period::Year { y } => Date { y, m: 12, d: 31 },
        }
    }

    /// The period of the same kind right after it. Months, quarters and years step by
    /// arithmetic (reading a file steps through every value this way); days and weeks through
    /// the calendar.
    pub fn next(self) -> Period {
        match self {
            Period::Month { y, m: 12 } => Period::Month { y: y + 1, m: 1 },
            Period::Month { y, m } => Period::Month { y, m: m + 1 },
            Period::Quarter { y, q: 4 } => Period::Quarter { y: y + 1, q: 1 },
            Period::Quarter { y, q } => Period::Quarter { y, q: q + 1 },
            Period::Year { y } => Period::Year { y: y + 1 },
            _ => self.kind().containing(self.last_day().plus_days(1)),
        }
    }

    /// The period of the same kind right before it.
    pub fn prev(self) -> Period {
        match self {
            Period::Month { y, m: 1 } => Period::Month { y: y - 1, m: 12 },
            Period::Month { y, m } => Period::Month { y, m: m - 1 },
            Period::Quarter { y, q: 1 } => Period::Quarter { y: y - 1, q: 4 },
            Period::Quarter { y, q } => Period::Quarter { y, q: q - 1 },
            Period::Year { y } => Period::Year { y: y - 1 },
            _ => self.kind().containing(self.first_day().plus_days(-1)),
        }
    }

    /// A KPI's latest period that ends on or before the end of `month` (`(year, month)`):
    /// what the "As of" month shows for it. Weekly: the ISO week of the last Sunday on or
    /// before the month's last day; quarterly in 2026-02: 2025-Q4; yearly in 2026-11: 2025.
    /// `None` when the frequency is not set or the month does not exist.
    pub fn latest_ending_by(frequency: Frequency, month: (i32, u32)) -> Option<Period> {
        let end = Date::new(month.0, month.1, 1)?.month_end();
        let p = Period::of(frequency, end)?;
        Some(if p.last_day() <= end { p } else { p.prev() })
    }

    /// The `n` latest periods of a KPI measured at `frequency` as of `month`, oldest first,
    /// the last one being [`Period::latest_ending_by`]. Empty when that is `None`.
    pub fn last_n(frequency: Frequency, as_of: (i32, u32), n: usize) -> Vec<Period> {
        let mut out = Vec::with_capacity(n);
        if let Some(mut p) = Period::latest_ending_by(frequency, as_of) {
            for _ in 0..n {
                out.push(p);
                p = p.prev();
            }
        }
        out.reverse();
        out
    }

    /// Reads a period written as the contract says (`2026-03-05`, `2026-W09`, `2026-03`,
    /// `2026-Q1`, `2026`; surrounding spaces allowed, `w` and `q` in either case).
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let t = text.trim();
        let err = |reason| PeriodError {
            text: text.to_string(),
            reason,
        };
        let year = |s: &str| digits(s, 4).map(|y| y as i32).ok_or(err(Reason::Form));
        let (y, rest) = match t.split_once('-') {
            Some((y, rest)) => (year(y)?, rest),
            None => return Ok(Period::Year { y: year(t)? }),
        };
        let in_range = |v: u32, hi: u32, reason| {
            if (1..=hi).contains(&v) {
                Ok(v)
            } else {
                Err(err(reason))
            }
        };
        if let Some(w) = rest.strip_prefix(['W', 'w']) {
            let w = digits(w, 2).ok_or(err(Reason::Form))?;
            let w = in_range(w, iso_weeks_in_year(y), Reason::Week)?;
            return Ok(Period::Week { y, w });
        }
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q = digits(q, 1).ok_or(err(Reason::Form))?;
            return Ok(Period::Quarter {
                y,
                q: in_range(q, 4, Reason::Quarter)?,
            });
        }
        let (m, d) = match rest.split_once('-') {
            Some((m, d)) => (m, Some(d)),
            None => (rest, None),
        };
        let m = in_range(digits(m, 2).ok_or(err(Reason::Form))?, 12, Reason::Month)?;
        match d {
            None => Ok(Period::Month { y, m }),
            Some(d) => {
                let d = digits(d, 2).ok_or(err(Reason::Form))?;
                let d = in_range(d, days_in_month(y, m), Reason::Day)?;
                Ok(Period::Day { y, m, d })
            }
        }
    }
}

/// `s` as a number if it is exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Day { y, m, d } => write!(f, "{y:04}-{m:02}-{d:02}"),
            Period::Week { y, w } => write!(f, "{y:04}-W{w:02}"),
            Period::Month { y, m } => write!(f, "{y:04}-{m:02}"),
            Period::Quarter { y, q } => write!(f, "{y:04}-Q{q}"),
            Period::Year { y } => write!(f, "{y:04}"),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A period as files write it (the form only: `2026-02-30` matches too).
#[cfg(not(target_arch = "wasm32"))]
impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A period: day 2026-03-05, ISO week 2026-W09, month 2026-03, quarter 2026-Q1, year 2026.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3])|-Q[1-4])?$"
        })
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        Period::parse(s)
    }
}

/// Why a text is not a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Not one of the five forms.
    Form,
    /// A week number the year does not have (`2025-W53`, `2026-W54`).
    Week,
    /// A month outside 1 to 12.
    Month,
    /// A quarter outside 1 to 4.
    Quarter,
    /// A day the month does not have.
    Day,
}

/// A text that is not a period, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError {
    /// The text as given.
    pub text: String,
    /// What is wrong with it.
    pub reason: Reason,
}

impl PeriodError {
    /// The problem in one sentence, quoting the text.
    pub fn message(&self, lang: Lang) -> String {
        let t = &self.text;
        match self.reason {
            Reason::Form => lang.pick(
                format!("“{t}” is not a period: write 2026-03-05, 2026-W09, 2026-03, 2026-Q1 or 2026."),
                format!("“{t}” is geen periode: schrijf 2026-03-05, 2026-W09, 2026-03, 2026-Q1 of 2026."),
            ),
            Reason::Week => lang.pick(
                format!("“{t}”: that year has no such ISO week."),
                format!("“{t}”: dat jaar heeft zo'n ISO-week niet."),
            ),
            Reason::Month => lang.pick(
                format!("“{t}”: a month is 01 to 12."),
                format!("“{t}”: een maand is 01 tot en met 12."),
            ),
            Reason::Quarter => lang.pick(
                format!("“{t}”: a quarter is Q1 to Q4."),
                format!("“{t}”: een kwartaal is Q1 tot en met Q4."),
            ),
            Reason::Day => lang.pick(
                format!("“{t}”: that month has no such day."),
                format!("“{t}”: die maand heeft zo'n dag niet."),
            ),
        }
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PeriodError {}
