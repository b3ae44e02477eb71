//! Inspector of a customer chain and of a link.

use leptos::prelude::*;

use super::fields::{find_link, from_reader, CheckField, TextField};
use crate::model::fields::{chain, link};
use crate::model::{unique_name, Chain, ChainField, Department, Edit, Id, Link, LinkField};
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, use_app};

#[component]
pub fn ChainInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let get = {
        let id = id.clone();
        move |f: fn(&Chain) -> String| {
            let id = id.clone();
            from_reader(move |r| r.chain(&id).map(f))
        }
    };
    let set = move |field: fn(String) -> ChainField| {
        let id = id.clone();
        Callback::new(move |v: String| {
            app.edit(
                Edit::SetChain {
                    id: id.clone(),
                    field: field(v),
                },
                true,
            );
        })
    };
    view! {
        <TextField label=chain::name value=get(|c| c.name.clone()) on_input=set(ChainField::Name) />
        <TextField
            label=chain::customer
            value=get(|c| c.customer.clone())
            on_input=set(ChainField::Customer)
            placeholder=("Customer, student, client, citizen…", "Klant, student, cliënt, burger…")
        />
        <TextField
            label=chain::trigger
            multiline=true
            value=get(|c| c.trigger.clone())
            on_input=set(ChainField::Trigger)
            placeholder=("The customer need where the chain starts", "De klantbehoefte waar de keten begint")
        />
        <TextField
            label=chain::outcome
            multiline=true
            value=get(|c| c.outcome.clone())
            on_input=set(ChainField::Outcome)
            placeholder=("The product or service that fulfils the need", "Het product of de dienst die de behoefte vervult")
        />
        <TextField
            label=chain::owner
            value=get(|c| c.owner.clone())
            on_input=set(ChainField::Owner)
            placeholder=("One management-team member", "Eén lid van het managementteam")
        />
        <TextField
            label=chain::description
            multiline=true
            long=true
            value=get(|c| c.description.clone())
            on_input=set(ChainField::Description)
        />
    }
}

#[component]
pub fn LinkInspector(chain: Id, link: Id) -> impl IntoView {
    let app = use_app();
    let read = {
        let (chain, link) = (chain.clone(), link.clone());
        move |f: fn(&Link) -> String| {
            let (chain, link) = (chain.clone(), link.clone());
            from_reader(move |r| r.link(&chain, &link).map(f))
        }
    };
    let write = {
        let (chain, link) = (chain.clone(), link.clone());
        move |field: LinkField, coalesce: bool| {
            app.edit(
                Edit::SetLink {
                    chain: chain.clone(),
                    link: link.clone(),
                    field,
                },
                coalesce,
            );
        }
    };
    let text = {
        let write = write.clone();
        move |field: fn(String) -> LinkField| {
            let write = write.clone();
            Callback::new(move |v: String| write(field(v), true))
        }
    };
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
    let department = read(|l| {
        l.department
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default()
    });
    let external = {
        let (chain, link) = (chain.clone(), link.clone());
        from_reader(move |r| r.link(&chain, &link).map(|l| l.external))
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
    let on_external = {
        let write = write.clone();
        Callback::new(move |v: bool| write(LinkField::External(v), false))
    };
    view! {
        <TextField label=link::name value=read(|l| l.name.clone()) on_input=text(LinkField::Name) />
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
        <CheckField label=link::external checked=external on_change=on_external />
        <TextField label=link::owner value=read(|l| l.owner.clone()) on_input=text(LinkField::Owner) />
        <TextField
            label=link::description
            multiline=true
            long=true
            value=read(|l| l.description.clone())
            on_input=text(LinkField::Description)
        />
    }
}
