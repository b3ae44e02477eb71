//! One rule for "the same name": `same_name` / `name_key`, the names `unique_name` gives new
//! elements, and the duplicate-name check (12) agreeing with both.

use kpi_structure::model::{
    check, name_key, same_name, unique_name, Chain, CheckKind, Department, Goal, Id, Link, Model,
    Target,
};

#[test]
fn same_name_ignores_case_over_unicode_and_spaces() {
    assert!(same_name("Équipe", "équipe"));
    assert!(same_name("Équipe", "ÉQUIPE"));
    assert!(same_name("  Sales   team ", "sales team"));
    assert!(same_name("Sales\tTeam", "SALES team"));
    // Different letters stay different: an accent is not dropped.
    assert!(!same_name("Équipe", "Equipe"));
    assert!(!same_name("Sales team", "Salesteam"));
    assert!(!same_name("Team 2", "Team 3"));
    assert_eq!(name_key("  Équipe   Noord "), "équipe noord");
    assert_eq!(name_key(" \t "), "");
}

#[test]
fn unique_name_counts_up_past_taken_names() {
    let taken = ["New goal", "new goal 2"];
    assert_eq!(unique_name("New goal", taken.iter().copied()), "New goal 3");
    assert_eq!(unique_name("Other", taken.iter().copied()), "Other");

    // Unicode case and white space count: "équipe" takes "Équipe", " ÉQUIPE  2" takes 2.
    let taken = ["équipe", " ÉQUIPE  2"];
    assert_eq!(unique_name("Équipe", taken.iter().copied()), "Équipe 3");
    assert_eq!(unique_name("Équipe", [].into_iter()), "Équipe");
}

/// A model whose departments, goals, chains and the links of one chain carry `names`.
fn model_with(names: &[&str]) -> Model {
    let mut m = Model::default();
    let mut chain = Chain {
        id: Id::new("c"),
        name: "Chain".into(),
        ..Chain::default()
    };
    for (i, name) in names.iter().enumerate() {
        let id = Id::new(format!("x{i}"));
        let department = Department {
            id: id.clone(),
            name: name.to_string(),
            ..Department::default()
        };
        m.departments.insert(id.clone(), department);
        let goal = Goal {
            id: id.clone(),
            name: name.to_string(),
            ..Goal::default()
        };
        m.goals.insert(id.clone(), goal);
        chain.links.push(Link {
            id,
            name: name.to_string(),
            ..Link::default()
        });
    }
    m.chains.insert(chain.id.clone(), chain);
    m
}

#[test]
fn a_unique_name_is_never_a_duplicate_for_check_12() {
    let existing = ["Équipe", "équipe 2", " ÉQUIPE   3 ", "Team", "TEAM 2"];
    for base in ["Équipe", "ÉQUIPE", "équipe", "Team", "team  2", "Other"] {
        let mut m = model_with(&existing);
        let name = unique_name(base, existing.iter().copied());
        let new = Id::new("new");
        m.departments.insert(
            new.clone(),
            Department {
                id: new.clone(),
                name: name.clone(),
                ..Department::default()
            },
        );
        m.goals.insert(
            new.clone(),
            Goal {
                id: new.clone(),
                name: name.clone(),
                ..Goal::default()
            },
        );
        if let Some(c) = m.chains.get_mut(&Id::new("c")) {
            c.links.push(Link {
                id: new.clone(),
                name: name.clone(),
                ..Link::default()
            });
        }
        let flagged: Vec<Target> = check(&m)
            .into_iter()
            .filter(|f| matches!(f.kind, CheckKind::DuplicateName { .. }))
            .map(|f| f.target)
            .filter(|t| match t {
                Target::Department(id) | Target::Goal(id) => id == &new,
                Target::Link { link, .. } => link == &new,
                _ => false,
            })
            .collect();
        assert!(flagged.is_empty(), "{base:?} -> {name:?}: {flagged:?}");
    }
}

#[test]
fn check_12_uses_the_same_rule() {
    // "Équipe" and " ÉQUIPE " are one name over Unicode, with spaces collapsed.
    let m = model_with(&["Équipe", " ÉQUIPE ", "Sales  team", "sales team", "Other"]);
    let later: Vec<Target> = check(&m)
        .into_iter()
        .filter(|f| matches!(f.kind, CheckKind::DuplicateName { .. }))
        .map(|f| f.target)
        .collect();
    let x = |i: usize| Id::new(format!("x{i}"));
    let link = |i: usize| Target::Link {
        chain: Id::new("c"),
        link: x(i),
    };
    assert_eq!(
        later,
        vec![
            Target::Goal(x(1)),
            Target::Goal(x(3)),
            Target::Department(x(1)),
            Target::Department(x(3)),
            link(1),
            link(3),
        ]
    );
}
