//! A KPI's status (and its value) as of the "As of" month, live: each depends on that KPI's
//! fields and values and on `app.as_of` only, so typing a value re-runs only what shows that
//! KPI. Shown as a word (visible text or `title`) and a colour, never colour alone.

use leptos::prelude::*;

use crate::model::rollup::combine;
use crate::model::{status_as_of, Attach, Id, Lang, Status};
use crate::present::sparkline::{sparkline, value_text, NormMark, Spark, H, W};
use crate::ui::state::{use_app, App};

/// The CSS class of a status (`st-on`, `st-risk`, `st-off`, `st-none`, `st-nonorm`).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "st-on",
        Status::AtRisk => "st-risk",
        Status::OffTarget => "st-off",
        Status::NoValue => "st-none",
        Status::NoNorm => "st-nonorm",
    }
}

pub use crate::present::labels::status_mark;

/// The status of KPI `id` as of `app.as_of` (`None` once the KPI is gone).
pub fn kpi_status(app: App, id: &Id) -> Option<Status> {
    let as_of = app.as_of.get();
    app.doc
        .read(|r| r.kpi_with_values(id).map(|k| status_as_of(k, as_of)))
        .flatten()
}

/// The value of KPI `id` as of `app.as_of`, written in the UI language ("" without one).
pub fn kpi_value_text(app: App, id: &Id) -> String {
    let as_of = app.as_of.get();
    let lang = app.lang.get();
    app.doc
        .read(|r| {
            r.kpi_with_values(id)
                .and_then(|k| value_text(k, as_of, lang))
        })
        .flatten()
        .unwrap_or_default()
}

/// The status of what drives KPI `id` (roll-up rule over its direct drivers); `None` when
/// nothing drives it. Depends on the drives and on each driver's fields and values.
pub fn drivers_status(app: App, id: &Id) -> Option<Status> {
    let drivers: Vec<Id> = app
        .doc
        .read(|r| {
            r.driven_by(id)
                .into_iter()
                .filter(|d| *d != id)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    combine(drivers.iter().filter_map(|d| kpi_status(app, d)))
}

/// The rolled-up status of what `at` names (a goal from its result KPIs, a chain from its
/// chain KPIs, a link from its link KPIs; `None` without KPIs). Depends on the KPIs at `at`
/// and on each one's fields and values.
pub fn status_at(app: App, at: &Attach) -> Option<Status> {
    let ids: Vec<Id> = app
        .doc
        .read(|r| r.kpis_at(at).cloned().collect())
        .unwrap_or_default();
    combine(ids.iter().filter_map(|id| kpi_status(app, id)))
}

/// A status as a small badge: a mark and the word, coloured.
#[component]
pub fn StatusBadge(
    /// The status shown; `None` shows nothing.
    #[prop(into)]
    status: Signal<Option<Status>>,
) -> impl IntoView {
    let app = crate::ui::state::use_app();
    move || {
        status.get().map(|s| {
            let word = s.word(app.lang.get());
            view! {
                <span class=format!("status {}", status_class(s))>
                    <span class="status-mark" aria-hidden="true">{status_mark(s)}</span>
                    " "
                    {word}
                </span>
            }
        })
    }
}

/// The word of a status in `lang` (for `title`s and accessible descriptions).
pub fn status_word(s: Option<Status>, lang: Lang) -> &'static str {
    s.map_or("", |s| s.word(lang))
}

/// A status as a small mark with its word as a tooltip and for screen readers (tight
/// places: matrix chips, chain flow).
pub fn status_dot(s: Status, lang: Lang) -> impl IntoView {
    view! {
        <span class=format!("status-dot {}", status_class(s)) title=s.word(lang)>
            <span aria-hidden="true">{status_mark(s)}</span>
            <span class="visually-hidden">{s.word(lang)}</span>
        </span>
    }
}

/// The status mark of KPI `id`, live (see [`status_dot`]).
#[component]
pub fn KpiStatusDot(id: Id) -> impl IntoView {
    let app = use_app();
    let status = Memo::new(move |_| kpi_status(app, &id));
    move || status.get().map(|s| status_dot(s, app.lang.get()))
}

/// The rolled-up status mark of a goal, chain or link, live (see [`status_dot`]).
#[component]
pub fn RollupDot(at: Attach) -> impl IntoView {
    let app = use_app();
    let status = Memo::new(move |_| status_at(app, &at));
    move || status.get().map(|s| status_dot(s, app.lang.get()))
}

/// The trend of KPI `id` over its last 12 periods as of `app.as_of`, with its norm; the
/// sentence of [`sparkline`] names it for screen readers (`caption`: shown as text too).
#[component]
pub fn Sparkline(id: Id, #[prop(optional)] caption: bool) -> impl IntoView {
    let app = use_app();
    let spark = Memo::new(move |_| {
        let (as_of, lang) = (app.as_of.get(), app.lang.get());
        app.doc
            .read(|r| {
                r.kpi_with_values(&id)
                    .map(|k| (sparkline(k, as_of, lang), status_as_of(k, as_of)))
            })
            .flatten()
    });
    move || {
        spark.with(|s| {
            s.as_ref().map(|(s, st)| {
                let text = caption.then(|| {
                    view! { <span class="spark-caption small muted" aria-hidden="true">{s.summary.clone()}</span> }
                });
                view! { {spark_svg(s, *st)} {text} }
            })
        })
    }
}

fn spark_svg(s: &Spark, status: Status) -> impl IntoView {
    let norm = s.norm.clone().map(|n| match n {
        NormMark::Line(y) => view! {
            <line class="spark-norm" x1="0" x2=W y1=y y2=y />
        }
        .into_any(),
        NormMark::Band(top, bottom) => view! {
            <rect class="spark-band" x="0" width=W y=top height=(bottom - top).max(0.5) />
        }
        .into_any(),
    });
    let dots = s
        .dots
        .iter()
        .map(|&(x, y)| view! { <circle class="spark-dot" cx=x cy=y r="1.2" /> })
        .collect_view();
    let last = s.last.map(|(x, y)| {
        view! { <circle class=format!("spark-last {}", status_class(status)) cx=x cy=y r="2" /> }
    });
    let (summary, label) = (s.summary.clone(), s.summary.clone());
    view! {
        <svg
            class="spark"
            viewBox=format!("0 0 {W} {H}")
            width=W
            height=H
            role="img"
            aria-label=label
        >
            {leptos::tachys::svg::title().child(summary)}
            {norm}
            <path class="spark-line" d=s.path.clone() />
            {dots}
            {last}
        </svg>
    }
}

/// A KPI's standing in a line: status mark, value, and (`trend`) its sparkline. For the
/// chips of the chain flow and the matrix.
#[component]
pub fn KpiStanding(id: Id, #[prop(optional)] trend: bool) -> impl IntoView {
    let app = use_app();
    let value = {
        let id = id.clone();
        Memo::new(move |_| kpi_value_text(app, &id))
    };
    let spark = trend.then(|| view! { <Sparkline id=id.clone() /> });
    view! {
        <span class="kpi-standing-inline">
            <KpiStatusDot id=id.clone() />
            <span class="standing-value-inline">{move || value.get()}</span>
            {spark}
        </span>
    }
}
