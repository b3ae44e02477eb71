//! What "Export slides" puts on its slides, for a management team: a title slide (the
//! model's name, the "As of" month, the day), the goals with their result KPIs and each
//! chain's status line, then a slide per customer chain (its flow with each link's status,
//! the chain meeting's KPIs with value, norm, status and a trend line, its open actions). A
//! chain whose KPIs do not fit goes on over more slides, "(continued)". In the UI language.
//!
//! The rows, groups and texts are the meeting views' ([`crate::present::meeting`]), the trend
//! the sparkline's ([`crate::present::sparkline`]); the file is written by
//! [`crate::format::slides`]. A status is a coloured mark *and* a word, never colour alone.

use crate::format::file_stem;
use crate::format::slides::{
    write_pptx, Align, Cell, Deck, Frame, Geometry, Para, Polyline, Rgb, Row, Run, Shape, Slide,
    SlidesError, Table, TextBox, INCH, SLIDE_H, SLIDE_W,
};
use crate::model::meeting::{ChainMeeting, MeetingAt};
use crate::model::rollup::combine;
use crate::model::steer::Month;
use crate::model::{
    shown_norm, status_as_of, value_as_of, Chain, Date, Kpi, Lang, Model, Reader, Status, Target,
};
use crate::present::chains::{name_of, or_unnamed};
use crate::present::labels::status_mark;
use crate::present::meeting::{
    chain_lines, is_overdue, meeting_groups, read_goals_without_results, value_text, Group,
};
use crate::present::sparkline::{self, sparkline, NormMark};

/// The slide's margin.
const MARGIN: i64 = INCH * 4 / 10;
/// The width between the margins.
const CONTENT_W: i64 = SLIDE_W - 2 * MARGIN;
/// Where the tables stop.
const BOTTOM: i64 = SLIDE_H - INCH / 4;
/// Text sizes (hundredths of a point).
const TABLE_TEXT: u32 = 1000;
const SMALL_TEXT: u32 = 900;
const META_TEXT: u32 = 1400;
/// A table cell's inner margins (left and right; top and bottom), as `format::slides` writes.
const CELL_MARGIN_X: i64 = 64_008;
const CELL_MARGIN_Y: i64 = 27_432;
/// The KPI table's columns: KPI, value, norm, status, trend.
const KPI_COLUMNS: [i64; 5] = [
    INCH * 4,
    INCH * 11 / 10,
    INCH * 15 / 10,
    INCH * 12 / 10,
    INCH * 12 / 10,
];
/// The space between the KPI table and the column to its right.
const GUTTER: i64 = INCH / 4;

const INK: Rgb = Rgb(0x1F2933);
const MUTED: Rgb = Rgb(0x5B6675);
const HEAD_FILL: Rgb = Rgb(0xE4E9F0);
const GROUP_FILL: Rgb = Rgb(0xF0F3F7);
const BOX_LINE: Rgb = Rgb(0x8793A3);
const TREND: Rgb = Rgb(0x1F5FA8);
const NORM_LINE: Rgb = Rgb(0x8A94A3);
const BAND_FILL: Rgb = Rgb(0xE3F4EA);

/// A status's colour (text and mark) and its cell's fill, as the app shows it.
fn status_colors(s: Status) -> (Rgb, Option<Rgb>) {
    match s {
        Status::OnTarget => (Rgb(0x1E7B4F), Some(Rgb(0xE3F4EA))),
        Status::AtRisk => (Rgb(0x8A5A00), Some(Rgb(0xFFF1CC))),
        Status::OffTarget => (Rgb(0xB42318), Some(Rgb(0xFDE7E7))),
        Status::NoValue => (MUTED, Some(Rgb(0xF3F4F6))),
        Status::NoNorm => (MUTED, None),
    }
}

