//! Values as of a month: which period each KPI shows, its status, its trend, the "As of"
//! options; and values through edits, undo and files.

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::steer::{
    as_of_options, completeness, default_as_of, latest_value_month, month_of, period_as_of,
    prev_month, statuses, trend, Completeness, REPORTING_MONTHS,
};
use kpi_structure::model::*;
use proptest::prelude::*;

fn kpi(freq: Frequency) -> Kpi {
    let mut k = Kpi::new(
        Id::new("k"),
        "Installed on time",
        Attach::Result { goal: Id::new("g") },
    );
    k.frequency = freq;
    k.direction = Direction::Higher;
    k.target = Some(95.0);
    k.red = Some(90.0);
    k
}

fn month(y: i32, m: u32) -> Period {
    Period::Month { y, m }
}

#[test]
fn each_frequency_shows_its_latest_period_ending_by_the_month() {
    let as_of = (2026, 2);
    assert_eq!(
        period_as_of(&kpi(Frequency::Monthly), as_of),
        Some(month(2026, 2))
    );
    assert_eq!(
        period_as_of(&kpi(Frequency::Quarterly), as_of),
        Some(Period::Quarter { y: 2025, q: 4 })
    );
    assert_eq!(
        period_as_of(&kpi(Frequency::Yearly), as_of),
        Some(Period::Year { y: 2025 })
    );
    // February 2026 ends on a Saturday: the week of Sunday 22 February is 2026-W08.
    assert_eq!(
        period_as_of(&kpi(Frequency::Weekly), as_of),
        Some(Period::Week { y: 2026, w: 8 })
    );
    assert_eq!(period_as_of(&kpi(Frequency::Unset), as_of), None);
}

#[test]
fn status_follows_the_value_of_the_as_of_period() {
    let mut k = kpi(Frequency::Monthly);
    k.values.set(month(2026, 1), Some(96.0));
    k.values.set(month(2026, 2), Some(89.0));
    assert_eq!(status_as_of(&k, (2026, 1)), Status::OnTarget);
    assert_eq!(status_as_of(&k, (2026, 2)), Status::OffTarget);
    assert_eq!(status_as_of(&k, (2026, 3)), Status::NoValue);
    k.target = None;
    assert_eq!(status_as_of(&k, (2026, 2)), Status::NoNorm);
}

#[test]
fn trend_gives_the_last_periods_with_gaps() {
    let mut k = kpi(Frequency::Monthly);
    k.values.set(month(2025, 12), Some(1.0));
    k.values.set(month(2026, 2), Some(3.0));
    let t = trend(&k, (2026, 2), 3);
    assert_eq!(
        t,
        vec![
            (month(2025, 12), Some(1.0)),
            (month(2026, 1), None),
            (month(2026, 2), Some(3.0))
        ]
    );
}

#[test]
fn as_of_defaults_to_the_latest_month_with_a_value() {
    let mut m = Model::default();
    m.kpis.insert(Id::new("k"), kpi(Frequency::Quarterly));
    assert_eq!(default_as_of(&m, (2026, 12)), (2026, 12));
    m.kpis[0]
        .values
        .set(Period::Quarter { y: 2026, q: 1 }, Some(1.0));
    assert_eq!(latest_value_month(&m), Some((2026, 3)));
    assert_eq!(default_as_of(&m, (2026, 12)), (2026, 3));
    assert_eq!(statuses(&m, (2026, 3))[&Id::new("k")], Status::OffTarget);
}

#[test]
fn as_of_offers_36_months_and_later_months_with_values() {
    let o = as_of_options(None, (2026, 12));
    assert_eq!(o.len(), 36);
    assert_eq!(o[0], (2026, 12));
    assert_eq!(o[35], (2024, 1));
    let o = as_of_options(Some((2027, 2)), (2026, 12));
    assert_eq!(&o[..3], &[(2027, 2), (2027, 1), (2026, 12)]);
    assert_eq!(o.len(), 38);
}

