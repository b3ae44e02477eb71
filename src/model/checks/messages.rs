//! The message of a finding: a sentence naming the element, in English or Dutch.

use super::{CheckKind, Finding, MAX_RESULT_KPIS};
use crate::model::lang::Lang;
use crate::model::read::Reader;
use crate::model::steer::month_text;
use crate::model::target::{ElementKind, Target};
use crate::model::types::{Model, ValueType};

impl Finding {
    /// The finding as a sentence naming the element, in English or Dutch.
    pub fn message(&self, model: &Model, lang: Lang) -> String {
        self.read_message(&Reader::new(model), lang)
    }

    /// [`Finding::message`], read through `r`: it records every element the sentence names
    /// (a drives cycle names every KPI on it).
    pub fn read_message(&self, r: &Reader, lang: Lang) -> String {
        let who = r.describe(&self.target, lang);
        match (&self.kind, lang) {
            (CheckKind::ChainNoOwner, Lang::En) => format!("{who} has no owner."),
            (CheckKind::ChainNoOwner, Lang::Nl) => format!("{who} heeft geen eigenaar."),
            (CheckKind::ChainKpiCount { count }, Lang::En) => {
                let n = match count {
                    0 => "no chain KPIs".to_string(),
                    1 => "1 chain KPI".to_string(),
                    n => format!("{n} chain KPIs"),
                };
                format!("{who} has {n}; the method asks for 2 to 3.")
            }
            (CheckKind::ChainKpiCount { count }, Lang::Nl) => {
                let n = match count {
                    0 => "geen keten-KPI's".to_string(),
                    1 => "1 keten-KPI".to_string(),
                    n => format!("{n} keten-KPI's"),
                };
                format!("{who} heeft {n}; de methode vraagt er 2 tot 3.")
            }
            (CheckKind::ChainNoTriggerOrOutcome { trigger, outcome }, _) => {
                let t = lang.pick(
                    "no trigger (customer need)",
                    "geen aanleiding (klantbehoefte)",
                );
                let o = lang.pick(
                    "no outcome (product or service)",
                    "geen resultaat (product of dienst)",
                );
                let what = match (trigger, outcome) {
                    (true, true) => format!("{t} {} {o}", lang.pick("and", "en")),
                    (true, false) => t.to_string(),
                    _ => o.to_string(),
                };
                format!("{who} {} {what}.", lang.pick("has", "heeft"))
            }
            (CheckKind::ChainNoLinks, Lang::En) => format!("{who} has no links."),
            (CheckKind::ChainNoLinks, Lang::Nl) => format!("{who} heeft geen schakels."),
            (CheckKind::ChainKpiDrivesNoResult, Lang::En) => {
                format!("{who} drives no result KPI.")
            }
            (CheckKind::ChainKpiDrivesNoResult, Lang::Nl) => {
                format!("{who} stuurt geen resultaat-KPI.")
            }
            (CheckKind::ResultKpiNotDriven, Lang::En) => {
                format!("{who} is driven by no chain KPI.")
            }
            (CheckKind::ResultKpiNotDriven, Lang::Nl) => {
                format!("{who} wordt door geen keten-KPI gestuurd.")
            }
            (CheckKind::TooManyResultKpis { count }, Lang::En) => format!(
                "The model has {count} result KPIs; the method advises at most {MAX_RESULT_KPIS}."
            ),
            (CheckKind::TooManyResultKpis { count }, Lang::Nl) => format!(
                "Het model heeft {count} resultaat-KPI's; de methode adviseert er hoogstens \
                 {MAX_RESULT_KPIS}."
            ),
            (CheckKind::GoalNoResultKpi, Lang::En) => format!("{who} has no result KPI."),
            (CheckKind::GoalNoResultKpi, Lang::Nl) => format!("{who} heeft geen resultaat-KPI."),
            (CheckKind::DrivesCycle { cycle }, _) => {
                let mut names: Vec<String> = cycle
                    .iter()
                    .map(|id| format!("“{}”", r.name(&Target::Kpi(id.clone()))))
                    .collect();
                if let Some(first) = names.first().cloned() {
                    names.push(first);
                }
                let path = names.join(" → ");
                match lang {
                    Lang::En => format!("The drives relation has a cycle: {path}."),
                    Lang::Nl => format!("De stuurrelatie bevat een cyclus: {path}."),
                }
            }
            (
                CheckKind::KpiIncomplete {
                    unit,
                    direction,
                    target,
                },
                _,
            ) => {
                let mut missing = Vec::new();
                if *unit {
                    missing.push(lang.pick("a unit", "een eenheid"));
                }
                if *direction {
                    missing.push(lang.pick("a direction", "een richting"));
                }
                if *target {
                    missing.push(lang.pick("a target", "een norm"));
                }
                let list = join(&missing, lang);
                format!("{who} {} {list}.", lang.pick("lacks", "mist"))
            }
            (CheckKind::LinkKpiDrivesNoChainKpi, Lang::En) => {
                format!("{who} drives no chain KPI.")
            }
            (CheckKind::LinkKpiDrivesNoChainKpi, Lang::Nl) => {
                format!("{who} stuurt geen keten-KPI.")
            }
            (CheckKind::DuplicateName { .. }, Lang::En) => {
                let kind = self
                    .target
                    .kind()
                    .map(|k| k.noun(lang))
                    .unwrap_or("element");
                format!("{who} has the same name as another {kind}.")
            }
            (CheckKind::DuplicateName { .. }, Lang::Nl) => {
                let other = match self.target.kind() {
                    Some(ElementKind::Goal) => "een ander doel".to_string(),
                    Some(k) => format!("een andere {}", k.noun(lang)),
                    None => "een ander element".to_string(),
                };
                format!("{who} heeft dezelfde naam als {other}.")
            }
            (CheckKind::KpiNoValue { period, as_of }, _) => {
                let month = month_text(*as_of);
                match (period, lang) {
                    (Some(p), Lang::En) => format!("{who} has no value for {p}."),
                    (Some(p), Lang::Nl) => format!("{who} heeft geen waarde voor {p}."),
                    (None, Lang::En) => {
                        format!("{who} has no value as of {month}: it has no frequency.")
                    }
                    (None, Lang::Nl) => {
                        format!("{who} heeft geen waarde per {month}: er is geen frequentie.")
                    }
                }
            }
            (CheckKind::NormContradiction { contradiction }, _) => {
                format!("{who}: {}", contradiction.message(lang))
            }
            (CheckKind::OnTargetDriversOff, Lang::En) => format!(
                "{who} is on target, but most KPIs that drive it are off target: the result \
                 may drop."
            ),
            (CheckKind::OnTargetDriversOff, Lang::Nl) => format!(
                "{who} staat op norm, maar de meeste KPI's die hem sturen staan buiten norm: \
                 het resultaat kan dalen."
            ),
            (CheckKind::ChainValueUnbalanced { only }, Lang::En) => {
                let (has, lacks) = match only {
                    ValueType::Internal => ("internal value", "customer value"),
                    _ => ("customer value", "internal value"),
                };
                format!("{who}: its chain KPIs measure only {has}; none measures {lacks}.")
            }
            (CheckKind::ChainValueUnbalanced { only }, Lang::Nl) => {
                let (has, lacks) = match only {
                    ValueType::Internal => ("interne waarde", "klantwaarde"),
                    _ => ("klantwaarde", "interne waarde"),
                };
                format!("{who}: de keten-KPI's meten alleen {has}; geen enkele meet {lacks}.")
            }
            (CheckKind::ChainNoHandoverKpi, Lang::En) => format!(
                "{who} has no handover KPI: things go wrong at the handovers between links."
            ),
            (CheckKind::ChainNoHandoverKpi, Lang::Nl) => format!(
                "{who} heeft geen overdrachts-KPI: het gaat mis in de overdrachtsmomenten \
                 tussen schakels."
            ),
            (CheckKind::OwnerNotInMt, Lang::En) => {
                let owner = owner_of(r, &self.target);
                format!("{who}: its owner “{owner}” is not in the management team.")
            }
            (CheckKind::OwnerNotInMt, Lang::Nl) => {
                let owner = owner_of(r, &self.target);
                format!("{who}: eigenaar “{owner}” zit niet in het managementteam.")
            }
        }
    }
}

/// The owner of the chain `target` names, as typed.
fn owner_of(r: &Reader, target: &Target) -> String {
    match target {
        Target::Chain(c) => r.chain(c).map(|c| c.owner.trim().to_string()),
        _ => None,
    }
    .unwrap_or_default()
}

/// "a, b and c" / "a, b en c".
fn join(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("and", "en")),
    }
}
