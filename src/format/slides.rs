//! Slides as a PowerPoint file: a [`Deck`] of slides made of text boxes, tables and lines,
//! written as an Office Open XML presentation (`.pptx`: a zip of XML parts, ECMA-376).
//!
//! The package is the minimal one PowerPoint and LibreOffice Impress open without repair:
//! `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` and `app.xml`,
//! `ppt/presentation.xml` with its rels, `presProps.xml`, `viewProps.xml`, `tableStyles.xml`,
//! one theme, one slide master with one slide layout ("Title Only") and the slides, each with
//! its rels. Every slide's title is the layout's title placeholder (the outline and screen
//! readers read it); the rest are plain shapes placed in EMU (914,400 a inch). Text is
//! escaped, and characters XML 1.0 forbids are dropped. What the slides *say* is
//! `present::slides`; this module knows nothing of KPIs. The zip is [`super::stored_zip`].

use std::fmt::Write as _;

use super::stored_zip::{stored_zip, ZipError};
use crate::model::{Date, Lang};

/// EMU in an inch.
pub const INCH: i64 = 914_400;
/// EMU in a point.
pub const POINT: i64 = 12_700;
/// The slide's width: 13.333 inch (16:9).
pub const SLIDE_W: i64 = 12_192_000;
/// The slide's height: 7.5 inch.
pub const SLIDE_H: i64 = 6_858_000;

/// A colour as `0xRRGGBB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u32);

/// A rectangle on the slide, in EMU.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub w: i64,
    /// Height.
    pub h: i64,
}

/// A run of text in one style. A `\n` in `text` breaks the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Size in hundredths of a point (`1200` is 12 pt).
    pub size: u32,
    /// Bold.
    pub bold: bool,
    /// Colour; the theme's text colour when `None`.
    pub color: Option<Rgb>,
}

impl Run {
    /// Plain text at `size` (hundredths of a point).
    pub fn new(text: impl Into<String>, size: u32) -> Run {
        Run {
            text: text.into(),
            size,
            bold: false,
            color: None,
        }
    }

    /// The same run in bold.
    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }

    /// The same run in `color`.
    pub fn color(mut self, color: Rgb) -> Run {
        self.color = Some(color);
        self
    }
}

/// How a paragraph lines up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Left.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

/// A paragraph: runs, alignment, and whether it is a bullet point.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    /// Its runs.
    pub runs: Vec<Run>,
    /// Its alignment.
    pub align: Align,
    /// A bullet point ("•").
    pub bullet: bool,
}

impl Para {
    /// A paragraph of `runs`, left aligned.
    pub fn of(runs: Vec<Run>) -> Para {
        Para {
            runs,
            ..Para::default()
        }
    }

    /// A paragraph of one run.
    pub fn text(text: impl Into<String>, size: u32) -> Para {
        Para::of(vec![Run::new(text, size)])
    }

    /// The same paragraph aligned `align`.
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }

    /// The same paragraph as a bullet point.
    pub fn bullet(mut self) -> Para {
        self.bullet = true;
        self
    }
}

/// The outline of a [`TextBox`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Geometry {
    /// A rectangle.
    #[default]
    Rect,
    /// A rectangle with rounded corners.
    RoundRect,
    /// An ellipse (a dot, when small).
    Ellipse,
    /// An arrow pointing right.
    RightArrow,
}

impl Geometry {
    fn preset(self) -> &'static str {
        match self {
            Geometry::Rect => "rect",
            Geometry::RoundRect => "roundRect",
            Geometry::Ellipse => "ellipse",
            Geometry::RightArrow => "rightArrow",
        }
    }
}

/// A shape with text (possibly none): a text box, a box of a flow, an arrow, a dot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextBox {
    /// Where.
    pub frame: Frame,
    /// Its outline.
    pub geometry: Geometry,
    /// Its fill; none when `None`.
    pub fill: Option<Rgb>,
    /// Its outline's colour; none when `None`.
    pub line: Option<Rgb>,
    /// Text centred vertically (else from the top).
    pub middle: bool,
    /// Its paragraphs.
    pub paras: Vec<Para>,
    /// Its alternative text (for a shape whose meaning is not in its text).
    pub descr: String,
}

