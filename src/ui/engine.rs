//! The edit engine (`Model::apply`, the undo history) as a lazy part: the first view only
//! shows the model, so the code that changes it is not part of the first load.
//!
//! Every change of the open model is a value ([`crate::session::Change`]) run through [`run`]. Once the part
//! is there (fetched when the browser is idle after the first view, or by the first change),
//! a change runs at once, as if the engine were in the main part. A change made before that
//! waits in [`QUEUE`] with everything after it, and they run in order when the part arrives;
//! meanwhile each is journaled in storage, so a page closed first loses none (the model runs
//! them when it opens next: [`Job::Replay`]). Without the `split` feature the engine is
//! always there.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::task::{Context, Poll, Waker};

#[cfg(feature = "split")]
use leptos::prelude::lazy;

use crate::model::{EditError, Touched};
use crate::session::Step;
use crate::ui::doc::Doc;

/// What the session did with a change: what it touched, or why it refused.
pub type Outcome = Result<Touched, EditError>;

/// Runs one job in the session. `queued`: the job waited for the part and was journaled in
/// that generation of the session (it does not run on a model opened since). `None`: nothing
/// to report.
#[cfg_attr(feature = "split", lazy)]
async fn engine(doc: Doc, job: Job, queued: Option<u64>) -> Option<Outcome> {
    doc.session(|s| match job {
        Job::Step(step) => s.run(step, queued),
        Job::Replay => s.replay(queued),
    })
    .flatten()
}

/// One piece of work for the engine.
pub enum Job {
    /// A change, an Add button's element (planned from the model as it is when the job runs,
    /// after every change queued before it: two quick "Add goal" give "New goal" and "New
    /// goal 2" even while they wait), or the end of keystroke coalescing.
    Step(Step),
    /// The journaled steps the open model was opened with (its page closed before the
    /// engine arrived): already in storage, so not journaled again.
    Replay,
}

type Then = Box<dyn FnOnce(Option<Outcome>)>;

thread_local! {
    /// The engine's part is there: changes run at once.
    static READY: Cell<bool> = const { Cell::new(!cfg!(feature = "split")) };
    /// Changes made before it was there, in order, with the session generation they were
    /// made in and what to do after each.
    static QUEUE: RefCell<VecDeque<(Job, Option<u64>, Then)>> = const { RefCell::new(VecDeque::new()) };
}

/// Runs `job` on the open model, then `then` with the outcome: at once when the engine is
/// there, else (in order) once it has arrived. A job that waits is journaled at once
/// (`Session::journal`), so closing the page before the part arrives loses nothing: the
/// model runs it when it next opens.
pub fn run(doc: Doc, job: Job, then: impl FnOnce(Option<Outcome>) + 'static) {
    if READY.get() && QUEUE.with_borrow(VecDeque::is_empty) {
        // The part is loaded: the call completes without waiting. (Should it ever wait, it
        // finishes later: a change is never dropped.)
        let mut call = Box::pin(engine(doc, job, None));
        let mut cx = Context::from_waker(Waker::noop());
        match call.as_mut().poll(&mut cx) {
            Poll::Ready(outcome) => then(outcome),
            Poll::Pending => leptos::task::spawn_local(async move { then(call.await) }),
        }
        return;
    }
    let generation = doc
        .session(|s| match &job {
            Job::Step(step) => s.journal(step),
            Job::Replay => Some(s.generation()),
        })
        .flatten();
    let first = QUEUE.with_borrow_mut(|q| {
        q.push_back((job, generation, Box::new(then)));
        q.len() == 1
    });
    if first {
        leptos::task::spawn_local(async move {
            preload().await;
            // Changes made while these run join the queue and run here too, in order.
            while let Some((job, generation, then)) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
                // Made with no model open: nothing to run it on.
                let Some(generation) = generation else {
                    then(None);
                    continue;
                };
                then(engine(doc, job, Some(generation)).await);
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
