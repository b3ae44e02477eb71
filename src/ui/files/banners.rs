//! The banners of the file actions, and the window listeners behind them: import problems,
//! the share box, a model arriving in a share link, a change in another tab, the drop hint.
//!
//! The listeners and the drop hint are in the first load; reading a dropped file or a share
//! link, and the banners, are lazy parts (`split` feature) fetched on first use.

use js_sys::Reflect;
use leptos::prelude::*;

use crate::ui::i18n::tr;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::browser;
use super::transfer::{
    dismiss_incoming, export_json_now, import_file, keep_incoming, not_json_file,
    open_share_fragment,
};
use crate::format::{fragment_data, Problem, MAX_LINK_CHARS};
use crate::model::Lang;
use crate::present::diagram::layout::{layout, Skeleton};
use crate::present::diagram::svg::export_svg;
use crate::ui::split::{build, deferred};
use crate::ui::state::{use_app, App, Share};

/// Lazy: reads a dropped file (a `.json` one is imported).
#[cfg_attr(feature = "split", lazy)]
async fn drop_file(app: App, file: web_sys::File) {
    let name = file.name();
    if name.to_ascii_lowercase().ends_with(".json") || file.type_().contains("json") {
        import_file(app, file).await;
    } else {
        not_json_file(app, &name);
    }
}

/// Lazy: reads the share link in the address.
#[cfg_attr(feature = "split", lazy)]
async fn share_fragment(app: App) {
    open_share_fragment(app).await;
}

/// Offers the model of a share link in the address, if there is one.
fn open_share_link(app: App) {
    if fragment_data(&browser::location_hash()).is_some() {
        spawn_local(share_fragment(app));
    }
}

/// Lazy: the banners of another tab's change, imports, share links and the share box.
#[cfg_attr(feature = "split", lazy)]
async fn rare_banners() -> AnyView {
    build(|| {
        view! {
            <IncomingBanner />
            <ImportProblems />
            <ImportNotes />
            <ShareBox />
        }
        .into_any()
    })
}

/// True if a drag carries files (not text or an element of the page).
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&JsValue::from_str("Files"), 0))
}

fn listen(app: App, hint: RwSignal<bool>) {
    // Another tab changed storage.
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        app.storage_changed(ev.key().as_deref());
    });
    // A share link pasted into this tab's address bar.
    let hash = window_event_listener(leptos::ev::hashchange, move |_| open_share_link(app));
    let over = move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<web_sys::DragEvent>() {
            if carries_files(&ev) {
                ev.prevent_default();
                if let Some(dt) = ev.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                hint.set(true);
            }
        }
    };
    let enter = window_event_listener_untyped("dragenter", over);
    let over = window_event_listener_untyped("dragover", over);
    let leave = window_event_listener_untyped("dragleave", move |ev| {
        // Leaving the window: no element is entered next.
        let left = Reflect::get(&ev, &JsValue::from_str("relatedTarget"))
            .map(|t| t.is_null() || t.is_undefined())
            .unwrap_or(true);
        if left {
            hint.set(false);
        }
    });
    let drop = window_event_listener_untyped("drop", move |ev| {
        hint.set(false);
        let Ok(ev) = ev.dyn_into::<web_sys::DragEvent>() else {
            return;
        };
        let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // The browser would otherwise open the file in place of the app.
        ev.prevent_default();
        spawn_local(drop_file(app, file));
    });
    on_cleanup(move || {
        for handle in [storage, hash, enter, over, leave, drop] {
            handle.remove();
        }
    });
}

/// The banners below the header; mounted once for the whole app.
#[component]
pub fn FileBanners() -> impl IntoView {
    let app = use_app();
    let hint = RwSignal::new(false);
    listen(app, hint);
    // Opened with a share link.
    open_share_link(app);
    // Mounted (and its part fetched) once one of its banners has something to show.
    let rare = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false)
            || app.conflict.get()
            || app.incoming.with(Option::is_some)
            || app.import_errors.with(Option::is_some)
            || app.import_notes.with(|n| !n.is_empty())
            || app.share.with(Option::is_some)
    });
    view! {
        <Show when=move || hint.get()>
            <div class="drop-hint" aria-hidden="true">
                <p>
                    {tr(app.lang,
                        "Drop a KPI Structure file (.json) to import it as a new model",
                        "Laat een KPI Structure-bestand (.json) los om het als nieuw model te importeren",
                    )}
                </p>
            </div>
        </Show>
        {move || rare.get().then(|| deferred(rare_banners()))}
    }
}

