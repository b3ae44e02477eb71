//! The diagram as a self-contained SVG file: every colour and font is an attribute, nothing
//! depends on the page's CSS. Shares the geometry ([`super::layout`]) and the colours
//! ([`Palette`]) with the view.

use std::fmt::Write;

use crate::model::handover::handover_name;
use crate::model::{status_as_of, Lang, Model, Month, Status, Target};
use crate::present::sparkline::value_text;

use super::layout::{fit_lines, Kind, Layout};

/// The font stack of every text.
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/// Colour of a drives arrow.
pub const EDGE: &str = "#98a3b3";
/// Colour of a drives arrow of the selected element (view only).
pub const EDGE_HOT: &str = "#d9480f";
/// Colour of dark text.
pub const INK: &str = "#1c2430";
/// Colour of a link's step badge.
pub const BADGE: &str = "#5b6675";

/// Fill, outline and text colour of a box.
pub struct Palette {
    /// Fill colour.
    pub fill: &'static str,
    /// Outline colour.
    pub stroke: &'static str,
    /// Colour of the name.
    pub text: &'static str,
    /// Corner radius.
    pub radius: f64,
}

impl Kind {
    /// The colours and corner radius of a box of this kind.
    pub fn palette(self) -> Palette {
        match self {
            Kind::Goal => Palette {
                fill: "#1f4e79",
                stroke: "#1f4e79",
                text: "#ffffff",
                radius: 8.0,
            },
            Kind::Result => Palette {
                fill: "#e4edf7",
                stroke: "#1f4e79",
                text: INK,
                radius: 6.0,
            },
            Kind::Chain => Palette {
                fill: "#2a7f62",
                stroke: "#2a7f62",
                text: "#ffffff",
                radius: 8.0,
            },
            Kind::ChainKpi => Palette {
                fill: "#e3f2eb",
                stroke: "#2a7f62",
                text: INK,
                radius: 6.0,
            },
            Kind::Link => Palette {
                fill: "#ffffff",
                stroke: "#8793a3",
                text: INK,
                radius: 5.0,
            },
            Kind::LinkKpi => Palette {
                fill: "#fdf3e1",
                stroke: "#c7871a",
                text: INK,
                radius: 6.0,
            },
            Kind::Handover => Palette {
                fill: "#ffffff",
                stroke: "#7b4fa6",
                text: INK,
                radius: 12.0,
            },
            Kind::HandoverKpi => Palette {
                fill: "#f3ecfa",
                stroke: "#7b4fa6",
                text: INK,
                radius: 6.0,
            },
        }
    }

    /// The legend's name of the kind.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Goal => lang.pick("Goal", "Doel"),
            Kind::Result => lang.pick("Result KPI", "Resultaat-KPI"),
            Kind::Chain => lang.pick("Customer chain", "Klantketen"),
            Kind::ChainKpi => lang.pick("Chain KPI", "Keten-KPI"),
            Kind::Link => lang.pick("Link", "Schakel"),
            Kind::LinkKpi => lang.pick("Link KPI", "Schakel-KPI"),
            Kind::Handover => lang.pick("Handover", "Overdracht"),
            Kind::HandoverKpi => lang.pick("Handover KPI", "Overdrachts-KPI"),
        }
    }

    /// Every kind, in legend order.
    pub const ALL: [Kind; 8] = [
        Kind::Goal,
        Kind::Result,
        Kind::Chain,
        Kind::ChainKpi,
        Kind::Link,
        Kind::LinkKpi,
        Kind::Handover,
        Kind::HandoverKpi,
    ];
}

/// Baselines (relative to the box top) of `n` lines of `size` in a box of height `h`.
pub fn baselines(n: usize, size: f64, h: f64) -> Vec<f64> {
    let lh = size * 1.22;
    let first = h / 2.0 - lh * (n.max(1) as f64 - 1.0) / 2.0 + size * 0.36;
    (0..n).map(|i| first + lh * i as f64).collect()
}

/// `s` as XML text or attribute value: `&<>"'` escaped, control characters (but newline and
/// tab) dropped ([`crate::format::xml::escape_xml`]).
pub fn escape(s: &str) -> String {
    crate::format::xml::escape_xml(s, "\n")
}

