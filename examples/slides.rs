//! Writes the slides of the coffee template (English and Dutch) into a folder, each with a
//! `.expect` file: the slide count on its first line, then texts the slides must show. `make
//! slides-check` converts them to PDF with LibreOffice and checks both.
//! Run with `cargo run --example slides -- <folder>`.

use kpi_structure::format::import_json;
use kpi_structure::model::{Date, Lang};
use kpi_structure::present::slides::{deck, slides};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example slides -- <folder>");
        std::process::exit(2);
    };
    let as_of = (2026, 11);
    let today = Date {
        y: 2026,
        m: 12,
        d: 5,
    };
    for (file, lang, stem) in [
        ("coffee-machines.en.kpi.json", Lang::En, "coffee-en"),
        ("coffee-machines.nl.kpi.json", Lang::Nl, "coffee-nl"),
    ] {
        let path = format!("{}/public/templates/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the template");
        let model = import_json(&text).expect("the template imports").model;
        let bytes = slides(&model, as_of, today, lang).expect("the slides");
        std::fs::write(format!("{dir}/{stem}.pptx"), bytes).expect("write the slides");
        let mut expect = vec![deck(&model, as_of, today, lang).slides.len().to_string()];
        expect.push(model.name.clone());
        expect.push(
            lang.pick("Goals and result KPIs", "Doelen en resultaat-KPI's")
                .into(),
        );
        expect.extend(model.chains.values().map(|c| c.name.clone()));
        std::fs::write(format!("{dir}/{stem}.expect"), expect.join("\n") + "\n")
            .expect("write the expectations");
        println!("{dir}/{stem}.pptx");
    }
}
