//! The "Templates" menu: the example models shipped in `public/templates/` (file format),
//! in the UI language. Choosing one fetches it (relative URL, so any sub-path works),
//! imports it and opens it as a new model.

use leptos::prelude::*;

use crate::ui::i18n::tr;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format::import_json;
use crate::model::Lang;
use crate::ui::state::{fresh_id, now, use_app, App};

/// (file stem, English name, Dutch name).
pub const TEMPLATES: [(&str, &str, &str); 4] = [
    ("coffee-machines", "Coffee machines", "Koffiemachines"),
    ("order-to-cash", "Order to cash", "Order to cash"),
    ("source-to-pay", "Source to pay", "Source to pay"),
    (
        "issue-to-resolution",
        "Issue to resolution",
        "Issue to resolution",
    ),
];

pub fn template_url(stem: &str, lang: Lang) -> String {
    format!("templates/{stem}.{}.kpi.json", lang.code())
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|e| format!("{e:?}"))?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Fetches a template and opens it as a new model.
pub async fn open_template(app: App, stem: &'static str) {
    let lang = app.lang.get_untracked();
    let failed = |detail: String| {
        app.error.set(Some(format!(
            "{} ({detail})",
            lang.pick(
                "The template could not be opened",
                "Het sjabloon kon niet worden geopend"
            )
        )))
    };
    match fetch_text(&template_url(stem, lang)).await {
        Ok(text) => match import_json(&text) {
            Ok(imported) => {
                let mut model = imported.model;
                model.id = fresh_id('m');
                model.created = now();
                app.open_new(model);
            }
            Err(e) => failed(e.messages(lang).join("; ")),
        },
        Err(e) => failed(e),
    }
}

#[component]
pub fn TemplatesMenu(show_models: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    view! {
        <div
            class="menu"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <button
                type="button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // Keyboard users land on the first template.
                    request_animation_frame(|| {
                        let first = document()
                            .query_selector(".menu-panel button")
                            .ok()
                            .flatten()
                            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                        if let Some(b) = first {
                            let _ = b.focus();
                        }
                    });
                }
            >
                {tr(app.lang, "Templates", "Sjablonen")}
            </button>
            <Show when=move || open.get()>
                <div class="menu-panel" role="group" aria-label=tr(app.lang, "Templates", "Sjablonen")>
                    {TEMPLATES
                        .into_iter()
                        .map(|(stem, en, nl)| {
                            view! {
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        open.set(false);
                                        show_models.set(false);
                                        leptos::task::spawn_local(open_template(app, stem));
                                    }
                                >
                                    {tr(app.lang, en, nl)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </Show>
        </div>
    }
}
