//! Checks 13 to 15 (steering, as of a month): a KPI with a norm but no value for its period,
//! thresholds that contradict the direction, and "on target while most drivers are off
//! target". Built on the Coffee machines template with its values removed (on which none of
//! the fifteen checks fires), in English and Dutch.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::*;

const MARCH: Month = (2026, 3);

fn template(file: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/templates")
        .join(file);
    let text = std::fs::read_to_string(&path).expect(file);
    let mut m = import_json(&text).expect(file).model;
    for k in m.kpis.values_mut() {
        k.values = Series::default();
        k.comments = Comments::new();
    }
    m
}

fn coffee() -> Model {
    template("coffee-machines.en.kpi.json")
}

fn kpi<'m>(m: &'m mut Model, name: &str) -> &'m mut Kpi {
    m.kpis.values_mut().find(|k| k.name == name).expect(name)
}

fn set(m: &mut Model, name: &str, period: &str, v: f64) {
    let p = Period::parse(period).unwrap();
    kpi(m, name).values.set(p, Some(v));
}

/// The findings of checks 13-15 as of `month`, each with an English and a Dutch message.
fn steering(m: &Model, month: Month) -> Vec<Finding> {
    let f: Vec<Finding> = check_as_of(m, month)
        .into_iter()
        .filter(|f| (13..=15).contains(&f.kind.number()))
        .collect();
    for finding in &f {
        let en = finding.message(m, Lang::En);
        let nl = finding.message(m, Lang::Nl);
        assert!(!en.is_empty() && !nl.is_empty() && en != nl, "{en} / {nl}");
        assert_eq!(finding.severity, finding.kind.severity());
    }
    f
}

fn messages(m: &Model, f: &[Finding], lang: Lang) -> Vec<String> {
    f.iter().map(|f| f.message(m, lang)).collect()
}

#[test]
fn a_model_without_values_keeps_the_twelve_checks_output() {
    for file in [
        "coffee-machines.en.kpi.json",
        "order-to-cash.nl.kpi.json",
        "source-to-pay.en.kpi.json",
        "issue-to-resolution.nl.kpi.json",
    ] {
        let m = template(file);
        assert!(check(&m).is_empty(), "{file}");
        assert!(check_as_of(&m, MARCH).is_empty(), "{file}");
    }
    let big = large_model(200, 3000);
    let all = check_as_of(&big, MARCH);
    assert_eq!(all, check(&big));
    // Without values the steering checks (13-15) find nothing.
    assert!(all.iter().all(|f| !(13..=15).contains(&f.kind.number())));
    // The generated model's findings per check, as before checks 13-15 existed.
    let per_check: Vec<usize> = (1..=18)
        .map(|n| all.iter().filter(|f| f.kind.number() == n).count())
        .collect();
    assert_eq!(per_check, BIG_FINDINGS);
}

/// Findings of `large_model(200, 3000)` per check 1..=18 (1-12 measured with the twelve
/// checks; 16: the chains with 1 chain KPI measure one value only; 17: no chain of it has a
/// handover KPI).
const BIG_FINDINGS: [usize; 18] = [
    28, 22, 15, 0, 0, 0, 0, 0, 0, 600, 200, 0, 0, 0, 0, 22, 200, 0,
];

#[test]
fn check_13_fires_for_each_kpi_with_a_norm_but_no_value_in_its_period() {
    let mut m = coffee();
    set(&mut m, "Machines installed on time", "2026-03", 96.0);
    let f = steering(&m, MARCH);
    // Every other KPI (all 21 have a norm) misses its value; the one with a value does not.
    assert_eq!(f.len(), 20, "{f:?}");
    assert!(f.iter().all(|f| f.kind.number() == 13));
    assert!(f.iter().all(|f| f.severity == Severity::Info));
    let en = messages(&m, &f, Lang::En);
    assert!(!en.iter().any(|t| t.contains("Machines installed on time")));
    assert!(en.contains(&"Result KPI “Customer satisfaction” has no value for 2026-Q1.".into()));
    assert!(
        en.contains(&"Chain KPI “Installed right the first time” has no value for 2026-03.".into())
    );
    // A weekly KPI: the ISO week of the month's last Sunday (2026-03-29).
    assert!(en.contains(
        &"Chain KPI “Supplies delivered complete and on time” has no value for 2026-W13.".into()
    ));
    let nl = messages(&m, &f, Lang::Nl);
    assert!(nl.contains(
        &"Keten-KPI “Installed right the first time” heeft geen waarde voor 2026-03.".into()
    ));

    // A value in another month does not count; as of that month it does.
    assert_eq!(steering(&m, (2026, 4)).len(), 21);
    // A KPI without a norm is not asked for a value.
    kpi(&mut m, "Operating margin").target = None;
    assert_eq!(steering(&m, MARCH).len(), 19);
}

