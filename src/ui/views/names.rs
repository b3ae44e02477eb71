//! An element's shown name (a placeholder when empty), kept live by depending on that
//! element's fields only.

use leptos::prelude::*;

use crate::model::Target;
use crate::present::chains::read_name_of;
use crate::ui::state::App;

/// The shown name of an element, depending on that element's fields only: typing in one
/// name re-runs only the texts that show it.
pub(crate) fn live_name(app: App, target: Target) -> impl Fn() -> String + Clone + 'static {
    move || {
        let lang = app.lang.get();
        app.doc
            .read(|r| read_name_of(r, &target, lang))
            .unwrap_or_default()
    }
}
