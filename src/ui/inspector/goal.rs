//! Inspector of the model itself, of a goal and of a department: every field of their tables
//! (`present::form`).

use leptos::prelude::*;

use super::fields::{form_view, Source};
use crate::model::{DepartmentField, Edit, GoalField, Id, ModelField};
use crate::present::form::{department_form, goal_form, model_form};
use crate::ui::state::use_app;

#[component]
pub fn GoalInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let src = Source {
        key: id.clone(),
        get: |r, id| r.goal(id),
    };
    let write = move |field: GoalField, coalesce: bool| {
        app.edit(
            Edit::SetGoal {
                id: id.clone(),
                field,
            },
            coalesce,
        );
    };
    form_view(&goal_form(), src, write, |_| ().into_any())
}

#[component]
pub fn DepartmentInspector(id: Id) -> impl IntoView {
    let app = use_app();
    let src = Source {
        key: id.clone(),
        get: |r, id| r.department(id),
    };
    let write = move |field: DepartmentField, coalesce: bool| {
        app.edit(
            Edit::SetDepartment {
                id: id.clone(),
                field,
            },
            coalesce,
        );
    };
    form_view(&department_form(), src, write, |_| ().into_any())
}

/// The model's own fields (shown when nothing is selected); its name is in the top bar.
#[component]
pub fn ModelInspector() -> impl IntoView {
    let app = use_app();
    let src = Source {
        key: (),
        get: |r, _| Some(r.model()),
    };
    let write = move |field: ModelField, coalesce: bool| {
        app.edit(Edit::SetModel { field }, coalesce);
    };
    form_view(&model_form(), src, write, |_| ().into_any())
}
