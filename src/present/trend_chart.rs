//! A KPI's trend chart (issue 23): its last 12 to 24 periods as of a month, with period
//! labels, a y axis, the value line (broken where a period has no value), the norm's target
//! and red lines (or its band), each point with its status, the comments as markers, and the
//! rows of a table that says the same for screen readers.
//!
//! Geometry only, in a `viewBox` of [`W`] × [`H`]: the UI draws it (`ui::views::trend_chart`);
//! [`svg`] writes it as a self-contained SVG (for print, slides and pictures). [`trend_chart`] reads through a [`Reader`], so a
//! view of it depends on that KPI's fields, values and comments only.

use std::fmt::Write;

use crate::format::fixed::Tenths;
use crate::model::steer::Month;
use crate::model::{format_number, Comments, Id, Kpi, Lang, Norm, Period, Reader, Status};
use crate::present::chains::or_unnamed;
use crate::present::diagram::svg::{escape, status_colours, FONT};
use crate::present::labels::{status_class, status_mark};
use crate::present::sparkline::unit_suffix;

/// Width of the chart's box (viewBox units).
pub const W: f64 = 280.0;
/// Height of the chart's box (viewBox units).
pub const H: f64 = 160.0;
/// How many periods a chart shows unless told otherwise.
pub const DEFAULT_PERIODS: usize = 12;
/// The most periods a chart shows.
pub const MAX_PERIODS: usize = 24;
/// Font size of the labels (viewBox units).
pub const FONT_SIZE: f64 = 10.0;
/// Where the comment markers sit, above the plot.
pub const MARK_Y: f64 = 7.0;
/// A period label's baseline, below the x axis.
pub const LABEL_DY: f64 = 12.0;
/// The year's (or month's) baseline under a period label, below the x axis.
pub const SUB_DY: f64 = 24.0;
/// Top of the plot (below the comment markers).
const TOP: f64 = 16.0;
/// Room under the plot: the period labels and, under them, the years.
const BOTTOM: f64 = 30.0;
/// Room right of the plot.
const RIGHT: f64 = 8.0;
/// The width of one label character, about (viewBox units at [`FONT_SIZE`]).
const CHAR: f64 = 5.8;
/// How many period labels fit under the plot, about (more periods label every other one).
const LABELS: usize = 12;

/// The plot's rectangle inside the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    /// Left edge (right of the y labels).
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge (the x axis).
    pub bottom: f64,
}

/// One period's place on the x axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// The period.
    pub period: Period,
    /// Its x (the middle of its slot).
    pub x: f64,
    /// Its short label (`Aug` / `aug`, `Q3`, `W9`, `2026`, a day's number); `None` where
    /// labels would crowd (only every other one then, the newest always).
    pub label: Option<String>,
    /// The year (or, for days, the month) under the label: at the first slot and where a new
    /// one begins.
    pub sub: Option<String>,
}

/// A tick of the y axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Its y.
    pub y: f64,
    /// The number, written in the UI language (`92.5`, `92,5`).
    pub label: String,
}

/// A period with a value: a point of the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The period.
    pub period: Period,
    /// Where it is drawn.
    pub x: f64,
    /// Where it is drawn.
    pub y: f64,
    /// The value.
    pub value: f64,
    /// The value with its unit, in the UI language (`97.5%`).
    pub text: String,
    /// The value against the KPI's norm.
    pub status: Status,
    /// The status word in the UI language.
    pub status_word: &'static str,
    /// The comment of that period, if any.
    pub comment: Option<String>,
}

/// A comment on one of the chart's periods, as a marker above the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The period commented on.
    pub period: Period,
    /// The marker's x (its period's).
    pub x: f64,
    /// Where its guide line ends: the period's point, or the x axis without a value.
    pub to_y: f64,
    /// The comment.
    pub text: String,
}

/// Where the norm lies in the plot (y coordinates).
#[derive(Clone, Debug, PartialEq)]
pub enum NormLines {
    /// Higher or lower is better: the target line, the red line, and the zone past red (off
    /// target): below red when higher is better, above it when lower is.
    Direction {
        /// True when higher is better.
        higher: bool,
        /// The target line's y.
        target: f64,
        /// The red line's y.
        red: f64,
        /// The off-target zone, top and bottom y.
        off: (f64, f64),
    },
    /// Within a band: the band on target, and the red lines at its tolerance.
    Band {
        /// The band's top (its high end) and bottom (its low end).
        band: (f64, f64),
        /// The red lines: above the band (high + tolerance) and below it (low − tolerance).
        red: (f64, f64),
    },
}

