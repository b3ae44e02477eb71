//! The Structure diagram's geometry and SVG export, natively: the shipped templates lay out
//! without overlaps, with a box per element and an arrow per drives pair; names fit or are
//! cut with an ellipsis; the SVG is well-formed and escapes names; `visible` finds exactly the
//! boxes and arrows near a viewport.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use std::collections::HashSet;
use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::{large_model, Attach, Lang, Model, Target};
use kpi_structure::present::diagram::layout::{
    fit_lines, layout, spaced_lines, text_width, Kind, Layout, Node, Skeleton,
};
use kpi_structure::present::diagram::svg::{escape, export_svg, export_svg_as_of};

fn template(file: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/templates")
        .join(file);
    import_json(&std::fs::read_to_string(path).expect(file))
        .expect(file)
        .model
}

fn coffee() -> Model {
    template("coffee-machines.en.kpi.json")
}

fn templates() -> Vec<(String, Model)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("templates")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".kpi.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| (f.clone(), template(&f)))
        .collect()
}

fn of(m: &Model) -> Layout {
    layout(&Skeleton::of(m))
}

/// True if the two boxes share more than an edge.
fn overlap(a: &Node, b: &Node) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[test]
fn templates_lay_out_without_overlaps_inside_the_diagram() {
    for (file, m) in templates() {
        let l = of(&m);
        assert!(!l.nodes.is_empty(), "{file}");
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(a.w > 0.0 && a.h > 0.0, "{file}: {a:?}");
            assert!(a.x >= 0.0 && a.y >= 0.0, "{file}: {a:?}");
            assert!(
                a.x + a.w <= l.width && a.y + a.h <= l.height,
                "{file}: {a:?}"
            );
            for b in &l.nodes[i + 1..] {
                assert!(!overlap(a, b), "{file}: {a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn coffee_has_one_box_per_element() {
    let m = coffee();
    let l = of(&m);
    let targets: Vec<&Target> = l.nodes.iter().map(|n| &n.target).collect();
    let unique: HashSet<&Target> = targets.iter().copied().collect();
    assert_eq!(unique.len(), targets.len(), "a target drawn twice");
    for id in m.kpis.keys() {
        assert!(
            unique.contains(&Target::Kpi(id.clone())),
            "KPI {id:?} has no box"
        );
    }
    for id in m.goals.keys() {
        assert!(unique.contains(&Target::Goal(id.clone())));
    }
    for (cid, c) in &m.chains {
        assert!(unique.contains(&Target::Chain(cid.clone())));
        for (i, link) in c.links.iter().enumerate() {
            let t = Target::Link {
                chain: cid.clone(),
                link: link.id.clone(),
            };
            let n = l.nodes.iter().find(|n| n.target == t).expect("link box");
            assert_eq!((n.kind, n.step), (Kind::Link, Some(i + 1)));
        }
    }
    // A handover with KPIs has a box of its own (coffee: three, one per chain).
    let mut handovers: Vec<Target> = m
        .kpis
        .values()
        .filter_map(|k| match &k.at {
            Attach::Handover { chain, link } => Some(Target::Handover {
                chain: chain.clone(),
                link: link.clone(),
            }),
            _ => None,
        })
        .collect();
    handovers.sort();
    handovers.dedup();
    assert_eq!(handovers.len(), 3);
    for t in &handovers {
        let n = l
            .nodes
            .iter()
            .find(|n| &n.target == t)
            .expect("handover box");
        assert_eq!(n.kind, Kind::Handover);
    }
    let boxes = m.goals.len()
        + m.kpis.len()
        + handovers.len()
        + m.chains.values().map(|c| 1 + c.links.len()).sum::<usize>();
    assert_eq!(l.nodes.len(), boxes);
}

#[test]
fn coffee_has_one_arrow_per_drives_pair() {
    let m = coffee();
    let l = of(&m);
    let pairs: Vec<(_, _)> = m
        .kpis
        .values()
        .flat_map(|k| k.drives.iter().map(|d| (k.id.clone(), d.clone())))
        .collect();
    assert!(!pairs.is_empty());
    assert_eq!(l.edges.len(), pairs.len());
    for (from, to) in &pairs {
        let n = l
            .edges
            .iter()
            .filter(|e| &e.from == from && &e.to == to)
            .count();
        assert_eq!(n, 1, "{from:?} -> {to:?}");
    }
    for e in &l.edges {
        assert!(e.d.starts_with('M'), "{}", e.d);
    }
}

#[test]
fn an_empty_model_has_an_empty_layout() {
    let l = of(&Model::default());
    assert!(l.nodes.is_empty() && l.edges.is_empty());
    assert!(l.visible(0.0, 0.0, 1e6, 1e6, 0.0).is_empty());
}

#[test]
fn fit_lines_wraps_words_within_the_width() {
    let name = "Share of repairs fixed at the first visit within four hours";
    let (lines, cut) = fit_lines(name, 120.0, 11.0, false, 9);
    assert!(!cut);
    assert!(lines.len() > 2, "{lines:?}");
    assert!(
        lines.iter().all(|l| text_width(l, 11.0, false) <= 120.0),
        "{lines:?}"
    );
    assert_eq!(lines.join(" "), name);

    let (short, cut) = fit_lines("Uptime", 120.0, 11.0, false, 2);
    assert_eq!((short, cut), (vec!["Uptime".to_string()], false));
}

#[test]
fn spaced_lines_read_together_give_the_name() {
    // Wrapped at words: each line but the last ends in a space (a screen reader and axe read
    // the lines of a box as one text).
    let name = "Share of repairs fixed at the first   visit within four hours";
    let (lines, _) = fit_lines(name, 120.0, 11.0, false, 9);
    let spaced = spaced_lines(name, &lines);
    assert_eq!(
        spaced.concat(),
        "Share of repairs fixed at the first visit within four hours"
    );
    assert!(!spaced.last().unwrap().ends_with(' '));
    // A word broken across lines stays whole.
    let long = "x".repeat(30);
    let (lines, cut) = fit_lines(&format!("{long} y"), 60.0, 11.0, true, 9);
    assert!(!cut && lines.len() > 2, "{lines:?}");
    assert_eq!(
        spaced_lines(&format!("{long} y"), &lines).concat(),
        format!("{long} y")
    );
    assert_eq!(
        spaced_lines("Uptime", &["Uptime".to_string()]),
        vec!["Uptime".to_string()]
    );
}

#[test]
fn fit_lines_breaks_a_long_word_and_ellipsizes_the_last_line() {
    let (lines, cut) = fit_lines(&"x".repeat(80), 60.0, 11.0, true, 3);
    assert!(cut);
    assert_eq!(lines.len(), 3);
    assert!(lines[..2].iter().all(|l| l.chars().all(|c| c == 'x')));
    assert!(lines[2].ends_with('…'));

    let name = "Average time from the customer's call to the technician at the machine";
    let (lines, cut) = fit_lines(name, 100.0, 11.0, false, 2);
    assert!(cut);
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'), "{lines:?}");
    assert!(
        lines.iter().all(|l| text_width(l, 11.0, false) <= 100.0),
        "{lines:?}"
    );
    assert!(name.starts_with(lines[0].as_str()));
}

/// Checks that `svg` is well-formed as far as the export writes it: balanced, properly nested
/// tags, quoted attribute values without `<` or `"`, and only the five XML entities.
fn assert_well_formed(svg: &str) {
    let body = svg
        .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
        .expect("XML declaration");
    let mut open: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        assert_entities(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("unclosed tag") + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "closing {name}");
            continue;
        }
        let (tag, closed) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()));
        while !attrs.trim().is_empty() {
            let (key, after) = attrs.trim_start().split_once("=\"").expect("attribute");
            assert!(key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'));
            let end = after.find('"').expect("attribute value ends");
            assert!(!after[..end].contains('<'), "{key}");
            assert_entities(&after[..end]);
            attrs = &after[end + 1..];
        }
        if !closed {
            open.push(name.to_string());
        }
    }
    assert_entities(rest);
    assert!(open.is_empty(), "left open: {open:?}");
}

