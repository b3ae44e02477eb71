//! A folder on the user's disk (the File System Access API, Chromium desktop) and the one
//! place its handle is kept between visits (IndexedDB: a handle cannot go in localStorage).
//! Only reading and writing files here; what the files mean is `format::folder`, merging
//! them `model::changes`. Every call returns a [`FolderError`], never panics: a browser
//! without the API, a refused permission or a blocked IndexedDB is a value the UI words.

use js_sys::{AsyncIterator, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemWritableFileStream, IdbDatabase, IdbOpenDbRequest,
    IdbRequest, IdbTransactionMode,
};

use crate::format::CHANGES_DIR;

/// What went wrong with a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderError {
    /// This browser cannot open folders for writing (no `showDirectoryPicker`).
    Unsupported,
    /// The user closed the picker.
    Cancelled,
    /// The browser needs the user's permission again (after a reload: "Reconnect folder").
    NeedsPermission,
    /// The user or a policy refused access.
    Refused,
    /// Anything else, with the browser's words.
    Other(String),
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = window, js_name = showDirectoryPicker)]
    async fn show_directory_picker(options: &JsValue) -> Result<JsValue, JsValue>;

    /// A file system handle, for its permission methods (not in web-sys's stable API).
    type Permissions;

    #[wasm_bindgen(method, catch, js_name = queryPermission)]
    async fn query_permission(this: &Permissions, descriptor: &JsValue)
        -> Result<JsValue, JsValue>;

    /// `FileSystemObserver` (Chromium): calls back when files under a handle change.
    #[wasm_bindgen(js_name = FileSystemObserver)]
    type Observer;

    #[wasm_bindgen(constructor, catch, js_class = "FileSystemObserver")]
    fn new(callback: &js_sys::Function) -> Result<Observer, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "FileSystemObserver")]
    async fn observe(
        this: &Observer,
        handle: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_class = "FileSystemObserver")]
    fn disconnect(this: &Observer);

    #[wasm_bindgen(method, catch, js_name = requestPermission)]
    async fn request_permission(
        this: &Permissions,
        descriptor: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// A folder the user picked.
#[derive(Clone, Debug)]
pub struct Dir(FileSystemDirectoryHandle);

impl Dir {
    /// The folder's name as the user sees it.
    pub fn name(&self) -> String {
        self.0.name()
    }
}

/// One file read: its path in the folder (`changes/ben.kpi-changes.json`) and its text.
pub type ReadFile = (String, String);

/// True when this browser can open a folder for writing.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::get(&w, &JsValue::from_str("showDirectoryPicker")).is_ok_and(|f| f.is_function())
    })
}

fn error(e: JsValue) -> FolderError {
    let name = Reflect::get(&e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "AbortError" => FolderError::Cancelled,
        "NotAllowedError" | "SecurityError" => FolderError::Refused,
        _ => FolderError::Other(
            Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}")),
        ),
    }
}

fn readwrite() -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"mode".into(), &"readwrite".into());
    o.into()
}

/// Asks the user for a folder (read and write).
pub async fn pick() -> Result<Dir, FolderError> {
    if !supported() {
        return Err(FolderError::Unsupported);
    }
    let options = readwrite();
    let _ = Reflect::set(&options, &"id".into(), &"kpi-structure".into());
    let handle = show_directory_picker(&options).await.map_err(error)?;
    Ok(Dir(handle.unchecked_into()))
}

/// Whether the folder may be read and written now; with `ask`, asks the user (only from a
/// click: browsers require a user gesture).
pub async fn permission(dir: &Dir, ask: bool) -> Result<(), FolderError> {
    let handle: &Permissions = dir.0.unchecked_ref();
    let state = if ask {
        handle.request_permission(&readwrite()).await
    } else {
        handle.query_permission(&readwrite()).await
    };
    match state.map_err(error)?.as_string().as_deref() {
        Some("granted") => Ok(()),
        Some("denied") if ask => Err(FolderError::Refused),
        _ => Err(FolderError::NeedsPermission),
    }
}