/// The norm in the chart: its lines and their legend.
#[derive(Clone, Debug, PartialEq)]
pub struct NormShown {
    /// Where it lies.
    pub lines: NormLines,
    /// The target's legend: "Target ≥ 95" / "Norm ≥ 95".
    pub target_text: String,
    /// The red line's legend: "Red < 90" / "Rood < 90".
    pub red_text: String,
}

/// A row of the table alternative: one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The period as the contract writes it (`2026-08`, `2026-Q3`).
    pub period: String,
    /// The value with its unit, or `–`.
    pub value: String,
    /// Its status.
    pub status: Status,
    /// The status word in the UI language.
    pub status_word: &'static str,
    /// The comment of that period, or empty.
    pub comment: String,
}

/// A chart's accessible name: "Trend of <KPI name>" / "Trend van <KPI-naam>".
pub fn chart_label(name: &str, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("Trend of", "Trend van"),
        or_unnamed(name, lang)
    )
}

/// The trend chart of one KPI.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendChart {
    /// "Trend of <KPI name>" / "Trend van <KPI-naam>": the chart's accessible name.
    pub label: String,
    /// What to show instead of a chart (no frequency, or no value in the periods shown).
    pub empty: Option<String>,
    /// The plot's rectangle.
    pub plot: Plot,
    /// The periods, oldest first.
    pub slots: Vec<Slot>,
    /// The y axis's ticks, lowest first.
    pub ticks: Vec<Tick>,
    /// The line's pieces: consecutive periods with a value (a lone point is a piece of one).
    pub segments: Vec<Vec<(f64, f64)>>,
    /// The periods with a value.
    pub points: Vec<Point>,
    /// The comments on the periods shown.
    pub markers: Vec<Marker>,
    /// The norm, if the KPI has one.
    pub norm: Option<NormShown>,
    /// The table alternative: one row per period, oldest first.
    pub rows: Vec<Row>,
}

impl TrendChart {
    /// The line as an SVG path (`M x y L x y …`; a lone point is not drawn by it).
    pub fn path(&self) -> String {
        let mut d = String::new();
        for piece in self.segments.iter().filter(|s| s.len() > 1) {
            for (i, &(x, y)) in piece.iter().enumerate() {
                let cmd = if i == 0 { 'M' } else { 'L' };
                let _ = write!(d, "{cmd}{} {}", Tenths(x), Tenths(y));
            }
        }
        d
    }
}

/// The chart of KPI `id` as of `as_of`: its last `periods` periods (1 to [`MAX_PERIODS`]).
/// Reads the KPI's fields, values and comments; `None` once the KPI is gone.
pub fn trend_chart(
    r: &Reader,
    id: &Id,
    as_of: Month,
    periods: usize,
    lang: Lang,
) -> Option<TrendChart> {
    let kpi = r.kpi_with_values(id)?;
    let comments = r.comments(id);
    Some(chart_of(kpi, comments, as_of, periods, lang))
}

