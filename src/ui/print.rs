//! Printing: the whole structure on one page, then one page per customer chain (the chain card
//! for the chain meeting; `present::print`), or from a meeting view its pack
//! (`present::meeting`: a page per chain, a page per department, or the MT meeting's page). The print document is plain HTML built from the model at the
//! `beforeprint` event (synchronously, so Ctrl+P and the Print button both get it) and
//! removed after printing; on screen it is never built.
//!
//! Under the `split` feature the builder is a lazy part, fetched when the browser is idle
//! (with the other parts) or when the Print button or Ctrl+P is used; `beforeprint` builds
//! the document from it synchronously once it is there. Only the listeners are in the first load.

use leptos::prelude::*;

use crate::present::meeting::{department_pack_html, meeting_pack_html, mt_page};
use crate::present::print::print_html;
use crate::ui::split::now_if_ready;
use crate::ui::state::{use_app, App, View};
use crate::ui::views::meeting::today_date;

/// Lazy: the print document's HTML, built from the open model.
#[cfg_attr(feature = "split", lazy)]
async fn print_doc(app: App) -> String {
    print_doc_html(app)
}

/// Fetches the print part (a no-op without the `split` feature).
pub async fn preload() {
    #[cfg(feature = "split")]
    __preload_print_doc().await;
}

fn print_doc_html(app: App) -> String {
    let lang = app.lang.get_untracked();
    let as_of = app.as_of.get_untracked();
    // From a meeting view: its pack; else structure and cards.
    let today = today_date();
    app.doc
        .with_untracked(|m| match app.view.get_untracked() {
            View::Meeting => meeting_pack_html(m, as_of, today, lang),
            View::DepartmentMeeting => department_pack_html(m, as_of, today, lang),
            View::MtMeeting => mt_page(m, as_of, today, lang),
            _ => print_html(m, lang, as_of),
        })
        .unwrap_or_default()
}

/// Fills the print document, if the print part is there (it must be: `beforeprint` cannot wait).
fn fill(app: App) {
    let Some(html) = now_if_ready(print_doc(app)) else {
        return;
    };
    if let Some(el) = document().get_element_by_id("print-doc") {
        el.set_inner_html(&html);
    }
}

fn clear() {
    if let Some(el) = document().get_element_by_id("print-doc") {
        el.set_inner_html("");
    }
}

/// The (empty on screen) container, and the print event listeners.
#[component]
pub fn PrintDocument() -> impl IntoView {
    let app = use_app();
    let before = window_event_listener(
        leptos::ev::Custom::new("beforeprint"),
        move |_: web_sys::Event| fill(app),
    );
    let after = window_event_listener(
        leptos::ev::Custom::new("afterprint"),
        move |_: web_sys::Event| clear(),
    );
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div id="print-doc" class="print-doc" aria-hidden="true"></div> }
}

/// Prints the open model (the same as the browser's Print), once the print part is there.
pub fn print() {
    leptos::task::spawn_local(async {
        preload().await;
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}
