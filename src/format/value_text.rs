//! Reading what a spreadsheet puts in a cell: numbers in either decimal form, and period
//! headings in the contract's forms or as the dates spreadsheets turn months into.
//!
//! Numbers (`read_number`): blanks around, a trailing `%` (the value is read in the KPI's own
//! unit: `95%` is 95), a leading `-`, `−` or `+`; `.` or `,` as the decimal separator, the other
//! one (or a space) grouping thousands in threes: `92.5`, `92,5`, `1,234.5`, `1.234,5`,
//! `1 234,5`. One separator followed by exactly three digits (`1,234`, `1.234`) is ambiguous:
//! it groups thousands when it is not the language's decimal separator (`1,234` is 1234 in
//! English and 1.234 in Dutch; `1.234` the other way round). A zero or more than three digits
//! before it (`0,125`, `1234.567`) makes it a decimal separator in both languages.
//!
//! Headings (`read_heading`): `2026-03`, `2026-Q1`, `2026-W09`, `2026` are periods; a day
//! (`2026-03-05`) and every date form below are dates: `Mar-26`, `Mar 2026`, `March 2026`,
//! `mrt-26`, `maart 2026`, `1-Mar-2026`, `March 1, 2026` (English and Dutch month names and
//! abbreviations), `3/1/2026` (with `/`: month/day/year, as US spreadsheets write it),
//! `1-3-2026` and `1.3.2026` (with `-` or `.`: day-month-year, as Dutch ones do), `2026/03/01`,
//! `03-2026` (a month). Two-digit years are 2000 to 2099.

use crate::model::norm::parse_plain;
use crate::model::period::{kind_of, Frequency, PeriodKind};
use crate::model::{Date, Lang, Period};

/// A heading cell of a values block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// A week, month, quarter or year written as the contract says: it applies to KPIs
    /// measured in periods of that kind.
    Period(Period),
    /// A date: each KPI takes its own period that contains it.
    Date(Date),
}

impl Heading {
    /// The period of a KPI measured at `frequency` that this heading means: a date's
    /// containing period, a period of the KPI's kind as it is. `Err` with the KPI's kind
    /// (`None`: no frequency) when the heading is a period of another kind.
    pub fn period_for(self, frequency: Frequency) -> Result<Period, Option<PeriodKind>> {
        let kind = kind_of(frequency);
        match (self, kind) {
            (_, None) => Err(None),
            (Heading::Date(d), Some(k)) => Ok(k.containing(d)),
            (Heading::Period(p), Some(k)) if p.kind() == k => Ok(p),
            (Heading::Period(_), Some(k)) => Err(Some(k)),
        }
    }
}

/// A heading cell as a period or a date; `None` when it is neither.
pub fn read_heading(text: &str) -> Option<Heading> {
    let t = text.trim();
    match Period::parse(t) {
        Ok(Period::Day { y, m, d }) => return Date::new(y, m, d).map(Heading::Date),
        Ok(p) => return Some(Heading::Period(p)),
        Err(_) => {}
    }
    read_date(t).map(Heading::Date)
}

const MONTHS: [&[&str]; 12] = [
    &["jan", "january", "januari"],
    &["feb", "february", "februari"],
    &["mar", "march", "mrt", "maart", "maa"],
    &["apr", "april"],
    &["may", "mei"],
    &["jun", "june", "juni"],
    &["jul", "july", "juli"],
    &["aug", "august", "augustus"],
    &["sep", "sept", "september"],
    &["oct", "october", "okt", "oktober"],
    &["nov", "november"],
    &["dec", "december"],
];

fn month_name(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&t.as_str()))
        .map(|i| i as u32 + 1)
}

