//! "Export slides": the `.pptx` package of the coffee template read back with the zip crate
//! that wrote it: every part the content types name is there, every relationship's target
//! is, every part is well-formed XML, one slide per chain after the title and goals slides,
//! the chains' names and KPI values are on them, in the UI language, and text is escaped.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use kpi_structure::format::slides::{
    write_pptx, Cell, Deck, Frame, Para, Polyline, Rgb, Row, Shape, Slide, Table, TextBox,
};
use kpi_structure::model::meeting::MeetingAt;
use kpi_structure::model::{value_as_of, Date, Lang, Model};
use kpi_structure::present::meeting::{meeting_rows, value_text};
use kpi_structure::present::slides::{slides, slides_file_name};
use support::{coffee, template};

const AS_OF: (i32, u32) = (2026, 3);
const TODAY: Date = Date {
    y: 2026,
    m: 12,
    d: 5,
};

/// Every part of a zip by name, as text.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("an entry");
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8 text");
        out.insert(file.name().expect("a name").to_string(), text);
    }
    out
}

fn export(m: &Model, lang: Lang) -> BTreeMap<String, String> {
    unzip(&slides(m, AS_OF, TODAY, lang).expect("slides are written"))
}

fn slide_count(parts: &BTreeMap<String, String>) -> usize {
    parts
        .keys()
        .filter(|k| k.starts_with("ppt/slides/slide") && k.ends_with(".xml"))
        .count()
}

