//! What the three meeting views (department, chain, MT) and their printed packs show,
//! computed without the browser: which actions a meeting lists ([`shown_actions`]) and
//! whether one is overdue ([`is_overdue`]), what changed since the last meeting as texts
//! ([`change_groups`]), a meeting's statuses in one line ([`status_summary`]), a KPI's trend
//! as text ([`trend_text`]), the KPI table as groups ([`meeting_groups`]: where the KPIs hang)
//! and rows ([`meeting_rows`]), the MT meeting's chain lines ([`chain_lines`]) and escalated
//! actions ([`escalated_lines`]), and the printed packs ([`meeting_pack_html`]: one A4
//! landscape page per chain; [`department_pack_html`], [`mt_page`]).

use std::fmt::Write;

use crate::model::agenda::{read_escalated, read_meeting_kpis, Changes};
use crate::model::meeting::{Action, ChainMeeting, KpiState, MeetingAt};
use crate::model::rollup::combine;
use crate::model::steer::{month_text, period_as_of, status_as_of, trend, value_as_of, Month};
use crate::model::{
    format_number, Attach, Chain, Date, Id, Kpi, Lang, Model, Period, Reader, Status, Target,
};
use crate::present::chains::{name_of, read_name_of};
use crate::present::diagram::svg::escape;
use crate::present::labels::status_cell;
use crate::present::print::norm_html;
use crate::present::trend_chart::{svg as trend_svg, trend_chart, DEFAULT_PERIODS};

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
    /// A goal's result KPIs (the MT meeting).
    Goal(Id),
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

    /// The group of a KPI hanging at `place` in the meeting at `at`: in the MT meeting a
    /// result KPI's goal, else [`Group::of`].
    pub fn in_meeting(at: &MeetingAt, place: &Attach) -> Group {
        match (at, place) {
            (MeetingAt::Mt, Attach::Result { goal }) => Group::Goal(goal.clone()),
            _ => Group::of(place),
        }
    }

    /// The heading of the chain's and the result group; `None` for a link or a goal (its
    /// name).
    pub fn fixed_name(&self, lang: Lang) -> Option<&'static str> {
        match self {
            Group::Chain => Some(lang.pick("Chain", "Keten")),
            Group::Result => Some(lang.pick("Result", "Resultaat")),
            Group::Link(_) | Group::Goal(_) => None,
        }
    }

    /// The group's heading in the meeting at `at`: "Chain", "Result", a goal's name, or a
    /// link's (in a department meeting with its chain's: "New coffee machine · Service"). A
    /// handover in its own chain's meeting is headed by its two links only ("Sales ->
    /// Planning", under Sales' group: the arrow says it), so the table fits a projector.
    pub fn heading(&self, r: &Reader, at: &MeetingAt, lang: Lang) -> String {
        match self {
            Group::Link(Target::Handover { chain, link }) if matches!(at, MeetingAt::Chain(_)) => {
                r.handover_between(chain, link, lang)
            }
            Group::Link(target @ (Target::Link { chain, .. } | Target::Handover { chain, .. })) => {
                let link = read_name_of(r, target, lang);
                match at {
                    MeetingAt::Department(_) => format!(
                        "{} · {link}",
                        read_name_of(r, &Target::Chain(chain.clone()), lang)
                    ),
                    _ => link,
                }
            }
            Group::Link(other) => read_name_of(r, other, lang),
            Group::Goal(goal) => read_name_of(r, &Target::Goal(goal.clone()), lang),
            fixed => fixed.fixed_name(lang).unwrap_or_default().to_string(),
        }
    }

    /// The group's heading: "Chain", "Result", a goal's or the link's shown name.
    pub fn name(&self, m: &Model, lang: Lang) -> String {
        match self {
            Group::Link(target) => name_of(m, target, lang),
            Group::Goal(goal) => name_of(m, &Target::Goal(goal.clone()), lang),
            fixed => fixed.fixed_name(lang).unwrap_or_default().to_string(),
        }
    }
}

/// A group of a meeting's KPI table: where its KPIs hang, and those KPIs (model order). A
/// department meeting has a group per link of the department (chain by chain), the MT
/// meeting one per goal, a chain meeting the chain's, each link's and the results'.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowGroup {
    /// Where its KPIs hang.
    pub group: Group,
    /// Its KPIs, in meeting order.
    pub kpis: Vec<Id>,
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

