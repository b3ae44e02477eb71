//! The KPIs table's rows, natively: sorting by each column is stable, ascending or
//! descending, empty values last; the text filter matches case-insensitively; the level filter
//! keeps one level; a row shows its KPI's place and drives by name.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::completeness::Completeness;
use kpi_structure::model::{
    large_model, status_as_of, value_as_of, Choice, Id, Kpi, Lang, Level, Model, Month, Norm,
    Period,
};
use kpi_structure::present::kpi_table::{
    dom_id, level_code, level_from_code, order, place_names, row_data, shown_name, status_rank,
    SortKey,
};

fn coffee() -> Model {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates/coffee-machines.en.kpi.json");
    import_json(&std::fs::read_to_string(path).expect("coffee"))
        .expect("coffee")
        .model
}

const AS_OF: Month = (2026, 3);

const KEYS: [SortKey; 12] = [
    SortKey::Name,
    SortKey::Level,
    SortKey::Chain,
    SortKey::Link,
    SortKey::Owner,
    SortKey::Unit,
    SortKey::Direction,
    SortKey::Target,
    SortKey::Frequency,
    SortKey::Defined,
    SortKey::Value,
    SortKey::Status,
];

/// What the column shows, as the test expects it to sort: `None` for an empty cell, else a
/// rank (choices in their listed order) or the trimmed, lower-cased text.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum V {
    Rank(usize),
    /// A norm's target (a band: its low target), in thousandths.
    Number(i64),
    Text(String),
}

fn rank<T: Choice + PartialEq>(v: T) -> Option<V> {
    T::ALL
        .iter()
        .position(|c| *c == v)
        .filter(|&p| p > 0)
        .map(V::Rank)
}

fn value(m: &Model, k: &Kpi, key: SortKey) -> Option<V> {
    let text = |s: &str| (!s.trim().is_empty()).then(|| V::Text(s.trim().to_lowercase()));
    let (chain, link) = place_names(m, k);
    match key {
        SortKey::Name => text(&k.name),
        SortKey::Level => Some(V::Rank(k.level() as usize)),
        SortKey::Chain => text(chain),
        SortKey::Link => text(&link),
        SortKey::Owner => text(&k.owner),
        SortKey::Unit => text(&k.unit),
        SortKey::Direction => rank(k.direction),
        SortKey::Target => k.norm().map(|n| {
            let x = match n {
                Norm::Higher { target, .. } | Norm::Lower { target, .. } => target,
                Norm::Band { low, .. } => low,
            };
            V::Number((x * 1000.0).round() as i64)
        }),
        SortKey::Frequency => rank(k.frequency),
        SortKey::Defined => Some(V::Rank(Completeness::of(k).score().0)),
        SortKey::Value => value_as_of(k, AS_OF).map(|v| V::Number((v * 1000.0).round() as i64)),
        SortKey::Status => Some(V::Rank(status_rank(status_as_of(k, AS_OF)).into())),
    }
}

fn models() -> Vec<Model> {
    let mut m = coffee();
    // Some empty cells and ties in the template too.
    for k in m.kpis.values_mut().step_by(4) {
        k.unit.clear();
        k.owner = " ".into();
        k.red = None;
    }
    // Definitions filled to different degrees.
    for k in m.kpis.values_mut().step_by(3) {
        k.formula.clear();
    }
    // Values as of March 2026 for some monthly KPIs (ties, gaps, each status).
    let march = Period::Month { y: 2026, m: 3 };
    for (i, k) in m.kpis.values_mut().enumerate().filter(|(i, _)| i % 3 != 1) {
        k.values
            .set(march, Some([50.0, 99.0, 95.0, 0.5, 99.0][i % 5]));
    }
    vec![m, large_model(8, 120)]
}

#[test]
fn sorting_by_each_column_is_ordered_stable_and_puts_empty_cells_last() {
    for m in models() {
        let position = |id: &Id| m.kpis.get_index_of(id).expect("kpi");
        for key in KEYS {
            for ascending in [true, false] {
                let ids = order(&m, "", None, Some((key, ascending)), AS_OF);
                let mut sorted = ids.clone();
                sorted.sort_by_key(|id| position(id));
                let all: Vec<Id> = m.kpis.keys().cloned().collect();
                assert_eq!(sorted, all, "{key:?}: every KPI once");
                for pair in ids.windows(2) {
                    let (a, b) = (&m.kpis[&pair[0]], &m.kpis[&pair[1]]);
                    let (va, vb) = (value(&m, a, key), value(&m, b, key));
                    match (&va, &vb) {
                        (None, Some(_)) => panic!("{key:?}: empty before a value"),
                        (Some(_), None) => {}
                        (Some(x), Some(y)) if x != y => {
                            assert_eq!(x < y, ascending, "{key:?} {ascending}: {x:?} {y:?}")
                        }
                        // Ties (and empty cells) keep model order.
                        _ => assert!(position(&a.id) < position(&b.id), "{key:?}: unstable"),
                    }
                }
            }
        }
    }
}

