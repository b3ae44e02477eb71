//! The Matrix view: departments (rows) by customer chains (columns). A cell lists the links
//! of that department in that chain with their link KPIs. Departments in many chains stand
//! out: they take part in several chain meetings.
//!
//! Fine-grained: the table's shape (which link sits in which cell) is one memo on the
//! structure's topics only; every name reads its own element, so typing a name updates one
//! text.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::add::AddPlan;
use crate::model::queries::department_matrix;
use crate::model::{Attach, Id, Target};
use crate::ui::state::{fresh_id, use_app, App};
use crate::ui::views::chains::flow::select_button;
use crate::ui::views::names::live_name;
use crate::ui::views::status::{KpiStatusDot, RollupDot};

/// From this many chains on, only the columns near the visible part are mounted.
const VIRTUAL_FROM: usize = 24;
/// How many columns are mounted then (a screen's worth and some on either side).
const WINDOW: usize = 16;

/// The first column to mount so that `shown` columns from `first` are inside the window.
fn columns_near(first: usize, shown: usize) -> (usize, usize) {
    let before = WINDOW.saturating_sub(shown) / 2;
    let a = first.saturating_sub(before);
    (a, a + WINDOW)
}

/// A cell standing in for `n` columns that are not mounted (nothing when `n` is 0).
fn spacer(tag: &'static str, n: usize) -> impl IntoView {
    (n > 0).then(|| match tag {
        "th" => view! { <th class="matrix-spacer" colspan=n aria-hidden="true"></th> }.into_any(),
        _ => view! { <td class="matrix-spacer" colspan=n aria-hidden="true"></td> }.into_any(),
    })
}

/// From this many chains on, a department's row is highlighted.
const BUSY: usize = 3;

type Sel = Selector<Option<Target>>;

