//! A KPI's trend chart (issue 23), drawn from `present::trend_chart`: an SVG `role="img"`
//! named "Trend of <KPI name>", each point coloured by its status (its `title` says period,
//! value and status), the target and red lines or the band, the comments as focusable
//! markers with a tooltip on hover and focus, and the same as a table under "Show as table".
//!
//! One memo per chart reads the KPI through `Doc::read`: it re-runs when that KPI's fields,
//! values or comments change, or "As of" or the language, and for nothing else.

use leptos::prelude::*;

use crate::format::fixed::tenths;
use crate::model::{Id, Lang};
use crate::present::trend_chart::{
    trend_chart, NormLines, TrendChart as Chart, DEFAULT_PERIODS, FONT_SIZE, H, LABEL_DY, MARK_Y,
    SUB_DY, W,
};
use crate::ui::i18n::tr;
use crate::ui::state::use_app;
use crate::ui::views::status::{status_class, status_mark};

/// The trend chart of one KPI as of "As of", with its table alternative; a sentence instead
/// when there is nothing to draw (no frequency, no value in the periods shown).
#[component]
pub fn TrendChart(
    /// The KPI whose trend is drawn.
    id: Id,
    /// How many periods, oldest to the one "As of" shows (12 unless given; at most 24).
    #[prop(optional)]
    periods: Option<usize>,
) -> impl IntoView {
    let app = use_app();
    let n = periods.unwrap_or(DEFAULT_PERIODS);
    let chart = Memo::new(move |_| {
        let (as_of, lang) = (app.as_of.get(), app.lang.get());
        app.doc
            .read(|r| trend_chart(r, &id, as_of, n, lang))
            .flatten()
    });
    // The comment marker under the pointer or focus (its index), for the tooltip.
    let tip = RwSignal::new(None::<usize>);
    let tooltip = move || {
        let i = tip.get()?;
        chart.with(|c| {
            let m = c.as_ref()?.markers.get(i)?;
            // Under its marker, its own width shifted by as much as the marker is from the
            // left: inside the chart at either end, whatever its width.
            let at = tenths(m.x / W * 100.0);
            let style = format!(
                "left:{at}%;top:{}%;transform:translateX(-{at}%)",
                tenths((MARK_Y + 9.0) / H * 100.0)
            );
            Some(view! {
                <div class="trend-tip" role="tooltip" style=style>
                    <strong>{m.period.to_string()}</strong>
                    " "
                    {m.text.clone()}
                </div>
            })
        })
    };
    // What shows: nothing (the KPI is gone), a sentence, or the chart. The frame (and whether
    // "Show as table" is open) stays while the chart inside it changes.
    let empty = Memo::new(move |_| chart.with(|c| c.as_ref().map(|c| c.empty.clone())));
    let lang = app.lang;
    move || match empty.get()? {
        Some(text) => Some(view! { <p class="trend-empty small muted">{text}</p> }.into_any()),
        None => Some(
            view! {
                <div class="trend-chart">
                    <div class="trend-box">
                        {move || chart.with(|c| c.as_ref().map(|c| chart_svg(c, tip)))}
                        {tooltip}
                    </div>
                    {move || chart.with(|c| c.as_ref().map(|c| legend(c, lang)))}
                    <details class="trend-table">
                        <summary>{tr(lang, "Show as table", "Toon als tabel")}</summary>
                        {move || chart.with(|c| c.as_ref().map(|c| table(c, lang)))}
                    </details>
                </div>
            }
            .into_any(),
        ),
    }
}

