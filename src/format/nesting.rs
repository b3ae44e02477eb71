//! A linear pre-scan for nesting depth, so hostile input (100,000 `[`) is refused before any
//! recursive code sees it.

/// The deepest nesting of `[`/`{` in `text`, stopping early once it passes `limit`.
/// Brackets inside strings do not count.
pub fn exceeds_nesting(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::exceeds_nesting;

    #[test]
    fn counts_only_outside_strings() {
        assert!(!exceeds_nesting(r#"{"a":[[1]]}"#, 3));
        assert!(exceeds_nesting(r#"{"a":[[[1]]]}"#, 3));
        assert!(!exceeds_nesting(r#"{"a":"[[[[[[\"[[[["}"#, 1));
        assert!(exceeds_nesting(&"[".repeat(100_000), 32));
    }
}
