//! What a box of the Structure diagram shows on screen, as SVG markup: the view puts it in the
//! box with `inner_html`, so a box is three elements for Leptos to build and keep, not a dozen
//! (the import of a large model spent half its time building boxes). Every text is escaped.
//!
//! A box is a button (`<g role="button">`, built by the view with its name, description and
//! pressed state) holding [`button_svg`]: its focus ring, its shape, its name's lines while
//! they show the whole name, and the tooltip. Beside it, hidden from screen readers,
//! [`deco_svg`]: the step badge, the name cut short with "…", the status mark and the value,
//! so the button's visible text is never other than its name.

use std::fmt::Write;

use crate::format::fixed::Tenths;
use crate::model::{Lang, Status, Target};
use crate::present::labels::{status_class, status_mark};

use super::layout::{fit_lines, spaced_lines, Edge, Node};
use super::svg::{baselines, escape, BADGE};

/// What one box shows beside its geometry: each part read from the model by the view.
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    /// The name's lines as fitted (each but the last ending in a space where it ends a word).
    pub lines: Vec<String>,
    /// True if the name was cut short to fit.
    pub cut: bool,
    /// A link outside the organisation (drawn dashed).
    pub external: bool,
    /// The status as of the month (a KPI's own, rolled up for a goal, chain or link).
    pub status: Option<Status>,
    /// A KPI's value as of the month, with its unit ("" if none).
    pub value: String,
}

/// The room on the right of a box's text: for the status mark (and a KPI's value under it).
fn right_room(n: &Node) -> f64 {
    let (_, bold) = n.kind.font();
    if matches!(n.target, Target::Kpi(_)) {
        46.0
    } else if bold {
        40.0
    } else {
        28.0
    }
}

/// `name` fitted into the box `n` (at most two lines): the lines, each but the last ending in a
/// space where it ends a word, and whether the name was cut short.
pub fn fit_name(n: &Node, name: &str) -> (Vec<String>, bool) {
    let (size, bold) = n.kind.font();
    let (lines, cut) = fit_lines(
        name,
        n.w - n.kind.text_left() - right_room(n),
        size,
        bold,
        2,
    );
    (spaced_lines(name, &lines), cut)
}

/// The name's lines as one SVG `text`.
fn label(out: &mut String, n: &Node, lines: &[String]) {
    let (size, bold) = n.kind.font();
    let _ = write!(
        out,
        r#"<text class="st-label" font-size="{}" font-weight="{}" fill="{}">"#,
        Tenths(size),
        if bold { "700" } else { "400" },
        n.kind.palette().text
    );
    for (line, y) in lines.iter().zip(baselines(lines.len(), size, n.h)) {
        let _ = write!(
            out,
            r#"<tspan x="{}" y="{}">{}</tspan>"#,
            Tenths(n.kind.text_left()),
            Tenths(y),
            escape(line)
        );
    }
    out.push_str("</text>");
}

/// The tooltip: the name, and the value and status in words ("Name — 97 %, On target").
pub fn box_title(name: &str, f: &Face, lang: Lang) -> String {
    let mut t = name.to_string();
    if let Some(s) = f.status {
        t.push_str(" — ");
        if !f.value.is_empty() {
            t.push_str(&f.value);
            t.push_str(", ");
        }
        t.push_str(s.word(lang));
    }
    t
}

/// The accessible description: the link's place in its chain, the value and the status in
/// words (the name alone is the button's name, as the box shows it).
pub fn box_description(step: Option<usize>, f: &Face, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = step {
        parts.push(format!("{} {s}", lang.pick("Step", "Stap")));
    }
    if let Some(s) = f.status {
        if !f.value.is_empty() {
            parts.push(f.value.clone());
        }
        parts.push(s.word(lang).to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Inside the button: the focus ring, the box, the name's lines unless cut short, the tooltip.
pub fn button_svg(n: &Node, name: &str, f: &Face, lang: Lang) -> String {
    let p = n.kind.palette();
    let mut out = String::with_capacity(400);
    let _ = write!(
        out,
        r#"<rect class="st-ring" x="-4" y="-4" width="{}" height="{}" rx="{}"/><rect class="st-box" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="1.2"{}/>"#,
        Tenths(n.w + 8.0),
        Tenths(n.h + 8.0),
        Tenths(p.radius + 3.0),
        Tenths(n.w),
        Tenths(n.h),
        Tenths(p.radius),
        p.fill,
        p.stroke,
        if f.external {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        },
    );
    if !f.cut {
        label(&mut out, n, &f.lines);
    }
    let _ = write!(out, "<title>{}</title>", escape(&box_title(name, f, lang)));
    out
}

/// Beside the button, drawn over it (clicks pass through): a link's step badge, the name cut
/// short, the status mark and a KPI's value.
pub fn deco_svg(n: &Node, f: &Face) -> String {
    let mut out = String::new();
    if let Some(step) = n.step {
        let _ = write!(
            out,
            r##"<circle cx="13" cy="{}" r="8" fill="{BADGE}"/><text x="13" y="{}" font-size="10" font-weight="700" fill="#ffffff" text-anchor="middle">{step}</text>"##,
            Tenths(n.h / 2.0),
            Tenths(n.h / 2.0 + 3.5),
        );
    }
    if f.cut {
        label(&mut out, n, &f.lines);
    }
    if let Some(s) = f.status {
        let y = if matches!(n.target, Target::Kpi(_)) {
            11.0
        } else {
            n.h / 2.0
        };
        let _ = write!(
            out,
            r#"<g class="st-status {}"><circle cx="{x}" cy="{}" r="7"/><text x="{x}" y="{}" font-size="9.5" font-weight="700" text-anchor="middle">{}</text></g>"#,
            status_class(s),
            Tenths(y),
            Tenths(y + 3.5),
            status_mark(s),
            x = Tenths(n.w - 11.0),
        );
    }
    if !f.value.is_empty() {
        let _ = write!(
            out,
            r#"<text class="st-value" x="{}" y="{}" font-size="9.5" text-anchor="end">{}</text>"#,
            Tenths(n.w - 4.0),
            Tenths(n.h - 5.0),
            escape(&short_value(&f.value))
        );
    }
    out
}

/// A value short enough for the box's corner: with its unit if that fits, else the number.
pub fn short_value(v: &str) -> String {
    if v.chars().count() <= 7 {
        v.to_string()
    } else {
        v.split(' ').next().unwrap_or(v).chars().take(7).collect()
    }
}

/// The arrows as SVG paths in `stroke`, `width` wide, ending in the arrow head `marker`.
pub fn edges_svg(edges: &[Edge], stroke: &str, width: &str, marker: &str) -> String {
    let mut out = String::with_capacity(edges.len() * 120);
    for e in edges {
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{stroke}" stroke-width="{width}" marker-end="url(#{marker})"/>"#,
            e.d
        );
    }
    out
}
