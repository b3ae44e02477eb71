//! One row of the Values grid: a heading (goal, chain, link) or a KPI with a textbox per
//! mounted period slot. A KPI row depends on that KPI's fields and values and on "As of".

use leptos::prelude::*;

use super::{cell_id, Grid};
use crate::model::{
    format_number, parse_number, shown_norm, Edit, Frequency, Id, Lang, Norm, Period, Status,
    Target,
};
use crate::present::chains::or_unnamed;
use crate::present::values_grid::{cell_value, slot_period, GridRow, Move, SLOTS};
use crate::ui::state::{use_app, App};
use crate::ui::views::chains::flow::select_button;
use crate::ui::views::names::live_name;
use crate::ui::views::status::{kpi_status, status_class, status_mark};

type Sel = Selector<Option<Target>>;

#[component]
pub(super) fn GridRowView(index: usize, row: GridRow, grid: Grid, sel: Sel) -> impl IntoView {
    let app = use_app();
    match row {
        GridRow::Group(target) => group_row(app, index, target, &sel).into_any(),
        GridRow::Kpi(id) => kpi_row(app, index, id, grid, &sel).into_any(),
    }
}

fn group_row(app: App, index: usize, target: Target, sel: &Sel) -> impl IntoView {
    // A handover's name says what it is ("Handover Sales -> Planning", its accessible name
    // everywhere), so it has no kind label.
    let kind = match &target {
        Target::Goal(_) => Some(("Goal", "Doel")),
        Target::Chain(_) => Some(("Chain", "Keten")),
        Target::Handover { .. } => None,
        _ => Some(("Link", "Schakel")),
    };
    let class = match &target {
        Target::Goal(_) => "vg-group vg-goal",
        Target::Chain(_) => "vg-group vg-chain",
        _ => "vg-group vg-link",
    };
    let name = Memo::new({
        let name = live_name(app, target.clone());
        move |_| name()
    });
    view! {
        <tr class=class aria-rowindex=index + 2>
            // The whole name where the column cuts it.
            <th scope="rowgroup" class="vg-name" aria-colindex="1" title=name>
                <span class="vg-name-inner">
                    {kind.map(|kind| view! { <span class="vg-kind">{move || app.lang.get().pick(kind.0, kind.1)}</span> })}
                    {select_button(app, sel, target, "vg-group-name", move || name.get())}
                </span>
            </th>
            <td colspan=SLOTS + 1 aria-hidden="true"></td>
        </tr>
    }
}

fn kpi_row(app: App, index: usize, id: Id, grid: Grid, sel: &Sel) -> impl IntoView {
    // The KPI's name and frequency (its own fields only).
    let info = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| r.kpi(&id).map(|k| (or_unnamed(&k.name, lang), k.frequency)))
                .flatten()
                .unwrap_or((String::new(), Frequency::Unset))
        })
    };
    let periods = Memo::new(move |_| {
        let freq = info.with(|i| i.1);
        let as_of = app.as_of.get();
        (0..SLOTS)
            .map(|s| slot_period(freq, as_of, s))
            .collect::<Vec<_>>()
    });
    let values = {
        let id = id.clone();
        Memo::new(move |_| {
            periods.with(|ps| {
                app.doc
                    .read(|r| {
                        let values = r.values(&id)?;
                        Some(
                            ps.iter()
                                .map(|p| p.and_then(|p| values.get(&p)))
                                .collect::<Vec<_>>(),
                        )
                    })
                    .flatten()
                    .unwrap_or_default()
            })
        })
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| kpi_status(app, &id))
    };
    // The KPI's norm (its own fields only): each cell's value is judged against it.
    let norm = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| r.kpi(&id).and_then(|k| k.norm()))
                .flatten()
        })
    };
    let status_view = move || {
        status.get().map(|s| {
            let word = s.word(app.lang.get());
            view! {
                <span class=format!("status vg-status {}", status_class(s)) title=word>
                    <span aria-hidden="true">{status_mark(s)}</span>
                    <span class="visually-hidden">{word}</span>
                </span>
            }
        })
    };
    let no_freq = move || {
        (info.with(|i| i.1) == Frequency::Unset).then(|| {
            view! {
                <span class="muted small vg-nofreq">
                    {move || app.lang.get().pick("set a frequency", "kies een frequentie")}
                </span>
            }
        })
    };
    let name = move || info.with(|i| i.0.clone());
    let norm_text = move || norm.with(|n| shown_norm(n.as_ref(), app.lang.get()));
    let button = select_button(app, sel, Target::Kpi(id.clone()), "vg-kpi-name", name);
    // Keyed by column: when the window moves, the cells that stay are kept (with the focus
    // and what is being typed in them); only those that come into view are built.
    let memos = Memos {
        info,
        periods,
        values,
        norm,
    };
    view! {
        <tr class="vg-kpi" aria-rowindex=index + 2>
            // The whole name in the title: on a phone the column is narrow and cuts it.
            <th scope="row" class="vg-name" aria-colindex="1" title=name>
                <span class="vg-name-inner">{status_view} {button} {no_freq}</span>
            </th>
            // The norm each value is judged against ("≥ 95 (red < 90)"; "no norm").
            <td class="vg-norm" aria-colindex="2" title=norm_text>
                {norm_text}
            </td>
            {move || {
                let a = grid.cols.get().0;
                (a > 0).then(|| view! { <td class="vg-spacer" colspan=a aria-hidden="true"></td> })
            }}
            <For
                each=move || {
                    let (a, b) = grid.cols.get();
                    a..b
                }
                key=|col| *col
                children=move |col| cell(app, grid, index, col, id.clone(), memos)
            />
            {move || {
                let b = grid.cols.get().1;
                (b < SLOTS).then(|| view! { <td class="vg-spacer" colspan=SLOTS - b aria-hidden="true"></td> })
            }}
        </tr>
    }
}

