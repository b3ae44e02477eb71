//! The one-line summary of what changed between two restore points.

use kpi_structure::model::{Edit, Lang, ModelField};
use kpi_structure::present::history::change_summary;

mod support;
use support::{coffee, kpi_named};

#[test]
fn one_line_says_what_changed() {
    let a = coffee();
    assert_eq!(change_summary(&a, &a, Lang::En), "No changes");
    assert_eq!(change_summary(&a, &a, Lang::Nl), "Geen wijzigingen");
    let mut b = a.clone();
    let k = kpi_named(&a, "Machines installed on time");
    b.kpis.get_mut(&k).unwrap().target = Some(97.0);
    assert_eq!(
        change_summary(&a, &b, Lang::En),
        "Target of KPI “Machines installed on time”: 95 → 97"
    );
    b.apply(Edit::SetModel {
        field: ModelField::Name("Coffee 2".into()),
    })
    .unwrap();
    b.kpis.get_mut(&k).unwrap().unit = "pct".into();
    let line = change_summary(&a, &b, Lang::En);
    assert!(line.starts_with("3 changes: "), "{line}");
    assert!(line.ends_with("; and 1 more"), "{line}");
    assert!(change_summary(&a, &b, Lang::Nl).ends_with("; en nog 1"));
}
