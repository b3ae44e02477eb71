//! What the Meeting view and the meeting pack show, computed without the browser: which
//! actions a meeting lists ([`shown_actions`]) and whether one is overdue ([`is_overdue`]),
//! what changed since the last meeting as texts ([`change_groups`]), a meeting's statuses in
//! one line ([`status_summary`]), a KPI's trend as text ([`trend_text`]), the rows of the
//! KPI table grouped by where each KPI hangs ([`meeting_rows`]) and the printed meeting pack
//! ([`meeting_pack_html`]: one A4 landscape page per chain).

use std::fmt::Write;

use crate::model::agenda::{read_meeting_kpis, Changes};
use crate::model::meeting::{Action, ChainMeeting, KpiState};
use crate::model::rollup::combine;
use crate::model::steer::{month_text, period_as_of, status_as_of, trend, value_as_of, Month};
use crate::model::{
    format_number, Attach, Chain, Date, Id, Kpi, Lang, Model, Period, Reader, Status, Target,
};
use crate::present::chains::name_of;
use crate::present::diagram::svg::escape;
use crate::present::print::norm_html;

/// Where a KPI of a meeting's table hangs: its group in the "Where" column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// The chain's own KPIs.
    Chain,
    /// A link's KPIs: the link with its chain (link ids are unique only within their chain);
    /// or a handover's KPIs (`Target::Handover`).
    Link(Target),
    /// The result KPIs the chain's KPIs drive.
    Result,
}

impl Group {
    /// The group of a KPI hanging at `at`.
    pub fn of(at: &Attach) -> Group {
        match at {
            Attach::Chain { .. } => Group::Chain,
            Attach::Link { chain, link } => Group::Link(Target::Link {
                chain: chain.clone(),
                link: link.clone(),
            }),
            Attach::Handover { chain, link } => Group::Link(Target::Handover {
                chain: chain.clone(),
                link: link.clone(),
            }),
            Attach::Result { .. } => Group::Result,
        }
    }

    /// The heading of the chain's and the result group; `None` for a link (its name).
    pub fn fixed_name(&self, lang: Lang) -> Option<&'static str> {
        match self {
            Group::Chain => Some(lang.pick("Chain", "Keten")),
            Group::Result => Some(lang.pick("Result", "Resultaat")),
            Group::Link(_) => None,
        }
    }

    /// The group's heading: "Chain", "Result" or the link's shown name.
    pub fn name(&self, m: &Model, lang: Lang) -> String {
        match self {
            Group::Link(target) => name_of(m, target, lang),
            fixed => fixed.fixed_name(lang).unwrap_or_default().to_string(),
        }
    }
}

/// One row of a meeting's KPI table: the KPI, its group, and how many rows the group spans if
/// this row starts it (0 for the rows after the first of a group).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MeetingRow {
    /// The KPI.
    pub kpi: Id,
    /// Where it hangs.
    pub group: Group,
    /// Rows of its group from here (the first row of a group), else 0.
    pub span: usize,
}

/// The rows of the meeting of `chain`, in [`crate::model::agenda::meeting_kpis`] order.
pub fn meeting_rows(m: &Model, chain: &Id) -> Vec<MeetingRow> {
    read_meeting_rows(&Reader::new(m), chain)
}

/// [`meeting_rows`], read through `r`.
pub fn read_meeting_rows(r: &Reader, chain: &Id) -> Vec<MeetingRow> {
    let places: std::collections::HashMap<&Id, &Attach> = r.kpi_places().collect();
    let mut rows: Vec<MeetingRow> = Vec::new();
    let mut start = 0;
    for id in read_meeting_kpis(r, chain) {
        let group = Group::of(places[id]);
        let span = if rows.last().is_some_and(|r| r.group == group) {
            rows[start].span += 1;
            0
        } else {
            start = rows.len();
            1
        };
        rows.push(MeetingRow {
            kpi: id.clone(),
            group,
            span,
        });
    }
    rows
}

/// True when `due` names a period (`2026-09`, `2026-09-15`, `2026-Q3`, `2026-W36`, `2026`)
/// whose last day is before `today`. Free text ("next meeting") is never overdue.
pub fn is_overdue(due: &str, today: Date) -> bool {
    Period::parse(due.trim()).is_ok_and(|p| p.last_day() < today)
}

/// The actions a meeting lists: every open action, and those done since the last meeting
/// (open then, or added since); actions already done at the last meeting are gone.
pub fn shown_actions(cm: &ChainMeeting) -> Vec<&Action> {
    cm.actions
        .iter()
        .filter(|a| {
            !a.done
                || cm
                    .last()
                    .is_none_or(|last| last.open.contains(&a.id) || !last.actions.contains(&a.id))
        })
        .collect()
}

