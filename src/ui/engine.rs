//! The edit engine (`Model::apply`, the undo history) as a lazy part: the first view only
//! shows the model, so the code that changes it is not part of the first load.
//!
//! Every change of the open model is a value ([`Change`]) run through [`run`]. Once the part
//! is there (fetched when the browser is idle after the first view, or by the first change),
//! a change runs at once, as if the engine were in the main part. A change made before that
//! waits in [`QUEUE`] with everything after it, and they run in order when the part arrives.
//! Without the `split` feature the engine is always there.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::task::{Context, Poll, Waker};

#[cfg(feature = "split")]
use leptos::prelude::lazy;

use crate::model::{Edit, EditError, Model, Touched};
use crate::session::Change;
use crate::ui::doc::Doc;

/// What the session did with a change: what it touched, or why it refused.
pub type Outcome = Result<Touched, EditError>;

/// Runs one change (or ends keystroke coalescing) in the session. `None`: no model is open.
#[cfg_attr(feature = "split", lazy)]
async fn engine(doc: Doc, job: Job) -> Option<Outcome> {
    match job {
        Job::Change(change) => doc.session(|s| s.change(change)),
        Job::Plan(plan) => doc
            .session(|s| {
                let edit = s.model().and_then(plan)?;
                Some(s.change(Change::Edit {
                    edit,
                    coalesce: false,
                }))
            })
            .flatten(),
        Job::EndCoalescing => {
            doc.session(|s| s.break_coalescing());
            None
        }
    }
}

/// One piece of work for the engine.
pub enum Job {
    Change(Change),
    /// An edit made from the model as it is when the job runs, after every change queued
    /// before it (an Add button's free name: two quick "Add goal" give "New goal" and "New
    /// goal 2" even while they wait). `None`: nothing to do (what it needed is gone).
    Plan(Plan),
    /// The field being typed in lost focus: the next keystroke starts a new undo step.
    EndCoalescing,
}

/// Makes an edit from the model it will apply to.
pub type Plan = Box<dyn FnOnce(&Model) -> Option<Edit>>;

type Then = Box<dyn FnOnce(Option<Outcome>)>;

thread_local! {
    /// The engine's part is there: changes run at once.
    static READY: Cell<bool> = const { Cell::new(!cfg!(feature = "split")) };
    /// Changes made before it was there, in order, with what to do after each.
    static QUEUE: RefCell<VecDeque<(Job, Then)>> = const { RefCell::new(VecDeque::new()) };
}

/// Runs `job` on the open model, then `then` with the outcome: at once when the engine is
/// there, else (in order) once it has arrived.
pub fn run(doc: Doc, job: Job, then: impl FnOnce(Option<Outcome>) + 'static) {
    if READY.get() && QUEUE.with_borrow(VecDeque::is_empty) {
        // The part is loaded: the call completes without waiting. (Should it ever wait, it
        // finishes later: a change is never dropped.)
        let mut call = Box::pin(engine(doc, job));
        let mut cx = Context::from_waker(Waker::noop());
        match call.as_mut().poll(&mut cx) {
            Poll::Ready(outcome) => then(outcome),
            Poll::Pending => leptos::task::spawn_local(async move { then(call.await) }),
        }
        return;
    }
    let first = QUEUE.with_borrow_mut(|q| {
        q.push_back((job, Box::new(then)));
        q.len() == 1
    });
    if first {
        leptos::task::spawn_local(async move {
            preload().await;
            // Changes made while these run join the queue and run here too, in order.
            while let Some((job, then)) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
                then(engine(doc, job).await);
            }
        });
    }
}

/// True while changes wait for the engine's part: they are not saved yet.
pub fn waiting() -> bool {
    !QUEUE.with_borrow(VecDeque::is_empty)
}

/// Fetches the engine's part (when idle after the first view, and by a first change).
pub async fn preload() {
    #[cfg(feature = "split")]
    __preload_engine().await;
    READY.set(true);
}