#[test]
fn descending_reverses_the_distinct_values() {
    let m = coffee();
    for key in KEYS {
        let values = |asc| -> Vec<Option<V>> {
            let mut v: Vec<Option<V>> = order(&m, "", None, Some((key, asc)), AS_OF)
                .iter()
                .map(|id| value(&m, &m.kpis[id], key))
                .filter(Option::is_some)
                .collect();
            v.dedup();
            v
        };
        let mut up = values(true);
        up.reverse();
        assert_eq!(up, values(false), "{key:?}");
    }
}

#[test]
fn no_sort_keeps_model_order() {
    let m = coffee();
    let all: Vec<Id> = m.kpis.keys().cloned().collect();
    assert_eq!(order(&m, "", None, None, AS_OF), all);
    assert_eq!(order(&m, "   ", None, None, AS_OF), all);
}

#[test]
fn the_text_filter_matches_names_case_insensitively() {
    let m = coffee();
    let k = m.kpis.values().nth(3).expect("kpi");
    let word = k
        .name
        .split_whitespace()
        .max_by_key(|w| w.len())
        .expect("word");
    for query in [
        word.to_uppercase(),
        word.to_lowercase(),
        format!("  {word}  "),
    ] {
        let ids = order(&m, &query, None, None, AS_OF);
        assert!(ids.contains(&k.id), "{query:?}");
        let q = query.trim().to_lowercase();
        for id in &ids {
            let kpi = &m.kpis[id];
            let (chain, link) = place_names(&m, kpi);
            assert!(
                [kpi.name.as_str(), chain, &link, kpi.owner.as_str()]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&q)),
                "{q:?} kept {}",
                kpi.name
            );
        }
        // Filtered and sorted: the same set.
        let mut sorted = order(&m, &query, None, Some((SortKey::Name, false)), AS_OF);
        sorted.sort_by_key(|id| m.kpis.get_index_of(id));
        assert_eq!(sorted, ids);
    }
    assert!(order(&m, "no such kpi anywhere", None, None, AS_OF).is_empty());
}

#[test]
fn the_level_filter_keeps_one_level() {
    let m = coffee();
    let mut total = 0;
    for level in [Level::Result, Level::Chain, Level::Link] {
        let ids = order(&m, "", Some(level), Some((SortKey::Owner, true)), AS_OF);
        assert!(!ids.is_empty());
        assert!(ids.iter().all(|id| m.kpis[id].level() == level));
        total += ids.len();
        assert_eq!(level_from_code(level_code(Some(level))), Some(level));
    }
    assert_eq!(total, m.kpis.len());
    assert_eq!(level_from_code(level_code(None)), None);
}

#[test]
fn a_row_shows_its_place_and_drives_by_name_and_follows_edits() {
    let mut m = coffee();
    let k = m
        .kpis
        .values()
        .find(|k| k.level() == Level::Link && !k.drives.is_empty())
        .expect("a link KPI that drives")
        .clone();
    let r = row_data(&m, &k.id);
    let row = r.as_ref().expect("row");
    assert!(!row.chain.is_empty() && !row.link.is_empty());
    assert_eq!(row.drives.len(), k.drives.len());
    assert_eq!(row.drives[0], m.kpis[&k.drives[0]].name);
    m.kpis.get_mut(&k.drives[0]).expect("driven").name.push('!');
    let renamed = row_data(&m, &k.id).expect("row");
    assert_eq!(
        renamed.drives[0], m.kpis[&k.drives[0]].name,
        "a renamed driven KPI"
    );
    let gone = Id::from("gone");
    assert_eq!(row_data(&m, &gone), None);

    // The "Defined" column: its score and what is missing follow the KPI's fields.
    assert_eq!(row.completeness.score_text(), "8/8");
    let kpi = m.kpis.get_mut(&k.id).expect("kpi");
    kpi.formula = " ".into();
    kpi.data_source.clear();
    let less = row_data(&m, &k.id).expect("row").completeness;
    assert_eq!(less.score_text(), "6/8");
    assert_eq!(less.missing_text(Lang::En), "Missing: formula, data source");

    let mut unnamed = row.clone();
    unnamed.name = "  ".into();
    assert_eq!(shown_name(&unnamed, Lang::Nl), "(KPI zonder naam)");
    assert_eq!(shown_name(row, Lang::En), row.name);
}

#[test]
fn dom_ids_are_safe_and_distinct() {
    let a = dom_id(&Id::from("k-1"));
    let b = dom_id(&Id::from("k_1"));
    assert_ne!(a, b);
    for id in [a, b, dom_id(&Id::from("ü \"<x>"))] {
        assert!(id.starts_with("kt-"));
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{id}"
        );
    }
}
