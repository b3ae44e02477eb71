//! Periods: the contract's written forms, ISO weeks around New Year, leap years, the period a
//! KPI shows "as of" a month, and the last n periods.

use kpi_structure::model::period::Reason;
use kpi_structure::model::{Date, Frequency, Lang, Period};

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn p(s: &str) -> Period {
    s.parse()
        .unwrap_or_else(|e: kpi_structure::model::PeriodError| panic!("{e}"))
}

#[test]
fn every_kind_round_trips() {
    for s in [
        "2026-03-05",
        "2024-02-29",
        "2026-W09",
        "2020-W53",
        "2026-W53",
        "2026-03",
        "2026-12",
        "2026-Q1",
        "2026-Q4",
        "2026",
        "0999",
    ] {
        assert_eq!(p(s).to_string(), s);
    }
    assert_eq!(
        p("2026-03-05"),
        Period::Day {
            y: 2026,
            m: 3,
            d: 5
        }
    );
    assert_eq!(p("2026-W09"), Period::Week { y: 2026, w: 9 });
    assert_eq!(p("2026-03"), Period::Month { y: 2026, m: 3 });
    assert_eq!(p("2026-Q1"), Period::Quarter { y: 2026, q: 1 });
    assert_eq!(p("2026"), Period::Year { y: 2026 });
    assert_eq!(p(" 2026-w09 "), Period::Week { y: 2026, w: 9 });
    assert_eq!(p("2026-q2"), Period::Quarter { y: 2026, q: 2 });
}

#[test]
fn bad_periods_are_refused_with_a_reason() {
    let reason = |s: &str| Period::parse(s).unwrap_err().reason;
    assert_eq!(reason("2026-W54"), Reason::Week);
    assert_eq!(reason("2025-W53"), Reason::Week); // 2025 has 52 ISO weeks
    assert_eq!(reason("2026-W00"), Reason::Week);
    assert_eq!(reason("2026-13"), Reason::Month);
    assert_eq!(reason("2026-00"), Reason::Month);
    assert_eq!(reason("2026-Q5"), Reason::Quarter);
    assert_eq!(reason("2026-Q0"), Reason::Quarter);
    assert_eq!(reason("2026-02-29"), Reason::Day);
    assert_eq!(reason("2026-04-31"), Reason::Day);
    for s in [
        "",
        "26",
        "2026-3",
        "2026-W9",
        "2026-Q",
        "2026-03-5",
        "March 2026",
        "2026/03",
        "-2026",
    ] {
        assert_eq!(reason(s), Reason::Form, "{s:?}");
    }
    let e = Period::parse("2026-13").unwrap_err();
    assert!(e.message(Lang::En).contains("2026-13"));
    assert!(e.message(Lang::Nl).contains("maand"));
    assert_eq!(e.to_string(), e.message(Lang::En));
}

#[test]
fn iso_weeks_across_year_boundaries() {
    let week = |d: Date| Period::of(Frequency::Weekly, d).unwrap().to_string();
    assert_eq!(week(date(2020, 12, 31)), "2020-W53");
    assert_eq!(week(date(2021, 1, 3)), "2020-W53");
    assert_eq!(week(date(2021, 1, 4)), "2021-W01");
    assert_eq!(week(date(2024, 12, 30)), "2025-W01");
    assert_eq!(week(date(2026, 1, 1)), "2026-W01");
    assert_eq!(p("2025-W01").first_day(), date(2024, 12, 30));
    assert_eq!(p("2020-W53").last_day(), date(2021, 1, 3));
    assert_eq!(p("2020-W53").next(), p("2021-W01"));
    assert_eq!(p("2021-W01").prev(), p("2020-W53"));
    assert_eq!(p("2025-W52").next(), p("2026-W01"));
    assert_eq!(p("2026-W53").next(), p("2027-W01"));
}

#[test]
fn leap_years() {
    assert_eq!(p("2024-02").last_day(), date(2024, 2, 29));
    assert_eq!(p("2026-02").last_day(), date(2026, 2, 28));
    assert_eq!(p("2024-02-28").next(), p("2024-02-29"));
    assert_eq!(p("2024-02-29").next(), p("2024-03-01"));
    assert_eq!(p("2026-03-01").prev(), p("2026-02-28"));
    assert_eq!(p("2000-Q1").last_day(), date(2000, 3, 31));
    assert!(Period::parse("1900-02-29").is_err());
    assert!(Period::parse("2000-02-29").is_ok());
}

#[test]
fn periods_of_each_frequency() {
    let d = date(2026, 3, 5);
    let of = |f| Period::of(f, d).map(|p| p.to_string());
    assert_eq!(of(Frequency::Daily).as_deref(), Some("2026-03-05"));
    assert_eq!(of(Frequency::Weekly).as_deref(), Some("2026-W10"));
    assert_eq!(of(Frequency::Monthly).as_deref(), Some("2026-03"));
    assert_eq!(of(Frequency::Quarterly).as_deref(), Some("2026-Q1"));
    assert_eq!(of(Frequency::Yearly).as_deref(), Some("2026"));
    assert_eq!(of(Frequency::Unset), None);
    assert_eq!(p("2026-Q2").first_day(), date(2026, 4, 1));
    assert_eq!(p("2026-Q2").last_day(), date(2026, 6, 30));
    assert_eq!(p("2026-Q4").next(), p("2027-Q1"));
    assert_eq!(p("2026-12").next(), p("2027-01"));
    assert_eq!(p("2026-01").prev(), p("2025-12"));
    assert_eq!(p("2026").next(), p("2027"));
    assert_eq!(p("2026").prev(), p("2025"));
    assert_eq!(p("2026-12-31").next(), p("2027-01-01"));
}

