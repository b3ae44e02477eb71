//! Handovers (*overdrachtsmomenten*): where one link of a chain hands its work to the next,
//! and where, the method says, things go wrong.
//!
//! **The rule.** A handover belongs to the link that hands over: the handover after link `L`
//! is `L`'s (its text is `Link::handover`, its KPIs are at [`Attach::Handover`] with `L`'s
//! id). So:
//! - moving a link takes its handover along: it now hands over to whichever link follows it;
//! - deleting a link deletes its handover's KPIs with its own; the link before it now hands
//!   over to the link after it, its handover unchanged;
//! - the last link hands over to the customer: a handover there is shown only when it has a
//!   text or KPIs (it is what the customer receives), named after the chain's customer.

use super::id::Id;
use super::lang::Lang;
use super::types::{Attach, Chain, Kpi, Link, Model};

/// The link after `link` in `chain`, if any.
pub fn next_link<'a>(chain: &'a Chain, link: &Id) -> Option<&'a Link> {
    let i = chain.links.iter().position(|l| &l.id == link)?;
    chain.links.get(i + 1)
}

/// A link's name as the views show it: its own, else its department's, else its id.
pub fn link_name<'a>(model: &'a Model, link: &'a Link) -> &'a str {
    let own = link.name.trim();
    if !own.is_empty() {
        return own;
    }
    link.department
        .as_ref()
        .and_then(|d| model.departments.get(d))
        .map(|d| d.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(link.id.as_str())
}

/// "Sales -> Planning": the handover after `link` by its two sides; the last link's is
/// "Finance -> customer" (the chain's customer word when it has one).
pub fn between(model: &Model, chain: &Id, link: &Id, lang: Lang) -> String {
    let Some(c) = model.chains.get(chain) else {
        return link.to_string();
    };
    let from = c
        .links
        .iter()
        .find(|l| &l.id == link)
        .map_or(link.as_str(), |l| link_name(model, l));
    let to = match next_link(c, link) {
        Some(next) => link_name(model, next).to_string(),
        None if !c.customer.trim().is_empty() => c.customer.trim().to_string(),
        None => lang.pick("customer", "klant").to_string(),
    };
    format!("{from} -> {to}")
}

/// "Handover Sales -> Planning" / "Overdracht Verkoop -> Planning": a handover's accessible
/// name.
pub fn handover_name(model: &Model, chain: &Id, link: &Id, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("Handover", "Overdracht"),
        between(model, chain, link, lang)
    )
}

/// True when `kpi` is a KPI of the handover after `link` in `chain`.
pub fn is_at(kpi: &Kpi, chain: &Id, link: &Id) -> bool {
    matches!(&kpi.at, Attach::Handover { chain: c, link: l } if c == chain && l == link)
}

/// The handovers of `chain` to show, as the ids of the links that hand over: one after every
/// link but the last, and after the last only when it has a text or KPIs.
pub fn shown(model: &Model, chain: &Chain) -> Vec<Id> {
    let n = chain.links.len();
    chain
        .links
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            i + 1 < n
                || !l.handover.trim().is_empty()
                || model.kpis.values().any(|k| is_at(k, &chain.id, &l.id))
        })
        .map(|(_, l)| l.id.clone())
        .collect()
}
