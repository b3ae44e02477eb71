//! What the file actions do: export, import (file, drop, share link), share.

use crate::format::{
    base64url_decode, base64url_encode, export_csv, export_json_with, file_name, file_stem,
    fragment_data, import_json, share_payload, ImportErrors, Problem, ProblemKind, Source,
    FRAGMENT_PREFIX, MAX_FILE_BYTES, MAX_LINK_CHARS,
};
use leptos::prelude::*;

use crate::ui::state::{App, Share};

use super::browser;

fn failed(app: App, en: &str, nl: &str) {
    app.import_errors.set(Some(ImportErrors {
        errors: vec![Problem::new(ProblemKind::NotJson, "", en, nl)],
        warnings: Vec::new(),
    }));
}

/// Offers `text` as a download named `name`; says so in the alert if the browser refuses.
pub fn offer_download(app: App, name: &str, text: &str, mime: &str) {
    refused_if(app, browser::download(name, text, mime).is_err());
}

/// Offers `bytes` as a download named `name`; says so in the alert if the browser refuses.
pub fn offer_download_bytes(app: App, name: &str, bytes: &[u8], mime: &str) {
    refused_if(app, browser::download_bytes(name, bytes, mime).is_err());
}

fn refused_if(app: App, refused: bool) {
    if refused {
        let lang = app.lang.get_untracked();
        app.error.set(Some(
            lang.pick(
                "The browser refused the download.",
                "De browser weigerde de download.",
            )
            .to_string(),
        ));
    }
}

/// Downloads the open model as `<model name>.kpi.json`.
pub fn export_json_now(app: App) {
    let Some((name, text)) = app.doc.with_untracked(|m| {
        let source = Source {
            url: Some(browser::address_without_fragment()),
            ..Source::default()
        };
        (file_name(m), export_json_with(m, &source))
    }) else {
        return;
    };
    offer_download(app, &name, &text, "application/json");
    // The version sent out is kept: when a copy comes back, it is the base of the merge.
    app.point_now(crate::storage::points::Why::Exported);
}

/// Downloads the open model's KPIs as `<model name>.csv` (UTF-8 with BOM).
pub fn export_csv_now(app: App) {
    let Some((name, text)) = app
        .doc
        .with_untracked(|m| (format!("{}.csv", file_stem(&m.name)), export_csv(m)))
    else {
        return;
    };
    offer_download(app, &name, &text, "text/csv;charset=utf-8");
}

/// Downloads a damaged stored entry as it is, as `<key>.txt` (unsafe characters replaced).
pub fn export_raw(app: App, key: &str) {
    if let Some(text) = app.raw_entry(key) {
        let name = format!("{}.txt", file_stem(key));
        offer_download(app, &name, &text, "text/plain;charset=utf-8");
    }
}

/// Imports a chosen or dropped file as a new model; problems go to the import alert.
pub async fn import_file(app: App, file: web_sys::File) {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        app.import_errors.set(Some(ImportErrors {
            errors: vec![Problem::too_large(size as usize)],
            warnings: Vec::new(),
        }));
        return;
    }
    match browser::read_text(&file).await {
        Ok(text) => import_text(app, &text),
        Err(_) => failed(
            app,
            "This file could not be read.",
            "Dit bestand kon niet worden gelezen.",
        ),
    }
}

/// Imports a file's text as a new model (keeps the file's id only if it is free).
pub fn import_text(app: App, text: &str) {
    match import_json(text) {
        Ok(mut imported) => {
            // Every warning is shown (a norm text not read as numbers, a cycle in "drives", a
            // repeated arrow dropped): the file opened, and says what it could not keep as is.
            let warnings = std::mem::take(&mut imported.warnings);
            app.import_model(imported.into_copy(), true);
            app.import_notes.set(warnings);
        }
        Err(errors) => app.import_errors.set(Some(errors)),
    }
}

/// Shows a file that is not JSON as an import problem.
pub fn not_json_file(app: App, name: &str) {
    failed(
        app,
        &format!("“{name}” is not a KPI Structure file: only .json files can be imported."),
        &format!("“{name}” is geen KPI Structure-bestand: alleen .json-bestanden kunnen worden geïmporteerd."),
    );
}

/// Makes a share link of the open model, shows it and puts it on the clipboard.
pub async fn copy_share_link(app: App) {
    let Some(payload) = app.doc.with_untracked(share_payload) else {
        return;
    };
    let Some(bytes) = browser::deflate(payload.as_bytes()).await else {
        let lang = app.lang.get_untracked();
        app.error.set(Some(
            lang.pick(
                "This browser cannot make share links. Use Export JSON instead.",
                "Deze browser kan geen deellinks maken. Gebruik JSON exporteren.",
            )
            .to_string(),
        ));
        return;
    };
    let link = format!(
        "{}{FRAGMENT_PREFIX}{}",
        browser::address_without_fragment(),
        base64url_encode(&bytes)
    );
    let length = link.chars().count();
    if length > MAX_LINK_CHARS {
        app.share.set(Some(Share::TooLarge(length)));
        return;
    }
    app.share.set(Some(Share::Link(link.clone())));
    browser::copy_to_clipboard(&link).await;
}

/// If the address carries a share fragment (`#m=...`), decodes it and offers the model in
/// the "Keep as new model" banner. Never changes anything stored by itself.
pub async fn open_share_fragment(app: App) {
    let hash = browser::location_hash();
    let Some(data) = fragment_data(&hash) else {
        return;
    };
    let damaged = || {
        failed(
            app,
            "This share link is damaged or incomplete (perhaps it was cut off when it was sent). Ask for the link again, or for the exported file.",
            "Deze deellink is beschadigd of onvolledig (misschien afgekapt bij het versturen). Vraag de link opnieuw, of het geëxporteerde bestand.",
        );
        browser::clear_fragment();
    };
    // Links this app makes are at most MAX_LINK_CHARS long; a longer one is refused before
    // decompressing (a tiny link must not unpack into gigabytes).
    if data.len() > MAX_LINK_CHARS {
        return damaged();
    }
    let Some(bytes) = base64url_decode(data) else {
        return damaged();
    };
    let Some(json) = browser::inflate(&bytes).await else {
        return damaged();
    };
    let Ok(text) = String::from_utf8(json) else {
        return damaged();
    };
    match import_json(&text) {
        Ok(imported) => {
            app.import_errors.set(None);
            app.incoming.set(Some(imported.into_copy()));
        }
        Err(errors) => {
            app.import_errors.set(Some(errors));
            browser::clear_fragment();
        }
    }
}

/// "Keep as new model": opens the model from the link as a new model (fresh id).
pub fn keep_incoming(app: App) {
    if let Some(model) = app.incoming.get_untracked() {
        app.incoming.set(None);
        app.import_model(model, false);
    }
    browser::clear_fragment();
}

/// "Dismiss": forgets the model from the link.
pub fn dismiss_incoming(app: App) {
    app.incoming.set(None);
    browser::clear_fragment();
}
