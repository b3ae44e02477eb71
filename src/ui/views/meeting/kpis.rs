//! The KPIs a meeting discusses (`agenda::meeting_kpis`; a chain's: chain KPIs, each link's
//! KPIs, then the result KPIs they drive; a department's: its links' KPIs chain by chain; the
//! MT's: the result KPIs goal by goal), in groups (`present::meeting::meeting_groups`). Each
//! row: the KPI's name (a button selecting it), its value, norm, status word, trend and a
//! textbox for its comment of the period as of the month. The trend is a button that opens
//! the KPI's trend chart in a row under it (and closes it): the table is no taller until then.

use leptos::prelude::*;

use crate::format::MAX_TEXT_CHARS;
use crate::model::meeting::MeetingAt;
use crate::model::steer::period_as_of;
use crate::model::{norm_note, note_of, shown_norm, Edit, Id, Target};
use crate::present::chains::or_unnamed;
use crate::present::meeting::{read_meeting_rows, recent_values, trend_text, Group, MeetingRow};
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App};
use crate::ui::views::agreements::LinkAgreements;
use crate::ui::views::chains::flow::kpi_button;
use crate::ui::views::status::{kpi_status, kpi_value_text, Sparkline, StatusBadge};
use crate::ui::views::trend_chart::TrendChart;

/// How many periods the trend shows on screen.
const TREND: usize = 3;

/// The KPI's trend as text: its last [`TREND`] values (swap for a sparkline here).
fn trend(app: App, id: &Id) -> String {
    let as_of = app.as_of.get();
    let lang = app.lang.get();
    app.doc
        .read(|r| {
            r.kpi_with_values(id)
                .map(|k| trend_text(&recent_values(k, as_of, TREND), lang))
        })
        .flatten()
        .unwrap_or_default()
}

/// What the table says when the meeting at `at` has no KPIs.
fn no_kpis(at: &MeetingAt) -> (&'static str, &'static str) {
    match at {
        MeetingAt::Chain(_) => (
            "This chain has no KPIs yet.",
            "Deze keten heeft nog geen KPI's.",
        ),
        MeetingAt::Department(_) => (
            "No link of this department has KPIs yet.",
            "Geen schakel van deze afdeling heeft al KPI's.",
        ),
        MeetingAt::Mt => (
            "The goals have no result KPIs yet.",
            "De doelen hebben nog geen resultaat-KPI's.",
        ),
    }
}

#[component]
pub fn MeetingKpis(at: MeetingAt) -> impl IntoView {
    let app = use_app();
    let sel = Selector::new(move || app.selection.get());
    let empty = no_kpis(&at);
    let rows = {
        let at = at.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| read_meeting_rows(r, &at))
                .unwrap_or_default()
        })
    };
    // The KPIs whose trend chart is open (a row under theirs).
    let open = RwSignal::new(Vec::<Id>::new());
    let table = Table { rows, open };
    view! {
        <table class="meeting-kpis">
            <thead>
                <tr>
                    <th scope="col" class="mk-group">{tr(app.lang, "Where", "Waar")}</th>
                    <th scope="col">{tr(app.lang, "KPI", "KPI")}</th>
                    <th scope="col" class="mk-num">{tr(app.lang, "Value", "Waarde")}</th>
                    <th scope="col">{tr(app.lang, "Norm", "Norm")}</th>
                    <th scope="col">{tr(app.lang, "Status", "Status")}</th>
                    <th scope="col">{tr(app.lang, "Trend", "Verloop")}</th>
                    <th scope="col">{tr(app.lang, "Comment", "Toelichting")}</th>
                </tr>
            </thead>
            <tbody>
                <Show when=move || rows.with(|r| r.is_empty())>
                    <tr>
                        <td colspan="7" class="muted">
                            {tr(app.lang, empty.0, empty.1)}
                        </td>
                    </tr>
                </Show>
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    {kpi_row(app, &sel, table, &at, row)}
                </For>
            </tbody>
        </table>
    }
}

/// What every row of the table shares: the rows and the open charts.
#[derive(Clone, Copy)]
struct Table {
    rows: Memo<Vec<MeetingRow>>,
    open: RwSignal<Vec<Id>>,
}

impl Table {
    /// How many rows the group starting at `row` spans: its KPIs and their open charts.
    fn span(self, row: &MeetingRow) -> usize {
        let open = self.open.get();
        self.rows.with(|rows| {
            let start = rows.iter().position(|r| r == row);
            let group = start.map_or(&[][..], |s| &rows[s..(s + row.span).min(rows.len())]);
            row.span + group.iter().filter(|r| open.contains(&r.kpi)).count()
        })
    }
}

fn group_cell(app: App, table: Table, at: &MeetingAt, row: &MeetingRow) -> impl IntoView {
    let label: Box<dyn Fn() -> String + Send + Sync> = match &row.group {
        Group::Chain | Group::Result => {
            let group = row.group.clone();
            Box::new(move || {
                group
                    .fixed_name(app.lang.get())
                    .unwrap_or_default()
                    .to_string()
            })
        }
        // A link (with its chain in a department meeting) or a goal: its names, live.
        group => {
            let (group, at) = (group.clone(), at.clone());
            let heading = Memo::new(move |_| {
                let lang = app.lang.get();
                app.doc
                    .read(|r| group.heading(r, &at, lang))
                    .unwrap_or_default()
            });
            Box::new(move || heading.get())
        }
    };
    // A link's agreements, folded under its name (chain and department meetings).
    let agreements = match &row.group {
        Group::Link(Target::Link { chain, link }) => Some(view! {
            <LinkAgreements chain=chain.clone() link=link.clone() folded=true />
        }),
        _ => None,
    };
    let first = row.clone();
    (row.span > 0).then(|| {
        view! {
            <th scope="rowgroup" class="mk-group" rowspan=move || table.span(&first)>
                <span class="mk-group-name">{label}</span>
                {agreements}
            </th>
        }
    })
}

