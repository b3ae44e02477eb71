//! Every KPI of the version-1 templates (kept as fixtures in `tests/fixtures/v1`) gets the
//! norm a person reads from its target, amber and red text, and opening such a file gives the
//! KPI that norm as numbers while its description keeps the texts. None of them is
//! ambiguous: each has one target number and a red text with one number on the side its
//! direction says ("below 8.5", "over 15 days", "meer dan 3"). The shipped (version-2)
//! templates hold the same norms.

use std::path::Path;

use kpi_structure::format::import_json;
use kpi_structure::model::{norm_from_text, Direction, Model, Norm};
use serde_json::Value;

fn read(dir: &str, file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(file);
    std::fs::read_to_string(&path).expect(file)
}

fn open(dir: &str, file: &str) -> Model {
    let imported = import_json(&read(dir, file)).expect(file);
    assert!(
        imported.warnings.is_empty(),
        "{file}: {:?}",
        imported.warnings
    );
    imported.model
}

/// Each KPI of a version-1 fixture: name, direction, and its target, amber and red texts.
fn v1_texts(file: &str) -> Vec<(String, Direction, [String; 3])> {
    let v: Value = serde_json::from_str(&read("tests/fixtures/v1", file)).unwrap();
    assert_eq!(v["version"], 1, "{file} is a version-1 file");
    let s = |k: &Value, key: &str| k[key].as_str().unwrap_or("").to_string();
    v["model"]["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let direction = match k["direction"].as_str() {
                Some("higher") => Direction::Higher,
                Some("lower") => Direction::Lower,
                Some("band") => Direction::Band,
                _ => Direction::Unset,
            };
            (
                s(k, "name"),
                direction,
                [s(k, "target"), s(k, "amber"), s(k, "red")],
            )
        })
        .collect()
}

const fn h(target: f64, red: f64) -> Norm {
    Norm::Higher { target, red }
}

const fn l(target: f64, red: f64) -> Norm {
    Norm::Lower { target, red }
}

