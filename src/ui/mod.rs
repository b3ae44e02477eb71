//! The Leptos views. They read the open model from [`state::App`] and change it only
//! through its methods.

pub mod alerts;
pub mod app;
pub mod copies;
pub mod doc;
pub mod editor;
pub mod engine;
pub mod files;
pub mod folder;
pub mod header;
pub mod i18n;
pub mod identity;
pub mod inspector;
pub mod library;
pub mod modal;
pub mod print;
pub mod split;
pub mod start;
pub mod state;
pub mod templates;
pub mod values_io;
pub mod views;

/// Mounts the app on `<body>` and, in the same task (so no frame shows both), removes the
/// static first screen that `index.html` painted before the wasm arrived. Where that screen is
/// there, the app mounts after the next frame, so the browser has painted it at least once (it
/// is the page's largest paint, as early as the style sheets allow).
pub fn mount() {
    console_error_panic_hook::set_once();
    if leptos::prelude::document()
        .get_element_by_id("boot-shell")
        .is_some()
    {
        leptos::prelude::request_animation_frame(|| {
            leptos::prelude::set_timeout(mount_now, std::time::Duration::ZERO)
        });
    } else {
        mount_now();
    }
}

fn mount_now() {
    leptos::mount::mount_to_body(app::Root);
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot-shell") {
        shell.remove();
    }
}
