//! The Add buttons' plans (`model::add`): the edit made from the model it is added to.

use kpi_structure::model::add::AddPlan;
use kpi_structure::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn coffee() -> Model {
    let text = std::fs::read_to_string("public/templates/coffee-machines.en.kpi.json").unwrap();
    kpi_structure::format::import_json(&text).unwrap().model
}

#[test]
fn each_new_element_gets_a_free_name_in_the_model_it_is_added_to() {
    let mut m = Model::default();
    for (i, want) in ["New goal", "New goal 2", "New goal 3"].iter().enumerate() {
        let plan = AddPlan::Goal {
            id: id(&format!("g{i}")),
            name: "New goal".into(),
        };
        m.apply(plan.edit(&m).unwrap()).unwrap();
        assert_eq!(m.goals.get(&id(&format!("g{i}"))).unwrap().name, *want);
    }
    for i in 0..2 {
        let plan = AddPlan::Chain {
            id: id(&format!("c{i}")),
            name: "Nieuwe keten".into(),
        };
        m.apply(plan.edit(&m).unwrap()).unwrap();
        let plan = AddPlan::Department {
            id: id(&format!("d{i}")),
            name: "New department".into(),
        };
        m.apply(plan.edit(&m).unwrap()).unwrap();
    }
    assert_eq!(m.chains.get(&id("c1")).unwrap().name, "Nieuwe keten 2");
    assert_eq!(
        m.departments.get(&id("d1")).unwrap().name,
        "New department 2"
    );
}

#[test]
fn a_link_goes_after_the_selected_link_and_a_kpi_where_the_selection_hangs() {
    let mut m = coffee();
    let (chain, c) = m
        .chains
        .get_index(0)
        .map(|(k, c)| (k.clone(), c.clone()))
        .unwrap();
    let first = c.links[0].id.clone();
    let near = Target::Link {
        chain: chain.clone(),
        link: first.clone(),
    };
    let plan = AddPlan::Link {
        id: id("lnew"),
        name: "New link".into(),
        near: near.clone(),
    };
    m.apply(plan.edit(&m).unwrap()).unwrap();
    let links = &m.chains.get(&chain).unwrap().links;
    assert_eq!(links[1].id, id("lnew"), "right after the selected link");
    assert_eq!(links[1].name, "New link");

    let plan = AddPlan::Kpi {
        id: id("knew"),
        name: "New KPI".into(),
        near,
    };
    m.apply(plan.edit(&m).unwrap()).unwrap();
    assert_eq!(
        m.kpis.get(&id("knew")).unwrap().at,
        Attach::Link {
            chain: chain.clone(),
            link: first
        }
    );
    // Beside a result KPI there is no chain for a link; a deleted selection is no place.
    let result_kpi = m
        .kpis
        .values()
        .find(|k| matches!(k.at, Attach::Result { .. }))
        .unwrap()
        .id
        .clone();
    let plan = AddPlan::Link {
        id: id("l2"),
        name: "New link".into(),
        near: Target::Kpi(result_kpi),
    };
    assert_eq!(plan.edit(&m), None);
    let plan = AddPlan::Kpi {
        id: id("k2"),
        name: "New KPI".into(),
        near: Target::Chain(id("gone")),
    };
    assert!(
        plan.clone().edit(&m).is_some(),
        "a chain id is taken as given"
    );
    assert!(
        m.apply(plan.edit(&m).unwrap()).is_err(),
        "and refused if it is gone"
    );
}