/// The groups of the meeting at `at`, its KPIs in [`crate::model::agenda::meeting_kpis`]
/// order (a group holds a run of KPIs that hang at the same place).
pub fn meeting_groups(m: &Model, at: &MeetingAt) -> Vec<RowGroup> {
    read_meeting_groups(&Reader::new(m), at)
}

/// [`meeting_groups`], read through `r`.
pub fn read_meeting_groups(r: &Reader, at: &MeetingAt) -> Vec<RowGroup> {
    let places: std::collections::HashMap<&Id, &Attach> = r.kpi_places().collect();
    let mut groups: Vec<RowGroup> = Vec::new();
    for id in read_meeting_kpis(r, at) {
        let group = Group::in_meeting(at, places[id]);
        match groups.last_mut() {
            Some(last) if last.group == group => last.kpis.push(id.clone()),
            _ => groups.push(RowGroup {
                group,
                kpis: vec![id.clone()],
            }),
        }
    }
    groups
}

/// The table rows of `groups`: one per KPI, the first of each group spanning it.
pub fn rows_of(groups: Vec<RowGroup>) -> Vec<MeetingRow> {
    groups
        .into_iter()
        .flat_map(|g| {
            let n = g.kpis.len();
            let group = g.group;
            g.kpis
                .into_iter()
                .enumerate()
                .map(move |(i, kpi)| MeetingRow {
                    kpi,
                    group: group.clone(),
                    span: if i == 0 { n } else { 0 },
                })
        })
        .collect()
}

/// The rows of the meeting at `at`, in [`crate::model::agenda::meeting_kpis`] order.
pub fn meeting_rows(m: &Model, at: &MeetingAt) -> Vec<MeetingRow> {
    read_meeting_rows(&Reader::new(m), at)
}

/// [`meeting_rows`], read through `r`.
pub fn read_meeting_rows(r: &Reader, at: &MeetingAt) -> Vec<MeetingRow> {
    rows_of(read_meeting_groups(r, at))
}

/// The goals without a result KPI (the MT meeting names them under its table).
pub fn read_goals_without_results<'m>(r: &Reader<'m>) -> Vec<&'m Id> {
    let measured: std::collections::HashSet<&Id> = r
        .kpi_places()
        .filter_map(|(_, a)| match a {
            Attach::Result { goal } => Some(goal),
            _ => None,
        })
        .collect();
    r.goal_ids().filter(|g| !measured.contains(g)).collect()
}

/// A chain's line in the MT meeting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChainLine {
    /// The chain.
    pub chain: Id,
    /// Its name as shown (unnamed: "(no name)").
    pub name: String,
    /// Its chain owner.
    pub owner: String,
    /// Its rolled-up status as of the month (its chain KPIs, `model::rollup`); `None` without
    /// chain KPIs.
    pub status: Option<Status>,
    /// Its chain meeting's open actions.
    pub open: usize,
}

/// Each chain's line in the MT meeting, in model order: name, owner, status, open actions.
pub fn chain_lines(m: &Model, as_of: Month, lang: Lang) -> Vec<ChainLine> {
    read_chain_lines(&Reader::new(m), as_of, lang)
}

/// [`chain_lines`], read through `r` (the chains, their fields, chain KPIs with values and
/// meetings).
pub fn read_chain_lines(r: &Reader, as_of: Month, lang: Lang) -> Vec<ChainLine> {
    r.chain_ids()
        .map(|c| {
            let at = Attach::Chain { chain: c.clone() };
            let status = combine(
                r.kpis_at(&at)
                    .filter_map(|k| r.kpi_with_values(k))
                    .map(|k| status_as_of(k, as_of))
                    .collect::<Vec<_>>(),
            );
            let open = r
                .meeting(&MeetingAt::Chain(c.clone()))
                .map_or(0, |m| m.actions.iter().filter(|a| !a.done).count());
            ChainLine {
                chain: c.clone(),
                name: read_name_of(r, &Target::Chain(c.clone()), lang),
                owner: r.chain(c).map(|c| c.owner.clone()).unwrap_or_default(),
                status,
                open,
            }
        })
        .collect()
}

