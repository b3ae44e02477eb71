//! Differences between two copies of a model, in words, grouped by chain.

use kpi_structure::model::compare::differences;
use kpi_structure::model::*;
use kpi_structure::present::compare::grouped;

mod support;
use support::{coffee, kpi_named};

#[test]
fn a_consultant_reads_what_changed_grouped_by_chain() {
    let a = coffee();
    let mut b = a.clone();
    let on_time = kpi_named(&b, "Machines installed on time");
    b.apply(Edit::SetKpi {
        id: on_time.clone(),
        field: KpiField::Target(Some(97.0)),
    })
    .unwrap();
    let chain = b
        .chains
        .values()
        .find(|c| c.name == "New coffee machine")
        .unwrap()
        .id
        .clone();
    let planning = b.chains[&chain]
        .links
        .iter()
        .find(|l| l.name == "Planning")
        .unwrap()
        .id
        .clone();
    b.apply(Edit::MoveLink {
        chain: chain.clone(),
        link: planning,
        to: 0,
    })
    .unwrap();
    b.apply(Edit::SetValue {
        kpi: on_time.clone(),
        period: Period::Month { y: 2026, m: 11 },
        value: Some(99.0),
    })
    .unwrap();
    let parts = kpi_named(&b, "Right parts in the van");
    b.apply(Edit::DeleteKpi { id: parts }).unwrap();
    let d = differences(&a, &b);
    let groups = grouped(&d, &a, &b, Lang::En);
    let all: Vec<&String> = groups.iter().flat_map(|g| &g.lines).collect();
    let has = |s: &str| all.iter().any(|l| l.as_str() == s);
    assert!(
        has("Target of KPI “Machines installed on time”: 95 → 97"),
        "{all:#?}"
    );
    assert!(has("Link “Planning” moved from 2nd to 1st"), "{all:#?}");
    assert!(
        has("Value of “Machines installed on time”, 2026-11: 97.5 → 99"),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|l| l.starts_with("KPI “Right parts in the van” removed")),
        "{all:#?}"
    );
    assert_eq!(all.len(), 4, "{all:#?}");
    let g = groups
        .iter()
        .find(|g| g.title == "Chain “New coffee machine”")
        .unwrap();
    assert!(g.lines.iter().any(|l| l.contains("Planning")));
    let nl = grouped(&d, &a, &b, Lang::Nl);
    assert!(
        nl.iter()
            .flat_map(|g| &g.lines)
            .any(|l| l == "Norm van KPI “Machines installed on time”: 95 → 97"),
        "{nl:#?}"
    );
    assert!(differences(&a, &a).is_empty());
}

#[test]
fn a_conflict_says_what_and_each_copys_value_in_both_languages() {
    use kpi_structure::model::merge::merge;
    use kpi_structure::present::compare::conflict_text;
    let base = coffee();
    let k = kpi_named(&base, "Machines installed on time");
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.kpis.get_mut(&k).unwrap().target = Some(97.0);
    theirs.kpis.get_mut(&k).unwrap().target = Some(96.5);
    let m = merge(Some(&base), &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let en = conflict_text(&m.conflicts[0], &mine, &theirs, Lang::En);
    assert_eq!(en.what, "Target of KPI “Machines installed on time”");
    assert_eq!((en.mine.as_str(), en.theirs.as_str()), ("97", "96.5"));
    let nl = conflict_text(&m.conflicts[0], &mine, &theirs, Lang::Nl);
    assert_eq!(nl.what, "Norm van KPI “Machines installed on time”");
    assert_eq!(nl.theirs, "96,5");
}

#[test]
fn a_changed_field_is_named_as_the_inspector_names_it() {
    use kpi_structure::model::compare::{Difference, Subject};
    use kpi_structure::model::fields::KPI_FIELDS;
    use kpi_structure::present::compare::describe;
    let m = coffee();
    let k = m.kpis.keys().next().unwrap().clone();
    for f in KPI_FIELDS.iter().filter(|f| f.key != "name") {
        let d = Difference::Field {
            subject: Subject::Kpi(k.clone()),
            field: f.key.to_string(),
            old: None,
            new: Some(serde_json::json!("x")),
        };
        for (lang, label) in [(Lang::En, f.en), (Lang::Nl, f.nl)] {
            let line = describe(&d, &m, &m, lang);
            assert!(line.starts_with(label), "{line}");
        }
    }
}
