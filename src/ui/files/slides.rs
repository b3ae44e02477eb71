//! "Export slides": the deck of [`crate::present::slides`] downloaded as `<model name>.pptx`,
//! in the UI language, as of the "As of" month. The deck's code and the zip writer are a lazy
//! part (`split` feature), fetched on the first click, so they are not in the first load.

use leptos::prelude::*;

use crate::format::slides::PPTX_MIME;
use crate::present::slides::{slides, slides_file_name};
use crate::ui::state::App;
use crate::ui::views::meeting::today_date;

use super::offer_download_bytes;

/// Lazy: builds the deck of the open model and offers it as a download.
#[cfg_attr(feature = "split", lazy)]
async fn export_slides_file(app: App) {
    let lang = app.lang.get_untracked();
    let as_of = app.as_of.get_untracked();
    let today = today_date();
    let Some((name, deck)) = app
        .doc
        .with_untracked(|m| (slides_file_name(m), slides(m, as_of, today, lang)))
    else {
        return;
    };
    match deck {
        Ok(bytes) => offer_download_bytes(app, &name, &bytes, PPTX_MIME),
        Err(e) => app.error.set(Some(e.message(lang).to_string())),
    }
}

/// "Export slides": fetches the part if needed, then downloads the slides.
pub fn export_slides_now(app: App) {
    leptos::task::spawn_local(export_slides_file(app));
}