#[test]
fn set_value_undoes_exactly_and_touches_only_that_kpis_values() {
    let mut m = large_model(2, 10);
    let id = m.kpis.keys().next().unwrap().clone();
    let before = m.clone();
    let mut h = History::new(100);
    let edit = Edit::SetValue {
        kpi: id.clone(),
        period: month(2026, 3),
        value: Some(92.5),
    };
    let touched = h.apply_touched(&mut m, edit, false).unwrap();
    assert_eq!(
        touched.iter().collect::<Vec<_>>(),
        vec![&Topic::Values(id.clone())]
    );
    assert_eq!(m.kpis[&id].values.get(&month(2026, 3)), Some(92.5));
    h.undo_touched(&mut m);
    assert_eq!(m, before);
    let refused = m.apply(Edit::SetValue {
        kpi: id,
        period: month(2026, 3),
        value: Some(f64::NAN),
    });
    assert!(refused.is_err());
}

#[test]
fn values_and_comments_survive_export_and_import() {
    let mut m = large_model(2, 10);
    let id = m.kpis.keys().nth(3).unwrap().clone();
    for (i, mo) in [1, 2, 3, 5, 12].into_iter().enumerate() {
        m.apply(Edit::SetValue {
            kpi: id.clone(),
            period: month(2026, mo),
            value: Some(90.0 + i as f64 / 2.0),
        })
        .unwrap();
    }
    m.apply(Edit::SetComment {
        kpi: id.clone(),
        period: month(2026, 3),
        comment: "Summer holidays: two fitters off".into(),
    })
    .unwrap();
    let json = export_json(&m);
    assert!(
        json.contains(r#""2026-01": ["#) || json.contains(r#""2026-01":["#),
        "{json}"
    );
    let back = import_json(&json).unwrap().model;
    assert_eq!(back.kpis[&id].values, m.kpis[&id].values);
    assert_eq!(back.kpis[&id].comments, m.kpis[&id].comments);
}

#[test]
fn a_bad_value_in_a_file_is_reported_with_its_path() {
    let mut m = large_model(1, 3);
    let id = m.kpis.keys().next().unwrap().clone();
    m.apply(Edit::SetValue {
        kpi: id,
        period: month(2026, 1),
        value: Some(1.0),
    })
    .unwrap();
    let json = export_json(&m).replace("\"2026-01\"", "\"2026-13\"");
    let err = import_json(&json).unwrap_err();
    let text = format!("{err:?}");
    assert!(text.contains("values.2026-13"), "{text}");
}

/// A model of `n` KPIs at `freq`, named k0, k1, ….
fn model_of(n: usize, freq: Frequency) -> Model {
    let mut m = Model::default();
    for i in 0..n {
        let mut k = kpi(freq);
        k.id = Id::new(format!("k{i}"));
        m.kpis.insert(k.id.clone(), k);
    }
    m
}

/// Gives KPI `i` a value for every month from `from` to `to`.
fn fill(m: &mut Model, i: usize, from: Month, to: Month) {
    let mut mo = to;
    while mo >= from {
        m.kpis[i].values.set(month(mo.0, mo.1), Some(95.0));
        mo = prev_month(mo);
    }
}

const TODAY: Month = (2026, 12);

/// Issue 20: one December value typed while the others report later keeps the model opening
/// at November, where every KPI has its value.
#[test]
fn one_early_value_does_not_move_as_of_past_the_month_the_team_reported() {
    let mut m = model_of(18, Frequency::Monthly);
    for i in 0..18 {
        fill(&mut m, i, (2026, 1), (2026, 11));
    }
    m.kpis[0].values.set(month(2026, 12), Some(96.0));
    assert_eq!(latest_value_month(&m), Some((2026, 12)));
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
    let dec = completeness(&m, (2026, 12));
    assert_eq!(
        dec,
        Completeness {
            month: (2026, 12),
            with_value: 1,
            kpis: 18
        }
    );
    assert_eq!(dec.text(Lang::En), "1 of 18 KPIs have a value for 2026-12");
    assert_eq!(
        dec.text(Lang::Nl),
        "1 van 18 KPI's hebben een waarde voor 2026-12"
    );
    assert_eq!(
        completeness(&m, (2026, 11)).text(Lang::En),
        "18 of 18 KPIs have a value for 2026-11"
    );
    // Once half of the team has reported December, the model opens there.
    for i in 1..9 {
        m.kpis[i].values.set(month(2026, 12), Some(96.0));
    }
    assert_eq!(completeness(&m, (2026, 12)).with_value, 9);
    assert_eq!(default_as_of(&m, TODAY), (2026, 12));
    m.kpis[8].values.set(month(2026, 12), None);
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
}

/// KPIs that stopped reporting more than [`REPORTING_MONTHS`] before a month do not hold it
/// back; a KPI that reported within them does.
#[test]
fn only_kpis_that_reported_in_the_year_before_count() {
    assert_eq!(REPORTING_MONTHS, 12);
    let mut m = model_of(6, Frequency::Monthly);
    for i in 0..4 {
        fill(&mut m, i, (2024, 1), (2025, 10));
    }
    fill(&mut m, 4, (2026, 1), (2026, 11));
    fill(&mut m, 5, (2026, 1), (2026, 11));
    m.kpis[4].values.set(month(2026, 12), Some(1.0));
    // As of 2026-12 the KPIs last measured in 2025-10 are 14 months old: two report, one has
    // a value. As of 2026-11 they are 13 months old.
    assert_eq!(default_as_of(&m, TODAY), (2026, 12));
    // One of them measured in 2025-12 (12 months before): three report, one has a value.
    m.kpis[0].values.set(month(2025, 12), Some(1.0));
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
    // All six count in the completeness line, whatever they report.
    assert_eq!(completeness(&m, (2026, 12)).kpis, 6);
}

/// The first month ever filled in counts on its own; no value at all, or none shown as of
/// any month, gives today's month.
#[test]
fn a_first_month_counts_and_without_values_it_is_today() {
    let mut m = model_of(3, Frequency::Monthly);
    assert_eq!(default_as_of(&m, TODAY), TODAY);
    m.kpis[1].values.set(month(2026, 3), Some(1.0));
    assert_eq!(default_as_of(&m, TODAY), (2026, 3));
    // A weekly KPI whose only value is a week that is not the last of its month shows it as
    // of no month (2026-03 shows 2026-W13, the week of Sunday 29 March).
    let mut w = model_of(1, Frequency::Weekly);
    w.kpis[0]
        .values
        .set(Period::Week { y: 2026, w: 10 }, Some(1.0));
    assert_eq!(completeness(&w, (2026, 3)).with_value, 0);
    assert_eq!(default_as_of(&w, TODAY), TODAY);
    w.kpis[0]
        .values
        .set(Period::Week { y: 2026, w: 13 }, Some(1.0));
    assert_eq!(default_as_of(&w, TODAY), (2026, 3));
}

/// A quarterly or yearly KPI has a value for a month when it has one for the period it shows
/// as of that month: its latest quarter or year that ends by the month's end.
#[test]
fn quarterly_and_yearly_kpis_count_the_period_they_show() {
    let mut m = model_of(3, Frequency::Monthly);
    m.kpis[1].frequency = Frequency::Quarterly;
    m.kpis[2].frequency = Frequency::Yearly;
    m.kpis[2].values.set(Period::Year { y: 2025 }, Some(1.0));
    m.kpis[1]
        .values
        .set(Period::Quarter { y: 2026, q: 3 }, Some(1.0));
    let with = |m: &Model, mo: Month| completeness(m, mo).with_value;
    // 2026-10 and 2026-11 show 2026-Q3 and 2025; 2026-12 shows 2026-Q4 and 2026.
    assert_eq!(with(&m, (2026, 9)), 2);
    assert_eq!(with(&m, (2026, 11)), 2);
    assert_eq!(with(&m, (2026, 12)), 0);
    assert_eq!(with(&m, (2026, 8)), 1);
    // The latest month with a value is 2026-09 (Q3 ends then): the model opens there.
    assert_eq!(default_as_of(&m, TODAY), (2026, 9));
    // The monthly KPI reports 2026-11: as of 2026-11 all three have a value.
    fill(&mut m, 0, (2026, 1), (2026, 11));
    assert_eq!(with(&m, (2026, 11)), 3);
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
    // A KPI without a frequency counts among the KPIs but never has a value.
    m.kpis[0].frequency = Frequency::Unset;
    assert_eq!(
        completeness(&m, (2026, 11)),
        Completeness {
            month: (2026, 11),
            with_value: 2,
            kpis: 3
        }
    );
}

/// A yearly KPI shows its year for the 12 months from its December: after a month that
/// falls short, the months with nothing ending in them are skipped up to the November after
/// the year, not past it.
#[test]
fn a_yearly_value_is_found_11_months_after_its_year() {
    let mut m = model_of(2, Frequency::Yearly);
    m.kpis[0].values.set(Period::Year { y: 2024 }, Some(1.0));
    // A weekly KPI's only value, a week that is not the last of 2026-06: that month falls short.
    m.kpis[1].frequency = Frequency::Weekly;
    m.kpis[1]
        .values
        .set(Period::Week { y: 2026, w: 24 }, Some(1.0));
    assert_eq!(latest_value_month(&m), Some((2026, 6)));
    // 2025-12 shows the year 2025 (none); 2025-11 shows 2024.
    assert_eq!(default_as_of(&m, TODAY), (2025, 11));
}

#[test]
fn on_3000_kpis_with_36_months_it_opens_at_the_last_month() {
    let mut m = large_model_with_values(200, 3000, 36, (2026, 11));
    let start = std::time::Instant::now();
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
    let open = start.elapsed();
    let start = std::time::Instant::now();
    assert_eq!(completeness(&m, (2026, 11)).with_value, 3000);
    let line = start.elapsed();
    // A few December values: still November.
    for i in 0..100 {
        m.kpis[i].values.set(month(2026, 12), Some(1.0));
    }
    let start = std::time::Instant::now();
    assert_eq!(default_as_of(&m, TODAY), (2026, 11));
    let open_past_december = start.elapsed();
    eprintln!("3,000 KPIs: default_as_of {open:?} ({open_past_december:?} past one month), completeness {line:?}");
}

/// The rule written out directly: every month from the latest month with a value down to
/// the earliest, the KPIs with a value for a period ending in it or the 12 months before
/// it, and of them those with a value as of it.
fn reference(m: &Model, today: Month) -> Month {
    let ends: Vec<Month> = m
        .kpis
        .values()
        .flat_map(|k| k.values.iter().map(|(p, _)| month_of(*p)))
        .collect();
    let (Some(&latest), Some(&earliest)) = (ends.iter().max(), ends.iter().min()) else {
        return today;
    };
    let mut mo = latest;
    while mo >= earliest {
        let mut from = mo;
        for _ in 0..12 {
            from = prev_month(from);
        }
        let reporting = m
            .kpis
            .values()
            .filter(|k| {
                k.values
                    .iter()
                    .any(|(p, _)| (from..=mo).contains(&month_of(*p)))
            })
            .count();
        let with = m
            .kpis
            .values()
            .filter(|k| value_as_of(k, mo).is_some())
            .count();
        if reporting > 0 && 2 * with >= reporting {
            return mo;
        }
        mo = prev_month(mo);
    }
    today
}

const FREQS: [Frequency; 6] = [
    Frequency::Unset,
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Monthly,
    Frequency::Quarterly,
    Frequency::Yearly,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// `default_as_of` (which skips months that cannot have a value) gives what the rule
    /// says, on KPIs of every frequency whose values may be of another kind (a frequency
    /// changed), spread over four years; and as of it at least half of the KPIs that report
    /// have a value, as the completeness line counts.
    #[test]
    fn default_as_of_follows_the_rule(
        kpis in prop::collection::vec(
            (0usize..6, prop::collection::vec((0usize..6, 0i64..1461), 0..12)),
            1..8,
        ),
    ) {
        let mut m = Model::default();
        let start = Date::new(2024, 1, 1).unwrap();
        for (i, (freq, values)) in kpis.iter().enumerate() {
            let mut k = kpi(FREQS[*freq]);
            k.id = Id::new(format!("k{i}"));
            for (kind, day) in values {
                // Mostly the KPI's own kind; now and then another.
                let f = if *kind == 0 { FREQS[(*freq % 5) + 1] } else { FREQS[*freq] };
                if let Some(p) = Period::of(f, start.plus_days(*day)) {
                    k.values.set(p, Some(1.0));
                }
            }
            m.kpis.insert(k.id.clone(), k);
        }
        let got = default_as_of(&m, TODAY);
        prop_assert_eq!(got, reference(&m, TODAY));
        // The completeness line counts the KPIs whose trend ends with a value.
        let c = completeness(&m, got);
        prop_assert_eq!(c.kpis, m.kpis.len());
        let shown = m
            .kpis
            .values()
            .filter(|k| trend(k, got, 1).last().is_some_and(|(_, v)| v.is_some()))
            .count();
        prop_assert_eq!(c.with_value, shown);
    }
}
