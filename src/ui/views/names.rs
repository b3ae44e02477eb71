//! The names views show: an element's shown name (a placeholder when empty), kept live by
//! depending on that element's fields only, and the chain a selection belongs to.

use leptos::prelude::*;

use crate::model::{Attach, Id, Lang, Model, Target, Topic};
use crate::ui::state::App;

/// The chain a selection belongs to: the chain itself, a link's chain, a chain or link KPI's
/// chain.
pub(crate) fn chain_of(m: &Model, selection: Option<&Target>) -> Option<Id> {
    match selection? {
        Target::Chain(id) => Some(id.clone()),
        Target::Link { chain, .. } => Some(chain.clone()),
        Target::Kpi(k) => match &m.kpis.get(k)?.at {
            Attach::Chain { chain } | Attach::Link { chain, .. } => Some(chain.clone()),
            Attach::Result { .. } => None,
        },
        _ => None,
    }
}

/// The text shown for an element without a name.
pub(crate) fn or_unnamed(name: &str, lang: Lang) -> String {
    let name = name.trim();
    if name.is_empty() {
        lang.pick("(no name)", "(geen naam)").to_string()
    } else {
        name.to_string()
    }
}

/// The shown name of an element (a placeholder if it has none; empty if it is gone).
pub(crate) fn name_of(m: &Model, target: &Target, lang: Lang) -> String {
    let raw = match target {
        Target::Model => Some(m.name.as_str()),
        Target::Goal(id) => m.goals.get(id).map(|g| g.name.as_str()),
        Target::Department(id) => m.departments.get(id).map(|d| d.name.as_str()),
        Target::Chain(id) => m.chains.get(id).map(|c| c.name.as_str()),
        Target::Link { chain, link } => m
            .chains
            .get(chain)
            .and_then(|c| c.links.iter().find(|l| &l.id == link))
            .map(|l| l.name.as_str()),
        Target::Kpi(id) => m.kpis.get(id).map(|k| k.name.as_str()),
    };
    raw.map(|n| or_unnamed(n, lang)).unwrap_or_default()
}

/// The shown name of an element, depending on that element's fields only: typing in one
/// name re-runs only the texts that show it.
pub(crate) fn live_name(app: App, target: Target) -> impl Fn() -> String + Clone + 'static {
    move || {
        let lang = app.lang.get();
        app.doc
            .with(Topic::Fields(target.clone()), |m| name_of(m, &target, lang))
            .unwrap_or_default()
    }
}
