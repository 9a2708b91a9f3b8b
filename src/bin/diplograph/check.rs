//! `diplograph check FILE`: every problem of a dataset file.

use std::path::Path;
use std::process::ExitCode;

use diplograph::DiplomaticGraph;

use crate::output::{Outcome, eprint, one_line, print};

/// Prints every problem of a dataset file, or `ok:` and its counts.
pub(crate) fn run(path: &Path) -> Outcome {
    let limits = crate::dataset::limits();
    let errors = DiplomaticGraph::validate_file_with(path, &limits);
    if errors.is_empty() {
        let graph = DiplomaticGraph::load_with(path, &limits)?;
        return print(format_args!("ok: {}\n", graph.counts()));
    }
    let mut lines = String::new();
    for err in &errors {
        lines.push_str(&one_line(err));
        lines.push('\n');
    }
    print(format_args!("{lines}"))?;
    let n = errors.len();
    eprint(format_args!(
        "error: {} has {n} problem{}\n",
        path.display(),
        if n == 1 { "" } else { "s" }
    ));
    Ok(ExitCode::FAILURE)
}