fn assert_entities(text: &str) {
    for (i, _) in text.match_indices('&') {
        let e = &text[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|x| e.starts_with(x)),
            "bare & in {text:?}"
        );
    }
}

#[test]
fn svg_export_is_well_formed_and_names_every_element() {
    for (file, m) in templates() {
        let svg = export_svg(&m, &of(&m), Lang::En);
        assert_well_formed(&svg);
        let names = m
            .goals
            .values()
            .map(|g| &g.name)
            .chain(m.kpis.values().map(|k| &k.name));
        let chains = m
            .chains
            .values()
            .flat_map(|c| std::iter::once(&c.name).chain(c.links.iter().map(|l| &l.name)));
        for name in names.chain(chains) {
            assert!(
                svg.contains(&format!("<title>{}</title>", escape(name))),
                "{file}: {name}"
            );
        }
    }
}

#[test]
fn svg_export_escapes_names() {
    let mut m = coffee();
    m.name = r#"Coffee <&"> 'machines'"#.into();
    let nasty = r#"<b>Fix & "repair"</b>"#;
    m.goals.values_mut().next().expect("goal").name = nasty.into();
    m.kpis.values_mut().next().expect("kpi").name = format!("{nasty} rate");
    let chain = m.chains.values_mut().next().expect("chain");
    chain.name = format!("{nasty} chain");
    chain.links[0].name = format!("{nasty} link");
    let svg = export_svg(&m, &of(&m), Lang::Nl);
    assert_well_formed(&svg);
    assert!(!svg.contains("<b>") && !svg.contains(r#""repair""#));
    assert!(svg.contains("<title>Coffee &lt;&amp;&quot;&gt; &apos;machines&apos;</title>"));
    let escaped = "&lt;b&gt;Fix &amp; &quot;repair&quot;&lt;/b&gt;";
    for suffix in ["", " rate", " chain", " link"] {
        assert!(
            svg.contains(&format!("<title>{escaped}{suffix}</title>")),
            "{suffix}"
        );
    }
    assert!(svg.contains("Doel"), "Dutch legend");
}

/// The printed structure: each KPI with a value as of the month carries it with its status
/// mark and word, in the status colours; a KPI without a value carries nothing; the screen's
/// export is unchanged.
#[test]
fn svg_as_of_marks_each_kpi_with_its_value_and_status() {
    let m = coffee();
    let month = kpi_structure::model::steer::parse_month("2026-11").expect("month");
    let plain = export_svg(&m, &of(&m), Lang::En);
    let svg = export_svg_as_of(&m, &of(&m), Lang::En, Some(month));
    assert_well_formed(&svg);
    assert_eq!(plain, export_svg_as_of(&m, &of(&m), Lang::En, None));
    assert!(!plain.contains("<title>on target</title>"));
    // "Machines installed on time" is 97.5% in November 2026: on target (at least 95).
    assert!(svg.contains(">97.5% ✓</text>"), "{svg}");
    assert!(svg.contains(r##"<title>on target</title><rect width="##));
    assert!(svg.contains(r##"fill="#e3f4ea" stroke="#1e7b4f""##));
    let with_value = m
        .kpis
        .values()
        .filter(|k| kpi_structure::model::value_as_of(k, month).is_some())
        .count();
    let pills = ["on target", "at risk", "off target", "no norm"]
        .iter()
        .map(|w| svg.matches(&format!("<title>{w}</title><rect")).count())
        .sum::<usize>();
    assert_eq!(pills, with_value);
    let nl = export_svg_as_of(&m, &of(&m), Lang::Nl, Some(month));
    assert!(nl.contains(">97,5% ✓</text>") && nl.contains("<title>op norm</title>"));
}

/// The nodes meeting the grown rectangle, by looking at every one.
fn brute(l: &Layout, r: [f64; 4], margin: f64) -> Vec<usize> {
    let [x0, y0, x1, y1] = r;
    (0..l.nodes.len())
        .filter(|&i| {
            let n = &l.nodes[i];
            n.x <= x1 + margin
                && n.x + n.w >= x0 - margin
                && n.y <= y1 + margin
                && n.y + n.h >= y0 - margin
        })
        .collect()
}

fn viewports(l: &Layout) -> Vec<[f64; 4]> {
    let mut out = Vec::new();
    for (w, h) in [(300.0, 200.0), (900.0, 600.0), (50.0, 50.0)] {
        let mut y = -100.0;
        while y < l.height + 100.0 {
            let mut x = -150.0;
            while x < l.width + 100.0 {
                out.push([x, y, x + w, y + h]);
                x += w * 0.7;
            }
            y += h * 0.7;
        }
    }
    out
}

#[test]
fn visible_returns_exactly_the_nodes_near_the_viewport() {
    for m in [coffee(), large_model(40, 600)] {
        let l = of(&m);
        for r in viewports(&l) {
            for margin in [0.0, 40.0] {
                let [x0, y0, x1, y1] = r;
                let got = l.visible(x0, y0, x1, y1, margin);
                assert_eq!(got, brute(&l, r, margin), "{r:?} margin {margin}");
                // Corners in either order mean the same rectangle.
                assert_eq!(l.visible(x1, y1, x0, y0, margin), got);
            }
        }
        let all: Vec<usize> = (0..l.nodes.len()).collect();
        assert_eq!(l.visible(0.0, 0.0, l.width, l.height, 0.0), all);
        assert!(l
            .visible(l.width + 10.0, 0.0, l.width + 500.0, l.height, 5.0)
            .is_empty());
    }
}

#[test]
fn visible_grows_by_the_margin_and_counts_touching_boxes() {
    let l = of(&coffee());
    let n = &l.nodes[0];
    let right = n.x + n.w;
    // A viewport starting 10 right of the first box: seen with a margin of 10, not 9.
    assert!(!l
        .visible(right + 10.0, n.y, right + 20.0, n.y + 1.0, 9.0)
        .contains(&0));
    assert!(l
        .visible(right + 10.0, n.y, right + 20.0, n.y + 1.0, 10.0)
        .contains(&0));
    assert!(l.visible(right, n.y, right + 5.0, n.y, 0.0).contains(&0));
}

#[test]
fn visible_scans_a_layout_built_by_hand() {
    let mut l = Layout::default();
    for (x, y) in [(500.0, 0.0), (0.0, 0.0), (250.0, 300.0)] {
        l.nodes.push(Node {
            target: Target::Model,
            kind: Kind::Goal,
            x,
            y,
            w: 100.0,
            h: 40.0,
            step: None,
        });
    }
    assert_eq!(l.visible(50.0, 10.0, 520.0, 20.0, 0.0), vec![0, 1]);
    assert_eq!(l.visible(0.0, 100.0, 600.0, 200.0, 100.0), vec![0, 1, 2]);
}

#[test]
fn visible_edges_are_those_whose_box_meets_the_viewport() {
    for m in [coffee(), large_model(12, 200)] {
        let l = of(&m);
        assert!(!l.edges.is_empty());
        for e in &l.edges {
            // The arrow's box reaches both of its KPIs' boxes.
            let [el, et, er, eb] = e.bounds;
            assert!(el <= er && et <= eb, "{e:?}");
            for id in [&e.from, &e.to] {
                let n = l
                    .nodes
                    .iter()
                    .find(|n| n.target == Target::Kpi(id.clone()))
                    .expect("box");
                assert!(
                    n.x <= er && el <= n.x + n.w && n.y <= eb && et <= n.y + n.h,
                    "{e:?} misses {n:?}"
                );
            }
        }
        for [x0, y0, x1, y1] in viewports(&l) {
            let expected: Vec<usize> = (0..l.edges.len())
                .filter(|&i| {
                    let [el, et, er, eb] = l.edges[i].bounds;
                    el <= x1 + 8.0 && x0 - 8.0 <= er && et <= y1 + 8.0 && y0 - 8.0 <= eb
                })
                .collect();
            assert_eq!(l.visible_edges(x0, y0, x1, y1, 8.0), expected);
        }
        let all: Vec<usize> = (0..l.edges.len()).collect();
        assert_eq!(l.visible_edges(0.0, 0.0, l.width, l.height, 0.0), all);
        assert!(l
            .visible_edges(0.0, l.height + 50.0, l.width, l.height + 90.0, 0.0)
            .is_empty());
    }
}

/// The picture's width and the right end of its legend's texts (as laid out by `text_width`).
fn legend_fits(svg: &str) -> (f64, f64) {
    use kpi_structure::present::diagram::layout::text_width;
    let attr = |s: &str, name: &str| -> f64 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..s[at..].find('"').unwrap() + at].parse().unwrap()
    };
    let width = attr(svg, "width");
    let legend = &svg[svg.rfind("font-size=\"11\"").unwrap()..];
    let right = legend
        .split("<text ")
        .skip(1)
        .map(|t| {
            let text = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            attr(t, "x") + text_width(text, 11.0, false)
        })
        .fold(0.0, f64::max);
    (width, right)
}

#[test]
fn the_legend_wraps_within_a_narrow_picture() {
    // One small chain: a picture narrower than the legend in one row (Dutch names are longer).
    use kpi_structure::model::Edit;
    let mut m = coffee();
    let chains: Vec<_> = m.chains.keys().skip(1).cloned().collect();
    for id in chains {
        m.apply(Edit::DeleteChain { id }).unwrap();
    }
    let goals: Vec<_> = m.goals.keys().cloned().collect();
    for id in goals {
        m.apply(Edit::DeleteGoal { id }).unwrap();
    }
    for lang in [Lang::En, Lang::Nl] {
        let svg = export_svg(&m, &of(&m), lang);
        assert_well_formed(&svg);
        let (width, right) = legend_fits(&svg);
        assert!(
            right <= width - 10.0,
            "{lang:?}: legend ends at {right} of {width}"
        );
    }
    // Wrapped into two rows, the picture is taller than with the legend in one.
    let wide = export_svg(&coffee(), &of(&coffee()), Lang::Nl);
    let (width, right) = legend_fits(&wide);
    assert!(right <= width - 10.0, "legend ends at {right} of {width}");
}
