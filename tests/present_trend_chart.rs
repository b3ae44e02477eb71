//! The trend chart of a KPI (issue 23): periods and their labels in both languages, a gap in
//! the line, a scale that holds the norm's lines, each point's status for both directions and
//! a band, comments as markers and in the table, a quarterly KPI, a KPI without values, and
//! what it reads.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::model::*;

mod support;
use kpi_structure::present::trend_chart::{
    chart_of, legend_html, short_month, svg, table_html, trend_chart, NormLines, TrendChart,
    DEFAULT_PERIODS, H, MAX_PERIODS, W,
};

fn kpi(direction: Direction, target: f64, red: f64) -> Kpi {
    let mut k = Kpi::new(
        Id::new("k"),
        "Installed on time",
        Attach::Result { goal: Id::new("g") },
    );
    k.frequency = Frequency::Monthly;
    k.direction = direction;
    k.target = Some(target);
    k.red = Some(red);
    k.unit = "%".into();
    k
}

fn month(y: i32, m: u32) -> Period {
    Period::Month { y, m }
}

/// A monthly KPI with values for 2025-12 .. 2026-11, 2026-08 missing (the dip before it).
fn monthly() -> Kpi {
    let mut k = kpi(Direction::Higher, 95.0, 90.0);
    let values = [
        96.0, 97.0, 95.0, 94.0, 96.0, 97.0, 98.0, 86.5, 0.0, 97.0, 97.5, 98.0,
    ];
    let mut p = month(2025, 12);
    for (i, v) in values.into_iter().enumerate() {
        if i != 8 {
            k.values.set(p, Some(v));
        }
        p = p.next();
    }
    k
}

fn chart(k: &Kpi, as_of: Month, lang: Lang) -> TrendChart {
    chart_of(k, Some(&k.comments), as_of, DEFAULT_PERIODS, lang)
}

/// The lines of a higher or lower is better norm: higher, target y, red y, off zone.
fn direction(lines: &NormLines) -> (bool, f64, f64, (f64, f64)) {
    match *lines {
        NormLines::Direction {
            higher,
            target,
            red,
            off,
        } => (higher, target, red, off),
        NormLines::Band { .. } => panic!("{lines:?}"),
    }
}

fn inside(c: &TrendChart, (x, y): (f64, f64)) -> bool {
    (c.plot.left..=c.plot.right).contains(&x) && (c.plot.top..=c.plot.bottom).contains(&y)
}

#[test]
fn twelve_months_with_a_gap_break_the_line_in_two() {
    let k = monthly();
    let c = chart(&k, (2026, 11), Lang::En);
    assert_eq!(c.empty, None);
    assert_eq!(c.label, "Trend of Installed on time");
    assert_eq!(c.slots.len(), 12);
    assert_eq!(c.slots[0].period, month(2025, 12));
    assert_eq!(c.slots[11].period, month(2026, 11));
    assert!(c.slots.windows(2).all(|w| w[0].x < w[1].x), "oldest left");
    assert!(c.plot.left > 0.0 && c.plot.right <= W && c.plot.bottom < H);
    // 2026-08 has no value: 11 points, two pieces of the line (8 and 3 points).
    assert_eq!(c.points.len(), 11);
    assert!(c.points.iter().all(|p| p.period != month(2026, 8)));
    let lens: Vec<usize> = c.segments.iter().map(Vec::len).collect();
    assert_eq!(lens, [8, 3]);
    assert_eq!(c.path().matches('M').count(), 2, "{}", c.path());
    assert!(c.points.iter().all(|p| inside(&c, (p.x, p.y))));
    // The dip is the lowest point; higher values are drawn higher.
    let dip = c
        .points
        .iter()
        .find(|p| p.period == month(2026, 7))
        .unwrap();
    assert!(c.points.iter().all(|p| p.y <= dip.y));
    assert_eq!(dip.text, "86.5%");
    // The table: every period, the missing one with a dash and "no value".
    assert_eq!(c.rows.len(), 12);
    let aug = &c.rows[8];
    assert_eq!(
        (aug.period.as_str(), aug.value.as_str(), aug.status_word),
        ("2026-08", "–", "no value")
    );
    assert_eq!(c.rows[7].value, "86.5%");
    assert_eq!(c.rows[7].status_word, "off target");
}