fn number(token: &str) -> Option<u32> {
    (!token.is_empty() && token.len() <= 4 && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

fn year(token: &str) -> Option<i32> {
    let n = number(token)? as i32;
    match token.len() {
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

fn read_date(t: &str) -> Option<Date> {
    let tokens: Vec<&str> = t
        .split(['-', ' ', '/', '.', ','])
        .filter(|s| !s.is_empty())
        .collect();
    let named = tokens.iter().position(|s| month_name(s).is_some());
    match (named, tokens.as_slice()) {
        // Mar-26, March 2026, mrt-26
        (Some(0), [mon, y]) => Date::new(year(y)?, month_name(mon)?, 1),
        // March 1, 2026
        (Some(0), [mon, d, y]) => Date::new(year(y)?, month_name(mon)?, number(d)?),
        // 1-Mar-2026, 1 maart 2026
        (Some(1), [d, mon, y]) => Date::new(year(y)?, month_name(mon)?, number(d)?),
        (Some(_), _) => None,
        // 03-2026, 3/2026
        (None, [m, y]) if y.len() == 4 => Date::new(year(y)?, number(m)?, 1),
        (None, [a, b, c]) => {
            if a.len() == 4 {
                Date::new(year(a)?, number(b)?, number(c)?)
            } else if t.contains('/') {
                Date::new(year(c)?, number(a)?, number(b)?)
            } else {
                Date::new(year(c)?, number(b)?, number(a)?)
            }
        }
        _ => None,
    }
}

/// Characters that group thousands besides the other decimal mark: spaces (also no-break).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')
}

/// A number written in a spreadsheet cell; `None` when it is not one. See the module
/// documentation for the forms and how `lang` settles `1,234`.
pub fn read_number(text: &str, lang: Lang) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
    let (negative, t) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let language_mark = lang.pick('.', ',');
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if dots == 1 { '.' } else { ',' };
            let (int, frac) = t.split_once(mark)?;
            let int = int.trim();
            let could_group = frac.len() == 3
                && (1..=3).contains(&int.len())
                && !int.starts_with('0')
                && !int.contains(is_group_space);
            (!could_group || mark == language_mark).then_some(mark)
        }
        _ => {
            // Both: the last one is the decimal mark and occurs once.
            let mark = if t.rfind('.') > t.rfind(',') {
                '.'
            } else {
                ','
            };
            (t.matches(mark).count() == 1).then_some(mark)?;
            Some(mark)
        }
    };
    let (int, frac) = match decimal {
        Some(mark) => t.split_once(mark)?,
        None => (t, ""),
    };
    let group = match decimal {
        Some('.') => ',',
        Some(_) => '.',
        None if dots > 0 => '.',
        None => ',',
    };
    let groups: Vec<&str> = int.split(|c| c == group || is_group_space(c)).collect();
    let grouped = groups.len() > 1;
    if grouped
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let v = parse_plain(&format!("{}.{frac}", groups.concat()))?;
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let en = |s| read_number(s, Lang::En);
        let nl = |s| read_number(s, Lang::Nl);
        assert_eq!(en("92.5"), Some(92.5));
        assert_eq!(en("92,5"), Some(92.5));
        assert_eq!(nl("92.5"), Some(92.5));
        assert_eq!(en(" 95% "), Some(95.0));
        assert_eq!(en("1,234.5"), Some(1234.5));
        assert_eq!(nl("1.234,5"), Some(1234.5));
        assert_eq!(en("1 234,5"), Some(1234.5));
        assert_eq!(en("1,234"), Some(1234.0));
        assert_eq!(nl("1,234"), Some(1.234));
        assert_eq!(en("1.234"), Some(1.234));
        assert_eq!(nl("1.234"), Some(1234.0));
        assert_eq!(nl("0,125"), Some(0.125));
        assert_eq!(en("0,125"), Some(0.125));
        assert_eq!(en("1234,567"), Some(1234.567));
        assert_eq!(en("1,234,567"), Some(1234567.0));
        assert_eq!(en("-3"), Some(-3.0));
        assert_eq!(en("−3,5"), Some(-3.5));
        assert_eq!(en(".5"), Some(0.5));
        for bad in [
            "",
            "abc",
            "1,2,3",
            "1.2.3,4,5",
            "1,23.4",
            "12a",
            "%",
            "-",
            "1..2",
            "1,234,5",
        ] {
            assert_eq!(en(bad), None, "{bad}");
        }
    }
}