fn kpi_row(
    app: App,
    sel: &Selector<Option<Target>>,
    table: Table,
    at: &MeetingAt,
    row: MeetingRow,
) -> impl IntoView {
    let id = row.kpi.clone();
    let status = {
        let id = id.clone();
        Signal::derive(move || kpi_status(app, &id))
    };
    let value = {
        let id = id.clone();
        move || kpi_value_text(app, &id)
    };
    // The norm derived from the numbers, and the norm description under it as a note.
    let norm = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| {
                    r.kpi(&id).map(|k| {
                        (
                            shown_norm(k.norm().as_ref(), lang),
                            norm_note(note_of(k), lang),
                        )
                    })
                })
                .flatten()
                .unwrap_or_default()
        })
    };
    let trend_text = {
        let id = id.clone();
        move || trend(app, &id)
    };
    let first = row.span > 0;
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| table.open.with(|o| o.contains(&id)))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            table
                .open
                .try_update(|o| match o.iter().position(|k| *k == id) {
                    Some(i) => {
                        o.remove(i);
                    }
                    None => o.push(id.clone()),
                });
        }
    };
    let chart_label = named(app, id.clone(), ("Trend chart of", "Trendgrafiek van"));
    let chart_row = {
        let id = id.clone();
        move || {
            is_open.get().then(|| {
                view! {
                    <tr class="mk-chart-row">
                        <td colspan="6">
                            <TrendChart id=id.clone() />
                        </td>
                    </tr>
                }
            })
        }
    };
    view! {
        <tr class:mk-first=first>
            {group_cell(app, table, at, &row)}
            <td class="mk-name">{kpi_button(app, sel, id.clone(), "meeting-kpi-name")}</td>
            <td class="mk-num">{value}</td>
            <td class="mk-norm">
                {move || norm.with(|n| n.0.clone())}
                {move || {
                    norm.with(|n| n.1.clone())
                        .map(|note| view! { <small class="norm-note">{note}</small> })
                }}
            </td>
            <td class="mk-status">
                <StatusBadge status=status />
            </td>
            <td class="mk-trend">
                // The button holds only the sparkline, so its name ("Trend chart of ...") is all
                // it shows; the values beside it are text of the cell (a click opens it too).
                <div class="mk-trend-in">
                    <button
                        type="button"
                        class="mk-trend-open"
                        aria-label=chart_label
                        aria-expanded=move || is_open.get().to_string()
                        on:click=toggle.clone()
                    >
                        <Sparkline id=id.clone() />
                    </button>
                    <span class="mk-trend-text" on:click=toggle>
                        {trend_text}
                    </span>
                </div>
            </td>
            <td class="mk-comment">{comment_box(app, id)}</td>
        </tr>
        {chart_row}
    }
}

/// `<words> <KPI name>` in the UI language (`Comment on Machines installed on time`), live.
fn named(app: App, id: Id, words: (&'static str, &'static str)) -> impl Fn() -> String {
    move || {
        let lang = app.lang.get();
        let name = app
            .doc
            .read(|r| r.kpi(&id).map(|k| or_unnamed(&k.name, lang)))
            .flatten()
            .unwrap_or_default();
        format!("{} {name}", lang.pick(words.0, words.1))
    }
}

/// The textbox `Comment on <KPI name>`: the KPI's comment for its period as of the month.
fn comment_box(app: App, id: Id) -> impl IntoView {
    // The period as of the month (`None` without a frequency) and its comment.
    let period = {
        let id = id.clone();
        Memo::new(move |_| {
            let as_of = app.as_of.get();
            app.doc
                .read(|r| r.kpi(&id).and_then(|k| period_as_of(k, as_of)))
                .flatten()
        })
    };
    let comment = {
        let id = id.clone();
        move || {
            let p = period.get()?;
            app.doc
                .read(|r| r.comments(&id).and_then(|c| c.get(&p).cloned()))
                .flatten()
        }
    };
    let label = named(app, id.clone(), ("Comment on", "Toelichting bij"));
    let on_input = move |ev| {
        // `try_`: nothing once the row is disposed (an input event after its view was gone).
        if let Some(period) = period.try_get_untracked().flatten() {
            let comment = event_target_value(&ev);
            app.edit(
                Edit::SetComment {
                    kpi: id.clone(),
                    period,
                    comment,
                },
                true,
            );
        }
    };
    view! {
        <input
            type="text"
            class="mk-comment-box"
            maxlength=MAX_TEXT_CHARS
            aria-label=label
            disabled=move || period.get().is_none()
            placeholder=move || {
                period
                    .get()
                    .map(|p| format!("{p}: {}", app.lang.get().pick("why did it move?", "waarom bewoog het?")))
                    .unwrap_or_default()
            }
            prop:value=move || comment().unwrap_or_default()
            on:input=on_input
            on:blur=move |_| app.break_coalescing()
        />
    }
}
