//! Reading a [`Norm`] out of a version-1 KPI's free text (`target`, `amber`, `red` and its
//! direction), where a person would read it the same way.
//!
//! What is read, in English and Dutch (case-insensitive, `%` and unit words ignored):
//! plain numbers (`95%`, `10 days`, `8,5`, `99.5`); at least (`9+`, `at least 9`, `minimum 9`,
//! `min 9`, `minimaal 9`, `minstens 9`, `ten minste 9`, `≥ 9`, `9 or more`, `9 of meer`); at
//! most (`at most 3%`, `max 3%`, `maximum`, `maximaal`, `hoogstens`, `ten hoogste`, `≤ 3`,
//! `3 or less`); below (`below`, `under`, `less than`, `fewer than`, `lower than`, `< 90`,
//! `onder`, `lager dan`, `minder dan`, `kleiner dan`); above (`over`, `above`, `more than`,
//! `higher than`, `greater than`, `> 15`, `boven`, `hoger dan`, `meer dan`, `groter dan`);
//! ranges (`90 - 95%`, `90–95`, `90 to 95`, `between 90 and 95`, `tussen 90 en 95`); a band's
//! tolerance (`below 85% or above 100%`, `± 5`). Decimal commas and points are both read;
//! a thousands separator only where it cannot be a decimal one (`1,000,000`, `1.000,5`,
//! `1,000.5`): `1,000` and `1.000` are ambiguous and refused. Negations (`not`, `niet`)
//! are refused.
//!
//! The red threshold comes from the red text when it has a number, else from the amber text
//! (its far end: amber `8.5 - 9` with higher is better gives red 8.5); nothing is made up.

use super::lang::Lang;
use super::norm::{Contradiction, Norm};
use super::types::{Direction, Kpi};

/// Which version-1 text a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NormField {
    /// `Kpi::target`.
    Target,
    /// `Kpi::amber`.
    Amber,
    /// `Kpi::red`.
    Red,
}

impl NormField {
    /// The field's label in the inspector.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NormField::Target => lang.pick("target", "norm"),
            NormField::Amber => lang.pick("amber threshold", "oranje grens"),
            NormField::Red => lang.pick("red threshold", "rode grens"),
        }
    }
}

/// Why no norm could be read from the text; the caller keeps the text as the norm description.
#[derive(Clone, Debug, PartialEq)]
pub enum NormTextProblem {
    /// The KPI has no direction, so the numbers cannot be placed.
    NoDirection,
    /// The target text holds no number.
    NoTarget,
    /// Neither the red nor the amber text gives a red threshold (for a band: a tolerance).
    NoRed,
    /// A text holds numbers but not in a form read here, or in one that does not fit the
    /// direction (`below 90%` as the target of higher is better).
    Unreadable {
        /// Which text.
        field: NormField,
        /// The text as written.
        text: String,
    },
    /// A number that reads two ways (`1,000`: one thousand or one).
    AmbiguousNumber {
        /// Which text.
        field: NormField,
        /// The number as written.
        number: String,
    },
    /// A band's red threshold lies at different distances below and above the band, and a
    /// norm has one tolerance.
    UnevenTolerance {
        /// Which text.
        field: NormField,
        /// The text as written.
        text: String,
    },
    /// The numbers read contradict the direction (red threshold on the wrong side).
    Contradiction(Contradiction),
}

impl NormTextProblem {
    /// The problem in one sentence, naming what could not be read.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NormTextProblem::NoDirection => lang
                .pick(
                    "The KPI has no direction, so its norm cannot be read.",
                    "De KPI heeft geen richting, dus de norm is niet te lezen.",
                )
                .to_string(),
            NormTextProblem::NoTarget => lang
                .pick("The target has no number.", "De norm bevat geen getal.")
                .to_string(),
            NormTextProblem::NoRed => lang
                .pick(
                    "Neither the red nor the amber threshold gives a number for red.",
                    "De rode en de oranje grens geven geen getal voor rood.",
                )
                .to_string(),
            NormTextProblem::Unreadable { field, text } => {
                let f = field.label(lang);
                lang.pick(
                    format!("The {f} “{text}” cannot be read as a number for this direction."),
                    format!("De {f} “{text}” is niet te lezen als getal voor deze richting."),
                )
            }
            NormTextProblem::AmbiguousNumber { field, number } => {
                let f = field.label(lang);
                lang.pick(
                    format!("The {f} has “{number}”, which reads two ways (decimal or thousands)."),
                    format!("De {f} bevat “{number}”, dat op twee manieren te lezen is (decimalen of duizendtallen)."),
                )
            }
            NormTextProblem::UnevenTolerance { field, text } => {
                let f = field.label(lang);
                lang.pick(
                    format!(
                        "The {f} “{text}” lies at different distances below and above the band."
                    ),
                    format!("De {f} “{text}” ligt niet even ver onder als boven de bandbreedte."),
                )
            }
            NormTextProblem::Contradiction(c) => c.message(lang).to_string(),
        }
    }
}

