//! Restore points from the shell: the model's entry compressed with the browser's raw DEFLATE
//! and packed 15 bits a character ([`crate::storage::pack`]); and read back.

use leptos::prelude::Update;
use leptos::task::spawn_local;

use crate::model::lineage::content_hash;
use crate::model::Model;
use crate::storage::library::{entry_text, model_of_entry};
use crate::storage::pack::{pack, unpack};
use crate::storage::points::{covers, Point, Why};
use crate::ui::files::{deflate, inflate};
use crate::ui::split::when_idle;
use crate::ui::state::{now, App};

/// Makes a restore point of `model` (the open model as it was when the point became due), in
/// the background: at once for what the user just did (export, merge), otherwise once the
/// browser is idle (a point made when a model opens must not delay the first view, nor fetch
/// its part before then). [`App::points_busy`] counts it until it is written.
pub fn make_point(app: App, why: Why, model: Model) {
    app.points_busy.update(|n| *n += 1);
    let task = async move {
        write_point(app, why, model).await;
        app.points_busy.update(|n| *n = n.saturating_sub(1));
    };
    match why {
        Why::Exported | Why::BeforeMerge => spawn_local(task),
        Why::Created | Why::Opened | Why::Imported | Why::Editing => when_idle(task),
    }
}

/// The writing itself is a lazy part: hashing and compressing are not needed for the first
/// view.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn write_point(app: App, why: Why, m: Model) {
    // Opened unchanged since its newest point: that point holds this version.
    if why == Why::Opened && covers(&app.points(&m.id), m.modified) {
        return;
    }
    let (id, name, hash, text) = (
        m.id.clone(),
        m.name.clone(),
        content_hash(&m),
        entry_text(&m),
    );
    let Some(bytes) = deflate(text.as_bytes()).await else {
        return;
    };
    let point = Point {
        time: now(),
        why,
        hash,
        name,
        data: pack(&bytes),
    };
    app.add_point(&id, point);
}

/// The store was full: drops old restore points until the pending save fits.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn make_room(app: App) {
    app.make_room();
}

/// Measures how full the browser's storage is (the warning before it is full).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn measure_storage(app: App) {
    app.measure_storage();
}

/// The version a restore point holds; `None` if it does not read back.
pub async fn read_point(point: &Point) -> Option<Model> {
    let bytes = unpack(&point.data)?;
    let text = String::from_utf8(inflate(&bytes).await?).ok()?;
    model_of_entry(&text)
}
