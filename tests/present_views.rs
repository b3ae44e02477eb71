//! The small texts the Health and Chains views derive from the model, natively.

use kpi_structure::model::{check, large_model, Attach, Lang, Model, Target};
use kpi_structure::present::chains::{chain_of, name_of, or_unnamed};
use kpi_structure::present::health::{
    check_label, severity_class, severity_name, severity_plural, SEVERITIES,
};

#[test]
fn every_finding_has_a_numbered_check_label_in_both_languages() {
    let mut m = large_model(3, 20);
    // Findings of several checks: a chain without owner, a KPI without unit.
    m.chains.values_mut().next().expect("chain").owner.clear();
    m.kpis.values_mut().next().expect("kpi").unit.clear();
    let findings = check(&m);
    assert!(!findings.is_empty());
    for f in findings {
        let (en, nl) = (
            check_label(&f.kind, Lang::En),
            check_label(&f.kind, Lang::Nl),
        );
        let n = f.kind.number().to_string();
        assert!(en.starts_with(&format!("Check {n} · ")), "{en}");
        assert!(nl.starts_with(&format!("Controle {n} · ")), "{nl}");
    }
}

#[test]
fn severities_have_names_plurals_and_classes() {
    let classes: Vec<&str> = SEVERITIES.iter().map(|&s| severity_class(s)).collect();
    assert_eq!(classes, ["error", "warning", "info"]);
    assert_eq!(severity_name(SEVERITIES[0], Lang::Nl), "Fout");
    assert_eq!(severity_plural(SEVERITIES[1], Lang::En), "Warnings");
}

#[test]
fn chain_of_follows_links_and_kpis_to_their_chain() {
    let m = large_model(2, 30);
    let (cid, c) = m.chains.iter().next().expect("chain");
    let link = Target::Link {
        chain: cid.clone(),
        link: c.links[0].id.clone(),
    };
    assert_eq!(
        chain_of(&m, Some(&Target::Chain(cid.clone()))),
        Some(cid.clone())
    );
    assert_eq!(chain_of(&m, Some(&link)), Some(cid.clone()));
    for k in m.kpis.values() {
        let expected = match &k.at {
            Attach::Result { .. } => None,
            Attach::Chain { chain }
            | Attach::Link { chain, .. }
            | Attach::Handover { chain, .. } => Some(chain.clone()),
        };
        assert_eq!(chain_of(&m, Some(&Target::Kpi(k.id.clone()))), expected);
    }
    assert_eq!(chain_of(&m, Some(&Target::Model)), None);
    assert_eq!(chain_of(&m, None), None);
}

#[test]
fn name_of_shows_a_placeholder_for_no_name_and_nothing_for_a_gone_element() {
    let mut m = Model {
        name: "  Shop  ".into(),
        ..Model::default()
    };
    assert_eq!(name_of(&m, &Target::Model, Lang::En), "Shop");
    m.name.clear();
    assert_eq!(name_of(&m, &Target::Model, Lang::Nl), "(geen naam)");
    assert_eq!(name_of(&m, &Target::Chain("gone".into()), Lang::En), "");
    assert_eq!(or_unnamed(" ", Lang::En), "(no name)");
}
