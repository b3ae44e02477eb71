//! Sorting through one copy of the standard sort for the whole crate.
//!
//! Each `slice::sort_by` (and each `collect` into a `BTreeMap` or `BTreeSet`, which sorts) on
//! another element type or comparator is a copy of the standard library's sort in the wasm,
//! 3-4 KB each; seven of them were in the first load (issue 24). These functions sort the
//! positions `0..n` with the comparator behind a `dyn`, so the standard sort is compiled once,
//! and then move the elements into that order. Stable, like `slice::sort_by`.
//! `clippy.toml` disallows the standard slice sorts in `src/`; a `collect` into a `BTreeMap`
//! or `BTreeSet` sorts with its own copy, so the first load avoids those (`steer`, `reader`).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` puts them (stable): the crate's one standard sort.
#[inline(never)]
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts the element at `order[i]` at `i` for every `i`, following each cycle of the
/// permutation with swaps (`order` must hold each of `0..v.len()` once).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        // The element that was at `start` travels along the cycle until its own place.
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs compared by their first field only: a stable sort keeps the second in order.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 5, 17, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            #[allow(clippy::disallowed_methods)]
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn key_and_plain_sorts() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "banana"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "apple", "banana"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "banana", "fig", "kiwi", "pear"]);
        let mut down = vec![3, 1, 2];
        sort_by(&mut down, |a, b| b.cmp(a));
        assert_eq!(down, [3, 2, 1]);
    }
}