/// A table cell: paragraphs, a fill, and how many columns it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Its paragraphs (at least one is written).
    pub paras: Vec<Para>,
    /// Its fill.
    pub fill: Option<Rgb>,
    /// Columns it spans (1 or more); the row then has `span - 1` fewer cells.
    pub span: usize,
}

impl Cell {
    /// A cell of one paragraph.
    pub fn of(para: Para) -> Cell {
        Cell {
            paras: vec![para],
            fill: None,
            span: 1,
        }
    }

    /// The same cell filled with `fill`.
    pub fn fill(mut self, fill: Rgb) -> Cell {
        self.fill = Some(fill);
        self
    }

    /// The same cell spanning `span` columns.
    pub fn span(mut self, span: usize) -> Cell {
        self.span = span.max(1);
        self
    }
}

/// A table row: its height (the least; PowerPoint grows it to fit its text) and cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Its height in EMU.
    pub height: i64,
    /// Its cells.
    pub cells: Vec<Cell>,
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Where (its height is the rows' sum).
    pub frame: Frame,
    /// Column widths in EMU.
    pub columns: Vec<i64>,
    /// Its rows.
    pub rows: Vec<Row>,
    /// Its name (what PowerPoint's selection pane shows).
    pub name: String,
}

/// Lines through points (a custom geometry), drawn in a `w` × `h` coordinate space stretched
/// over `frame`.
#[derive(Clone, Debug, PartialEq)]
pub struct Polyline {
    /// Where.
    pub frame: Frame,
    /// Width of the coordinate space.
    pub w: i64,
    /// Height of the coordinate space.
    pub h: i64,
    /// Runs of points, each drawn as one line.
    pub runs: Vec<Vec<(i64, i64)>>,
    /// The line's colour.
    pub color: Rgb,
    /// The line's width in EMU.
    pub width: i64,
    /// Dashed.
    pub dashed: bool,
    /// Its alternative text.
    pub descr: String,
}

/// One shape on a slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A shape with text.
    Text(TextBox),
    /// A table.
    Table(Table),
    /// Lines through points.
    Line(Polyline),
}

/// A slide: its title (the layout's title placeholder) and shapes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slide {
    /// The title.
    pub title: String,
    /// Where the title goes and its size in hundredths of a point, if not the layout's.
    pub title_at: Option<(Frame, u32)>,
    /// The shapes, drawn in order (later on top).
    pub shapes: Vec<Shape>,
}

/// A presentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deck {
    /// Its title (the file's properties).
    pub title: String,
    /// The language of its text (spell checking, the file's properties).
    pub lang: Lang,
    /// The day it is made (the file's properties).
    pub date: Option<Date>,
    /// The slides.
    pub slides: Vec<Slide>,
}

/// Why a deck could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlidesError {
    /// What went wrong, in English.
    pub en: String,
    /// The same in Dutch.
    pub nl: String,
}

impl SlidesError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.nl)
    }
}

impl From<ZipError> for SlidesError {
    fn from(e: ZipError) -> SlidesError {
        let (en, nl) = match e {
            ZipError::TooManyEntries => ("too many slides", "te veel dia's"),
            ZipError::TooLarge => (
                "the file would be too large",
                "het bestand zou te groot worden",
            ),
        };
        SlidesError {
            en: format!("The slides could not be written: {en}."),
            nl: format!("De dia's konden niet worden geschreven: {nl}."),
        }
    }
}

/// The media type of a `.pptx` file.
pub const PPTX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The XML namespaces of a PresentationML part's root element.
fn pml_ns() -> String {
    format!("xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"")
}

/// `text` escaped for XML text and attribute values (a line break kept as `&#10;`).
pub fn escape_xml(text: &str) -> String {
    super::xml::escape_xml(text, "&#10;")
}

/// The language tag written on every run.
fn lang_tag(lang: Lang) -> &'static str {
    lang.pick("en-GB", "nl-NL")
}

