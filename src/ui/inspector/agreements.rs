//! A link's agreements (tactics: how its team plays together): a list of text and owner, each
//! editable in place, with "Add agreement" and a delete button per agreement. Every change is
//! one `SetLink { Agreements }` edit holding the whole list; keystrokes in one box coalesce.

use leptos::prelude::*;

use super::fields::{from_reader, link_write};
use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{Agreement, Id, LinkField};
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App};

/// The agreements of link `link` of chain `chain`.
#[component]
pub fn Agreements(chain: Id, link: Id) -> impl IntoView {
    let app = use_app();
    let list = {
        let (chain, link) = (chain.clone(), link.clone());
        from_reader(move |r| r.link(&chain, &link).map(|l| l.agreements.clone()))
    };
    let set = link_write(app, chain, link);
    let write =
        move |new: Vec<Agreement>, coalesce: bool| set(LinkField::Agreements(new), coalesce);
    let change = {
        let write = write.clone();
        move |i: usize, f: &dyn Fn(&mut Agreement), coalesce: bool| {
            let mut new = list.get_untracked();
            if let Some(a) = new.get_mut(i) {
                f(a);
                write(new, coalesce);
            }
        }
    };
    let add =
        {
            let write = write.clone();
            move |_| {
                let mut new = list.get_untracked();
                new.push(Agreement::default());
                let at = new.len();
                write(new, false);
                // The new agreement's text box, to type in at once.
                request_animation_frame(move || {
                    let q = format!(".agreements li:nth-child({at}) input");
                    if let Some(el) = document().query_selector(&q).ok().flatten().and_then(|e| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
                    }) {
                        let _ = el.focus();
                    }
                });
            }
        };
    let count = move || list.with(Vec::len);
    view! {
        <fieldset class="field agreements">
            <legend class="field-label">{tr(app.lang, "Agreements", "Afspraken")}</legend>
            <ul aria-label=tr(app.lang, "Agreements", "Afspraken")>
                <For
                    each=move || 0..count()
                    key=|i| *i
                    children=move |i| {
                        let write = write.clone();
                        let delete = move |_| {
                            let mut new = list.get_untracked();
                            if i < new.len() {
                                new.remove(i);
                                write(new, false);
                            }
                        };
                        view! {
                            <li class="agreement">
                                {part(app, list, i, &change, TEXT)}
                                {part(app, list, i, &change, OWNER)}
                                <button
                                    type="button"
                                    class="quiet small"
                                    aria-label=tr(app.lang, "Delete agreement", "Afspraak verwijderen")
                                    title=tr(app.lang, "Delete agreement", "Afspraak verwijderen")
                                    on:click=delete
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <button type="button" class="quiet small" on:click=add>
                {tr(app.lang, "Add agreement", "Afspraak toevoegen")}
            </button>
        </fieldset>
    }
}

/// One text box of an agreement: which part, its name, hint, length and class.
struct Part {
    get: fn(&Agreement) -> &String,
    set: fn(&mut Agreement, String),
    label: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    max: usize,
    class: &'static str,
}

const TEXT: Part = Part {
    get: |a| &a.text,
    set: |a, v| a.text = v,
    label: ("Agreement", "Afspraak"),
    hint: ("What the team agrees", "Wat het team afspreekt"),
    max: MAX_TEXT_CHARS,
    class: "",
};

const OWNER: Part = Part {
    get: |a| &a.owner,
    set: |a, v| a.owner = v,
    label: ("Agreement owner", "Eigenaar van de afspraak"),
    hint: ("Owner", "Eigenaar"),
    max: MAX_NAME_CHARS,
    class: "agreement-owner",
};

/// The text box of part `p` of agreement `i`; typing changes that part (coalescing).
fn part(
    app: App,
    list: Signal<Vec<Agreement>>,
    i: usize,
    change: &(impl Fn(usize, &dyn Fn(&mut Agreement), bool) + Clone + 'static),
    p: Part,
) -> impl IntoView {
    let change = change.clone();
    let value = move || list.with(|l| l.get(i).map(|a| (p.get)(a).clone()).unwrap_or_default());
    view! {
        <input
            type="text"
            class=p.class
            maxlength=p.max
            aria-label=tr(app.lang, p.label.0, p.label.1)
            placeholder=tr(app.lang, p.hint.0, p.hint.1)
            prop:value=value
            on:input=move |ev| {
                let v = event_target_value(&ev);
                change(i, &|a: &mut Agreement| (p.set)(a, v.clone()), true)
            }
            on:blur=move |_| app.break_coalescing()
        />
    }
}
