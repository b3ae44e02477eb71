//! Values as of a month: which period each KPI shows, its status, its trend, the "As of"
//! options; and values through edits, undo and files.

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::steer::{
    as_of_options, default_as_of, latest_value_month, period_as_of, statuses, trend,
};
use kpi_structure::model::*;

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
