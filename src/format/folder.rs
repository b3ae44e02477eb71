//! A shared folder (`docs/FORMAT.md`, "Shared folder, version 1"): writing and reading a
//! writer's change file, and reading a whole folder into its base model and change files,
//! ready for [`crate::model::changes::merge_folder`]. Every failure is a [`Problem`] value.

use serde_json::{Map, Value};

use super::folder_name::{classify, writer_slug, FolderFile, BASE_FILE};
use super::import::{import_json, parse, whole_version};
use super::migrate::newer_version;
use super::problem::{ImportErrors, Problem, ProblemKind};
use crate::model::changes::{merge_folder, Change, ChangeFile, Merged};
use crate::model::lineage::content_hash;
use crate::model::names::same_name;
use crate::model::{Id, Model};

/// The value of a change file's `format` field.
pub const CHANGES_FORMAT: &str = "kpi-structure-changes";
/// The change-file version this app writes and reads.
pub const CHANGES_VERSION: u32 = 1;

/// A change file's text: the header, then one entry per line (so a file read half-synced
/// breaks at a line, and a person can read it).
pub fn changes_to_json(file: &ChangeFile) -> String {
    let text = |s: &str| Value::String(s.to_string()).to_string();
    let mut out = format!(
        "{{\n  \"format\": \"{CHANGES_FORMAT}\",\n  \"version\": {CHANGES_VERSION},\n  \"model\": {},\n  \"base\": {},\n  \"writer\": {},\n  \"changes\": [",
        text(file.model.as_str()),
        text(&file.base),
        text(&file.writer),
    );
    for (i, c) in file.changes.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        // A `Change` is text and JSON values: it always serialises.
        out.push_str(&serde_json::to_string(c).unwrap_or_default());
    }
    out.push_str(if file.changes.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

/// A change file read, with the entries it skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadChanges {
    pub file: ChangeFile,
    /// One warning per entry that is not a change (skipped), with its path (`changes[3]`).
    pub warnings: Vec<Problem>,
}

/// Reads a change file. Errors: not JSON (also a file cut off by a sync in progress), not a
/// change file, a newer version, no `model`, `writer` or `changes`.
pub fn read_changes(text: &str) -> Result<ReadChanges, Problem> {
    let value = parse(text)?;
    let not_ours = || {
        Problem::new(
            ProblemKind::NotKpiStructure,
            "format",
            format!("This is not a KPI Structure changes file: it has no \"format\": \"{CHANGES_FORMAT}\"."),
            format!("Dit is geen KPI Structure-wijzigingenbestand: het heeft geen \"format\": \"{CHANGES_FORMAT}\"."),
        )
    };
    let Value::Object(obj) = value else {
        return Err(not_ours());
    };
    if obj.get("format").and_then(Value::as_str) != Some(CHANGES_FORMAT) {
        return Err(not_ours());
    }
    let version = match obj.get("version") {
        None | Some(Value::Null) => 1,
        Some(v) => whole_version(v)?,
    };
    if version > CHANGES_VERSION {
        return Err(newer_version(version));
    }
    let model = text_field(&obj, "model")?;
    let writer = text_field(&obj, "writer")?;
    let base = obj
        .get("base")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let entries = match obj.get("changes") {
        Some(Value::Array(a)) => a,
        None | Some(Value::Null) => return Err(missing("changes")),
        Some(_) => {
            return Err(Problem::at(
                ProblemKind::WrongType,
                "changes",
                "must be a list.",
                "moet een lijst zijn.",
            ))
        }
    };
    let mut warnings = Vec::new();
    let mut changes = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        match entry(e) {
            Some(c) => changes.push(c),
            None => warnings.push(Problem::at(
                ProblemKind::WrongType,
                &format!("changes[{i}]"),
                "is not a change (it needs a \"key\" and an \"at\" text); it was skipped.",
                "is geen wijziging (er horen een \"key\" en een \"at\" als tekst in); overgeslagen.",
            )),
        }
    }
    Ok(ReadChanges {
        file: ChangeFile {
            model: Id::new(model),
            base,
            writer,
            changes,
        },
        warnings,
    })
}

fn missing(field: &str) -> Problem {
    Problem::at(ProblemKind::Missing, field, "is missing.", "ontbreekt.")
}

fn text_field(obj: &Map<String, Value>, field: &str) -> Result<String, Problem> {
    match obj.get(field) {
        Some(Value::String(s)) => Ok(s.clone()),
        None | Some(Value::Null) => Err(missing(field)),
        Some(_) => Err(Problem::at(
            ProblemKind::WrongType,
            field,
            "must be a text.",
            "moet een tekst zijn.",
        )),
    }
}

/// One entry, leniently: a `key` and an `at` text; `value` and `old` any JSON (`null` or
/// absent: none); other properties ignored.
fn entry(e: &Value) -> Option<Change> {
    let text = |k: &str| e.get(k)?.as_str().map(str::to_string);
    let json = |k: &str| e.get(k).filter(|v| !v.is_null()).cloned();
    let key = text("key").filter(|k| !k.is_empty())?;
    Some(Change {
        key,
        value: json("value"),
        old: json("old"),
        at: text("at")?,
    })
}