fn hex(c: Rgb) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    (0..6)
        .rev()
        .map(|i| DIGITS[((c.0 >> (i * 4)) & 0xF) as usize] as char)
        .collect()
}

fn solid(out: &mut String, c: Rgb) {
    let _ = write!(
        out,
        "<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>",
        hex(c)
    );
}

fn xfrm(out: &mut String, f: &Frame, ns: &str) {
    let _ = write!(
        out,
        "<{ns}:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></{ns}:xfrm>",
        f.x.max(0),
        f.y.max(0),
        f.w.max(0),
        f.h.max(0)
    );
}

fn run_props(out: &mut String, tag: &str, run: &Run, lang: Lang) {
    let _ = write!(
        out,
        "<a:{tag} lang=\"{}\" sz=\"{}\" b=\"{}\" dirty=\"0\"",
        lang_tag(lang),
        run.size.clamp(100, 400_000),
        u8::from(run.bold)
    );
    match run.color {
        Some(c) => {
            out.push('>');
            solid(out, c);
            let _ = write!(out, "</a:{tag}>");
        }
        None => out.push_str("/>"),
    }
}

fn paragraph(out: &mut String, p: &Para, lang: Lang) {
    let algn = match p.align {
        Align::Left => "l",
        Align::Center => "ctr",
        Align::Right => "r",
    };
    if p.bullet {
        let _ = write!(
            out,
            "<a:p><a:pPr marL=\"171450\" indent=\"-171450\" algn=\"{algn}\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/></a:pPr>"
        );
    } else {
        let _ = write!(out, "<a:p><a:pPr algn=\"{algn}\"><a:buNone/></a:pPr>");
    }
    for run in &p.runs {
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<a:br>");
                run_props(out, "rPr", run, lang);
                out.push_str("</a:br>");
            }
            if line.is_empty() {
                continue;
            }
            out.push_str("<a:r>");
            run_props(out, "rPr", run, lang);
            let _ = write!(out, "<a:t>{}</a:t></a:r>", escape_xml(line));
        }
    }
    let size = p.runs.last().map_or(1200, |r| r.size.clamp(100, 400_000));
    let _ = write!(
        out,
        "<a:endParaRPr lang=\"{}\" sz=\"{size}\" dirty=\"0\"/></a:p>",
        lang_tag(lang)
    );
}

fn paragraphs(out: &mut String, paras: &[Para], lang: Lang) {
    if paras.is_empty() {
        paragraph(out, &Para::default(), lang);
    }
    for p in paras {
        paragraph(out, p, lang);
    }
}

/// The next shape id on a slide and its running number in names.
struct Ids(u32);

