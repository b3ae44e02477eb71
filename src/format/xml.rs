//! Text as XML: one escaping for every XML the app writes (the diagram's SVG, the print and
//! pack HTML, the slides' parts).

/// `text` as XML text or an attribute value: `&<>"'` escaped, a line break written as
/// `line_break` (`"\n"` in text, `"&#10;"` in an attribute that keeps it), a carriage return
/// dropped, and control characters other than tab dropped with the two non-characters XML 1.0
/// forbids (U+FFFE, U+FFFF).
pub fn escape_xml(text: &str, line_break: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str(line_break),
            '\t' => out.push('\t'),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