#[test]
fn latest_period_ending_by_a_month() {
    let at = |f, y, m| Period::latest_ending_by(f, (y, m)).map(|p| p.to_string());
    // 2026-03-31 is a Tuesday; the last Sunday on or before it is 2026-03-29, in week 13.
    assert_eq!(at(Frequency::Weekly, 2026, 3).as_deref(), Some("2026-W13"));
    assert_eq!(p("2026-W13").last_day(), date(2026, 3, 29));
    // 2026-05-31 is a Sunday: its own week ends in the month.
    assert_eq!(at(Frequency::Weekly, 2026, 5).as_deref(), Some("2026-W22"));
    // 2020-12: the week of 31 December ends in January, so the week before it.
    assert_eq!(at(Frequency::Weekly, 2020, 12).as_deref(), Some("2020-W52"));
    // 2021-01: Sunday 31 January 2021 ends week 4.
    assert_eq!(at(Frequency::Weekly, 2021, 1).as_deref(), Some("2021-W04"));
    assert_eq!(at(Frequency::Daily, 2024, 2).as_deref(), Some("2024-02-29"));
    assert_eq!(at(Frequency::Monthly, 2026, 3).as_deref(), Some("2026-03"));
    assert_eq!(
        at(Frequency::Quarterly, 2026, 2).as_deref(),
        Some("2025-Q4")
    );
    assert_eq!(
        at(Frequency::Quarterly, 2026, 3).as_deref(),
        Some("2026-Q1")
    );
    assert_eq!(
        at(Frequency::Quarterly, 2026, 12).as_deref(),
        Some("2026-Q4")
    );
    assert_eq!(at(Frequency::Yearly, 2026, 11).as_deref(), Some("2025"));
    assert_eq!(at(Frequency::Yearly, 2026, 12).as_deref(), Some("2026"));
    assert_eq!(at(Frequency::Unset, 2026, 3), None);
    assert_eq!(at(Frequency::Monthly, 2026, 13), None);
}

#[test]
fn last_n_periods_oldest_first() {
    let last = |f, n| -> Vec<String> {
        Period::last_n(f, (2026, 2), n)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        last(Frequency::Monthly, 3),
        ["2025-12", "2026-01", "2026-02"]
    );
    assert_eq!(last(Frequency::Quarterly, 2), ["2025-Q3", "2025-Q4"]);
    assert_eq!(last(Frequency::Yearly, 2), ["2024", "2025"]);
    // Saturday 2026-02-28 lies in week 9, which ends on 1 March: so weeks 7 and 8.
    assert_eq!(last(Frequency::Weekly, 2), ["2026-W07", "2026-W08"]);
    assert_eq!(last(Frequency::Daily, 2), ["2026-02-27", "2026-02-28"]);
    assert!(last(Frequency::Monthly, 0).is_empty());
    assert!(last(Frequency::Unset, 5).is_empty());
    // A long run stays contiguous.
    let weeks = Period::last_n(Frequency::Weekly, (2026, 3), 300);
    assert_eq!(weeks.len(), 300);
    for pair in weeks.windows(2) {
        assert_eq!(pair[0].next(), pair[1]);
        assert_eq!(pair[0].last_day().plus_days(1), pair[1].first_day());
    }
}

/// `next` and `prev` step months, quarters and years by arithmetic: each must be the period
/// of the same kind that contains the day after its last day (before its first day), as the
/// calendar says, across year ends, in every year from 0001 to 9998.
#[test]
fn next_and_prev_agree_with_the_calendar() {
    use kpi_structure::model::PeriodKind;
    let by_calendar = |p: Period, step: i64| -> Period {
        let day = if step > 0 {
            p.last_day().plus_days(1)
        } else {
            p.first_day().plus_days(-1)
        };
        p.kind().containing(day)
    };
    let mut checked = 0;
    for y in (1..9999)
        .step_by(7)
        .chain([1, 2023, 2024, 2025, 2026, 9998])
    {
        let periods = (1..=12)
            .map(|m| Period::Month { y, m })
            .chain((1..=4).map(|q| Period::Quarter { y, q }))
            .chain([Period::Year { y }])
            .chain(
                [date(y, 1, 1), date(y, 12, 31), date(y, 2, 28)]
                    .map(|d| PeriodKind::Week.containing(d)),
            )
            .chain([
                Period::Day { y, m: 12, d: 31 },
                Period::Day { y, m: 1, d: 1 },
            ]);
        for p in periods {
            assert_eq!(p.next(), by_calendar(p, 1), "next of {p}");
            assert_eq!(p.prev(), by_calendar(p, -1), "prev of {p}");
            assert_eq!(p.next().prev(), p, "{p}");
            checked += 1;
        }
    }
    assert!(checked > 20_000, "{checked}");
}