/// How a single number relates to the values it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Plain,
    AtLeast,
    AtMost,
    Below,
    Above,
    Tolerance,
}

/// One piece of a text after its words are recognised.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    Num(f64),
    Rel(Rel),
    /// A range connector: `-`, `to`, `and`, `en`, `tot`.
    To,
    /// `or` / `of`: separates two clauses.
    Or,
    /// `not` / `niet`: the text says what the norm is not.
    Not,
}

/// One clause: a number with its relation, or a range.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Clause {
    One(Rel, f64),
    Range(f64, f64),
}

/// What a whole text says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Reading {
    Empty,
    One(Clause),
    Either(Clause, Clause),
}

/// Why a text cannot be read at all.
enum Unread {
    Form,
    Ambiguous(String),
}

/// Multi-word phrases first where they start with a shorter one (`of meer` before `of`).
const PHRASES: &[(&[&str], Item)] = &[
    (&["at", "least"], Item::Rel(Rel::AtLeast)),
    (&["no", "less", "than"], Item::Rel(Rel::AtLeast)),
    (&["not", "less", "than"], Item::Rel(Rel::AtLeast)),
    (&["or", "more"], Item::Rel(Rel::AtLeast)),
    (&["or", "higher"], Item::Rel(Rel::AtLeast)),
    (&["of", "meer"], Item::Rel(Rel::AtLeast)),
    (&["of", "hoger"], Item::Rel(Rel::AtLeast)),
    (&["ten", "minste"], Item::Rel(Rel::AtLeast)),
    (&["tenminste"], Item::Rel(Rel::AtLeast)),
    (&["minimum"], Item::Rel(Rel::AtLeast)),
    (&["min"], Item::Rel(Rel::AtLeast)),
    (&["minimaal"], Item::Rel(Rel::AtLeast)),
    (&["minstens"], Item::Rel(Rel::AtLeast)),
    (&["≥"], Item::Rel(Rel::AtLeast)),
    (&["+"], Item::Rel(Rel::AtLeast)),
    (&["at", "most"], Item::Rel(Rel::AtMost)),
    (&["no", "more", "than"], Item::Rel(Rel::AtMost)),
    (&["not", "more", "than"], Item::Rel(Rel::AtMost)),
    (&["or", "less"], Item::Rel(Rel::AtMost)),
    (&["or", "fewer"], Item::Rel(Rel::AtMost)),
    (&["or", "lower"], Item::Rel(Rel::AtMost)),
    (&["of", "minder"], Item::Rel(Rel::AtMost)),
    (&["of", "lager"], Item::Rel(Rel::AtMost)),
    (&["ten", "hoogste"], Item::Rel(Rel::AtMost)),
    (&["up", "to"], Item::Rel(Rel::AtMost)),
    (&["maximum"], Item::Rel(Rel::AtMost)),
    (&["max"], Item::Rel(Rel::AtMost)),
    (&["maximaal"], Item::Rel(Rel::AtMost)),
    (&["hoogstens"], Item::Rel(Rel::AtMost)),
    (&["≤"], Item::Rel(Rel::AtMost)),
    (&["less", "than"], Item::Rel(Rel::Below)),
    (&["fewer", "than"], Item::Rel(Rel::Below)),
    (&["lower", "than"], Item::Rel(Rel::Below)),
    (&["smaller", "than"], Item::Rel(Rel::Below)),
    (&["lager", "dan"], Item::Rel(Rel::Below)),
    (&["minder", "dan"], Item::Rel(Rel::Below)),
    (&["kleiner", "dan"], Item::Rel(Rel::Below)),
    (&["below"], Item::Rel(Rel::Below)),
    (&["under"], Item::Rel(Rel::Below)),
    (&["beneath"], Item::Rel(Rel::Below)),
    (&["onder"], Item::Rel(Rel::Below)),
    (&["<"], Item::Rel(Rel::Below)),
    (&["more", "than"], Item::Rel(Rel::Above)),
    (&["greater", "than"], Item::Rel(Rel::Above)),
    (&["higher", "than"], Item::Rel(Rel::Above)),
    (&["hoger", "dan"], Item::Rel(Rel::Above)),
    (&["meer", "dan"], Item::Rel(Rel::Above)),
    (&["groter", "dan"], Item::Rel(Rel::Above)),
    (&["over"], Item::Rel(Rel::Above)),
    (&["above"], Item::Rel(Rel::Above)),
    (&["exceeds"], Item::Rel(Rel::Above)),
    (&["boven"], Item::Rel(Rel::Above)),
    (&[">"], Item::Rel(Rel::Above)),
    (&["plus", "or", "minus"], Item::Rel(Rel::Tolerance)),
    (&["plus", "minus"], Item::Rel(Rel::Tolerance)),
    (&["±"], Item::Rel(Rel::Tolerance)),
    (&["tot", "en", "met"], Item::To),
    (&["-"], Item::To),
    (&["to"], Item::To),
    (&["and"], Item::To),
    (&["en"], Item::To),
    (&["tot"], Item::To),
    (&["or"], Item::Or),
    (&["of"], Item::Or),
    (&["not"], Item::Not),
    (&["niet"], Item::Not),
];

