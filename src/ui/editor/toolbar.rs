//! The editor toolbar: Undo / Redo, Add goal / chain / link / KPI, Delete. Each button turns
//! the current selection into one model edit.

use leptos::prelude::*;

use crate::model::add::{
    chain_context, kpi_context, read_chain_context, read_kpi_context, AddPlan,
};
use crate::model::{Edit, Lang, Target};
use crate::ui::copies::CopiesButtons;
use crate::ui::files::FileActions;
use crate::ui::i18n::tr;
use crate::ui::split::{after_first_view_or, build};
use crate::ui::state::{fresh_id, use_app, App};

/// Lazy: Export JSON / CSV and Copy share link come after the first view.
#[cfg_attr(feature = "split", lazy)]
async fn file_actions() -> AnyView {
    build(|| view! { <FileActions /> <CopiesButtons /> }.into_any())
}

/// The file actions as they look, disabled, until their part arrives (nothing moves then;
/// a model kept in a folder shows its folder's state in place of "Save to folder").
fn file_actions_stand_in(app: App) -> impl IntoView {
    let names = [
        ("Export JSON", "JSON exporteren"),
        ("Export CSV", "CSV exporteren"),
        ("Export slides", "Dia's exporteren"),
        ("Copy share link", "Deellink kopiëren"),
    ];
    let folder = crate::storage::folder_fs::supported()
        .then(|| view! { <button type="button" disabled aria-hidden="true">{tr(app.lang, "Save to folder", "In map bewaren")}</button> });
    view! {
        <div class="toolbar-group file-actions" aria-hidden="true">
            {names
                .into_iter()
                .map(|(en, nl)| view! { <button type="button" disabled aria-hidden="true">{tr(app.lang, en, nl)}</button> })
                .collect_view()}
            {folder}
        </div>
        <button type="button" disabled aria-hidden="true">{tr(app.lang, "Compare", "Vergelijken")}</button>
        <button type="button" disabled aria-hidden="true">{tr(app.lang, "History", "Geschiedenis")}</button>
    }
}

/// After adding an element, put the keyboard in its Name field (text selected), so the user
/// can type the name at once. The inspector may still be loading (a lazy part): look for the
/// field for up to a second of frames.
fn focus_name_field() {
    focus_name_field_within(60);
}

fn focus_name_field_within(frames: u32) {
    request_animation_frame(move || {
        let field = document()
            .query_selector(".inspector-form input[type=text]")
            .ok()
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok());
        match field {
            Some(input) => {
                let _ = input.focus();
                input.select();
            }
            None if frames > 0 => focus_name_field_within(frames - 1),
            None => {}
        }
    });
}

// The Add buttons plan their edit from the model it applies to (`App::plan_and_select` with
// an `AddPlan`), so the new element's name is free even when earlier edits still wait for
// the edit engine.

fn add_goal(app: App, lang: Lang) {
    let id = fresh_id('g');
    let select = Target::Goal(id.clone());
    let name = lang.pick("New goal", "Nieuw doel").to_string();
    app.plan_and_select(AddPlan::Goal { id, name }, select);
    focus_name_field();
}

fn add_chain(app: App, lang: Lang) {
    let id = fresh_id('c');
    let select = Target::Chain(id.clone());
    let name = lang.pick("New chain", "Nieuwe keten").to_string();
    app.plan_and_select(AddPlan::Chain { id, name }, select);
    focus_name_field();
}

fn add_link(app: App, lang: Lang) {
    let Some(near) = app.selection.get_untracked() else {
        return;
    };
    let Some((chain, _)) = app
        .doc
        .with_untracked(|m| chain_context(m, &near))
        .flatten()
    else {
        return;
    };
    let id = fresh_id('l');
    let select = Target::Link {
        chain,
        link: id.clone(),
    };
    let name = lang.pick("New link", "Nieuwe schakel").to_string();
    app.plan_and_select(AddPlan::Link { id, name, near }, select);
    focus_name_field();
}