#[test]
fn month_labels_in_english_and_dutch_with_the_year_where_it_begins() {
    let k = monthly();
    let en = chart(&k, (2026, 11), Lang::En);
    let labels: Vec<_> = en.slots.iter().map(|s| s.label.clone().unwrap()).collect();
    assert_eq!(
        labels,
        ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    );
    // The year under the first label, and under January; the first gives way to a January
    // right after it.
    let subs: Vec<_> = en.slots.iter().map(|s| s.sub.clone()).collect();
    assert_eq!(subs[0], None, "Dec 2025 is next to Jan 2026");
    assert_eq!(subs[1].as_deref(), Some("2026"));
    assert!(subs[2..].iter().all(Option::is_none));
    let later = chart(&k, (2027, 3), Lang::En);
    let subs: Vec<_> = later.slots.iter().map(|s| s.sub.as_deref()).collect();
    assert_eq!(later.slots[0].label.as_deref(), Some("Apr"));
    assert_eq!(subs[0], Some("2026"));
    assert_eq!(subs[9], Some("2027"));
    assert_eq!(subs.iter().flatten().count(), 2);
    let nl = chart(&k, (2026, 11), Lang::Nl);
    assert_eq!(nl.label, "Trend van Installed on time");
    assert_eq!(nl.slots[3].label.as_deref(), Some("mrt"));
    assert_eq!(nl.slots[8].label.as_deref(), Some("aug"));
    assert_eq!(nl.slots[10].label.as_deref(), Some("okt"));
    assert_eq!(nl.rows[7].value, "86,5%");
    assert_eq!(nl.rows[7].status_word, "buiten norm");
    assert_eq!(short_month(5, Lang::En), "May");
    assert_eq!(short_month(5, Lang::Nl), "mei");
    // 24 months: every other label, the newest always.
    let c = chart_of(&k, None, (2026, 11), 24, Lang::En);
    assert_eq!(c.slots.len(), 24);
    assert_eq!(c.slots.iter().filter(|s| s.label.is_some()).count(), 12);
    assert_eq!(c.slots[23].label.as_deref(), Some("Nov"));
    assert_eq!(c.slots[22].label, None);
    // More than the most is the most; none is one.
    assert_eq!(
        chart_of(&k, None, (2026, 11), 99, Lang::En).slots.len(),
        MAX_PERIODS
    );
    assert_eq!(chart_of(&k, None, (2026, 11), 0, Lang::En).slots.len(), 1);
}

#[test]
fn the_scale_holds_values_and_both_norm_lines_on_round_ticks() {
    // Values 94..98 but the red line at 80: the scale reaches down to it.
    let mut k = monthly();
    k.red = Some(80.0);
    k.values.set(month(2026, 7), Some(96.0));
    let c = chart(&k, (2026, 11), Lang::En);
    let Some(norm) = &c.norm else { panic!() };
    let (higher, target, red, off) = direction(&norm.lines);
    assert!(higher);
    assert!(inside(&c, (c.plot.left, target)) && inside(&c, (c.plot.left, red)));
    assert!(red > target, "red (80) is drawn below the target (95)");
    assert_eq!(off, (red, c.plot.bottom), "off target below red");
    assert_eq!(norm.target_text, "Target ≥ 95");
    assert_eq!(norm.red_text, "Red < 90".replace("90", "80"));
    // Ticks: lowest first, drawn upwards, round numbers covering 80..98.
    let labels: Vec<&str> = c.ticks.iter().map(|t| t.label.as_str()).collect();
    assert!(c.ticks.len() >= 3 && c.ticks.len() <= 8, "{labels:?}");
    assert!(c.ticks.windows(2).all(|w| w[0].y > w[1].y));
    let nums: Vec<f64> = labels.iter().map(|l| l.parse().unwrap()).collect();
    assert!(
        nums[0] <= 80.0 && *nums.last().unwrap() >= 98.0,
        "{labels:?}"
    );
    assert_eq!(c.ticks[0].y, c.plot.bottom);
    assert_eq!(c.ticks.last().unwrap().y, c.plot.top);
    // Small numbers: ticks without float noise, in Dutch with a comma.
    let mut s = kpi(Direction::Lower, 0.3, 0.5);
    s.values.set(month(2026, 11), Some(0.1));
    let c = chart(&s, (2026, 11), Lang::Nl);
    assert!(c.ticks.iter().all(|t| t.label.len() <= 4), "{:?}", c.ticks);
    assert!(c.ticks.iter().any(|t| t.label == "0,3"), "{:?}", c.ticks);
    // A flat series without a norm still has a scale around it.
    let mut f = kpi(Direction::Higher, 1.0, 0.0);
    f.direction = Direction::Unset;
    f.values.set(month(2026, 11), Some(7.0));
    f.values.set(month(2026, 10), Some(7.0));
    let c = chart(&f, (2026, 11), Lang::En);
    assert_eq!(c.norm, None, "no direction: no norm");
    assert!(c
        .points
        .iter()
        .all(|p| inside(&c, (p.x, p.y)) && p.y < c.plot.bottom && p.y > c.plot.top));
    assert!(c.points.iter().all(|p| p.status == Status::NoNorm));
    assert_eq!(c.rows[11].status_word, "no norm");
}