/// A value with its unit (`97.5%`, `3 days`), or "no value".
pub fn value_text(value: Option<f64>, unit: &str, lang: Lang) -> String {
    let Some(v) = value else {
        return Status::NoValue.word(lang).to_string();
    };
    let n = format_number(v, lang);
    match unit.trim() {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

/// A KPI's recent values as text, oldest first: `91 → 94 → 97.5` (`–` for a period without
/// a value); empty when none of them has one.
pub fn trend_text(values: &[Option<f64>], lang: Lang) -> String {
    if values.iter().all(Option::is_none) {
        return String::new();
    }
    values
        .iter()
        .map(|v| v.map_or_else(|| "–".to_string(), |v| format_number(v, lang)))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The values of `kpi`'s last `n` periods up to its period as of `month`, oldest first.
pub fn recent_values(kpi: &Kpi, month: Month, n: usize) -> Vec<Option<f64>> {
    trend(kpi, month, n).into_iter().map(|(_, v)| v).collect()
}

/// A meeting's statuses in one line, in legend order: "4 on target, 1 at risk, 1 off target".
pub fn status_summary(kpis: &[KpiState], lang: Lang) -> String {
    Status::ALL
        .iter()
        .filter_map(|s| {
            let n = kpis.iter().filter(|k| k.status == *s).count();
            (n > 0).then(|| format!("{n} {}", s.word(lang)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One kind of change since the last meeting: a heading and a line per change.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeGroup {
    /// "Values changed", "Statuses changed", "Actions done" or "Actions added".
    pub heading: &'static str,
    /// One text per change: `Machines installed on time: 97.5% → 80%`.
    pub lines: Vec<String>,
}

fn action_text(a: &Action, lang: Lang) -> String {
    let what = if a.what.trim().is_empty() {
        lang.pick("(no text)", "(zonder tekst)").to_string()
    } else {
        a.what.clone()
    };
    if a.owner.trim().is_empty() {
        what
    } else {
        format!("{what} ({})", a.owner)
    }
}

/// What changed since the last meeting of `chain`, as texts grouped by kind (empty groups
/// left out).
pub fn change_groups(m: &Model, chain: &Id, ch: &Changes, lang: Lang) -> Vec<ChangeGroup> {
    read_change_groups(&Reader::new(m), chain, ch, lang)
}

/// [`change_groups`], read through `r` (the KPIs' names and units, the chain's actions).
pub fn read_change_groups(r: &Reader, chain: &Id, ch: &Changes, lang: Lang) -> Vec<ChangeGroup> {
    let unit = |id: &Id| r.kpi(id).map_or("", |k| k.unit.as_str());
    let kpi_name = |id: &Id| r.kpi(id).map_or("", |k| k.name.as_str());
    let values = ch
        .values
        .iter()
        .map(|(id, then, now)| {
            format!(
                "{}: {} → {}",
                kpi_name(id),
                value_text(*then, unit(id), lang),
                value_text(*now, unit(id), lang)
            )
        })
        .collect();
    let statuses = ch
        .statuses
        .iter()
        .map(|(id, then, now)| {
            format!("{}: {} → {}", kpi_name(id), then.word(lang), now.word(lang))
        })
        .collect();
    let actions = |ids: &[Id]| -> Vec<String> {
        let Some(meeting) = r.meeting(chain) else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|id| meeting.actions.iter().find(|a| &a.id == id))
            .map(|a| action_text(a, lang))
            .collect()
    };
    [
        (lang.pick("Values changed", "Gewijzigde waarden"), values),
        (lang.pick("Statuses changed", "Gewijzigde status"), statuses),
        (
            lang.pick("Actions done", "Afgeronde acties"),
            actions(&ch.done),
        ),
        (
            lang.pick("Actions added", "Nieuwe acties"),
            actions(&ch.added),
        ),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(heading, lines)| ChangeGroup { heading, lines })
    .collect()
}

/// A status as the pack prints it: a mark and the word (readable in black and white).
fn status_cell(s: Status, lang: Lang) -> String {
    let (class, mark) = match s {
        Status::OnTarget => ("on", "✓"),
        Status::AtRisk => ("risk", "!"),
        Status::OffTarget => ("off", "✕"),
        Status::NoValue => ("none", "–"),
        Status::NoNorm => ("none", "·"),
    };
    format!(
        "<span class=\"pack-status pack-{class}\">{mark} {}</span>",
        s.word(lang)
    )
}

/// How many periods the pack's trend shows.
const PACK_TREND: usize = 5;

fn pack_kpi_row(out: &mut String, k: &Kpi, as_of: Month, lang: Lang) {
    let comment = period_as_of(k, as_of)
        .and_then(|p| k.comments.get(&p))
        .map(|c| escape(c))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<tr><td class=\"pack-name\">{}</td><td class=\"pack-num\">{}</td><td>{}</td><td>{}</td><td class=\"pack-trend\">{}</td><td>{comment}</td></tr>",
        escape(&k.name),
        escape(&value_text(value_as_of(k, as_of), &k.unit, lang)),
        norm_html(k, lang),
        status_cell(status_as_of(k, as_of), lang),
        escape(&trend_text(&recent_values(k, as_of, PACK_TREND), lang)),
    );
}

fn pack_flow(out: &mut String, m: &Model, c: &Chain, as_of: Month, lang: Lang) {
    let _ = write!(
        out,
        "<ol class=\"print-flow\"><li class=\"print-end\"><small>{}</small><span>{}</span></li>",
        lang.pick("Customer need", "Klantbehoefte"),
        escape(&c.trigger)
    );
    for l in &c.links {
        let status = combine(m.link_kpis_of(&c.id, &l.id).map(|k| status_as_of(k, as_of)))
            .map(|s| status_cell(s, lang))
            .unwrap_or_default();
        let _ = write!(out, "<li>{}<small>{status}</small></li>", escape(&l.name));
    }
    let _ = write!(
        out,
        "<li class=\"print-end\"><small>{}</small><span>{}</span></li></ol>",
        lang.pick("Product or service", "Product of dienst"),
        escape(&c.outcome)
    );
}

fn pack_kpis(out: &mut String, m: &Model, c: &Chain, as_of: Month, lang: Lang) {
    let _ = write!(
        out,
        "<table class=\"pack-kpis\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("KPI", "KPI"),
        lang.pick("Value", "Waarde"),
        lang.pick("Norm", "Norm"),
        lang.pick("Status", "Status"),
        lang.pick("Trend", "Verloop"),
        lang.pick("Comment", "Toelichting"),
    );
    for row in meeting_rows(m, &c.id) {
        if row.span > 0 {
            let g = match &row.group {
                Group::Chain => lang.pick("Chain KPIs", "Keten-KPI's").to_string(),
                Group::Result => lang.pick("Result KPIs", "Resultaat-KPI's").to_string(),
                link => link.name(m, lang),
            };
            let _ = write!(
                out,
                "<tr class=\"pack-group\"><th colspan=\"6\">{}</th></tr>",
                escape(&g)
            );
        }
        let k = &m.kpis[&row.kpi];
        pack_kpi_row(out, k, as_of, lang);
    }
    out.push_str("</tbody></table>");
}

fn pack_actions(out: &mut String, cm: &ChainMeeting, today: Date, lang: Lang) {
    let open: Vec<&Action> = cm.actions.iter().filter(|a| !a.done).collect();
    let _ = write!(
        out,
        "<h3>{}</h3>",
        lang.pick("Open actions", "Openstaande acties")
    );
    if open.is_empty() {
        let _ = write!(out, "<p>{}</p>", lang.pick("None.", "Geen."));
        return;
    }
    let _ = write!(
        out,
        "<table class=\"pack-actions\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("Action", "Actie"),
        lang.pick("Action owner", "Actiehouder"),
        lang.pick("Due", "Gereed op"),
    );
    for a in open {
        let late = if is_overdue(&a.due, today) {
            format!(" <b>({})</b>", lang.pick("overdue", "te laat"))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}{late}</td></tr>",
            escape(&a.what),
            escape(&a.owner),
            escape(&a.due)
        );
    }
    out.push_str("</tbody></table>");
}

/// One chain's page of the meeting pack: the flow with each link's status, the meeting's
/// KPIs with value, norm, status (mark and word), trend and comment, the open actions and the
/// notes so far.
pub fn meeting_page(m: &Model, c: &Chain, as_of: Month, today: Date, lang: Lang) -> String {
    let mut s = String::new();
    let last = c
        .meeting
        .last()
        .map(|l| {
            format!(
                " · {}: <b>{}</b>",
                lang.pick("Last meeting", "Vorig overleg"),
                escape(&l.date)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        s,
        "<section class=\"meeting-page\"><h2>{} · {}</h2><p class=\"print-meta\">{}: <b>{}</b> · {}: <b>{}</b> · {}: <b>{}</b>{last}</p>",
        lang.pick("Chain meeting", "Ketenoverleg"),
        escape(&c.name),
        lang.pick("As of", "Stand per"),
        month_text(as_of),
        lang.pick("Owner", "Eigenaar"),
        escape(&c.owner),
        lang.pick("Customer", "Klant"),
        escape(&c.customer),
    );
    pack_flow(&mut s, m, c, as_of, lang);
    pack_kpis(&mut s, m, c, as_of, lang);
    pack_actions(&mut s, &c.meeting, today, lang);
    if !c.meeting.notes.trim().is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3><p class=\"pack-notes\">{}</p>",
            lang.pick("Meeting notes", "Aantekeningen"),
            escape(&c.meeting.notes)
        );
    }
    s.push_str("</section>");
    s
}

/// The meeting pack: one page per chain (print CSS breaks before each).
pub fn meeting_pack_html(m: &Model, as_of: Month, today: Date, lang: Lang) -> String {
    m.chains
        .values()
        .map(|c| meeting_page(m, c, as_of, today, lang))
        .collect()
}