fn add_kpi(app: App, lang: Lang) {
    let Some(near) = app.selection.get_untracked() else {
        return;
    };
    if app
        .doc
        .with_untracked(|m| kpi_context(m, &near))
        .flatten()
        .is_none()
    {
        return;
    }
    let id = fresh_id('k');
    let select = Target::Kpi(id.clone());
    let name = lang.pick("New KPI", "Nieuwe KPI").to_string();
    app.plan_and_select(AddPlan::Kpi { id, name, near }, select);
    focus_name_field();
}

/// The delete edit for a selection.
pub fn delete_edit(sel: &Target) -> Option<Edit> {
    Some(match sel {
        Target::Model => return None,
        Target::Goal(id) => Edit::DeleteGoal { id: id.clone() },
        Target::Department(id) => Edit::DeleteDepartment { id: id.clone() },
        Target::Chain(id) => Edit::DeleteChain { id: id.clone() },
        Target::Link { chain, link } => Edit::DeleteLink {
            chain: chain.clone(),
            link: link.clone(),
        },
        Target::Kpi(id) => Edit::DeleteKpi { id: id.clone() },
        // A handover is there as long as its links are; its KPIs are deleted one by one.
        Target::Handover { .. } => return None,
    })
}

pub fn delete_selection(app: App) {
    if let Some(edit) = app.selection.get_untracked().as_ref().and_then(delete_edit) {
        app.edit_then(edit, move || app.selection.set(None));
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let app = use_app();
    let lang = move || app.lang.get();
    let can_add_link = move || {
        app.doc
            .read(|r| {
                app.selection
                    .with(|s| s.as_ref().and_then(|s| read_chain_context(r, s)).is_some())
            })
            .unwrap_or(false)
    };
    let can_add_kpi = move || {
        app.doc
            .read(|r| {
                app.selection
                    .with(|s| s.as_ref().and_then(|s| read_kpi_context(r, s)).is_some())
            })
            .unwrap_or(false)
    };
    let has_selection = move || {
        app.selection
            .with(|s| s.as_ref().is_some_and(|s| *s != Target::Model))
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=tr(app.lang, "Edit", "Bewerken")>
            <div class="toolbar-group">
                <button
                    type="button"
                    aria-keyshortcuts="Control+Z"
                    disabled=move || !app.can_undo.get()
                    on:click=move |_| app.undo()
                >
                    {tr(app.lang, "Undo", "Ongedaan maken")}
                </button>
                <button
                    type="button"
                    aria-keyshortcuts="Control+Shift+Z Control+Y"
                    disabled=move || !app.can_redo.get()
                    on:click=move |_| app.redo()
                >
                    {tr(app.lang, "Redo", "Opnieuw")}
                </button>
            </div>
            <div class="toolbar-group">
                <button type="button" on:click=move |_| add_goal(app, lang())>
                    {tr(app.lang, "Add goal", "Doel toevoegen")}
                </button>
                <button type="button" on:click=move |_| add_chain(app, lang())>
                    {tr(app.lang, "Add chain", "Keten toevoegen")}
                </button>
                <button
                    type="button"
                    disabled=move || !can_add_link()
                    title=tr(app.lang, "Select a chain or a link first", "Selecteer eerst een keten of schakel")
                    on:click=move |_| add_link(app, lang())
                >
                    {tr(app.lang, "Add link", "Schakel toevoegen")}
                </button>
                <button
                    type="button"
                    disabled=move || !can_add_kpi()
                    title=tr(app.lang, "Select a goal, chain or link first", "Selecteer eerst een doel, keten of schakel")
                    on:click=move |_| add_kpi(app, lang())
                >
                    {tr(app.lang, "Add KPI", "KPI toevoegen")}
                </button>
            </div>
            <div class="toolbar-group">
                <button
                    type="button"
                    class="danger"
                    aria-keyshortcuts="Delete"
                    disabled=move || !has_selection()
                    on:click=move |_| delete_selection(app)
                >
                    {tr(app.lang, "Delete", "Verwijderen")}
                </button>
            </div>
            {after_first_view_or(file_actions, move || file_actions_stand_in(app))}
            <div class="toolbar-group">
                <button type="button" aria-keyshortcuts="Control+P" on:click=move |_| crate::ui::print::print()>
                    {tr(app.lang, "Print", "Afdrukken")}
                </button>
            </div>
        </div>
    }
}
