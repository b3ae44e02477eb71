//! Inspector of a customer chain, of a link (with its agreements) and of the handover after a
//! link.

use leptos::prelude::*;

use super::agreements::Agreements;
use super::fields::{find_link, form_view, from_reader, link_write, Source};
use crate::model::fields::link;
use crate::model::{unique_name, Attach, ChainField, Department, Edit, Id, LinkField, Target};
use crate::present::chains::read_name_of;
use crate::present::form::{chain_form, handover_form, link_form};
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, use_app};

/// Every field of `CHAIN_FIELDS` (`present::form::chain_form`).
#[component]
pub fn ChainInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let src = Source {
        key: id.clone(),
        get: |r, id| r.chain(id),
    };
    let write = move |field: ChainField, coalesce: bool| {
        app.edit(
            Edit::SetChain {
                id: id.clone(),
                field,
            },
            coalesce,
        );
    };
    form_view(&chain_form(), src, write, |_| ().into_any())
}

#[component]
pub fn LinkInspector(chain: Id, link: Id) -> impl IntoView {
    let app = use_app();
    let write = link_write(app, chain.clone(), link.clone());
    let departments = move || {
        app.doc
            .read(|r| {
                r.department_ids()
                    .filter_map(|id| r.department(id))
                    .map(|d| (d.id.to_string(), d.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let department = {
        let (chain, link) = (chain.clone(), link.clone());
        from_reader(move |r| {
            r.link(&chain, &link).map(|l| {
                l.department
                    .as_ref()
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            })
        })
    };
    let on_department = {
        let write = write.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            write(
                LinkField::Department((!v.is_empty()).then(|| Id::new(v))),
                false,
            );
        }
    };
    // One step: a department named after the link, and the link in it.
    let new_department = {
        let (chain, link) = (chain.clone(), link.clone());
        move |_| {
            let lang = app.lang.get_untracked();
            let plan = app
                .doc
                .with_untracked(|m| {
                    let base = find_link(m, &chain, &link)?.name.trim().to_string();
                    let base = if base.is_empty() {
                        lang.pick("New department", "Nieuwe afdeling").to_string()
                    } else {
                        base
                    };
                    Some(unique_name(
                        &base,
                        m.departments.values().map(|d| d.name.as_str()),
                    ))
                })
                .flatten();
            let Some(name) = plan else { return };
            let id = fresh_id('d');
            app.edit(
                Edit::Batch(vec![
                    Edit::AddDepartment {
                        department: Department {
                            id: id.clone(),
                            name,
                            ..Department::default()
                        },
                        index: None,
                    },
                    Edit::SetLink {
                        chain: chain.clone(),
                        link: link.clone(),
                        field: LinkField::Department(Some(id)),
                    },
                ]),
                false,
            );
        }
    };
    let agreements = {
        let (chain, link) = (chain.clone(), link.clone());
        move || view! { <Agreements chain=chain link=link /> }.into_any()
    };
    let src = Source {
        key: (chain, link),
        get: |r, (chain, link)| r.link(chain, link),
    };
    let department_select = move || {
        view! {
        <label class="field">
            <span class="field-label">{tr(app.lang, link::department.0, link::department.1)}</span>
            <select
                aria-label=tr(app.lang, link::department.0, link::department.1)
                prop:value=move || department.get()
                on:change=on_department
            >
                <option value="" selected=move || department.get().is_empty()>
                    {tr(app.lang, "(none)", "(geen)")}
                </option>
                <For
                    each=departments
                    key=|d| d.clone()
                    children=move |(id, name)| {
                        let id2 = id.clone();
                        view! { <option value=id selected=move || department.get() == id2>{name}</option> }
                    }
                />
            </select>
        </label>
        <Show when=move || department.get().is_empty()>
            <button type="button" class="quiet small" on:click=new_department.clone()>
                {tr(app.lang, "+ New department from this link", "+ Nieuwe afdeling van deze schakel")}
            </button>
        </Show>
        }
        .into_any()
    };
    let mut department_select = Some(department_select);
    let mut agreements = Some(agreements);
    form_view(&link_form(), src, write, move |f| {
        let drawn = match f.key {
            "agreements" => agreements.take().map(|f| f()),
            _ => department_select.take().map(|f| f()),
        };
        drawn.unwrap_or_else(|| ().into_any())
    })
}

/// The handover after link `link` of `chain`: what is handed over (the link's `handover`
/// text) and its KPIs ("Add KPI" with the handover selected adds one).
#[component]
pub fn HandoverInspector(chain: Id, link: Id) -> impl IntoView {
    let app = use_app();
    let name = {
        let target = Target::Handover {
            chain: chain.clone(),
            link: link.clone(),
        };
        move || {
            let lang = app.lang.get();
            app.doc
                .read(|r| read_name_of(r, &target, lang))
                .unwrap_or_default()
        }
    };
    let kpis = {
        let at = Attach::Handover {
            chain: chain.clone(),
            link: link.clone(),
        };
        move || {
            app.doc
                .read(|r| {
                    r.kpis_at(&at)
                        .filter_map(|id| r.kpi(id).map(|k| (id.clone(), k.name.clone())))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    };
    let write = link_write(app, chain.clone(), link.clone());
    let src = Source {
        key: (chain, link),
        get: |r, (chain, link)| r.link(chain, link),
    };
    view! {
        <p class="handover-between">{name}</p>
        {form_view(&handover_form(), src, write, |_| ().into_any())}
        <h3 class="inspector-sub">{tr(app.lang, "Handover KPIs", "Overdrachts-KPI's")}</h3>
        <ul class="handover-kpis">
            <For
                each=kpis
                key=|k| k.clone()
                children=move |(id, kpi_name)| {
                    view! {
                        <li>
                            <button
                                type="button"
                                class="quiet"
                                on:click=move |_| app.selection.set(Some(Target::Kpi(id.clone())))
                            >
                                {kpi_name}
                            </button>
                        </li>
                    }
                }
            />
        </ul>
        <p class="muted">
            {tr(
                app.lang,
                "“Add KPI” adds a KPI to this handover: what must be complete and on time when the work changes hands.",
                "“KPI toevoegen” voegt een KPI aan deze overdracht toe: wat volledig en op tijd moet zijn als het werk van hand wisselt.",
            )}
        </p>
    }
}
