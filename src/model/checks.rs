//! The twelve method checks of the iPM method (see `docs/MODEL.md`), each with an English and
//! a Dutch message that names the element.
//!
//! [`check`] is linear in the size of the model (hash maps and sets of ids, no quadratic
//! work) and returns findings in a deterministic order: by check number, then model order.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::lang::Lang;
use super::target::{ElementKind, Target};
use super::types::{Attach, Direction, Level, Model};

/// The method advises at most this many result KPIs for the whole organisation. The model
/// allows more; check 7 reports it.
pub const MAX_RESULT_KPIS: usize = 4;
/// A chain should have at least this many chain KPIs (check 2).
pub const MIN_CHAIN_KPIS: usize = 2;
/// A chain should have at most this many chain KPIs (check 2).
pub const MAX_CHAIN_KPIS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Which check found something, with what it found.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum CheckKind {
    /// 1. A chain has no owner.
    ChainNoOwner,
    /// 2. A chain has fewer than 2 or more than 3 chain KPIs.
    ChainKpiCount { count: usize },
    /// 3. A chain has no trigger or no outcome (`true` = missing).
    ChainNoTriggerOrOutcome { trigger: bool, outcome: bool },
    /// 4. A chain has no links.
    ChainNoLinks,
    /// 5. A chain KPI drives no result KPI.
    ChainKpiDrivesNoResult,
    /// 6. A result KPI is driven by no chain KPI.
    ResultKpiNotDriven,
    /// 7. More than 4 result KPIs in the model.
    TooManyResultKpis { count: usize },
    /// 8. A goal has no result KPI.
    GoalNoResultKpi,
    /// 9. The drives relation has a cycle; the KPIs on it, in order (the target is the first).
    DrivesCycle { cycle: Vec<Id> },
    /// 10. A KPI lacks unit, direction or target (`true` = missing).
    KpiIncomplete {
        unit: bool,
        direction: bool,
        target: bool,
    },
    /// 11. A link KPI drives no chain KPI.
    LinkKpiDrivesNoChainKpi,
    /// 12. Two elements of one kind share a name; `first` is the earlier, the target the later.
    DuplicateName { first: Target },
}

impl CheckKind {
    /// The check's number in the method (1 to 12).
    pub fn number(&self) -> u8 {
        match self {
            CheckKind::ChainNoOwner => 1,
            CheckKind::ChainKpiCount { .. } => 2,
            CheckKind::ChainNoTriggerOrOutcome { .. } => 3,
            CheckKind::ChainNoLinks => 4,
            CheckKind::ChainKpiDrivesNoResult => 5,
            CheckKind::ResultKpiNotDriven => 6,
            CheckKind::TooManyResultKpis { .. } => 7,
            CheckKind::GoalNoResultKpi => 8,
            CheckKind::DrivesCycle { .. } => 9,
            CheckKind::KpiIncomplete { .. } => 10,
            CheckKind::LinkKpiDrivesNoChainKpi => 11,
            CheckKind::DuplicateName { .. } => 12,
        }
    }