impl Ids {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

fn text_shape(out: &mut String, b: &TextBox, ids: &mut Ids, lang: Lang) {
    let id = ids.next();
    let _ = write!(
        out,
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Shape {}\" descr=\"{}\"/><p:cNvSpPr{}/><p:nvPr/></p:nvSpPr><p:spPr>",
        id - 1,
        escape_xml(&b.descr),
        if b.fill.is_none() && b.line.is_none() {
            " txBox=\"1\""
        } else {
            ""
        }
    );
    xfrm(out, &b.frame, "a");
    let _ = write!(
        out,
        "<a:prstGeom prst=\"{}\"><a:avLst/></a:prstGeom>",
        b.geometry.preset()
    );
    match b.fill {
        Some(c) => solid(out, c),
        None => out.push_str("<a:noFill/>"),
    }
    match b.line {
        Some(c) => {
            out.push_str("<a:ln w=\"9525\">");
            solid(out, c);
            out.push_str("</a:ln>");
        }
        None => out.push_str("<a:ln><a:noFill/></a:ln>"),
    }
    let _ = write!(
        out,
        "</p:spPr><p:txBody><a:bodyPr wrap=\"square\" lIns=\"45720\" tIns=\"27432\" rIns=\"45720\" bIns=\"27432\" rtlCol=\"0\" anchor=\"{}\"><a:normAutofit/></a:bodyPr><a:lstStyle/>",
        if b.middle { "ctr" } else { "t" }
    );
    paragraphs(out, &b.paras, lang);
    out.push_str("</p:txBody></p:sp>");
}

fn cell_border(out: &mut String, tag: &str) {
    let _ = write!(
        out,
        "<a:{tag} w=\"6350\"><a:solidFill><a:srgbClr val=\"C9D1DC\"/></a:solidFill></a:{tag}>"
    );
}

fn table_cell(out: &mut String, cell: &Cell, merged: bool, lang: Lang) {
    if merged {
        out.push_str("<a:tc hMerge=\"1\">");
    } else if cell.span > 1 {
        let _ = write!(out, "<a:tc gridSpan=\"{}\">", cell.span);
    } else {
        out.push_str("<a:tc>");
    }
    out.push_str("<a:txBody><a:bodyPr/><a:lstStyle/>");
    if merged {
        paragraphs(out, &[], lang);
    } else {
        paragraphs(out, &cell.paras, lang);
    }
    out.push_str(
        "</a:txBody><a:tcPr marL=\"64008\" marR=\"64008\" marT=\"27432\" marB=\"27432\" anchor=\"ctr\">",
    );
    for tag in ["lnL", "lnR", "lnT", "lnB"] {
        cell_border(out, tag);
    }
    match cell.fill {
        Some(c) => solid(out, c),
        None => out.push_str("<a:noFill/>"),
    }
    out.push_str("</a:tcPr></a:tc>");
}

fn table_shape(out: &mut String, t: &Table, ids: &mut Ids, lang: Lang) {
    let id = ids.next();
    let _ = write!(
        out,
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>",
        escape_xml(&t.name)
    );
    let height: i64 = t.rows.iter().map(|r| r.height.max(0)).sum();
    let frame = Frame {
        h: height,
        ..t.frame
    };
    xfrm(out, &frame, "p");
    out.push_str("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/><a:tblGrid>");
    for w in &t.columns {
        let _ = write!(out, "<a:gridCol w=\"{}\"/>", (*w).max(0));
    }
    out.push_str("</a:tblGrid>");
    let n = t.columns.len();
    for row in &t.rows {
        let _ = write!(out, "<a:tr h=\"{}\">", row.height.max(0));
        let mut used = 0;
        for cell in &row.cells {
            if used >= n {
                break;
            }
            let span = cell.span.clamp(1, n - used);
            let cell = Cell {
                span,
                ..cell.clone()
            };
            table_cell(out, &cell, false, lang);
            for _ in 1..span {
                table_cell(out, &cell, true, lang);
            }
            used += span;
        }
        // Every row has a cell for every column.
        let empty = Cell::of(Para::default());
        for _ in used..n {
            table_cell(out, &empty, false, lang);
        }
        out.push_str("</a:tr>");
    }
    out.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}

fn line_shape(out: &mut String, l: &Polyline, ids: &mut Ids) {
    let runs: Vec<&Vec<(i64, i64)>> = l.runs.iter().filter(|r| r.len() >= 2).collect();
    if runs.is_empty() {
        return;
    }
    let id = ids.next();
    let _ = write!(
        out,
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Line {}\" descr=\"{}\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>",
        id - 1,
        escape_xml(&l.descr)
    );
    xfrm(out, &l.frame, "a");
    let _ = write!(
        out,
        "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"l\" t=\"t\" r=\"r\" b=\"b\"/><a:pathLst><a:path w=\"{}\" h=\"{}\" fill=\"none\">",
        l.w.max(1),
        l.h.max(1)
    );
    let clamp = |(x, y): (i64, i64)| (x.clamp(0, l.w.max(1)), y.clamp(0, l.h.max(1)));
    for run in runs {
        for (i, p) in run.iter().enumerate() {
            let (x, y) = clamp(*p);
            let tag = if i == 0 { "moveTo" } else { "lnTo" };
            let _ = write!(out, "<a:{tag}><a:pt x=\"{x}\" y=\"{y}\"/></a:{tag}>");
        }
    }
    let _ = write!(
        out,
        "</a:path></a:pathLst></a:custGeom><a:noFill/><a:ln w=\"{}\" cap=\"rnd\">",
        l.width.max(0)
    );
    solid(out, l.color);
    if l.dashed {
        out.push_str("<a:prstDash val=\"dash\"/>");
    }
    out.push_str("<a:round/></a:ln></p:spPr></p:sp>");
}

fn title_shape(out: &mut String, s: &Slide, lang: Lang) {
    out.push_str("<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>");
    let size = match &s.title_at {
        Some((frame, size)) => {
            out.push_str("<p:spPr>");
            xfrm(out, frame, "a");
            out.push_str("</p:spPr>");
            *size
        }
        None => {
            out.push_str("<p:spPr/>");
            2800
        }
    };
    out.push_str("<p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>");
    let align = if s.title_at.is_some() {
        Align::Center
    } else {
        Align::Left
    };
    let title = Para::of(vec![Run::new(s.title.clone(), size).bold()]).align(align);
    paragraph(out, &title, lang);
    out.push_str("</p:txBody></p:sp>");
}

const SP_TREE_HEAD: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

/// The XML of one slide.
fn slide_xml(s: &Slide, lang: Lang) -> String {
    let mut out = String::with_capacity(8192);
    let _ = write!(out, "{HEAD}<p:sld {}><p:cSld><p:spTree>", pml_ns());
    out.push_str(SP_TREE_HEAD);
    title_shape(&mut out, s, lang);
    let mut ids = Ids(2);
    for shape in &s.shapes {
        match shape {
            Shape::Text(b) => text_shape(&mut out, b, &mut ids, lang),
            Shape::Table(t) => table_shape(&mut out, t, &mut ids, lang),
            Shape::Line(l) => line_shape(&mut out, l, &mut ids),
        }
    }
    out.push_str("</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
    out
}

/// A relationships part of `(id, type, target)`.
fn rels(list: &[(String, String, String)]) -> String {
    let mut out = format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in list {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

fn rel(id: usize, kind: &str, target: &str) -> (String, String, String) {
    (format!("rId{id}"), kind.to_string(), target.to_string())
}

fn content_types(slides: usize) -> String {
    let mut out = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    let parts = [
        (
            "/ppt/presentation.xml",
            "presentationml.presentation.main+xml",
        ),
        (
            "/ppt/slideMasters/slideMaster1.xml",
            "presentationml.slideMaster+xml",
        ),
        (
            "/ppt/slideLayouts/slideLayout1.xml",
            "presentationml.slideLayout+xml",
        ),
        ("/ppt/theme/theme1.xml", "theme+xml"),
        ("/ppt/presProps.xml", "presentationml.presProps+xml"),
        ("/ppt/viewProps.xml", "presentationml.viewProps+xml"),
        ("/ppt/tableStyles.xml", "presentationml.tableStyles+xml"),
        ("/docProps/app.xml", "extended-properties+xml"),
    ];
    for (part, kind) in parts {
        let _ = write!(
            out,
            "<Override PartName=\"{part}\" ContentType=\"{CT}.{kind}\"/>"
        );
    }
    for i in 1..=slides {
        let _ = write!(
            out,
            "<Override PartName=\"/ppt/slides/slide{i}.xml\" ContentType=\"{CT}.presentationml.slide+xml\"/>"
        );
    }
    out.push_str("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>");
    out
}

const TEXT_STYLE: &str = "<a:defPPr><a:defRPr lang=\"en-GB\"/></a:defPPr><a:lvl1pPr marL=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:defRPr sz=\"1800\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>";

fn presentation(slides: usize) -> String {
    let mut out = format!(
        "{HEAD}<p:presentation {} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>",
        pml_ns()
    );
    for i in 0..slides {
        let _ = write!(out, "<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + i, i + 2);
    }
    let _ = write!(
        out,
        "</p:sldIdLst><p:sldSz cx=\"{SLIDE_W}\" cy=\"{SLIDE_H}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/><p:defaultTextStyle>{TEXT_STYLE}</p:defaultTextStyle></p:presentation>"
    );
    out
}

fn presentation_rels(slides: usize) -> String {
    let mut list = vec![rel(
        1,
        &format!("{REL}/slideMaster"),
        "slideMasters/slideMaster1.xml",
    )];
    for i in 1..=slides {
        list.push(rel(
            i + 1,
            &format!("{REL}/slide"),
            &format!("slides/slide{i}.xml"),
        ));
    }
    let n = slides + 1;
    list.push(rel(n + 1, &format!("{REL}/presProps"), "presProps.xml"));
    list.push(rel(n + 2, &format!("{REL}/viewProps"), "viewProps.xml"));
    list.push(rel(n + 3, &format!("{REL}/theme"), "theme/theme1.xml"));
    list.push(rel(n + 4, &format!("{REL}/tableStyles"), "tableStyles.xml"));
    rels(&list)
}

/// The title placeholder of the master and the layout: top left, the slide's width.
fn title_placeholder(name: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\" anchor=\"ctr\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-GB\"/><a:t>Title</a:t></a:r><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>",
        INCH * 4 / 10,
        INCH / 5,
        SLIDE_W - INCH * 8 / 10,
        INCH * 7 / 10
    )
}

fn level(sz: u32, bold: bool, font: &str) -> String {
    format!(
        "<a:defRPr sz=\"{sz}\" b=\"{}\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+{font}-lt\"/><a:ea typeface=\"+{font}-ea\"/><a:cs typeface=\"+{font}-cs\"/></a:defRPr>",
        u8::from(bold)
    )
}

fn master() -> String {
    format!(
        "{HEAD}<p:sldMaster {}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{SP_TREE_HEAD}{}</p:spTree></p:cSld><p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:lnSpc><a:spcPct val=\"90000\"/></a:lnSpc><a:spcBef><a:spcPct val=\"0\"/></a:spcBef><a:buNone/>{}</a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr marL=\"228600\" indent=\"-228600\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:spcBef><a:spcPts val=\"600\"/></a:spcBef><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>{}</a:lvl1pPr></p:bodyStyle><p:otherStyle>{TEXT_STYLE}</p:otherStyle></p:txStyles></p:sldMaster>",
        pml_ns(),
        title_placeholder("Title Placeholder 1"),
        level(2800, true, "mj"),
        level(2000, false, "mn"),
    )
}

fn layout() -> String {
    format!(
        "{HEAD}<p:sldLayout {} type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>{SP_TREE_HEAD}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        pml_ns(),
        title_placeholder("Title 1")
    )
}

fn theme() -> String {
    let color = |name: &str, rgb: &str| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    let colors = [
        ("dk1", "1F2933"),
        ("lt1", "FFFFFF"),
        ("dk2", "2F3A48"),
        ("lt2", "F0F3F7"),
        ("accent1", "1F5FA8"),
        ("accent2", "1E7B4F"),
        ("accent3", "8A5A00"),
        ("accent4", "B42318"),
        ("accent5", "7B4FA6"),
        ("accent6", "5B6675"),
        ("hlink", "1F5FA8"),
        ("folHlink", "7B4FA6"),
    ];
    let scheme: String = colors.iter().map(|(n, c)| color(n, c)).collect();
    let font = |name: &str| {
        format!("<a:{name}><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:{name}>")
    };
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!("<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{fill}<a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>")
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "{HEAD}<a:theme xmlns:a=\"{NS_A}\" name=\"KPI Structure\"><a:themeElements><a:clrScheme name=\"KPI Structure\">{scheme}</a:clrScheme><a:fontScheme name=\"KPI Structure\">{}{}</a:fontScheme><a:fmtScheme name=\"KPI Structure\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        font("majorFont"),
        font("minorFont"),
        line(6350),
        line(12700),
        line(19050),
    )
}

fn date_time(d: Option<Date>) -> String {
    let d = d.unwrap_or(Date {
        y: 2000,
        m: 1,
        d: 1,
    });
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.y.clamp(1, 9999), d.m, d.d)
}

fn core(deck: &Deck) -> String {
    let when = date_time(deck.date);
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>KPI Structure</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        escape_xml(&deck.title),
        lang_tag(deck.lang),
    )
}

fn app(slides: usize) -> String {
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>KPI Structure</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides><Notes>0</Notes><HiddenSlides>0</HiddenSlides></Properties>"
    )
}