/// A status as runs: its mark and word, both in its colour.
fn status_runs(s: Status, size: u32, lang: Lang) -> Vec<Run> {
    let (color, _) = status_colors(s);
    vec![
        Run::new(format!("{} ", status_mark(s)), size)
            .bold()
            .color(color),
        Run::new(s.word(lang), size).color(color),
    ]
}

/// A status's table cell: mark and word, filled with the status's light colour.
fn status_cell(s: Status, lang: Lang) -> Cell {
    let cell = Cell::of(Para::of(status_runs(s, TABLE_TEXT, lang)));
    match status_colors(s).1 {
        Some(fill) => cell.fill(fill),
        None => cell,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn month_name(m: u32, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    lang.pick(MONTHS_EN[i], MONTHS_NL[i])
}

/// "March 2026", "maart 2026".
pub fn month_words((y, m): Month, lang: Lang) -> String {
    format!("{} {y}", month_name(m, lang))
}

/// "5 December 2026", "5 december 2026".
pub fn date_words(d: Date, lang: Lang) -> String {
    format!("{} {} {}", d.d, month_name(d.m, lang), d.y)
}

/// The file "Export slides" downloads: `<model name>.pptx`.
pub fn slides_file_name(m: &Model) -> String {
    format!("{}.pptx", file_stem(&m.name))
}

/// How many lines `text` takes in a cell `width` wide at `size` (an estimate on the safe
/// side: PowerPoint grows a row that needs more, which would move the trend lines off it).
fn lines(text: &str, width: i64, size: u32) -> i64 {
    // Points of room, and a character taken as 0.55 of the text size (Calibri averages
    // about 0.5).
    let room = ((width - 2 * CELL_MARGIN_X) / 127).max(1); // hundredths of a point
    let per_line = (room * 100 / (i64::from(size) * 55)).max(1);
    text.split('\n')
        .map(|l| {
            let n = l.chars().count() as i64;
            // Words wrap before the edge: count a little more.
            ((n * 11 / 10) + per_line - 1) / per_line
        })
        .map(|n| n.max(1))
        .sum()
}

/// A row height that holds `n` lines of `size`.
fn row_height(n: i64, size: u32) -> i64 {
    // 1.2 line spacing: size (hundredths of a point) × 1.2 × 127 EMU.
    n.max(1) * i64::from(size) * 1524 / 10 + 2 * CELL_MARGIN_Y + INCH / 40
}

/// The height of a row of `texts` in `columns`.
fn fit_row(texts: &[&str], columns: &[i64], size: u32) -> i64 {
    let n = texts
        .iter()
        .zip(columns)
        .map(|(t, w)| lines(t, *w, size))
        .max()
        .unwrap_or(1);
    row_height(n, size)
}

fn head_row(names: &[&str], columns: &[i64]) -> Row {
    Row {
        height: fit_row(names, columns, TABLE_TEXT),
        cells: names
            .iter()
            .map(|n| Cell::of(Para::of(vec![Run::new(*n, TABLE_TEXT).bold()])).fill(HEAD_FILL))
            .collect(),
    }
}

fn group_row(heading: &str, columns: &[i64]) -> Row {
    let width = columns.iter().sum();
    Row {
        height: row_height(lines(heading, width, TABLE_TEXT), TABLE_TEXT),
        cells: vec![
            Cell::of(Para::of(vec![Run::new(heading, TABLE_TEXT).bold()]))
                .fill(GROUP_FILL)
                .span(columns.len()),
        ],
    }
}

/// A KPI's row (its trend cell left empty: the line is drawn over it) and its trend.
fn kpi_row(k: &Kpi, as_of: Month, lang: Lang) -> (Row, sparkline::Spark, Status) {
    let name = or_unnamed(&k.name, lang);
    let value = value_text(value_as_of(k, as_of), &k.unit, lang);
    let norm = shown_norm(k.norm().as_ref(), lang);
    let status = status_as_of(k, as_of);
    let word = format!("{} {}", status_mark(status), status.word(lang));
    let height = fit_row(&[&name, &value, &norm, &word], &KPI_COLUMNS, TABLE_TEXT);
    let row = Row {
        height,
        cells: vec![
            Cell::of(Para::text(name, TABLE_TEXT)),
            Cell::of(Para::text(value, TABLE_TEXT).align(Align::Right)),
            Cell::of(Para::text(norm, TABLE_TEXT)),
            status_cell(status, lang),
            Cell::of(Para::default()),
        ],
    };
    (row, sparkline(k, as_of, lang), status)
}

/// The trend of one KPI drawn in `frame`: the norm (a dashed line or a band), the values as
/// a line, single values as dots, the newest value as a dot in its status's colour.
fn trend_shapes(spark: &sparkline::Spark, status: Status, frame: Frame) -> Vec<Shape> {
    // The sparkline's box in tenths, so its one-decimal coordinates are whole numbers.
    let (w, h) = ((sparkline::W * 10.0) as i64, (sparkline::H * 10.0) as i64);
    let at = |(x, y): (f64, f64)| ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
    let on_slide = |(x, y): (i64, i64)| (frame.x + x * frame.w / w, frame.y + y * frame.h / h);
    let dot = |p: (f64, f64), d: i64, color: Rgb, descr: &str| {
        let (x, y) = on_slide(at(p));
        Shape::Text(TextBox {
            frame: Frame {
                x: x - d / 2,
                y: y - d / 2,
                w: d,
                h: d,
            },
            geometry: Geometry::Ellipse,
            fill: Some(color),
            descr: descr.to_string(),
            ..TextBox::default()
        })
    };
    let mut out = Vec::new();
    match spark.norm {
        Some(NormMark::Line(y)) => out.push(Shape::Line(Polyline {
            frame,
            w,
            h,
            runs: vec![vec![at((0.0, y)), at((sparkline::W, y))]],
            color: NORM_LINE,
            width: 9525,
            dashed: true,
            descr: String::new(),
        })),
        Some(NormMark::Band(top, bottom)) => {
            let (_, y0) = on_slide(at((0.0, top)));
            let (_, y1) = on_slide(at((0.0, bottom)));
            out.push(Shape::Text(TextBox {
                frame: Frame {
                    y: y0,
                    h: (y1 - y0).max(INCH / 100),
                    ..frame
                },
                fill: Some(BAND_FILL),
                ..TextBox::default()
            }));
        }
        None => {}
    }
    out.push(Shape::Line(Polyline {
        frame,
        w,
        h,
        runs: spark
            .runs
            .iter()
            .map(|r| r.iter().copied().map(at).collect())
            .collect(),
        color: TREND,
        width: 19_050,
        dashed: false,
        descr: spark.summary.clone(),
    }));
    // Without a line, the first dot carries the trend's sentence.
    let mut descr = if spark.runs.is_empty() {
        spark.summary.as_str()
    } else {
        ""
    };
    for p in &spark.dots {
        out.push(dot(*p, INCH / 20, TREND, std::mem::take(&mut descr)));
    }
    if let Some(last) = spark.last {
        out.push(dot(last, INCH * 7 / 100, status_colors(status).0, descr));
    }
    out
}

/// A table that may go on over several slides: its pages of rows, each with the shapes
/// drawn over its rows (the trends).
struct Paged {
    pages: Vec<(Vec<Row>, Vec<Shape>)>,
}

/// Lays `rows` out from `top` (the first page) or `next_top` (the pages after), repeating
/// `head` on each page. Each body row comes with its trend, drawn in the last column.
fn paginate(
    head: Row,
    body: Vec<(Row, Option<(sparkline::Spark, Status)>)>,
    x: i64,
    top: i64,
    next_top: i64,
) -> Paged {
    let trend_x = x + KPI_COLUMNS[..4].iter().sum::<i64>() + CELL_MARGIN_X;
    let trend_w = KPI_COLUMNS[4] - 2 * CELL_MARGIN_X;
    let mut pages: Vec<(Vec<Row>, Vec<Shape>)> = Vec::new();
    let mut y = BOTTOM; // forces a first page
    let mut body = body.into_iter().peekable();
    while let Some((row, trend)) = body.next() {
        let page_top = if pages.is_empty() { top } else { next_top };
        // A group's heading stays with its first KPI.
        let keep = match (&trend, body.peek()) {
            (None, Some((next, _))) => next.height,
            _ => 0,
        };
        if y + row.height + keep > BOTTOM && y != page_top + head.height {
            pages.push((vec![head.clone()], Vec::new()));
            y = page_top + head.height;
        }
        let Some(page) = pages.last_mut() else {
            continue;
        };
        if let Some((spark, status)) = trend {
            let h = (trend_w * 16 / 60).min(row.height - 2 * CELL_MARGIN_Y);
            let frame = Frame {
                x: trend_x,
                y: y + (row.height - h) / 2,
                w: trend_w,
                h,
            };
            page.1.extend(trend_shapes(&spark, status, frame));
        }
        y += row.height;
        page.0.push(row);
    }
    if pages.is_empty() {
        pages.push((vec![head], Vec::new()));
    }
    Paged { pages }
}

fn kpi_head(lang: Lang) -> Row {
    head_row(
        &[
            "KPI",
            lang.pick("Value", "Waarde"),
            lang.pick("Norm", "Norm"),
            lang.pick("Status", "Status"),
            lang.pick("Trend", "Verloop"),
        ],
        &KPI_COLUMNS,
    )
}

/// The rows of the meeting at `at`'s KPI table: a row per group heading, then its KPIs.
fn kpi_body(
    m: &Model,
    at: &MeetingAt,
    as_of: Month,
    lang: Lang,
) -> Vec<(Row, Option<(sparkline::Spark, Status)>)> {
    let r = Reader::new(m);
    let mut out = Vec::new();
    for group in meeting_groups(m, at) {
        let heading = match &group.group {
            Group::Chain => lang.pick("Chain KPIs", "Keten-KPI's").to_string(),
            Group::Result => lang.pick("Result KPIs", "Resultaat-KPI's").to_string(),
            other => other.heading(&r, at, lang),
        };
        out.push((group_row(&heading, &KPI_COLUMNS), None));
        for id in &group.kpis {
            if let Some(k) = m.kpis.get(id) {
                let (row, spark, status) = kpi_row(k, as_of, lang);
                out.push((row, Some((spark, status))));
            }
        }
    }
    out
}

fn text_box(frame: Frame, paras: Vec<Para>) -> Shape {
    Shape::Text(TextBox {
        frame,
        paras,
        ..TextBox::default()
    })
}

fn table(name: &str, x: i64, y: i64, columns: &[i64], rows: Vec<Row>) -> Shape {
    Shape::Table(Table {
        frame: Frame {
            x,
            y,
            w: columns.iter().sum(),
            h: 0,
        },
        columns: columns.to_vec(),
        rows,
        name: name.to_string(),
    })
}

/// A page of a KPI table with its trends at (`x`, `y`), or `none` said there when the table
/// has no KPIs.
fn kpi_table(
    name: &str,
    x: i64,
    y: i64,
    page: Option<(Vec<Row>, Vec<Shape>)>,
    none: &str,
) -> Vec<Shape> {
    let Some((rows, trends)) = page else {
        let frame = Frame {
            x,
            y,
            w: KPI_COLUMNS.iter().sum(),
            h: INCH / 2,
        };
        return vec![text_box(frame, vec![Para::text(none, TABLE_TEXT)])];
    };
    let mut out = vec![table(name, x, y, &KPI_COLUMNS, rows)];
    out.extend(trends);
    out
}

fn title_slide(m: &Model, as_of: Month, today: Date, lang: Lang) -> Slide {
    let mut paras = Vec::new();
    if !m.organisation.trim().is_empty() {
        paras.push(
            Para::of(vec![Run::new(m.organisation.trim(), 2000).color(MUTED)]).align(Align::Center),
        );
    }
    paras.push(
        Para::text(
            format!(
                "{} · {} {}",
                lang.pick("KPI structure", "KPI-structuur"),
                lang.pick("As of", "Stand per"),
                month_words(as_of, lang)
            ),
            2000,
        )
        .align(Align::Center),
    );
    paras.push(
        Para::of(vec![Run::new(date_words(today, lang), 1600).color(MUTED)]).align(Align::Center),
    );
    Slide {
        title: or_unnamed(&m.name, lang),
        title_at: Some((
            Frame {
                x: MARGIN,
                y: INCH * 2,
                w: CONTENT_W,
                h: INCH * 14 / 10,
            },
            4000,
        )),
        shapes: vec![text_box(
            Frame {
                x: MARGIN,
                y: INCH * 35 / 10,
                w: CONTENT_W,
                h: INCH * 18 / 10,
            },
            paras,
        )],
    }
}

/// "As of March 2026" as the line under a slide's title, with more after it.
fn meta_line(as_of: Month, more: &[String], lang: Lang) -> Shape {
    let mut text = format!(
        "{} {}",
        lang.pick("As of", "Stand per"),
        month_words(as_of, lang)
    );
    for m in more {
        text.push_str(" · ");
        text.push_str(m);
    }
    text_box(
        Frame {
            x: MARGIN,
            y: INCH * 9 / 10,
            w: CONTENT_W,
            h: INCH * 4 / 10,
        },
        vec![Para::of(vec![Run::new(text, META_TEXT).color(MUTED)])],
    )
}

fn continued(title: &str, lang: Lang) -> String {
    format!("{title} ({})", lang.pick("continued", "vervolg"))
}

/// The goals slide: the goals' result KPIs (the MT meeting's table), the goals without one,
/// and each chain's line (status, open actions) beside it.
fn goals_slides(m: &Model, as_of: Month, lang: Lang) -> Vec<Slide> {
    let title = lang.pick("Goals and result KPIs", "Doelen en resultaat-KPI's");
    let top = INCH * 14 / 10;
    let x = MARGIN;
    let body = kpi_body(m, &MeetingAt::Mt, as_of, lang);
    let empty = body.is_empty();
    let paged = paginate(kpi_head(lang), body, x, top, top);
    let mut slides = Vec::new();
    for (i, (rows, trends)) in paged.pages.into_iter().enumerate() {
        let mut shapes = vec![meta_line(as_of, &[], lang)];
        let none = lang.pick("No result KPIs yet.", "Nog geen resultaat-KPI's.");
        shapes.extend(kpi_table(
            "Result KPIs",
            x,
            top,
            (!empty).then_some((rows, trends)),
            none,
        ));
        let title = if i == 0 {
            title.to_string()
        } else {
            continued(title, lang)
        };
        slides.push(Slide {
            title,
            title_at: None,
            shapes,
        });
    }
    // Beside the first page: the goals without a result KPI, and the chains.
    let side_x = x + KPI_COLUMNS.iter().sum::<i64>() + GUTTER;
    let side_w = SLIDE_W - MARGIN - side_x;
    // "Open actions" keeps its words on one line (at 20 % LibreOffice broke it "action s").
    let columns = [
        side_w * 44 / 100,
        side_w * 29 / 100,
        side_w - side_w * 73 / 100,
    ];
    let mut rows = vec![head_row(
        &[
            lang.pick("Chain", "Keten"),
            lang.pick("Status", "Status"),
            lang.pick("Open actions", "Open acties"),
        ],
        &columns,
    )];
    for line in chain_lines(m, as_of, lang) {
        // A chain without chain KPIs has no status: its cell stays empty, as in the MT meeting.
        let word = line
            .status
            .map(|s| format!("{} {}", status_mark(s), s.word(lang)))
            .unwrap_or_default();
        let open = line.open.to_string();
        rows.push(Row {
            height: fit_row(&[&line.name, &word, &open], &columns, TABLE_TEXT),
            cells: vec![
                Cell::of(Para::text(line.name, TABLE_TEXT)),
                line.status
                    .map_or_else(|| Cell::of(Para::default()), |s| status_cell(s, lang)),
                Cell::of(Para::text(open, TABLE_TEXT).align(Align::Right)),
            ],
        });
    }
    let chains_h: i64 = rows.iter().map(|r| r.height).sum();
    let r = Reader::new(m);
    let without: Vec<String> = read_goals_without_results(&r)
        .into_iter()
        .map(|g| name_of(m, &Target::Goal(g.clone()), lang))
        .collect();
    if let Some(first) = slides.first_mut() {
        first.shapes.push(text_box(
            Frame {
                x: side_x,
                y: top - INCH * 4 / 10,
                w: side_w,
                h: INCH * 4 / 10,
            },
            vec![Para::of(vec![Run::new(
                lang.pick("Chains", "Ketens"),
                META_TEXT,
            )
            .bold()])],
        ));
        first
            .shapes
            .push(table("Chains", side_x, top, &columns, rows));
        if !without.is_empty() {
            first.shapes.push(text_box(
                Frame {
                    x: side_x,
                    y: top + chains_h + INCH / 5,
                    w: side_w,
                    h: (BOTTOM - top - chains_h - INCH / 5).max(INCH / 2),
                },
                vec![
                    Para::of(vec![Run::new(
                        lang.pick("Goals without a result KPI", "Doelen zonder resultaat-KPI"),
                        SMALL_TEXT,
                    )
                    .bold()]),
                    Para::text(without.join(", "), SMALL_TEXT),
                ],
            ));
        }
    }
    slides
}

/// The longest text a box of the flow shows (then "…").
const MAX_FLOW_CHARS: usize = 120;

/// `text` cut to `max` characters, "…" marking the cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

/// The largest text size (10 down to 7 pt) at which `texts`, a paragraph each, fit a box of
/// `width` × `height`.
fn fit_size(texts: &[&str], width: i64, height: i64) -> u32 {
    [1000, 900, 800]
        .into_iter()
        .find(|&size| {
            let n: i64 = texts.iter().map(|t| lines(t, width, size)).sum();
            n * i64::from(size) * 1524 / 10 + 2 * CELL_MARGIN_Y <= height
        })
        .unwrap_or(700)
}

/// Up to this many links a chain's flow is drawn as boxes (each 1.1 inch wide or more), then
/// as one line of text.
pub const BOXED_LINKS: usize = 7;

/// The chain's flow: customer need → links (each with its status) → product or service, as
/// boxes with arrows, or as one line of text when there are too many links for boxes.
fn flow_shapes(m: &Model, c: &Chain, as_of: Month, frame: Frame, lang: Lang) -> Vec<Shape> {
    let link_status = |l: &crate::model::Link| {
        combine(m.link_kpis_of(&c.id, &l.id).map(|k| status_as_of(k, as_of)))
    };
    let need = lang.pick("Customer need", "Klantbehoefte");
    let product = lang.pick("Product or service", "Product of dienst");
    let n = c.links.len() as i64 + 2;
    let arrow = INCH * 3 / 10;
    let box_w = (frame.w - (n - 1) * arrow) / n;
    if c.links.len() > BOXED_LINKS {
        let mut runs = vec![Run::new(
            format!("{need}: {} → ", c.trigger.trim()),
            SMALL_TEXT,
        )];
        for l in &c.links {
            runs.push(Run::new(or_unnamed(&l.name, lang), SMALL_TEXT).bold());
            if let Some(s) = link_status(l) {
                runs.push(Run::new(" (", SMALL_TEXT));
                runs.extend(status_runs(s, SMALL_TEXT, lang));
                runs.push(Run::new(")", SMALL_TEXT));
            }
            runs.push(Run::new(" → ", SMALL_TEXT));
        }
        runs.push(Run::new(
            format!("{product}: {}", c.outcome.trim()),
            SMALL_TEXT,
        ));
        return vec![text_box(frame, vec![Para::of(runs)])];
    }
    let mut out = Vec::new();
    let mut x = frame.x;
    let boxed = |x: i64, paras: Vec<Para>, fill: Rgb| {
        Shape::Text(TextBox {
            frame: Frame {
                x,
                w: box_w,
                ..frame
            },
            geometry: Geometry::RoundRect,
            fill: Some(fill),
            line: Some(BOX_LINE),
            middle: true,
            paras,
            descr: String::new(),
        })
    };
    // Each box's text at the largest size that fits it (PowerPoint does not shrink text to fit
    // until it is edited), long texts cut.
    let size = |texts: &[&str]| fit_size(texts, box_w, frame.h);
    let end = |label: &str, text: &str| {
        let text = cut(text.trim(), MAX_FLOW_CHARS);
        let size = size(&[label, &text]);
        vec![
            Para::of(vec![Run::new(label, size).color(MUTED)]).align(Align::Center),
            Para::of(vec![Run::new(text, size).color(INK)]).align(Align::Center),
        ]
    };
    let arrow_at = |x: i64| {
        Shape::Text(TextBox {
            frame: Frame {
                x: x + arrow / 6,
                y: frame.y + frame.h / 2 - INCH / 10,
                w: arrow * 2 / 3,
                h: INCH / 5,
            },
            geometry: Geometry::RightArrow,
            fill: Some(NORM_LINE),
            ..TextBox::default()
        })
    };
    out.push(boxed(x, end(need, &c.trigger), GROUP_FILL));
    for l in &c.links {
        x += box_w;
        out.push(arrow_at(x));
        x += arrow;
        let name = cut(&or_unnamed(&l.name, lang), MAX_FLOW_CHARS);
        let status = link_status(l);
        let word = status.map(|s| format!("{} {}", status_mark(s), s.word(lang)));
        let size = size(&[&name, word.as_deref().unwrap_or_default()]);
        let mut paras =
            vec![Para::of(vec![Run::new(name, size).bold().color(INK)]).align(Align::Center)];
        if let Some(s) = status {
            paras.push(Para::of(status_runs(s, size, lang)).align(Align::Center));
        }
        out.push(boxed(x, paras, Rgb(0xFFFFFF)));
    }
    x += box_w;
    out.push(arrow_at(x));
    x += arrow;
    out.push(boxed(x, end(product, &c.outcome), GROUP_FILL));
    out
}

/// How many open actions a chain slide lists (then "and 3 more").
const MAX_ACTIONS: usize = 8;

/// The chain meeting's open actions: what, then owner and due (overdue marked), escalated
/// ones marked.
fn actions_box(cm: &ChainMeeting, frame: Frame, today: Date, lang: Lang) -> Shape {
    let mut paras = vec![Para::of(vec![Run::new(
        lang.pick("Open actions", "Openstaande acties"),
        META_TEXT,
    )
    .bold()])];
    let open: Vec<_> = cm.actions.iter().filter(|a| !a.done).collect();
    if open.is_empty() {
        paras.push(Para::text(lang.pick("None.", "Geen."), SMALL_TEXT));
    }
    for a in open.iter().take(MAX_ACTIONS) {
        let mut runs = vec![Run::new(or_unnamed(&a.what, lang), SMALL_TEXT)];
        let mut about: Vec<String> = Vec::new();
        if !a.owner.trim().is_empty() {
            about.push(a.owner.trim().to_string());
        }
        if !a.due.trim().is_empty() {
            about.push(format!(
                "{} {}",
                lang.pick("due", "gereed op"),
                a.due.trim()
            ));
        }
        if !about.is_empty() {
            runs.push(Run::new(format!("\n{}", about.join(" · ")), 900).color(MUTED));
        }
        if is_overdue(&a.due, today) {
            runs.push(
                Run::new(format!(" ({})", lang.pick("overdue", "te laat")), 900)
                    .bold()
                    .color(status_colors(Status::OffTarget).0),
            );
        }
        if a.escalated {
            runs.push(Run::new(
                format!(" · {}", lang.pick("Escalated to MT", "Geëscaleerd naar MT")),
                900,
            ));
        }
        paras.push(Para::of(runs).bullet());
    }
    if open.len() > MAX_ACTIONS {
        paras.push(Para::text(
            format!(
                "{} {} {}",
                lang.pick("and", "en nog"),
                open.len() - MAX_ACTIONS,
                lang.pick("more", "meer")
            ),
            SMALL_TEXT,
        ));
    }
    text_box(frame, paras)
}

/// A chain's slides: the flow, the chain meeting's KPI table with trends, the open actions;
/// the KPIs that do not fit on more slides.
fn chain_slides(m: &Model, c: &Chain, as_of: Month, today: Date, lang: Lang) -> Vec<Slide> {
    let title = or_unnamed(&c.name, lang);
    let mut more = Vec::new();
    if !c.owner.trim().is_empty() {
        more.push(format!(
            "{}: {}",
            lang.pick("Owner", "Eigenaar"),
            c.owner.trim()
        ));
    }
    if !c.customer.trim().is_empty() {
        more.push(format!(
            "{}: {}",
            lang.pick("Customer", "Klant"),
            c.customer.trim()
        ));
    }
    let flow = Frame {
        x: MARGIN,
        y: INCH * 13 / 10,
        w: CONTENT_W,
        h: INCH * 95 / 100,
    };
    let top = INCH * 235 / 100;
    let next_top = INCH * 14 / 10;
    let body = kpi_body(m, &MeetingAt::Chain(c.id.clone()), as_of, lang);
    let empty = body.is_empty();
    let paged = paginate(kpi_head(lang), body, MARGIN, top, next_top);
    let mut slides = Vec::new();
    for (i, (rows, trends)) in paged.pages.into_iter().enumerate() {
        let first = i == 0;
        let y = if first { top } else { next_top };
        let mut shapes = vec![meta_line(as_of, &more, lang)];
        if first {
            shapes.extend(flow_shapes(m, c, as_of, flow, lang));
        }
        let none = lang.pick("No KPIs yet.", "Nog geen KPI's.");
        shapes.extend(kpi_table(
            "KPIs",
            MARGIN,
            y,
            (!empty).then_some((rows, trends)),
            none,
        ));
        if first {
            let side_x = MARGIN + KPI_COLUMNS.iter().sum::<i64>() + GUTTER;
            let frame = Frame {
                x: side_x,
                y: top,
                w: SLIDE_W - MARGIN - side_x,
                h: BOTTOM - top,
            };
            shapes.push(actions_box(&c.meeting, frame, today, lang));
        }
        slides.push(Slide {
            title: if first {
                title.clone()
            } else {
                continued(&title, lang)
            },
            title_at: None,
            shapes,
        });
    }
    slides
}

/// The deck: the title slide, the goals slide, then each chain's slides, in `lang`.
pub fn deck(m: &Model, as_of: Month, today: Date, lang: Lang) -> Deck {
    let mut slides = vec![title_slide(m, as_of, today, lang)];
    slides.extend(goals_slides(m, as_of, lang));
    for c in m.chains.values() {
        slides.extend(chain_slides(m, c, as_of, today, lang));
    }
    Deck {
        title: or_unnamed(&m.name, lang),
        lang,
        date: Some(today),
        slides,
    }
}

/// The bytes of the `.pptx` file "Export slides" downloads.
pub fn slides(m: &Model, as_of: Month, today: Date, lang: Lang) -> Result<Vec<u8>, SlidesError> {
    write_pptx(&deck(m, as_of, today, lang))
}