/// The chart of `kpi` with `comments` (see [`trend_chart`]; print reads the model directly).
pub fn chart_of(
    kpi: &Kpi,
    comments: Option<&Comments>,
    as_of: Month,
    periods: usize,
    lang: Lang,
) -> TrendChart {
    let n = periods.clamp(1, MAX_PERIODS);
    let list = Period::last_n(kpi.frequency, as_of, n);
    let norm = kpi.norm();
    let comment = |p: &Period| {
        comments
            .and_then(|c| c.get(p))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let values: Vec<Option<f64>> = list
        .iter()
        .map(|p| kpi.values.get(p).filter(|v| v.is_finite()))
        .collect();
    let label = chart_label(&kpi.name, lang);
    let value_text = |v: f64| format!("{}{}", format_number(v, lang), unit_suffix(&kpi.unit));
    let rows = list
        .iter()
        .zip(&values)
        .map(|(p, v)| {
            let status = Status::of(norm.as_ref(), *v);
            Row {
                period: p.to_string(),
                value: v.map_or_else(|| "–".to_string(), value_text),
                status,
                status_word: status.word(lang),
                comment: comment(p).unwrap_or_default(),
            }
        })
        .collect();
    let empty = if list.is_empty() {
        Some(lang.pick(
            "No trend: the KPI has no frequency yet.",
            "Geen verloop: de KPI heeft nog geen frequentie.",
        ))
    } else if values.iter().all(Option::is_none) {
        Some(lang.pick(
            "No values in these periods yet.",
            "Nog geen waarden in deze perioden.",
        ))
    } else {
        None
    };
    let mut chart = TrendChart {
        label,
        empty: empty.map(str::to_string),
        plot: Plot {
            left: 0.0,
            top: TOP,
            right: W - RIGHT,
            bottom: H - BOTTOM,
        },
        slots: Vec::new(),
        ticks: Vec::new(),
        segments: Vec::new(),
        points: Vec::new(),
        markers: Vec::new(),
        norm: None,
        rows,
    };
    if chart.empty.is_some() {
        return chart;
    }

    // The y scale: every value and every norm line inside, on round ticks.
    let norm_values = norm.as_ref().map(norm_numbers).unwrap_or_default();
    let scale = Scale::of(values.iter().flatten().chain(&norm_values).copied());
    chart.ticks = scale
        .ticks()
        .map(|v| Tick {
            y: 0.0,
            label: format_number(v, lang),
        })
        .collect();
    let widest = chart
        .ticks
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(1);
    let plot = Plot {
        left: (6.0 + CHAR * widest as f64).max(24.0),
        ..chart.plot
    };
    chart.plot = plot;
    let y =
        |v: f64| plot.bottom - (v - scale.lo) / (scale.hi - scale.lo) * (plot.bottom - plot.top);
    for (t, v) in chart.ticks.iter_mut().zip(scale.ticks()) {
        t.y = y(v);
    }

    // The x axis: one slot per period, labels every `every` slots counted from the newest.
    let slot = (plot.right - plot.left) / n as f64;
    let offset = n - list.len(); // fewer periods than asked: right-aligned (never, in practice)
    let every = list.len().div_ceil(LABELS).max(1);
    let x = |i: usize| plot.left + ((i + offset) as f64 + 0.5) * slot;
    chart.slots = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (label, sub) = period_label(*p, i == 0, lang);
            Slot {
                period: *p,
                x: x(i),
                label: (list.len() - 1 - i).is_multiple_of(every).then_some(label),
                sub,
            }
        })
        .collect();
    // The first slot's year gives way to a new year right after it (they would overlap).
    let crowded = chart.slots.iter().skip(1).take(2).any(|s| s.sub.is_some());
    if let (true, Some(first)) = (crowded, chart.slots.first_mut()) {
        first.sub = None;
    }

    let mut piece: Vec<(f64, f64)> = Vec::new();
    for (i, (p, v)) in list.iter().zip(&values).enumerate() {
        let Some(v) = *v else {
            if !piece.is_empty() {
                chart.segments.push(std::mem::take(&mut piece));
            }
            continue;
        };
        let (px, py) = (x(i), y(v));
        piece.push((px, py));
        let status = Status::of(norm.as_ref(), Some(v));
        chart.points.push(Point {
            period: *p,
            x: px,
            y: py,
            value: v,
            text: value_text(v),
            status,
            status_word: status.word(lang),
            comment: comment(p),
        });
    }
    if !piece.is_empty() {
        chart.segments.push(piece);
    }
    chart.markers = list
        .iter()
        .zip(&values)
        .enumerate()
        .filter_map(|(i, (p, v))| {
            comment(p).map(|text| Marker {
                period: *p,
                x: x(i),
                to_y: v.map_or(plot.bottom, y),
                text,
            })
        })
        .collect();
    chart.norm = norm.map(|n| norm_shown(n, y, plot, lang));
    chart
}

/// The numbers of a norm the scale must show.
fn norm_numbers(n: &Norm) -> Vec<f64> {
    let all = match *n {
        Norm::Higher { target, red } | Norm::Lower { target, red } => vec![target, red],
        Norm::Band {
            low,
            high,
            tolerance,
        } => vec![low - tolerance, low, high, high + tolerance],
    };
    all.into_iter().filter(|v| v.is_finite()).collect()
}

