//! The trend sparkline: scaling into its box, gaps, flat series, the norm inside the box, and
//! the sentence for screen readers.

use kpi_structure::model::*;
use kpi_structure::present::sparkline::{geometry, sparkline, value_text, NormMark, H, PERIODS, W};

fn inside((x, y): (f64, f64)) -> bool {
    (0.0..=W).contains(&x) && (0.0..=H).contains(&y)
}

/// The points of a path `M x y L x y …`, each with whether it starts a piece.
fn points(path: &str) -> Vec<(bool, f64, f64)> {
    let mut parts: Vec<String> = Vec::new();
    for c in path.chars() {
        if c == 'M' || c == 'L' {
            parts.push(String::new());
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts
        .iter()
        .map(|part| {
            let (cmd, rest) = part.split_at(1);
            let mut nums = rest.split(' ').map(|n| n.parse::<f64>().unwrap());
            (cmd == "M", nums.next().unwrap(), nums.next().unwrap())
        })
        .collect()
}

#[test]
fn values_fill_the_box_higher_is_up() {
    let s = geometry(&[Some(10.0), Some(20.0), Some(15.0)], None);
    let p = points(&s.path);
    assert_eq!(p.len(), 3);
    assert!(p[0].0 && !p[1].0 && !p[2].0, "{}", s.path);
    assert!(p.iter().all(|&(_, x, y)| inside((x, y))), "{}", s.path);
    // Leftmost is the first, rightmost the last; the highest value is the top point.
    assert!(p[0].1 < p[1].1 && p[1].1 < p[2].1);
    assert!(p[1].2 < p[2].2 && p[2].2 < p[0].2);
    assert!(
        p[1].2 <= 2.5 && p[0].2 >= H - 2.5,
        "uses the height: {}",
        s.path
    );
    assert_eq!(s.last, Some((p[2].1, p[2].2)));
    assert!(s.dots.is_empty());
    assert_eq!(s.norm, None);
}

#[test]
fn a_missing_value_breaks_the_line_and_lone_values_are_dots() {
    let s = geometry(
        &[
            Some(1.0),
            Some(2.0),
            None,
            Some(3.0),
            None,
            Some(4.0),
            Some(5.0),
        ],
        None,
    );
    let starts = points(&s.path).iter().filter(|p| p.0).count();
    assert_eq!(starts, 2, "two pieces: {}", s.path);
    assert_eq!(points(&s.path).len(), 4);
    assert_eq!(s.dots.len(), 1, "the lone 3 is a dot");
    // The same pieces as points (the slides' polyline): the path's points, run by run.
    let from_path: Vec<Vec<(f64, f64)>> = points(&s.path).iter().fold(Vec::new(), |mut runs, p| {
        if p.0 {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push((p.1, p.2));
        }
        runs
    });
    assert_eq!(s.runs, from_path);
    assert_eq!(s.runs.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2]);
    let s = geometry(&[Some(1.0), None], None);
    assert!(s.runs.is_empty());
    assert_eq!(s.path, "");
    assert_eq!(s.dots.len(), 1);
    assert_eq!(s.last, None, "the newest period has no value");
    let s = geometry(&[None, None], None);
    assert_eq!((s.path.as_str(), s.dots.len(), s.last), ("", 0, None));
}

#[test]
fn a_flat_series_is_a_line_in_the_middle() {
    let s = geometry(&[Some(7.0); 5], None);
    let p = points(&s.path);
    assert_eq!(p.len(), 5);
    assert!(p.iter().all(|q| (q.2 - H / 2.0).abs() < 0.11), "{}", s.path);
}

#[test]
fn the_norm_lies_inside_the_box() {
    let higher = Norm::Higher {
        target: 95.0,
        red: 90.0,
    };
    // The target far above every value still shows, at the top.
    let s = geometry(&[Some(50.0), Some(60.0)], Some(&higher));
    let Some(NormMark::Line(y)) = s.norm else {
        panic!("{:?}", s.norm)
    };
    assert!((0.0..=H).contains(&y) && y <= 2.5, "{y}");
    assert!(points(&s.path).iter().all(|&(_, x, y)| inside((x, y))));
    // A band: top above bottom, both inside.
    let band = Norm::Band {
        low: 10.0,
        high: 15.0,
        tolerance: 2.0,
    };
    let s = geometry(&[Some(12.0), Some(20.0), Some(5.0)], Some(&band));
    let Some(NormMark::Band(top, bottom)) = s.norm else {
        panic!("{:?}", s.norm)
    };
    assert!(0.0 <= top && top < bottom && bottom <= H, "{top} {bottom}");
    // No value at all: the norm line in the middle.
    let s = geometry(&[None, None], Some(&higher));
    assert_eq!(s.norm, Some(NormMark::Line(H / 2.0)));
}

#[test]
fn the_sentence_names_periods_first_and_last_value_and_status() {
    let mut k = Kpi::new(
        Id::new("k"),
        "Installed on time",
        Attach::Result { goal: Id::new("g") },
    );
    k.frequency = Frequency::Monthly;
    k.direction = Direction::Higher;
    k.target = Some(95.0);
    k.red = Some(90.0);
    k.unit = "%".into();
    k.values.set(Period::Month { y: 2026, m: 1 }, Some(91.0));
    k.values.set(Period::Month { y: 2026, m: 3 }, Some(96.5));
    let s = sparkline(&k, (2026, 3), Lang::En);
    assert_eq!(s.summary, "Trend over 12 months: 91 → 96.5, on target");
    let s = sparkline(&k, (2026, 3), Lang::Nl);
    assert_eq!(s.summary, "Verloop over 12 maanden: 91 → 96,5, op norm");
    assert_eq!(points(&s.path).len() + s.dots.len(), 2);
    let s = sparkline(&k, (2026, 4), Lang::En);
    assert_eq!(s.summary, "Trend over 12 months: 91 → 96.5, no value");
    let s = sparkline(&k, (2025, 6), Lang::En);
    assert_eq!(s.summary, "Trend over 12 months: no values, no value");
    assert_eq!(PERIODS, 12);
    assert_eq!(
        value_text(&k, (2026, 3), Lang::Nl).as_deref(),
        Some("96,5%")
    );
    k.unit = "days".into();
    assert_eq!(
        value_text(&k, (2026, 1), Lang::En).as_deref(),
        Some("91 days")
    );
    assert_eq!(value_text(&k, (2026, 2), Lang::En), None);
}
