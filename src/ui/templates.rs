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

/// What each template holds, in one line (English, Dutch), in [`TEMPLATES`] order.
pub const DESCRIPTIONS: [(&str, &str); 4] = [
    (
        "Three customer chains of a coffee machine supplier: a new machine, beans and ingredients, breakdown repair.",
        "Drie klantketens van een leverancier van koffiemachines: een nieuwe machine, bonen en ingrediënten, storingsherstel.",
    ),
    (
        "A wholesaler's chain from a customer's order to the payment received, and complaints and returns.",
        "De keten van een groothandel van de order van een klant tot de ontvangen betaling, en klachten en retouren.",
    ),
    (
        "A manufacturer's chain from demand planning and purchasing to the supplier paid, and a new supplier.",
        "De keten van een producent van vraagplanning en inkoop tot de betaalde leverancier, en een nieuwe leverancier.",
    ),
    (
        "A software company's customer issues resolved across departments, and a service outage.",
        "Klantvragen van een softwarebedrijf, over afdelingen heen opgelost, en een storing.",
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

/// The templates as buttons named after them, each with what it holds (its description, in
/// `aria-describedby`); choosing one closes `close` and the Models panel and opens it.
///
/// - `show_models`: the Models panel's switch.
/// - `close`: set to false on a choice (the menu or list this sits in).
/// - `id`: the list's id (and the prefix of its descriptions' ids).
#[component]
pub fn TemplateChoices(
    show_models: RwSignal<bool>,
    close: RwSignal<bool>,
    id: &'static str,
) -> impl IntoView {
    let app = use_app();
    view! {
        <ul class="template-list" id=id aria-label=tr(app.lang, "Templates", "Sjablonen")>
            {TEMPLATES
                .into_iter()
                .zip(DESCRIPTIONS)
                .map(|((stem, en, nl), (den, dnl))| {
                    let desc = format!("{id}-{stem}");
                    view! {
                        <li>
                            <button
                                type="button"
                                aria-describedby=desc.clone()
                                on:click=move |_| {
                                    close.set(false);
                                    show_models.set(false);
                                    leptos::task::spawn_local(open_template(app, stem));
                                }
                            >
                                {tr(app.lang, en, nl)}
                            </button>
                            <span class="template-desc" id=desc>{tr(app.lang, den, dnl)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
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
                <div class="menu-panel">
                    <TemplateChoices show_models=show_models close=open id="menu-templates" />
                </div>
            </Show>
        </div>
    }
}