async fn each_file(
    dir: &FileSystemDirectoryHandle,
    prefix: &str,
    out: &mut Vec<ReadFile>,
) -> Result<(), FolderError> {
    let iter: AsyncIterator = dir.values();
    loop {
        let next = JsFuture::from(iter.next().map_err(error)?)
            .await
            .map_err(error)?;
        if Reflect::get(&next, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return Ok(());
        }
        let handle = Reflect::get(&next, &"value".into()).map_err(error)?;
        if Reflect::get(&handle, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .as_deref()
            != Some("file")
        {
            continue;
        }
        let handle: FileSystemFileHandle = handle.unchecked_into();
        let file: web_sys::File = JsFuture::from(handle.get_file())
            .await
            .map_err(error)?
            .unchecked_into();
        let text = JsFuture::from(file.text()).await.map_err(error)?;
        out.push((
            format!("{prefix}{}", file.name()),
            text.as_string().unwrap_or_default(),
        ));
    }
}

/// Reads the folder's top-level files and those of `changes/` (none if it has none).
pub async fn read_all(dir: &Dir) -> Result<Vec<ReadFile>, FolderError> {
    let mut out = Vec::new();
    each_file(&dir.0, "", &mut out).await?;
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(false);
    match JsFuture::from(
        dir.0
            .get_directory_handle_with_options(CHANGES_DIR, &options),
    )
    .await
    {
        Ok(sub) => {
            let sub: FileSystemDirectoryHandle = sub.unchecked_into();
            each_file(&sub, &format!("{CHANGES_DIR}/"), &mut out).await?;
        }
        Err(e) if error(e.clone()) == FolderError::Refused => return Err(error(e)),
        Err(_) => {}
    }
    Ok(out)
}

/// Writes `text` to `path` (a top-level name, or `changes/<name>`), replacing the file: only
/// ever a file this person alone writes.
pub async fn write(dir: &Dir, path: &str, text: &str) -> Result<(), FolderError> {
    let (parent, name) = match path.split_once('/') {
        Some((sub, name)) => {
            let options = FileSystemGetDirectoryOptions::new();
            options.set_create(true);
            let sub = JsFuture::from(dir.0.get_directory_handle_with_options(sub, &options))
                .await
                .map_err(error)?;
            (sub.unchecked_into::<FileSystemDirectoryHandle>(), name)
        }
        None => (dir.0.clone(), path),
    };
    let options = FileSystemGetFileOptions::new();
    options.set_create(true);
    let file: FileSystemFileHandle =
        JsFuture::from(parent.get_file_handle_with_options(name, &options))
            .await
            .map_err(error)?
            .unchecked_into();
    let stream: FileSystemWritableFileStream = JsFuture::from(file.create_writable())
        .await
        .map_err(error)?
        .unchecked_into();
    JsFuture::from(stream.write_with_str(text).map_err(error)?)
        .await
        .map_err(error)?;
    JsFuture::from(stream.close()).await.map_err(error)?;
    Ok(())
}

/// Watches a folder while it is kept: `on_change` runs when a file in it changes (where the
/// browser has a `FileSystemObserver`; elsewhere the caller's regular check is all there is).
pub struct Watch(Observer);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.disconnect();
    }
}

/// Starts watching `dir` (and its `changes/`); `None` where the browser cannot.
pub async fn watch(dir: &Dir, on_change: impl Fn() + 'static) -> Option<Watch> {
    let callback = Closure::<dyn Fn()>::new(on_change).into_js_value();
    let observer = Observer::new(callback.unchecked_ref()).ok()?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"recursive".into(), &JsValue::TRUE);
    observer.observe(&dir.0, &options).await.ok()?;
    Some(Watch(observer))
}

const DB: &str = "kpi-structure";
const STORE: &str = "folders";

/// The outcome of an IndexedDB request.
fn done(req: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise)
}

async fn db() -> Result<IdbDatabase, FolderError> {
    let factory = web_sys::window()
        .ok_or(FolderError::Unsupported)?
        .indexed_db()
        .map_err(error)?
        .ok_or(FolderError::Unsupported)?;
    let open: IdbOpenDbRequest = factory.open_with_u32(DB, 1).map_err(error)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .map(|d| d.unchecked_into::<IdbDatabase>());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = done(&open).await.map_err(error)?;
    Ok(db.unchecked_into())
}

/// Keeps the folder of model `id` for the next visit.
pub async fn keep(id: &str, dir: &Dir) -> Result<(), FolderError> {
    let db = db().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(error)?;
    let store = tx.object_store(STORE).map_err(error)?;
    let req = store
        .put_with_key(&dir.0, &JsValue::from_str(id))
        .map_err(error)?;
    done(&req).await.map_err(error)?;
    Ok(())
}

/// The folder kept for model `id`, if any.
pub async fn kept(id: &str) -> Result<Option<Dir>, FolderError> {
    let db = db().await?;
    let tx = db.transaction_with_str(STORE).map_err(error)?;
    let store = tx.object_store(STORE).map_err(error)?;
    let req = store.get(&JsValue::from_str(id)).map_err(error)?;
    let value = done(&req).await.map_err(error)?;
    Ok((!value.is_undefined() && !value.is_null()).then(|| Dir(value.unchecked_into())))
}

/// Forgets the folder of model `id`.
pub async fn forget(id: &str) -> Result<(), FolderError> {
    let db = db().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(error)?;
    let store = tx.object_store(STORE).map_err(error)?;
    let req = store.delete(&JsValue::from_str(id)).map_err(error)?;
    done(&req).await.map_err(error)?;
    Ok(())
}