/// What a KPI row knows that its cells show: its name and frequency, the period of each slot,
/// the value of each, and its norm.
#[derive(Clone, Copy)]
struct Memos {
    info: Memo<(String, Frequency)>,
    periods: Memo<Vec<Option<Period>>>,
    values: Memo<Vec<Option<f64>>>,
    norm: Memo<Option<Norm>>,
}

/// One cell. What it shows follows the row's memos; its key and blur handlers read only the
/// app's state and the model (`cell_value`, untracked): a focused cell's blur fires when its
/// input is removed, which may be after its row (or the whole view) was disposed, and inside
/// another effect's run (where a tracked read would subscribe that effect). A value is
/// coloured by its status against the norm, and the status word is in the cell's title (not
/// colour alone).
fn cell(app: App, grid: Grid, row: usize, col: usize, kpi: Id, memos: Memos) -> impl IntoView {
    let Memos {
        info,
        periods,
        values,
        norm,
    } = memos;
    let period = move || periods.with(|p| p.get(col).copied().flatten());
    // The value's status, only when there is a value and a norm.
    let judged = move || {
        let value = values.with(|v| v.get(col).copied().flatten())?;
        norm.with(|n| n.as_ref().map(|n| n.status(value)))
    };
    let text = move || {
        let lang = app.lang.get();
        values
            .with(|v| v.get(col).copied().flatten())
            .map(|x| format_number(x, lang))
            .unwrap_or_default()
    };
    let label = move || {
        let p = period().map(|p| p.to_string()).unwrap_or_default();
        info.with(|i| format!("{}, {p}", i.0))
    };
    // The cell's period and value now, from the model (`None`: the KPI is gone).
    let now = {
        let kpi = kpi.clone();
        move || {
            let as_of = app.as_of.get_untracked();
            app.doc
                .with_untracked(|m| cell_value(m, &kpi, as_of, col))
                .flatten()
        }
    };
    let on_key = {
        let (kpi, now) = (kpi.clone(), now.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let Some((period, old)) = now() else { return };
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let shift = ev.shift_key();
            let mv = match ev.key().as_str() {
                "Enter" => Some(if shift { Move::Up } else { Move::Down }),
                "Tab" => Some(if shift { Move::Left } else { Move::Right }),
                "ArrowUp" => Some(Move::Up),
                "ArrowDown" => Some(Move::Down),
                "ArrowLeft" if caret_at(&input, false) => Some(Move::Left),
                "ArrowRight" if caret_at(&input, true) => Some(Move::Right),
                "Escape" => {
                    input.set_value(&shown(app, old));
                    input.select();
                    None
                }
                _ => None,
            };
            let Some(mv) = mv else { return };
            if !commit(app, &kpi, period, old, &input) {
                ev.prevent_default();
                return;
            }
            let from = (row, col);
            // `None`: the grid is gone (the view is being unmounted).
            let Some(to) = grid.step(from, mv) else {
                return;
            };
            if ev.key() == "Tab" && to == from {
                return; // Tab at the grid's edge leaves the grid.
            }
            ev.prevent_default();
            if to != from {
                grid.focus(to);
            }
        }
    };
    let who = kpi.clone();
    let pasted_kpi = kpi.clone();
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        let Some((period, old)) = now() else { return };
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if !commit(app, &kpi, period, old, &input) {
            input.set_value(&shown(app, old));
        }
    };
    view! {
        <td
            class="vg-cell"
            class:vg-off=move || period().is_none()
            class:vg-st-on=move || judged() == Some(Status::OnTarget)
            class:vg-st-risk=move || judged() == Some(Status::AtRisk)
            class:vg-st-off=move || judged() == Some(Status::OffTarget)
            class:vg-pasted=move || period().is_some_and(|p| grid.pasted.has(&pasted_kpi, p))
            aria-colindex=col + 3
        >
            {move || {
                period()
                    .map(|p| {
                        let kpi = who.clone();
                        // Who entered it, in a shared folder (names are self-declared).
                        // And the value's status ("on target · entered by Anna").
                        let title = move || {
                            let lang = app.lang.get();
                            let status = judged().map(|s| s.word(lang).to_string());
                            let who = crate::ui::folder::value_entered_by(&kpi, p, lang);
                            match (status, who) {
                                (Some(s), Some(w)) => Some(format!("{s} · {w}")),
                                (s, w) => s.or(w),
                            }
                        };
                        view! {
                            <input
                                type="text"
                                inputmode="decimal"
                                autocomplete="off"
                                title=title
                                id=cell_id(row, col)
                                aria-label=label
                                placeholder=(!matches!(p, Period::Month { .. })).then(|| p.to_string())
                                prop:value=text
                                on:focus=move |ev| {
                                    let input: web_sys::HtmlInputElement = event_target(&ev);
                                    input.select();
                                }
                                on:keydown=on_key.clone()
                                on:blur=on_blur.clone()
                            />
                        }
                    })
            }}
        </td>
    }
}