/// A token: a number as written, or a word or symbol.
enum Tok {
    Num(String),
    Word(String),
}

fn tokens(text: &str) -> Vec<Tok> {
    // Every keyword is ASCII, so ASCII lower-casing matches them as Unicode lower-casing
    // would; it keeps Unicode's case tables (~4 KB of wasm) out of opening a model.
    let text = text
        .to_ascii_lowercase()
        .replace(">=", "≥")
        .replace("=>", "≥")
        .replace("<=", "≤")
        .replace("=<", "≤")
        .replace("+/-", "±")
        .replace(['–', '—', '−'], "-");
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let digit_at = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
        let after_number = matches!(out.last(), Some(Tok::Num(_)));
        if c.is_ascii_digit() || (c == '-' && digit_at(i + 1) && !after_number) {
            let start = i;
            i += 1;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || (matches!(chars[i], '.' | ',') && digit_at(i + 1)))
            {
                i += 1;
            }
            out.push(Tok::Num(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(chars[start..i].iter().collect()));
        } else {
            if "<>≤≥+-±".contains(c) {
                out.push(Tok::Word(c.to_string()));
            }
            i += 1;
        }
    }
    out
}

/// A number as written: `95`, `-5`, `8,5`, `99.5`, `1,000,000`, `1.000,5`; `1,000` is
/// ambiguous.
fn number(s: &str) -> Result<f64, Unread> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let seps: Vec<(usize, char)> = body
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let plain: String = match seps.as_slice() {
        [] => body.to_string(),
        [(at, _)] => {
            let (int, frac) = (&body[..*at], &body[at + 1..]);
            if frac.len() == 3 && int != "0" {
                return Err(Unread::Ambiguous(s.to_string()));
            }
            format!("{int}.{frac}")
        }
        _ => {
            let (last_at, _) = seps[seps.len() - 1];
            let thousands = seps[0].1;
            let all_same = seps.iter().all(|(_, c)| *c == thousands);
            // Either every separator is the same (all thousands), or the last differs (decimal).
            let (groups_end, decimal) = if all_same {
                (body.len(), None)
            } else if seps[..seps.len() - 1].iter().all(|(_, c)| *c == thousands) {
                (last_at, Some(&body[last_at + 1..]))
            } else {
                return Err(Unread::Form);
            };
            let groups: Vec<&str> = body[..groups_end].split(thousands).collect();
            let first_ok = (1..=3).contains(&groups[0].len()) && !groups[0].starts_with('0');
            if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
                return Err(Unread::Form);
            }
            let int: String = groups.concat();
            match decimal {
                Some(d) => format!("{int}.{d}"),
                None => int,
            }
        }
    };
    let v = super::norm::parse_plain(&plain).ok_or(Unread::Form)?;
    Ok(if neg { -v } else { v })
}

