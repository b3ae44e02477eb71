//! One customer chain as a self-contained SVG picture ("Export PNG" in the Chains view): the
//! chain's name, customer and owner on top, its chain KPIs, then left to right the customer
//! need, the links in order with the handovers between them, and the product or service, each
//! box with its KPIs under it: name, value and status mark as of a month. Every colour and font
//! is an attribute (the diagram's [`Palette`](super::svg::Palette) and status colours), as in
//! [`export_svg`](super::svg::export_svg).

use std::fmt::Write;

use crate::format::fixed::fixed;
use crate::model::handover::{between, link_name, shown};
use crate::model::{status_as_of, Attach, Id, Kpi, Lang, Model, Month};
use crate::present::chains::or_unnamed;
use crate::present::sparkline::value_text;

use super::layout::{fit_lines, Kind};
use super::svg::{escape, head, status_colours, BADGE, EDGE, INK};

const PAD: f64 = 20.0;
const COL_W: f64 = 160.0;
const GAP: f64 = 34.0;
const BOX_H: f64 = 76.0;
const CARD_H: f64 = 48.0;
const CARD_GAP: f64 = 6.0;
const HEAD_H: f64 = 60.0;

/// One box of the flow: its kind (colours), caption, text and the KPIs under it.
struct Column<'m> {
    kind: Kind,
    caption: String,
    text: String,
    step: Option<usize>,
    dashed: bool,
    kpis: Vec<&'m Kpi>,
}

impl Column<'_> {
    /// A box without a step, dashes or KPIs.
    fn plain(kind: Kind, caption: &str, text: String) -> Self {
        Column {
            kind,
            caption: caption.into(),
            text,
            step: None,
            dashed: false,
            kpis: Vec::new(),
        }
    }
}

/// The KPIs at `at`, in model order.
fn kpis_at<'m>(m: &'m Model, at: &Attach) -> Vec<&'m Kpi> {
    m.kpis.values().filter(|k| &k.at == at).collect()
}

/// `s`, or "not set" when it is empty.
fn or_not_set(s: &str, lang: Lang) -> String {
    let s = s.trim();
    if s.is_empty() {
        lang.pick("not set", "niet ingevuld").to_string()
    } else {
        s.to_string()
    }
}

/// The flow's boxes, left to right.
fn columns<'m>(m: &'m Model, chain: &Id, lang: Lang) -> Option<Vec<Column<'m>>> {
    let c = m.chains.get(chain)?;
    let handovers = shown(m, c);
    let mut out = vec![Column::plain(
        Kind::Chain,
        lang.pick("Customer need", "Klantbehoefte"),
        or_not_set(&c.trigger, lang),
    )];
    for (i, l) in c.links.iter().enumerate() {
        let (chain, link) = (chain.clone(), l.id.clone());
        out.push(Column {
            kind: Kind::Link,
            caption: lang.pick("Link", "Schakel").into(),
            text: or_unnamed(link_name(m, l), lang),
            step: Some(i + 1),
            dashed: l.external,
            kpis: kpis_at(m, &Attach::Link { chain, link }),
        });
        if handovers.contains(&l.id) {
            let text = if l.handover.trim().is_empty() {
                between(m, &c.id, &l.id, lang)
            } else {
                l.handover.trim().to_string()
            };
            let at = Attach::Handover {
                chain: c.id.clone(),
                link: l.id.clone(),
            };
            out.push(Column {
                kpis: kpis_at(m, &at),
                ..Column::plain(Kind::Handover, lang.pick("Handover", "Overdracht"), text)
            });
        }
    }
    out.push(Column::plain(
        Kind::Chain,
        lang.pick("Product or service", "Product of dienst"),
        or_not_set(&c.outcome, lang),
    ));
    Some(out)
}