/// True when the caret is at the start (`end == false`) or end of the text, or the whole text
/// is selected (a cell just entered): then Left and Right move to the next cell.
fn caret_at(input: &web_sys::HtmlInputElement, end: bool) -> bool {
    let len = input.value().encode_utf16().count() as u32;
    let (s, e) = (
        input.selection_start().ok().flatten().unwrap_or(0),
        input.selection_end().ok().flatten().unwrap_or(0),
    );
    (s == 0 && e == len) || if end { s == len } else { e == 0 }
}

/// How a cell shows `value` (empty: none), in the current language.
fn shown(app: App, value: Option<f64>) -> String {
    let lang = app.lang.get_untracked();
    value.map(|x| format_number(x, lang)).unwrap_or_default()
}

/// Sets the KPI's value for `period` (now `old`) from the textbox (empty: removes it), as one
/// undo step when it changed. False (and an alert) when the text is not a number.
fn commit(
    app: App,
    kpi: &Id,
    period: Period,
    old: Option<f64>,
    input: &web_sys::HtmlInputElement,
) -> bool {
    let raw = input.value();
    let text = raw.trim();
    let lang = app.lang.get_untracked();
    let new = if text.is_empty() {
        None
    } else {
        match parse_number(text) {
            Some(v) => Some(v),
            None => {
                app.error.set(Some(not_a_number(text, lang)));
                let _ = input.set_attribute("aria-invalid", "true");
                return false;
            }
        }
    };
    let _ = input.remove_attribute("aria-invalid");
    if old != new {
        app.edit(
            Edit::SetValue {
                kpi: kpi.clone(),
                period,
                value: new,
            },
            false,
        );
    }
    input.set_value(&shown(app, new));
    true
}

fn not_a_number(text: &str, lang: Lang) -> String {
    lang.pick(
        format!("“{text}” is not a number: type e.g. 92.5, or leave the cell empty to remove the value."),
        format!("“{text}” is geen getal: typ bijvoorbeeld 92,5, of maak de cel leeg om de waarde te wissen."),
    )
}