fn norm_shown(n: Norm, y: impl Fn(f64) -> f64, plot: Plot, lang: Lang) -> NormShown {
    let num = |v: f64| format_number(v, lang);
    let (target_word, red_word) = (lang.pick("Target", "Norm"), lang.pick("Red", "Rood"));
    match n {
        Norm::Higher { target, red } => NormShown {
            lines: NormLines::Direction {
                higher: true,
                target: y(target),
                red: y(red),
                off: (y(red), plot.bottom),
            },
            target_text: format!("{target_word} ≥ {}", num(target)),
            red_text: format!("{red_word} < {}", num(red)),
        },
        Norm::Lower { target, red } => NormShown {
            lines: NormLines::Direction {
                higher: false,
                target: y(target),
                red: y(red),
                off: (plot.top, y(red)),
            },
            target_text: format!("{target_word} ≤ {}", num(target)),
            red_text: format!("{red_word} > {}", num(red)),
        },
        Norm::Band {
            low,
            high,
            tolerance,
        } => NormShown {
            lines: NormLines::Band {
                band: (y(high), y(low)),
                red: (y(high + tolerance), y(low - tolerance)),
            },
            target_text: format!("{target_word} {}–{}", num(low), num(high)),
            red_text: format!(
                "{red_word} < {} {} > {}",
                num(low - tolerance),
                lang.pick("or", "of"),
                num(high + tolerance)
            ),
        },
    }
}

/// Short month names.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// Month `m` (1 to 12) short: `Aug` in English, `aug` in Dutch.
pub fn short_month(m: u32, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Nl => &MONTHS_NL,
    };
    names[(m.clamp(1, 12) - 1) as usize]
}

/// A period's label under the axis and the year (or month) under it, shown at the first slot
/// and where a new year (month) begins.
fn period_label(p: Period, first: bool, lang: Lang) -> (String, Option<String>) {
    let year = |y: i32, new: bool| (first || new).then(|| y.to_string());
    match p {
        Period::Day { m, d, .. } => (
            d.to_string(),
            (first || d == 1).then(|| short_month(m, lang).to_string()),
        ),
        // "W43 44 45 …": the W once, so that twelve weeks fit as twelve months do.
        Period::Week { y, w } => (
            if first {
                format!("W{w}")
            } else {
                w.to_string()
            },
            year(y, w == 1),
        ),
        Period::Month { y, m } => (short_month(m, lang).to_string(), year(y, m == 1)),
        Period::Quarter { y, q } => (format!("Q{q}"), year(y, q == 1)),
        Period::Year { y } => (y.to_string(), None),
    }
}

/// The y axis: from `lo` to `hi` in steps of `step`, all round numbers.
#[derive(Clone, Copy, Debug)]
struct Scale {
    lo: f64,
    hi: f64,
    /// The step as `mantissa × 10^exp` (so ticks are written without float noise).
    mantissa: i64,
    exp: i32,
    first: i64,
    last: i64,
}

impl Scale {
    /// The scale holding every finite number of `numbers`, with 3 to 7 ticks.
    fn of(numbers: impl Iterator<Item = f64>) -> Scale {
        let (mut lo, mut hi) = numbers
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        if lo > hi {
            (lo, hi) = (0.0, 1.0);
        }
        if hi - lo < 1e-9 * hi.abs().max(1.0) {
            let pad = (hi.abs() * 0.1).max(1.0);
            (lo, hi) = (lo - pad, hi + pad);
        }
        // A step of 1, 2 or 5 times a power of ten giving about four intervals.
        let raw = (hi - lo) / 4.0;
        let mut exp = 0i32;
        let mut pow = 1.0f64;
        while pow * 10.0 <= raw && exp < 300 {
            pow *= 10.0;
            exp += 1;
        }
        while pow > raw && exp > -300 {
            pow /= 10.0;
            exp -= 1;
        }
        let mantissa = [1i64, 2, 5, 10]
            .into_iter()
            .find(|m| *m as f64 * pow >= raw)
            .unwrap_or(10);
        let step = mantissa as f64 * pow;
        let first = (lo / step).floor() as i64;
        let last = (hi / step).ceil() as i64;
        let mut s = Scale {
            lo,
            hi,
            mantissa,
            exp,
            first,
            last,
        };
        s.lo = s.value(first);
        s.hi = s.value(last);
        s
    }

