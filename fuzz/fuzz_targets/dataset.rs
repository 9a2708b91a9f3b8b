//! Any text given as a dataset: loading never panics, validation agrees with
//! loading, and whatever loads survives save and load unchanged.
#![no_main]

use diplograph::DiplomaticGraph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = DiplomaticGraph::from_json_str(text);
    let errors = diplograph::io::validate_json_str(text);
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