/// True if the link is outside the organisation (drawn dashed).
pub fn is_external(m: &Model, t: &Target) -> bool {
    read_is_external(&crate::model::Reader::new(m), t)
}

/// [`is_external`], read through `r` (that link's own fields).
pub fn read_is_external(r: &crate::model::Reader, t: &Target) -> bool {
    match t {
        Target::Link { chain, link } => r.link(chain, link).is_some_and(|l| l.external),
        _ => false,
    }
}

const TITLE_H: f64 = 34.0;
const LEGEND_H: f64 = 34.0;
/// The height of each further row of the legend.
const LEGEND_ROW: f64 = 20.0;

/// The whole diagram with the model's name on top and a legend below.
pub fn export_svg(m: &Model, l: &Layout, lang: Lang) -> String {
    export_svg_as_of(m, l, lang, None)
}

/// A status's colours in a drawing (the same as the screen's): its ink and its background.
pub const fn status_colours(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::OnTarget => ("#1e7b4f", "#e3f4ea"),
        Status::AtRisk => ("#8a5a00", "#fff1cc"),
        Status::OffTarget => ("#b42318", "#fde7e7"),
        Status::NoValue | Status::NoNorm => ("#5b6675", "#eef0f3"),
    }
}

/// A KPI's value and status mark as of `as_of` as a pill on its box's top right corner
/// ("97.5% ✓"), in the status colours; nothing for a KPI without a value.
fn value_pill(out: &mut String, m: &Model, n: &super::layout::Node, lang: Lang, as_of: Month) {
    let Target::Kpi(id) = &n.target else { return };
    let Some(k) = m.kpis.get(id) else { return };
    let Some(value) = value_text(k, as_of, lang) else {
        return;
    };
    let status = status_as_of(k, as_of);
    let (fg, bg) = status_colours(status);
    let text = format!("{value} {}", status.mark());
    let w = super::layout::text_width(&text, 9.5, true) + 10.0;
    let x = n.w - w - 4.0;
    let _ = write!(
        out,
        r#"<g transform="translate({} -7)"><title>{}</title><rect width="{}" height="14" rx="7" fill="{bg}" stroke="{fg}" stroke-width="0.8"/><text x="{}" y="10.2" font-size="9.5" font-weight="700" fill="{fg}" text-anchor="middle">{}</text></g>"#,
        crate::format::fixed::fixed(x, 1),
        escape(status.word(lang)),
        crate::format::fixed::fixed(w, 1),
        crate::format::fixed::fixed(w / 2.0, 1),
        escape(&text),
    );
}

/// The start of a standalone SVG picture of `width` x `height` CSS pixels: its `title`, the
/// arrow head (`url(#arrow)`), a white background and `title` as a heading on top.
pub fn head(width: f64, height: f64, title: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">
<title>{title}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 1L10 5L0 9z" fill="{EDGE}"/></marker></defs>
<rect width="{w}" height="{h}" fill="#ffffff"/>
<text x="20" y="26" font-size="16" font-weight="700" fill="{INK}">{title}</text>
"##,
        w = width,
        h = height,
        title = escape(title),
    )
}

/// A legend item's place: a kind's swatch and name, or (`None`) the "drives" arrow.
struct LegendItem {
    kind: Option<Kind>,
    x: f64,
    y: f64,
}

/// The legend's items laid out in rows of 20 px within `width` (a narrow picture wraps them).
fn legend_items(lang: Lang, width: f64) -> Vec<LegendItem> {
    let item_w = |k: Option<Kind>| match k {
        Some(k) => 19.0 + super::layout::text_width(k.label(lang), 11.0, false) + 16.0,
        None => 30.0 + super::layout::text_width(lang.pick("drives", "stuurt"), 11.0, false),
    };
    let (mut x, mut y) = (20.0, 0.0);
    let mut items = Vec::new();
    for kind in Kind::ALL.into_iter().map(Some).chain([None]) {
        let w = item_w(kind);
        if x > 20.0 && x + w > width - 20.0 {
            (x, y) = (20.0, y + LEGEND_ROW);
        }
        items.push(LegendItem { kind, x, y });
        x += w;
    }
    items
}