/// "Chain: New coffee machine", "Department: Service", "MT": where an action was agreed.
pub fn read_meeting_label(r: &Reader, at: &MeetingAt, lang: Lang) -> String {
    let words = [("Chain", "Keten"), ("Department", "Afdeling"), ("MT", "MT")];
    level_and_name(r, at, lang, words, ": ")
}

/// "Chain meeting · New coffee machine", "Department meeting · Service", "MT meeting": an
/// earlier meeting's title.
pub fn read_meeting_title(r: &Reader, at: &MeetingAt, lang: Lang) -> String {
    let words = [
        ("Chain meeting", "Ketenoverleg"),
        ("Department meeting", "Afdelingsoverleg"),
        ("MT meeting", "MT-overleg"),
    ];
    level_and_name(r, at, lang, words, " · ")
}

/// The meeting's level in `words` (chain, department, MT; English and Dutch), then `sep` and
/// the chain's or department's name (the MT has none).
fn level_and_name(
    r: &Reader,
    at: &MeetingAt,
    lang: Lang,
    words: [(&str, &str); 3],
    sep: &str,
) -> String {
    let (word, target) = match at {
        MeetingAt::Chain(c) => (words[0], Target::Chain(c.clone())),
        MeetingAt::Department(d) => (words[1], Target::Department(d.clone())),
        MeetingAt::Mt => return lang.pick(words[2].0, words[2].1).to_string(),
    };
    format!(
        "{}{sep}{}",
        lang.pick(word.0, word.1),
        read_name_of(r, &target, lang)
    )
}

/// An action escalated to the MT and not done, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EscalatedLine {
    /// The meeting it belongs to (marking it done there is the one edit).
    pub at: MeetingAt,
    /// The action's id in that meeting.
    pub action: Id,
    /// [`read_meeting_label`] of `at`.
    pub from: String,
}

/// The MT meeting's escalated actions (see [`crate::model::agenda::read_escalated`]).
pub fn escalated_lines(m: &Model, lang: Lang) -> Vec<EscalatedLine> {
    read_escalated_lines(&Reader::new(m), lang)
}