/// A folder read: its base model and every change file, ready to merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Folder {
    /// The base model (`kpi-structure.kpi.json`; a sync copy of it only when it is missing).
    pub base: Model,
    /// Every change file read, sync copies included.
    pub files: Vec<ChangeFile>,
    /// The names of the sync clients' copies found (for a notice): copies of change files are
    /// merged; a copy of the base is used only when the base is missing.
    pub copies: Vec<String>,
    /// The files that could not be read or belong to another model, each with why (not
    /// merged; the rest is).
    pub unread: Vec<(String, Problem)>,
    /// Change files written against another version of the base (merged all the same).
    pub other_base: Vec<String>,
    /// Warnings of the files read (entries skipped), with their file names.
    pub warnings: Vec<(String, Problem)>,
}

/// Reads a folder from its files as `(name, text)`: the top level's and `changes/`'s (a
/// path's last part is the name; files of other names are ignored, [`classify`]). Errors
/// (not a folder to open): no `kpi-structure.kpi.json` nor a copy of it, or a base that does
/// not open (its import errors). Everything else that goes wrong is in [`Folder::unread`].
pub fn read_folder(files: &[(String, String)]) -> Result<Folder, ImportErrors> {
    let mut sorted: Vec<(&str, &str, FolderFile)> = files
        .iter()
        .map(|(n, t)| (last_part(n), t.as_str(), classify(n)))
        .collect();
    crate::model::sort::sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
    let base_text = sorted.iter().find(|f| f.2 == FolderFile::Base).map(|f| f.1);
    let mut copies = Vec::new();
    let mut unread = Vec::new();
    let base = match base_text {
        Some(text) => import_json(text)?.model,
        None => first_base_copy(&sorted, &mut copies)?,
    };
    let hash = content_hash(&base);
    let (mut read, mut other_base, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    for (name, text, kind) in &sorted {
        match kind {
            FolderFile::Changes { .. } => {}
            FolderFile::SyncCopy { of } if of != BASE_FILE => copies.push(name.to_string()),
            FolderFile::SyncCopy { .. } => {
                if !copies.iter().any(|c| c == name) {
                    copies.push(name.to_string());
                }
                continue;
            }
            _ => continue,
        }
        match read_changes(text) {
            Err(p) => unread.push((name.to_string(), p)),
            Ok(r) if r.file.model != base.id => {
                unread.push((name.to_string(), other_model(&r.file.model, &base.id)))
            }
            Ok(r) => {
                // A file under another writer's name is a copy too (a device name in lower
                // case, a file renamed by hand).
                let copied = matches!(kind, FolderFile::Changes { slug } if *slug != writer_slug(&r.file.writer));
                if copied {
                    copies.push(name.to_string());
                }
                if r.file.base != hash {
                    other_base.push(name.to_string());
                }
                warnings.extend(r.warnings.into_iter().map(|w| (name.to_string(), w)));
                read.push(r.file);
            }
        }
    }
    Ok(Folder {
        base,
        files: read,
        copies,
        unread,
        other_base,
        warnings,
    })
}

fn last_part(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The first sync copy of the base (by name) that opens, its name noted in `copies`.
fn first_base_copy(
    sorted: &[(&str, &str, FolderFile)],
    copies: &mut Vec<String>,
) -> Result<Model, ImportErrors> {
    let base_copy = |k: &FolderFile| matches!(k, FolderFile::SyncCopy { of } if of == BASE_FILE);
    for (name, text, _) in sorted.iter().filter(|f| base_copy(&f.2)) {
        if let Ok(i) = import_json(text) {
            copies.push(name.to_string());
            return Ok(i.model);
        }
    }
    Err(ImportErrors::one(Problem::new(
        ProblemKind::Missing,
        BASE_FILE,
        format!("This folder has no {BASE_FILE}, so it holds no shared model. Choose the folder a model was saved to, or save a model to this folder."),
        format!("Deze map heeft geen {BASE_FILE}, dus er staat geen gedeeld model in. Kies de map waarin een model is bewaard, of bewaar een model in deze map."),
    )))
}

fn other_model(theirs: &Id, ours: &Id) -> Problem {
    Problem::at(
        ProblemKind::BadValue,
        "model",
        &format!("is “{theirs}”: these changes belong to another model than this folder's (“{ours}”); they were not merged."),
        &format!("is “{theirs}”: deze wijzigingen horen bij een ander model dan dat van deze map (“{ours}”); ze zijn niet samengevoegd."),
    )
}

impl Folder {
    /// Everyone's changes over the base ([`merge_folder`]).
    pub fn merge(&self) -> Merged {
        merge_folder(&self.base, &self.files)
    }

    /// `writer`'s own file to write next: every entry of their files (their file and its sync
    /// copies, as the `writer` inside says), each once, in the order found. Append the new
    /// entries ([`crate::model::changes::diff`]) and write it as
    /// `changes/`[`changes_file_name`](super::changes_file_name)`(writer)`.
    pub fn mine(&self, writer: &str) -> ChangeFile {
        let mut out = ChangeFile::for_base(&self.base, writer);
        let mut seen = std::collections::HashSet::new();
        for f in self.files.iter().filter(|f| same_name(&f.writer, writer)) {
            for c in &f.changes {
                // A `Change` always serialises.
                if seen.insert(serde_json::to_string(c).unwrap_or_default()) {
                    out.changes.push(c.clone());
                }
            }
        }
        out
    }

    /// Another writer whose file `your_name` would write (two names with one file name,
    /// "Jürgen" and "Jurgen"): their name, so the UI asks for another. `None` when the file
    /// is free or already `your_name`'s.
    pub fn name_taken(&self, your_name: &str) -> Option<&str> {
        let slug = writer_slug(your_name);
        self.files
            .iter()
            .find(|f| writer_slug(&f.writer) == slug && !same_name(&f.writer, your_name))
            .map(|f| f.writer.as_str())
    }
}
