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

/// Mounts the app on `<body>` and takes the place of the static first screen that
/// `index.html` painted before the wasm arrived, part by part, each in the task that builds the
/// app's own (so no frame shows both, and nothing moves). Where that screen is there, the app
/// mounts after the next frame, so the browser has painted it at least once (it is the page's
/// largest paint, as early as the style sheets allow).
///
/// Three tasks: the app's state (storage read, the stored model opened); the header, alerts
/// and dialogs; the workspace. Most of each is the browser compiling the wasm functions it runs
/// for the first time: in one task they blocked input for ~250 ms on a slow phone
/// (Lighthouse's 4x CPU; issue 24).
pub fn mount() {
    console_error_panic_hook::set_once();
    // A library with models stored by the first format version is brought up to date first,
    // by a part of its own (the reader of version 1's norm texts is not in the first load).
    let older = crate::storage::local::LocalStore::for_reading()
        .and_then(|store| crate::storage::library::older_entries(&store).ok())
        .unwrap_or_default();
    if !older.is_empty() {
        wasm_bindgen_futures::spawn_local(async move {
            upgrade_older(older).await;
            mount_now();
        });
    } else if boot_shell().is_some() {
        split::after_paint(mount_now);
    } else {
        mount_now();
    }
}

/// Lazy: upgrades the stored models of format version 1 in place (see
/// [`crate::storage::library::upgrade_older`]); a model that does not convert stays as it was,
/// one that does not fit is read upgraded until it is saved.
#[cfg_attr(feature = "split", leptos::prelude::lazy)]
async fn upgrade_older(keys: Vec<String>) {
    let mut store = crate::storage::local::Backend::open();
    for unwritten in crate::storage::library::upgrade_older(&mut store, &keys) {
        crate::storage::local::read_instead(unwritten);
    }
}

/// Task 1: the app's state, in an owner that lives as long as the page (never dropped: its
/// signals are the app's).
fn mount_now() {
    // Mounting sets up Leptos's executor; the app's state spawns tasks before that (opening a
    // model with changes that wait for the edit engine).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    let app = owner.with(app::provide_app);
    split::next_task(move || mount_shell(owner, app));
}

/// Task 2: the header, alerts and dialogs in place of the static header; the static start
/// screen moves after them until the workspace is built.
fn mount_shell(owner: leptos::prelude::Owner, app: state::App) {
    let workspace = leptos::prelude::RwSignal::new(false);
    owner.with(|| {
        leptos::mount::mount_to_body(move || {
            app::Shell(app::ShellProps {
                app,
                workspace: workspace.into(),
            })
        })
    });
    if let Some(shell) = boot_shell() {
        if let Some(header) = shell.query_selector("header").ok().flatten() {
            header.remove();
        }
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.append_child(&shell);
        }
    }
    split::next_task(move || {
        // Task 3: the workspace, built before this task ends (the signal's effects run in its
        // microtasks), so the static start screen can go now.
        leptos::prelude::Set::set(&workspace, true);
        if let Some(shell) = boot_shell() {
            shell.remove();
        }
        std::mem::forget(owner);
    });
}

/// The static first screen of `index.html`, while it is there.
fn boot_shell() -> Option<web_sys::Element> {
    leptos::prelude::document().get_element_by_id("boot-shell")
}
