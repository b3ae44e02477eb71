//! A KPI's trend chart (issue 23), drawn by `present::trend_chart` (the same SVG print and
//! pictures use): an SVG `role="img"` named "Trend of <KPI name>", each point coloured by its
//! status (its `title` says period, value and status), the target and red lines or the band,
//! the comments as focusable markers with a tooltip on hover and focus, and the same as a
//! table under "Show as table". In the inspector, "Export PNG of the trend" downloads it as a
//! picture (`files::export_png_now`).
//!
//! One memo per chart reads the KPI through `Doc::read`: it re-runs when that KPI's fields,
//! values or comments change, or "As of" or the language, and for nothing else. The drawing
//! and the table are HTML from `present` (one `inner_html` each, not a view type per SVG
//! element: a few hundred bytes of wasm instead of several KB).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::format::fixed::tenths;
use crate::model::{Id, Lang};
use crate::present::picture::png_file_name;
use crate::present::trend_chart::{
    chart_label, legend_html, svg_named, table_html_named, trend_chart, TrendChart as Chart,
    DEFAULT_PERIODS, H, MARK_Y, W,
};
use crate::ui::files::export_png_now;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// The width of the trend chart as a picture (CSS pixels; its height follows, 400).
const EXPORT_W: f64 = 700.0;

/// The comment marker (its `data-i`) an event happened in, if any.
fn marker_of(ev: &web_sys::Event) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let marker = el.closest(".trend-comment").ok()??;
    marker.get_attribute("data-i")?.parse().ok()
}

/// The trend chart of one KPI as of "As of", with its table alternative; a sentence instead
/// when there is nothing to draw (no frequency, no value in the periods shown).
#[component]
pub fn TrendChart(
    /// The KPI whose trend is drawn.
    id: Id,
    /// How many periods, oldest to the one "As of" shows (12 unless given; at most 24).
    #[prop(optional)]
    periods: Option<usize>,
    /// Offer "Export PNG of the trend" under the chart (the inspector's).
    #[prop(optional)]
    export: bool,
) -> impl IntoView {
    let app = use_app();
    let n = periods.unwrap_or(DEFAULT_PERIODS);
    // The drawing without its name: a keystroke in the KPI's name re-runs this memo, which
    // then compares equal, so nothing is drawn again; the name is set on the SVG apart.
    let label = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| r.kpi(&id).map(|k| chart_label(&k.name, lang)))
                .flatten()
                .unwrap_or_default()
        })
    };
    let chart = Memo::new(move |_| {
        let (as_of, lang) = (app.as_of.get(), app.lang.get());
        app.doc
            .read(|r| trend_chart(r, &id, as_of, n, lang))
            .flatten()
            .map(|c| Chart {
                label: String::new(),
                ..c
            })
    });
    // The name on the drawing and the table's caption, set in place when it changes.
    let (drawing, table) = (
        NodeRef::<leptos::html::Div>::new(),
        NodeRef::<leptos::html::Div>::new(),
    );
    Effect::new(move |_| {
        let name = label.get();
        if let Some(svg) = drawing.get().and_then(|d| d.first_element_child()) {
            let _ = svg.set_attribute("aria-label", &name);
        }
        if let Some(caption) = table
            .get()
            .and_then(|d| d.query_selector("caption").ok().flatten())
        {
            caption.set_text_content(Some(&name));
        }
    });
    // The comment marker under the pointer or focus (its index), for the tooltip. Set from
    // events that bubble up from the drawing; `try_`: an event may come as the chart goes.
    let tip = RwSignal::new(None::<usize>);
    let track = move |ev: &web_sys::Event| {
        tip.try_set(marker_of(ev));
    };
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
    // Some HTML of the chart from `present` ("" while there is none).
    let html = move |f: fn(&Chart, Lang) -> String| {
        let lang = app.lang.get();
        chart.with(|c| c.as_ref().map(|c| f(c, lang)).unwrap_or_default())
    };
    // What shows: nothing (the KPI is gone), a sentence, or the chart. The frame (and whether
    // "Show as table" is open) stays while the chart inside it changes.
    let empty = Memo::new(move |_| chart.with(|c| c.as_ref().map(|c| c.empty.clone())));
    let lang = app.lang;
    // "Export PNG of the trend": the chart as it stands alone, EXPORT_W wide, at twice that.
    let export_png = move |_| {
        export_png_now(app, || {
            let model = app.doc.with_untracked(|m| m.name.clone())?;
            chart.with_untracked(|c| {
                let c = c.as_ref()?;
                let name = label.get_untracked();
                let svg = svg_named(c, Some(EXPORT_W), &name);
                (!svg.is_empty()).then(|| (svg, png_file_name(&model, &name)))
            })
        });
    };
    let export_button = move || {
        export.then(|| {
            view! {
                <button type="button" class="trend-export" on:click=export_png>
                    {tr(lang, "Export PNG of the trend", "PNG van het verloop exporteren")}
                </button>
            }
        })
    };
    move || match empty.get()? {
        Some(text) => Some(view! { <p class="trend-empty small muted">{text}</p> }.into_any()),
        None => Some(
            view! {
                <div class="trend-chart">
                    <div
                        class="trend-box"
                        on:mouseover=move |ev| track(&ev)
                        on:mouseleave=move |_| {
                            tip.try_set(None);
                        }
                        on:focusin=move |ev| track(&ev)
                        on:focusout=move |_| {
                            tip.try_set(None);
                        }
                    >
                        <div
                            node_ref=drawing
                            inner_html=move || {
                                chart.with(|c| {
                                    c.as_ref()
                                        .map(|c| svg_named(c, None, &label.get_untracked()))
                                        .unwrap_or_default()
                                })
                            }
                        ></div>
                        {tooltip}
                    </div>
                    <p class="trend-legend small muted" inner_html=move || html(legend_html)></p>
                    {export_button}
                    <details class="trend-table">
                        <summary>{tr(lang, "Show as table", "Toon als tabel")}</summary>
                        <div
                            node_ref=table
                            inner_html=move || {
                                let lang = app.lang.get();
                                chart.with(|c| {
                                    c.as_ref()
                                        .map(|c| table_html_named(c, lang, &label.get_untracked()))
                                        .unwrap_or_default()
                                })
                            }
                        ></div>
                    </details>
                </div>
            }
            .into_any(),
        ),
    }
}
