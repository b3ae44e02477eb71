//! What the Chains view (and the Matrix, through it) shows of an element: which chain a
//! selection belongs to, and an element's shown name.

use crate::model::{Attach, Id, Lang, Model, Reader, Target};

/// The chain a selection belongs to: the chain itself, a link's chain, a chain or link KPI's
/// chain.
pub fn chain_of(m: &Model, selection: Option<&Target>) -> Option<Id> {
    read_chain_of(&Reader::new(m), selection)
}

/// [`chain_of`], read through `r` (a selected KPI's place).
pub fn read_chain_of(r: &Reader, selection: Option<&Target>) -> Option<Id> {
    match selection? {
        Target::Chain(id) => Some(id.clone()),
        Target::Link { chain, .. } | Target::Handover { chain, .. } => Some(chain.clone()),
        Target::Kpi(k) => match r.kpi_at(k)? {
            Attach::Chain { chain }
            | Attach::Link { chain, .. }
            | Attach::Handover { chain, .. } => Some(chain.clone()),
            Attach::Result { .. } => None,
        },
        _ => None,
    }
}

/// The text shown for an element without a name.
pub fn or_unnamed(name: &str, lang: Lang) -> String {
    let name = name.trim();
    if name.is_empty() {
        lang.pick("(no name)", "(geen naam)").to_string()
    } else {
        name.to_string()
    }
}

/// The shown name of an element (a placeholder if it has none; empty if it is gone).
pub fn name_of(m: &Model, target: &Target, lang: Lang) -> String {
    read_name_of(&Reader::new(m), target, lang)
}

/// [`name_of`], read through `r` (that element's own fields; a handover's two links).
pub fn read_name_of(r: &Reader, target: &Target, lang: Lang) -> String {
    if let Target::Handover { chain, link } = target {
        let between = r.handover_between(chain, link, lang);
        return format!("{} {between}", lang.pick("Handover", "Overdracht"));
    }
    r.stored_name(target)
        .map(|n| or_unnamed(n, lang))
        .unwrap_or_default()
}