/// The legend's height for a picture `width` wide.
fn legend_height(lang: Lang, width: f64) -> f64 {
    let rows = legend_items(lang, width)
        .last()
        .map_or(0.0, |i| i.y / LEGEND_ROW)
        + 1.0;
    LEGEND_H + (rows - 1.0) * LEGEND_ROW
}

/// [`export_svg`]; with `as_of`, each KPI's box carries its value and status mark as of that
/// month (the printed structure).
pub fn export_svg_as_of(m: &Model, l: &Layout, lang: Lang, as_of: Option<Month>) -> String {
    let width = l.width.max(560.0);
    let height = l.height + TITLE_H + legend_height(lang, width);
    let mut s = head(width, height, &m.name);
    let _ = writeln!(s, r#"<g transform="translate(0 {TITLE_H})">"#);
    for e in &l.edges {
        let _ = writeln!(
            s,
            r#"<path d="{}" fill="none" stroke="{EDGE}" stroke-width="1.3" marker-end="url(#arrow)"/>"#,
            e.d
        );
    }
    for n in &l.nodes {
        let p = n.kind.palette();
        let name = match &n.target {
            Target::Handover { chain, link } => handover_name(m, chain, link, lang).into(),
            t => std::borrow::Cow::Borrowed(t.name(m)),
        };
        let (size, bold) = n.kind.font();
        let (lines, _) = fit_lines(&name, n.w - n.kind.text_left() - 8.0, size, bold, 2);
        let dash = if is_external(m, &n.target) {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        };
        let _ = write!(
            s,
            r#"<g transform="translate({} {})"><title>{}</title><rect width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="1.2"{dash}/>"#,
            n.x,
            n.y,
            escape(&name),
            n.w,
            n.h,
            p.radius,
            p.fill,
            p.stroke
        );
        if let Some(step) = n.step {
            let _ = write!(
                s,
                r##"<circle cx="13" cy="{cy}" r="8" fill="{BADGE}"/><text x="13" y="{ty}" font-size="10" font-weight="700" fill="#ffffff" text-anchor="middle">{step}</text>"##,
                cy = n.h / 2.0,
                ty = n.h / 2.0 + 3.5,
            );
        }
        let weight = if bold { "700" } else { "400" };
        let x = n.kind.text_left();
        let _ = write!(
            s,
            r#"<text font-size="{size}" font-weight="{weight}" fill="{}">"#,
            p.text
        );
        for (line, y) in lines.iter().zip(baselines(lines.len(), size, n.h)) {
            let _ = write!(
                s,
                r#"<tspan x="{x}" y="{}">{}</tspan>"#,
                crate::format::fixed::fixed(y, 1),
                escape(line)
            );
        }
        s.push_str("</text>");
        if let Some(as_of) = as_of {
            value_pill(&mut s, m, n, lang, as_of);
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
    // Legend: its items in rows as wide as the picture.
    let y = TITLE_H + l.height + 8.0;
    let _ = write!(
        s,
        r#"<g transform="translate(0 {y})" font-size="11" fill="{INK}">"#
    );
    for item in legend_items(lang, width) {
        match item.kind {
            Some(k) => {
                let p = k.palette();
                let _ = write!(
                    s,
                    r#"<rect x="{}" y="{}" width="14" height="12" rx="3" fill="{}" stroke="{}"/><text x="{}" y="{}">{}</text>"#,
                    item.x,
                    item.y + 2.0,
                    p.fill,
                    p.stroke,
                    item.x + 19.0,
                    item.y + 12.0,
                    escape(k.label(lang))
                );
            }
            None => {
                let _ = write!(
                    s,
                    r#"<path d="M{} {}H{}" stroke="{EDGE}" stroke-width="1.3" marker-end="url(#arrow)"/><text x="{}" y="{}">{}</text>"#,
                    item.x,
                    item.y + 8.0,
                    item.x + 24.0,
                    item.x + 30.0,
                    item.y + 12.0,
                    lang.pick("drives", "stuurt")
                );
            }
        }
    }
    s.push_str("</g>\n</svg>\n");
    s
}
