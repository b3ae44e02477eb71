//! The method in depth (issue 22): handovers between links and their rule, checks 16-18
//! (customer and internal value, a handover KPI, chain owners in the management team), and
//! version-2 files opening as version 3.

use std::path::Path;

use kpi_structure::format::{export_json, import_json, CURRENT_VERSION};
use kpi_structure::model::handover::{between, handover_name, shown};
use kpi_structure::model::*;

fn read(dir: &str, file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(file);
    std::fs::read_to_string(&path).expect(file)
}

fn coffee() -> Model {
    import_json(&read("public/templates", "coffee-machines.en.kpi.json"))
        .unwrap()
        .model
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// The first chain of the coffee template, "New coffee machine": Sales or Online (l1),
/// Planning (l2), Logistics (l3), Service (l4), Finance (l5); its handover KPI "Complete
/// orders handed over" is at the handover after l1.
const C1: &str = "c1";

fn handed_over(m: &Model) -> &Kpi {
    m.kpis
        .values()
        .find(|k| k.name == "Complete orders handed over")
        .unwrap()
}

fn numbers(m: &Model) -> Vec<u8> {
    check(m).iter().map(|f| f.kind.number()).collect()
}

fn messages(m: &Model, lang: Lang) -> Vec<String> {
    check(m).iter().map(|f| f.message(m, lang)).collect()
}

#[test]
fn a_handover_is_named_by_its_two_links_and_the_last_hands_over_to_the_customer() {
    let m = coffee();
    assert_eq!(
        handover_name(&m, &id(C1), &id("l1"), Lang::En),
        "Handover Sales or Online -> Planning"
    );
    assert_eq!(
        handover_name(&m, &id(C1), &id("l2"), Lang::Nl),
        "Overdracht Planning -> Logistics"
    );
    // The last link hands over to the chain's customer.
    assert_eq!(
        between(&m, &id(C1), &id("l5"), Lang::En),
        format!("Finance (contract and billing) -> {}", m.chains[0].customer)
    );
    // Shown: after every link but the last (which has no text and no KPIs).
    let c = &m.chains[0];
    assert_eq!(shown(&m, c), ["l1", "l2", "l3", "l4"].map(id));
}

#[test]
fn moving_a_link_takes_its_handover_along() {
    let mut m = coffee();
    let before = handed_over(&m).at.clone();
    assert_eq!(
        before,
        Attach::Handover {
            chain: id(C1),
            link: id("l1")
        }
    );
    // Sales moves behind Planning: it now hands over to Logistics, with its KPI and its text.
    let text = m.chains[0].links[0].handover.clone();
    let inverse = m
        .apply(Edit::MoveLink {
            chain: id(C1),
            link: id("l1"),
            to: 1,
        })
        .unwrap();
    assert_eq!(handed_over(&m).at, before);
    assert_eq!(m.chains[0].links[1].handover, text);
    assert_eq!(
        between(&m, &id(C1), &id("l1"), Lang::En),
        "Sales or Online -> Logistics"
    );
    assert!(m.validate().is_empty());
    // Moved last, it hands over to the customer and is still shown (it has a KPI).
    m.apply(inverse).unwrap();
    m.apply(Edit::MoveLink {
        chain: id(C1),
        link: id("l1"),
        to: 4,
    })
    .unwrap();
    let c = &m.chains[0];
    assert_eq!(c.links.last().unwrap().id, id("l1"));
    assert!(shown(&m, c).contains(&id("l1")));
    assert!(between(&m, &id(C1), &id("l1"), Lang::En).ends_with(&format!("-> {}", c.customer)));
}

#[test]
fn deleting_a_link_deletes_its_handover_kpis_and_undo_brings_them_back() {
    let mut m = coffee();
    let original = m.clone();
    let kpi = handed_over(&m).id.clone();
    let inverse = m
        .apply(Edit::DeleteLink {
            chain: id(C1),
            link: id("l1"),
        })
        .unwrap();
    assert!(!m.kpis.contains_key(&kpi));
    // No KPI drives the deleted one any more, and the structure is whole.
    assert!(m.validate().is_empty(), "{:?}", m.validate());
    // Planning is now the first link; the handover after it is unchanged.
    assert_eq!(
        between(&m, &id(C1), &id("l2"), Lang::En),
        "Planning -> Logistics"
    );
    m.apply(inverse).unwrap();
    assert_eq!(m, original);
}

#[test]
fn a_handover_kpi_is_added_where_a_handover_is_selected_and_drives_chain_kpis() {
    let m = coffee();
    let sel = Target::Handover {
        chain: id(C1),
        link: id("l2"),
    };
    assert_eq!(
        add::kpi_context(&m, &sel),
        Some(Attach::Handover {
            chain: id(C1),
            link: id("l2")
        })
    );
    assert_eq!(add::chain_context(&m, &sel), Some((id(C1), Some(id("l2")))));
    // Its drive candidates are the chain KPIs of its own chain, as a link KPI's.
    let k = handed_over(&m);
    let candidates: Vec<&Id> = m.drive_candidates(&k.id);
    assert!(!candidates.is_empty());
    assert!(candidates
        .iter()
        .all(|c| m.kpis[*c].at == Attach::Chain { chain: id(C1) }));
    assert_eq!(k.level(), Level::Link);
}

#[test]
fn check_16_finds_a_chain_whose_kpis_weigh_one_value_only() {
    let mut m = coffee();
    assert!(check(&m).is_empty());
    // "Order to first invoice" is the first chain's internal chain KPI.
    let internal = m
        .kpis
        .values()
        .find(|k| k.name == "Order to first invoice")
        .unwrap()
        .id
        .clone();
    let set = |v| Edit::SetKpi {
        id: internal.clone(),
        field: KpiField::ValueType(v),
    };
    m.apply(set(ValueType::Customer)).unwrap();
    assert_eq!(numbers(&m), [16]);
    assert_eq!(check(&m)[0].severity, Severity::Info);
    assert_eq!(
        messages(&m, Lang::En),
        ["Chain “New coffee machine”: its chain KPIs measure only customer value; none measures internal value."]
    );
    assert_eq!(
        messages(&m, Lang::Nl),
        ["Keten “New coffee machine”: de keten-KPI's meten alleen klantwaarde; geen enkele meet interne waarde."]
    );
    // Not set is not weighed: nothing to find until one is set the other way.
    m.apply(set(ValueType::Unset)).unwrap();
    assert_eq!(numbers(&m), [16]);
    m.apply(set(ValueType::Internal)).unwrap();
    assert!(check(&m).is_empty());
}

#[test]
fn check_17_finds_a_chain_of_three_links_without_a_handover_kpi() {
    let mut m = coffee();
    let kpi = handed_over(&m).id.clone();
    // Back to a link KPI: the first chain has no handover KPI left.
    m.apply(Edit::AttachKpi {
        id: kpi.clone(),
        at: Attach::Link {
            chain: id(C1),
            link: id("l1"),
        },
    })
    .unwrap();
    assert_eq!(numbers(&m), [17]);
    assert_eq!(
        messages(&m, Lang::En),
        ["Chain “New coffee machine” has no handover KPI: things go wrong at the handovers between links."]
    );
    m.apply(Edit::AttachKpi {
        id: kpi,
        at: Attach::Handover {
            chain: id(C1),
            link: id("l3"),
        },
    })
    .unwrap();
    assert!(check(&m).is_empty());
    // A chain of two links is not asked for one.
    let mut two = coffee();
    for l in ["l3", "l4", "l5"] {
        two.apply(Edit::DeleteLink {
            chain: id(C1),
            link: id(l),
        })
        .unwrap();
    }
    assert!(!numbers(&two).contains(&17));
}

#[test]
fn check_18_finds_a_chain_owner_outside_the_management_team() {
    let mut m = coffee();
    assert!(m.management_team_members().contains(&"Commercial director"));
    m.apply(Edit::SetChain {
        id: id(C1),
        field: ChainField::Owner("Head of sales".into()),
    })
    .unwrap();
    assert_eq!(numbers(&m), [18]);
    assert_eq!(check(&m)[0].severity, Severity::Warning);
    assert_eq!(
        messages(&m, Lang::Nl),
        ["Keten “New coffee machine”: eigenaar “Head of sales” zit niet in het managementteam."]
    );
    // Case and spaces aside, a line of the team is the owner.
    m.apply(Edit::SetModel {
        field: ModelField::ManagementTeam(format!("{}\n  head of  SALES \n", m.management_team)),
    })
    .unwrap();
    assert!(check(&m).is_empty());
    // Without a management team nobody is outside it.
    m.apply(Edit::SetChain {
        id: id(C1),
        field: ChainField::Owner("Someone else".into()),
    })
    .unwrap();
    assert_eq!(numbers(&m), [18]);
    m.apply(Edit::SetModel {
        field: ModelField::ManagementTeam(" \n".into()),
    })
    .unwrap();
    assert!(check(&m).is_empty());
}

#[test]
fn version_2_files_open_as_version_3_unchanged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let text = read("tests/fixtures/v2", &file);
        assert!(text.contains("\"version\": 2"), "{file}");
        let imported = import_json(&text).unwrap();
        assert!(
            imported.warnings.is_empty(),
            "{file}: {:?}",
            imported.warnings
        );
        // Exactly the model a version-2 reader read: what it writes again reads the same.
        let m = imported.model;
        assert!(m
            .kpis
            .values()
            .all(|k| !matches!(k.at, Attach::Handover { .. })));
        let again = export_json(&m);
        assert!(again.contains(&format!("\"version\": {CURRENT_VERSION}")));
        assert_eq!(import_json(&again).unwrap().model, m, "{file}");
        files += 1;
    }
    assert_eq!(files, 8);
    assert_eq!(CURRENT_VERSION, 3);
}

#[test]
fn a_department_meeting_holds_the_handovers_its_links_receive_and_make() {
    use kpi_structure::model::agenda::meeting_kpis;
    use kpi_structure::model::meeting::MeetingAt;
    let m = coffee();
    let department = |name: &str| {
        m.departments
            .values()
            .find(|d| d.name == name)
            .unwrap()
            .id
            .clone()
    };
    let names = |d: &str| -> Vec<&str> {
        meeting_kpis(&m, &MeetingAt::Department(department(d)))
            .into_iter()
            .map(|k| m.kpis[k].name.as_str())
            .collect()
    };
    // Planning receives the orders from Sales (chain 1) and the diagnosed reports from
    // Customer service (chain 3); its own link KPI sits between them.
    assert_eq!(
        names("Planning"),
        [
            "Complete orders handed over",
            "Installation planned within 2 days",
            "Reports handed over with a complete diagnosis",
        ]
    );
    // Sales makes the first handover: it is in its meeting too, once.
    assert_eq!(names("Sales"), ["Complete orders handed over"]);
}
