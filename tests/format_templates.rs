//! The shipped templates: listed in index.json, open without errors or warnings, EN and NL
//! have the same structure, and they pass the method checks (re-stated here so this test does
//! not depend on the editor's checks module).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use kpi_structure::format::import_json;
use kpi_structure::model::checks::cycles;
use kpi_structure::model::{Attach, Direction, Level, Model};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates")
}

fn index() -> Vec<Value> {
    let text = std::fs::read_to_string(dir().join("index.json")).expect("index.json");
    let v: Value = serde_json::from_str(&text).expect("index.json is JSON");
    v["templates"].as_array().expect("templates list").clone()
}

fn open(file: &str) -> Model {
    let text = std::fs::read_to_string(dir().join(file)).expect(file);
    match import_json(&text) {
        Ok(imported) => {
            assert!(
                imported.warnings.is_empty(),
                "{file}: {:?}",
                imported.warnings
            );
            imported.model
        }
        Err(e) => panic!("{file} does not open:\n{e}"),
    }
}

#[test]
fn index_lists_every_file_and_both_languages() {
    let entries = index();
    let listed: HashSet<String> = entries
        .iter()
        .map(|e| e["file"].as_str().unwrap().to_string())
        .collect();
    let on_disk: HashSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".kpi.json"))
        .collect();
    assert_eq!(listed, on_disk);
    assert_eq!(listed.len(), 8);
    for e in &entries {
        let (id, lang, name, file) = (
            e["id"].as_str().unwrap(),
            e["lang"].as_str().unwrap(),
            e["name"].as_str().unwrap(),
            e["file"].as_str().unwrap(),
        );
        assert_eq!(file, format!("{id}.{lang}.kpi.json"));
        assert!(["en", "nl"].contains(&lang));
        assert_eq!(
            open(file).name,
            name,
            "{file}: model name differs from index"
        );
        let other = if lang == "en" { "nl" } else { "en" };
        assert!(listed.contains(&format!("{id}.{other}.kpi.json")));
    }
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for id in [
        "coffee-machines",
        "order-to-cash",
        "source-to-pay",
        "issue-to-resolution",
    ] {
        assert!(ids.contains(&id), "{id} missing from index");
    }
}

/// Everything but the words: ids, attachments, drives, choices.
fn skeleton(m: &Model) -> String {
    let mut s = String::new();
    for g in m.goals.values() {
        s += &format!("goal {}\n", g.id);
    }
    for d in m.departments.values() {
        s += &format!("department {}\n", d.id);
    }
    for c in m.chains.values() {
        s += &format!("chain {}\n", c.id);
        for l in &c.links {
            s += &format!("  link {} {:?} {}\n", l.id, l.department, l.external);
        }
    }
    for k in m.kpis.values() {
        s += &format!(
            "kpi {} {:?} {:?} {:?} {:?} {:?}\n",
            k.id, k.at, k.direction, k.frequency, k.value_type, k.drives
        );
    }
    s
}

#[test]
fn english_and_dutch_have_the_same_structure() {
    for e in index().iter().filter(|e| e["lang"] == "en") {
        let id = e["id"].as_str().unwrap();
        let en = open(&format!("{id}.en.kpi.json"));
        let nl = open(&format!("{id}.nl.kpi.json"));
        assert_eq!(skeleton(&en), skeleton(&nl), "{id}");
        assert_ne!(
            en.kpis[0].definition, nl.kpis[0].definition,
            "{id} not translated"
        );
    }
}

