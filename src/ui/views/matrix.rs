//! The Matrix view: departments (rows) by customer chains (columns). A cell lists the links
//! of that department in that chain with their link KPIs. Departments in many chains stand
//! out: they take part in several chain meetings.
//!
//! Fine-grained: the table's shape (which link sits in which cell) is one memo on the
//! structure's topics only; every name reads its own element, so typing a name updates one
//! text.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::{Department, Edit, Id, Target, Topic};
use crate::ui::state::{fresh_id, use_app, App};
use crate::ui::views::chains::flow::select_button;
use crate::ui::views::names::live_name;

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

/// The shape depends on which chains and departments exist, each chain's links and their
/// departments, and the KPIs at each link: never on a name.
fn track_shape(app: App) {
    app.doc.track(Topic::Departments);
    let links = app
        .doc
        .with(Topic::Chains, |m| {
            m.chains
                .keys()
                .map(|c| {
                    app.doc.track(Topic::Links(c.clone()));
                    app.doc.with_untracked(|m| {
                        m.chains[c]
                            .links
                            .iter()
                            .map(|l| (c.clone(), l.id.clone()))
                            .collect::<Vec<_>>()
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for (chain, link) in links.into_iter().flatten().flatten() {
        app.doc.track(Topic::Fields(Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        }));
        app.doc
            .track(Topic::KpisAt(crate::model::Attach::Link { chain, link }));
    }
}

fn shape(app: App) -> Shape {
    track_shape(app);
    app.doc
        .with_untracked(|m| {
            let matrix = m.department_matrix();
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
    let add_department = move |_| {
        let id = fresh_id('d');
        let name = app
            .lang
            .get_untracked()
            .pick("New department", "Nieuwe afdeling")
            .to_string();
        app.edit_and_select(
            Edit::AddDepartment {
                department: Department {
                    id: id.clone(),
                    name,
                    description: String::new(),
                },
                index: None,
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
                <div class="matrix-scroll">
                    <table class="matrix">
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
                        <thead>
                            <tr>
                                <th scope="col" class="matrix-corner">
                                    {tr(app.lang, "Department", "Afdeling")}
                                </th>
                                {
                                    let sel_head = sel_head.clone();
                                    move || {
                                    chain_ids
                                        .get()
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
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || shape.with(|s| s.rows.clone())
                                key=|row| row.clone()
                                children={
                                    let sel = sel_rows.clone();
                                    move |row| view! { <MatrixRowView row=row sel=sel.clone() /> }
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
fn MatrixRowView(row: Row, sel: Sel) -> impl IntoView {
    let app = use_app();
    let count = row.cells.iter().filter(|c| !c.links.is_empty()).count();
    // Every name the row shows, in render order, kept up to date by one effect.
    let button = |target: Target, class: &'static str| {
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
    let cells = row
        .cells
        .into_iter()
        .map(|cell| {
            let chain = cell.chain;
            let filled = !cell.links.is_empty();
            let links = cell
                .links
                .into_iter()
                .map(|(link, kpis)| {
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
                            .map(|k| view! { <li>{button(Target::Kpi(k), "kpi-chip link-kpi")}</li> })
                            .collect_view();
                        view! { <ul class="kpi-chips">{chips}</ul> }
                    });
                    view! { <li class="matrix-link">{link_button} {kpis}</li> }
                })
                .collect_view();
            view! {
                <td class:filled=filled>
                    {filled.then(|| view! { <ul class="matrix-links">{links}</ul> })}
                </td>
            }
        })
        .collect_view();
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