fn items(text: &str) -> Result<Vec<Item>, Unread> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < toks.len() {
        if let Tok::Num(n) = &toks[i] {
            out.push(Item::Num(number(n)?));
            i += 1;
            continue;
        }
        for (words, item) in PHRASES {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| matches!(toks.get(i + k), Some(Tok::Word(t)) if t == w));
            if fits {
                out.push(*item);
                i += words.len();
                continue 'outer;
            }
        }
        i += 1; // a unit or another word: not part of the norm
    }
    Ok(out)
}

fn clause(items: &[Item]) -> Result<Option<Clause>, Unread> {
    let nums: Vec<(usize, f64)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| match it {
            Item::Num(v) => Some((i, *v)),
            _ => None,
        })
        .collect();
    let mut rels = items.iter().filter_map(|it| match it {
        Item::Rel(r) => Some(*r),
        _ => None,
    });
    let first = rels.next();
    if rels.any(|r| Some(r) != first) {
        return Err(Unread::Form);
    }
    match nums.as_slice() {
        [] => Ok(None),
        [(_, v)] => Ok(Some(Clause::One(first.unwrap_or(Rel::Plain), *v))),
        [(i, a), (j, b)] if first.is_none() && items[i + 1..*j].contains(&Item::To) => {
            Ok(Some(Clause::Range(a.min(*b), a.max(*b))))
        }
        _ => Err(Unread::Form),
    }
}

fn read(text: &str) -> Result<Reading, Unread> {
    let items = items(text)?;
    if items.contains(&Item::Not) {
        return Err(Unread::Form);
    }
    let mut clauses = Vec::new();
    for part in items.split(|it| *it == Item::Or) {
        if let Some(c) = clause(part)? {
            clauses.push(c);
        }
    }
    match clauses.as_slice() {
        [] => Ok(Reading::Empty),
        [c] => Ok(Reading::One(*c)),
        [a, b] => Ok(Reading::Either(*a, *b)),
        _ => Err(Unread::Form),
    }
}

/// Reads the norm of a version-1 KPI from its direction and its target, amber and red texts.
/// See the module documentation for what is read; anything else is a [`NormTextProblem`].
pub fn norm_from_text(
    direction: Direction,
    target: &str,
    amber: &str,
    red: &str,
) -> Result<Norm, NormTextProblem> {
    let texts = Texts { target, amber, red };
    let norm = match direction {
        Direction::Unset => return Err(NormTextProblem::NoDirection),
        Direction::Higher => {
            let target =
                texts.single(NormField::Target, &[Rel::Plain, Rel::AtLeast, Rel::Above])?;
            let red = texts.threshold(
                &[Rel::Plain, Rel::Below, Rel::AtMost],
                &[Rel::Plain, Rel::AtLeast, Rel::Above],
                |lo, _| lo,
            )?;
            Norm::Higher { target, red }
        }
        Direction::Lower => {
            let target = texts.single(NormField::Target, &[Rel::Plain, Rel::AtMost, Rel::Below])?;
            let red = texts.threshold(
                &[Rel::Plain, Rel::Above, Rel::AtLeast],
                &[Rel::Plain, Rel::AtMost, Rel::Below],
                |_, hi| hi,
            )?;
            Norm::Lower { target, red }
        }
        Direction::Band => {
            let (low, high) = match texts.reading(NormField::Target)? {
                Reading::One(Clause::Range(lo, hi)) => (lo, hi),
                Reading::Empty => return Err(NormTextProblem::NoTarget),
                _ => return Err(texts.unreadable(NormField::Target)),
            };
            let tolerance = texts.tolerance(low, high)?;
            Norm::Band {
                low,
                high,
                tolerance,
            }
        }
    };
    match norm.contradiction() {
        Some(c) => Err(NormTextProblem::Contradiction(c)),
        None => Ok(norm),
    }
}

/// Whether a KPI's norm description only restates its norm: read as the version-1 texts the
/// v1 -> v2 migration joins (`95% · amber 90 - 95% · red below 90%`), it gives exactly the norm
/// its direction and numbers make. Views leave such a note out, as it says nothing more; once
/// a number changes it no longer restates the norm and shows as a note.
pub fn restates_norm(k: &Kpi) -> bool {
    let Some(norm) = k.norm() else {
        return false;
    };
    let mut texts = ["", "", ""];
    for part in k.norm_description.split(" · ") {
        let (slot, text) = match (part.strip_prefix("amber "), part.strip_prefix("red ")) {
            (Some(a), _) => (1, a),
            (_, Some(r)) => (2, r),
            _ => (0, part),
        };
        if !texts[slot].is_empty() {
            return false;
        }
        texts[slot] = text;
    }
    norm_from_text(k.direction, texts[0], texts[1], texts[2]) == Ok(norm)
}

