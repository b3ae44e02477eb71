//! What a box of the Structure diagram shows on screen (`present::diagram::face`), natively:
//! the markup is well-formed SVG and escapes every text; the name's lines are inside the
//! button while they show the whole name and beside it once cut short, never both; the
//! status mark, value, step badge and dashed outline show when they apply; the tooltip and
//! the accessible description say value and status in words.

use kpi_structure::model::{Id, Lang, Status, Target};
use kpi_structure::present::diagram::face::{
    box_description, box_title, button_svg, deco_svg, edges_svg, fit_name, short_value, Face,
};
use kpi_structure::present::diagram::layout::{Edge, Kind, Node};

fn node(kind: Kind, target: Target, step: Option<usize>) -> Node {
    Node {
        target,
        kind,
        x: 10.0,
        y: 20.0,
        w: 180.0,
        h: 44.0,
        step,
    }
}

fn kpi() -> Node {
    node(Kind::ChainKpi, Target::Kpi(Id::from("k1")), None)
}

fn link() -> Node {
    node(
        Kind::Link,
        Target::Link {
            chain: Id::from("c1"),
            link: Id::from("l1"),
        },
        Some(2),
    )
}

fn face(n: &Node, name: &str) -> Face {
    let (lines, cut) = fit_name(n, name);
    Face {
        lines,
        cut,
        external: false,
        status: None,
        value: String::new(),
    }
}

/// Parses `markup` as the children of an SVG `g` and returns the element names and the text.
fn parse(markup: &str) -> (Vec<String>, String) {
    let doc = format!(r#"<g xmlns="http://www.w3.org/2000/svg">{markup}</g>"#);
    let tree = roxmltree::Document::parse(&doc)
        .unwrap_or_else(|e| panic!("not well-formed ({e}): {markup}"));
    let names = tree
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name().to_string())
        .collect();
    let text = tree
        .descendants()
        .filter(|n| n.is_text() && n.parent().is_some_and(|p| p.tag_name().name() == "tspan"))
        .filter_map(|n| n.text())
        .collect();
    (names, text)
}

#[test]
fn a_name_that_fits_is_inside_the_button_and_not_beside_it() {
    let n = kpi();
    let f = face(&n, "On-time delivery");
    assert!(!f.cut);
    let (inside, text) = parse(&button_svg(&n, "On-time delivery", &f, Lang::En));
    assert!(inside.contains(&"tspan".to_string()), "{inside:?}");
    assert_eq!(text, "On-time delivery");
    let (beside, text) = parse(&deco_svg(&n, &f));
    assert!(!beside.contains(&"tspan".to_string()), "{beside:?}");
    assert_eq!(text, "");
}

#[test]
fn a_name_cut_short_is_beside_the_button_with_an_ellipsis() {
    let n = kpi();
    let name =
        "A very long name of a key performance indicator that cannot fit in two lines of a box";
    let f = face(&n, name);
    assert!(f.cut);
    let (_, inside) = parse(&button_svg(&n, name, &f, Lang::En));
    assert_eq!(inside, "");
    let (_, beside) = parse(&deco_svg(&n, &f));
    assert!(beside.ends_with('…'), "{beside}");
}

#[test]
fn every_text_is_escaped() {
    let n = kpi();
    let name = r#"<script>alert("x")</script> & 'co'"#;
    let mut f = face(&n, name);
    f.status = Some(Status::OnTarget);
    f.value = "<b>9</b>".into();
    for markup in [button_svg(&n, name, &f, Lang::En), deco_svg(&n, &f)] {
        let (names, _) = parse(&markup);
        assert!(
            !names.iter().any(|e| e == "script" || e == "b"),
            "{names:?}"
        );
        assert!(!markup.contains("<script"), "{markup}");
    }
    let (_, text) = parse(&button_svg(&n, name, &f, Lang::En));
    assert_eq!(text.split_whitespace().collect::<Vec<_>>().join(" "), name);
}

#[test]
fn status_value_step_and_dash_show_when_they_apply() {
    let n = kpi();
    let plain = face(&n, "Lead time");
    assert_eq!(deco_svg(&n, &plain), "");
    assert!(!button_svg(&n, "Lead time", &plain, Lang::En).contains("stroke-dasharray"));

    let f = Face {
        status: Some(Status::OffTarget),
        value: "12.5 days".into(),
        ..plain.clone()
    };
    let deco = deco_svg(&n, &f);
    assert!(deco.contains(r#"class="st-status st-off""#), "{deco}");
    assert!(deco.contains(Status::OffTarget.mark()), "{deco}");
    assert!(
        deco.contains(">12.5<"),
        "a long value shows its number: {deco}"
    );

    let l = link();
    let f = Face {
        external: true,
        ..face(&l, "Installer")
    };
    assert!(button_svg(&l, "Installer", &f, Lang::En).contains(r#"stroke-dasharray="4 3""#));
    let deco = deco_svg(&l, &f);
    assert!(deco.contains(">2</text>"), "the step badge: {deco}");
}

#[test]
fn title_and_description_say_value_and_status_in_words() {
    let n = kpi();
    let f = Face {
        status: Some(Status::OnTarget),
        value: "97 %".into(),
        ..face(&n, "Delivery")
    };
    assert_eq!(
        box_title("Delivery", &f, Lang::En),
        format!("Delivery — 97 %, {}", Status::OnTarget.word(Lang::En))
    );
    assert_eq!(
        box_description(Some(3), &f, Lang::Nl),
        Some(format!("Stap 3, 97 %, {}", Status::OnTarget.word(Lang::Nl)))
    );
    let plain = face(&n, "Delivery");
    assert_eq!(box_title("Delivery", &plain, Lang::En), "Delivery");
    assert_eq!(box_description(None, &plain, Lang::En), None);
    let button = button_svg(&n, "Delivery", &f, Lang::En);
    assert!(button.contains("<title>Delivery — 97 %"), "{button}");
}

#[test]
fn short_values_keep_their_unit_and_long_ones_their_number() {
    assert_eq!(short_value("97 %"), "97 %");
    assert_eq!(short_value("1234.56 EUR"), "1234.56");
    assert_eq!(short_value("123456789"), "1234567");
}

#[test]
fn edges_are_one_path_each() {
    let e = |d: &str| Edge {
        from: Id::from("a"),
        to: Id::from("b"),
        d: d.into(),
        bounds: [0.0; 4],
    };
    let markup = edges_svg(
        &[e("M0 0L10 10"), e("M5 5L9 9")],
        "#98a3b3",
        "1.3",
        "st-arrow",
    );
    let (names, _) = parse(&markup);
    assert_eq!(names, ["g", "path", "path"]);
    assert!(markup.contains(r#"marker-end="url(#st-arrow)""#));
    assert_eq!(edges_svg(&[], "#000", "1", "m"), "");
}