/// The chart of `k` with `values` for 2026-09 .. 2026-11, whose points must be on target, at
/// risk and off target.
fn graded(mut k: Kpi, values: [f64; 3], lang: Lang) -> TrendChart {
    for (m, v) in (9..).zip(values) {
        k.values.set(month(2026, m), Some(v));
    }
    let c = chart(&k, (2026, 11), lang);
    let st: Vec<Status> = c.points.iter().map(|p| p.status).collect();
    assert_eq!(st, [Status::OnTarget, Status::AtRisk, Status::OffTarget]);
    c
}

#[test]
fn points_take_the_status_of_their_value_in_either_direction() {
    // Higher is better: 95 target, 90 red.
    graded(
        kpi(Direction::Higher, 95.0, 90.0),
        [96.0, 92.0, 85.0],
        Lang::En,
    );
    // Lower is better: 3 target, 5 red; the off-target zone is above red.
    let c = graded(kpi(Direction::Lower, 3.0, 5.0), [2.0, 4.0, 6.0], Lang::En);
    let norm = c.norm.unwrap();
    let (higher, target, red, off) = direction(&norm.lines);
    assert!(!higher);
    assert!(red < target, "red (5) is drawn above the target (3)");
    assert_eq!(off, (c.plot.top, red));
    assert_eq!(
        (norm.target_text.as_str(), norm.red_text.as_str()),
        ("Target ≤ 3", "Red > 5")
    );
    let words: Vec<&str> = c.rows[9..].iter().map(|r| r.status_word).collect();
    assert_eq!(words, ["on target", "at risk", "off target"]);
    // Within a band: the band and its two red lines.
    let mut b = kpi(Direction::Band, 0.0, 0.0);
    (b.low, b.high, b.tolerance) = (Some(10.0), Some(15.0), Some(2.0));
    let c = graded(b, [12.0, 16.0, 20.0], Lang::Nl);
    let norm = c.norm.unwrap();
    let NormLines::Band { band, red } = norm.lines else {
        panic!()
    };
    assert!(red.0 < band.0 && band.0 < band.1 && band.1 < red.1);
    assert_eq!(norm.target_text, "Norm 10–15");
    assert_eq!(norm.red_text, "Rood < 8 of > 17");
}