/// The part of a KPI's norm description that views show as a note (see
/// [`super::norm::norm_note`]): all of it, unless it only restates the norm
/// ([`restates_norm`]), then nothing.
pub fn note_of(k: &Kpi) -> &str {
    if restates_norm(k) {
        ""
    } else {
        &k.norm_description
    }
}

/// The three texts of one KPI.
struct Texts<'t> {
    target: &'t str,
    amber: &'t str,
    red: &'t str,
}

impl Texts<'_> {
    fn text(&self, field: NormField) -> &str {
        match field {
            NormField::Target => self.target,
            NormField::Amber => self.amber,
            NormField::Red => self.red,
        }
    }

    fn unreadable(&self, field: NormField) -> NormTextProblem {
        NormTextProblem::Unreadable {
            field,
            text: self.text(field).to_string(),
        }
    }

    fn reading(&self, field: NormField) -> Result<Reading, NormTextProblem> {
        read(self.text(field)).map_err(|u| match u {
            Unread::Form => self.unreadable(field),
            Unread::Ambiguous(number) => NormTextProblem::AmbiguousNumber { field, number },
        })
    }

    /// One number in one of the relations `rels`.
    fn single(&self, field: NormField, rels: &[Rel]) -> Result<f64, NormTextProblem> {
        match self.reading(field)? {
            Reading::One(Clause::One(r, v)) if rels.contains(&r) => Ok(v),
            Reading::Empty if field == NormField::Target => Err(NormTextProblem::NoTarget),
            _ => Err(self.unreadable(field)),
        }
    }

    /// The red threshold of higher or lower is better: from the red text (one number in
    /// `red_rels`), else from the amber text (one number in `amber_rels`, or a range whose
    /// far end `far(lo, hi)` borders red).
    fn threshold(
        &self,
        red_rels: &[Rel],
        amber_rels: &[Rel],
        far: fn(f64, f64) -> f64,
    ) -> Result<f64, NormTextProblem> {
        if self.reading(NormField::Red)? != Reading::Empty {
            return self.single(NormField::Red, red_rels);
        }
        match self.reading(NormField::Amber)? {
            Reading::Empty => Err(NormTextProblem::NoRed),
            Reading::One(Clause::Range(lo, hi)) => Ok(far(lo, hi)),
            _ => self.single(NormField::Amber, amber_rels),
        }
    }

    /// A band's tolerance: from the red text, else the amber text, each as `± t`, as the
    /// outer range `85 - 100`, or as `below 85 or above 100`.
    fn tolerance(&self, low: f64, high: f64) -> Result<f64, NormTextProblem> {
        for field in [NormField::Red, NormField::Amber] {
            let outer = match self.reading(field)? {
                Reading::Empty => continue,
                Reading::One(Clause::One(Rel::Tolerance, t)) => return Ok(t),
                Reading::One(Clause::Range(lo, hi)) => (lo, hi),
                Reading::Either(Clause::One(a, x), Clause::One(b, y))
                    if is_below(a) && is_above(b) =>
                {
                    (x, y)
                }
                Reading::Either(Clause::One(a, y), Clause::One(b, x))
                    if is_above(a) && is_below(b) =>
                {
                    (x, y)
                }
                _ => return Err(self.unreadable(field)),
            };
            let (below, above) = (low - outer.0, outer.1 - high);
            if (below - above).abs() > 1e-9 * below.abs().max(above.abs()).max(1.0) {
                return Err(NormTextProblem::UnevenTolerance {
                    field,
                    text: self.text(field).to_string(),
                });
            }
            return Ok(below);
        }
        Err(NormTextProblem::NoRed)
    }
}

fn is_below(r: Rel) -> bool {
    matches!(r, Rel::Below | Rel::AtMost)
}