#[component]
fn IncomingBanner() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| tr(app.lang, en, nl);
    let text = move || {
        app.incoming.with(|m| {
            m.as_ref().map(|m| {
                let lang = app.lang.get();
                let question = lang.pick(
                    format!("This link carries the model “{}”. Keep it as a new model?", m.name),
                    format!("Deze link bevat het model “{}”. Als nieuw model bewaren?", m.name),
                );
                let counts = lang.pick(
                    format!(
                        "{} goals · {} customer chains · {} KPIs. Nothing of yours is changed until you keep it.",
                        m.goals.len(),
                        m.chains.len(),
                        m.kpis.len()
                    ),
                    format!(
                        "{} doelen · {} klantketens · {} KPI's. Niets van uw werk verandert tot u het bewaart.",
                        m.goals.len(),
                        m.chains.len(),
                        m.kpis.len()
                    ),
                );
                (question, counts)
            })
        })
    };
    let preview = move || {
        app.incoming.with(|m| {
            m.as_ref()
                .map(|m| {
                    let svg = export_svg(m, &layout(&Skeleton::of(m)), app.lang.get());
                    svg.split_once("?>")
                        .map(|(_, rest)| rest.to_string())
                        .unwrap_or(svg)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || app.incoming.with(|m| m.is_some())>
            <section class="banner banner-info incoming" aria-label=pick("Shared model", "Gedeeld model")>
                <span>
                    <strong>{move || text().map(|t| t.0)}</strong>
                    <br />
                    <span class="muted">{move || text().map(|t| t.1)}</span>
                </span>
                <details class="incoming-preview" open>
                    <summary>{pick("The model in the link", "Het model in de link")}</summary>
                    // The diagram as the export draws it: built from the model with every
                    // text escaped, so it is safe as markup.
                    <div class="incoming-diagram" inner_html=preview></div>
                </details>
                <span class="banner-actions">
                    <button type="button" class="primary" on:click=move |_| keep_incoming(app)>
                        {pick("Keep as new model", "Als nieuw model bewaren")}
                    </button>
                    <button type="button" on:click=move |_| dismiss_incoming(app)>
                        {pick("Dismiss", "Sluiten")}
                    </button>
                </span>
            </section>
        </Show>
    }
}

/// A problem's line: its message, prefixed by its path when the message does not say it.
fn problem_line(p: &Problem, lang: Lang) -> String {
    let message = p.message(lang);
    if p.path.is_empty() || message.starts_with(&p.path) {
        message.to_string()
    } else {
        format!("{}: {message}", p.path)
    }
}

#[component]
fn ImportProblems() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| tr(app.lang, en, nl);
    let lines = move || {
        let lang = app.lang.get();
        app.import_errors.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.errors
                        .iter()
                        .map(|p| problem_line(p, lang))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || app.import_errors.with(|e| e.is_some())>
            <div class="banner banner-error import-problems" role="alert">
                <div>
                    <strong>
                        {move || {
                            let n = lines().len();
                            let lang = app.lang.get();
                            match (lang, n) {
                                (Lang::En, 1) => "Import failed: 1 problem. Nothing stored was changed.".to_string(),
                                (Lang::En, n) => format!("Import failed: {n} problems. Nothing stored was changed."),
                                (Lang::Nl, 1) => "Importeren mislukt: 1 probleem. Er is niets aan het opgeslagen werk gewijzigd.".to_string(),
                                (Lang::Nl, n) => format!("Importeren mislukt: {n} problemen. Er is niets aan het opgeslagen werk gewijzigd."),
                            }
                        }}
                    </strong>
                    <ul class="problem-list">
                        {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </div>
                <button type="button" on:click=move |_| app.import_errors.set(None)>
                    {pick("Dismiss", "Sluiten")}
                </button>
            </div>
        </Show>
    }
}

/// The warnings of the last import: the file opened, but e.g. a version-1 norm text was kept
/// as text, "drives" has a cycle, or a repeated arrow was dropped.
#[component]
fn ImportNotes() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| tr(app.lang, en, nl);
    let lines = move || {
        let lang = app.lang.get();
        app.import_notes.with(|n| {
            n.iter()
                .map(|p| p.message(lang).to_string())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || app.import_notes.with(|n| !n.is_empty())>
            <div class="banner banner-warning import-problems" role="status">
                <div>
                    <strong>
                        {pick(
                            "Opened, with warnings:",
                            "Geopend, met waarschuwingen:",
                        )}
                    </strong>
                    <ul class="problem-list">
                        {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </div>
                <button type="button" on:click=move |_| app.import_notes.set(Vec::new())>
                    {pick("Dismiss", "Sluiten")}
                </button>
            </div>
        </Show>
    }
}

/// `32000` as `32,000` (English) or `32.000` (Dutch).
fn grouped(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[component]
fn ShareBox() -> impl IntoView {
    let app = use_app();
    let pick = move |en: &'static str, nl: &'static str| tr(app.lang, en, nl);
    let link = move || match app.share.get() {
        Some(Share::Link(l)) => Some(l),
        _ => None,
    };
    let too_large = move || match app.share.get() {
        Some(Share::TooLarge(n)) => Some(n),
        _ => None,
    };
    let input = NodeRef::<leptos::html::Input>::new();
    // Select the link when it appears, ready for Ctrl+C.
    Effect::new(move |_| {
        if link().is_some() {
            if let Some(el) = input.get() {
                let _ = el.focus();
                el.select();
            }
        }
    });
    view! {
        <Show when=move || link().is_some()>
            <div class="banner banner-info share-box">
                <label class="share-field">
                    <span>{pick("Share link", "Deellink")}</span>
                    <input
                        node_ref=input
                        type="text"
                        readonly
                        aria-label=pick("Share link", "Deellink")
                        prop:value=move || link().unwrap_or_default()
                        on:focus=move |ev| {
                            let el: web_sys::HtmlInputElement = event_target(&ev);
                            el.select();
                        }
                    />
                </label>
                <span class="muted share-note">
                    {pick(
                        "Copied to the clipboard (if the browser allowed it). The model travels inside the link; it is not sent to any server.",
                        "Gekopieerd naar het klembord (als de browser dat toestond). Het model zit in de link zelf; het gaat niet naar een server.",
                    )}
                </span>
                <button type="button" on:click=move |_| app.share.set(None)>
                    {pick("Close", "Sluiten")}
                </button>
            </div>
        </Show>
        <Show when=move || too_large().is_some()>
            <div class="banner banner-warning" role="alert">
                <span>
                    {move || {
                        let n = too_large().unwrap_or_default();
                        let (en_n, nl_n) = (grouped(n, ','), grouped(n, '.'));
                        let (en_max, nl_max) = (grouped(MAX_LINK_CHARS, ','), grouped(MAX_LINK_CHARS, '.'));
                        app.lang.get().pick(
                            format!("This model is too large for a share link ({en_n} characters; links are limited to {en_max}). Export JSON and send the file instead."),
                            format!("Dit model is te groot voor een deellink ({nl_n} tekens; links zijn beperkt tot {nl_max}). Exporteer JSON en stuur het bestand."),
                        )
                    }}
                </span>
                <span class="banner-actions">
                    <button type="button" class="primary" on:click=move |_| export_json_now(app)>
                        {pick("Download the file", "Bestand downloaden")}
                    </button>
                    <button type="button" on:click=move |_| app.share.set(None)>
                        {pick("Close", "Sluiten")}
                    </button>
                </span>
            </div>
        </Show>
    }
}