/// The text of every slide, in order, each as its `<a:t>` texts joined by spaces.
fn slide_texts(parts: &BTreeMap<String, String>) -> Vec<String> {
    (1..=slide_count(parts))
        .map(|i| {
            let xml = &parts[&format!("ppt/slides/slide{i}.xml")];
            let doc = roxmltree::Document::parse(xml).expect("slide XML");
            doc.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The part a relationship in `rels_part` points at, as a path in the zip.
fn resolve(rels_part: &str, target: &str) -> String {
    // `ppt/slides/_rels/slide1.xml.rels` is about `ppt/slides/slide1.xml`: targets are
    // relative to `ppt/slides/`.
    let base = rels_part
        .rsplit_once("_rels/")
        .map(|(dir, _)| dir)
        .unwrap_or("");
    let mut path: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            s => path.push(s),
        }
    }
    path.join("/")
}

#[test]
fn the_package_is_complete_and_well_formed() {
    let parts = export(&coffee(), Lang::En);
    // Every part is well-formed XML.
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // The content types name every part but the rels (a default), and each exists.
    let types = roxmltree::Document::parse(&parts["[Content_Types].xml"]).unwrap();
    let named: BTreeSet<String> = types
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .map(|n| {
            n.attribute("PartName")
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    for part in &named {
        assert!(parts.contains_key(part), "{part} is named but missing");
    }
    for part in parts
        .keys()
        .filter(|p| !p.ends_with(".rels") && *p != "[Content_Types].xml")
    {
        assert!(named.contains(part), "{part} has no content type");
    }
    // Every relationship's target exists.
    let mut rel_count = 0;
    for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let doc = roxmltree::Document::parse(xml).unwrap();
        for r in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
            let target = resolve(name, r.attribute("Target").unwrap());
            assert!(parts.contains_key(&target), "{name} -> {target} is missing");
            rel_count += 1;
        }
    }
    assert!(rel_count > 10, "{rel_count} relationships");
    // The parts PowerPoint needs.
    for part in [
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "ppt/presentation.xml",
        "ppt/_rels/presentation.xml.rels",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideLayouts/slideLayout1.xml",
        "ppt/theme/theme1.xml",
    ] {
        assert!(parts.contains_key(part), "{part}");
    }
    // The presentation lists each slide once, in order, with ids from 256.
    let pres = roxmltree::Document::parse(&parts["ppt/presentation.xml"]).unwrap();
    let ids: Vec<&str> = pres
        .descendants()
        .filter(|n| n.has_tag_name("sldId"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    assert_eq!(ids.len(), slide_count(&parts));
    assert_eq!(ids[0], "256");
}

#[test]
fn the_first_part_is_the_content_types() {
    let bytes = slides(&coffee(), AS_OF, TODAY, Lang::En).unwrap();
    let zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let first = zip.name_for_index(0).and_then(Result::ok);
    assert_eq!(first.as_deref(), Some("[Content_Types].xml"));
}

#[test]
fn a_slide_per_chain_after_the_title_and_the_goals() {
    let m = coffee();
    let parts = export(&m, Lang::En);
    assert_eq!(m.chains.len(), 3);
    assert_eq!(slide_count(&parts), 2 + m.chains.len());
    let texts = slide_texts(&parts);
    assert!(texts[0].contains(&m.name), "{}", texts[0]);
    assert!(texts[0].contains("March 2026"), "{}", texts[0]);
    assert!(texts[0].contains("5 December 2026"), "{}", texts[0]);
    assert!(texts[1].contains("Goals and result KPIs"), "{}", texts[1]);
    for (i, c) in m.chains.values().enumerate() {
        let text = &texts[2 + i];
        assert!(text.contains(&c.name), "slide {}: {text}", 3 + i);
        assert!(text.contains("Open actions"), "{text}");
        for l in &c.links {
            assert!(text.contains(&l.name), "{} on {text}", l.name);
        }
    }
    // The chains are named on the goals slide too.
    for c in m.chains.values() {
        assert!(texts[1].contains(&c.name), "{}", c.name);
    }
}

#[test]
fn kpi_values_norms_and_statuses_are_on_the_chain_slides() {
    let m = coffee();
    let texts = slide_texts(&export(&m, Lang::En));
    let all = texts.join("\n");
    let mut values = 0;
    for k in m.kpis.values() {
        assert!(all.contains(&k.name), "{}", k.name);
        if let Some(v) = value_as_of(k, AS_OF) {
            let shown = value_text(Some(v), &k.unit, Lang::En);
            assert!(all.contains(&shown), "{} = {shown}", k.name);
            values += 1;
        }
    }
    assert!(values > 5, "the template has values as of {AS_OF:?}");
    // A status is a word beside its mark, not colour alone.
    assert!(
        ["on target", "at risk", "off target"]
            .iter()
            .any(|w| all.contains(w)),
        "{all}"
    );
    // The trends are lines (custom geometry) with their sentence as alternative text.
    let parts = export(&m, Lang::En);
    let chain_slide = &parts["ppt/slides/slide3.xml"];
    assert!(chain_slide.contains("<a:custGeom>"), "a trend line");
    assert!(
        chain_slide.contains("descr=\"Trend over 12 months: "),
        "its alt text"
    );
    assert!(chain_slide.contains("<a:tbl>"), "a KPI table");
    // One trend sentence per KPI of the chain meeting (each has values in its last periods).
    let first = m.chains.keys().next().unwrap().clone();
    let rows = meeting_rows(&m, &MeetingAt::Chain(first)).len();
    assert_eq!(chain_slide.matches("descr=\"Trend over ").count(), rows);
}

#[test]
fn dutch_slides_are_in_dutch() {
    let m = template("coffee-machines.nl.kpi.json");
    let parts = export(&m, Lang::Nl);
    assert_eq!(slide_count(&parts), 2 + m.chains.len());
    let all = slide_texts(&parts).join("\n");
    for word in [
        "Doelen en resultaat-KPI's",
        "Openstaande acties",
        "Stand per maart 2026",
        "5 december 2026",
        "Waarde",
        "Verloop",
        "Klantbehoefte",
    ] {
        assert!(all.contains(word), "{word} in {all}");
    }
    assert!(!all.contains("Open actions"), "no English left");
    assert!(parts["ppt/slides/slide3.xml"].contains("lang=\"nl-NL\""));
}

#[test]
fn text_is_escaped() {
    let mut m = coffee();
    let tricky = "R&D <new> \"beans\" 'n' more";
    m.name = tricky.to_string();
    if let Some(c) = m.chains.values_mut().next() {
        c.name = tricky.to_string();
        c.trigger = "a < b && c > d\u{1}".to_string();
    }
    let parts = export(&m, Lang::En);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let texts = slide_texts(&parts);
    assert!(texts[0].contains(tricky), "{}", texts[0]);
    assert!(texts[2].contains(tricky), "{}", texts[2]);
    assert!(texts[2].contains("a < b && c > d"), "{}", texts[2]);
    assert!(parts["ppt/slides/slide3.xml"].contains("R&amp;D &lt;new&gt; &quot;beans&quot;"));
    assert!(parts["docProps/core.xml"].contains("<dc:title>R&amp;D &lt;new&gt;"));
    assert_eq!(slides_file_name(&m), "R&D -new- -beans- 'n' more.pptx");
}

#[test]
fn a_chain_with_many_kpis_goes_on_over_more_slides() {
    let mut m = coffee();
    let first = m.chains.keys().next().unwrap().clone();
    let template_kpi = m
        .kpis
        .values()
        .find(|k| matches!(&k.at, kpi_structure::model::Attach::Chain { chain } if *chain == first))
        .unwrap()
        .clone();
    for i in 0..40 {
        let mut k = template_kpi.clone();
        k.id = kpi_structure::model::Id::new(format!("extra{i}"));
        k.name = format!("Extra KPI {i}");
        m.kpis.insert(k.id.clone(), k);
    }
    let texts = slide_texts(&export(&m, Lang::En));
    assert!(texts.len() > 2 + m.chains.len(), "{} slides", texts.len());
    let all = texts.join("\n");
    assert!(all.contains("Extra KPI 39"));
    assert!(all.contains("(continued)"));
}

#[test]
fn an_empty_model_still_makes_a_deck() {
    let parts = export(&Model::default(), Lang::En);
    assert_eq!(slide_count(&parts), 2);
    let texts = slide_texts(&parts);
    assert!(texts[0].contains("(no name)"));
    assert!(texts[1].contains("No result KPIs yet."));
}

#[test]
fn the_writer_keeps_tables_rectangular_and_drops_bad_lines() {
    let deck = Deck {
        title: "t".into(),
        lang: Lang::En,
        date: None,
        slides: vec![Slide {
            title: "One".into(),
            title_at: None,
            shapes: vec![
                Shape::Table(Table {
                    frame: Frame::default(),
                    columns: vec![100, 100, 100],
                    rows: vec![
                        // Spans more columns than there are, then too few cells.
                        Row {
                            height: 10,
                            cells: vec![Cell::of(Para::text("wide", 1000)).span(5)],
                        },
                        Row {
                            height: 10,
                            cells: vec![Cell::of(Para::text("a", 1000))],
                        },
                    ],
                    name: "T".into(),
                }),
                // A line of one point draws nothing.
                Shape::Line(Polyline {
                    frame: Frame::default(),
                    w: 10,
                    h: 10,
                    runs: vec![vec![(1, 1)]],
                    color: Rgb(0),
                    width: 1,
                    dashed: false,
                    descr: String::new(),
                }),
                Shape::Text(TextBox::default()),
            ],
        }],
    };
    let parts = unzip(&write_pptx(&deck).unwrap());
    let xml = &parts["ppt/slides/slide1.xml"];
    let doc = roxmltree::Document::parse(xml).unwrap();
    for tr in doc.descendants().filter(|n| n.has_tag_name("tr")) {
        let cells = tr.children().filter(|n| n.has_tag_name("tc")).count();
        assert_eq!(cells, 3, "{xml}");
    }
    assert!(xml.contains("gridSpan=\"3\""));
    assert!(!xml.contains("custGeom"));
}

#[test]
fn a_long_chain_flows_in_one_line_of_text() {
    use kpi_structure::present::slides::BOXED_LINKS;
    let mut m = coffee();
    let boxes = |m: &Model| {
        let xml = &export(m, Lang::En)["ppt/slides/slide3.xml"];
        xml.matches("prst=\"roundRect\"").count()
    };
    assert_eq!(boxes(&m), 5 + 2, "a box per link and the two ends");
    let first = m.chains.values_mut().next().unwrap();
    let link = first.links[0].clone();
    while first.links.len() <= BOXED_LINKS {
        let mut l = link.clone();
        l.id = kpi_structure::model::Id::new(format!("l{}", first.links.len() + 100));
        l.name = format!("Link {}", first.links.len());
        first.links.push(l);
    }
    assert_eq!(boxes(&m), 0);
    let texts = slide_texts(&export(&m, Lang::En));
    assert!(
        texts[2].contains(&format!("Link {BOXED_LINKS}")),
        "{}",
        texts[2]
    );
    assert!(texts[2].contains("Customer need: "), "{}", texts[2]);
}

#[test]
fn a_chain_slide_lists_its_open_actions() {
    use kpi_structure::model::meeting::Action;
    use kpi_structure::model::Id;
    let mut m = coffee();
    let chain = m.chains.values_mut().next().unwrap();
    let action = |id: &str, what: &str, due: &str, done: bool, escalated: bool| Action {
        id: Id::new(id),
        what: what.to_string(),
        owner: "Planner".to_string(),
        due: due.to_string(),
        done,
        escalated,
    };
    chain.meeting.actions = vec![
        action("a1", "Hire a temporary fitter", "2026-10", false, true),
        action("a2", "Already done", "2026-09", true, false),
        action("a3", "Check the van stock", "next meeting", false, false),
    ];
    let texts = slide_texts(&export(&m, Lang::En));
    let slide = &texts[2];
    for text in [
        "Hire a temporary fitter",
        "Planner · due 2026-10",
        "(overdue)",
        "Escalated to MT",
        "Check the van stock",
    ] {
        assert!(slide.contains(text), "{text} in {slide}");
    }
    assert!(!slide.contains("Already done"), "done actions are not open");
    assert!(!slide.contains("None."), "{slide}");
    // The goals slide counts them per chain.
    assert!(
        texts[1].contains("New coffee machine ✓  on target 2"),
        "{}",
        texts[1]
    );
}

#[test]
fn the_zip_writer_makes_archives_the_zip_crate_reads_and_checks() {
    use kpi_structure::format::stored_zip::{crc32, stored_zip, ZipError};
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
    assert_eq!(crc32(b""), 0);
    let files = vec![
        ("a.xml".to_string(), b"<a/>".to_vec()),
        (
            "dir/b.bin".to_string(),
            (0..=255u8).cycle().take(70_000).collect(),
        ),
        ("empty".to_string(), Vec::new()),
    ];
    let bytes = stored_zip(&files, Some(TODAY)).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    assert_eq!(zip.len(), 3);
    for (i, (name, data)) in files.iter().enumerate() {
        let mut file = zip.by_index(i).unwrap();
        assert_eq!(file.name().unwrap(), name.as_str());
        assert_eq!(file.compression(), zip::CompressionMethod::Stored);
        let mut read = Vec::new();
        // The reader checks each entry's CRC-32 at its end.
        file.read_to_end(&mut read).unwrap();
        assert_eq!(&read, data);
        let t = file.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2026, 12, 5, 12));
    }
    // A damaged byte is caught by the CRC: the checksums are the real ones.
    let mut damaged = bytes.clone();
    let at = 30 + "a.xml".len(); // the first entry's data
    damaged[at] ^= 1;
    let mut zip = zip::ZipArchive::new(Cursor::new(&damaged[..])).unwrap();
    let mut read = Vec::new();
    assert!(zip.by_index(0).unwrap().read_to_end(&mut read).is_err());
    // A date a zip cannot hold is 1980-01-01.
    let old = stored_zip(
        &files[..1],
        Some(Date {
            y: 1970,
            m: 1,
            d: 1,
        }),
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(&old[..])).unwrap();
    let t = zip.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1));
    // More entries than a zip without zip64 holds is an error, not a broken file.
    let many: Vec<(String, Vec<u8>)> = (0..70_000).map(|i| (format!("{i}"), Vec::new())).collect();
    assert_eq!(stored_zip(&many, None), Err(ZipError::TooManyEntries));
}

#[test]
fn a_long_customer_need_is_cut_to_fit_its_box() {
    let mut m = coffee();
    let long = "word ".repeat(100);
    m.chains.values_mut().next().unwrap().trigger = long.clone();
    let texts = slide_texts(&export(&m, Lang::En));
    assert!(!texts[2].contains(long.trim()), "{}", texts[2]);
    assert!(texts[2].contains("word word…"), "{}", texts[2]);
}