/// Every part of the package as (path in the zip, XML), `[Content_Types].xml` first.
pub fn parts(deck: &Deck) -> Vec<(String, String)> {
    let n = deck.slides.len();
    let pml = |p: &str| format!("{HEAD}<p:{p} {}/>", pml_ns());
    let mut out = vec![
        ("[Content_Types].xml".to_string(), content_types(n)),
        (
            "_rels/.rels".to_string(),
            rels(&[
                rel(1, &format!("{REL}/officeDocument"), "ppt/presentation.xml"),
                rel(
                    2,
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                rel(3, &format!("{REL}/extended-properties"), "docProps/app.xml"),
            ]),
        ),
        ("docProps/core.xml".to_string(), core(deck)),
        ("docProps/app.xml".to_string(), app(n)),
        ("ppt/presentation.xml".to_string(), presentation(n)),
        (
            "ppt/_rels/presentation.xml.rels".to_string(),
            presentation_rels(n),
        ),
        ("ppt/presProps.xml".to_string(), pml("presentationPr")),
        (
            "ppt/viewProps.xml".to_string(),
            format!("{HEAD}<p:viewPr {}><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>", pml_ns()),
        ),
        (
            "ppt/tableStyles.xml".to_string(),
            format!("{HEAD}<a:tblStyleLst xmlns:a=\"{NS_A}\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"),
        ),
        ("ppt/theme/theme1.xml".to_string(), theme()),
        ("ppt/slideMasters/slideMaster1.xml".to_string(), master()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".to_string(),
            rels(&[
                rel(1, &format!("{REL}/slideLayout"), "../slideLayouts/slideLayout1.xml"),
                rel(2, &format!("{REL}/theme"), "../theme/theme1.xml"),
            ]),
        ),
        ("ppt/slideLayouts/slideLayout1.xml".to_string(), layout()),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".to_string(),
            rels(&[rel(
                1,
                &format!("{REL}/slideMaster"),
                "../slideMasters/slideMaster1.xml",
            )]),
        ),
    ];
    let slide_rels = rels(&[rel(
        1,
        &format!("{REL}/slideLayout"),
        "../slideLayouts/slideLayout1.xml",
    )]);
    for (i, s) in deck.slides.iter().enumerate() {
        out.push((
            format!("ppt/slides/slide{}.xml", i + 1),
            slide_xml(s, deck.lang),
        ));
        out.push((
            format!("ppt/slides/_rels/slide{}.xml.rels", i + 1),
            slide_rels.clone(),
        ));
    }
    out
}

/// The deck as the bytes of a `.pptx` file (stored, not compressed: the file stays small and
/// the code that writes it too).
pub fn write_pptx(deck: &Deck) -> Result<Vec<u8>, SlidesError> {
    let files: Vec<(String, Vec<u8>)> = parts(deck)
        .into_iter()
        .map(|(name, xml)| (name, xml.into_bytes()))
        .collect();
    Ok(stored_zip(&files, deck.date)?)
}
