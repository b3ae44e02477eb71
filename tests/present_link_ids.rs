//! Link ids are unique only within their chain: the templates reuse `l1`, `l2`... in every
//! chain. Every view model, the print and both CSVs must name a link KPI's own link, never the
//! link with the same id in another chain (the Meeting view once listed "Breakdowns solved by
//! phone" under the first chain's second link).

use kpi_structure::format::{export_csv, export_values_csv, records};
use kpi_structure::model::agenda::meeting_kpis;
use kpi_structure::model::generate::large_model;
use kpi_structure::model::*;
use kpi_structure::present::diagram::layout::Skeleton;
use kpi_structure::present::diagram::svg::escape;
use kpi_structure::present::kpi_table::row_data;
use kpi_structure::present::meeting::{meeting_pack_html, meeting_rows, Group};
use kpi_structure::present::print::print_html;
use kpi_structure::present::values_grid::{grid_rows, GridRow};
use proptest::prelude::*;

mod support;
use support::{chain_named, coffee, kpi_named};

const AS_OF: Month = (2026, 11);

/// `m` with every chain's links renumbered `l1`, `l2`... (as in the templates) and named
/// after their chain, so that a name says which chain's link it is.
fn reuse_link_ids(mut m: Model) -> Model {
    let mut renamed = std::collections::HashMap::new();
    for (c, chain) in m.chains.iter_mut() {
        for (i, l) in chain.links.iter_mut().enumerate() {
            let id = Id::new(format!("l{}", i + 1));
            renamed.insert((c.clone(), l.id.clone()), id.clone());
            l.id = id;
            l.name = format!("{} step {}", chain.name, i + 1);
        }
    }
    for k in m.kpis.values_mut() {
        if let Attach::Link { chain, link } = &mut k.at {
            *link = renamed[&(chain.clone(), link.clone())].clone();
        }
    }
    m
}

/// The name of a link KPI's own link.
fn own_link_name(m: &Model, k: &Kpi) -> Option<String> {
    let Attach::Link { chain, link } = &k.at else {
        return None;
    };
    let l = m.chains[chain].links.iter().find(|l| &l.id == link)?;
    Some(l.name.clone())
}

/// Each KPI's name is followed, in `html`, by a heading naming its link: the last link name
/// before the KPI's row is its own link's.
fn html_names_own_link(m: &Model, html: &str, section_of: impl Fn(&Kpi) -> String) {
    for k in m.kpis.values() {
        let Some(own) = own_link_name(m, k) else {
            continue;
        };
        let section = section_of(k);
        let start = html.find(&section).expect("the KPI's section");
        let at = start
            + html[start..]
                .find(&format!(">{}<", escape(&k.name)))
                .expect("KPI row");
        let before = &html[start..at];
        let last_link = m.chains[chain_of(k)]
            .links
            .iter()
            .filter_map(|l| {
                before
                    .rfind(&format!(">{}<", escape(&l.name)))
                    .map(|i| (i, &l.name))
            })
            .max()
            .map(|(_, n)| n.clone());
        assert_eq!(last_link.as_deref(), Some(own.as_str()), "KPI {}", k.name);
    }
}

fn place_chain<'m>(m: &'m Model, k: &Kpi) -> Option<&'m Chain> {
    match &k.at {
        Attach::Link { chain, .. } | Attach::Handover { chain, .. } | Attach::Chain { chain } => {
            m.chains.get(chain)
        }
        Attach::Result { .. } => None,
    }
}

fn chain_of(k: &Kpi) -> &Id {
    match &k.at {
        Attach::Link { chain, .. } | Attach::Handover { chain, .. } | Attach::Chain { chain } => {
            chain
        }
        Attach::Result { .. } => panic!("a result KPI has no chain"),
    }
}

