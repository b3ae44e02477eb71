//! Every UI string in English and Dutch. A typed table: adding a [`T`] variant without both
//! texts does not compile. (Chosen over leptos_i18n / leptos-fluent: no runtime parser, no
//! build script, a few KB of wasm; see docs/ARCHITECTURE.md.)

use crate::model::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    AppName,
    NewModel,
    Models,
    ModelName,
    Language,
    Saved,
    NotSaved,
    Open,
    Duplicate,
    Delete,
    ConfirmDelete,
    Cancel,
    NoModels,
    Untitled,
    CopyOf,
    StorageUnavailable,
    StorageFull,
    StorageError,
    Dismiss,
    Close,
    Quarantined,
    QuarantinedNewer,
    ExportRaw,
}

pub fn t(lang: Lang, key: T) -> &'static str {
    let (en, nl) = match key {
        T::AppName => ("KPI Structure", "KPI-structuur"),
        T::NewModel => ("New model", "Nieuw model"),
        T::Models => ("Models", "Modellen"),
        T::ModelName => ("Model name", "Modelnaam"),
        T::Language => ("Language", "Taal"),
        T::Saved => ("Saved", "Opgeslagen"),
        T::NotSaved => ("Not saved", "Niet opgeslagen"),
        T::Open => ("Open", "Openen"),
        T::Duplicate => ("Duplicate", "Dupliceren"),
        T::Delete => ("Delete", "Verwijderen"),
        T::ConfirmDelete => ("Delete for good", "Definitief verwijderen"),
        T::Cancel => ("Cancel", "Annuleren"),
        T::NoModels => (
            "No saved models yet. Start with New model or a template.",
            "Nog geen opgeslagen modellen. Begin met Nieuw model of een sjabloon.",
        ),
        T::Untitled => ("Untitled model", "Naamloos model"),
        T::CopyOf => ("Copy of", "Kopie van"),
        T::StorageUnavailable => (
            "This browser does not allow saving (storage is blocked). You can keep working, but your changes live only in this tab: use Export JSON to keep them.",
            "Deze browser staat opslaan niet toe (opslag is geblokkeerd). U kunt doorwerken, maar uw wijzigingen bestaan alleen in dit tabblad: gebruik JSON exporteren om ze te bewaren.",
        ),
        T::StorageFull => (
            "The browser's storage for this app is full, so the latest changes are not saved. Nothing saved earlier is lost. Export JSON to keep this model, or delete models you no longer need; saving resumes when there is room.",
            "De opslag van de browser voor deze app is vol, dus de laatste wijzigingen zijn niet opgeslagen. Eerder opgeslagen werk blijft bewaard. Exporteer JSON om dit model te bewaren, of verwijder modellen die u niet meer nodig hebt; opslaan gaat verder zodra er ruimte is.",
        ),
        T::StorageError => (
            "Saving failed. Your changes are kept in this tab; use Export JSON to keep them.",
            "Opslaan is mislukt. Uw wijzigingen blijven in dit tabblad; gebruik JSON exporteren om ze te bewaren.",
        ),
        T::Dismiss => ("Dismiss", "Sluiten"),
        T::Close => ("Close", "Sluiten"),
        T::Quarantined => (
            "Damaged entry (kept as it is)",
            "Beschadigd item (ongewijzigd bewaard)",
        ),
        T::QuarantinedNewer => (
            "Saved by a newer version of KPI Structure in another tab (kept as it is): reload this page to open it",
            "Opgeslagen door een nieuwere versie van KPI Structure in een ander tabblad (ongewijzigd bewaard): laad deze pagina opnieuw om het te openen",
        ),
        T::ExportRaw => ("Export raw text", "Ruwe tekst exporteren"),
    };
    lang.pick(en, nl)
}

/// A reactive string in the UI language: `{tr(app.lang, "Add goal", "Doel toevoegen")}`.
/// Both texts are required at the call site.
pub fn tr(
    lang: leptos::prelude::RwSignal<Lang>,
    en: &'static str,
    nl: &'static str,
) -> leptos::prelude::Signal<&'static str> {
    use leptos::prelude::Get;
    leptos::prelude::Signal::derive(move || lang.get().pick(en, nl))
}

/// [`tr`] for a [`T`] key.
pub fn tr_key(
    lang: leptos::prelude::RwSignal<Lang>,
    key: T,
) -> leptos::prelude::Signal<&'static str> {
    use leptos::prelude::Get;
    leptos::prelude::Signal::derive(move || t(lang.get(), key))
}
