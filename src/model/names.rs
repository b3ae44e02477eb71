//! When two names count as the same: the one rule behind the duplicate-name check (check 12)
//! and the names given to new elements ([`unique_name`]).

/// The form of a name that comparisons use: trimmed, inner white space collapsed to one
/// space, lower-cased over Unicode ("  Équipe   Noord " → "équipe noord").
pub fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `a` and `b` are the same name: equal [`name_key`]s, so "Équipe", " équipe " and
/// "ÉQUIPE" are one name.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// `base`, or `base 2`, `base 3`, ... : the first that is not the [`same_name`] as any of
/// `taken`, so an added element does not trip the duplicate-name check.
pub fn unique_name<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let free = |n: &str| !taken.clone().any(|t| same_name(t, n));
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base} {i}"))
        .find(|n| free(n))
        .unwrap_or_else(|| base.to_string())
}