/// Checks every place that names a link KPI's link.
fn names_own_links(m: &Model) {
    // The KPIs table.
    for (id, k) in &m.kpis {
        if let Some(own) = own_link_name(m, k) {
            assert_eq!(row_data(m, id).unwrap().link, own, "KPIs table, {}", k.name);
        }
    }
    // The Meeting view: each row's group is the KPI's own link.
    for c in m.chains.keys() {
        let c = &kpi_structure::model::meeting::MeetingAt::Chain(c.clone());
        for row in meeting_rows(m, c) {
            let k = &m.kpis[&row.kpi];
            if let Some(own) = own_link_name(m, k) {
                assert!(matches!(row.group, Group::Link(_)));
                assert_eq!(row.group.name(m, Lang::En), own, "meeting, {}", k.name);
            }
        }
        assert_eq!(meeting_rows(m, c).len(), meeting_kpis(m, c).len());
    }
    // The Values grid: the heading above a link KPI is its own link.
    let mut heading = None;
    for row in grid_rows(m) {
        match row {
            GridRow::Group(t) => heading = Some(t),
            GridRow::Kpi(id) => {
                let k = &m.kpis[&id];
                if let Attach::Link { chain, link } = &k.at {
                    let own = Target::Link {
                        chain: chain.clone(),
                        link: link.clone(),
                    };
                    assert_eq!(heading.as_ref(), Some(&own), "values grid, {}", k.name);
                }
            }
        }
    }
    // The Structure diagram: each link's KPIs are those hanging at that chain's link.
    for shape in Skeleton::of(m).chains {
        for (link, kpis) in shape.links {
            for k in kpis {
                let at = Attach::Link {
                    chain: shape.id.clone(),
                    link: link.clone(),
                };
                assert_eq!(m.kpis[&k].at, at, "diagram");
            }
        }
    }
    // Print: the structure's chain cards and the meeting pack.
    let print = print_html(m, Lang::En, AS_OF);
    html_names_own_link(m, &print, |k| {
        let name = escape(&m.chains[chain_of(k)].name);
        format!("<h2>Customer chain <span>{name}</span>")
    });
    let today = Date::new(2026, 12, 4).unwrap();
    let pack = meeting_pack_html(m, AS_OF, today, Lang::En);
    html_names_own_link(m, &pack, |k| {
        let name = escape(&m.chains[chain_of(k)].name);
        format!("<h2>Chain meeting · {name}</h2>")
    });
    // The KPIs CSV (no ids: a KPI by its chain and name) and the values CSV (by id).
    for csv in [export_csv(m), export_values_csv(m)] {
        let rows = records(csv.trim_start_matches('\u{feff}'), ',');
        let (header, body) = rows.split_first().unwrap();
        let find = |name: &str| header.iter().position(|h| h == name);
        let col = |name: &str| find(name).expect("column");
        let (chain, link) = (col("chain"), col("link"));
        let name = find("name").or(find("kpi")).expect("column");
        let id = header.iter().position(|h| h == "kpi_id");
        for row in body {
            let k = match id {
                Some(i) => &m.kpis[&Id::new(row[i].clone())],
                None => m
                    .kpis
                    .values()
                    .find(|k| {
                        k.name == row[name]
                            && place_chain(m, k).map_or("", |c| c.name.as_str()) == row[chain]
                    })
                    .expect("the row's KPI"),
            };
            if let Some(own) = own_link_name(m, k) {
                assert_eq!(row[link], own, "CSV, {}", k.name);
            }
        }
    }
}

#[test]
fn the_coffee_meeting_puts_each_kpi_under_its_own_link() {
    let m = coffee();
    let repair = chain_named(&m, "Breakdown repair");
    let rows = meeting_rows(
        &m,
        &kpi_structure::model::meeting::MeetingAt::Chain(repair.clone()),
    );
    let group_of = |name: &str| {
        let id = kpi_named(&m, name);
        let row = rows.iter().find(|r| r.kpi == id).expect("in the meeting");
        row.group.name(&m, Lang::En)
    };
    let link_of = |name: &str| own_link_name(&m, &m.kpis[&kpi_named(&m, name)]).unwrap();
    for name in ["Breakdowns solved by phone", "Right parts in the van"] {
        assert_eq!(group_of(name), link_of(name), "{name}");
    }
    assert_ne!(group_of("Breakdowns solved by phone"), "Sales or Online");
    assert_ne!(group_of("Right parts in the van"), "Logistics");
    names_own_links(&m);
}

#[test]
fn every_template_names_its_own_links() {
    for file in [
        "coffee-machines.en.kpi.json",
        "coffee-machines.nl.kpi.json",
        "order-to-cash.en.kpi.json",
        "source-to-pay.en.kpi.json",
        "issue-to-resolution.en.kpi.json",
    ] {
        names_own_links(&support::template(file));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// On models whose chains reuse link ids, every view model, the print and both CSVs name
    /// the right link.
    #[test]
    fn views_print_and_csvs_name_the_own_link(
        chains in 2usize..7,
        kpis in 12usize..120,
        reversed in any::<bool>(),
        with_values in any::<bool>(),
    ) {
        let mut m = reuse_link_ids(large_model(chains, kpis));
        if reversed {
            m.chains.reverse();
        }
        if with_values {
            let period = Period::Month { y: 2026, m: 11 };
            for k in m.kpis.values_mut() {
                k.frequency = Frequency::Monthly;
                k.values.extend_run(period, [Some(1.0)]);
            }
        }
        names_own_links(&m);
    }
}
