//! Any text asked as a question of the bundled dataset: never a panic; a bad
//! question is an error that points inside the question.
#![no_main]

use std::sync::OnceLock;

use diplograph::{DiplomaticGraph, Error, Question};
use libfuzzer_sys::fuzz_target;

fn graph() -> &'static DiplomaticGraph {
    static GRAPH: OnceLock<DiplomaticGraph> = OnceLock::new();
    GRAPH.get_or_init(diplograph::datasets::washington_2025)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match graph().ask(&text) {
        Ok(answer) => {
            let _ = answer.len();
        }
        Err(Error::Question { column, .. }) => {
            assert!(column >= 1 && column <= text.chars().count() + 1, "column {column}");
        }
        Err(other) => {
            let _ = other.to_string();
        }
    }
    let _ = Question::parse(&text);
});
