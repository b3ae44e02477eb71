//! What the Health view shows of a finding: its severity's name, plural and CSS class, and
//! the label of its check.

use crate::model::{CheckKind, Lang, Severity};

/// The severities, most severe first (the order of the summary).
pub const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The name of one finding's severity ("Error").
pub fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("Error", "Fout"),
        Severity::Warning => lang.pick("Warning", "Waarschuwing"),
        Severity::Info => lang.pick("Info", "Info"),
    }
}

/// The heading of a severity's count ("Errors").
pub fn severity_plural(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("Errors", "Fouten"),
        Severity::Warning => lang.pick("Warnings", "Waarschuwingen"),
        Severity::Info => lang.pick("Information", "Informatie"),
    }
}

/// The CSS class suffix of a severity (`sev-error`).
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The check's number and what it asks, e.g. "Check 1 · chain owner".
pub fn check_label(kind: &CheckKind, lang: Lang) -> String {
    let what = match kind {
        CheckKind::ChainNoOwner => lang.pick("chain owner", "keteneigenaar"),
        CheckKind::ChainKpiCount { .. } => lang.pick("2 to 3 chain KPIs", "2 tot 3 keten-KPI's"),
        CheckKind::ChainNoTriggerOrOutcome { .. } => {
            lang.pick("trigger and outcome", "aanleiding en resultaat")
        }
        CheckKind::ChainNoLinks => lang.pick("links", "schakels"),
        CheckKind::ChainKpiDrivesNoResult => lang.pick(
            "chain KPI drives a result KPI",
            "keten-KPI stuurt een resultaat-KPI",
        ),
        CheckKind::ResultKpiNotDriven => {
            lang.pick("result KPI is driven", "resultaat-KPI wordt gestuurd")
        }
        CheckKind::TooManyResultKpis { .. } => {
            lang.pick("at most 4 result KPIs", "hoogstens 4 resultaat-KPI's")
        }
        CheckKind::GoalNoResultKpi => {
            lang.pick("goal has a result KPI", "doel heeft een resultaat-KPI")
        }
        CheckKind::DrivesCycle { .. } => lang.pick("no cycles", "geen cyclus"),
        CheckKind::KpiIncomplete { .. } => {
            lang.pick("unit, direction and target", "eenheid, richting en norm")
        }
        CheckKind::LinkKpiDrivesNoChainKpi => lang.pick(
            "link KPI drives a chain KPI",
            "schakel-KPI stuurt een keten-KPI",
        ),
        CheckKind::DuplicateName { .. } => lang.pick("unique names", "unieke namen"),
        CheckKind::KpiNoValue { .. } => lang.pick("value as of", "waarde per maand"),
        CheckKind::NormContradiction { .. } => lang.pick(
            "thresholds follow the direction",
            "grenzen volgen de richting",
        ),
        CheckKind::OnTargetDriversOff => lang.pick("drivers on target", "sturende KPI's op norm"),
        CheckKind::ChainValueUnbalanced { .. } => {
            lang.pick("customer and internal value", "klant- en interne waarde")
        }
        CheckKind::ChainNoHandoverKpi => lang.pick("a handover KPI", "een overdrachts-KPI"),
        CheckKind::OwnerNotInMt => lang.pick("owner in the MT", "eigenaar in het MT"),
    };
    format!(
        "{} {} · {what}",
        lang.pick("Check", "Controle"),
        kind.number()
    )
}
