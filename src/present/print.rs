//! The print document of the structure: the whole structure on one page (the diagram), then
//! one card per customer chain (its flow, its chain KPIs and each link's KPIs under the
//! link's name). Plain HTML from the model; `ui::print` puts it in the page at `beforeprint`.

use std::fmt::Write;

use crate::model::handover::{between, is_at};
use crate::model::steer::month_text;
use crate::model::{norm_note, note_of, shown_norm, status_as_of, Chain, Kpi, Lang, Model, Month};
use crate::present::chains::or_unnamed;
use crate::present::diagram::layout::{layout, Skeleton};
use crate::present::diagram::svg::{escape, export_svg_as_of};
use crate::present::labels::frequency_name;
use crate::present::labels::status_cell;
use crate::present::sparkline::value_text;

/// A KPI's norm as a printed cell: the norm derived from its direction and numbers (or "no
/// norm"), and under it the norm description as a note ("Note: 9+"), never as the norm (left
/// out when it only restates the norm).
pub fn norm_html(k: &Kpi, lang: Lang) -> String {
    let norm = escape(&shown_norm(k.norm().as_ref(), lang));
    match norm_note(note_of(k), lang) {
        Some(note) => format!(
            "{norm}<br><small class=\"norm-note\">{}</small>",
            escape(&note)
        ),
        None => norm,
    }
}

/// A table of KPIs with their definition, norm, value and status as of `as_of`; with a first
/// column naming each KPI's link when `kpis` carry one.
fn kpi_rows(out: &mut String, m: &Model, kpis: &[(Option<&str>, &Kpi)], lang: Lang, as_of: Month) {
    let with_link = kpis.iter().any(|(l, _)| l.is_some());
    out.push_str("<table class=\"print-kpis\"><thead><tr>");
    if with_link {
        let _ = write!(out, "<th>{}</th>", lang.pick("Link", "Schakel"));
    }
    let _ = write!(
        out,
        "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{} {}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("KPI", "KPI"),
        lang.pick("Definition", "Definitie"),
        lang.pick("Unit", "Eenheid"),
        lang.pick("Norm", "Norm"),
        lang.pick("Frequency", "Frequentie"),
        lang.pick("Drives", "Stuurt"),
        lang.pick("Value as of", "Waarde per"),
        month_text(as_of),
        lang.pick("Status", "Status"),
    );
    for (link, k) in kpis {
        out.push_str("<tr>");
        if let Some(link) = link.filter(|_| with_link) {
            let _ = write!(out, "<td class=\"print-link\">{}</td>", escape(link));
        }
        let drives: Vec<&str> = k
            .drives
            .iter()
            .filter_map(|d| m.kpis.get(d).map(|d| d.name.as_str()))
            .collect();
        let _ = write!(
            out,
            "<td><b>{}</b>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&k.name),
            if k.owner.is_empty() { String::new() } else { format!("<br><small>{}</small>", escape(&k.owner)) },
            escape(&k.definition),
            escape(&k.unit),
            norm_html(k, lang),
            frequency_name(k.frequency, lang),
            escape(&drives.join(", ")),
            escape(&value_text(k, as_of, lang).unwrap_or_default()),
            status_cell(status_as_of(k, as_of), lang),
        );
    }
    out.push_str("</tbody></table>");
}

/// " · Customer value: … · Internal value: …" for the values a chain has.
fn chain_values(c: &Chain, lang: Lang) -> String {
    [
        (
            lang.pick("Customer value", "Klantwaarde"),
            &c.customer_value,
        ),
        (
            lang.pick("Internal value", "Interne waarde"),
            &c.internal_value,
        ),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(label, v)| format!(" · {label}: <b>{}</b>", escape(v.trim())))
    .collect()
}

/// One chain card: the flow from customer need to outcome, the chain KPIs and the link KPIs.
pub fn chain_card(m: &Model, c: &Chain, lang: Lang, as_of: Month) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"chain-card\"><h2>{} <span>{}</span></h2><p class=\"print-meta\">{}: <b>{}</b> · {}: <b>{}</b>{}</p><ol class=\"print-flow\"><li class=\"print-end\"><small>{}</small>{}</li>",
        lang.pick("Customer chain", "Klantketen"),
        escape(&c.name),
        lang.pick("Owner", "Eigenaar"),
        escape(&c.owner),
        lang.pick("Customer", "Klant"),
        escape(&c.customer),
        chain_values(c, lang),
        lang.pick("Customer need", "Klantbehoefte"),
        escape(&c.trigger),
    );
    for l in &c.links {
        let dept = l
            .department
            .as_ref()
            .and_then(|d| m.departments.get(d))
            .map(|d| format!("<small>{}</small>", escape(&d.name)))
            .unwrap_or_default();
        let ext = if l.external {
            format!(" <em>({})</em>", lang.pick("external", "extern"))
        } else {
            String::new()
        };
        let touch = if l.touches_customer {
            format!(
                " <em>({})</em>",
                lang.pick("customer contact", "klantcontact")
            )
        } else {
            String::new()
        };
        let _ = write!(s, "<li>{}{ext}{touch}{dept}</li>", escape(&l.name));
    }
    let _ = write!(
        s,
        "<li class=\"print-end\"><small>{}</small>{}</li></ol><h3>{}</h3>",
        lang.pick("Product or service", "Product of dienst"),
        escape(&c.outcome),
        lang.pick("Chain KPIs", "Keten-KPI's"),
    );
    let chain_kpis: Vec<(Option<&str>, &Kpi)> = m.chain_kpis_of(&c.id).map(|k| (None, k)).collect();
    kpi_rows(&mut s, m, &chain_kpis, lang, as_of);
    // Each link KPI beside its own link's name (this chain's link: ids repeat across chains).
    let names: Vec<String> = c.links.iter().map(|l| or_unnamed(&l.name, lang)).collect();
    let link_kpis: Vec<(Option<&str>, &Kpi)> = c
        .links
        .iter()
        .zip(&names)
        .flat_map(|(l, name)| {
            m.link_kpis_of(&c.id, &l.id)
                .map(move |k| (Some(name.as_str()), k))
        })
        .collect();
    // Each handover KPI beside its handover ("Sales -> Planning"), in the same table, so a
    // chain still prints on one page.
    let handovers: Vec<String> = c
        .links
        .iter()
        .map(|l| between(m, &c.id, &l.id, lang))
        .collect();
    let handover_kpis = c.links.iter().zip(&handovers).flat_map(|(l, name)| {
        m.kpis
            .values()
            .filter(|k| is_at(k, &c.id, &l.id))
            .map(move |k| (Some(name.as_str()), k))
    });
    let link_kpis: Vec<(Option<&str>, &Kpi)> = link_kpis.into_iter().chain(handover_kpis).collect();
    if !link_kpis.is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3>",
            lang.pick("Link and handover KPIs", "Schakel- en overdrachts-KPI's")
        );
        kpi_rows(&mut s, m, &link_kpis, lang, as_of);
    }
    s.push_str("</section>");
    s
}

/// The whole print document: the structure page (each KPI with its value and status mark as of
/// `as_of`), then one card per chain.
pub fn print_html(m: &Model, lang: Lang, as_of: Month) -> String {
    let svg = export_svg_as_of(m, &layout(&Skeleton::of(m)), lang, Some(as_of));
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
    let mut s = format!("<section class=\"print-structure\">{svg}</section>");
    for c in m.chains.values() {
        s.push_str(&chain_card(m, c, lang, as_of));
    }
    s
}
