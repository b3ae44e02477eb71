//! Printing: the whole structure on one page, then one page per customer chain (the chain card
//! for the chain meeting). The print document is plain HTML built from the model at the
//! `beforeprint` event (synchronously, so Ctrl+P and the Print button both get it) and
//! removed after printing; on screen it is never built.
//!
//! Under the `split` feature the builder is a lazy part, fetched when the browser is idle
//! (with the other parts) or when the Print button or Ctrl+P is used; `beforeprint` builds
//! the document from it synchronously once it is there. Only the listeners are in the first load.

use std::fmt::Write;

use leptos::prelude::*;

use crate::model::steer::month_text;
use crate::model::{status_as_of, Chain, Kpi, Lang, Model, Month};
use crate::present::diagram::layout::{layout, Skeleton};
use crate::present::diagram::svg::{escape, export_svg};
use crate::present::meeting::meeting_pack_html;
use crate::present::sparkline::value_text;
use crate::ui::labels::{direction_name, frequency_name};
use crate::ui::split::now_if_ready;
use crate::ui::state::{use_app, App, View};
use crate::ui::views::meeting::today_date;

fn kpi_rows(out: &mut String, m: &Model, kpis: &[&Kpi], lang: Lang, as_of: Month) {
    let _ = write!(
        out,
        "<table class=\"print-kpis\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{} {}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("KPI", "KPI"),
        lang.pick("Definition", "Definitie"),
        lang.pick("Unit", "Eenheid"),
        lang.pick("Direction", "Richting"),
        lang.pick("Target", "Norm"),
        lang.pick("Norm description", "Normomschrijving"),
        lang.pick("Frequency", "Frequentie"),
        lang.pick("Drives", "Stuurt"),
        lang.pick("Value as of", "Waarde per"),
        month_text(as_of),
        lang.pick("Status", "Status"),
    );
    for k in kpis {
        let drives: Vec<&str> = k
            .drives
            .iter()
            .filter_map(|d| m.kpis.get(d).map(|d| d.name.as_str()))
            .collect();
        let _ = write!(
            out,
            "<tr><td><b>{}</b>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&k.name),
            if k.owner.is_empty() { String::new() } else { format!("<br><small>{}</small>", escape(&k.owner)) },
            escape(&k.definition),
            escape(&k.unit),
            direction_name(k.direction, lang),
            k.norm().map(|n| escape(&n.compact(lang))).unwrap_or_default(),
            escape(&k.norm_description),
            frequency_name(k.frequency, lang),
            escape(&drives.join(", ")),
            escape(&value_text(k, as_of, lang).unwrap_or_default()),
            status_as_of(k, as_of).word(lang),
        );
    }
    out.push_str("</tbody></table>");
}

/// One chain card: the flow from customer need to outcome, the chain KPIs and the link KPIs.
pub fn chain_card(m: &Model, c: &Chain, lang: Lang, as_of: Month) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"chain-card\"><h2>{} <span>{}</span></h2><p class=\"print-meta\">{}: <b>{}</b> · {}: <b>{}</b></p><ol class=\"print-flow\"><li class=\"print-end\"><small>{}</small>{}</li>",
        lang.pick("Customer chain", "Klantketen"),
        escape(&c.name),
        lang.pick("Owner", "Eigenaar"),
        escape(&c.owner),
        lang.pick("Customer", "Klant"),
        escape(&c.customer),
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
        let _ = write!(s, "<li>{}{ext}{dept}</li>", escape(&l.name));
    }
    let _ = write!(
        s,
        "<li class=\"print-end\"><small>{}</small>{}</li></ol><h3>{}</h3>",
        lang.pick("Product or service", "Product of dienst"),
        escape(&c.outcome),
        lang.pick("Chain KPIs", "Keten-KPI's"),
    );
    let chain_kpis: Vec<&Kpi> = m.chain_kpis_of(&c.id).collect();
    kpi_rows(&mut s, m, &chain_kpis, lang, as_of);
    let link_kpis: Vec<&Kpi> = c
        .links
        .iter()
        .flat_map(|l| m.link_kpis_of(&c.id, &l.id))
        .collect();
    if !link_kpis.is_empty() {
        let _ = write!(s, "<h3>{}</h3>", lang.pick("Link KPIs", "Schakel-KPI's"));
        kpi_rows(&mut s, m, &link_kpis, lang, as_of);
    }
    s.push_str("</section>");
    s
}

/// The whole print document: the structure page, then one card per chain.
pub fn print_html(m: &Model, lang: Lang, as_of: Month) -> String {
    let svg = export_svg(m, &layout(&Skeleton::of(m)), lang);
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
    let mut s = format!("<section class=\"print-structure\">{svg}</section>");
    for c in m.chains.values() {
        s.push_str(&chain_card(m, c, lang, as_of));
    }
    s
}

/// Lazy: the print document's HTML, built from the open model.
#[cfg_attr(feature = "split", lazy)]
async fn print_doc(app: App) -> String {
    print_doc_html(app)
}

/// Fetches the print part (a no-op without the `split` feature).
pub async fn preload() {
    #[cfg(feature = "split")]
    __preload_print_doc().await;
}

fn print_doc_html(app: App) -> String {
    let lang = app.lang.get_untracked();
    let as_of = app.as_of.get_untracked();
    // From the Meeting view: the meeting pack (a page per chain); else structure and cards.
    if app.view.get_untracked() == View::Meeting {
        let today = today_date();
        app.doc
            .with_untracked(|m| meeting_pack_html(m, as_of, today, lang))
    } else {
        app.doc.with_untracked(|m| print_html(m, lang, as_of))
    }
    .unwrap_or_default()
}

/// Fills the print document, if the print part is there (it must be: `beforeprint` cannot wait).
fn fill(app: App) {
    let Some(html) = now_if_ready(print_doc(app)) else {
        return;
    };
    if let Some(el) = document().get_element_by_id("print-doc") {
        el.set_inner_html(&html);
    }
}

fn clear() {
    if let Some(el) = document().get_element_by_id("print-doc") {
        el.set_inner_html("");
    }
}

/// The (empty on screen) container, and the print event listeners.
#[component]
pub fn PrintDocument() -> impl IntoView {
    let app = use_app();
    let before = window_event_listener(
        leptos::ev::Custom::new("beforeprint"),
        move |_: web_sys::Event| fill(app),
    );
    let after = window_event_listener(
        leptos::ev::Custom::new("afterprint"),
        move |_: web_sys::Event| clear(),
    );
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div id="print-doc" class="print-doc" aria-hidden="true"></div> }
}

/// Prints the open model (the same as the browser's Print), once the print part is there.
pub fn print() {
    leptos::task::spawn_local(async {
        preload().await;
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}