/// One row of the table as plain, hashable data (the `<For>` key): the department (`None`:
/// links without department) and per chain the links with their KPIs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    department: Option<Id>,
    cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Cell {
    chain: Id,
    links: Vec<(Id, Vec<Id>)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Shape {
    chains: Vec<Id>,
    rows: Vec<Row>,
}

/// The shape: which link sits in which cell, read through `model::queries::department_matrix`
/// (so it depends on the structure's topics only, never on a name).
fn shape(app: App) -> Shape {
    app.doc
        .read(|r| {
            let matrix = department_matrix(r);
            let rows = matrix
                .rows
                .into_iter()
                .map(|r| Row {
                    department: r.department,
                    cells: r
                        .cells
                        .into_iter()
                        .zip(&matrix.chains)
                        .map(|(links, chain)| Cell {
                            chain: chain.clone(),
                            links: links.into_iter().map(|l| (l.link, l.kpis)).collect(),
                        })
                        .collect(),
                })
                .collect();
            Shape {
                chains: matrix.chains,
                rows,
            }
        })
        .unwrap_or_default()
}

#[component]
pub fn MatrixView() -> impl IntoView {
    let app = use_app();
    let sel: Sel = Selector::new(move || app.selection.get());
    let shape = Memo::new(move |_| shape(app));
    let chain_ids = Memo::new(move |_| shape.with(|s| s.chains.clone()));
    // Many chains: only the columns near the visible part are mounted (fixed-width columns,
    // the others stand in as one spanning cell on each side).
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let virtual_ = Memo::new(move |_| chain_ids.with(|c| c.len() > VIRTUAL_FROM));
    let first_cols = RwSignal::new(0usize);
    let measure = move || {
        let Some(el) = scroll_ref.get_untracked() else {
            return;
        };
        let col = document()
            .query_selector(".matrix thead th.matrix-chain")
            .ok()
            .flatten()
            .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(c).ok())
            .map(|c| f64::from(c.offset_width()))
            .filter(|w| *w > 0.0)
            .unwrap_or(192.0);
        let first = (f64::from(el.scroll_left()) / col) as usize;
        let shown = (f64::from(el.client_width()) / col).ceil() as usize + 1;
        let range = columns_near(first, shown);
        if first_cols.get_untracked() != range.0 {
            first_cols.set(range.0);
        }
    };
    let measure_soon = crate::ui::views::once_per_frame(measure);
    let resize = window_event_listener(leptos::ev::resize, move |_| measure_soon());
    on_cleanup(move || resize.remove());
    // The columns mounted: all, or a window of `WINDOW` from `first_cols`.
    let range = Memo::new(move |_| {
        let n = chain_ids.with(|c| c.len());
        if !virtual_.get() {
            return (0, n);
        }
        let a = first_cols.get().min(n);
        (a, (a + WINDOW).min(n))
    });
    let add_department = move |_| {
        let id = fresh_id('d');
        let lang = app.lang.get_untracked();
        let name = lang.pick("New department", "Nieuwe afdeling").to_string();
        app.plan_and_select(
            AddPlan::Department {
                id: id.clone(),
                name,
            },
            Target::Department(id),
        );
    };
    let sel_head = sel.clone();
    let sel_rows = sel.clone();

    view! {
        <div class="view view-matrix">
            <div class="matrix-toolbar">
                <button type="button" on:click=add_department>
                    {tr(app.lang, "Add department", "Afdeling toevoegen")}
                </button>
                <p class="matrix-legend">
                    <span class="legend-swatch" aria-hidden="true"></span>
                    {move || {
                        app.lang
                            .get()
                            .pick(
                                "Shaded: a department in 3 or more chains — it takes part in several chain meetings.",
                                "Gekleurd: een afdeling in 3 of meer ketens — zij neemt deel aan meerdere ketenoverleggen.",
                            )
                    }}
                </p>
            </div>
            <Show
                when=move || shape.with(|s| !s.rows.is_empty() || !s.chains.is_empty())
                fallback=move || {
                    view! {
                        <p class="muted matrix-empty">
                            {move || {
                                app.lang
                                    .get()
                                    .pick(
                                        "No departments or chains yet. Add departments here; links of chains name their department.",
                                        "Nog geen afdelingen of ketens. Voeg hier afdelingen toe; de schakels van ketens noemen hun afdeling.",
                                    )
                            }}
                        </p>
                    }
                }
            >
                <div class="matrix-scroll" node_ref=scroll_ref on:scroll=move |_| measure_soon()>
                    <table
                        class="matrix"
                        class:virtual=move || virtual_.get()
                        style:width=move || {
                            virtual_
                                .get()
                                .then(|| format!("calc(11rem + {} * 12rem)", chain_ids.with(|c| c.len())))
                        }
                    >
                        <caption class="visually-hidden">
                            {move || {
                                app.lang
                                    .get()
                                    .pick(
                                        "Departments by customer chain: the links and link KPIs of each department in each chain",
                                        "Afdelingen per klantketen: de schakels en schakel-KPI's van elke afdeling in elke keten",
                                    )
                            }}
                        </caption>
                        {move || {
                            virtual_.get().then(|| {
                                let n = chain_ids.with(|c| c.len());
                                view! {
                                    <colgroup>
                                        <col class="matrix-col-head" />
                                        <col class="matrix-col" span=n />
                                    </colgroup>
                                }
                            })
                        }}
                        <thead>
                            <tr>
                                <th scope="col" class="matrix-corner">
                                    {tr(app.lang, "Department", "Afdeling")}
                                </th>
                                {move || spacer("th", range.get().0)}
                                {
                                    let sel_head = sel_head.clone();
                                    move || {
                                    let (a, b) = range.get();
                                    chain_ids
                                        .with(|c| c[a..b].to_vec())
                                        .into_iter()
                                        .map(|id| {
                                            let name = live_name(app, Target::Chain(id.clone()));
                                            view! {
                                                <th scope="col" class="matrix-chain">
                                                    {select_button(
                                                        app,
                                                        &sel_head,
                                                        Target::Chain(id),
                                                        "matrix-chain-name",
                                                        name,
                                                    )}
                                                </th>
                                            }
                                        })
                                        .collect_view()
                                    }
                                }
                                {move || {
                                    let (_, b) = range.get();
                                    spacer("th", chain_ids.with(|c| c.len()) - b)
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || shape.with(|s| s.rows.clone())
                                key=|row| row.clone()
                                children={
                                    let sel = sel_rows.clone();
                                    move |row| view! { <MatrixRowView row=row sel=sel.clone() range=range /> }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn MatrixRowView(row: Row, sel: Sel, range: Memo<(usize, usize)>) -> impl IntoView {
    let app = use_app();
    let count = row.cells.iter().filter(|c| !c.links.is_empty()).count();
    let button = move |target: Target, class: &'static str| {
        let name = live_name(app, target.clone());
        select_button(app, &sel, target, class, name)
    };
    let head = match row.department.clone() {
        Some(d) => button(Target::Department(d), "matrix-dept-name").into_any(),
        None => view! {
            <span class="matrix-no-dept">
                {tr(app.lang, "No department", "Zonder afdeling")}
            </span>
        }
        .into_any(),
    };
    let all = row.cells.len();
    let row_cells = StoredValue::new(row.cells);
    let cell_view = move |cell: Cell| {
        let chain = cell.chain;
        let filled = !cell.links.is_empty();
        let links = cell
            .links
            .into_iter()
            .map(|(link, kpis)| {
                let dot = view! { <RollupDot at=Attach::Link { chain: chain.clone(), link: link.clone() } /> };
                let link_button = button(
                    Target::Link {
                        chain: chain.clone(),
                        link,
                    },
                    "link-name",
                );
                let kpis = (!kpis.is_empty()).then(|| {
                    let chips = kpis
                        .into_iter()
                        .map(|k| view! { <li class="chip-row"><KpiStatusDot id=k.clone() /> {button(Target::Kpi(k), "kpi-chip link-kpi")}</li> })
                        .collect_view();
                    view! { <ul class="kpi-chips">{chips}</ul> }
                });
                view! { <li class="matrix-link"><span class="chip-row">{link_button} {dot}</span> {kpis}</li> }
            })
            .collect_view();
        view! {
            <td class:filled=filled>
                {filled.then(|| view! { <ul class="matrix-links">{links}</ul> })}
            </td>
        }
    };
    let cells = move || {
        let (a, b) = range.get();
        view! {
            {spacer("td", a)}
            {row_cells.with_value(|c| c[a.min(c.len())..b.min(c.len())].to_vec()).into_iter().map(cell_view.clone()).collect_view()}
            {spacer("td", all.saturating_sub(b))}
        }
    };
    let chains_text = move || {
        let lang = app.lang.get();
        match (lang, count) {
            (crate::model::Lang::En, 1) => "in 1 chain".to_string(),
            (crate::model::Lang::En, n) => format!("in {n} chains"),
            (crate::model::Lang::Nl, 1) => "in 1 keten".to_string(),
            (crate::model::Lang::Nl, n) => format!("in {n} ketens"),
        }
    };
    let busy = count >= BUSY;
    let no_dept = row.department.is_none();
    view! {
        <tr class:busy=busy class:no-dept=no_dept>
            <th scope="row" class="matrix-dept">
                <div class="matrix-dept-inner">
                    {head}
                    <span class="matrix-count">{chains_text}</span>
                </div>
            </th>
            {cells}
        </tr>
    }
}
