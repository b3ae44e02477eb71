//! A link's agreements (tactics: how its team plays together): a list of text and owner, each
//! editable in place, with "Add agreement" and a delete button per agreement. Every change is
//! one `SetLink { Agreements }` edit holding the whole list; keystrokes in one box coalesce.

use leptos::prelude::*;

use super::fields::from_reader;
use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{Agreement, Edit, Id, LinkField};
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

/// The agreements of link `link` of chain `chain`.
#[component]
pub fn Agreements(chain: Id, link: Id) -> impl IntoView {
    let app = use_app();
    let list = {
        let (chain, link) = (chain.clone(), link.clone());
        from_reader(move |r| r.link(&chain, &link).map(|l| l.agreements.clone()))
    };
    let write = move |new: Vec<Agreement>, coalesce: bool| {
        app.edit(
            Edit::SetLink {
                chain: chain.clone(),
                link: link.clone(),
                field: LinkField::Agreements(new),
            },
            coalesce,
        );
    };
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
                        let text = move || list.with(|l| l.get(i).map(|a| a.text.clone()).unwrap_or_default());
                        let owner = move || list.with(|l| l.get(i).map(|a| a.owner.clone()).unwrap_or_default());
                        let (c1, c2) = (change.clone(), change.clone());
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
                                <input
                                    type="text"
                                    maxlength=MAX_TEXT_CHARS
                                    aria-label=tr(app.lang, "Agreement", "Afspraak")
                                    placeholder=tr(app.lang, "What the team agrees", "Wat het team afspreekt")
                                    prop:value=text
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        c1(i, &|a: &mut Agreement| a.text = v.clone(), true)
                                    }
                                    on:blur=move |_| app.break_coalescing()
                                />
                                <input
                                    type="text"
                                    class="agreement-owner"
                                    maxlength=MAX_NAME_CHARS
                                    aria-label=tr(app.lang, "Agreement owner", "Eigenaar van de afspraak")
                                    placeholder=tr(app.lang, "Owner", "Eigenaar")
                                    prop:value=owner
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        c2(i, &|a: &mut Agreement| a.owner = v.clone(), true)
                                    }
                                    on:blur=move |_| app.break_coalescing()
                                />
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