type Expected = (&'static str, &'static [(&'static str, Norm)]);

/// Per template, every KPI by name with its norm; the comment quotes target / amber / red.
const TEMPLATES: &[Expected] = &[
    (
        "coffee-machines.en.kpi.json",
        &[
            ("Customer satisfaction", h(9.0, 8.5)), // '9+' / '8.5 - 9' / 'below 8.5'
            ("Contract renewal rate", h(90.0, 85.0)), // '90%' / '85 - 90%' / 'below 85%'
            ("Operating margin", h(12.0, 10.0)),    // '12%' / '10 - 12%' / 'below 10%'
            ("Machines installed on time", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("Installed right the first time", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'below 95%'
            ("Order to first invoice", l(10.0, 15.0)), // '10 days' / '10 - 15 days' / 'over 15 days'
            ("Supplies delivered complete and on time", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'below 95%'
            ("Customers run out of supplies", l(0.0, 3.0)), // '0' / '1 - 3' / 'more than 3'
            ("Machine working within 24 hours", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("Fixed on the first visit", h(90.0, 85.0)),    // '90%' / '85 - 90%' / 'below 85%'
            ("Repeat breakdowns", l(3.0, 5.0)),             // 'at most 3%' / '3 - 5%' / 'over 5%'
            ("Complete orders handed over", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'below 95%'
            ("Installation planned within 2 days", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("Machines delivered on the planned day", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'below 95%'
            ("Contract active within 1 day", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("Orders picked correctly", h(99.5, 99.0)),      // '99.5%' / '99 - 99.5%' / 'below 99%'
            ("Breakdowns solved by phone", h(40.0, 30.0)),   // '40%' / '30 - 40%' / 'below 30%'
            ("Right parts in the van", h(95.0, 90.0)),       // '95%' / '90 - 95%' / 'below 90%'
        ],
    ),
    (
        "coffee-machines.nl.kpi.json",
        &[
            ("Klanttevredenheid", h(9.0, 8.5)), // '9+' / '8,5 - 9' / 'onder 8,5'
            ("Contractverlenging", h(90.0, 85.0)), // '90%' / '85 - 90%' / 'onder 85%'
            ("Bedrijfsmarge", h(12.0, 10.0)),   // '12%' / '10 - 12%' / 'onder 10%'
            ("Machines op tijd geïnstalleerd", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("In één keer goed geïnstalleerd", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'onder 95%'
            ("Van order tot eerste factuur", l(10.0, 15.0)), // '10 dagen' / '10 - 15 dagen' / 'meer dan 15 dagen'
            ("Benodigdheden compleet en op tijd geleverd", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'onder 95%'
            ("Klanten zonder voorraad", l(0.0, 3.0)), // '0' / '1 - 3' / 'meer dan 3'
            ("Machine binnen 24 uur werkend", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("Opgelost bij het eerste bezoek", h(90.0, 85.0)), // '90%' / '85 - 90%' / 'onder 85%'
            ("Herhaalstoringen", l(3.0, 5.0)),        // 'hoogstens 3%' / '3 - 5%' / 'meer dan 5%'
            ("Volledige orders overgedragen", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'onder 95%'
            ("Installatie gepland binnen 2 dagen", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("Machines geleverd op de geplande dag", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'onder 95%'
            ("Contract actief binnen 1 dag", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("Orders foutloos gepickt", h(99.5, 99.0)),      // '99,5%' / '99 - 99,5%' / 'onder 99%'
            ("Storingen telefonisch opgelost", h(40.0, 30.0)), // '40%' / '30 - 40%' / 'onder 30%'
            ("Juiste onderdelen in de bus", h(95.0, 90.0)),  // '95%' / '90 - 95%' / 'onder 90%'
        ],
    ),
    (
        "issue-to-resolution.en.kpi.json",
        &[
            ("Customer satisfaction (CSAT)", h(85.0, 77.0)), // '85%' / '77 - 85%' / 'below 77%'
            ("Customer retention", h(92.0, 88.0)),           // '92%' / '88 - 92%' / 'below 88%'
            ("Cost per resolved issue", l(25.0, 35.0)),      // '25' / '25 - 35' / 'over 35'
            ("Time to resolve", l(2.0, 4.0)), // '2 days' / '2 - 4 days' / 'over 4 days'
            ("Issues reopened (rework)", l(5.0, 10.0)), // '5%' / '5 - 10%' / 'over 10%'
            ("Resolved at first contact", h(70.0, 60.0)), // '70%' / '60 - 70%' / 'below 60%'
            ("Time to restore service", l(4.0, 8.0)), // '4 hours' / '4 - 8 hours' / 'over 8 hours'
            ("Customers informed within 30 minutes", h(95.0, 85.0)), // '95%' / '85 - 95%' / 'below 85%'
            ("Escalations with complete information", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("IT answers escalations within 1 day", h(90.0, 80.0)), // '90%' / '80 - 90%' / 'below 80%'
            ("Billing escalations solved within 2 days", h(90.0, 80.0)), // '90%' / '80 - 90%' / 'below 80%'
            ("Top causes removed", h(5.0, 3.0)), // '5' / '3 - 4' / 'fewer than 3'
            ("Outages detected before customers report", h(90.0, 75.0)), // '90%' / '75 - 90%' / 'below 75%'
        ],
    ),
    (
        "issue-to-resolution.nl.kpi.json",
        &[
            ("Klanttevredenheid (CSAT)", h(85.0, 77.0)), // '85%' / '77 - 85%' / 'onder 77%'
            ("Klantbehoud", h(92.0, 88.0)),              // '92%' / '88 - 92%' / 'onder 88%'
            ("Kosten per opgeloste vraag", l(25.0, 35.0)), // '25' / '25 - 35' / 'boven 35'
            ("Tijd tot oplossing", l(2.0, 4.0)), // '2 dagen' / '2 - 4 dagen' / 'meer dan 4 dagen'
            ("Heropende vragen (herstelwerk)", l(5.0, 10.0)), // '5%' / '5 - 10%' / 'meer dan 10%'
            ("Opgelost bij eerste contact", h(70.0, 60.0)), // '70%' / '60 - 70%' / 'onder 60%'
            ("Hersteltijd dienst", l(4.0, 8.0)), // '4 uur' / '4 - 8 uur' / 'meer dan 8 uur'
            ("Klanten binnen 30 minuten geïnformeerd", h(95.0, 85.0)), // '95%' / '85 - 95%' / 'onder 85%'
            ("Escalaties met volledige informatie", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("IT beantwoordt escalaties binnen 1 dag", h(90.0, 80.0)), // '90%' / '80 - 90%' / 'onder 80%'
            (
                "Facturatie-escalaties binnen 2 dagen opgelost",
                h(90.0, 80.0),
            ), // '90%' / '80 - 90%' / 'onder 80%'
            ("Belangrijkste oorzaken weggenomen", h(5.0, 3.0)), // '5' / '3 - 4' / 'minder dan 3'
            ("Storingen ontdekt vóór klantmelding", h(90.0, 75.0)), // '90%' / '75 - 90%' / 'onder 75%'
        ],
    ),
    (
        "order-to-cash.en.kpi.json",
        &[
            ("Customer satisfaction", h(85.0, 77.0)), // '85%' / '77 - 85%' / 'below 77%'
            ("Repeat order rate", h(70.0, 60.0)),     // '70%' / '60 - 70%' / 'below 60%'
            ("Days sales outstanding", l(35.0, 45.0)), // '35 days' / '35 - 45 days' / 'over 45 days'
            ("Order-to-cash lead time", l(40.0, 50.0)), // '40 days' / '40 - 50 days' / 'over 50 days'
            ("Complaints per 1,000 orders", l(5.0, 10.0)), // '5' / '5 - 10' / 'over 10'
            ("Returns", l(1.0, 2.0)),                   // '1%' / '1 - 2%' / 'over 2%'
            ("Complaints resolved within 5 days", h(90.0, 80.0)), // '90%' / '80 - 90%' / 'below 80%'
            ("Complaints needing rework", l(3.0, 6.0)),           // '3%' / '3 - 6%' / 'over 6%'
            ("Orders entered right the first time", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'below 95%'
            ("Perfect picks", h(99.5, 99.0)), // '99.5%' / '99 - 99.5%' / 'below 99%'
            ("Invoices right the first time", h(98.0, 96.0)), // '98%' / '96 - 98%' / 'below 96%'
            ("Returns checked on the day of arrival", h(95.0, 85.0)), // '95%' / '85 - 95%' / 'below 85%'
        ],
    ),
    (
        "order-to-cash.nl.kpi.json",
        &[
            ("Klanttevredenheid", h(85.0, 77.0)), // '85%' / '77 - 85%' / 'onder 77%'
            ("Herhaalorders", h(70.0, 60.0)),     // '70%' / '60 - 70%' / 'onder 60%'
            ("Debiteurendagen", l(35.0, 45.0)), // '35 dagen' / '35 - 45 dagen' / 'meer dan 45 dagen'
            ("Doorlooptijd order to cash", l(40.0, 50.0)), // '40 dagen' / '40 - 50 dagen' / 'meer dan 50 dagen'
            ("Klachten per 1.000 orders", l(5.0, 10.0)),   // '5' / '5 - 10' / 'meer dan 10'
            ("Retouren", l(1.0, 2.0)),                     // '1%' / '1 - 2%' / 'meer dan 2%'
            ("Klachten binnen 5 dagen opgelost", h(90.0, 80.0)), // '90%' / '80 - 90%' / 'onder 80%'
            ("Klachten met herstelwerk", l(3.0, 6.0)),     // '3%' / '3 - 6%' / 'meer dan 6%'
            ("Orders in één keer goed ingevoerd", h(98.0, 95.0)), // '98%' / '95 - 98%' / 'onder 95%'
            ("Foutloos gepickt", h(99.5, 99.0)), // '99,5%' / '99 - 99,5%' / 'onder 99%'
            ("Facturen in één keer goed", h(98.0, 96.0)), // '98%' / '96 - 98%' / 'onder 96%'
            (
                "Retouren gecontroleerd op dag van binnenkomst",
                h(95.0, 85.0),
            ), // '95%' / '85 - 95%' / 'onder 85%'
        ],
    ),
    (
        "source-to-pay.en.kpi.json",
        &[
            ("On time in full to customers", h(97.0, 94.0)), // '97%' / '94 - 97%' / 'below 94%'
            ("Purchase price index", l(98.0, 100.0)),        // '98' / '98 - 100' / 'over 100'
            ("Cash conversion cycle", l(45.0, 60.0)), // '45 days' / '45 - 60 days' / 'over 60 days'
            ("Supplier lead time", l(10.0, 15.0)),    // '10 days' / '10 - 15 days' / 'over 15 days'
            ("Delivered quality", h(99.0, 97.0)),     // '99%' / '97 - 99%' / 'below 97%'
            ("Negotiated discounts", h(6.0, 4.0)),    // '6%' / '4 - 6%' / 'below 4%'
            ("Time to qualify a supplier", l(30.0, 45.0)), // '30 days' / '30 - 45 days' / 'over 45 days'
            ("First deliveries approved", h(95.0, 90.0)),  // '95%' / '90 - 95%' / 'below 90%'
            ("Changes to forecast", l(5.0, 10.0)),         // '5%' / '5 - 10%' / 'over 10%'
            ("Supplier on-time delivery", h(95.0, 90.0)),  // '95%' / '90 - 95%' / 'below 90%'
            ("Incoming inspection within 1 day", h(95.0, 85.0)), // '95%' / '85 - 95%' / 'below 85%'
            ("Invoices paid on the due date", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'below 90%'
            ("Supplier data complete at first order", h(100.0, 95.0)), // '100%' / '95 - 100%' / 'below 95%'
        ],
    ),
    (
        "source-to-pay.nl.kpi.json",
        &[
            ("Op tijd en compleet aan klanten", h(97.0, 94.0)), // '97%' / '94 - 97%' / 'onder 94%'
            ("Inkoopprijsindex", l(98.0, 100.0)),               // '98' / '98 - 100' / 'boven 100'
            ("Kasconversiecyclus", l(45.0, 60.0)), // '45 dagen' / '45 - 60 dagen' / 'meer dan 60 dagen'
            ("Levertijd leveranciers", l(10.0, 15.0)), // '10 dagen' / '10 - 15 dagen' / 'meer dan 15 dagen'
            ("Geleverde kwaliteit", h(99.0, 97.0)),    // '99%' / '97 - 99%' / 'onder 97%'
            ("Onderhandelde kortingen", h(6.0, 4.0)),  // '6%' / '4 - 6%' / 'onder 4%'
            ("Doorlooptijd leverancierskwalificatie", l(30.0, 45.0)), // '30 dagen' / '30 - 45 dagen' / 'meer dan 45 dagen'
            ("Eerste leveringen goedgekeurd", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("Wijzigingen in de prognose", l(5.0, 10.0)),     // '5%' / '5 - 10%' / 'meer dan 10%'
            ("Leverbetrouwbaarheid leverancier", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            ("Ingangscontrole binnen 1 dag", h(95.0, 85.0)),  // '95%' / '85 - 95%' / 'onder 85%'
            ("Facturen betaald op de vervaldatum", h(95.0, 90.0)), // '95%' / '90 - 95%' / 'onder 90%'
            (
                "Leveranciersgegevens compleet bij eerste order",
                h(100.0, 95.0),
            ), // '100%' / '95 - 100%' / 'onder 95%'
        ],
    ),
];

fn count(dir: &str) -> usize {
    std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".kpi.json")
        })
        .count()
}

#[test]
fn every_template_kpi_reads_as_a_person_reads_it() {
    assert_eq!(
        TEMPLATES.len(),
        count("tests/fixtures/v1"),
        "a template is missing from the table"
    );
    for (file, expected) in TEMPLATES {
        let texts = v1_texts(file);
        let names: Vec<&str> = texts.iter().map(|(n, _, _)| n.as_str()).collect();
        let listed: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, listed, "{file}: the table lists other KPIs");
        for ((name, norm), (_, direction, [t, a, r])) in expected.iter().zip(&texts) {
            let read = norm_from_text(*direction, t, a, r);
            assert_eq!(read.as_ref(), Ok(norm), "{file}: {name}");
        }
    }
}

#[test]
fn opening_a_version_1_template_gives_numbers_and_keeps_the_texts() {
    for (file, expected) in TEMPLATES {
        let model = open("tests/fixtures/v1", file);
        let texts = v1_texts(file);
        assert_eq!(model.kpis.len(), expected.len(), "{file}");
        for (((name, norm), k), (_, _, [t, a, r])) in
            expected.iter().zip(model.kpis.values()).zip(&texts)
        {
            assert_eq!(k.name, *name, "{file}");
            assert_eq!(k.norm().as_ref(), Some(norm), "{file}: {name}");
            let d = &k.norm_description;
            assert!(d.starts_with(t.trim()), "{file}: {name}: {d}");
            assert!(
                d.contains(&format!("amber {}", a.trim())),
                "{file}: {name}: {d}"
            );
            assert!(
                d.contains(&format!("red {}", r.trim())),
                "{file}: {name}: {d}"
            );
        }
    }
}

#[test]
fn shipped_templates_hold_the_same_norms() {
    assert_eq!(TEMPLATES.len(), count("public/templates"));
    assert_eq!(TEMPLATES.len(), count("tests/fixtures/v2"));
    for (file, expected) in TEMPLATES {
        let v: Value = serde_json::from_str(&read("public/templates", file)).unwrap();
        assert_eq!(v["version"], 3, "{file} is converted to version 3");
        let model = open("public/templates", file);
        // The KPIs of version 1 come first, with their norms; version 3 added a few after them
        // (handovers, the value balance).
        assert!(model.kpis.len() >= expected.len(), "{file}");
        for ((name, norm), k) in expected.iter().zip(model.kpis.values()) {
            assert_eq!(k.norm().as_ref(), Some(norm), "{file}: {name}");
        }
        // The version-2 copy, as shipped before version 3, is the version-1 model with a year
        // of values and comments (`model_steer_template_values.rs`).
        let v2 = open("tests/fixtures/v2", file);
        let v1 = open("tests/fixtures/v1", file);
        let strip = |mut m: Model| {
            m.created = 0.0;
            m.modified = 0.0;
            for k in m.kpis.values_mut() {
                k.values = Default::default();
                k.comments = Default::default();
            }
            m
        };
        assert_eq!(
            strip(v2),
            strip(v1),
            "{file}: the same model as its version-1 copy"
        );
    }
}

#[test]
fn english_and_dutch_templates_read_the_same_norms() {
    let norms = |file: &str| -> Vec<Norm> {
        TEMPLATES
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap()
            .1
            .iter()
            .map(|(_, n)| *n)
            .collect()
    };
    for id in [
        "coffee-machines",
        "issue-to-resolution",
        "order-to-cash",
        "source-to-pay",
    ] {
        assert_eq!(
            norms(&format!("{id}.en.kpi.json")),
            norms(&format!("{id}.nl.kpi.json")),
            "{id}"
        );
    }
}
