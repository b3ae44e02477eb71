//! Reading delimited text: CSV (RFC 4180, `,` or `;`) and the tab-separated text spreadsheets
//! put on the clipboard. One reader for both, so a quoted cell means the same in each.
//!
//! A cell that starts with `"` is quoted: it runs to the next `"` not doubled (`""` is one
//! quote) and may hold separators and line breaks; text after the closing quote up to the
//! separator is kept as written. Other cells run to the next separator or line end, quotes
//! inside kept. Line ends are `\r\n`, `\n` or `\r`. A leading UTF-8 BOM is dropped, and so are
//! empty lines at the end. Never fails: an unclosed quote runs to the end of the text.

/// The rows of `text`, each a list of cells, split at `separator`.
pub fn records(text: &str, separator: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                in_quotes = true;
                at_cell_start = false;
            }
            c if c == separator => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !at_cell_start || !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()))
    {
        rows.pop();
    }
    rows
}

/// The separator of a CSV file, read from its first line: `;` (Excel in Dutch and other
/// locales that write `,` as the decimal separator) when it has more `;` than `,`, a tab when
/// it has tabs and neither, else `,`.
pub fn csv_separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    if count(';') > count(',') {
        ';'
    } else if count(',') == 0 && count('\t') > 0 {
        '\t'
    } else {
        ','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, sep: char) -> Vec<Vec<String>> {
        records(text, sep)
    }

    fn want(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn quotes_separators_and_line_ends() {
        assert_eq!(
            rows(
                "\u{feff}a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\r\nlines\",3\r\n\r\n",
                ','
            ),
            want(&[&["a", "b,c", "say \"hi\""], &["1", "two\r\nlines", "3"]])
        );
        assert_eq!(rows("a\tb\rc\t\n", '\t'), want(&[&["a", "b"], &["c", ""]]));
        assert_eq!(rows("x\t5\"\t\"", '\t'), want(&[&["x", "5\"", ""]]));
        assert_eq!(rows("\"open", ','), want(&[&["open"]]));
        assert!(records("\r\n\n", ',').is_empty());
    }

    #[test]
    fn separator_from_the_first_line() {
        assert_eq!(csv_separator("kpi_id;kpi;period\n1,5;x"), ';');
        assert_eq!(csv_separator("kpi_id,kpi,period"), ',');
        assert_eq!(csv_separator("a\tb"), '\t');
    }
}