/// The method checks of docs (1-12); returns every finding as text.
fn method_findings(m: &Model) -> Vec<String> {
    let mut out = Vec::new();
    let level = |id| {
        m.kpis
            .get(id)
            .map(|k: &kpi_structure::model::Kpi| k.level())
    };
    let mut chain_kpis: HashMap<_, usize> = HashMap::new();
    let mut driven = HashSet::new();
    let mut goals_measured = HashSet::new();
    let mut results = 0;
    for k in m.kpis.values() {
        match &k.at {
            Attach::Result { goal } => {
                results += 1;
                goals_measured.insert(goal.clone());
            }
            Attach::Chain { chain } => *chain_kpis.entry(chain.clone()).or_default() += 1,
            Attach::Link { .. } | Attach::Handover { .. } => {}
        }
        for t in &k.drives {
            driven.insert(t.clone());
            let expected = match k.level() {
                Level::Result => None,
                Level::Chain => Some(Level::Result),
                Level::Link => Some(Level::Chain),
            };
            if level(t) != expected {
                out.push(format!("{} drives {t} at the wrong level", k.name));
            }
        }
    }
    for c in m.chains.values() {
        for (what, v) in [
            ("owner", &c.owner),
            ("trigger", &c.trigger),
            ("outcome", &c.outcome),
            ("customer", &c.customer),
        ] {
            if v.trim().is_empty() {
                out.push(format!("chain {} has no {what}", c.name));
            }
        }
        if c.links.is_empty() {
            out.push(format!("chain {} has no links", c.name));
        }
        let n = chain_kpis.get(&c.id).copied().unwrap_or(0);
        if !(2..=3).contains(&n) {
            out.push(format!("chain {} has {n} chain KPIs", c.name));
        }
        let mut names = HashSet::new();
        for l in &c.links {
            if !names.insert(l.name.trim().to_lowercase()) {
                out.push(format!("link name {} twice in {}", l.name, c.name));
            }
            if l.owner.is_empty() {
                out.push(format!("link {} has no owner", l.name));
            }
        }
    }
    for k in m.kpis.values() {
        if k.level() != Level::Result && k.drives.is_empty() {
            out.push(format!("{} drives nothing", k.name));
        }
        if k.level() == Level::Result && !driven.contains(&k.id) {
            out.push(format!("result KPI {} is not driven", k.name));
        }
        if k.unit.trim().is_empty() || k.direction == Direction::Unset || k.norm().is_none() {
            out.push(format!("{} lacks unit, direction or target", k.name));
        }
        let full = [
            &k.definition,
            &k.formula,
            &k.norm_description,
            &k.owner,
            &k.data_source,
        ];
        if full.iter().any(|f| f.trim().is_empty())
            || k.frequency == Default::default()
            || k.value_type == Default::default()
        {
            out.push(format!("{} has an incomplete definition", k.name));
        }
    }
    if results > 4 {
        out.push(format!("{results} result KPIs"));
    }
    for g in m.goals.values() {
        if !goals_measured.contains(&g.id) {
            out.push(format!("goal {} has no result KPI", g.name));
        }
    }
    if !cycles(m).is_empty() {
        out.push("drives has a cycle".into());
    }
    let mut dup = |kind: &str, names: Vec<&String>| {
        let mut seen = HashSet::new();
        for n in names {
            if !seen.insert(n.trim().to_lowercase()) {
                out.push(format!("two {kind}s named {n}"));
            }
        }
    };
    dup("goal", m.goals.values().map(|g| &g.name).collect());
    dup("KPI", m.kpis.values().map(|k| &k.name).collect());
    dup("chain", m.chains.values().map(|c| &c.name).collect());
    dup(
        "department",
        m.departments.values().map(|d| &d.name).collect(),
    );
    out
}

#[test]
fn templates_pass_the_method_checks() {
    for e in index() {
        let file = e["file"].as_str().unwrap();
        let m = open(file);
        let findings = method_findings(&m);
        assert!(findings.is_empty(), "{file}: {findings:#?}");
        assert!(!m.goals.is_empty() && !m.chains.is_empty());
        assert!(m.kpis.values().any(|k| k.level() == Level::Link));
        assert!(
            m.id.as_str().is_empty(),
            "templates leave the id to the app"
        );
    }
}

#[test]
fn coffee_machines_follows_the_seed() {
    let m = open("coffee-machines.en.kpi.json");
    let chains: Vec<&str> = m.chains.values().map(|c| c.name.as_str()).collect();
    assert_eq!(
        chains,
        [
            "New coffee machine",
            "Coffee beans and ingredients",
            "Breakdown repair"
        ]
    );
    let first = &m.chains[0];
    let departments: Vec<&str> = first
        .links
        .iter()
        .filter_map(|l| l.department.as_ref())
        .map(|d| m.departments[d].name.as_str())
        .collect();
    assert_eq!(
        departments,
        ["Sales", "Planning", "Logistics", "Service", "Finance"]
    );
    assert!(m
        .kpis
        .values()
        .any(|k| k.target == Some(9.0) && k.norm_description.starts_with("9+")));
}
