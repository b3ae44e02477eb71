//! The loop that keeps the open model and its folder in step. One tick: read the folder,
//! append this person's new changes (`diff` of what they saw and their model now) to their
//! own file, read again, merge everyone's files, and take the merge in place (as another
//! tab's save: views update, the selection and what one types stay). A tick runs every
//! [`CHECK_EVERY`], when the window gets focus, and a moment after edits settle. Before every
//! write the folder is read, so nothing written by others is ever overwritten (and only this
//! person's own file is ever written).

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{local_time, set_status, use_folder, FolderCtx, Status};
use crate::format::{
    changes_file_name, changes_to_json, export_json, read_folder, Folder, ImportErrors, BASE_FILE,
    CHANGES_DIR,
};
use crate::model::changes::{diff, Merged};
use crate::model::flat::flatten;
use crate::model::{Id, Lang, Model};
use crate::present::team::{folder_notices, writers_line};
use crate::storage::folder_fs::{self as fs, Dir, FolderError};
use crate::ui::identity::{ask_your_name, your_name};
use crate::ui::state::App;

/// How often the folder is read while the app is open.
pub const CHECK_EVERY: Duration = Duration::from_secs(15);
/// How long after edits settle this person's changes are written.
const WRITE_AFTER: Duration = Duration::from_millis(1500);

/// The open model's folder.
struct Link {
    model: Id,
    /// `None`: read only (the files came from a folder input).
    dir: Option<Dir>,
    name: String,
    /// The folder's files as last read (read only: as given).
    files: Vec<(String, String)>,
    /// The model as the folder knows it from this person: the last merge taken in, plus the
    /// changes written since. `diff(seen, model now)` is what is not written yet.
    seen: Model,
}