    /// The `k`-th multiple of the step.
    fn value(&self, k: i64) -> f64 {
        let whole = (k * self.mantissa) as f64;
        if self.exp >= 0 {
            whole * 10f64.powi(self.exp)
        } else {
            whole / 10f64.powi(-self.exp)
        }
    }

    fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        (self.first..=self.last).map(|k| self.value(k))
    }
}

/// The colour of a status where no style sheet is (print, a picture); on screen the status
/// class's colour wins.
/// The drawings' status colours (`status_colours`), but at risk as a brighter dot than its
/// text ink, so that a small point reads as amber.
fn status_colour(s: Status) -> &'static str {
    match s {
        Status::AtRisk => "#c98a00",
        s => status_colours(s).0,
    }
}

/// Colours of the drawing where no style sheet is (the screen's CSS overrides them by class).
const GRID: &str = "#e3e6ea";
const AXIS: &str = "#98a3b3";
const LABEL: &str = "#5b6675";
const LINE: &str = "#4a5563";
const ON: &str = status_colours(Status::OnTarget).0;
const ON_BG: &str = status_colours(Status::OnTarget).1;
const OFF: &str = status_colours(Status::OffTarget).0;
const OFF_BG: &str = status_colours(Status::OffTarget).1;
const BRAND: &str = "#1f4e79";

/// A horizontal line across the plot at `y`.
fn hline(out: &mut String, p: Plot, class: &str, y: f64, stroke: &str, dash: bool) {
    let t = Tenths;
    let dash = if dash {
        " stroke-dasharray=\"5 3\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<line class=\"{class}\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{stroke}\"{dash}/>",
        t(p.left),
        t(p.right),
        t(y),
        t(y)
    );
}

/// A zone across the plot from `top` to `bottom`.
fn zone(out: &mut String, p: Plot, class: &str, (top, bottom): (f64, f64), fill: &str) {
    let t = Tenths;
    let _ = write!(
        out,
        "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
        t(p.left),
        t(top),
        t(p.right - p.left),
        t((bottom - top).max(0.5))
    );
}

/// A text at `(x, y)`.
fn label(out: &mut String, class: &str, (x, y): (f64, f64), anchor: &str, text: &str) {
    let t = Tenths;
    let _ = write!(
        out,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{LABEL}\">{}</text>",
        t(x),
        t(y),
        escape(text)
    );
}

/// The chart as SVG: the screen shows it (its classes take the page's colours; the comment
/// markers are focusable, numbered `data-i` in [`TrendChart::markers`]'s order) and it stands
/// alone (every colour an attribute, nothing from a style sheet: print, slides, pictures).
/// `width` in CSS pixels, or `None` to let the page size it. Empty when the chart is empty.
pub fn svg(c: &TrendChart, width: Option<f64>) -> String {
    svg_named(c, width, &c.label)
}

