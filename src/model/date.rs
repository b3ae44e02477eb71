//! A civil (proleptic Gregorian) date and the arithmetic periods need: days since the Unix
//! epoch and back, the weekday, the ISO 8601 week. No clock: dates are passed in.
//!
//! The day-count conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.

/// A calendar date. Build it with [`Date::new`], which refuses days that do not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year (`2026`).
    pub y: i32,
    /// The month, 1 to 12.
    pub m: u32,
    /// The day of the month, 1 to 28..31.
    pub d: u32,
}

/// True for a leap year of the Gregorian calendar.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// How many days month `m` (1 to 12) of year `y` has; 0 for a month that does not exist.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How many ISO weeks (52 or 53) the ISO week-numbering year `y` has.
pub fn iso_weeks_in_year(y: i32) -> u32 {
    // 28 December always lies in the last ISO week of its year.
    Date { y, m: 12, d: 28 }.iso_week().1
}

impl Date {
    /// The date, if it exists (`2026-02-29` does not).
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        (d >= 1 && d <= days_in_month(y, m)).then_some(Date { y, m, d })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        let m = i64::from(self.m);
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        // In range for every date whose day count came from an `i32` year.
        Date {
            y: y as i32,
            m: m as u32,
            d: d as u32,
        }
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn plus_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.days() + 3).rem_euclid(7) as u32 + 1
    }

    /// The ISO 8601 week-numbering year and week (1 to 53) this date lies in.
    pub fn iso_week(self) -> (i32, u32) {
        // The Thursday of the date's week decides the year.
        let thursday = self.plus_days(4 - i64::from(self.weekday()));
        let jan1 = Date {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        (thursday.y, week as u32)
    }

    /// The Monday of ISO week `w` of ISO year `y` (`w` is not checked against the year).
    pub fn iso_week_monday(y: i32, w: u32) -> Date {
        let jan4 = Date { y, m: 1, d: 4 };
        let monday1 = jan4.days() - i64::from(jan4.weekday() - 1);
        Date::from_days(monday1 + 7 * (i64::from(w) - 1))
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        Date {
            d: days_in_month(self.y, self.m),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn day_counts_round_trip_over_four_centuries() {
        assert_eq!(date(1970, 1, 1).days(), 0);
        assert_eq!(date(2000, 3, 1).days(), 11_017);
        assert_eq!(date(1969, 12, 31).days(), -1);
        let start = date(1800, 1, 1).days();
        let mut expected = date(1800, 1, 1);
        for n in start..start + 146_097 + 400 {
            let d = Date::from_days(n);
            assert_eq!(d, expected);
            assert_eq!(d.days(), n);
            expected = if expected.d < days_in_month(expected.y, expected.m) {
                Date {
                    d: expected.d + 1,
                    ..expected
                }
            } else if expected.m < 12 {
                date(expected.y, expected.m + 1, 1)
            } else {
                date(expected.y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2026));
        assert_eq!(Date::new(2024, 2, 29), Some(date(2024, 2, 29)));
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(2026, 4, 31), None);
        assert_eq!(Date::new(2026, 13, 1), None);
        assert_eq!(Date::new(2026, 1, 0), None);
        assert_eq!(date(2024, 2, 28).plus_days(1), date(2024, 2, 29));
        assert_eq!(date(2026, 2, 28).plus_days(1), date(2026, 3, 1));
    }

    #[test]
    fn weekdays() {
        assert_eq!(date(1970, 1, 1).weekday(), 4);
        assert_eq!(date(2026, 3, 5).weekday(), 4); // Thursday
        assert_eq!(date(2026, 3, 29).weekday(), 7); // Sunday
        assert_eq!(date(2024, 12, 30).weekday(), 1); // Monday
    }

    #[test]
    fn iso_weeks_across_year_boundaries() {
        assert_eq!(date(2020, 12, 31).iso_week(), (2020, 53));
        assert_eq!(date(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(date(2021, 1, 4).iso_week(), (2021, 1));
        assert_eq!(date(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(date(2026, 1, 1).iso_week(), (2026, 1));
        assert_eq!(date(2026, 3, 5).iso_week(), (2026, 10));
        assert_eq!(iso_weeks_in_year(2020), 53);
        assert_eq!(iso_weeks_in_year(2026), 53);
        assert_eq!(iso_weeks_in_year(2025), 52);
        assert_eq!(iso_weeks_in_year(2027), 52);
        assert_eq!(Date::iso_week_monday(2025, 1), date(2024, 12, 30));
        assert_eq!(Date::iso_week_monday(2020, 53), date(2020, 12, 28));
    }
}
