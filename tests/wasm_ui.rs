//! Components mounted in a real browser page.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn button(label: &str) -> Option<web_sys::HtmlElement> {
    let list = doc().query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
}

async fn tick() {
    gloo_timers_sleep(Duration::from_millis(20)).await;
}

async fn gloo_timers_sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, d.as_millis() as i32)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Clears localStorage and mounts the whole app in a fresh element.
fn mount_fresh() -> (
    web_sys::Element,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    common::clear_storage();
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let handle =
        leptos::mount::mount_to(host.clone().unchecked_into(), kpi_structure::ui::app::Root);
    (host, handle)
}

#[wasm_bindgen_test]
async fn shell_creates_a_model_and_switches_language() {
    let (host, handle) = mount_fresh();
    tick().await;
    assert!(doc()
        .query_selector("[aria-label='Model name']")
        .unwrap()
        .is_none());
    button("New model").expect("New model button").click();
    tick().await;
    let name = doc()
        .query_selector("[aria-label='Model name']")
        .unwrap()
        .expect("model name textbox")
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(name.value(), "Untitled model");
    assert_eq!(
        doc()
            .query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Saved"
    );
    let select = doc()
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("nl");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert!(button("Nieuw model").is_some());
    assert_eq!(
        doc()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("nl")
    );
    drop(handle);
    host.remove();
}

fn input_labelled(label: &str) -> Option<web_sys::HtmlInputElement> {
    let list = doc().query_selector_all("label.field").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|l| {
            l.query_selector(".field-label")
                .ok()
                .flatten()
                .and_then(|s| s.text_content())
                .as_deref()
                == Some(label)
        })
        .and_then(|l| l.query_selector("input").ok().flatten())
        .and_then(|i| i.dyn_into().ok())
}

#[wasm_bindgen_test]
async fn toolbar_adds_a_goal_the_inspector_renames_it_and_undo_takes_it_back() {
    let (host, handle) = mount_fresh();
    tick().await;
    button("New model").expect("New model").click();
    tick().await;
    let undo = button("Undo").expect("Undo button");
    assert!(undo
        .unchecked_ref::<web_sys::HtmlButtonElement>()
        .disabled());
    button("Add goal").expect("Add goal").click();
    tick().await;
    let name = input_labelled("Name").expect("inspector Name field");
    assert_eq!(name.value(), "New goal");
    // Fields hold no more than a file may, so an exported model always opens again.
    assert_eq!(
        name.max_length(),
        kpi_structure::format::MAX_NAME_CHARS as i32
    );
    let description = doc()
        .query_selector(".inspector textarea")
        .unwrap()
        .expect("Description");
    assert_eq!(
        description.get_attribute("maxlength"),
        Some(kpi_structure::format::MAX_TEXT_CHARS.to_string())
    );
    name.set_value("Customer satisfaction");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert!(doc()
        .body()
        .unwrap()
        .inner_html()
        .contains("Customer satisfaction"));
    assert!(!undo
        .unchecked_ref::<web_sys::HtmlButtonElement>()
        .disabled());
    // One undo for the typing, one for the add.
    undo.click();
    tick().await;
    assert_eq!(
        input_labelled("Name").expect("still selected").value(),
        "New goal"
    );
    undo.click();
    tick().await;
    assert!(input_labelled("Name").is_none(), "the goal is gone");
    drop(handle);
    host.remove();
}