/// [`svg`] with `label` as its accessible name (the screen keeps the name apart from the
/// drawing, so that typing a KPI's name does not redraw its chart).
pub fn svg_named(c: &TrendChart, width: Option<f64>, name: &str) -> String {
    if c.empty.is_some() {
        return String::new();
    }
    let t = Tenths;
    let p = c.plot;
    let mut out = String::new();
    let size = width.map_or_else(String::new, |w| {
        format!(
            " width=\"{}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\"",
            t(w),
            t(w * H / W)
        )
    });
    let _ = write!(
        out,
        "<svg class=\"trend-svg\" viewBox=\"0 0 {} {}\"{size} role=\"img\" aria-label=\"{}\" font-family=\"{FONT}\" font-size=\"{}\">",
        t(W),
        t(H),
        escape(name),
        t(FONT_SIZE)
    );
    // The zone past red (or the band) under the grid, the norm's lines over it.
    match c.norm.as_ref().map(|n| &n.lines) {
        Some(NormLines::Direction { off, .. }) => zone(&mut out, p, "trend-off", *off, OFF_BG),
        Some(NormLines::Band { band, .. }) => zone(&mut out, p, "trend-band", *band, ON_BG),
        None => {}
    }
    for tick in &c.ticks {
        hline(&mut out, p, "trend-grid", tick.y, GRID, false);
        let at = (p.left - 4.0, tick.y + 3.5);
        label(&mut out, "trend-ylabel", at, "end", &tick.label);
    }
    match c.norm.as_ref().map(|n| &n.lines) {
        Some(NormLines::Direction { target, red, .. }) => {
            hline(&mut out, p, "trend-target", *target, ON, true);
            hline(&mut out, p, "trend-red", *red, OFF, true);
        }
        Some(NormLines::Band { red, .. }) => {
            hline(&mut out, p, "trend-red", red.0, OFF, true);
            hline(&mut out, p, "trend-red", red.1, OFF, true);
        }
        None => {}
    }
    hline(&mut out, p, "trend-axis", p.bottom, AXIS, false);
    for s in &c.slots {
        for (class, text, dy) in [
            ("trend-xlabel", &s.label, LABEL_DY),
            ("trend-xsub", &s.sub, SUB_DY),
        ] {
            if let Some(text) = text {
                label(&mut out, class, (s.x, p.bottom + dy), "middle", text);
            }
        }
    }
    let _ = write!(
        out,
        "<path class=\"trend-line\" d=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.6\"/>",
        c.path()
    );
    for pt in &c.points {
        let _ = write!(
            out,
            "<circle class=\"trend-point {}\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" stroke=\"#fff\"><title>{}: {}, {}</title></circle>",
            status_class(pt.status),
            t(pt.x),
            t(pt.y),
            status_colour(pt.status),
            pt.period,
            escape(&pt.text),
            pt.status_word
        );
    }
    for (i, m) in c.markers.iter().enumerate() {
        let _ = write!(
            out,
            "<g class=\"trend-comment\" tabindex=\"0\" data-i=\"{i}\"><line class=\"trend-guide\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{BRAND}\" stroke-dasharray=\"2 2\"/><path class=\"trend-bubble\" d=\"M{} {}h12v9h-6l-3 3v-3h-3z\" fill=\"{BRAND}\"/><title>{}: {}</title></g>",
            t(MARK_Y + 7.0),
            t(m.to_y),
            t(m.x - 6.0),
            t(MARK_Y - 5.0),
            m.period,
            escape(&m.text),
            x = t(m.x),
        );
    }
    out.push_str("</svg>");
    out
}

/// What the lines and marks mean, as HTML: the target's and red line's words and, with
/// comments, the marker's.
pub fn legend_html(c: &TrendChart, lang: Lang) -> String {
    let mut out = String::new();
    let mut key = |class: &str, text: &str| {
        let _ = write!(
            out,
            "<span class=\"trend-key\"><span class=\"{class}\" aria-hidden=\"true\"></span>{}</span>",
            escape(text)
        );
    };
    if let Some(n) = &c.norm {
        let band = matches!(n.lines, NormLines::Band { .. });
        let class = if band {
            "trend-key-band"
        } else {
            "trend-key-target"
        };
        key(class, &n.target_text);
        key("trend-key-red", &n.red_text);
    }
    if !c.markers.is_empty() {
        key("trend-key-comment", lang.pick("Comment", "Toelichting"));
    }
    out
}

/// The table alternative as HTML: named by its caption like the chart, one row per period
/// (period, value, status with its mark, comment).
pub fn table_html(c: &TrendChart, lang: Lang) -> String {
    table_html_named(c, lang, &c.label)
}

/// [`table_html`] with `label` as its caption (see [`svg_named`]).
pub fn table_html_named(c: &TrendChart, lang: Lang, label: &str) -> String {
    let mut out = format!(
        "<table><caption class=\"visually-hidden\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"trend-num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(label),
        lang.pick("Period", "Periode"),
        lang.pick("Value", "Waarde"),
        lang.pick("Status", "Status"),
        lang.pick("Comment", "Toelichting"),
    );
    for r in &c.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"trend-num\">{}</td><td class=\"trend-st {}\"><span class=\"status-mark\" aria-hidden=\"true\">{}</span> {}</td><td>{}</td></tr>",
            escape(&r.period),
            escape(&r.value),
            status_class(r.status),
            status_mark(r.status),
            r.status_word,
            escape(&r.comment)
        );
    }
    out.push_str("</tbody></table>");
    out
}
