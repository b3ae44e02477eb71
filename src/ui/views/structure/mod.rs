//! The Structure view: the whole KPI structure as one SVG diagram. Goals and their result
//! KPIs on top, one column per customer chain (chain, chain KPIs, links in order with their
//! link KPIs) and the "drives" arrows between KPIs. Every box selects its element.
//!
//! The geometry is a [`Memo`] on the structure's topics only ([`layout::Skeleton`]); each box
//! reads its own element's fields, so typing a name redraws one text and moves nothing.

use leptos::prelude::*;

use crate::ui::i18n::tr;
use leptos::reactive::computed::Selector;

use crate::format::file_stem;
use crate::model::{Attach, Lang, Status, Target};
use crate::present::picture::png_file_name;
use crate::ui::files::{export_png_now, offer_download};
use crate::ui::split::after_first_view;
use crate::ui::state::{use_app, App};
use crate::ui::views::find::find_box;
use crate::ui::views::status::{kpi_status, kpi_value_text, status_at, status_class, status_mark};

use crate::format::fixed::{fixed, Tenths};
use crate::present::chains::read_name_of;
use crate::present::diagram::face::{self, Face};
use crate::present::diagram::layout::{self, Edge, Kind, Layout, Node, Skeleton};
use crate::present::diagram::svg::{export_svg, read_is_external, EDGE, EDGE_HOT, FONT};

const MIN_ZOOM: f64 = 0.2;
const MAX_ZOOM: f64 = 3.0;
const STEP: f64 = 1.25;
/// "Fit" never enlarges beyond this.
const MAX_FIT: f64 = 1.25;
/// "Fit" never shrinks below this: a very wide model scrolls instead of becoming unreadable.
const MIN_FIT: f64 = 0.4;
/// From this many boxes on, only the boxes and arrows near the visible part are mounted.
const VIRTUAL_FROM: usize = 400;

/// Lazy: "Export SVG" downloads the diagram as drawn, "Export PNG" (`png`) the same as a
/// picture at twice its size (its own part under `split`).
#[cfg_attr(feature = "split", lazy)]
async fn export_svg_file(app: App, layout: Layout, png: bool) {
    let lang = app.lang.get_untracked();
    let Some((svg, name)) = app
        .doc
        .with_untracked(|m| (export_svg(m, &layout, lang), m.name.clone()))
    else {
        return;
    };
    if png {
        let file = png_file_name(&name, lang.pick("Structure", "Structuur"));
        export_png_now(app, || Some((svg, file)));
    } else {
        let file = format!("{}.svg", file_stem(&name));
        offer_download(app, &file, &svg, "image/svg+xml;charset=utf-8");
    }
}