/// The one reactive path in a real page: a reader of one element's fields re-runs when that
/// element changes (and when the change is undone), never when another one does; a reader of
/// the goal list only when goals come or go.
#[wasm_bindgen_test]
async fn an_edit_and_its_undo_wake_exactly_the_readers_of_what_they_touched() {
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
    use std::sync::Arc;

    use kpi_structure::model::{Edit, Goal, GoalField, Id, Model, Reader};
    use kpi_structure::ui::state::App;
    use leptos::prelude::*;

    common::clear_storage();
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let runs: Arc<[AtomicU32; 3]> = Arc::new(Default::default());
    let app_slot: Arc<std::sync::Mutex<Option<App>>> = Arc::default();
    let (r, slot) = (runs.clone(), app_slot.clone());
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let app = App::new();
        let goal = |id: &str| Goal {
            id: Id::new(id),
            name: id.to_string(),
            ..Goal::default()
        };
        let mut model = Model {
            id: Id::new("mtopics"),
            name: "Topics".into(),
            ..Model::default()
        };
        for g in ["a", "b"] {
            model.goals.insert(Id::new(g), goal(g));
        }
        app.open_new(model);
        // Three readers: goal a's fields, goal b's fields, the list of goals.
        let readers: [fn(&Reader); 3] = [
            |r| {
                r.goal(&Id::new("a"));
            },
            |r| {
                r.goal(&Id::new("b"));
            },
            |r| {
                r.goal_ids().count();
            },
        ];
        for (i, read) in readers.into_iter().enumerate() {
            let r = r.clone();
            Effect::new(move |_| {
                app.doc.read(read);
                r[i].fetch_add(1, SeqCst);
            });
        }
        *slot.lock().unwrap() = Some(app);
    });
    tick().await;
    let app = app_slot.lock().unwrap().expect("app");
    let counts = || runs.iter().map(|c| c.load(SeqCst)).collect::<Vec<_>>();
    assert_eq!(counts(), [1, 1, 1], "each reader ran once");

    let rename = |v: &str| Edit::SetGoal {
        id: Id::new("a"),
        field: GoalField::Name(v.into()),
    };
    app.edit(rename("Grow"), true);
    tick().await;
    assert_eq!(counts(), [2, 1, 1], "renaming goal a wakes only its reader");
    app.undo();
    tick().await;
    assert_eq!(counts(), [3, 1, 1], "its undo too");
    app.edit(Edit::DeleteGoal { id: Id::new("b") }, false);
    tick().await;
    assert_eq!(
        counts(),
        [3, 2, 2],
        "deleting goal b wakes its reader and the list"
    );
    drop(handle);
    host.remove();
}

/// Polls `cond` for up to two seconds (the edit engine and the meeting view arrive async).
async fn until(cond: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if cond() {
            return true;
        }
        tick().await;
    }
    cond()
}

/// An earlier meeting opens as its record (issue 23): "Open" on its item shows a dialog with
/// the value and comment of that moment (not today's), "Compare with this meeting" shows then
/// -> now, "Close" closes it.
#[wasm_bindgen_test]
async fn an_earlier_meeting_opens_as_its_record() {
    use kpi_structure::model::{Edit, Period};
    use kpi_structure::ui::state::App;
    use kpi_structure::ui::views::meeting::MeetingView;
    use leptos::prelude::*;

    common::clear_storage();
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let text = include_str!("../public/templates/coffee-machines.en.kpi.json");
    let model = kpi_structure::format::import_json(text).unwrap().model;
    let chain = model
        .chains
        .values()
        .find(|c| c.name == "New coffee machine");
    let chain = chain.unwrap().id.clone();
    let kpi = model
        .kpis
        .values()
        .find(|k| k.name == "Machines installed on time");
    let kpi = kpi.unwrap().id.clone();
    let slot: std::sync::Arc<std::sync::Mutex<Option<App>>> = Default::default();
    let s = slot.clone();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let app = App::new();
        provide_context(app);
        kpi_structure::ui::folder::provide_folder();
        kpi_structure::ui::identity::provide_identity();
        app.open_new(model);
        app.as_of.set((2026, 11));
        app.selection
            .set(Some(kpi_structure::model::Target::Chain(chain.clone())));
        *s.lock().unwrap() = Some(app);
        view! { <MeetingView /> }
    });
    let app = slot.lock().unwrap().expect("app");
    let nov = Period::Month { y: 2026, m: 11 };
    app.edit(
        Edit::SetComment {
            kpi: kpi.clone(),
            period: nov,
            comment: "Fitter ill for two weeks".into(),
        },
        false,
    );
    assert!(
        until(|| button("Close meeting").is_some()).await,
        "the meeting view"
    );
    button("Close meeting").unwrap().click();
    assert!(
        until(|| button("Open").is_some()).await,
        "an earlier meeting to open"
    );
    app.edit(
        Edit::SetValue {
            kpi: kpi.clone(),
            period: nov,
            value: Some(80.0),
        },
        false,
    );
    app.edit(
        Edit::SetComment {
            kpi,
            period: nov,
            comment: "Both fitters ill".into(),
        },
        false,
    );
    button("Open").unwrap().click();
    let dialog = || doc().query_selector("[role=dialog]").unwrap();
    assert!(until(|| dialog().is_some()).await, "the record opens");
    let shown = || dialog().and_then(|d| d.text_content()).unwrap_or_default();
    let t = shown();
    assert!(t.contains("Chain meeting · New coffee machine · "), "{t}");
    assert!(
        t.contains("97.5%") && t.contains("Fitter ill for two weeks"),
        "{t}"
    );
    assert!(!t.contains("Both fitters ill"), "{t}");
    button("Compare with this meeting").unwrap().click();
    assert!(
        until(|| shown().contains("Then → now") && shown().contains("80%")).await,
        "{}",
        shown()
    );
    button("Close").unwrap().click();
    assert!(until(|| dialog().is_none()).await, "Close closes it");
    drop(handle);
    host.remove();
}
