//! The first screen, while no model is open: what the app is for in two sentences and the
//! ways to begin, in the centre: "Start from a template" (the templates with what each
//! holds), "New model", "Import JSON" and "Open folder" (a team's shared folder). The templates and the import (and the import path
//! they pull in) are lazy parts, like the header's.

use leptos::prelude::*;

use super::files::ImportButton;
use super::folder::menu::OpenFolder;
use super::header::NewModelButton;
use super::i18n::{tr, tr_key, T};
use super::split::{after_first_view_or, build};
use super::state::use_app;
use super::templates::TemplateChoices;

/// Lazy: "Import JSON" (the same control as the header's), "Open folder" (the Models panel's)
/// and, while "Start from a template"
/// is pressed, the templates with what each holds; one part, after the first view (it wraps
/// below the buttons: style/shell.css).
#[cfg_attr(feature = "split", lazy)]
async fn start_more(show_models: RwSignal<bool>, open: RwSignal<bool>) -> AnyView {
    build(|| {
        view! {
            <span class="start-import"><ImportButton /></span>
            // A team's shared folder is a way in too; where the Models panel is open, its own
            // "Open folder" is the one (never two on the page).
            <Show when=move || !show_models.get()>
                <span class="start-folder"><OpenFolder /></span>
            </Show>
            <Show when=move || open.get()>
                <TemplateChoices show_models=show_models close=open id="start-templates" />
            </Show>
        }
        .into_any()
    })
}

/// The start screen.
///
/// - `show_models`: the Models panel's switch (choosing a template closes it, as in the header).
#[component]
pub fn StartScreen(show_models: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let templates = RwSignal::new(false);
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{tr_key(app.lang, T::AppName)}</h1>
            <p class="start-lead">
                {tr(app.lang,
                    "Build the KPI structure of an organisation on its customer chains: from a customer's need, through the departments that fulfil it, to the goals it serves.",
                    "Bouw de KPI-structuur van een organisatie op haar klantketens: van de behoefte van een klant, via de afdelingen die haar vervullen, tot de doelen die zij dient.")}
                " "
                {tr(app.lang,
                    "Then steer on it month by month with values, norms and the chain meeting. Everything stays in this browser.",
                    "Stuur er daarna maand na maand op met waarden, normen en het ketenoverleg. Alles blijft in deze browser.")}
            </p>
            <div class="start-actions">
                <button
                    type="button"
                    class="primary"
                    aria-expanded=move || templates.get().to_string()
                    aria-controls="start-templates"
                    on:click=move |_| templates.update(|t| *t = !*t)
                >
                    {tr(app.lang, "Start from a template", "Begin met een sjabloon")}
                </button>
                <NewModelButton show_models=show_models />
                {after_first_view_or(
                    move || start_more(show_models, templates),
                    move || {
                        // Until the part arrives: "Import JSON" drawn, "Open folder" disabled.
                        let lang = app.lang;
                        view! {
                            <span class="start-import">
                                <span class="file-button" aria-hidden="true">
                                    <span>{tr(lang, "Import JSON", "JSON importeren")}</span>
                                </span>
                            </span>
                            {(!show_models.get_untracked()).then(|| view! {
                                <span class="start-folder">
                                    <button type="button" disabled aria-hidden="true">{tr(lang, "Open folder", "Map openen")}</button>
                                </span>
                            })}
                        }
                    },
                )}
            </div>
        </section>
    }
}