#[component]
pub fn StructureView() -> impl IntoView {
    let app = use_app();
    // Field edits (typing a name) do not bump `structure_rev`: no relayout.
    let skeleton = Memo::new(move |_| app.doc.read(Skeleton::read).unwrap_or_default());
    let layout = Memo::new(move |_| skeleton.with(layout::layout));
    let selection = app.selection;
    let selector = StoredValue::new(Selector::new(move || selection.get()));
    // None: fit the view; Some(s): s pixels per unit.
    let zoom: RwSignal<Option<f64>> = RwSignal::new(None);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let canvas_ref = NodeRef::<leptos::html::Div>::new();
    // The part of the diagram on screen, in layout units (`None` until measured). A large
    // diagram mounts only the boxes and arrows near it, so the DOM stays the size of the
    // screen, not of the model.
    let viewport: RwSignal<Option<[f64; 4]>> = RwSignal::new(None);

    // The scale the diagram is drawn at now (measured in fit mode).
    let current_scale = move || -> f64 {
        if let Some(z) = zoom.get_untracked() {
            return z;
        }
        let (w, h) = layout.with_untracked(|l| (l.width, l.height));
        svg_ref
            .get_untracked()
            .map(|el| {
                let el: &web_sys::Element = &el;
                (el.client_width() as f64 / w.max(1.0)).min(el.client_height() as f64 / h.max(1.0))
            })
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(1.0)
    };
    let measure = move || {
        let (Some(canvas), Some(svg)) = (canvas_ref.get_untracked(), svg_ref.get_untracked())
        else {
            return;
        };
        let svg: &web_sys::Element = &svg;
        let (c, r) = (
            canvas.get_bounding_client_rect(),
            svg.get_bounding_client_rect(),
        );
        let scale = r.width() / layout.with_untracked(|l| l.width).max(1.0);
        if !(scale.is_finite() && scale > 0.0) {
            return;
        }
        let window_h = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(c.bottom());
        let bottom = c.bottom().min(window_h.max(c.top()));
        let v = Some([
            (c.left() - r.left()) / scale,
            (c.top() - r.top()) / scale,
            (c.right() - r.left()) / scale,
            (bottom - r.top()) / scale,
        ]);
        if viewport.get_untracked() != v {
            viewport.set(v);
        }
    };
    let measure_soon = crate::ui::views::once_per_frame(measure);
    // Re-measure when the geometry or the zoom changes, and when the window is resized.
    Effect::new(move |_| {
        layout.track();
        zoom.track();
        measure_soon();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure_soon());
    on_cleanup(move || resize.remove());
    let virtual_ = Memo::new(move |_| layout.with(|l| l.nodes.len() > VIRTUAL_FROM));
    // Near the screen: the viewport grown by half its size on every side.
    let near = move || {
        viewport
            .get()
            .map(|[x0, y0, x1, y1]| (x0, y0, x1, y1, (x1 - x0).max(y1 - y0) * 0.5))
    };
    let shown_nodes = Memo::new(move |_| {
        if !virtual_.get() {
            return layout.with(|l| l.nodes.clone());
        }
        let Some((x0, y0, x1, y1, m)) = near() else {
            return Vec::new();
        };
        layout.with(|l| {
            l.visible(x0, y0, x1, y1, m)
                .into_iter()
                .map(|i| l.nodes[i].clone())
                .collect()
        })
    });
    let shown_edges = Memo::new(move |_| {
        if !virtual_.get() {
            return layout.with(|l| l.edges.clone());
        }
        let Some((x0, y0, x1, y1, m)) = near() else {
            return Vec::new();
        };
        layout.with(|l| {
            l.visible_edges(x0, y0, x1, y1, m)
                .into_iter()
                .map(|i| l.edges[i].clone())
                .collect()
        })
    });

    let zoom_by = move |f: f64| {
        let s = (current_scale() * f).clamp(MIN_ZOOM, MAX_ZOOM);
        zoom.set(Some(s));
    };

    let export =
        move |png| leptos::task::spawn_local(export_svg_file(app, layout.get_untracked(), png));

    // "Find": select the element and scroll its box to the middle of the canvas (a large
    // diagram then mounts the boxes there).
    let reveal = Callback::new(move |t: Target| {
        app.selection.set(Some(t.clone()));
        let (Some(canvas), Some(svg)) = (canvas_ref.get_untracked(), svg_ref.get_untracked())
        else {
            return;
        };
        let Some((x, y, w, h, lw)) = layout.with_untracked(|l| {
            l.nodes
                .iter()
                .find(|n| n.target == t)
                .map(|n| (n.x, n.y, n.w, n.h, l.width))
        }) else {
            return;
        };
        let svg: &web_sys::Element = &svg;
        let (c, r) = (
            canvas.get_bounding_client_rect(),
            svg.get_bounding_client_rect(),
        );
        let scale = r.width() / lw.max(1.0);
        let left = f64::from(canvas.scroll_left()) + r.left() - c.left() + (x + w / 2.0) * scale
            - f64::from(canvas.client_width()) / 2.0;
        let top = f64::from(canvas.scroll_top()) + r.top() - c.top() + (y + h / 2.0) * scale
            - f64::from(canvas.client_height()) / 2.0;
        canvas.set_scroll_left(left.max(0.0) as i32);
        canvas.set_scroll_top(top.max(0.0) as i32);
        measure_soon();
    });

    let svg_style = move || {
        let (w, h) = layout.with(|l| (l.width, l.height));
        match zoom.get() {
            None => format!(
                "width:100%;max-width:{}px;min-width:{}px;height:auto;max-height:max(calc(100vh - 200px), {}px)",
                fixed(w * MAX_FIT, 0),
                fixed(w * MIN_FIT, 0),
                fixed(h * 0.8, 0)
            ),
            Some(s) => format!("width:{}px;height:{}px", fixed(w * s, 0), fixed(h * s, 0)),
        }
    };

    let hint = move || {
        let lang = app.lang.get();
        view! {
            <div class="st-empty">
                <p class="st-empty-title">
                    {lang.pick("Add a goal and a chain to start", "Voeg een doel en een keten toe om te beginnen")}
                </p>
                <p class="muted">
                    {lang.pick(
                        "The diagram shows goals and result KPIs on top, each customer chain with its chain KPIs below them, and its links with their link KPIs beneath.",
                        "Het diagram toont bovenaan de doelen en resultaat-KPI's, daaronder elke klantketen met zijn keten-KPI's en de schakels met hun schakel-KPI's.",
                    )}
                </p>
            </div>
        }
    };

    view! {
        <div class="view view-structure">
            <div class="st-toolbar">
                <Legend />
                <div class="st-tools">
                    <span class="find-slot">{after_first_view(move || find_box(reveal))}</span>
                    <div
                        class="st-zoom"
                        role="group"
                        aria-label=tr(app.lang, "Zoom", "Zoomen")
                    >
                        <button
                            type="button"
                            aria-label=tr(app.lang, "Zoom out", "Uitzoomen")
                            title=tr(app.lang, "Zoom out", "Uitzoomen")
                            on:click=move |_| zoom_by(1.0 / STEP)
                        >
                            "−"
                        </button>
                        <span class="st-zoom-level" aria-live="polite">
                            {move || zoom.get().map(|s| format!("{}%", fixed(s * 100.0, 0)))}
                        </span>
                        <button
                            type="button"
                            aria-label=tr(app.lang, "Zoom in", "Inzoomen")
                            title=tr(app.lang, "Zoom in", "Inzoomen")
                            on:click=move |_| zoom_by(STEP)
                        >
                            "+"
                        </button>
                        <button
                            type="button"
                            aria-pressed=move || zoom.get().is_none().to_string()
                            on:click=move |_| zoom.set(None)
                        >
                            {tr(app.lang, "Fit", "Passend")}
                        </button>
                    </div>
                    {[(false, "Export SVG", "SVG exporteren"), (true, "Export PNG", "PNG exporteren")]
                        .map(|(png, en, nl)| {
                            view! {
                                <button
                                    type="button"
                                    class="st-export"
                                    aria-label=tr(app.lang, en, nl)
                                    disabled=move || skeleton.with(|s| s.is_empty())
                                    on:click=move |_| export(png)
                                >
                                    {tr(app.lang, en, nl)}
                                </button>
                            }
                        })}
                </div>
            </div>
            <Show when=move || !skeleton.with(|s| s.is_empty()) fallback=hint>
                <div
                    class="st-canvas"
                    class:zoomed=move || zoom.get().is_some()
                    node_ref=canvas_ref
                    on:scroll=move |_| measure_soon()
                >
                    <svg
                        node_ref=svg_ref
                        class="st-svg"
                        role="group"
                        aria-label=move || {
                            app.lang.get().pick("KPI structure diagram", "Diagram van de KPI-structuur")
                        }
                        viewBox=move || layout.with(|l| format!("0 0 {} {}", Tenths(l.width), Tenths(l.height)))
                        preserveAspectRatio="xMidYMin meet"
                        style=svg_style
                        font-family=FONT
                    >
                        <defs>
                            <marker
                                id="st-arrow"
                                viewBox="0 0 10 10"
                                refX="9"
                                refY="5"
                                markerWidth="7"
                                markerHeight="7"
                                orient="auto-start-reverse"
                            >
                                <path d="M0 1L10 5L0 9z" fill=EDGE />
                            </marker>
                            <marker
                                id="st-arrow-hot"
                                viewBox="0 0 10 10"
                                refX="9"
                                refY="5"
                                markerWidth="6"
                                markerHeight="6"
                                orient="auto-start-reverse"
                            >
                                <path d="M0 1L10 5L0 9z" fill=EDGE_HOT />
                            </marker>
                        </defs>
                        <g
                            class="st-edges"
                            aria-hidden="true"
                            inner_html=move || shown_edges.with(|es| face::edges_svg(es, EDGE, "1.3", "st-arrow"))
                        />
                        <g
                            class="st-edges-hot"
                            aria-hidden="true"
                            inner_html=move || face::edges_svg(&hot_edges(&layout, selection), EDGE_HOT, "2.4", "st-arrow-hot")
                        />
                        <g class="st-nodes">
                            <For
                                each=move || shown_nodes.get()
                                key=|n| {
                                    (
                                        n.target.clone(),
                                        n.x.to_bits(),
                                        n.y.to_bits(),
                                        n.w.to_bits(),
                                        n.step,
                                    )
                                }
                                let:n
                            >
                                {node_view(app, n, selector)}
                            </For>
                        </g>
                    </svg>
                </div>
            </Show>
        </div>
    }
}

/// A box's name, depending on that element's fields only.
fn box_name(app: App, target: &Target) -> Memo<String> {
    let t = target.clone();
    Memo::new(move |_| {
        let lang = app.lang.get();
        app.doc
            .read(|r| match &t {
                // A handover has no name of its own: its two links name it.
                Target::Handover { .. } => read_name_of(r, &t, lang),
                t => r.name(t).to_string(),
            })
            .unwrap_or_default()
    })
}

/// The arrows into and out of the selected KPI.
fn hot_edges(layout: &Memo<Layout>, selection: RwSignal<Option<Target>>) -> Vec<Edge> {
    let Some(Target::Kpi(id)) = selection.get() else {
        return Vec::new();
    };
    layout.with(|l| {
        l.edges
            .iter()
            .filter(|e| e.from == id || e.to == id)
            .cloned()
            .collect()
    })
}

/// One box: a focusable SVG button named after its element. What it draws is markup from
/// [`face`] (one memo per box: its name's lines, dash, status and value), so Leptos builds and
/// keeps three elements a box.
fn node_view(app: App, n: Node, selector: StoredValue<Selector<Option<Target>>>) -> impl IntoView {
    let target = n.target.clone();
    let name = box_name(app, &target);
    let (status, value) = node_status(app, &target);
    // The name's lines, fitted again only when the name changes (not on a new value or status).
    let fitted = {
        let n = n.clone();
        Memo::new(move |_| name.with(|s| face::fit_name(&n, s)))
    };
    let face = {
        let t = target.clone();
        Memo::new(move |_| {
            let (lines, cut) = fitted.get();
            Face {
                lines,
                cut,
                external: matches!(t, Target::Link { .. })
                    && app.doc.read(|r| read_is_external(r, &t)).unwrap_or(false),
                status: status.get(),
                value: value.get(),
            }
        })
    };
    let step = n.step;
    let description = move || face.with(|f| face::box_description(step, f, app.lang.get()));
    let inside = {
        let n = n.clone();
        move || face.with(|f| name.with(|s| face::button_svg(&n, s, f, app.lang.get())))
    };
    let deco = {
        let n = n.clone();
        move || face.with(|f| face::deco_svg(&n, f))
    };
    let key = Some(target.clone());
    let selected = move || selector.with_value(|s| s.selected(&key));
    let select = move || app.selection.set(Some(target.clone()));
    let class = match n.kind {
        Kind::Goal => "st-node st-goal",
        Kind::Result => "st-node st-result",
        Kind::Chain => "st-node st-chain",
        Kind::ChainKpi => "st-node st-chain-kpi",
        Kind::Link => "st-node st-link",
        Kind::LinkKpi => "st-node st-link-kpi",
        Kind::Handover => "st-node st-handover",
        Kind::HandoverKpi => "st-node st-handover-kpi",
    };
    view! {
        <g transform=format!("translate({} {})", Tenths(n.x), Tenths(n.y))>
        <g
            class=class
            class:selected=selected.clone()
            role="button"
            tabindex="0"
            aria-label=move || name.get()
            aria-description=description
            aria-pressed=move || selected().to_string()
            on:click={
                let select = select.clone();
                move |_| select()
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let k = ev.key();
                if k == "Enter" || k == " " {
                    ev.prevent_default();
                    select();
                }
            }
            inner_html=inside
        />
        // What else the box shows (the step, the status mark, the value) is in the button's
        // description; drawn over it, clicks pass through to the button.
        <g class="st-deco" aria-hidden="true" inner_html=deco />
        </g>
    }
}

/// A box's status as of "As of" (a KPI's own, a goal's, chain's or link's rolled up from its
/// KPIs; departments none) and, for a KPI, its value.
fn node_status(app: App, target: &Target) -> (Memo<Option<Status>>, Memo<String>) {
    let t = target.clone();
    let status = Memo::new(move |_| match &t {
        Target::Kpi(id) => kpi_status(app, id),
        Target::Goal(goal) => status_at(app, &Attach::Result { goal: goal.clone() }),
        Target::Chain(chain) => status_at(
            app,
            &Attach::Chain {
                chain: chain.clone(),
            },
        ),
        Target::Link { chain, link } => status_at(
            app,
            &Attach::Link {
                chain: chain.clone(),
                link: link.clone(),
            },
        ),
        _ => None,
    });
    let t = target.clone();
    let value = Memo::new(move |_| match &t {
        Target::Kpi(id) => kpi_value_text(app, id),
        _ => String::new(),
    });
    (status, value)
}

/// The level legend above the diagram.
#[component]
fn Legend() -> impl IntoView {
    let app = use_app();
    move || {
        let lang: Lang = app.lang.get();
        view! {
            <ul class="st-legend" aria-label=lang.pick("Legend", "Legenda")>
                {Kind::ALL
                    .into_iter()
                    .map(|k| {
                        let p = k.palette();
                        view! {
                            <li>
                                <span
                                    class="st-swatch"
                                    aria-hidden="true"
                                    style=format!("background:{};border-color:{}", p.fill, p.stroke)
                                ></span>
                                {k.label(lang)}
                            </li>
                        }
                    })
                    .collect_view()}
                {Status::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li class="st-legend-status">
                                <span class=format!("status-dot {}", status_class(s)) aria-hidden="true">
                                    {status_mark(s)}
                                </span>
                                {s.word(lang)}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <svg class="st-swatch-arrow" aria-hidden="true" width="26" height="10" viewBox="0 0 26 10">
                        <path d="M1 5H20" stroke=EDGE stroke-width="1.5" />
                        <path d="M18 1L25 5L18 9z" fill=EDGE />
                    </svg>
                    {lang.pick("drives", "stuurt")}
                </li>
            </ul>
        }
    }
}
