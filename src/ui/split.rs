//! Code splitting. With the cargo feature `split` (the release build of `make build`), a
//! loader marked `#[cfg_attr(feature = "split", lazy)]` goes into its own wasm part that is
//! fetched on its first call; without the feature it is a plain `async fn` that is ready at
//! once, so tests and `trunk serve` build one wasm. See docs/ARCHITECTURE.md ("Size").

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Lazy parts are fetched no earlier than this after the first view is interactive.
const PREFETCH_DELAY: std::time::Duration = std::time::Duration::from_millis(1000);
/// ... and no later than this after that, busy or not.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// Shows the view a (possibly lazy) loader returns: at once when it is ready, otherwise
/// nothing until its part has arrived.
pub fn deferred(load: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    Suspend::new(SendWrapper::new(load))
}

/// The output of a (possibly lazy) loader if it is ready at once (without the `split` feature,
/// or once its part has been fetched); `None` if it would have to wait.
pub fn now_if_ready<T>(load: impl Future<Output = T>) -> Option<T> {
    let mut load = std::pin::pin!(load);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match load.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => Some(out),
        std::task::Poll::Pending => None,
    }
}

/// Builds a view without subscribing the caller to what the view reads while it is built (a
/// loader runs inside a `Suspend`, which would otherwise forward those reads to the panel).
pub fn build(view: impl FnOnce() -> AnyView) -> AnyView {
    untrack(view)
}

thread_local! {
    static IDLE: ArcRwSignal<bool> = {
        let idle = ArcRwSignal::new(false);
        let set = idle.clone();
        when_idle(async move {
            set.set(true);
            release_turns();
        });
        idle
    };
    /// The parts mounted after the first view that wait for their turn (see [`turn`]).
    static TURNS: RefCell<VecDeque<ArcRwSignal<bool>>> = RefCell::default();
    /// True while [`release_turns`] hands out turns, one per task.
    static RELEASING: Cell<bool> = const { Cell::new(false) };
}

/// True once the browser is idle after the first view (see [`when_idle`]).
pub fn idle() -> ArcRwSignal<bool> {
    IDLE.with(Clone::clone)
}

/// A part's turn to start loading: true once the browser is idle after the first view and the
/// parts that asked before it have started, each in a task of its own. Started together, the
/// start screen's parts (their fetches, the shared chunks' loaders, the views they mount) made
/// one task of ~60 ms, four times that on a slow phone (Lighthouse's blocking time, issue 24).
fn turn() -> ArcRwSignal<bool> {
    let turn = ArcRwSignal::new(false);
    TURNS.with(|t| t.borrow_mut().push_back(turn.clone()));
    if idle().get_untracked() {
        release_turns();
    }
    turn
}

/// Hands out the waiting turns one per task (a part that asks while this runs is queued).
fn release_turns() {
    if RELEASING.with(|r| r.replace(true)) {
        return;
    }
    fn next() {
        match TURNS.with(|t| t.borrow_mut().pop_front()) {
            Some(turn) => {
                turn.set(true);
                next_task(next);
            }
            None => {
                RELEASING.with(|r| r.set(false));
                // For end-to-end tests: the lazy parts mounted when idle are on their way.
                if let Some(html) = document().document_element() {
                    let _ = html.set_attribute("data-idle", "");
                }
            }
        }
    }
    next();
}

/// Mounts the view of a (possibly lazy) loader once the browser is idle after the first view,
/// so its part is not part of the first load.
pub fn after_first_view<Fut>(load: impl Fn() -> Fut + Send + Sync + 'static) -> impl IntoView
where
    Fut: Future<Output = AnyView> + 'static,
{
    let turn = turn();
    move || {
        turn.get().then(|| {
            let part = load();
            deferred(async move {
                let view = part.await;
                own_task().await;
                view
            })
        })
    }
}

/// [`after_first_view`] with `stand_in` in its place until the part has arrived: the same
/// controls drawn, disabled and hidden from assistive technology (a control painted before it
/// works is disabled; a screen reader or a test finds the control once it works), so that
/// nothing moves when the part takes their place.
pub fn after_first_view_or<Fut, V>(
    load: impl Fn() -> Fut + Send + Sync + 'static,
    stand_in: impl Fn() -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    Fut: Future<Output = AnyView> + 'static,
    V: IntoView + 'static,
{
    let turn = turn();
    // Set as the part's view is handed over, so the stand-in goes in the same frame as the
    // part comes (`try_`: the part may arrive after this place is gone).
    let arrived = RwSignal::new(false);
    view! {
        {move || (!arrived.get()).then(stand_in)}
        {move || {
            turn.get().then(|| {
                let part = load();
                deferred(async move {
                    let view = part.await;
                    own_task().await;
                    arrived.try_set(true);
                    view
                })
            })
        }}
    }
}

/// Runs `f` in a task of its own, after those already queued (so a long piece of work is
/// several short tasks).
pub fn next_task(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

/// Ready in a task of its own, after those already queued. The parts mounted after the first
/// view each wait for it once they have arrived: parts that arrive together (they wait for the
/// same shared code) are then drawn one per task, not all in the task that brought them (most
/// of a slow phone's blocking time on the start screen, issue 24).
async fn own_task() {
    let queued = js_sys::Promise::new(&mut |resolve, _| {
        if window().set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(queued).await;
}

/// Runs `f` in a task of its own right after the next frame is painted (what the current
/// task changed is on the screen by then).
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || next_task(f));
}

/// Runs `task` once the browser is idle, no earlier than [`PREFETCH_DELAY`] from now.
pub fn when_idle(task: impl Future<Output = ()> + 'static) {
    set_timeout(
        move || {
            let run = Closure::once_into_js(move || leptos::task::spawn_local(task));
            let idle = js_sys::Reflect::get(&window(), &JsValue::from_str("requestIdleCallback"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            // Idle time may never come on a busy page: then after IDLE_TIMEOUT at the latest.
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
            let called = idle.is_some_and(|f| f.call2(&window(), &run, &options).is_ok());
            if !called {
                let _ = window().set_timeout_with_callback(run.unchecked_ref());
            }
        },
        PREFETCH_DELAY,
    );
}
