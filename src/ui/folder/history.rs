//! "Value history" in a KPI's inspector: who changed its values in the shared folder, when,
//! old → new (newest first). Shown only while the open model is in a folder.

use leptos::prelude::*;

use super::{local_time, use_folder, Status};
use crate::model::changes::value_history;
use crate::model::Id;
use crate::present::team::value_history_lines;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// The list "Value history" of KPI `id`.
#[component]
pub fn ValueHistory(id: Id) -> impl IntoView {
    let app = use_app();
    let Some(ctx) = use_folder() else {
        return ().into_any();
    };
    let unit = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| r.kpi(&id).map(|k| k.unit.clone()))
                .flatten()
                .unwrap_or_default()
        })
    };
    let lines = Memo::new(move |_| {
        let lang = app.lang.get();
        ctx.files.with(|files| {
            let history = value_history(files, &id);
            unit.with(|u| value_history_lines(&history, u, lang, local_time))
        })
    });
    let shown = move || ctx.status.with(|s| *s != Status::Off);
    view! {
        <Show when=shown>
            <section class="value-history">
                <h3 id="value-history-title" class="field-label">
                    {tr(app.lang, "Value history", "Waardegeschiedenis")}
                </h3>
                <p class="field-hint">
                    {tr(
                        app.lang,
                        "Names are self-declared (“Your name”), not a login.",
                        "Namen zijn zelf opgegeven (“Jouw naam”), geen login.",
                    )}
                </p>
                <Show when=move || lines.with(|l| l.is_empty())>
                    <p class="muted small">
                        {tr(app.lang, "No values entered in the folder yet.", "Nog geen waarden ingevoerd in de map.")}
                    </p>
                </Show>
                <ul aria-label=tr(app.lang, "Value history", "Waardegeschiedenis")>
                    <For each=move || lines.get() key=|l| l.clone() let:line>
                        <li>{line}</li>
                    </For>
                </ul>
            </section>
        </Show>
    }
    .into_any()
}
