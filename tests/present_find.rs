//! "Find" (issue 23): chains, links and KPIs by name, best match first.

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::{large_model, Lang, Model, Target};
use kpi_structure::present::find::{find, rank};

fn coffee() -> Model {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates/coffee-machines.en.kpi.json");
    import_json(&std::fs::read_to_string(path).expect("template"))
        .expect("template")
        .model
}

#[test]
fn rank_prefers_the_whole_name_then_its_start_then_a_word_then_anywhere() {
    assert_eq!(rank("Planning", "planning"), Some(0));
    assert_eq!(rank("  Planning ", "PLANNING"), Some(0));
    assert_eq!(rank("Planning and control", "plan"), Some(1));
    assert_eq!(rank("Sales or Online", "online"), Some(2));
    assert_eq!(rank("Replanning", "plan"), Some(3));
    assert_eq!(rank("Sales", "plan"), None);
    assert_eq!(rank("Sales", "   "), None);
}

#[test]
fn finds_links_chains_and_kpis_by_name_in_both_languages() {
    let m = coffee();
    let found = find(&m, "planning", Lang::En, 10);
    // "Planning" is a link of two chains; both are found, as links, named with their chain.
    let links: Vec<&str> = found.iter().map(|f| f.label.as_str()).collect();
    assert!(links.len() >= 2, "{links:?}");
    assert!(found
        .iter()
        .take(2)
        .all(|f| matches!(f.target, Target::Link { .. })));
    assert_eq!(links[0], "Link “Planning” of chain “New coffee machine”");
    // A KPI by a word of its name.
    let on_time = find(&m, "installed on time", Lang::En, 10);
    assert!(matches!(on_time[0].target, Target::Kpi(_)));
    assert_eq!(on_time[0].label, "Chain KPI “Machines installed on time”");
    // A chain, in Dutch.
    let chain = find(&m, "breakdown", Lang::Nl, 10);
    assert_eq!(chain[0].label, "Keten “Breakdown repair”");
    assert!(find(&m, "", Lang::En, 10).is_empty());
    assert!(find(&m, "no such thing", Lang::En, 10).is_empty());
}

#[test]
fn on_200_chains_the_chain_comes_first_and_the_list_is_limited() {
    let m = large_model(200, 3000);
    let chain = m.chains.values().nth(150).expect("chain 150");
    let found = find(&m, &chain.name, Lang::En, 8);
    assert_eq!(found[0].target, Target::Chain(chain.id.clone()));
    assert!(found.len() <= 8);
    // A query matching hundreds of elements still gives `limit`.
    assert_eq!(find(&m, "kpi", Lang::En, 8).len(), 8);
}
