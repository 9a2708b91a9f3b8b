//! Any text given as a dataset: loading never panics (with the default
//! limits and with small ones), validation agrees with loading, and
//! whatever loads survives save and load unchanged.
#![no_main]

use diplograph::io::{Limits, validate_json_str_with};
use diplograph::{DiplomaticGraph, Error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = DiplomaticGraph::from_json_str(text);
    let errors = diplograph::io::validate_json_str(text);
    // Small limits, so that the limit checks (and the JSON path of what
    // exceeds them) run on every input: loading and validation agree.
    let small = Limits::new().string_len(8).depth(4).items_per_meeting(1);
    let limited = DiplomaticGraph::from_json_str_with(text, &small);
    let limited_errors = validate_json_str_with(text, &small);
    match &limited {
        Ok(_) => assert!(limited_errors.is_empty(), "{limited_errors:?}"),
        Err(error) => {
            assert!(!limited_errors.is_empty(), "fails to load ({error}), yet validation found nothing");
            if let Error::LimitExceeded { location: Some(l), .. } = error {
                assert!(l.line >= 1 && l.column >= 1, "{l}");
            }
        }
    }
    match loaded {
        Ok(graph) => {
            assert!(errors.is_empty(), "loads, yet validation found {errors:?}");
            let saved = graph.to_json_string();
            let again = DiplomaticGraph::from_json_str(&saved)
                .unwrap_or_else(|e| panic!("a saved graph does not load: {e}\n{saved}"));
            assert!(again == graph, "save and load changed the graph");
            assert_eq!(again.to_json_string(), saved);
        }
        Err(error) => {
            assert!(!errors.is_empty(), "fails to load ({error}), yet validation found nothing");
            let _ = error.to_string();
        }
    }
});
