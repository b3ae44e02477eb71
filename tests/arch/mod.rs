//! Shared by the architecture tests (`mod arch;`).

/// The text without `//` comments and without `#[cfg(test)]` items.
pub fn code(text: &str) -> String {
    let lines = text.lines().map(|l| l.find("//").map_or(l, |i| &l[..i]));
    let mut out = lines.collect::<Vec<_>>().join("\n");
    while let Some(start) = out.find("#[cfg(test)]") {
        let open = out[start..].find('{').map_or(out.len(), |i| start + i);
        let mut depth = 0;
        let close = out[open..].find(|c| {
            depth += (c == '{') as i32 - (c == '}') as i32;
            depth == 0
        });
        out.replace_range(start..close.map_or(out.len(), |i| open + i + 1), "");
    }
    out
}
