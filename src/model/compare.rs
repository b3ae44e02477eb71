//! The differences between two copies of one model, by element id ([`super::flat`]): what was
//! added, removed, changed (old → new), which links moved, which values and comments changed.
//! Words for them are in `present::compare`.

use std::collections::BTreeSet;

use serde_json::Value;

use super::flat::{flatten, joined, unesc, Flat};
use super::id::Id;
use super::meeting::MeetingAt;
use super::period::Period;
use super::types::Model;

/// What a difference is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Model,
    Goal(Id),
    Department(Id),
    Chain(Id),
    Link {
        chain: Id,
        link: Id,
    },
    Kpi(Id),
    /// An action of a meeting (a chain's, a department's or the MT's).
    Action {
        at: MeetingAt,
        action: Id,
    },
}

/// One difference from `a` (mine) to `b` (theirs).
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// In `b` only.
    Added(Subject),
    /// In `a` only.
    Removed(Subject),
    /// A field of an element in both, with its JSON value in each (`None`: not set).
    Field {
        subject: Subject,
        field: String,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// A link at another position in its chain (0-based).
    Moved {
        chain: Id,
        link: Id,
        from: usize,
        to: usize,
    },
    /// A KPI's measured value.
    Value {
        kpi: Id,
        period: Period,
        old: Option<f64>,
        new: Option<f64>,
    },
    /// A KPI's comment.
    Comment {
        kpi: Id,
        period: Period,
        old: Option<String>,
        new: Option<String>,
    },
    /// An arrow of "drives" from `kpi` to `target`, in `b` only (`added`) or `a` only.
    Drive { kpi: Id, target: Id, added: bool },
    /// A meeting held in one copy only (`added`: in `b`).
    Meeting {
        at: MeetingAt,
        date: String,
        added: bool,
    },
    /// The order of a list other than links (goals, departments, chains, KPIs, actions).
    Order { list: String },
}

/// The element a flat key belongs to, and the rest of the key after it.
fn subject_of(key: &str) -> Option<(Subject, &str)> {
    let parts: Vec<&str> = key.splitn(5, '/').collect();
    let id = |s: &str| Id::new(unesc(s));
    let rest = |n: usize| -> &str {
        let mut i = 0;
        let mut seen = 0;
        for (j, c) in key.char_indices() {
            if c == '/' {
                seen += 1;
                if seen == n {
                    i = j + 1;
                    break;
                }
            }
        }
        if seen < n {
            ""
        } else {
            &key[i..]
        }
    };
    match parts.as_slice() {
        ["model", _] => Some((Subject::Model, rest(1))),
        ["goal", g, ..] => Some((Subject::Goal(id(g)), rest(2))),
        ["department", d, "action", a, ..] => Some((
            Subject::Action {
                at: MeetingAt::Department(id(d)),
                action: id(a),
            },
            rest(4),
        )),
        ["department", d, ..] => Some((Subject::Department(id(d)), rest(2))),
        // The MT's meeting: its actions, and its notes and meetings held as the model's.
        ["mt", "action", a, ..] => Some((
            Subject::Action {
                at: MeetingAt::Mt,
                action: id(a),
            },
            rest(3),
        )),
        ["mt", ..] => Some((Subject::Model, rest(1))),
        ["chain", c, "link", l, ..] => Some((
            Subject::Link {
                chain: id(c),
                link: id(l),
            },
            rest(4),
        )),
        ["chain", c, "action", a, ..] => Some((
            Subject::Action {
                at: MeetingAt::Chain(id(c)),
                action: id(a),
            },
            rest(4),
        )),
        ["chain", c, ..] => Some((Subject::Chain(id(c)), rest(2))),
        ["kpi", k, ..] => Some((Subject::Kpi(id(k)), rest(2))),
        _ => None,
    }
}

