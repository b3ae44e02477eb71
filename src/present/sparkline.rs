//! A KPI's trend as a sparkline: the last periods' values as an SVG path in a small box, the
//! norm as a line (target) or a band, and a sentence for screen readers. Also the value a KPI
//! shows as of a month, written with its unit.
//!
//! Geometry only: the UI draws the path in a `viewBox` of [`W`] × [`H`].

use crate::model::steer::trend;
use crate::model::{format_number, status_as_of, value_as_of, Frequency, Kpi, Lang, Month, Norm};

/// Width of the sparkline's box (viewBox units).
pub const W: f64 = 60.0;
/// Height of the sparkline's box (viewBox units).
pub const H: f64 = 16.0;
/// Free space above and below the highest and lowest point.
const PAD: f64 = 2.0;
/// How many periods a sparkline shows.
pub const PERIODS: usize = 12;

/// Where the norm lies in the box.
#[derive(Clone, Debug, PartialEq)]
pub enum NormMark {
    /// The target as a horizontal line at `y`.
    Line(f64),
    /// The band from `top` to `bottom` (`top <= bottom`).
    Band(f64, f64),
}

/// The sparkline of one KPI.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spark {
    /// The values as an SVG path (`M x y L x y …`); a missing value breaks it.
    pub path: String,
    /// The same line as points: one list per unbroken run of two points or more (the slides
    /// draw it as a polyline).
    pub runs: Vec<Vec<(f64, f64)>>,
    /// Points with no neighbour to join (drawn as dots).
    pub dots: Vec<(f64, f64)>,
    /// The newest value's point, if it has one.
    pub last: Option<(f64, f64)>,
    /// The norm, if the KPI has one.
    pub norm: Option<NormMark>,
    /// The sentence for screen readers.
    pub summary: String,
}

fn r1(v: f64) -> f64 {
    (v * 10.0 + 0.5).floor() / 10.0
}

/// The geometry of `values` (oldest first; `None` is a gap) and `norm` in the box.
pub fn geometry(values: &[Option<f64>], norm: Option<&Norm>) -> Spark {
    let norm_ys: Vec<f64> = match norm {
        Some(Norm::Higher { target, .. }) | Some(Norm::Lower { target, .. }) => vec![*target],
        Some(Norm::Band { low, high, .. }) => vec![*low, *high],
        None => Vec::new(),
    };
    let known = values.iter().flatten().copied().filter(|v| v.is_finite());
    let all: Vec<f64> = known
        .chain(norm_ys.iter().copied().filter(|v| v.is_finite()))
        .collect();
    let (mut lo, mut hi) = all
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if all.is_empty() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        let pad = (hi.abs() * 0.1).max(1.0);
        (lo, hi) = (lo - pad, hi + pad);
    }
    let y = |v: f64| r1(H - PAD - (v - lo) / (hi - lo) * (H - 2.0 * PAD));
    let step = if values.len() > 1 {
        (W - 2.0 * PAD) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| r1(PAD + i as f64 * step);
    let mut path = String::new();
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut dots = Vec::new();
    let point = |i: usize| values[i].filter(|v| v.is_finite()).map(|v| (x(i), y(v)));
    for i in 0..values.len() {
        let Some((px, py)) = point(i) else { continue };
        let joined_before = i > 0 && point(i - 1).is_some();
        let joined_after = i + 1 < values.len() && point(i + 1).is_some();
        if !joined_before && !joined_after {
            dots.push((px, py));
        }
        if joined_before {
            path.push_str(&format!("L{px} {py}"));
            if let Some(run) = runs.last_mut() {
                run.push((px, py));
            }
        } else if joined_after {
            path.push_str(&format!("M{px} {py}"));
            runs.push(vec![(px, py)]);
        }
    }
    let last = values.len().checked_sub(1).and_then(point);
    let norm = match norm_ys.as_slice() {
        [t] if t.is_finite() => Some(NormMark::Line(y(*t))),
        [a, b] if a.is_finite() && b.is_finite() => {
            let (ya, yb) = (y(*a), y(*b));
            Some(NormMark::Band(ya.min(yb), ya.max(yb)))
        }
        _ => None,
    };
    Spark {
        path,
        runs,
        dots,
        last,
        norm,
        summary: String::new(),
    }
}

/// The plural noun of a frequency's periods.
fn periods_word(f: Frequency, lang: Lang) -> &'static str {
    match f {
        Frequency::Daily => lang.pick("days", "dagen"),
        Frequency::Weekly => lang.pick("weeks", "weken"),
        Frequency::Monthly | Frequency::Unset => lang.pick("months", "maanden"),
        Frequency::Quarterly => lang.pick("quarters", "kwartalen"),
        Frequency::Yearly => lang.pick("years", "jaren"),
    }
}

/// The sparkline of `kpi` as of `month`: its last [`PERIODS`] periods, its norm, and the
/// sentence "Trend over 12 months: 91 → 96, on target" (first and last known value).
pub fn sparkline(kpi: &Kpi, month: Month, lang: Lang) -> Spark {
    let values: Vec<Option<f64>> = trend(kpi, month, PERIODS)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    let norm = kpi.norm();
    let mut s = geometry(&values, norm.as_ref());
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let head = format!(
        "{} {} {}",
        lang.pick("Trend over", "Verloop over"),
        values.len(),
        periods_word(kpi.frequency, lang)
    );
    let numbers = match known.as_slice() {
        [] => lang.pick("no values", "geen waarden").to_string(),
        [one] => format_number(*one, lang),
        [first, .., last] => format!(
            "{} → {}",
            format_number(*first, lang),
            format_number(*last, lang)
        ),
    };
    s.summary = format!("{head}: {numbers}, {}", status_as_of(kpi, month).word(lang));
    s
}

/// `unit` as it follows a number: `%` directly, anything else after a space.
pub fn unit_suffix(unit: &str) -> String {
    match unit.trim() {
        "" => String::new(),
        "%" => "%".to_string(),
        u => format!(" {u}"),
    }
}

/// The value `kpi` shows as of `month` with its unit (`96%`, `4,2 days`); `None` without one.
pub fn value_text(kpi: &Kpi, month: Month, lang: Lang) -> Option<String> {
    value_as_of(kpi, month).map(|v| format!("{}{}", format_number(v, lang), unit_suffix(&kpi.unit)))
}
