//! The shipped templates carry a year of values up to 2026-11 that a consultant can demo
//! (written by `examples/template_values.py`): every KPI has values, EN and NL hold the same
//! numbers, and as of 2026-11 each template shows most KPIs on target, some at risk and some
//! off target, with statuses that moved over the year.

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::steer::status_as_of;
use kpi_structure::model::{Model, Status};

const TEMPLATES: [&str; 4] = [
    "coffee-machines",
    "order-to-cash",
    "source-to-pay",
    "issue-to-resolution",
];
const NOVEMBER: (i32, u32) = (2026, 11);

fn open(file: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/templates")
        .join(file);
    let text = std::fs::read_to_string(&path).expect(file);
    let imported = import_json(&text).expect(file);
    assert!(imported.warnings.is_empty(), "{file}");
    imported.model
}

fn count(m: &Model, month: (i32, u32), status: Status) -> usize {
    m.kpis
        .values()
        .filter(|k| status_as_of(k, month) == status)
        .count()
}

#[test]
fn every_template_kpi_has_a_year_of_values_equal_in_both_languages() {
    for t in TEMPLATES {
        let en = open(&format!("{t}.en.kpi.json"));
        let nl = open(&format!("{t}.nl.kpi.json"));
        for (e, n) in en.kpis.values().zip(nl.kpis.values()) {
            assert!(e.values.len() >= 4, "{t}: {} has no year of values", e.name);
            assert_eq!(e.values, n.values, "{t}: {} / {}", e.name, n.name);
            assert_eq!(
                e.comments.keys().collect::<Vec<_>>(),
                n.comments.keys().collect::<Vec<_>>(),
                "{t}: {} comments on the same periods",
                e.name
            );
            for (a, b) in e.comments.values().zip(n.comments.values()) {
                assert_ne!(a, b, "{t}: {} comments are translated", e.name);
            }
        }
        assert!(
            en.kpis.values().any(|k| !k.comments.is_empty()),
            "{t} has comments"
        );
    }
}

#[test]
fn as_of_november_2026_each_template_shows_a_mix_of_statuses() {
    for t in TEMPLATES {
        for lang in ["en", "nl"] {
            let m = open(&format!("{t}.{lang}.kpi.json"));
            let on = count(&m, NOVEMBER, Status::OnTarget);
            let risk = count(&m, NOVEMBER, Status::AtRisk);
            let off = count(&m, NOVEMBER, Status::OffTarget);
            assert_eq!(
                on + risk + off,
                m.kpis.len(),
                "{t}.{lang}: every KPI has a value"
            );
            assert!(on > m.kpis.len() / 2, "{t}.{lang}: mostly on target ({on})");
            assert!(
                risk >= 1 && off >= 1,
                "{t}.{lang}: {risk} at risk, {off} off target"
            );
        }
    }
}

#[test]
fn statuses_move_over_the_year() {
    for t in TEMPLATES {
        let m = open(&format!("{t}.en.kpi.json"));
        let months = (1..=11).map(|mo| (2026, mo)).chain([(2025, 12)]);
        let off: usize = months.map(|mo| count(&m, mo, Status::OffTarget)).sum();
        let changed = m.kpis.values().filter(|k| {
            let a = status_as_of(k, (2026, 1));
            (2..=11).any(|mo| status_as_of(k, (2026, mo)) != a)
        });
        assert!(off >= 4, "{t}: off target in several months ({off})");
        assert!(changed.count() >= 3, "{t}: several KPIs change status");
    }
}

#[test]
fn coffee_machines_tells_the_summer_story() {
    let m = open("coffee-machines.en.kpi.json");
    let k = |name: &str| m.kpis.values().find(|k| k.name == name).expect(name);
    let on_time = k("Machines installed on time");
    assert_eq!(status_as_of(on_time, (2026, 6)), Status::OnTarget);
    assert_eq!(status_as_of(on_time, (2026, 8)), Status::OffTarget);
    assert_eq!(status_as_of(on_time, (2026, 10)), Status::OnTarget);
    let satisfaction = k("Customer satisfaction");
    assert_eq!(status_as_of(satisfaction, (2026, 6)), Status::OnTarget); // Q2
    assert_eq!(status_as_of(satisfaction, (2026, 9)), Status::AtRisk); // Q3
    assert!(on_time
        .comments
        .values()
        .any(|c| c.contains("Summer holidays")));
}