/// Every difference from `a` to `b`, elements first (in key order, so grouped by element).
pub fn differences(a: &Model, b: &Model) -> Vec<Difference> {
    let (fa, fb) = (flatten(a), flatten(b));
    let mut out = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    for (key, [va, vb]) in joined([Some(&fa), Some(&fb)]) {
        let inside = |g: &String| {
            key.strip_prefix(g.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        };
        if va == vb || gone.iter().any(inside) {
            continue;
        }
        if key.starts_with("order/") || key.contains("/order/") {
            if key.ends_with("/order/links") {
                moved_links(key, &fa, &fb, &mut out);
            } else if va.is_some() && vb.is_some() && same_members(va, vb) {
                let list = key.rsplit('/').next().unwrap_or_default().to_string();
                out.push(Difference::Order { list });
            }
            continue;
        }
        if let Some(d) = special(key, va, vb) {
            out.push(d);
            continue;
        }
        let Some((subject, rest)) = subject_of(key) else {
            continue;
        };
        if rest.is_empty() && !matches!(subject, Subject::Model) {
            // The element itself: added or removed, with everything in it.
            gone.push(key.clone());
            out.push(if va.is_none() {
                Difference::Added(subject)
            } else {
                Difference::Removed(subject)
            });
            continue;
        }
        if rest.contains('/') {
            continue;
        }
        out.push(Difference::Field {
            subject,
            field: unesc(rest),
            old: va.filter(|v| !v.is_null()).cloned(),
            new: vb.filter(|v| !v.is_null()).cloned(),
        });
    }
    out
}

/// What one flat key says differs between `a` and `b` (the words for a merge conflict);
/// `None` for a key that says nothing alone.
pub fn difference_of(key: &str, a: Option<&Value>, b: Option<&Value>) -> Option<Difference> {
    if key.starts_with("order/") || key.contains("/order/") {
        let list = key.rsplit('/').next().unwrap_or_default().to_string();
        return Some(Difference::Order { list });
    }
    if let Some(d) = special(key, a, b) {
        return Some(d);
    }
    let (subject, rest) = subject_of(key)?;
    if rest.is_empty() && !matches!(subject, Subject::Model) {
        return Some(if a.is_none() {
            Difference::Added(subject)
        } else {
            Difference::Removed(subject)
        });
    }
    Some(Difference::Field {
        subject,
        field: unesc(rest),
        old: a.filter(|v| !v.is_null()).cloned(),
        new: b.filter(|v| !v.is_null()).cloned(),
    })
}

/// Values, comments, arrows, meetings held.
fn special(key: &str, va: Option<&Value>, vb: Option<&Value>) -> Option<Difference> {
    let (subject, rest) = subject_of(key)?;
    let (head, tail) = rest.split_once('/')?;
    match (subject, head) {
        (Subject::Kpi(kpi), "value") => Some(Difference::Value {
            kpi,
            period: Period::parse(tail).ok()?,
            old: va.and_then(Value::as_f64),
            new: vb.and_then(Value::as_f64),
        }),
        (Subject::Kpi(kpi), "comment") => Some(Difference::Comment {
            kpi,
            period: Period::parse(tail).ok()?,
            old: va.and_then(Value::as_str).map(String::from),
            new: vb.and_then(Value::as_str).map(String::from),
        }),
        (Subject::Kpi(kpi), "drives") => {
            // Only an arrow that exists in one copy; a new position alone is not a difference.
            (va.is_some() != vb.is_some()).then(|| Difference::Drive {
                kpi,
                target: Id::new(unesc(tail)),
                added: vb.is_some(),
            })
        }
        (subject, "held") => {
            let at = match subject {
                Subject::Chain(c) => MeetingAt::Chain(c),
                Subject::Department(d) => MeetingAt::Department(d),
                Subject::Model => MeetingAt::Mt,
                _ => return None,
            };
            let date = va.or(vb)?.get("date")?.as_str()?.to_string();
            Some(Difference::Meeting {
                at,
                date,
                added: vb.is_some() && va.is_none(),
            })
        }
        (Subject::Chain(_) | Subject::Department(_) | Subject::Model, "absent" | "meeting") => None,
        _ => None,
    }
}

/// True when two order lists hold the same ids (only then is a different order a move).
fn same_members(a: Option<&Value>, b: Option<&Value>) -> bool {
    let set = |v: Option<&Value>| -> BTreeSet<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    set(a) == set(b)
}

/// The links of one chain that moved: those outside the longest run that kept its order.
fn moved_links(key: &str, fa: &Flat, fb: &Flat, out: &mut Vec<Difference>) {
    let list = |f: &Flat| -> Vec<String> {
        f.get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (a, b) = (list(fa), list(fb));
    let common: Vec<&String> = a.iter().filter(|x| b.contains(x)).collect();
    let pos_b: Vec<usize> = common
        .iter()
        .map(|x| b.iter().position(|y| y == *x).unwrap_or(0))
        .collect();
    let keep = longest_increasing(&pos_b);
    let chain = key
        .strip_prefix("chain/")
        .and_then(|r| r.split('/').next())
        .map(|c| Id::new(unesc(c)))
        .unwrap_or_default();
    for (i, id) in common.iter().enumerate() {
        if !keep.contains(&i) {
            out.push(Difference::Moved {
                chain: chain.clone(),
                link: Id::new((*id).clone()),
                from: a.iter().position(|y| y == *id).unwrap_or(0),
                to: pos_b[i],
            });
        }
    }
}

/// The indexes of a longest strictly increasing subsequence of `xs` (O(n²); chains are short).
fn longest_increasing(xs: &[usize]) -> Vec<usize> {
    let n = xs.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if xs[j] < xs[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut i) = (0..n).max_by_key(|&i| (len[i], usize::MAX - i)) else {
        return Vec::new();
    };
    let mut out = vec![i];
    while prev[i] != usize::MAX {
        i = prev[i];
        out.push(i);
    }
    out
}