#[test]
fn a_comment_is_a_marker_on_its_period_and_in_the_table() {
    let mut k = monthly();
    k.comments
        .insert(month(2026, 7), "Fitter ill for two weeks".into());
    k.comments
        .insert(month(2026, 8), "No data: system down".into());
    k.comments.insert(month(2024, 1), "Too old to show".into());
    k.comments.insert(month(2026, 10), "   ".into());
    let c = chart(&k, (2026, 11), Lang::En);
    let texts: Vec<&str> = c.markers.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Fitter ill for two weeks", "No data: system down"]);
    let dip = c
        .points
        .iter()
        .find(|p| p.period == month(2026, 7))
        .unwrap();
    assert_eq!(dip.comment.as_deref(), Some("Fitter ill for two weeks"));
    assert_eq!((c.markers[0].x, c.markers[0].to_y), (dip.x, dip.y));
    // A comment on a period without a value: its marker points at the axis.
    assert_eq!(c.markers[1].to_y, c.plot.bottom);
    assert_eq!(c.markers[1].x, c.slots[8].x);
    assert!(c
        .markers
        .iter()
        .all(|m| m.x > c.plot.left && m.x < c.plot.right));
    assert_eq!(c.rows[7].comment, "Fitter ill for two weeks");
    assert_eq!(c.rows[8].comment, "No data: system down");
    assert_eq!(c.rows[9].comment, "");
    // Without the comments read, no markers.
    assert!(chart_of(&k, None, (2026, 11), 12, Lang::En)
        .markers
        .is_empty());
    // Drawn: its name, a point per value with its words, a focusable marker per comment.
    let text = svg(&c, None);
    assert!(text.starts_with("<svg ") && text.ends_with("</svg>"));
    assert!(text.contains("role=\"img\" aria-label=\"Trend of Installed on time\""));
    let open = &text[..text.find('>').unwrap()];
    assert!(!open.contains("width"), "the page sizes it: {open}");
    assert_eq!(text.matches("<circle").count(), c.points.len());
    assert!(text.contains("<title>2026-07: 86.5%, off target</title>"));
    assert_eq!(
        text.matches("class=\"trend-comment\" tabindex=\"0\"")
            .count(),
        2
    );
    assert!(text.contains("data-i=\"1\""));
    assert!(text.contains("<title>2026-08: No data: system down</title>"));
    assert!(text.contains(">Jul<"));
    // Standing alone (print, pictures): its size and namespace.
    let alone = svg(&c, Some(240.0));
    let open = &alone[..alone.find('>').unwrap()];
    assert!(open.contains(" width=\"240\" height=\"") && open.contains("xmlns="));
    // The legend and the table as HTML.
    let legend = legend_html(&c, Lang::En);
    assert!(
        legend.contains(">Target ≥ 95<") && legend.contains(">Red &lt; 90<"),
        "{legend}"
    );
    assert!(legend.contains(">Comment<"), "{legend}");
    let table = table_html(&c, Lang::En);
    assert!(
        table.contains("<caption class=\"visually-hidden\">Trend of Installed on time</caption>")
    );
    assert_eq!(table.matches("<tr>").count(), 13, "a header and 12 periods");
    assert!(table.contains("<th scope=\"row\">2026-07</th><td class=\"trend-num\">86.5%</td><td class=\"trend-st st-off\">"));
    assert!(table.contains("<td>Fitter ill for two weeks</td>"));
    // Texts are escaped wherever they go.
    k.comments
        .insert(month(2026, 9), "Cost < plan & \"ok\"".into());
    k.name = "A<b>".into();
    let c = chart(&k, (2026, 11), Lang::En);
    let (drawn, table) = (svg(&c, None), table_html(&c, Lang::En));
    for text in [&drawn, &table] {
        assert!(
            text.contains("Cost &lt; plan &amp; &quot;ok&quot;"),
            "{text}"
        );
        assert!(
            text.contains("Trend of A&lt;b&gt;") && !text.contains("<b>"),
            "{text}"
        );
    }
}

