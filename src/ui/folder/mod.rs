//! A team on one model through a shared folder (issue 21): "Open folder", "Save to folder",
//! "Reconnect folder", and where folders cannot be written a read-only folder input and
//! "Download my changes". The layout of the folder is `docs/FORMAT.md` ("Shared folder");
//! reading and merging it is pure (`format::read_folder`, `model::changes`), the files are
//! `storage::folder_fs`, and the loop that keeps the open model and the folder in step is
//! [`sync`].
//!
//! [`FolderCtx`] is provided at the root (small: signals only), so the inspector's "Value
//! history" and the Values grid's titles read it; the buttons and the loop are in the lazy
//! part of the header's file menus.

pub mod history;
pub mod menu;
pub mod sync;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::model::changes::{ChangeFile, Stamp};
use crate::model::{Id, Lang, Period};
use crate::present::team::entered_by;

/// Where the open model's folder stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    /// The open model is not in a folder.
    #[default]
    Off,
    /// Read and written: the folder's name.
    Connected(String),
    /// The browser needs the user's permission again ("Reconnect folder").
    NeedsPermission(String),
    /// Read only (no File System Access API, or writing refused): "Download my changes".
    ReadOnly(String),
}

/// The shared folder as the views see it.
#[derive(Clone, Copy)]
pub struct FolderCtx {
    pub status: RwSignal<Status>,
    /// Everyone's change files as last read (the histories).
    pub files: RwSignal<Vec<ChangeFile>>,
    /// Who set each changed key last, by flat key (the Values grid's titles).
    pub stamps: RwSignal<BTreeMap<String, Stamp>>,
    /// "Changes by Anna, Ben" and when the folder was last read.
    pub summary: RwSignal<String>,
    /// Copies merged, files not read, changes overwritten unseen.
    pub notices: RwSignal<Vec<String>>,
}

impl FolderCtx {
    fn new() -> FolderCtx {
        FolderCtx {
            status: RwSignal::new(Status::Off),
            files: RwSignal::new(Vec::new()),
            stamps: RwSignal::new(BTreeMap::new()),
            summary: RwSignal::new(String::new()),
            notices: RwSignal::new(Vec::new()),
        }
    }
}

thread_local! {
    /// The same handles, for the loop's async tasks and timers (no reactive owner there).
    static FOLDER: std::cell::Cell<Option<FolderCtx>> = const { std::cell::Cell::new(None) };
}

/// Provides the folder context (once, at the root).
pub fn provide_folder() {
    let ctx = FolderCtx::new();
    provide_context(ctx);
    FOLDER.with(|f| f.set(Some(ctx)));
}

/// The folder context, if provided.
pub fn use_folder() -> Option<FolderCtx> {
    use_context::<FolderCtx>().or_else(|| FOLDER.with(std::cell::Cell::get))
}

/// Sets the folder's status only when it changes (a control showing it is not redrawn, so a
/// click on it is never lost).
pub fn set_status(ctx: FolderCtx, status: Status) {
    if ctx.status.with_untracked(|s| *s != status) {
        ctx.status.set(status);
    }
}

/// An ISO time (`2026-12-04T10:15:00.000Z`) as local `2026-12-04 11:15`.
pub fn local_time(at: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(at));
    if d.get_time().is_nan() {
        return at.to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Who entered KPI `kpi`'s value for `period` in the folder (a cell's title), if someone did.
pub fn value_entered_by(kpi: &Id, period: Period, lang: Lang) -> Option<String> {
    let ctx = use_folder()?;
    let key = format!("kpi/{}/value/{period}", crate::model::flat::esc(kpi));
    ctx.stamps
        .with(|s| s.get(&key).map(|s| entered_by(s, lang, local_time)))
}