/// `lines` as `tspan`s at `x`, the first baseline at `first`, then every `step`.
fn tspans(out: &mut String, lines: &[String], x: f64, (first, step): (f64, f64)) {
    for (i, line) in lines.iter().enumerate() {
        let y = fixed(first + step * i as f64, 1);
        let _ = write!(out, r#"<tspan x="{x}" y="{y}">{}</tspan>"#, escape(line));
    }
}

/// A KPI as a card at `(x, y)`: its name (two lines at most; the whole name in its `title`),
/// then its value and status mark as of `as_of` in the status colour.
fn card(out: &mut String, k: &Kpi, kind: Kind, (x, y): (f64, f64), lang: Lang, as_of: Month) {
    let p = kind.palette();
    let name = or_unnamed(&k.name, lang);
    let status = status_as_of(k, as_of);
    let (fg, _) = status_colours(status);
    let value = value_text(k, as_of, lang)
        .unwrap_or_else(|| lang.pick("no value", "geen waarde").to_string());
    let (lines, _) = fit_lines(&name, COL_W - 16.0, 10.5, true, 2);
    let _ = write!(
        out,
        r#"<g transform="translate({} {})"><title>{}: {}, {}</title><rect width="{COL_W}" height="{CARD_H}" rx="{}" fill="{}" stroke="{}" stroke-width="1"/><text font-size="10.5" font-weight="700" fill="{INK}">"#,
        fixed(x, 1),
        fixed(y, 1),
        escape(&name),
        escape(&value),
        escape(status.word(lang)),
        p.radius,
        p.fill,
        p.stroke,
    );
    tspans(out, &lines, 8.0, (14.0, 12.5));
    let _ = write!(
        out,
        r#"</text><text x="8" y="{}" font-size="10.5" font-weight="700" fill="{fg}">{} {}</text></g>"#,
        fixed(CARD_H - 7.0, 1),
        escape(&value),
        status.mark(),
    );
}

/// One box of the flow at `x` (top at `y`), its KPIs under it.
fn column(out: &mut String, col: &Column, (x, y): (f64, f64), lang: Lang, as_of: Month) {
    let p = col.kind.palette();
    let dash = if col.dashed {
        r#" stroke-dasharray="4 3""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<g transform="translate({} {})"><title>{}: {}</title><rect width="{COL_W}" height="{BOX_H}" rx="{}" fill="{}" stroke="{}" stroke-width="1.2"{dash}/>"#,
        fixed(x, 1),
        fixed(y, 1),
        escape(&col.caption),
        escape(&col.text),
        p.radius,
        p.fill,
        p.stroke,
    );
    let mut left = 10.0;
    if let Some(step) = col.step {
        let _ = write!(
            out,
            r##"<circle cx="17" cy="14" r="8" fill="{BADGE}"/><text x="17" y="17.5" font-size="10" font-weight="700" fill="#ffffff" text-anchor="middle">{step}</text>"##,
        );
        left = 30.0;
    }
    let _ = write!(
        out,
        r#"<text x="{left}" y="18" font-size="9.5" font-weight="700" fill="{}" opacity="0.85">{}</text><text font-size="11.5" font-weight="400" fill="{}">"#,
        p.text,
        escape(&col.caption),
        p.text,
    );
    let (lines, _) = fit_lines(&col.text, COL_W - 20.0, 11.5, false, 3);
    tspans(out, &lines, 10.0, (36.0, 14.0));
    out.push_str("</text></g>\n");
    let kind = match col.kind {
        Kind::Handover => Kind::HandoverKpi,
        _ => Kind::LinkKpi,
    };
    for (i, k) in col.kpis.iter().enumerate() {
        let at = (x, y + BOX_H + 12.0 + (CARD_H + CARD_GAP) * i as f64);
        card(out, k, kind, at, lang, as_of);
    }
}

/// The chain `chain` of `m` as a standalone SVG (width and height in CSS pixels), its KPIs'
/// values and status marks as of `as_of`; `None` if there is no such chain.
pub fn chain_svg(m: &Model, chain: &Id, lang: Lang, as_of: Month) -> Option<String> {
    let c = m.chains.get(chain)?;
    let cols = columns(m, chain, lang)?;
    let chain_kpis = kpis_at(
        m,
        &Attach::Chain {
            chain: chain.clone(),
        },
    );
    let n = cols.len() as f64;
    let width = (PAD * 2.0 + n * COL_W + (n - 1.0) * GAP).max(560.0);
    // Chain KPIs as cards in rows across the picture.
    let per_row = (((width - PAD * 2.0 + GAP) / (COL_W + GAP)).floor() as usize).max(1);
    let kpi_rows = chain_kpis.len().div_ceil(per_row);
    let chain_h = if kpi_rows == 0 {
        0.0
    } else {
        20.0 + kpi_rows as f64 * (CARD_H + CARD_GAP) + 8.0
    };
    let flow_y = HEAD_H + chain_h;
    let deepest = cols.iter().map(|c| c.kpis.len()).max().unwrap_or(0) as f64;
    let height = flow_y + BOX_H + 12.0 + deepest * (CARD_H + CARD_GAP) + PAD;
    let title = or_unnamed(&c.name, lang);
    let (width, height) = (
        (width * 10.0).round() / 10.0,
        (height * 10.0).round() / 10.0,
    );
    let mut sub = vec![format!(
        "{} {}-{:02}",
        lang.pick("As of", "Per"),
        as_of.0,
        as_of.1
    )];
    for (label, value) in [
        (lang.pick("Customer", "Klant"), &c.customer),
        (lang.pick("Chain owner", "Keteneigenaar"), &c.owner),
    ] {
        if !value.trim().is_empty() {
            sub.push(format!("{label}: {}", value.trim()));
        }
    }
    let mut s = head(width, height, &title);
    let _ = writeln!(
        s,
        r#"<text x="{PAD}" y="45" font-size="11" fill="{BADGE}">{}</text>"#,
        escape(&sub.join(" · ")),
    );
    if !chain_kpis.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{PAD}" y="{}" font-size="11" font-weight="700" fill="{INK}">{}</text>"#,
            fixed(HEAD_H + 12.0, 1),
            lang.pick("Chain KPIs", "Keten-KPI's"),
        );
        for (i, k) in chain_kpis.iter().enumerate() {
            let (row, col) = ((i / per_row) as f64, (i % per_row) as f64);
            let at = (
                PAD + col * (COL_W + GAP),
                HEAD_H + 20.0 + row * (CARD_H + CARD_GAP),
            );
            card(&mut s, k, Kind::ChainKpi, at, lang, as_of);
        }
        s.push('\n');
    }
    for (i, col) in cols.iter().enumerate() {
        let x = PAD + i as f64 * (COL_W + GAP);
        if i > 0 {
            let _ = writeln!(
                s,
                r#"<path d="M{} {}H{}" fill="none" stroke="{EDGE}" stroke-width="1.3" marker-end="url(#arrow)"/>"#,
                fixed(x - GAP + 2.0, 1),
                fixed(flow_y + BOX_H / 2.0, 1),
                fixed(x - 2.0, 1),
            );
        }
        column(&mut s, col, (x, flow_y), lang, as_of);
    }
    s.push_str("</svg>\n");
    Some(s)
}
