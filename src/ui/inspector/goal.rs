//! Inspector of the model itself, of a goal and of a department.

use leptos::prelude::*;

use super::fields::{from_reader, TextField};
use crate::model::fields::{department, goal, model};
use crate::model::{DepartmentField, Edit, GoalField, Id, ModelField};
use crate::ui::state::use_app;

#[component]
pub fn GoalInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let get = {
        let id = id.clone();
        move |f: fn(&crate::model::Goal) -> String| {
            let id = id.clone();
            from_reader(move |r| r.goal(&id).map(f))
        }
    };
    let set = move |field: fn(String) -> GoalField| {
        let id = id.clone();
        Callback::new(move |v: String| {
            app.edit(
                Edit::SetGoal {
                    id: id.clone(),
                    field: field(v),
                },
                true,
            );
        })
    };
    view! {
        <TextField label=goal::name value=get(|g| g.name.clone()) on_input=set(GoalField::Name) />
        <TextField
            label=goal::description
            multiline=true
            long=true
            value=get(|g| g.description.clone())
            on_input=set(GoalField::Description)
        />
    }
}

#[component]
pub fn DepartmentInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let get = {
        let id = id.clone();
        move |f: fn(&crate::model::Department) -> String| {
            let id = id.clone();
            from_reader(move |r| r.department(&id).map(f))
        }
    };
    let set = move |field: fn(String) -> DepartmentField| {
        let id = id.clone();
        Callback::new(move |v: String| {
            app.edit(
                Edit::SetDepartment {
                    id: id.clone(),
                    field: field(v),
                },
                true,
            );
        })
    };
    view! {
        <TextField label=department::name value=get(|d| d.name.clone()) on_input=set(DepartmentField::Name) />
        <TextField
            label=department::description
            multiline=true
            long=true
            value=get(|d| d.description.clone())
            on_input=set(DepartmentField::Description)
        />
    }
}

/// The model's own fields (shown when nothing is selected); its name is in the top bar.
#[component]
pub fn ModelInspector() -> impl IntoView {
    let app = use_app();
    let set = move |field: fn(String) -> ModelField| {
        Callback::new(move |v: String| {
            app.edit(Edit::SetModel { field: field(v) }, true);
        })
    };
    view! {
        <TextField
            label=model::organisation
            value=from_reader(|r| Some(r.model().organisation.clone()))
            on_input=set(ModelField::Organisation)
        />
        <TextField
            label=model::description
            multiline=true
            long=true
            value=from_reader(|r| Some(r.model().description.clone()))
            on_input=set(ModelField::Description)
        />
    }
}