fn is_above(r: Rel) -> bool {
    matches!(r, Rel::Above | Rel::AtLeast)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn higher(t: &str, a: &str, r: &str) -> Result<Norm, NormTextProblem> {
        norm_from_text(Direction::Higher, t, a, r)
    }

    fn lower(t: &str, a: &str, r: &str) -> Result<Norm, NormTextProblem> {
        norm_from_text(Direction::Lower, t, a, r)
    }

    fn h(target: f64, red: f64) -> Result<Norm, NormTextProblem> {
        Ok(Norm::Higher { target, red })
    }

    fn l(target: f64, red: f64) -> Result<Norm, NormTextProblem> {
        Ok(Norm::Lower { target, red })
    }

    #[test]
    fn numbers() {
        let n = |s: &str| number(s).ok();
        assert_eq!(n("95"), Some(95.0));
        assert_eq!(n("-5"), Some(-5.0));
        assert_eq!(n("8,5"), Some(8.5));
        assert_eq!(n("99.5"), Some(99.5));
        assert_eq!(n("0,125"), Some(0.125));
        assert_eq!(n("1,000,000"), Some(1_000_000.0));
        assert_eq!(n("1.000.000"), Some(1_000_000.0));
        assert_eq!(n("1.000,5"), Some(1000.5));
        assert_eq!(n("1,000.5"), Some(1000.5));
        assert_eq!(n("1,000"), None);
        assert_eq!(n("1.000"), None);
        assert_eq!(n("1,00,0"), None);
        assert_eq!(n("1.000.5"), None);
        assert_eq!(n("1,000.000,5"), None);
    }

    #[test]
    fn higher_is_better_forms() {
        assert_eq!(higher("95%", "", "below 90%"), h(95.0, 90.0));
        assert_eq!(higher("95 %", "", "< 90"), h(95.0, 90.0));
        assert_eq!(higher("9+", "8,5 - 9", ""), h(9.0, 8.5));
        assert_eq!(higher("at least 9", "", "under 8"), h(9.0, 8.0));
        assert_eq!(higher("minimum 9", "", "lower than 8"), h(9.0, 8.0));
        assert_eq!(higher("minimaal 8", "", "lager dan 7,5"), h(8.0, 7.5));
        assert_eq!(higher("≥ 9", "", "onder 8"), h(9.0, 8.0));
        assert_eq!(higher(">= 9", "7", ""), h(9.0, 7.0));
        assert_eq!(higher("9 or more", "", "fewer than 3"), h(9.0, 3.0));
        assert_eq!(higher("hoger dan 90", "", "minder dan 80"), h(90.0, 80.0));
        assert_eq!(higher("95%", "90–95%", ""), h(95.0, 90.0));
        assert_eq!(higher("95%", "tussen 90 en 95", ""), h(95.0, 90.0));
        assert_eq!(higher("95%", "between 90 and 95%", ""), h(95.0, 90.0));
        assert_eq!(
            higher("1,000,000", "", "below 900.000,5"),
            h(1e6, 900_000.5)
        );
    }

    #[test]
    fn keywords_read_in_any_case() {
        assert_eq!(higher("MINIMAAL 8", "", "Lager Dan 7,5"), h(8.0, 7.5));
        assert_eq!(lower("At Most 3%", "", "OVER 5%"), l(3.0, 5.0));
        let band = |t: &str| norm_from_text(Direction::Band, t, "± 2", "");
        assert_eq!(band("Tussen 90 EN 95"), band("tussen 90 en 95"));
        assert!(band("Tussen 90 EN 95").is_ok());
        // Every keyword is ASCII (what makes ASCII lower-casing enough).
        assert!(PHRASES.iter().all(|(words, _)| words
            .iter()
            .all(|w| w.is_ascii() || !w.chars().any(char::is_alphabetic))));
    }

    #[test]
    fn lower_is_better_forms() {
        assert_eq!(lower("at most 3%", "3 - 5%", "over 5%"), l(3.0, 5.0));
        assert_eq!(lower("max 3%", "", "more than 5"), l(3.0, 5.0));
        assert_eq!(lower("≤ 3", "", "> 5"), l(3.0, 5.0));
        assert_eq!(lower("<= 3", "", "above 5"), l(3.0, 5.0));
        assert_eq!(lower("maximaal 3", "", "boven 5"), l(3.0, 5.0));
        assert_eq!(lower("hoogstens 3", "", "meer dan 5"), l(3.0, 5.0));
        assert_eq!(lower("10 days", "10 - 15 days", ""), l(10.0, 15.0));
        assert_eq!(lower("under 10", "", "over 15 days"), l(10.0, 15.0));
        assert_eq!(lower("0", "", "more than 3"), l(0.0, 3.0));
    }

    #[test]
    fn bands() {
        let band = |t: &str, a: &str, r: &str| norm_from_text(Direction::Band, t, a, r);
        let b = |low, high, tolerance| {
            Ok(Norm::Band {
                low,
                high,
                tolerance,
            })
        };
        assert_eq!(
            band("90 - 95%", "", "below 85% or above 100%"),
            b(90.0, 95.0, 5.0)
        );
        assert_eq!(
            band("90–95", "", "onder 85 of boven 100"),
            b(90.0, 95.0, 5.0)
        );
        assert_eq!(
            band("between 90 and 95", "85 - 100", ""),
            b(90.0, 95.0, 5.0)
        );
        assert_eq!(band("tussen 90 en 95", "± 2", ""), b(90.0, 95.0, 2.0));
        assert_eq!(
            band("90 - 95", "", "above 100 or below 85"),
            b(90.0, 95.0, 5.0)
        );
        assert!(matches!(
            band("90 - 95", "", "below 80 or above 100"),
            Err(NormTextProblem::UnevenTolerance {
                field: NormField::Red,
                ..
            })
        ));
        assert!(matches!(
            band("95", "", "below 85"),
            Err(NormTextProblem::Unreadable {
                field: NormField::Target,
                ..
            })
        ));
        assert_eq!(band("90 - 95", "", ""), Err(NormTextProblem::NoRed));
    }

    #[test]
    fn problems() {
        assert_eq!(
            norm_from_text(Direction::Unset, "95%", "", "below 90%"),
            Err(NormTextProblem::NoDirection)
        );
        assert_eq!(higher("", "", "below 90"), Err(NormTextProblem::NoTarget));
        assert_eq!(
            higher("high", "", "below 90"),
            Err(NormTextProblem::NoTarget)
        );
        assert_eq!(higher("95%", "", ""), Err(NormTextProblem::NoRed));
        assert_eq!(higher("95%", "", "too low"), Err(NormTextProblem::NoRed));
        assert!(matches!(
            higher("below 95%", "", "below 90"),
            Err(NormTextProblem::Unreadable {
                field: NormField::Target,
                ..
            })
        ));
        assert!(matches!(
            higher("95%", "", "over 90"),
            Err(NormTextProblem::Unreadable {
                field: NormField::Red,
                ..
            })
        ));
        assert!(matches!(
            higher("not below 95", "", "80"),
            Err(NormTextProblem::Unreadable {
                field: NormField::Target,
                ..
            })
        ));
        assert!(matches!(
            higher("9 out of 10", "", "8"),
            Err(NormTextProblem::Unreadable { .. })
        ));
        assert_eq!(
            higher("1,000", "", "900"),
            Err(NormTextProblem::AmbiguousNumber {
                field: NormField::Target,
                number: "1,000".into()
            })
        );
        assert_eq!(
            higher("90", "", "below 95"),
            Err(NormTextProblem::Contradiction(
                Contradiction::RedAboveTarget
            ))
        );
        assert_eq!(
            lower("10", "", "over 5"),
            Err(NormTextProblem::Contradiction(
                Contradiction::RedBelowTarget
            ))
        );
        for p in [
            NormTextProblem::NoDirection,
            NormTextProblem::NoTarget,
            NormTextProblem::NoRed,
            NormTextProblem::Unreadable {
                field: NormField::Red,
                text: "x".into(),
            },
            NormTextProblem::AmbiguousNumber {
                field: NormField::Target,
                number: "1,000".into(),
            },
            NormTextProblem::UnevenTolerance {
                field: NormField::Amber,
                text: "y".into(),
            },
            NormTextProblem::Contradiction(Contradiction::LowAboveHigh),
        ] {
            assert_ne!(p.message(Lang::En), p.message(Lang::Nl));
        }
        let m = NormTextProblem::Unreadable {
            field: NormField::Red,
            text: "rood".into(),
        };
        assert!(
            m.message(Lang::En).contains("red threshold") && m.message(Lang::En).contains("rood")
        );
        assert!(m.message(Lang::Nl).contains("rode grens"));
    }
}
