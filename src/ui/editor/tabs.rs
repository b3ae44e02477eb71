//! The view tabs (WAI-ARIA tabs pattern: arrow keys move between tabs).

use leptos::either::EitherOf7;
use leptos::prelude::*;

use crate::model::Lang;
use crate::ui::split::{build, deferred, when_idle};
use crate::ui::state::{use_app, View};
use crate::ui::views::{
    chains::ChainsView, health::HealthView, kpis::KpisView, matrix::MatrixView,
    meeting::MeetingsView, structure::StructureView, values::ValuesView,
};

pub fn view_name(view: View, lang: Lang) -> &'static str {
    match view {
        View::Structure => lang.pick("Structure", "Structuur"),
        View::Chains => lang.pick("Chains", "Ketens"),
        View::Kpis => lang.pick("KPIs", "KPI's"),
        View::Matrix => lang.pick("Matrix", "Matrix"),
        View::Values => lang.pick("Values", "Waarden"),
        View::DepartmentMeeting => lang.pick("Department meeting", "Afdelingsoverleg"),
        View::Meeting => lang.pick("Meeting", "Ketenoverleg"),
        View::MtMeeting => lang.pick("MT meeting", "MT-overleg"),
        View::Health => lang.pick("Health", "Gezondheid"),
    }
}

fn slug(view: View) -> &'static str {
    match view {
        View::Structure => "structure",
        View::Chains => "chains",
        View::Kpis => "kpis",
        View::Matrix => "matrix",
        View::Values => "values",
        View::DepartmentMeeting => "department-meeting",
        View::Meeting => "meeting",
        View::MtMeeting => "mt-meeting",
        View::Health => "health",
    }
}

#[component]
pub fn Tabs() -> impl IntoView {
    let app = use_app();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = View::ALL
            .iter()
            .position(|v| *v == app.view.get_untracked())
            .unwrap_or(0);
        let n = View::ALL.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        app.view.set(View::ALL[next]);
        if let Some(el) = document().get_element_by_id(&format!("tab-{}", slug(View::ALL[next]))) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=crate::ui::i18n::tr(app.lang, "Views", "Weergaven") on:keydown=on_key>
            {View::ALL
                .into_iter()
                .map(|v| {
                    let selected = move || app.view.get() == v;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", slug(v))
                            aria-controls=format!("panel-{}", slug(v))
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| app.view.set(v)
                        >
                            {move || view_name(v, app.lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

// Every view but Structure is mounted through a loader. To make a view lazy (its own wasm
// part under the `split` feature), give its loader `#[cfg_attr(feature = "split", lazy)]`
// and add its preload to `prefetch`.

#[cfg_attr(feature = "split", lazy)]
async fn chains_view() -> AnyView {
    build(|| view! { <ChainsView /> }.into_any())
}

#[cfg_attr(feature = "split", lazy)]
async fn kpis_view() -> AnyView {
    build(|| view! { <KpisView /> }.into_any())
}

#[cfg_attr(feature = "split", lazy)]
async fn matrix_view() -> AnyView {
    build(|| view! { <MatrixView /> }.into_any())
}

#[cfg_attr(feature = "split", lazy)]
async fn values_view() -> AnyView {
    build(|| view! { <ValuesView /> }.into_any())
}

/// The three meeting views (department, chain, MT): one part and one branch of [`ViewPanel`]
/// (they share most of their code); `MeetingsView` switches between them at once.
#[cfg_attr(feature = "split", lazy)]
async fn meeting_view() -> AnyView {
    build(|| view! { <MeetingsView /> }.into_any())
}

#[cfg_attr(feature = "split", lazy)]
async fn health_view() -> AnyView {
    build(|| view! { <HealthView /> }.into_any())
}

/// Fetches the lazy parts without showing them, so a first tab switch does not wait; then
/// marks `<html data-lazy="loaded">` (end-to-end tests wait for it before timing a switch).
async fn prefetch() {
    crate::ui::engine::preload().await;
    #[cfg(feature = "split")]
    {
        __preload_chains_view().await;
        __preload_kpis_view().await;
        __preload_matrix_view().await;
        __preload_values_view().await;
        __preload_meeting_view().await;
        __preload_health_view().await;
        super::__preload_inspector().await;
    }
    crate::ui::print::preload().await;
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-lazy", "loaded");
    }
}

/// The panel of the current view; only that view is mounted.
///
/// Each view is its own branch, so a switch unmounts the old view at once, in the run that
/// disposes it; the new one shows when its part is there (meanwhile the panel is empty). With
/// one type for every lazy view, a switch would *rebuild* the old view's `Suspend`, which
/// keeps the old view on screen, disposed but still taking keys and scrolls, until the new
/// part arrives (a keystroke in a Values cell then read a disposed memo: a panic). The view is
/// a memo: selecting the current tab again keeps the view as it is. The three meeting views
/// are one branch (one part; `ui::views::meeting::MeetingsView` switches between them
/// without a part to wait for), so the panel's name follows the tab itself.
#[component]
pub fn ViewPanel() -> impl IntoView {
    let app = use_app();
    when_idle(prefetch());
    let branch = Memo::new(move |_| match app.view.get() {
        View::DepartmentMeeting | View::MtMeeting => View::Meeting,
        v => v,
    });
    move || {
        let body = match branch.get() {
            View::Structure => EitherOf7::A(view! { <StructureView /> }),
            View::Chains => EitherOf7::B(deferred(chains_view())),
            View::Kpis => EitherOf7::C(deferred(kpis_view())),
            View::Matrix => EitherOf7::D(deferred(matrix_view())),
            View::Values => EitherOf7::E(deferred(values_view())),
            View::DepartmentMeeting | View::Meeting | View::MtMeeting => {
                EitherOf7::F(deferred(meeting_view()))
            }
            View::Health => EitherOf7::G(deferred(health_view())),
        };
        view! {
            <section
                class="view-panel"
                role="tabpanel"
                id=move || format!("panel-{}", slug(app.view.get()))
                aria-labelledby=move || format!("tab-{}", slug(app.view.get()))
            >
                {body}
            </section>
        }
    }
}