/// The chart's SVG; `tip` is set to a marker's index while it is hovered or focused.
fn chart_svg(c: &Chart, tip: RwSignal<Option<usize>>) -> impl IntoView {
    let p = c.plot;
    let (left, right) = (tenths(p.left), tenths(p.right));
    let grid = c
        .ticks
        .iter()
        .map(|t| {
            let y = tenths(t.y);
            view! {
                <line class="trend-grid" x1=left.clone() x2=right.clone() y1=y.clone() y2=y />
                <text class="trend-ylabel" x=tenths(p.left - 4.0) y=tenths(t.y + 3.5) text-anchor="end">
                    {t.label.clone()}
                </text>
            }
        })
        .collect_view();
    let hline = |class: &'static str, y: f64| {
        view! { <line class=class x1=left.clone() x2=right.clone() y1=tenths(y) y2=tenths(y) /> }
    };
    let zone = |class: &'static str, (top, bottom): (f64, f64)| {
        view! {
            <rect
                class=class
                x=tenths(p.left)
                y=tenths(top)
                width=tenths(p.right - p.left)
                height=tenths((bottom - top).max(0.5))
            />
        }
    };
    // The zone past red (or the band) under the grid, the lines over it.
    let zones = c.norm.as_ref().map(|n| match n.lines {
        NormLines::Direction { off, .. } => zone("trend-off", off),
        NormLines::Band { band, .. } => zone("trend-band", band),
    });
    let lines = c.norm.as_ref().map(|n| match n.lines {
        NormLines::Direction { target, red, .. } => view! {
            {hline("trend-target", target)}
            {hline("trend-red", red)}
        }
        .into_any(),
        NormLines::Band { red, .. } => view! {
            {hline("trend-red", red.0)}
            {hline("trend-red", red.1)}
        }
        .into_any(),
    });
    let labels = c
        .slots
        .iter()
        .map(|s| {
            let x = tenths(s.x);
            let label = s.label.clone().map(|l| {
                view! {
                    <text class="trend-xlabel" x=x.clone() y=tenths(p.bottom + LABEL_DY) text-anchor="middle">{l}</text>
                }
            });
            let sub = s.sub.clone().map(|l| {
                view! {
                    <text class="trend-xsub" x=x.clone() y=tenths(p.bottom + SUB_DY) text-anchor="middle">{l}</text>
                }
            });
            view! { {label} {sub} }
        })
        .collect_view();
    let points = c
        .points
        .iter()
        .map(|pt| {
            let title = format!("{}: {}, {}", pt.period, pt.text, pt.status_word);
            view! {
                <circle
                    class=format!("trend-point {}", status_class(pt.status))
                    cx=tenths(pt.x)
                    cy=tenths(pt.y)
                    r="3.5"
                >
                    {leptos::tachys::svg::title().child(title)}
                </circle>
            }
        })
        .collect_view();
    let markers = c
        .markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = m.x;
            let bubble = format!(
                "M{} {}h12v9h-6l-3 3v-3h-3z",
                tenths(x - 6.0),
                tenths(MARK_Y - 5.0)
            );
            // `try_`: a marker removed while focused fires its blur after the chart is gone.
            let show = move || {
                tip.try_set(Some(i));
            };
            let hide = move || {
                tip.try_update(|t| {
                    if *t == Some(i) {
                        *t = None;
                    }
                });
            };
            view! {
                <g
                    class="trend-comment"
                    tabindex="0"
                    on:mouseenter=move |_| show()
                    on:focus=move |_| show()
                    on:mouseleave=move |_| hide()
                    on:blur=move |_| hide()
                >
                    <line class="trend-guide" x1=tenths(x) x2=tenths(x) y1=tenths(MARK_Y + 7.0) y2=tenths(m.to_y) />
                    <path class="trend-bubble" d=bubble />
                    {leptos::tachys::svg::title().child(format!("{}: {}", m.period, m.text))}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="trend-svg"
            viewBox=format!("0 0 {} {}", tenths(W), tenths(H))
            role="img"
            aria-label=c.label.clone()
            font-size=tenths(FONT_SIZE)
        >
            {zones}
            {grid}
            {lines}
            <line class="trend-axis" x1=left.clone() x2=right.clone() y1=tenths(p.bottom) y2=tenths(p.bottom) />
            {labels}
            <path class="trend-line" d=c.path() />
            {points}
            {markers}
        </svg>
    }
}

/// What the lines and marks mean, in words.
fn legend(c: &Chart, lang: RwSignal<Lang>) -> impl IntoView {
    let norm = c.norm.as_ref().map(|n| {
        let band = matches!(n.lines, NormLines::Band { .. });
        view! {
            <span class="trend-key">
                <span class=if band { "trend-key-band" } else { "trend-key-target" } aria-hidden="true"></span>
                {n.target_text.clone()}
            </span>
            <span class="trend-key">
                <span class="trend-key-red" aria-hidden="true"></span>
                {n.red_text.clone()}
            </span>
        }
    });
    let comments = (!c.markers.is_empty()).then(|| {
        view! {
            <span class="trend-key">
                <span class="trend-key-comment" aria-hidden="true"></span>
                {tr(lang, "Comment", "Toelichting")}
            </span>
        }
    });
    view! { <p class="trend-legend small muted">{norm} {comments}</p> }
}

/// The table alternative: one row per period (period, value, status, comment), named by its
/// caption like the chart.
fn table(c: &Chart, lang: RwSignal<Lang>) -> impl IntoView {
    let rows = c
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.period.clone()}</th>
                    <td class="trend-num">{r.value.clone()}</td>
                    <td class=format!("trend-st {}", status_class(r.status))>
                        <span class="status-mark" aria-hidden="true">{status_mark(r.status)}</span>
                        " "
                        {r.status_word}
                    </td>
                    <td>{r.comment.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table>
            <caption class="visually-hidden">{c.label.clone()}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(lang, "Period", "Periode")}</th>
                    <th scope="col" class="trend-num">{tr(lang, "Value", "Waarde")}</th>
                    <th scope="col">{tr(lang, "Status", "Status")}</th>
                    <th scope="col">{tr(lang, "Comment", "Toelichting")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