thread_local! {
    static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// The open folder's watcher, where the browser has one.
    static WATCH: RefCell<Option<fs::Watch>> = const { RefCell::new(None) };
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

fn say(app: App, en: &str, nl: &str) {
    let lang = app.lang.get_untracked();
    app.error.set(Some(lang.pick(en, nl).to_string()));
}

fn fs_error(app: App, e: &FolderError) {
    match e {
        FolderError::Cancelled => {}
        FolderError::Unsupported => say(
            app,
            "This browser cannot open folders for writing. Use “Open folder” to read one.",
            "Deze browser kan geen mappen openen om in te schrijven. Gebruik “Map openen” om er een te lezen.",
        ),
        FolderError::Refused | FolderError::NeedsPermission => say(
            app,
            "The browser did not allow access to the folder. Your model stays in this browser; nothing is lost.",
            "De browser gaf geen toegang tot de map. Je model blijft in deze browser; er gaat niets verloren.",
        ),
        FolderError::Other(msg) => {
            let lang = app.lang.get_untracked();
            app.error.set(Some(format!(
                "{} {msg}",
                lang.pick(
                    "The folder could not be read or written; your model stays in this browser:",
                    "De map kon niet worden gelezen of beschreven; je model blijft in deze browser:"
                )
            )))
        }
    }
}

fn open_model_id(app: App) -> Option<Id> {
    app.doc.with_untracked(|m| m.id.clone())
}

/// Shows what a merge says: who writes, when read, the notices, the histories' data.
fn show(ctx: FolderCtx, folder: &Folder, merged: &Merged, lang: Lang) {
    ctx.files.set(folder.files.clone());
    ctx.stamps.set(merged.last.clone());
    let when = local_time(&now_iso());
    ctx.summary.set(format!(
        "{} · {} {}",
        writers_line(merged, lang),
        lang.pick("read", "gelezen"),
        when.get(11..).unwrap_or(&when)
    ));
    ctx.notices.set(folder_notices(folder, merged, lang));
}

/// Opens the merged folder as the open model: the stored model of that id if this browser
/// has one (the merge taken in), else a new one with the folder's id.
fn open_merged(app: App, model: Model) {
    let stored = app
        .listing
        .with_untracked(|l| l.models.iter().any(|s| s.id == model.id));
    if stored {
        if open_model_id(app).as_ref() != Some(&model.id) {
            app.open(&model.id);
        }
        app.take_in(model);
    } else {
        app.import_model(model, true);
        // Stored at once, not after the next frame: the loop's next round looks the model up
        // in the list of stored models, and must find it there.
        app.flush();
    }
}

/// Starts the loop's clock: a tick every [`CHECK_EVERY`] and on window focus (once per page),
/// and one a moment after edits settle (an effect of the calling component).
pub fn start(app: App) {
    if !STARTED.with(|s| s.replace(true)) {
        let _ = set_interval_with_handle(move || soon(app, Duration::ZERO), CHECK_EVERY);
        let focus = window_event_listener(leptos::ev::focus, move |_| soon(app, Duration::ZERO));
        std::mem::forget(focus);
    }
    Effect::new(move |_| {
        app.doc.with_settled(|_| ());
        soon(app, WRITE_AFTER);
    });
}

/// Runs a tick after `delay` (at once if zero).
fn soon(app: App, delay: Duration) {
    if LINK.with(|l| l.borrow().is_none()) {
        return;
    }
    set_timeout(move || spawn_local(tick(app)), delay);
}

/// "Save to folder": the open model becomes the base of a folder the user picks.
pub fn save_to_folder(app: App) {
    ask_your_name(move |_| spawn_local(save_to(app)));
}

async fn save_to(app: App) {
    let dir = match fs::pick().await {
        Ok(d) => d,
        Err(e) => return fs_error(app, &e),
    };
    let Some(model) = app.doc.with_untracked(Model::clone) else {
        return;
    };
    let texts = match fs::read_all(&dir).await {
        Ok(t) => t,
        Err(e) => return fs_error(app, &e),
    };
    if let Ok(folder) = read_folder(&texts) {
        if folder.base.id != model.id {
            let lang = app.lang.get_untracked();
            app.error.set(Some(match lang {
                Lang::En => format!("The folder “{}” already holds the model “{}”. Choose an empty folder, or open this one with “Open folder”.", dir.name(), folder.base.name),
                Lang::Nl => format!("De map “{}” bevat al het model “{}”. Kies een lege map, of open deze met “Map openen”.", dir.name(), folder.base.name),
            }));
            return;
        }
    } else if let Err(e) = fs::write(&dir, BASE_FILE, &export_json(&model)).await {
        return fs_error(app, &e);
    }
    connect(app, model.id.clone(), Some(dir), Vec::new(), model).await;
    tick(app).await;
}

/// "Open folder" (File System Access API): the folder's model, merged, becomes the open model.
pub fn open_folder(app: App) {
    ask_your_name(move |_| spawn_local(open_picked(app)));
}

async fn open_picked(app: App) {
    let dir = match fs::pick().await {
        Ok(d) => d,
        Err(e) => return fs_error(app, &e),
    };
    let texts = match fs::read_all(&dir).await {
        Ok(t) => t,
        Err(e) => return fs_error(app, &e),
    };
    open_files(app, Some(dir), texts).await;
}

/// "Open folder" where folders cannot be written: the files of a folder input, read only.
pub fn open_folder_files(app: App, folder: String, files: Vec<(String, String)>) {
    ask_your_name(move |_| {
        spawn_local(async move {
            LINK.with(|l| *l.borrow_mut() = None);
            open_files(app, None, files).await;
            if let Some(ctx) = use_folder() {
                set_status(ctx, Status::ReadOnly(folder));
            }
        })
    });
}

async fn open_files(app: App, dir: Option<Dir>, texts: Vec<(String, String)>) {
    let folder = match read_folder(&texts) {
        Ok(f) => f,
        Err(errors) => return folder_errors(app, errors),
    };
    let name = your_name().get_untracked();
    if let Some(other) = folder.name_taken(&name) {
        let lang = app.lang.get_untracked();
        app.error.set(Some(match lang {
            Lang::En => format!("“{other}” already writes the file for the name “{name}” in this folder. Choose another name (Your name) and open the folder again."),
            Lang::Nl => format!("“{other}” schrijft in deze map al het bestand voor de naam “{name}”. Kies een andere naam (Jouw naam) en open de map opnieuw."),
        }));
        return;
    }
    let merged = folder.merge();
    let id = folder.base.id.clone();
    open_merged(app, merged.model.clone());
    if let Some(ctx) = use_folder() {
        show(ctx, &folder, &merged, app.lang.get_untracked());
    }
    connect(app, id, dir, texts, merged.model).await;
}

fn folder_errors(app: App, errors: ImportErrors) {
    app.import_errors.set(Some(errors));
}

/// Makes `dir` the open model's folder (kept for the next visit) and starts the loop.
async fn connect(app: App, model: Id, dir: Option<Dir>, files: Vec<(String, String)>, seen: Model) {
    let name = dir.as_ref().map(Dir::name).unwrap_or_default();
    let kept = dir.clone();
    let writable = dir.is_some();
    LINK.with(|l| {
        *l.borrow_mut() = Some(Link {
            model: model.clone(),
            dir,
            name: name.clone(),
            files,
            seen,
        })
    });
    if let Some(ctx) = use_folder() {
        if writable {
            set_status(ctx, Status::Connected(name));
        }
    }
    if let Some(d) = &kept {
        let watch = fs::watch(d, move || soon(app, Duration::from_millis(300))).await;
        WATCH.with(|w| *w.borrow_mut() = watch);
        if fs::keep(model.as_str(), d).await.is_err() {
            say(
                app,
                "The browser could not keep this folder for your next visit: open it again with “Open folder” then. Nothing is lost.",
                "De browser kon deze map niet onthouden voor je volgende bezoek: open hem dan opnieuw met “Map openen”. Er gaat niets verloren.",
            );
        }
    }
}

/// On opening a model (and on "Reconnect folder", `ask`): its kept folder, if any, is
/// reconnected when the browser still allows it; otherwise "Reconnect folder" shows.
pub async fn reconnect(app: App, ask: bool) {
    let Some(ctx) = use_folder() else { return };
    let Some(id) = open_model_id(app) else {
        set_status(ctx, Status::Off);
        return;
    };
    if LINK.with(|l| l.borrow().as_ref().is_some_and(|l| l.model == id)) && !ask {
        return;
    }
    let dir = fs::kept(id.as_str()).await;
    // Opened or saved to a folder meanwhile: that link stands.
    if LINK.with(|l| l.borrow().as_ref().is_some_and(|l| l.model == id)) && !ask {
        return;
    }
    let dir = match dir {
        Ok(Some(d)) => d,
        _ => {
            LINK.with(|l| *l.borrow_mut() = None);
            set_status(ctx, Status::Off);
            return;
        }
    };
    match fs::permission(&dir, ask).await {
        Ok(()) => {
            let seen = app.doc.with_untracked(Model::clone);
            if let Some(seen) = seen {
                connect(app, id, Some(dir), Vec::new(), seen).await;
                tick(app).await;
            }
        }
        Err(FolderError::NeedsPermission) => set_status(ctx, Status::NeedsPermission(dir.name())),
        Err(e) => {
            set_status(ctx, Status::NeedsPermission(dir.name()));
            if ask {
                fs_error(app, &e);
            }
        }
    }
}

/// One step of the loop (see the module doc). Never two at once: a tick asked for while
/// one runs runs after it.
pub async fn tick(app: App) {
    if BUSY.with(|b| b.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    let result = step(app).await;
    BUSY.with(|b| b.set(false));
    if let Err(e) = result {
        if let Some(ctx) = use_folder() {
            let name = LINK.with(|l| l.borrow().as_ref().map(|l| l.name.clone()));
            match e {
                FolderError::NeedsPermission => {
                    set_status(ctx, Status::NeedsPermission(name.unwrap_or_default()))
                }
                // Writing refused (a policy): read only from now on, "Download my changes".
                FolderError::Refused => {
                    LINK.with(|l| {
                        if let Some(l) = l.borrow_mut().as_mut() {
                            l.dir = None;
                        }
                    });
                    set_status(ctx, Status::ReadOnly(name.unwrap_or_default()));
                }
                other => fs_error(app, &other),
            }
        }
    }
    if AGAIN.with(|a| a.replace(false)) {
        soon(app, Duration::from_millis(200));
    }
}

async fn step(app: App) -> Result<(), FolderError> {
    let Some((model, dir, seen)) = LINK.with(|l| {
        l.borrow()
            .as_ref()
            .map(|l| (l.model.clone(), l.dir.clone(), l.seen.clone()))
    }) else {
        return Ok(());
    };
    // Another model was opened: its own folder, if it has one.
    if open_model_id(app).as_ref() != Some(&model) {
        LINK.with(|l| *l.borrow_mut() = None);
        if let Some(ctx) = use_folder() {
            set_status(ctx, Status::Off);
        }
        spawn_local(reconnect(app, false));
        return Ok(());
    }
    let Some(dir) = dir else {
        return Ok(()); // read only: "Download my changes" writes nothing here
    };
    let name = your_name().get_untracked();
    let texts = fs::read_all(&dir).await?;
    let Ok(folder) = read_folder(&texts) else {
        return Ok(()); // the base is gone or broken: keep working locally, read again later
    };
    let Some(local) = app.doc.with_untracked(Model::clone) else {
        return Ok(());
    };
    let new = diff(&seen, &local, &now_iso());
    let (folder, texts) = if new.is_empty() {
        (folder, texts)
    } else {
        let mut mine = folder.mine(&name);
        mine.changes.extend(new);
        let path = format!("{CHANGES_DIR}/{}", changes_file_name(&name));
        fs::write(&dir, &path, &changes_to_json(&mine)).await?;
        LINK.with(|l| {
            if let Some(l) = l.borrow_mut().as_mut() {
                l.seen = local.clone();
            }
        });
        let texts = fs::read_all(&dir).await?;
        match read_folder(&texts) {
            Ok(f) => (f, texts),
            Err(_) => return Ok(()),
        }
    };
    let merged = folder.merge();
    if let Some(ctx) = use_folder() {
        show(ctx, &folder, &merged, app.lang.get_untracked());
    }
    // Take the merge in only if nothing was typed while the folder was read (else the next
    // tick writes that first).
    let now = app.doc.with_untracked(Model::clone);
    let untouched = now.as_ref().is_some_and(|n| flatten(n) == flatten(&local));
    LINK.with(|l| {
        if let Some(l) = l.borrow_mut().as_mut() {
            l.files = texts;
            if untouched {
                l.seen = merged.model.clone();
            }
        }
    });
    if untouched {
        app.take_in(merged.model);
    } else {
        AGAIN.with(|a| a.set(true));
    }
    Ok(())
}

/// "Download my changes": this person's file for the folder (their changes so far and the
/// ones not written yet), to put in the folder's `changes/`.
pub fn download_my_changes(app: App) {
    ask_your_name(move |name| {
        let Some((texts, seen)) = LINK.with(|l| {
            l.borrow()
                .as_ref()
                .map(|l| (l.files.clone(), l.seen.clone()))
        }) else {
            return;
        };
        let Ok(folder) = read_folder(&texts) else {
            return;
        };
        let Some(local) = app.doc.with_untracked(Model::clone) else {
            return;
        };
        let mut mine = folder.mine(&name);
        mine.changes.extend(diff(&seen, &local, &now_iso()));
        crate::ui::files::offer_download(
            app,
            &changes_file_name(&name),
            &changes_to_json(&mine),
            "application/json",
        );
    });
}
