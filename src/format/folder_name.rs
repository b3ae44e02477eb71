//! The names of a shared folder's files (`docs/FORMAT.md`, "Shared folder, version 1"): the
//! base `kpi-structure.kpi.json`, one `changes/<writer>.kpi-changes.json` per writer, and
//! what sync clients make of them when two machines wrote at once.

/// The base model's file name (at the top of the folder).
pub const BASE_FILE: &str = "kpi-structure.kpi.json";
/// The folder of the writers' files.
pub const CHANGES_DIR: &str = "changes";
/// How a writer's file name ends.
pub const CHANGES_EXTENSION: &str = ".kpi-changes.json";

const BASE_STEM: &str = "kpi-structure";
const MODEL_EXTENSION: &str = ".kpi.json";
/// Longest slug, in characters.
const MAX_SLUG: usize = 60;

/// What a file of the folder is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderFile {
    /// `kpi-structure.kpi.json`.
    Base,
    /// `<slug>.kpi-changes.json`: one writer's changes.
    Changes { slug: String },
    /// A copy a sync client made of one of ours (`anna (conflicted copy).kpi-changes.json`,
    /// `anna-DESKTOP-AB12CD.kpi-changes.json`, `anna (1).kpi-changes.json`, Syncthing's
    /// `anna.kpi-changes.sync-conflict-….json`, `kpi-structure (1).kpi.json`): `of` is the
    /// original's name. Read and merged like the original.
    SyncCopy { of: String },
    /// Anything else (ignored).
    Other,
}

/// The file-name part of a writer's name: lower case ASCII letters, digits and `-` ("Anna de
/// Vries" → `anna-de-vries`, "José Müller" → `jose-muller`); other letters as their code
/// (`u674e`), so no name is lost; at most 60 characters; an empty result is `anonymous`.
pub fn writer_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let part = match c {
            'a'..='z' | '0'..='9' => c.to_string(),
            c if c.is_alphanumeric() => {
                latin(c).map_or_else(|| format!("-u{:x}-", u32::from(c)), str::to_string)
            }
            _ => "-".to_string(),
        };
        out.push_str(&part);
    }
    let slug: Vec<&str> = out.split('-').filter(|s| !s.is_empty()).collect();
    let slug: String = slug.join("-").chars().take(MAX_SLUG).collect();
    match slug.trim_end_matches('-') {
        "" => "anonymous".to_string(),
        s => s.to_string(),
    }
}

/// A Latin letter with a mark, as plain letters.
fn latin(c: char) -> Option<&'static str> {
    const TABLE: [(&str, &str); 16] = [
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćčĉċ", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ìíîïĩīĭįı", "i"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşšß", "s"),
        ("ţťŧ", "t"),
        ("ùúûüũūŭůűų", "u"),
    ];
    match c {
        'ý' | 'ÿ' => Some("y"),
        'ź' | 'ż' | 'ž' => Some("z"),
        'ß' => Some("ss"),
        _ => TABLE
            .iter()
            .find(|(from, _)| from.contains(c))
            .map(|(_, to)| *to),
    }
}

/// The name of `writer`'s file in [`CHANGES_DIR`]: `<slug>.kpi-changes.json`.
pub fn changes_file_name(writer: &str) -> String {
    format!("{}{CHANGES_EXTENSION}", writer_slug(writer))
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What the file named `name` is (a path's last part counts; `/` and `\` both separate).
pub fn classify(name: &str) -> FolderFile {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if let Some(original) = syncthing_original(name) {
        return match classify(&original) {
            FolderFile::Base | FolderFile::Changes { .. } => FolderFile::SyncCopy { of: original },
            other => other,
        };
    }
    if let Some(stem) = name.strip_suffix(CHANGES_EXTENSION) {
        if is_slug(stem) {
            return FolderFile::Changes {
                slug: stem.to_string(),
            };
        }
        let original = without_copy_marks(stem);
        if is_slug(&original) {
            return FolderFile::SyncCopy {
                of: format!("{original}{CHANGES_EXTENSION}"),
            };
        }
    } else if let Some(stem) = name.strip_suffix(MODEL_EXTENSION) {
        if stem == BASE_STEM {
            return FolderFile::Base;
        }
        if without_copy_marks(stem) == BASE_STEM {
            return FolderFile::SyncCopy {
                of: BASE_FILE.to_string(),
            };
        }
    }
    FolderFile::Other
}

/// Syncthing's `<name>.sync-conflict-<date>-<time>-<device>.<ext>`: `<name>.<ext>`.
fn syncthing_original(name: &str) -> Option<String> {
    let at = name.find(".sync-conflict-")?;
    let ext = name[at + 1..].rfind('.').map(|i| &name[at + 1 + i..])?;
    Some(format!("{}{ext}", &name[..at]))
}

/// A file stem without what sync clients and file managers add: ` (conflicted copy)`,
/// ` (Anna's conflicted copy 2026-12-04)`, ` (1)`, ` - Copy`, ` copy`, ` - Kopie`, and a
/// device name after a `-` (OneDrive: `-DESKTOP-AB12CD`, recognised by its capitals).
fn without_copy_marks(stem: &str) -> String {
    let mut s = stem.trim_end();
    loop {
        let before = s;
        if s.ends_with(')') {
            if let Some(open) = s.rfind('(') {
                s = s[..open].trim_end();
            }
        }
        for mark in [" - copy", " - kopie", " copy", " kopie"] {
            let n = s.len().saturating_sub(mark.len());
            if s.is_char_boundary(n) && s[n..].eq_ignore_ascii_case(mark) {
                s = s[..n].trim_end();
            }
        }
        if s == before {
            break;
        }
    }
    // A device name: the slug is the `-`-separated parts before the first that is not
    // lower case.
    let parts: Vec<&str> = s.split('-').collect();
    let lower = parts.iter().take_while(|p| is_slug(p)).count();
    if lower > 0 && lower < parts.len() && parts[lower].bytes().any(|b| b.is_ascii_uppercase()) {
        parts[..lower].join("-")
    } else {
        s.to_string()
    }
}