#[test]
fn check_13_names_the_month_when_the_kpi_has_no_frequency() {
    let mut m = coffee();
    set(&mut m, "Machines installed on time", "2026-03", 96.0);
    kpi(&mut m, "Operating margin").frequency = Frequency::Unset;
    let f = steering(&m, MARCH);
    let t = Target::Kpi(kpi(&mut m, "Operating margin").id.clone());
    let one = f.iter().find(|f| f.target == t).unwrap();
    assert_eq!(
        one.kind,
        CheckKind::KpiNoValue {
            period: None,
            as_of: MARCH
        }
    );
    assert_eq!(
        one.message(&m, Lang::En),
        "Result KPI “Operating margin” has no value as of 2026-03: it has no frequency."
    );
    assert_eq!(
        one.message(&m, Lang::Nl),
        "Resultaat-KPI “Operating margin” heeft geen waarde per 2026-03: er is geen frequentie."
    );
}

#[test]
fn check_14_fires_when_thresholds_contradict_the_direction() {
    let mut m = coffee();
    // Equal target and red (no at-risk zone) is allowed.
    kpi(&mut m, "Fixed on the first visit").red = Some(90.0);
    assert!(check(&m).is_empty());
    kpi(&mut m, "Fixed on the first visit").red = Some(92.0);
    kpi(&mut m, "Repeat breakdowns").red = Some(2.0);
    let f = steering(&m, MARCH);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(
        f[0].kind,
        CheckKind::NormContradiction {
            contradiction: Contradiction::RedAboveTarget
        }
    );
    assert_eq!(
        messages(&m, &f, Lang::En),
        [
            "Chain KPI “Fixed on the first visit”: Higher is better, yet the red threshold is \
             above the target.",
            "Chain KPI “Repeat breakdowns”: Lower is better, yet the red threshold is below the \
             target.",
        ]
    );
    assert_eq!(
        messages(&m, &f, Lang::Nl)[0],
        "Keten-KPI “Fixed on the first visit”: Hoger is beter, maar de rode grens ligt boven de \
         norm."
    );
    // It needs no value and no "As of": the plain check finds it too.
    assert_eq!(check(&m), f);
}

/// Customer satisfaction (quarterly, on target at 9+) and the seven chain KPIs that drive
/// it, each with a value as of 2026-03; `off` of them off target, the others on target.
fn satisfaction_with_drivers_off(off: usize) -> Model {
    let mut m = coffee();
    set(&mut m, "Customer satisfaction", "2026-Q1", 9.2);
    let drivers = [
        ("Machines installed on time", "2026-03", 96.0, 80.0),
        ("Installed right the first time", "2026-03", 99.0, 90.0),
        (
            "Supplies delivered complete and on time",
            "2026-W13",
            99.0,
            90.0,
        ),
        ("Customers run out of supplies", "2026-03", 0.0, 6.0),
        ("Machine working within 24 hours", "2026-W13", 97.0, 80.0),
        ("Fixed on the first visit", "2026-03", 92.0, 70.0),
    ];
    for (i, (name, period, good, bad)) in drivers.into_iter().enumerate() {
        set(&mut m, name, period, if i < off { bad } else { good });
    }
    m
}

#[test]
fn check_15_warns_when_a_kpi_is_on_target_but_most_drivers_are_off() {
    // Six drivers of Customer satisfaction; four off target is most of them.
    let m = satisfaction_with_drivers_off(4);
    let f: Vec<Finding> = steering(&m, MARCH)
        .into_iter()
        .filter(|f| f.kind.number() == 15)
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message(&m, Lang::En),
        "Result KPI “Customer satisfaction” is on target, but most KPIs that drive it are off \
         target: the result may drop."
    );
    assert_eq!(
        f[0].message(&m, Lang::Nl),
        "Resultaat-KPI “Customer satisfaction” staat op norm, maar de meeste KPI's die hem \
         sturen staan buiten norm: het resultaat kan dalen."
    );
    // As of another month nothing is measured: no warning.
    assert!(!steering(&m, (2026, 6))
        .iter()
        .any(|f| f.kind.number() == 15));
    // The plain check reads as of the latest month with a value (2026-03).
    assert!(check(&m).iter().any(|f| f.kind.number() == 15));
}

#[test]
fn check_15_is_quiet_when_half_or_fewer_drivers_are_off_or_the_kpi_is_not_on_target() {
    let m = satisfaction_with_drivers_off(3); // 3 of 6: not most
    assert!(!steering(&m, MARCH).iter().any(|f| f.kind.number() == 15));
    let mut m = satisfaction_with_drivers_off(6);
    set(&mut m, "Customer satisfaction", "2026-Q1", 8.0); // off target itself
    assert!(!steering(&m, MARCH).iter().any(|f| f.kind.number() == 15));
}

#[test]
fn the_steering_findings_come_after_the_twelve_in_check_order() {
    let mut m = satisfaction_with_drivers_off(5);
    kpi(&mut m, "Repeat breakdowns").red = Some(2.0);
    m.chains[0].owner.clear(); // check 1
    let numbers: Vec<u8> = check_as_of(&m, MARCH)
        .iter()
        .map(|f| f.kind.number())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    assert_eq!(numbers, sorted);
    for n in [1, 13, 14, 15] {
        assert!(numbers.contains(&n), "check {n} in {numbers:?}");
    }
}