#[test]
fn a_quarterly_kpi_shows_twelve_quarters() {
    let mut k = kpi(Direction::Higher, 8.0, 7.0);
    k.frequency = Frequency::Quarterly;
    k.unit = String::new();
    k.values.set(Period::Quarter { y: 2026, q: 2 }, Some(8.2));
    k.values.set(Period::Quarter { y: 2026, q: 3 }, Some(7.5));
    // As of 2026-11 the newest quarter is 2026-Q3.
    let c = chart(&k, (2026, 11), Lang::En);
    assert_eq!(c.slots.len(), 12);
    assert_eq!(c.slots[11].period, Period::Quarter { y: 2026, q: 3 });
    assert_eq!(c.slots[0].period, Period::Quarter { y: 2023, q: 4 });
    let labels: Vec<_> = c.slots.iter().map(|s| s.label.clone().unwrap()).collect();
    assert_eq!(&labels[..3], ["Q4", "Q1", "Q2"]);
    assert_eq!(
        c.slots[0].sub, None,
        "2023 gives way to 2024 right after it"
    );
    assert_eq!(c.slots[1].sub.as_deref(), Some("2024"));
    assert_eq!(c.slots[2].sub, None);
    assert_eq!(c.slots[5].sub.as_deref(), Some("2025"));
    assert_eq!(c.points.len(), 2);
    assert_eq!(c.segments.len(), 1);
    assert_eq!(c.points[1].text, "7.5");
    assert_eq!(c.points[1].status, Status::AtRisk);
    assert_eq!(c.rows[11].period, "2026-Q3");
}

#[test]
fn a_kpi_without_values_or_frequency_has_no_chart_but_says_why() {
    let k = kpi(Direction::Higher, 95.0, 90.0);
    let c = chart(&k, (2026, 11), Lang::En);
    assert_eq!(c.empty.as_deref(), Some("No values in these periods yet."));
    assert!(c.points.is_empty() && c.segments.is_empty() && c.ticks.is_empty());
    assert_eq!(c.rows.len(), 12, "the table still lists the periods");
    assert!(c.rows.iter().all(|r| r.status_word == "no value"));
    assert_eq!(svg(&c, Some(200.0)), "");
    // Values, but none in the periods shown.
    let c = chart(&monthly(), (2028, 1), Lang::Nl);
    assert_eq!(
        c.empty.as_deref(),
        Some("Nog geen waarden in deze perioden.")
    );
    let mut k = kpi(Direction::Higher, 95.0, 90.0);
    k.frequency = Frequency::Unset;
    let c = chart(&k, (2026, 11), Lang::En);
    assert_eq!(
        c.empty.as_deref(),
        Some("No trend: the KPI has no frequency yet.")
    );
    assert!(c.slots.is_empty() && c.rows.is_empty());
}

#[test]
fn it_reads_only_the_kpis_fields_values_and_comments() {
    let mut m = Model::default();
    let k = monthly();
    m.kpis.insert(k.id.clone(), k.clone());
    let r = Reader::new(&m);
    let c = trend_chart(&r, &k.id, (2026, 11), 12, Lang::En).unwrap();
    assert_eq!(c, chart(&k, (2026, 11), Lang::En));
    let mut topics = r.into_topics();
    topics.sort_by_key(|t| format!("{t:?}"));
    let mut want = vec![
        Topic::Fields(Target::Kpi(k.id.clone())),
        Topic::Values(k.id.clone()),
        Topic::Comments(k.id.clone()),
    ];
    want.sort_by_key(|t| format!("{t:?}"));
    assert_eq!(topics, want);
    let r = Reader::new(&m);
    assert_eq!(
        trend_chart(&r, &Id::new("gone"), (2026, 11), 12, Lang::En),
        None
    );
}

#[test]
fn week_labels_carry_their_w_once_so_twelve_fit() {
    let m = support::coffee();
    let weekly = m
        .kpis
        .values()
        .find(|k| k.frequency == Frequency::Weekly)
        .expect("a weekly KPI in the coffee template");
    let r = kpi_structure::model::Reader::new(&m);
    let c = kpi_structure::present::trend_chart::trend_chart(
        &r,
        &weekly.id,
        (2026, 12),
        12,
        kpi_structure::model::Lang::En,
    )
    .unwrap();
    let labels: Vec<&str> = c.slots.iter().filter_map(|s| s.label.as_deref()).collect();
    assert_eq!(labels.len(), 12, "{labels:?}");
    assert!(labels[0].starts_with('W'), "{labels:?}");
    assert!(
        labels[1..]
            .iter()
            .all(|l| l.chars().all(|c| c.is_ascii_digit())),
        "{labels:?}"
    );
}