/// [`escalated_lines`], read through `r`.
pub fn read_escalated_lines(r: &Reader, lang: Lang) -> Vec<EscalatedLine> {
    read_escalated(r)
        .into_iter()
        .map(|(at, a)| EscalatedLine {
            from: read_meeting_label(r, &at, lang),
            action: a.id.clone(),
            at,
        })
        .collect()
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

/// What changed since the last meeting at `at`, as texts grouped by kind (empty groups left
/// out).
pub fn change_groups(m: &Model, at: &MeetingAt, ch: &Changes, lang: Lang) -> Vec<ChangeGroup> {
    read_change_groups(&Reader::new(m), at, ch, lang)
}

/// [`change_groups`], read through `r` (the KPIs' names and units, the meeting's actions).
pub fn read_change_groups(
    r: &Reader,
    at: &MeetingAt,
    ch: &Changes,
    lang: Lang,
) -> Vec<ChangeGroup> {
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
        let Some(meeting) = r.meeting(at) else {
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

fn pack_kpis(out: &mut String, m: &Model, at: &MeetingAt, as_of: Month, lang: Lang) {
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
    let r = Reader::new(m);
    for group in meeting_groups(m, at) {
        let g = match &group.group {
            Group::Chain => lang.pick("Chain KPIs", "Keten-KPI's").to_string(),
            Group::Result => lang.pick("Result KPIs", "Resultaat-KPI's").to_string(),
            other => other.heading(&r, at, lang),
        };
        let _ = write!(
            out,
            "<tr class=\"pack-group\"><th colspan=\"6\">{}</th></tr>",
            escape(&g)
        );
        for id in &group.kpis {
            pack_kpi_row(out, &m.kpis[id], as_of, lang);
        }
    }
    out.push_str("</tbody></table>");
}

/// A table of actions: what, owner, due (with "overdue"), and a last column when given.
fn pack_action_table<'a>(
    out: &mut String,
    rows: impl IntoIterator<Item = (&'a Action, String)>,
    last: Option<&str>,
    today: Date,
    lang: Lang,
) {
    let head = last.map(|h| format!("<th>{h}</th>")).unwrap_or_default();
    let _ = write!(
        out,
        "<table class=\"pack-actions\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>{head}</tr></thead><tbody>",
        lang.pick("Action", "Actie"),
        lang.pick("Action owner", "Actiehouder"),
        lang.pick("Due", "Gereed op"),
    );
    for (a, extra) in rows {
        let late = if is_overdue(&a.due, today) {
            format!(" <b>({})</b>", lang.pick("overdue", "te laat"))
        } else {
            String::new()
        };
        let cell = last
            .map(|_| format!("<td>{}</td>", escape(&extra)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}{late}</td>{cell}</tr>",
            escape(&a.what),
            escape(&a.owner),
            escape(&a.due)
        );
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
    let escalated = lang.pick("Escalated to MT", "Geëscaleerd naar MT");
    let any = open.iter().any(|a| a.escalated);
    let rows = open.into_iter().map(|a| {
        let mark = if a.escalated { escalated } else { "" };
        (a, mark.to_string())
    });
    pack_action_table(out, rows, any.then_some(escalated), today, lang);
}

fn pack_notes(out: &mut String, cm: &ChainMeeting, lang: Lang) {
    if !cm.notes.trim().is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3><p class=\"pack-notes\">{}</p>",
            lang.pick("Meeting notes", "Aantekeningen"),
            escape(&cm.notes)
        );
    }
}

/// " · Last meeting: <date>" when one was held.
fn last_held(cm: &ChainMeeting, lang: Lang) -> String {
    cm.last()
        .map(|l| {
            format!(
                " · {}: <b>{}</b>",
                lang.pick("Last meeting", "Vorig overleg"),
                escape(&l.date)
            )
        })
        .unwrap_or_default()
}

/// A page's heading: "<title> · <name>", then "As of: <month>", `meta` and the last meeting.
fn pack_head(
    out: &mut String,
    title: &str,
    cm: &ChainMeeting,
    as_of: Month,
    meta: &str,
    lang: Lang,
) {
    let _ = write!(
        out,
        "<section class=\"meeting-page\"><h2>{}</h2><p class=\"print-meta\">{}: <b>{}</b>{meta}{}</p>",
        escape(title),
        lang.pick("As of", "Stand per"),
        month_text(as_of),
        last_held(cm, lang),
    );
}

/// One chain's page of the meeting pack: the flow with each link's status, the meeting's
/// KPIs with value, norm, status (mark and word), trend and comment, the open actions and the
/// notes so far.
pub fn meeting_page(m: &Model, c: &Chain, as_of: Month, today: Date, lang: Lang) -> String {
    let mut s = String::new();
    let meta = format!(
        " · {}: <b>{}</b> · {}: <b>{}</b>",
        lang.pick("Owner", "Eigenaar"),
        escape(&c.owner),
        lang.pick("Customer", "Klant"),
        escape(&c.customer),
    );
    let title = format!(
        "{} · {}",
        lang.pick("Chain meeting", "Ketenoverleg"),
        c.name
    );
    pack_head(&mut s, &title, &c.meeting, as_of, &meta, lang);
    pack_flow(&mut s, m, c, as_of, lang);
    let at = MeetingAt::Chain(c.id.clone());
    pack_kpis(&mut s, m, &at, as_of, lang);
    pack_end(&mut s, &c.meeting, today, lang);
    pack_trends(&mut s, m, &at, &title, as_of, lang);
    s
}

/// A page of trend charts after a meeting's page: one per KPI of the meeting, in the order of
/// its table, over the 12 periods up to "As of" (none for a KPI without values then).
fn pack_trends(out: &mut String, m: &Model, at: &MeetingAt, title: &str, as_of: Month, lang: Lang) {
    let r = Reader::new(m);
    let charts: String = meeting_groups(m, at)
        .iter()
        .flat_map(|g| g.kpis.iter())
        .filter_map(|id| {
            let c = trend_chart(&r, id, as_of, DEFAULT_PERIODS, lang)?;
            let name = &m.kpis.get(id)?.name;
            c.empty.is_none().then(|| {
                format!(
                    "<figure>{}<figcaption>{}</figcaption></figure>",
                    trend_svg(&c, None),
                    escape(name)
                )
            })
        })
        .collect();
    if charts.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"meeting-page pack-trends\"><h2>{} · {}</h2><p class=\"print-meta\">{}: <b>{}</b></p><div class=\"pack-trend-grid\">{charts}</div></section>",
        escape(title),
        lang.pick("Trends", "Verloop"),
        lang.pick("As of", "Stand per"),
        month_text(as_of),
    );
}

/// The end of a page: the open actions, the notes so far.
fn pack_end(out: &mut String, cm: &ChainMeeting, today: Date, lang: Lang) {
    pack_actions(out, cm, today, lang);
    pack_notes(out, cm, lang);
    out.push_str("</section>");
}

/// The meeting pack: one page per chain (print CSS breaks before each).
pub fn meeting_pack_html(m: &Model, as_of: Month, today: Date, lang: Lang) -> String {
    m.chains
        .values()
        .map(|c| meeting_page(m, c, as_of, today, lang))
        .collect()
}

/// One department's page: its link KPIs across the chains (grouped by chain and link), its
/// open actions (escalated ones marked) and the notes so far.
pub fn department_page(m: &Model, d: &Id, as_of: Month, today: Date, lang: Lang) -> String {
    let Some(dep) = m.departments.get(d) else {
        return String::new();
    };
    let mut s = String::new();
    let title = format!(
        "{} · {}",
        lang.pick("Department meeting", "Afdelingsoverleg"),
        name_of(m, &Target::Department(d.clone()), lang)
    );
    pack_head(&mut s, &title, &dep.meeting, as_of, "", lang);
    let at = MeetingAt::Department(d.clone());
    pack_kpis(&mut s, m, &at, as_of, lang);
    pack_end(&mut s, &dep.meeting, today, lang);
    pack_trends(&mut s, m, &at, &title, as_of, lang);
    s
}

/// The department meetings' pack: one page per department.
pub fn department_pack_html(m: &Model, as_of: Month, today: Date, lang: Lang) -> String {
    m.departments
        .keys()
        .map(|d| department_page(m, d, as_of, today, lang))
        .collect()
}

/// The MT meeting's page: the goals' result KPIs, each chain's line, the escalated actions
/// with where they came from, the MT's own open actions and the notes so far.
pub fn mt_page(m: &Model, as_of: Month, today: Date, lang: Lang) -> String {
    let mut s = String::new();
    let title = lang.pick("MT meeting", "MT-overleg");
    pack_head(&mut s, title, &m.mt_meeting, as_of, "", lang);
    pack_kpis(&mut s, m, &MeetingAt::Mt, as_of, lang);
    let _ = write!(
        s,
        "<h3>{}</h3><table class=\"pack-chains\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("Chains", "Ketens"),
        lang.pick("Chain", "Keten"),
        lang.pick("Owner", "Eigenaar"),
        lang.pick("Status", "Status"),
        lang.pick("Open actions", "Openstaande acties"),
    );
    for line in chain_lines(m, as_of, lang) {
        let status = line
            .status
            .map(|st| status_cell(st, lang))
            .unwrap_or_default();
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{status}</td><td class=\"pack-num\">{}</td></tr>",
            escape(&line.name),
            escape(&line.owner),
            line.open
        );
    }
    s.push_str("</tbody></table>");
    let _ = write!(
        s,
        "<h3>{}</h3>",
        lang.pick("Escalated actions", "Geëscaleerde acties")
    );
    let lines = escalated_lines(m, lang);
    if lines.is_empty() {
        let _ = write!(s, "<p>{}</p>", lang.pick("None.", "Geen."));
    } else {
        let rows = lines.iter().filter_map(|l| {
            let a = m
                .meeting(&l.at)?
                .actions
                .iter()
                .find(|a| a.id == l.action)?;
            Some((a, l.from.clone()))
        });
        let from = lang.pick("From", "Van");
        pack_action_table(&mut s, rows, Some(from), today, lang);
    }
    pack_end(&mut s, &m.mt_meeting, today, lang);
    pack_trends(&mut s, m, &MeetingAt::Mt, title, as_of, lang);
    s
}