    /// A cycle is an error (the structure cannot be read); a KPI's missing unit, direction or
    /// target is information (every new KPI starts that way); the rest are warnings.
    pub fn severity(&self) -> Severity {
        match self {
            CheckKind::DrivesCycle { .. } => Severity::Error,
            CheckKind::KpiIncomplete { .. } => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    pub kind: CheckKind,
    pub severity: Severity,
    pub target: Target,
}

impl Finding {
    fn new(kind: CheckKind, target: Target) -> Self {
        Finding {
            severity: kind.severity(),
            kind,
            target,
        }
    }
}

/// Runs the twelve checks. Dangling references (possible in imported files) are skipped,
/// never a panic.
pub fn check(model: &Model) -> Vec<Finding> {
    let mut out = Vec::new();
    let level_of = |id: &Id| model.kpis.get(id).map(|k| k.level());

    // Per-chain chain KPI counts, goals with result KPIs, result KPIs driven by chain KPIs.
    let mut chain_kpis: HashMap<&Id, usize> = HashMap::with_capacity(model.chains.len());
    let mut goals_with_result: HashSet<&Id> = HashSet::with_capacity(model.goals.len());
    let mut driven_results: HashSet<&Id> = HashSet::new();
    let mut result_count = 0;
    for k in model.kpis.values() {
        match &k.at {
            Attach::Result { goal } => {
                result_count += 1;
                goals_with_result.insert(goal);
            }
            Attach::Chain { chain } => {
                *chain_kpis.entry(chain).or_default() += 1;
                for t in &k.drives {
                    if level_of(t) == Some(Level::Result) {
                        driven_results.insert(t);
                    }
                }
            }
            Attach::Link { .. } => {}
        }
    }

    // 1-4: chains.
    for (id, c) in &model.chains {
        if c.owner.trim().is_empty() {
            out.push(Finding::new(
                CheckKind::ChainNoOwner,
                Target::Chain(id.clone()),
            ));
        }
    }
    for id in model.chains.keys() {
        let count = chain_kpis.get(id).copied().unwrap_or(0);
        if !(MIN_CHAIN_KPIS..=MAX_CHAIN_KPIS).contains(&count) {
            out.push(Finding::new(
                CheckKind::ChainKpiCount { count },
                Target::Chain(id.clone()),
            ));
        }
    }
    for (id, c) in &model.chains {
        let trigger = c.trigger.trim().is_empty();
        let outcome = c.outcome.trim().is_empty();
        if trigger || outcome {
            out.push(Finding::new(
                CheckKind::ChainNoTriggerOrOutcome { trigger, outcome },
                Target::Chain(id.clone()),
            ));
        }
    }
    for (id, c) in &model.chains {
        if c.links.is_empty() {
            out.push(Finding::new(
                CheckKind::ChainNoLinks,
                Target::Chain(id.clone()),
            ));
        }
    }

    // 5, 6: chain KPIs and result KPIs.
    for (id, k) in &model.kpis {
        if k.level() == Level::Chain && !k.drives.iter().any(|t| level_of(t) == Some(Level::Result))
        {
            out.push(Finding::new(
                CheckKind::ChainKpiDrivesNoResult,
                Target::Kpi(id.clone()),
            ));
        }
    }
    for (id, k) in &model.kpis {
        if k.level() == Level::Result && !driven_results.contains(id) {
            out.push(Finding::new(
                CheckKind::ResultKpiNotDriven,
                Target::Kpi(id.clone()),
            ));
        }
    }

    // 7, 8: result KPIs and goals.
    if result_count > MAX_RESULT_KPIS {
        out.push(Finding::new(
            CheckKind::TooManyResultKpis {
                count: result_count,
            },
            Target::Model,
        ));
    }
    for id in model.goals.keys() {
        if !goals_with_result.contains(id) {
            out.push(Finding::new(
                CheckKind::GoalNoResultKpi,
                Target::Goal(id.clone()),
            ));
        }
    }

    // 9: cycles.
    for cycle in cycles(model) {
        let first = cycle.first().cloned().unwrap_or_default();
        out.push(Finding::new(
            CheckKind::DrivesCycle { cycle },
            Target::Kpi(first),
        ));
    }

    // 10, 11: KPI definitions and link KPIs.
    for (id, k) in &model.kpis {
        let unit = k.unit.trim().is_empty();
        let direction = k.direction == Direction::Unset;
        let target = k.target.trim().is_empty();
        if unit || direction || target {
            out.push(Finding::new(
                CheckKind::KpiIncomplete {
                    unit,
                    direction,
                    target,
                },
                Target::Kpi(id.clone()),
            ));
        }
    }
    for (id, k) in &model.kpis {
        if k.level() == Level::Link && !k.drives.iter().any(|t| level_of(t) == Some(Level::Chain)) {
            out.push(Finding::new(
                CheckKind::LinkKpiDrivesNoChainKpi,
                Target::Kpi(id.clone()),
            ));
        }
    }

    // 12: names.
    duplicates(
        model
            .goals
            .iter()
            .map(|(id, g)| (&g.name, Target::Goal(id.clone()))),
        &mut out,
    );
    duplicates(
        model
            .departments
            .iter()
            .map(|(id, d)| (&d.name, Target::Department(id.clone()))),
        &mut out,
    );
    duplicates(
        model
            .chains
            .iter()
            .map(|(id, c)| (&c.name, Target::Chain(id.clone()))),
        &mut out,
    );
    for (chain, c) in &model.chains {
        duplicates(
            c.links.iter().map(|l| {
                let target = Target::Link {
                    chain: chain.clone(),
                    link: l.id.clone(),
                };
                (&l.name, target)
            }),
            &mut out,
        );
    }
    duplicates(
        model
            .kpis
            .iter()
            .map(|(id, k)| (&k.name, Target::Kpi(id.clone()))),
        &mut out,
    );
    out
}

/// Reports every element whose trimmed, lower-cased, non-empty name an earlier one has.
fn duplicates<'a>(items: impl Iterator<Item = (&'a String, Target)>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, Target> = HashMap::new();
    for (name, target) in items {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => out.push(Finding::new(
                CheckKind::DuplicateName {
                    first: first.clone(),
                },
                target,
            )),
            None => {
                seen.insert(key, target);
            }
        }
    }
}

/// Cycles of the drives relation: one per back edge of a depth-first search in model order.
pub fn cycles(model: &Model) -> Vec<Vec<Id>> {
    let n = model.kpis.len();
    let adj: Vec<Vec<usize>> = model
        .kpis
        .values()
        .map(|k| {
            k.drives
                .iter()
                .filter_map(|t| model.kpis.get_index_of(t))
                .collect()
        })
        .collect();
    // 0 new, 1 on the path, 2 done.
    let mut state = vec![0u8; n];
    let mut path: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        path.push((start, 0));
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if let Some(&to) = adj[node].get(*next) {
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        path.push((to, 0));
                    }
                    1 => {
                        let from = path.iter().position(|&(p, _)| p == to).unwrap_or(0);
                        let cycle = path[from..]
                            .iter()
                            .filter_map(|&(p, _)| model.kpis.get_index(p).map(|(id, _)| id.clone()))
                            .collect();
                        found.push(cycle);
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                path.pop();
            }
        }
    }
    found
}

impl Finding {
    /// The finding as a sentence naming the element, in English or Dutch.
    pub fn message(&self, model: &Model, lang: Lang) -> String {
        let who = self.target.describe(model, lang);
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
                    .map(|id| format!("“{}”", Target::Kpi(id.clone()).name(model)))
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
        }
    }
}

/// "a, b and c" / "a, b en c".
fn join(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("and", "en")),
    }
}
