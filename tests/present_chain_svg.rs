//! One chain as a standalone SVG ("Export PNG" of a chain): well-formed, every link, handover
//! and KPI name in it with its value and status mark as of the month, names escaped, in both
//! languages; no picture for a chain that is not there.

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::{status_as_of, Attach, Id, Lang, Model};
use kpi_structure::present::diagram::chain_svg::chain_svg;
use kpi_structure::present::diagram::svg::escape;
use kpi_structure::present::sparkline::value_text;

fn coffee(lang: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/templates")
        .join(format!("coffee-machines.{lang}.kpi.json"));
    import_json(&std::fs::read_to_string(path).expect("template"))
        .expect("template")
        .model
}

/// The texts of every `text` and `title` element, joined.
fn texts(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn size(svg: &str) -> (f64, f64) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let num = |a: &str| root.attribute(a).unwrap().parse::<f64>().unwrap();
    (num("width"), num("height"))
}

#[test]
fn every_chain_of_the_coffee_template_in_both_languages() {
    for (file, lang) in [("en", Lang::En), ("nl", Lang::Nl)] {
        let m = coffee(file);
        assert!(!m.chains.is_empty());
        let as_of = (2026, 6);
        for (id, c) in &m.chains {
            let svg = chain_svg(&m, id, lang, as_of).expect("a chain");
            let text = texts(&svg);
            assert!(text.contains(c.name.trim()), "{}", c.name);
            for l in &c.links {
                let name = kpi_structure::model::handover::link_name(&m, l);
                assert!(text.contains(name), "link {name}");
            }
            let kpis = m.kpis.values().filter(|k| match &k.at {
                Attach::Chain { chain } | Attach::Link { chain, .. } => chain == id,
                Attach::Handover { chain, .. } => chain == id,
                Attach::Result { .. } => false,
            });
            let (mut n, mut valued) = (0, 0);
            for k in kpis {
                n += 1;
                assert!(text.contains(k.name.trim()), "KPI {}", k.name);
                if let Some(v) = value_text(k, as_of, lang) {
                    let shown = format!("{v} {}", status_as_of(k, as_of).mark());
                    assert!(text.contains(&shown), "{shown}");
                    valued += 1;
                }
            }
            assert!(n > 0, "the template's chain has KPIs");
            assert!(
                valued > 0,
                "the template's chain has values as of {as_of:?}"
            );
            let (w, h) = size(&svg);
            assert!(w >= 560.0 && h > 100.0, "{w} x {h}");
            // Standalone: colours as attributes, no classes or style sheet.
            assert!(!svg.contains("class=") && !svg.contains("<style"));
        }
        let first = m.chains.keys().next().unwrap().clone();
        let en = chain_svg(&m, &first, Lang::En, as_of).unwrap();
        let nl = chain_svg(&m, &first, Lang::Nl, as_of).unwrap();
        assert!(en.contains("Customer need") && nl.contains("Klantbehoefte"));
    }
}

#[test]
fn names_are_escaped_and_a_missing_chain_has_no_picture() {
    let mut m = coffee("en");
    let id = m.chains.keys().next().unwrap().clone();
    let c = m.chains.get_mut(&id).unwrap();
    c.name = "Tea & <coffee> \"now\"".into();
    c.links[0].name = "R&D <lab>".into();
    let kpi = m
        .kpis
        .values_mut()
        .find(|k| matches!(&k.at, Attach::Link { chain, .. } if chain == &id))
        .unwrap();
    kpi.name = "Cups < 5 & 'hot'".into();
    let svg = chain_svg(&m, &id, Lang::En, (2026, 6)).unwrap();
    let text = texts(&svg);
    for name in ["Tea & <coffee> \"now\"", "R&D <lab>", "Cups < 5 & 'hot'"] {
        assert!(text.contains(name), "{name}");
        assert!(svg.contains(&escape(name)), "{name}");
    }
    assert!(!svg.contains("<coffee>") && !svg.contains("<lab>"));
    assert!(chain_svg(&m, &Id::new("no-such-chain"), Lang::En, (2026, 6)).is_none());
}
