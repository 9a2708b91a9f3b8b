//! Any bytes read as event data, in each format and both modes: never a
//! panic; a lenient import accounts for every row, and its graph saves and
//! loads back equal; a strict import either succeeds or fails with a row
//! error that names its line.
#![no_main]

use diplograph::Error;
use diplograph::import::{Format, Importer, Mode};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 5] = [
    Format::Gdelt,
    Format::GdeltMentions,
    Format::Icews,
    Format::Plover,
    Format::CameoTsv,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(selector) % FORMATS.len()];

    let mut lenient = Importer::new().mode(Mode::Lenient);
    if lenient.read(format, input, "fuzz").is_ok() {
        if let Ok((graph, report)) = lenient.finish() {
            assert_eq!(report.rows_read, report.rows_imported + report.rows_skipped());
            // The store does not check again what the importer vouches for
            // (its sources, its evidence): a graph it made must load back
            // as it was.
            let json = graph.to_json_string();
            let loaded = diplograph::DiplomaticGraph::from_json_str(&json);
            assert!(loaded.as_ref().is_ok_and(|g| *g == graph), "{loaded:?}");
        }
    }

    let mut strict = Importer::new();
    match strict.read(format, input, "fuzz") {
        Ok(()) => {
            let _ = strict.finish();
        }
        Err(Error::EventRow { location, .. }) => assert!(location.line >= 1),
        Err(other) => {
            let _ = other.to_string();
        }
    }
});
