//! The frame of the Compare and History dialogs: the app's modal (`ui::modal`) with a heading
//! and Close.

use leptos::prelude::*;

use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// A Compare or History dialog labelled by its heading; Close and Escape close it.
#[component]
pub fn CopiesModal(
    /// The heading, also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The element id of the heading (unique per dialog).
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let close = Callback::new(move |()| app.copies.set(None));
    view! {
        <crate::ui::modal::Modal labelled_by=id class="copies-dialog" on_close=close>
            <div class="copies-head">
                <h2 id=id>{move || title.get()}</h2>
                <button type="button" class="quiet" on:click=move |_| close.run(())>
                    {tr(app.lang, "Close", "Sluiten")}
                </button>
            </div>
            {children()}
        </crate::ui::modal::Modal>
    }
}
